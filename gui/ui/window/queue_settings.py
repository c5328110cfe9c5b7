"""The Queue settings dialog: parallel jobs, a requests-per-minute limit, attempts per job,
the read timeout and the upload size limit (the values: settings.QueueSettings). Applied to
the running engine at once where it can be (the read timeout applies from the next start)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from gui.core.jobs.scheduler import Scheduler
from gui.ui.runtime import settings as app_settings
from gui.ui.runtime.settings import QueueSettings


class QueueSettingsDialog(QDialog):
    def __init__(self, scheduler: Scheduler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Queue settings"))
        # Wide enough for its title bar ("Queue settings — Queue Desk" and the buttons), which a
        # window manager would otherwise cut to "Queue settin…".
        title = f"{self.windowTitle()} — {QApplication.applicationDisplayName()}"
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(title) + 160)
        self._scheduler = scheduler
        current = QueueSettings.load()

        def spin(low: int, high: int, value: int, suffix: str = "", special: str = "") -> QSpinBox:
            box = QSpinBox(self, minimum=low, maximum=high, value=value, suffix=suffix)
            if special:
                box.setSpecialValueText(special)
            return box

        self.concurrency = spin(1, 64, current.concurrency)
        self.per_minute = spin(0, 10_000, current.per_minute, special=self.tr("No limit"))
        self.attempts = spin(1, 10, current.attempts)
        self.read_timeout = spin(1, 240, current.read_timeout_min, self.tr(" min"))
        self.upload_limit = spin(1, 4096, int(app_settings.upload_limit_mib()), self.tr(" MiB"))
        self.answer_limit = spin(1, 16384, current.largest_answer_mib, self.tr(" MiB"))
        self.answer_limit.setToolTip(self.tr("A bigger answer fails at once and is not sent again"))
        self.server_wait = spin(1, 3600, current.server_wait_s, self.tr(" s"))
        self.server_wait.setToolTip(self.tr("The longest pause a server may ask for (Retry-After) before a retry"))
        self.longest_wait = spin(1, 720, current.longest_wait_h, self.tr(" h"))
        self.longest_wait.setToolTip(self.tr("A job the server accepted but has not finished by then fails"))
        form = QFormLayout(self)
        form.addRow(self.tr("Jobs at once"), self.concurrency)
        form.addRow(self.tr("Requests per minute"), self.per_minute)  # "No limit" alone read as no limit at all
        form.addRow(self.tr("Attempts per job"), self.attempts)
        form.addRow(self.tr("Wait for an answer"), self.read_timeout)
        form.addRow(self.tr("Largest upload"), self.upload_limit)
        form.addRow(self.tr("Largest answer"), self.answer_limit)
        form.addRow(self.tr("Longest server pause"), self.server_wait)
        form.addRow(self.tr("Longest wait for a job"), self.longest_wait)
        note = QLabel(self.tr("The server holds each request open until the job is done, so the wait for an "
                              "answer is long. It and the answer and wait limits apply from the next start."),
                      self, wordWrap=True)
        note.setStyleSheet("color: palette(placeholder-text);")  # palette(mid) was ~2:1 in the dark scheme
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        settings = QueueSettings(self.concurrency.value(), self.per_minute.value(), self.attempts.value(),
                                 self.read_timeout.value(), self.answer_limit.value(), self.server_wait.value(),
                                 self.longest_wait.value())
        settings.save()
        settings.apply(self._scheduler)
        app_settings.set_upload_limit_mib(self.upload_limit.value())
        super().accept()
