"""How many of a batch's rows are handed to the queue beyond its concurrency: what a paused
batch still runs, and how many rows one store transaction inserts.

At least MARGIN, or as many as the slots finish in AHEAD seconds at the rows' recent time
in flight. Each hand-over is one store transaction, so rows that take milliseconds (a fast
server) go over in handfuls of dozens, not of 8 (B1: 375 transactions for 3,000 rows were
~10 % of the engine's CPU), while slow rows (the usual case) still go 8 at a time. The time
in flight, not the rate of finishes: a burst of rows finishing together does not make a
slow server look fast."""
from __future__ import annotations

MARGIN = 8
AHEAD = 0.05  # seconds; 0.1 saved a little more CPU but made the window's event loop later (B3 p99 13 ms, not 8.6)
MOST = 128  # a hand-over's store transaction on the event loop: ~80 us a row, so ~10 ms at most
WEIGHT = 0.1  # of the newest row in the recent time in flight (a moving average)


class HandOver:
    """The recent time in flight of a batch's rows, and the margin it allows."""

    def __init__(self) -> None:
        self.latency: float | None = None  # seconds, a moving average

    def finished(self, seconds: float) -> None:
        """A row finished after `seconds` in flight (NaN: unknown, ignored)."""
        if seconds == seconds:
            recent = self.latency
            self.latency = seconds if recent is None else recent + WEIGHT * (seconds - recent)

    def margin(self, concurrency: int) -> int:
        if self.latency is None:
            return MARGIN
        return max(MARGIN, min(MOST, int(concurrency * AHEAD / max(self.latency, 1e-4))))
