"""How fast a batch's rows go, learnt from the rows that finish: their rate over the last
minute (progress and the time left) and their recent time in flight, which sets how many
rows are handed to the queue beyond its concurrency (what a paused batch still runs, and
how many rows one store transaction inserts).

The margin is at least MARGIN, or as many rows as the slots finish in AHEAD seconds at the
recent time in flight. Each hand-over is one store transaction, so rows that take
milliseconds (a fast server) go over in handfuls of dozens, not of 8 (B1: 375 transactions
for 3,000 rows were ~10 % of the engine's CPU), while slow rows (the usual case) still go 8
at a time. The time in flight, not the rate of finishes: a burst of rows finishing together
does not make a slow server look fast."""
from __future__ import annotations

from collections import deque

RATE_WINDOW = 60.0  # seconds of finished rows the rate is measured over
MARGIN = 8
AHEAD = 0.05  # seconds; 0.1 saved a little more CPU but made the window's event loop later (B3 p99 13 ms, not 8.6)
MOST = 128  # a hand-over's store transaction on the event loop: ~80 us a row, so ~10 ms at most
WEIGHT = 0.1  # of the newest row in the recent time in flight (a moving average)


class Pace:
    """The finish times of the last minute and the recent time in flight of a batch's rows."""

    def __init__(self) -> None:
        self._finishes: deque[float] = deque()
        self._since = 0.0  # when the batch (re)started running
        self.latency: float | None = None  # seconds in flight, a moving average

    def restart(self, now: float) -> None:
        """The batch runs (again) from `now`: the rate counts from here."""
        self._since = now
        self._finishes.clear()

    def finished(self, at: float) -> None:
        self._finishes.append(at)
        self._forget(at)  # without a view asking for the rate, too

    def ran(self, seconds: float) -> None:
        """A row finished after `seconds` in flight (NaN: unknown, ignored)."""
        if seconds == seconds:
            recent = self.latency
            self.latency = seconds if recent is None else recent + WEIGHT * (seconds - recent)

    def rate(self, now: float) -> float:
        """Rows finished per second over the last minute (or since the restart)."""
        self._forget(now)
        if not self._finishes:
            return 0.0
        return len(self._finishes) / min(RATE_WINDOW, max(now - self._since, 1e-3))

    def margin(self, concurrency: int) -> int:
        if self.latency is None:
            return MARGIN
        return max(MARGIN, min(MOST, int(concurrency * AHEAD / max(self.latency, 1e-4))))

    def _forget(self, now: float) -> None:
        while self._finishes and self._finishes[0] < now - RATE_WINDOW:
            self._finishes.popleft()
