"""Small form pieces the endpoint tabs share: the Advanced JSON editor (checked as you
type), the blocker banner, a seed field that may stay empty, a section heading."""
from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIntValidator, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.builders.bodies import parse_extra
from gui.core.errors import InputProblem

ERROR_COLOUR = "#e74c3c"  # a red that reads on light and dark bases (contrast >= 3 on both)
ERROR_STYLE = f"color: {ERROR_COLOUR};"
HINT_STYLE = "color: palette(placeholder-text);"
# Speed: the labels of every form are coloured through their palette, not a style sheet
# (each sheet puts a widget under Qt's style-sheet style: ~0.3 ms a label to make and paint).


def in_error_colour(label: QLabel) -> QLabel:
    """`label` in the error red, on any scheme (the rest of its palette follows the app's)."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_COLOUR))
    label.setPalette(palette)
    return label


def in_bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def as_hint(label: QLabel) -> QLabel:
    """`label` in the palette's placeholder colour, which follows a change of scheme."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def error_label(parent: QWidget) -> QLabel:
    """A hidden red label for a field's problem, shown when there is one."""
    label = in_error_colour(QLabel(parent))
    label.setTextFormat(Qt.TextFormat.PlainText)  # errors carry server text: never markup or links
    label.setWordWrap(True)
    label.hide()
    return label


def banner(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("background: #fdebd0; color: #6e2c00; padding: 6px; border-radius: 3px;")
    return label


def heading(text: str, parent: QWidget) -> QLabel:
    label = in_bold(QLabel(text, parent))
    label.setContentsMargins(0, 6, 0, 0)
    return label


def hint(text: str, parent: QWidget) -> QLabel:
    label = as_hint(QLabel(text, parent))
    label.setWordWrap(True)
    return label


class GrowingTextEdit(QPlainTextEdit):
    """A text box as tall as its text (between `lines` and `max_lines`), so a form of
    several boxes in a scroll area neither squeezes nor balloons them."""

    def __init__(self, lines: int = 3, max_lines: int = 16, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines, self._max_lines = lines, max_lines
        self._written = False
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.textChanged.connect(self.updateGeometry)

    def set_lines(self, lines: int) -> None:
        self._lines = lines
        self.updateGeometry()

    def _height(self, lines: int) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().lineSpacing() * lines + margins.top() + margins.bottom() + 10

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # Speed: an empty box needs no count, and document() makes PySide build QTextDocument's
        # Python type (~2 ms of start-up, for the boxes of the first form). Once a box has held
        # text it is counted from then on: its text is not copied out at every keystroke.
        self._written = self._written or self.blockCount() > 1 or bool(self.toPlainText())
        shown = max(self._lines, min(self._max_lines, self.document().lineCount())) if self._written else self._lines
        return QSize(super().sizeHint().width(), self._height(shown))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().minimumSizeHint().width(), self._height(min(self._lines, 3)))


class SeedEdit(QLineEdit):
    """A whole number, or empty for "none"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("none"))
        self.setValidator(QIntValidator(-2**31, 2**31 - 1, self))
        self.setMaximumWidth(110)

    def value(self) -> int | None:
        text = self.text().strip()
        return int(text) if text not in ("", "-") else None

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))


class AdvancedEditor(QWidget):
    """A JSON object whose keys are merged into the request body (and win over the
    form). Collapsed until opened; the problem with the text shows under it as you type."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, example: str = '{"top_p": 0.9}') -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self, text=self.tr("Advanced (extra JSON)"), checkable=True,
                                  toolTip=self.tr("JSON fields merged into the request as they are"))
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._toggled)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlaceholderText(
            self.tr("Any extra fields as one JSON object, e.g. {example}").format(example=example))
        self.edit.setTabChangesFocus(True)
        self._monospaced = False  # set when first opened (_toggled)
        self.edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 7 + 12)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.edit.hide()
        self._timer = QTimer(self, singleShot=True, interval=250)  # check once typing pauses
        self._timer.timeout.connect(self.validate)
        self.edit.textChanged.connect(self._timer.start)
        self.edit.textChanged.connect(self.changed)

    def _toggled(self, on: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        if on and not self._monospaced:
            from PySide6.QtGui import QFontDatabase  # Speed: the editor is closed at start-up

            # Finding the monospace font takes ~4 ms, paid when the editor first opens.
            self.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            self._monospaced = True
        self.edit.setVisible(on)
        self.error.setVisible(on and bool(self.error.text()))

    def open(self) -> None:
        self.toggle.setChecked(True)

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_values(self, values: dict[str, Any]) -> None:
        self.edit.setPlainText(json.dumps(values, indent=2, ensure_ascii=False) if values else "")
        if values:
            self.open()
        self.validate()

    def values(self) -> dict[str, Any]:
        """The object, or InputProblem(plain words, field="advanced")."""
        return parse_extra(self.text())

    def validate(self) -> bool:
        self._timer.stop()
        try:
            values = self.values()
            if values.get("stream"):
                raise InputProblem(self.tr("The queue does not stream answers: remove \"stream\"."), field="advanced")
        except InputProblem as problem:
            self.show_problem(problem.message)
            return False
        self.show_problem("")
        return True

    def show_problem(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        if message:
            self.open()
            area = self.parentWidget()
            while area is not None and not isinstance(area, QScrollArea):
                area = area.parentWidget()
            if area is not None:  # the problem shows under the editor, which may be at the fold
                QTimer.singleShot(0, self, lambda: area.ensureWidgetVisible(self.error, 0, 4))
