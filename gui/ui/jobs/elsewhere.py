"""Jobs other processes write to the same data folder (a CLI batch beside the window): their
new jobs and changes, found by asking the store every few hundred milliseconds. The store's
data_version is one cheap query; rows are read only when it moved, and only those changed
since the last look."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from gui.core.jobs.job import Job
from gui.core.jobs.store import JobStore

INTERVAL_MS = 300  # how often the store is asked whether another process wrote


class Elsewhere(QObject):
    """Calls `arrived(jobs)` with the jobs other processes stored or changed since the last look."""

    def __init__(self, store: JobStore, arrived: Callable[[list[Job]], None], parent: QObject) -> None:
        super().__init__(parent)
        self._store = store
        self._arrived = arrived
        self._version = store.data_version()
        self._mark = store.changed_elsewhere(None)[1]
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _look(self) -> None:
        try:
            version = self._store.data_version()
            if version == self._version:
                return
            jobs, mark = self._store.changed_elsewhere(self._mark)
        except sqlite3.Error:  # the store was closed (shutting down) or is unreadable for now
            return
        self._version, self._mark = version, mark
        if jobs:
            self._arrived(jobs)
