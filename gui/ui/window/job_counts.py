"""The status bar's job counts: running and queued live from the job table's model; done,
failed, cancelled and interrupted over the whole history, counted by the store off the GUI
thread at most once a second."""
from __future__ import annotations

import asyncio

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from gui.core.jobs.history import count_by_state
from gui.core.jobs.job import JobState
from gui.core.jobs.store import JobStore
from gui.ui.jobs.table_model import JobTableModel
from gui.ui.runtime.background import spawn


class JobCounts(QLabel):
    def __init__(self, model: JobTableModel, store: JobStore, parent: QWidget) -> None:
        super().__init__(parent)
        self._model = model
        self._store = store
        self._history: dict[JobState, int] | None = None  # not counted yet: a moment after start-up
        self._timer = QTimer(self, singleShot=True, interval=1000)
        self._timer.timeout.connect(self.count_history)
        model.countsChanged.connect(self._live_changed)

    def count_history(self) -> None:
        """Count the history again (off the GUI thread), then show the counts."""
        spawn(self._count_history())

    def stop(self) -> None:
        self._timer.stop()

    def _live_changed(self) -> None:
        if not self._timer.isActive():
            self._timer.start()
        self._render()

    async def _count_history(self) -> None:
        self._history = await asyncio.get_running_loop().run_in_executor(None, count_by_state, self._store.path)
        self._render()

    def _render(self) -> None:
        live, history = self._model.counts, self._history
        if history is None:
            return
        running = sum(n for s, n in live.items() if s.in_flight)
        parts = [self.tr("Running {count}").format(count=running),
                 self.tr("Queued {count}").format(count=live[JobState.QUEUED]),
                 self.tr("Done {count}").format(count=history.get(JobState.SUCCEEDED, 0)),
                 self.tr("Failed {count}").format(count=history.get(JobState.FAILED, 0))]
        if history.get(JobState.CANCELLED):
            parts.append(self.tr("Cancelled {count}").format(count=history[JobState.CANCELLED]))
        if history.get(JobState.INTERRUPTED):
            parts.append(self.tr("Interrupted {count}").format(count=history[JobState.INTERRUPTED]))
        self.setText("  ·  ".join(parts))
        self.setToolTip(self.tr("Done, failed, cancelled and interrupted count every job in the history"))
