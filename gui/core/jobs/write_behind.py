"""Write-behind for the scheduler's state changes: they reach the store at most FLUSH_DELAY
later, all in one transaction. Speed: one commit per loop turn was one commit per job at
8 jobs at once. Readers of the store flush first, so nothing reads stale rows; a kill loses
at most the last FLUSH_DELAY of state changes, never a job (jobs are inserted at once).

Another process may hold the database's write lock (a CLI batch, a backup tool). The
flush then waits only briefly (it runs on the event loop, the GUI thread), keeps the
changes, and tries again with a growing delay; if the disk stays locked for a while the
user is told, and told again when the changes are safe."""
from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable

from gui.core.i18n import translate
from gui.core.jobs.store import JobStore, busy_message

log = logging.getLogger(__name__)

FLUSH_DELAY = 0.05  # seconds a state change may wait for the store's next transaction
LOCK_WAIT = 0.1  # seconds one flush on the event loop waits for another process's lock
MAX_RETRY_DELAY = 2.0
TELL_AFTER = 3.0  # seconds of failed flushes before the user is told

Trouble = Callable[[str | None], None]  # a message, or None once the changes are written


class WriteBehind:
    def __init__(self, store: JobStore) -> None:
        self.store = store
        self._scheduled = False
        self._after: list[Callable[[], None]] = []
        self._retry_delay = 0.0  # > 0 while flushes fail
        self._failing_for = 0.0
        self._told = False
        self.on_trouble: Trouble | None = None

    @property
    def failing(self) -> bool:
        return self._retry_delay > 0

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
        try:
            self.store.flush(timeout=LOCK_WAIT)
        except sqlite3.OperationalError as exc:
            self._failed(exc)
            return
        if self._told:
            self.tell(None)
        self._retry_delay = self._failing_for = 0.0
        self._told = False
        callbacks, self._after = self._after, []
        for callback in callbacks:
            try:
                callback()
            except Exception:  # one broken callback must not stop the others
                log.exception("after-flush callback failed")

    def _failed(self, exc: sqlite3.OperationalError) -> None:
        # The changes stay in the store's pending set; try again later, backing off.
        self._retry_delay = min(MAX_RETRY_DELAY, max(FLUSH_DELAY, self._retry_delay * 2))
        self._failing_for += self._retry_delay + LOCK_WAIT
        log.warning("job changes not written (%s); trying again in %.2f s", exc, self._retry_delay)
        if self._failing_for >= TELL_AFTER and not self._told:
            self._told = True
            self.tell(translate("store", "{locked} Job changes are kept and written once it is free.").format(
                locked=busy_message(self.store.path)))
        self._scheduled = True
        asyncio.get_running_loop().call_later(self._retry_delay, self._flush)

    def tell(self, message: str | None) -> None:
        if self.on_trouble is not None:
            try:
                self.on_trouble(message)
            except Exception:
                log.exception("store trouble listener failed")
        elif message:
            log.error("%s", message)
