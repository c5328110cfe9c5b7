"""The Chat tab: a conversation (system/user/assistant messages), the sampling settings,
JSON mode and an Advanced JSON editor, turned into a chat completions body by the core
builder (the same one `queue-desk submit chat` uses)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from gui.core.api.wire import Upload
from gui.core.builders.bodies import chat_body, format_stop, parse_stop
from gui.core.endpoints import Endpoint
from gui.core.errors import InputProblem, QueueError
from gui.core.extraction.fields import fields_from_schema, with_json_schema
from gui.ui.tabs.base import EndpointTab, TabContext
from gui.ui.tabs.conversation import ROLES, ConversationEditor
from gui.ui.widgets.fields_editor import FieldsEditor, field_line
from gui.ui.widgets.form import SeedEdit, heading, hint


def token_spin(parent: QWidget, value: int = 1024) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(0, 1_000_000)
    spin.setSingleStep(256)
    spin.setValue(value)
    spin.setSpecialValueText(QCoreApplication.translate("chat_tab", "Server default"))  # at 0: the field is left out
    spin.setToolTip(QCoreApplication.translate(
        "chat_tab", "Upper limit for the answer's length in tokens (0: leave it to the server)"))
    return spin


def fraction_spin(parent: QWidget, high: float, value: float, tip: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setRange(0.0, high)
    spin.setSingleStep(0.1)
    spin.setDecimals(2)
    spin.setValue(value)
    spin.setToolTip(tip)
    return spin


def stop_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText(QCoreApplication.translate("chat_tab", "none"))
    edit.setToolTip(QCoreApplication.translate(
        "chat_tab", "Up to 4 sequences that end the answer, separated by |. Write \\n for a line break."))
    return edit


class ChatTab(EndpointTab):
    endpoint = Endpoint.CHAT

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = self.standard_layout()
        self.model_form(layout)

        layout.addWidget(heading(self.tr("Conversation"), self))
        self.conversation = ConversationEditor(self)
        self.user_error = self.bind_field("messages", self.conversation)
        layout.addWidget(self.conversation)
        layout.addWidget(self.user_error)

        self.max_tokens = token_spin(self)
        self.temperature = fraction_spin(self, 2.0, 1.0,
                                         self.tr("0 gives focused, repeatable answers; higher values more varied ones"))
        self.top_p = fraction_spin(self, 1.0, 1.0, self.tr("Nucleus sampling: 1 considers every token (the default)"))
        self.seed = SeedEdit(self)
        self.seed.setToolTip(self.tr("Ask for repeatable sampling with this seed (best effort; empty: none)"))
        self.stop = stop_edit(self)
        self.json_mode = QCheckBox(self.tr("Answer in JSON"), self,
                                   toolTip=self.tr("Sets response_format to json_object"))
        self.json_hint = hint(self.tr("Say in a message that the answer must be JSON: "
                                      "many servers refuse JSON mode otherwise."), self)
        self.json_hint.hide()
        params = QFormLayout()
        params.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, name, widget in ((self.tr("Max tokens"), "max_tokens", self.max_tokens),
                                    (self.tr("Temperature"), "temperature", self.temperature),
                                    (self.tr("Top p"), "top_p", self.top_p), (self.tr("Seed"), "seed", self.seed),
                                    (self.tr("Stop"), "stop", self.stop)):
            params.addRow(label, widget)
            params.addRow("", self.bind_field(name, widget))
        params.addRow("", self.json_mode)
        params.addRow("", self.json_hint)
        self.fields = FieldsEditor(self)  # answers as named, typed fields (a strict json_schema)
        # Label over the editor, not beside it: side by side they made the form 100 px wider
        # than the other endpoints' at 1280 px (the layout test measures it).
        params.addRow(QLabel(self.tr("Output fields"), self))
        params.addRow(self.fields)
        self.fields_error = self.bind_field("response_format", self.fields)
        params.addRow(self.fields_error)
        layout.addWidget(heading(self.tr("Settings"), self))
        layout.addLayout(params)
        self.add_advanced(layout, '{"presence_penalty": 0.5, "n": 2}')
        layout.addStretch(1)
        self.json_mode.toggled.connect(self._update_json_hint)
        self.conversation.changed.connect(self._update_json_hint)

    # The message boxes the simplest use needs (and older tests drive).
    @property
    def user_edit(self) -> QPlainTextEdit:
        row = self.conversation.last("user") or self.conversation.add_message("user")
        return row.edit

    @property
    def system_edit(self) -> QPlainTextEdit:
        row = self.conversation.first("system")
        if row is None:
            row = self.conversation.add_message("system")
            for _ in range(len(self.conversation.rows) - 1):
                self.conversation.move(row, -1)
        return row.edit

    def _update_json_hint(self) -> None:
        mentions = any("json" in m["content"].lower() for m in self.conversation.messages())
        self.json_hint.setVisible(self.json_mode.isChecked() and not mentions)

    def build_body(self) -> dict[str, Any]:
        try:
            schema = self.fields.schema()
        except QueueError as problem:
            raise InputProblem(problem.message, field="response_format") from None
        body = chat_body(
            self.model_picker.current_model(),
            self.conversation.messages(),
            max_tokens=self.max_tokens.value() or None,
            temperature=round(self.temperature.value(), 2),
            top_p=round(self.top_p.value(), 2) if self.top_p.value() < 1.0 else None,
            stop=parse_stop(self.stop.text()),
            seed=self.seed.value(),
            json_mode=self.json_mode.isChecked() and schema is None,
            extra=self.extra(),
        )
        return with_json_schema(body, schema) if schema else body

    def first_input(self) -> QWidget | None:
        return self.user_edit  # the question, not the optional system message above it

    def draft(self) -> dict[str, Any]:
        return {**super().draft(), "messages": self.conversation.messages()}

    def restore_draft(self, draft: dict[str, Any]) -> None:
        messages = draft.get("messages")
        if isinstance(messages, list) and any(isinstance(m, dict) and m.get("content") for m in messages):
            self.conversation.set_messages(messages)  # rows first: the texts below include theirs
        super().restore_draft(draft)

    def fill_form(self, body: dict[str, Any], uploads: list[Upload]) -> None:
        self.set_model(body)
        messages = body.get("messages")
        if isinstance(messages, list) and all(isinstance(m, dict) and m.get("role") in ROLES
                                              and isinstance(m.get("content"), str) for m in messages):
            self.conversation.set_messages(body.pop("messages"))
        self.max_tokens.setValue(int(body.pop("max_tokens", 0) or 0))
        self.temperature.setValue(float(body.pop("temperature", 1.0)))
        self.top_p.setValue(float(body.pop("top_p", 1.0)))
        self.seed.set_value(body.pop("seed", None))
        self.stop.setText(format_stop(body.pop("stop", None)))
        json_mode = body.get("response_format") == {"type": "json_object"}
        if json_mode:
            body.pop("response_format")
        self.json_mode.setChecked(json_mode)
        fmt = body.get("response_format")
        schema = fmt.get("json_schema", {}).get("schema") if isinstance(fmt, dict) and fmt.get(
            "type") == "json_schema" else None
        try:
            self.fields.set_lines([field_line(f) for f in fields_from_schema(schema)] if schema else [])
            if schema:
                body.pop("response_format")
        except QueueError:
            pass  # a schema the editor cannot show stays in Advanced
