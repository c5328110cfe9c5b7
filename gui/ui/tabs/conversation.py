"""The chat tab's conversation editor: system, user and assistant messages that can be
added, removed, reordered and edited. It yields plain {"role", "content"} dicts; the
rules about empty messages live in the core builder."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.ui.widgets.form import GrowingTextEdit

# The API's role names (sent as they are); the role box shows them translated.
ROLES = (QT_TRANSLATE_NOOP("conversation", "system"), QT_TRANSLATE_NOOP("conversation", "user"),
         QT_TRANSLATE_NOOP("conversation", "assistant"))
_PLACEHOLDERS = {
    "system": QT_TRANSLATE_NOOP("conversation", "Optional: how the assistant should behave"),
    "user": QT_TRANSLATE_NOOP("conversation", "What you want to ask. Ctrl+Enter submits."),
    "assistant": QT_TRANSLATE_NOOP("conversation",
                                   "An earlier answer of the assistant (for a conversation with history)"),
}


class MessageRow(QFrame):
    move_requested = Signal(object, int)  # row, -1 up / +1 down
    remove_requested = Signal(object)

    def __init__(self, role: str, content: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.role_box = QComboBox(self)
        for name in ROLES:
            self.role_box.addItem(QCoreApplication.translate("conversation", name), name)
        self.role_box.setCurrentIndex(max(self.role_box.findData(role), 0))
        self.role_box.setToolTip(self.tr("Who says this message"))
        self.edit = GrowingTextEdit(3, 16, self)
        self.edit.setPlainText(content)
        self.up = QToolButton(self, text="↑", toolTip=self.tr("Move this message up"), autoRaise=True)
        self.down = QToolButton(self, text="↓", toolTip=self.tr("Move this message down"), autoRaise=True)
        self.remove = QToolButton(self, text="✕", toolTip=self.tr("Remove this message"), autoRaise=True)
        self.up.clicked.connect(lambda: self.move_requested.emit(self, -1))
        self.down.clicked.connect(lambda: self.move_requested.emit(self, 1))
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.role_box.currentIndexChanged.connect(lambda: self._role_changed(self.role))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.role_box)
        top.addStretch(1)
        for button in (self.up, self.down, self.remove):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.edit)
        self._role_changed(role)

    @property
    def role(self) -> str:
        return self.role_box.currentData()

    def _role_changed(self, role: str) -> None:
        placeholder = _PLACEHOLDERS.get(role)
        self.edit.setPlaceholderText(QCoreApplication.translate("conversation", placeholder) if placeholder else "")
        self.edit.set_lines(5 if role == "user" else 2)

    def message(self) -> dict[str, Any]:
        return {"role": self.role, "content": self.edit.toPlainText()}


class ConversationEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[MessageRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(4)
        self.add_button = QPushButton(self.tr("Add message"), self)
        self.add_button.setToolTip(self.tr("Add a message (the next role in turn) at the end of the conversation"))
        self.add_button.clicked.connect(lambda: self.add_message(self._next_role()).edit.setFocus())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.set_messages([{"role": "system", "content": ""}, {"role": "user", "content": ""}])

    def _next_role(self) -> str:
        last = self.rows[-1].role if self.rows else "assistant"
        return "assistant" if last == "user" else "user"

    def add_message(self, role: str, content: str = "") -> MessageRow:
        row = MessageRow(role, content, self)
        row.move_requested.connect(self.move)
        row.remove_requested.connect(self.remove)
        row.edit.textChanged.connect(self.changed)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        self._update_buttons()
        self.changed.emit()
        return row

    def remove(self, row: MessageRow) -> None:
        if row not in self.rows:
            return
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.deleteLater()
        self._update_buttons()
        self.changed.emit()

    def move(self, row: MessageRow, step: int) -> None:
        i = self.rows.index(row)
        j = i + step
        if not 0 <= j < len(self.rows):
            return
        self.rows[i], self.rows[j] = self.rows[j], self.rows[i]
        for r in self.rows:
            self._rows_layout.removeWidget(r)
        for r in self.rows:
            self._rows_layout.addWidget(r)
        self._update_buttons()
        row.edit.setFocus()
        self.changed.emit()

    def _update_buttons(self) -> None:
        for i, row in enumerate(self.rows):
            row.up.setEnabled(i > 0)
            row.down.setEnabled(i < len(self.rows) - 1)

    def messages(self) -> list[dict[str, Any]]:
        return [row.message() for row in self.rows]

    def set_messages(self, messages: list[dict[str, Any]]) -> None:
        for row in list(self.rows):
            self.remove(row)
        for message in messages:
            content = message.get("content")
            if isinstance(content, list):  # content parts: keep the text parts
                content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
            self.add_message(str(message.get("role", "user")), str(content or ""))

    def first(self, role: str) -> MessageRow | None:
        return next((r for r in self.rows if r.role == role), None)

    def last(self, role: str) -> MessageRow | None:
        return next((r for r in reversed(self.rows) if r.role == role), None)
