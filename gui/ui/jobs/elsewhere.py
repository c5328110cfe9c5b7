"""Jobs other processes write to the same data folder (a CLI batch beside the window): their
new jobs and changes, found by asking the store every few hundred milliseconds. The store's
data_version is one cheap query; rows are read only when it moved, and only those changed
since the last look, in a worker thread: beside a CLI batch at concurrency 8 to 64 a look
reads 600-900 jobs, 15-37 ms on the GUI thread; from a worker the GUI thread's worst gap
was 6 ms (decoding the rows holds the GIL, which a worker hands back every 5 ms)."""
from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from gui.core.jobs.job import Job
from gui.core.jobs.store import JobStore
from gui.ui.runtime.background import spawn

INTERVAL_MS = 300  # how often the store is asked whether another process wrote


class Elsewhere(QObject):
    """Calls `arrived(jobs)` with the jobs other processes stored or changed since the last look."""

    def __init__(self, store: JobStore, arrived: Callable[[list[Job]], None], parent: QObject) -> None:
        super().__init__(parent)
        self._store = store
        self._arrived = arrived
        self._version = store.data_version()
        self._mark = store.changed_elsewhere(None)[1]
        self._reading = False  # a look's read is in a worker thread
        self._stopped = False
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stopped = True

    def _look(self) -> None:
        if self._reading:
            return
        try:
            version = self._store.data_version()
        except sqlite3.Error:  # the store was closed (shutting down) or is unreadable for now
            return
        if version == self._version:
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # no event loop (scripts, unit tests): read here
            self._take(version, *self._read(self._mark))
            return
        self._reading = True
        spawn(self._read_off_loop(version, self._mark))

    async def _read_off_loop(self, version: int, mark: int) -> None:
        try:
            found = await asyncio.get_running_loop().run_in_executor(None, self._read, mark)
        finally:
            self._reading = False
        self._take(version, *found)

    def _read(self, mark: int) -> tuple[list[Job], int | None]:
        try:
            return self._store.changed_elsewhere(mark)
        except sqlite3.Error:
            return [], None

    def _take(self, version: int, jobs: list[Job], mark: int | None) -> None:
        if mark is None or self._stopped:
            return
        self._version, self._mark = version, mark
        if jobs:
            self._arrived(jobs)
