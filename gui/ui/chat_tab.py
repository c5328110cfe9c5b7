"""The Chat tab: builds a standard OpenAI chat completions body from the form and hands
it to the scheduler. Nothing here waits for the server."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from gui.core.endpoints import Endpoint

from .model_picker import ModelPicker
from .tab_base import EndpointTab, InputError, TabContext


class ChatTab(EndpointTab):
    endpoint = Endpoint.CHAT
    title = "Chat"

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        spec = Endpoint.CHAT.spec
        self.model_picker = ModelPicker(context.catalog, spec.model_type, getattr(spec, "default_model", None), self)
        self.model_error = self.field_error_label(self.model_picker)

        self.system_edit = QPlainTextEdit(self)
        self.system_edit.setPlaceholderText("Optional: how the assistant should behave")
        self.system_edit.setTabChangesFocus(True)
        self.system_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)

        self.user_edit = QPlainTextEdit(self)
        self.user_edit.setPlaceholderText("What you want to ask. Ctrl+Enter submits.")
        self.user_edit.setTabChangesFocus(True)
        self.user_error = self.field_error_label(self.user_edit)

        self.max_tokens = QSpinBox(self)
        self.max_tokens.setRange(0, 1_000_000)
        self.max_tokens.setSingleStep(256)
        self.max_tokens.setValue(1024)
        self.max_tokens.setSpecialValueText("Server default")  # shown at 0: the field is left out
        self.max_tokens.setToolTip("Upper limit for the answer's length in tokens (0: leave it to the server)")
        self.temperature = QDoubleSpinBox(self)
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setDecimals(2)
        self.temperature.setValue(1.0)
        self.temperature.setToolTip("0 gives focused, repeatable answers; higher values more varied ones")

        self.submit_button = QPushButton("Submit", self)
        self.submit_button.setToolTip("Send to the queue (Ctrl+Enter)")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Model", self.model_picker)
        form.addRow("", self.model_error)
        numbers = QHBoxLayout()
        numbers.addWidget(self.max_tokens, 1)
        numbers.addWidget(QLabel("Temperature", self))
        numbers.addWidget(self.temperature)
        form.addRow("Max tokens", numbers)

        layout = QVBoxLayout(self)
        if context.blocker:
            banner = QLabel(context.blocker, self)
            banner.setWordWrap(True)
            banner.setStyleSheet("background: #fdebd0; color: #6e2c00; padding: 6px; border-radius: 3px;")
            layout.addWidget(banner)
        layout.addLayout(form)
        layout.addWidget(QLabel("System message", self))
        layout.addWidget(self.system_edit)
        layout.addWidget(QLabel("User message", self))
        layout.addWidget(self.user_edit, 1)
        layout.addWidget(self.user_error)
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)

    def build_body(self) -> dict[str, Any]:
        user = self.user_edit.toPlainText()
        if not user.strip():
            raise InputError("Type a user message first: it is what the model answers.", self.user_edit)
        model = self.model_picker.current_model()
        if not model:
            raise InputError("Choose a model from the list or type its id.", self.model_picker)
        messages = []
        system = self.system_edit.toPlainText()
        if system.strip():
            messages.append({"role": "system", "content": system})
        messages.append({"role": "user", "content": user})
        body: dict[str, Any] = {"model": model, "messages": messages}
        if self.max_tokens.value() > 0:
            body["max_tokens"] = self.max_tokens.value()
        body["temperature"] = round(self.temperature.value(), 2)
        return body
