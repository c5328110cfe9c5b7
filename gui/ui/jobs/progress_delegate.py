"""The job table's State cell as a progress bar while a file uploads ("Uploading 42%"),
drawn by the style; every other cell is drawn as usual."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

from gui.core.jobs.job import JobState
from gui.ui.jobs.table_model import JobTableModel


class UploadProgressDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        job = index.data(JobTableModel.JobRole)
        # An upload's progress, or a recording's share of pieces back.
        if job is None or job.progress is None or job.state not in (JobState.SUBMITTING, JobState.WAITING):
            super().paint(painter, option, index)
            return
        # Speed: QStyle's Python type (~10 ms to make) is first needed by an upload, not at start-up.
        from PySide6.QtWidgets import QStyle, QStyleOptionProgressBar

        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 2, -2, -2)
        bar.minimum, bar.maximum = 0, 1000
        bar.progress = round(job.progress * 1000)
        bar.text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        bar.textVisible = True
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)
