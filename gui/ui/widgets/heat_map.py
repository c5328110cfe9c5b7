"""A similarity matrix drawn with QPainter: one square per pair of inputs, coloured on a
diverging scale (blue -1, white 0, red +1), with row/column numbers and a tooltip that
names both inputs and their cosine similarity."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

_MARGIN = 28  # room for the numbers on top and left
_BAR = 7  # the legend's colour bar


def _legend_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
    return small


def colour(value: float) -> QColor:
    v = max(-1.0, min(1.0, value))
    if v >= 0:  # white -> red
        return QColor(255, round(255 * (1 - v * 0.85)), round(255 * (1 - v * 0.9)))
    v = -v  # white -> blue
    return QColor(round(255 * (1 - v * 0.9)), round(255 * (1 - v * 0.7)), 255)


class HeatMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: list[list[float]] = []
        self.labels: list[str] = []
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_matrix(self, matrix: list[list[float]], labels: list[str]) -> None:
        self.matrix = matrix
        self.labels = labels
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(320, 320)

    def _cell(self) -> float:
        n = len(self.matrix)
        if not n:
            return 0.0
        side = min(self.width() - _MARGIN, self.height() - _MARGIN - self._legend_height())
        return max(1.0, side / n)

    def _legend_height(self) -> int:
        """Below the matrix: a gap, the colour bar and the −1 0 +1 line, all of it drawn."""
        return 6 + _BAR + 2 + QFontMetrics(_legend_font(self.font())).height() + 2

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        size, n = self._cell(), len(self.matrix)
        if not n:
            return None
        col, row = int((pos.x() - _MARGIN) // size), int((pos.y() - _MARGIN) // size)
        if pos.x() < _MARGIN or pos.y() < _MARGIN or not (0 <= row < n and 0 <= col < n):
            return None
        return row, col

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        n = len(self.matrix)
        if not n:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No similarities to show"))
            return
        size = self._cell()
        painter.setPen(Qt.PenStyle.NoPen)
        for i, row in enumerate(self.matrix):
            for j, value in enumerate(row):
                painter.setBrush(colour(value))
                painter.drawRect(QRect(round(_MARGIN + j * size), round(_MARGIN + i * size),
                                       max(1, round(size + 0.5)), max(1, round(size + 0.5))))
        painter.setPen(self.palette().text().color())
        step = max(1, int(18 // size) + 1)  # skip numbers when squares are small
        for k in range(0, n, step):
            centre = round(_MARGIN + (k + 0.5) * size)
            painter.drawText(QRect(centre - 14, 4, 28, _MARGIN - 6), Qt.AlignmentFlag.AlignCenter, str(k + 1))
            painter.drawText(QRect(0, centre - 8, _MARGIN - 4, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(k + 1))
        # A legend: the scale from -1 to 1 under the matrix.
        top = round(_MARGIN + n * size) + 6
        width = round(n * size)
        for x in range(width):
            painter.setPen(colour(-1 + 2 * x / max(1, width - 1)))
            painter.drawLine(_MARGIN + x, top, _MARGIN + x, top + _BAR)
        painter.setPen(self.palette().text().color())
        font = _legend_font(painter.font())
        painter.setFont(font)
        line = QRect(_MARGIN, top + _BAR + 2, width, QFontMetrics(font).height())
        for align, text in ((Qt.AlignmentFlag.AlignLeft, "−1"), (Qt.AlignmentFlag.AlignHCenter, "0"),
                            (Qt.AlignmentFlag.AlignRight, "+1")):
            painter.drawText(line, align, text)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cell = self.cell_at(event.pos())
            if cell is None:
                QToolTip.hideText()
            else:
                i, j = cell
                QToolTip.showText(event.globalPos(), self.tooltip(i, j), self)
            return True
        return super().event(event)

    def tooltip(self, i: int, j: int) -> str:
        def name(k: int) -> str:
            text = self.labels[k] if k < len(self.labels) else ""
            return f"{k + 1}: {text[:60] + ('…' if len(text) > 60 else '')}" if text else str(k + 1)

        return self.tr("{first}\n{second}\ncosine similarity {value}").format(
            first=name(i), second=name(j), value=f"{self.matrix[i][j]:.4f}")
