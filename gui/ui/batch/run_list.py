"""The batch list: one row per batch with a progress bar (done, failed, remaining), the
rate and ETA, and the batch's actions: Pause/Resume, Cancel, Re-run failed, Export…,
Jobs (filter the job table to it), Folder. Batches are few, so each is a small widget
rather than a model row; updates arrive coalesced from the controller."""
from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui.core.batch.run import BatchRun
from gui.core.batch.states import Progress, RunState
from gui.core.jobs.job import JobState
from gui.ui.jobs.columns import format_duration, state_colour
from gui.ui.runtime.theme import contrast

STATE_WORDS = {
    RunState.IDLE: QT_TRANSLATE_NOOP("batch_list", "Stopped"),
    RunState.RUNNING: QT_TRANSLATE_NOOP("batch_list", "Running"),
    RunState.PAUSED: QT_TRANSLATE_NOOP("batch_list", "Paused"),
    RunState.CANCELLING: QT_TRANSLATE_NOOP("batch_list", "Cancelling…"),
    RunState.FINISHING: QT_TRANSLATE_NOOP("batch_list", "Writing results…"),
    RunState.FINISHED: QT_TRANSLATE_NOOP("batch_list", "Finished"),
    RunState.CANCELLED: QT_TRANSLATE_NOOP("batch_list", "Cancelled"),
    RunState.INTERRUPTED: QT_TRANSLATE_NOOP("batch_list", "Interrupted"),
}


_TRACK = "#eef1f1"  # the bar's empty part, in both schemes


