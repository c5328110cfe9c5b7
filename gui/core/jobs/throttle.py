"""How fast the scheduler may send: a concurrency limit that backs off while the server
pushes back (429/503) and recovers afterwards, an optional requests-per-minute limit, a
hold for the server's Retry-After, and pause/resume. Slots are granted in FIFO order, so
jobs start in the order they were submitted."""
from __future__ import annotations

import asyncio
import collections
import time
from collections.abc import Callable

from gui.core.errors import human_duration
from gui.core.i18n import translate


class Throttle:
    def __init__(self, limit: int, per_minute: int | None = None) -> None:
        self.limit = max(1, limit)
        self.per_minute = per_minute
        self.current = float(self.limit)  # adaptive: halves on push-back, grows back by 1 per success round
        self.active = 0
        self.paused = False
        self.hold_until = 0.0
        self._starts: collections.deque[float] = collections.deque()  # send times in the last minute
        self._waiters: collections.deque[asyncio.Future[None]] = collections.deque()
        self._timer: asyncio.TimerHandle | None = None
        self.on_limit: Callable[[], None] | None = None  # called after set_limit (the scheduler adds workers)

    # -- the slot protocol ----------------------------------------------------

    async def acquire(self) -> None:
        if not self._waiters and self._delay() == 0:
            self._grant()
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(future)
        self._wake()
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.release()  # granted just as we were cancelled: hand it on
            elif future in self._waiters:
                self._waiters.remove(future)
            raise

    def release(self) -> None:
        self.active -= 1
        self._wake()

    async def __aenter__(self) -> None:
        await self.acquire()

    async def __aexit__(self, *exc: object) -> None:
        self.release()

    # -- what the server and the user say ---------------------------------------

    def pushback(self, retry_after: float | None) -> None:
        """The server said slow down: halve the parallel jobs and hold until Retry-After."""
        self.current = max(1.0, self.current / 2)
        if retry_after:
            self.hold_until = max(self.hold_until, time.time() + retry_after)

    def succeeded(self) -> None:
        # Additive increase: about one more parallel job per round of successes.
        if self.current < self.limit:
            self.current = min(float(self.limit), self.current + 1 / self.current)
            self._wake()

    def set_limit(self, limit: int) -> None:
        self.limit = max(1, limit)
        self.current = min(self.current, self.limit) if self.current < self.limit else float(self.limit)
        self._wake()
        if self.on_limit is not None:
            self.on_limit()

    def pause(self) -> None:
        self.paused = True

    def resume(self) -> None:
        self.paused = False
        self._wake()

    def describe(self) -> str | None:
        """The throttle's state in words for the status bar, or None when it runs freely."""
        if self.paused:
            return translate("throttle", "Queue paused")
        hold = self.hold_until - time.time()
        if hold > 0:
            return translate("throttle", "Waiting {duration} for the rate limit").format(duration=human_duration(hold))
        if self.per_minute and len(self._starts) >= self.per_minute and self._waiters:
            return translate("throttle", "Limited to {count} requests per minute").format(count=self.per_minute)
        if int(self.current) < self.limit:
            return translate("throttle", "Slowed down by the server: {current} of {limit} jobs at once").format(
                current=int(self.current), limit=self.limit)
        return None

    # -- internals ----------------------------------------------------------------

    def _delay(self) -> float | None:
        """0 if a job may start now, seconds until one may, or None (wait for a release)."""
        if self.paused or self.active >= int(self.current):
            return None
        now = time.time()
        if self.hold_until > now:
            return self.hold_until - now
        if self.per_minute:
            while self._starts and self._starts[0] <= now - 60:
                self._starts.popleft()
            if len(self._starts) >= self.per_minute:
                return self._starts[0] + 60 - now
        return 0.0

    def _grant(self) -> None:
        self.active += 1
        if self.per_minute:
            self._starts.append(time.time())

    def _wake(self) -> None:
        while self._waiters:
            delay = self._delay()
            if delay != 0:
                if delay is not None:
                    self._wake_in(delay)
                return
            future = self._waiters.popleft()
            if not future.done():
                self._grant()
                future.set_result(None)

    def _wake_in(self, delay: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = asyncio.get_running_loop().call_later(delay + 0.001, self._wake)
