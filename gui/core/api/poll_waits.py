"""The waits between status polls that servers asked for (Retry-After on a 202 job's
status), so the status bar can say that jobs are waiting and for how long, as it does
for the rate limit. Kept by the client while it sleeps; a poll that ends or is cancelled
takes its wait along."""
from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator


class PollWaits:
    def __init__(self) -> None:
        self._until: dict[object, float] = {}  # one entry per sleeping poll

    @contextlib.contextmanager
    def waiting(self, seconds: float) -> Iterator[None]:
        """Around the sleep of one poll the server asked to wait `seconds`."""
        token = object()
        self._until[token] = time.monotonic() + seconds
        try:
            yield
        finally:
            del self._until[token]

    def pending(self) -> tuple[int, float]:
        """(how many polls are waiting as their server asked, seconds until the last of them)."""
        if not self._until:
            return 0, 0.0
        return len(self._until), max(0.0, max(self._until.values()) - time.monotonic())