class BatchBar(QWidget):
    """A progress bar in three colours: done, failed, remaining."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress: Progress | None = None
        self.setMinimumHeight(self.fontMetrics().height() + 6)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_progress(self, progress: Progress) -> None:
        self.progress = progress
        self.setToolTip(self.tr("{done} done · {failed} failed · {remaining} remaining").format(
            done=f"{progress.done:,}", failed=f"{progress.failed:,}", remaining=f"{progress.remaining:,}"))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QColor("#bfc9ca"))
        painter.setBrush(QColor(_TRACK))
        painter.drawRoundedRect(rect, 3, 3)
        p = self.progress
        if p is None or not p.total:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        x = rect.left()
        for count, colour in ((p.done, state_colour(JobState.SUCCEEDED)), (p.failed, state_colour(JobState.FAILED))):
            width = rect.width() * count / p.total
            if width > 0:
                painter.setBrush(QColor(colour))
                painter.drawRoundedRect(QRectF(x, rect.top(), width, rect.height()), 3, 3)
                x += width
        painter.setPen(self.text_colour())
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, f"{p.finished:,} / {p.total:,}")

    def text_colour(self) -> QColor:
        """Dark or white, whichever reads better on the colour under the centred count (the
        dark scheme's light green took white text down to about 2:1)."""
        p = self.progress
        if p is None or not p.total:
            return QColor("#1c2833")
        under = QColor(_TRACK)
        if p.done >= p.total / 2:
            under = QColor(state_colour(JobState.SUCCEEDED))
        elif p.done + p.failed >= p.total / 2:
            under = QColor(state_colour(JobState.FAILED))
        return max((QColor("#1c2833"), QColor("white")), key=lambda c: contrast(c, under))


def progress_text(run: BatchRun, p: Progress) -> str:
    parts = [QCoreApplication.translate("batch_list", "{done} done · {failed} failed · {remaining} remaining").format(
        done=f"{p.done:,}", failed=f"{p.failed:,}", remaining=f"{p.remaining:,}")]
    if run.state is RunState.RUNNING and p.rate > 0:
        if p.rate >= 1:
            parts.append(QCoreApplication.translate("batch_list", "{rate} rows/s").format(rate=f"{p.rate:.1f}"))
        else:
            parts.append(QCoreApplication.translate("batch_list", "{rate} rows/min").format(rate=f"{p.rate * 60:.1f}"))
        if p.eta is not None:
            eta = QCoreApplication.translate("batch_list", "ETA {duration}")
            parts.append(eta.format(duration=format_duration(p.eta)))
    return " · ".join(parts)


class BatchRow(QFrame):
    def __init__(self, run: BatchRun, actions: BatchActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = run
        self.setFrameShape(QFrame.Shape.StyledPanel)
        spec = run.plan.spec
        self.title = QLabel(f"<b>{html.escape(run.plan.name)}</b>", self)
        self.title.setToolTip(self.tr("{source}\nResults: {folder}").format(source=run.plan.table.source,
                                                                           folder=run.plan.out_dir))
        what = self.tr("OpenAI Batch JSONL") if run.plan.is_jsonl else f"{spec.endpoint.label} · {spec.model}"
        self.what = QLabel(what, self, styleSheet="color: palette(placeholder-text);")
        self.state = QLabel(self)
        self.bar = BatchBar(self)
        self.detail = QLabel(self)
        self.pause_button = QPushButton(self.tr("Pause"), self, toolTip=self.tr(
            "Hand no more rows of this batch to the queue; rows already handed over finish"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self,
                                         toolTip=self.tr("Stop this batch: rows not yet sent are not sent"))
        self.rerun_button = QPushButton(self.tr("Re-run failed"), self, toolTip=self.tr(
            "Send again the rows that failed, were cancelled or interrupted, or never ran; "
            "answers merge into this batch by custom_id"))
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.jobs_button = QPushButton(self.tr("Jobs"), self,
                                       toolTip=self.tr("Show only this batch's jobs in the job table"))
        self.folder_button = QPushButton(self.tr("Folder"), self, toolTip=str(run.plan.out_dir))
        self.fields_button = QPushButton(self.tr("Fields…"), self, visible=bool(spec.schema), toolTip=self.tr(
            "Charts of the answers per output field; click a bar to see its rows"))
        self.fields_button.clicked.connect(self.show_fields)
        self.remove_button = QPushButton("✕", self, toolTip=self.tr("Remove from this list (files and jobs stay)"),
                                         flat=True)
        self.pause_button.clicked.connect(lambda: actions.pause_or_resume(run))
        self.cancel_button.clicked.connect(lambda: actions.cancel(run))
        self.rerun_button.clicked.connect(lambda: actions.rerun(run))
        self.export_button.clicked.connect(lambda: actions.export(run))
        self.jobs_button.clicked.connect(lambda: actions.show_jobs(run))
        self.folder_button.clicked.connect(lambda: actions.open_folder(run))
        self.remove_button.clicked.connect(lambda: actions.forget(run))
        # Its room kept while hidden (a running batch): the row keeps its height when the
        # batch ends, so the list does not grow a scroll bar then.
        policy = self.remove_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.remove_button.setSizePolicy(policy)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.what)
        head.addStretch(1)
        head.addWidget(self.state)
        head.addWidget(self.remove_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.detail, 1)
        for b in (self.pause_button, self.cancel_button, self.rerun_button, self.export_button, self.fields_button,
                  self.jobs_button, self.folder_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        self.refresh()

    def show_fields(self) -> QWidget:
        from gui.ui.batch.field_summary import FieldSummaryDialog  # with the first look, not at start-up

        dialog = FieldSummaryDialog(self.run, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def refresh(self) -> None:
        run, p = self.run, self.run.progress()
        self.bar.set_progress(p)
        self.detail.setText(progress_text(run, p))
        # A batch restored after a restart is idle; if every row has its outcome it is finished.
        shown = RunState.FINISHED if run.state is RunState.IDLE and p.total and not p.remaining else run.state
        self.state.setText(QCoreApplication.translate("batch_list", STATE_WORDS[shown]))
        active = run.state.active
        self.pause_button.setText(self.tr("Resume") if run.state is RunState.PAUSED else self.tr("Pause"))
        self.pause_button.setEnabled(run.state in (RunState.RUNNING, RunState.PAUSED))
        self.cancel_button.setEnabled(run.state in (RunState.RUNNING, RunState.PAUSED))
        self.rerun_button.setEnabled(not active and p.done < p.total)
        self.remove_button.setVisible(not active)


class BatchActions:
    """What the row buttons do (the controller provides them)."""

    pause_or_resume: Callable[[BatchRun], None]
    cancel: Callable[[BatchRun], None]
    rerun: Callable[[BatchRun], None]
    export: Callable[[BatchRun], None]
    show_jobs: Callable[[BatchRun], None]
    open_folder: Callable[[BatchRun], None]
    forget: Callable[[BatchRun], None]


class BatchListPanel(QWidget):
    newRequested = Signal()

    def __init__(self, actions: BatchActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.rows: dict[int, BatchRow] = {}
        self.empty = QLabel(self.tr("No batches yet. Batch ▸ New batch… (Ctrl+B) turns a spreadsheet into jobs."),
                            self)
        self.empty.setStyleSheet("color: palette(placeholder-text); padding: 8px;")
        self.new_button = QPushButton(self.tr("New batch…"), self)
        self.new_button.clicked.connect(self.newRequested)
        inner = QWidget(self)
        self.list_layout = QVBoxLayout(inner)
        self.list_layout.setContentsMargins(4, 4, 4, 4)
        self.list_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(inner)
        empty_row = QHBoxLayout()
        empty_row.addWidget(self.empty, 1)
        empty_row.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(empty_row)
        layout.addWidget(self.scroll, 1)

    def add(self, run: BatchRun) -> BatchRow:
        row = BatchRow(run, self.actions, self)
        self.rows[id(run)] = row
        self.list_layout.insertWidget(0, row)  # newest on top
        self._fit()
        return row

    def remove(self, run: BatchRun) -> None:
        row = self.rows.pop(id(run), None)
        if row is not None:
            row.deleteLater()
        self._fit()

    def _fit(self) -> None:
        # Room for up to two whole batches before scrolling; the empty note only when empty.
        empty = not self.rows
        self.empty.setVisible(empty)
        self.new_button.setVisible(empty)
        height = max((r.sizeHint().height() for r in self.rows.values()), default=0)
        self.scroll.setMinimumHeight(min(len(self.rows), 2) * (height + 4) + 8 if self.rows else 0)

    def refresh(self, run: BatchRun) -> None:
        row = self.rows.get(id(run))
        if row is not None:
            row.refresh()
