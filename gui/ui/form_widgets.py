"""Small form pieces the endpoint tabs share: the Advanced JSON editor (checked as you
type), the blocker banner, a seed field that may stay empty, a section heading."""
from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QIntValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from gui.core.bodies import FieldProblem, parse_extra

ERROR_STYLE = "color: #c0392b;"
HINT_STYLE = "color: palette(placeholder-text);"


def banner(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("background: #fdebd0; color: #6e2c00; padding: 6px; border-radius: 3px;")
    return label


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet("font-weight: bold; margin-top: 6px;")
    return label


def hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class SeedEdit(QLineEdit):
    """A whole number, or empty for "none"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("none")
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
        self.toggle = QToolButton(self, text="Advanced (JSON merged into the request)", checkable=True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._toggled)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlaceholderText(f"Any extra fields as one JSON object, e.g. {example}")
        self.edit.setTabChangesFocus(True)
        self.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 7 + 12)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
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
        """The object, or FieldProblem("advanced", plain words)."""
        return parse_extra(self.text())

    def validate(self) -> bool:
        self._timer.stop()
        try:
            values = self.values()
            if values.get("stream"):
                raise FieldProblem("advanced", "The queue does not stream answers: remove \"stream\".")
        except FieldProblem as problem:
            self.show_problem(problem.message)
            return False
        self.show_problem("")
        return True

    def show_problem(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        if message:
            self.open()
