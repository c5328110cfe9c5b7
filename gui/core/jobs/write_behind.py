"""Write-behind for the scheduler's state changes: they reach the store at most FLUSH_DELAY
later, all in one transaction. Speed: one commit per loop turn was one commit per job at
8 jobs at once. Readers of the store flush first, so nothing reads stale rows; a kill loses
at most the last FLUSH_DELAY of state changes, never a job (jobs are inserted at once)."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from gui.core.jobs.store import JobStore

log = logging.getLogger(__name__)

FLUSH_DELAY = 0.05  # seconds a state change may wait for the store's next transaction


class WriteBehind:
    def __init__(self, store: JobStore) -> None:
        self.store = store
        self._scheduled = False
        self._after: list[Callable[[], None]] = []

    def changed(self) -> None:
        """A deferred change was made: write it (and any others) within FLUSH_DELAY."""
        if not self._scheduled:
            self._scheduled = True
            asyncio.get_running_loop().call_later(FLUSH_DELAY, self._flush)

    def after(self, callback: Callable[[], None]) -> None:
        """Call `callback` once, right after the changes made so far are written."""
        self._after.append(callback)
        self.changed()

    def _flush(self) -> None:
        self._scheduled = False
        self.store.flush()
        callbacks, self._after = self._after, []
        for callback in callbacks:
            try:
                callback()
            except Exception:  # one broken callback must not stop the others
                log.exception("after-flush callback failed")
