"""Whole-queue controls: pause and resume, "finish running jobs, then stop", resubmit
everything that was interrupted, and in the status bar the throttle's state and the polls a
server asked to wait."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from gui.core.errors import human_duration
from gui.core.jobs.job import JobState
from gui.core.jobs.scheduler import Scheduler
from gui.core.jobs.store import JobStore

if TYPE_CHECKING:
    from gui.ui.window.queue_settings import QueueSettingsDialog


class QueueControls(QObject):
    message = Signal(str)  # something to tell the user in the status bar

    def __init__(self, scheduler: Scheduler, store: JobStore, parent: QWidget) -> None:
        super().__init__(parent)
        self._scheduler = scheduler
        self._store = store
        self._stop_when_idle = False

        self.pause_action = QAction(self.tr("&Pause queue"), self, checkable=True,
                                    toolTip=self.tr("Start no new jobs; running jobs go on"))
        self.pause_action.toggled.connect(self._set_paused)
        self.drain_action = QAction(self.tr("&Finish running jobs, then stop"), self,
                                    toolTip=self.tr("Let running jobs finish and start no new ones"))
        self.drain_action.triggered.connect(self.finish_then_stop)
        self.resubmit_interrupted_action = QAction(self.tr("Resubmit all &interrupted"), self,
                                                   toolTip=self.tr("Send again every job the app was stopped during"))
        self.resubmit_interrupted_action.triggered.connect(self.resubmit_interrupted)

        # The throttle's state ("Waiting 12 s for the rate limit") changes with time, not
        # with events, so it is polled; twice a second is cheap and reads smoothly.
        self.label = QLabel(parent)
        self._timer = QTimer(self, interval=500)
        self._timer.timeout.connect(self._refresh)
        self._timer.start()

        self.settings_action = QAction(self.tr("Queue &settings…"), self,
                                       toolTip=self.tr("Jobs at once, requests per minute, attempts, timeouts"))
        self.settings_action.triggered.connect(self.open_settings)
        self.settings_dialog: QueueSettingsDialog | None = None

    @property
    def actions(self) -> list[QAction]:
        return [self.pause_action, self.drain_action, self.resubmit_interrupted_action, self.settings_action]

    def open_settings(self) -> QueueSettingsDialog:
        from gui.ui.window.queue_settings import (
            QueueSettingsDialog,  # Speed: with the dialog, not at start-up
        )

        # open(), not exec(): a nested event loop inside the asyncio loop breaks qasync.
        self.settings_dialog = QueueSettingsDialog(self._scheduler, self.parent())
        self.settings_dialog.open()
        return self.settings_dialog

    def finish_then_stop(self) -> None:
        self._stop_when_idle = True
        self.pause_action.setChecked(True)
        self.message.emit(self.tr("Finishing the running jobs; no new job will start."))

    def resubmit_interrupted(self) -> int:
        jobs = self._store.jobs(states=[JobState.INTERRUPTED])
        if jobs:
            self._scheduler.submit_many(jobs)
            if len(jobs) == 1:
                text = self.tr("Resubmitted {count} interrupted job.")
            else:
                text = self.tr("Resubmitted {count} interrupted jobs.")
            self.message.emit(text.format(count=len(jobs)))
        else:
            self.message.emit(self.tr("No interrupted jobs to resubmit."))
        return len(jobs)

    def _set_paused(self, paused: bool) -> None:
        if paused:
            self._scheduler.pause()
        else:
            self._stop_when_idle = False
            self._scheduler.resume()

    def _refresh(self) -> None:
        throttle = self._scheduler.throttle
        text = "  ·  ".join(t for t in (throttle.describe(), self._poll_waits()) if t)
        if self._stop_when_idle:
            running = throttle.active
            if running == 1:
                text = self.tr("Stopping: waiting for {count} running job").format(count=running)
            elif running:
                text = self.tr("Stopping: waiting for {count} running jobs").format(count=running)
            else:
                text = self.tr("Stopped after the running jobs finished")
        if text != self.label.text():
            self.label.setText(text)

    def _poll_waits(self) -> str | None:
        """Jobs the server asked to wait before their status is checked again (Retry-After)."""
        count, seconds = self._scheduler.client.poll_waits.pending()
        if not count:
            return None
        if count == 1:
            text = self.tr("Checking {count} job again in {duration}, as the server asked")
        else:
            text = self.tr("Checking {count} jobs again within {duration}, as the server asked")
        return text.format(count=count, duration=human_duration(seconds))
