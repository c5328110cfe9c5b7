"""A batch's answers at a glance, per output field (issue 18): bars for choices and yes/no,
a histogram for numbers, the most common texts; drawn with QPainter, saved as PNG; a click
on a bar shows just its rows in the table below."""
from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core.batch.export import answers, snapshot, table_rows
from gui.core.batch.run import BatchRun
from gui.core.extraction.fields import fields_from_schema
from gui.core.extraction.summary import Bar, FieldSummary, summarise
from gui.ui.runtime.background import spawn
from gui.ui.widgets.save_dialog import ask_save

BAR_HEIGHT = 20
LABEL_WIDTH = 160


class FieldChart(QWidget):
    """One field: a title line and one horizontal bar per value, the count at its end."""

    barClicked = Signal(object)  # the Bar

    def __init__(self, summary: FieldSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setMinimumHeight(self._height())
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Click a bar to show its rows"))

    def _height(self) -> int:
        return (len(self.summary.bars) + 1) * (BAR_HEIGHT + 4) + 8

    def _bar_rect(self, index: int) -> QRectF:
        top = (index + 1) * (BAR_HEIGHT + 4) + 4
        return QRectF(LABEL_WIDTH, top, max(self.width() - LABEL_WIDTH - 60, 10), BAR_HEIGHT)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(palette.ColorRole.WindowText)
        accent = palette.color(palette.ColorRole.Highlight)
        title = self.summary.field.name
        if self.summary.missing:
            title += "  " + self.tr("({count} without a fitting answer)").format(count=self.summary.missing)
        painter.setPen(text_colour)
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(4, 4, self.width() - 8, BAR_HEIGHT), Qt.AlignmentFlag.AlignVCenter, title)
        bold.setBold(False)
        painter.setFont(bold)
        largest = max((b.count for b in self.summary.bars), default=0) or 1
        metrics = self.fontMetrics()
        for index, bar in enumerate(self.summary.bars):
            area = self._bar_rect(index)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 12)
            painter.setPen(text_colour)
            painter.drawText(QRectF(4, area.top(), LABEL_WIDTH - 8, BAR_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)
            filled = QRectF(area.left(), area.top(), area.width() * bar.count / largest, area.height())
            painter.fillRect(filled, QColor(accent))
            painter.drawText(QRectF(filled.right() + 6, area.top(), 54, BAR_HEIGHT), Qt.AlignmentFlag.AlignVCenter,
                             str(bar.count))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        y = event.position().y()
        for index, bar in enumerate(self.summary.bars):
            area = self._bar_rect(index)
            if area.top() <= y <= area.bottom():
                self.barClicked.emit(bar)
                return
        super().mousePressEvent(event)


class FieldSummaryDialog(QDialog):
    """The charts of one batch and its rows; the answers are parsed off the GUI thread."""

    def __init__(self, run: BatchRun, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fields of {name}").format(name=run.plan.name))
        self.run = run
        self.charts = QWidget(self)
        self.chart_layout = QVBoxLayout(self.charts)
        self.status = QLabel(self.tr("Reading the answers…"), self)
        self.chart_layout.addWidget(self.status)
        scroll = QScrollArea(self, widgetResizable=True)
        scroll.setWidget(self.charts)
        self.rows = QTableWidget(self)
        self.rows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.shown = QLabel(self)
        self.all_button = QPushButton(self.tr("Show all rows"), self, clicked=lambda: self.show_rows(None))
        self.png_button = QPushButton(self.tr("Save charts as PNG…"), self, clicked=self.ask_save_png)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(scroll)
        rows_box = QWidget(self)
        rows_layout = QVBoxLayout(rows_box)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        line.addWidget(self.shown, 1)
        line.addWidget(self.all_button)
        rows_layout.addLayout(line)
        rows_layout.addWidget(self.rows)
        split.addWidget(rows_box)
        split.setSizes([400, 260])  # the charts first; the rows below
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self, rejected=self.reject)
        buttons.addButton(self.png_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        layout.addWidget(buttons)
        self.resize(900, 700)
        self._header: list[str] = []
        self._table: list[list] = []
        self.ready = asyncio.Event()
        spawn(self._load())

    async def _load(self) -> None:
        snap = snapshot(self.run)
        fields = fields_from_schema(self.run.plan.spec.schema)
        loop = asyncio.get_running_loop()
        # Parsing and checking every answer is CPU work: not on the GUI thread.
        def table() -> tuple[list[str], list[list]]:
            header, rows = table_rows(snap)
            return header, list(rows)

        values, (header, table) = await asyncio.gather(loop.run_in_executor(None, answers, snap),
                                                       loop.run_in_executor(None, table))
        snap.close()
        self._header, self._table = header, table
        self.status.hide()
        for summary in summarise(fields, values):
            chart = FieldChart(summary, self.charts)
            chart.barClicked.connect(self._bar_clicked)
            self.chart_layout.addWidget(chart)
        self.chart_layout.addStretch(1)
        self.show_rows(None)
        self.ready.set()

    def _bar_clicked(self, bar: Bar) -> None:
        self.show_rows(bar.rows, bar.label)

    def show_rows(self, rows: list[int] | None, label: str = "") -> None:
        chosen = range(len(self._table)) if rows is None else rows
        self.rows.clear()
        self.rows.setColumnCount(len(self._header))
        self.rows.setHorizontalHeaderLabels(self._header)
        self.rows.setRowCount(len(chosen))
        for r, index in enumerate(chosen):
            for c, value in enumerate(self._table[index]):
                self.rows.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.rows.setVerticalHeaderLabels([str(i + 1) for i in chosen])
        self.shown.setText(self.tr("All {count} rows").format(count=len(chosen)) if rows is None else
                           self.tr("1 row with “{value}”").format(value=label) if len(chosen) == 1 else
                           self.tr("{count} rows with “{value}”").format(count=len(chosen), value=label))
        self.all_button.setEnabled(rows is not None)

    def ask_save_png(self) -> None:
        ask_save(self, self.tr("Save charts as PNG"), "fields.png", ["PNG (*.png)"], self.save_png)

    def save_png(self, path: str | Path) -> Path:
        self.charts.grab().save(str(path), "PNG")
        return Path(path)
