"""The Completions tab: a prompt the model continues, with max_tokens, temperature, n,
stop and echo."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QFormLayout, QSpinBox, QWidget

from gui.core.api.wire import Upload
from gui.core.builders.bodies import completion_body, format_stop, parse_stop
from gui.core.endpoints import Endpoint
from gui.ui.tabs.base import EndpointTab, TabContext
from gui.ui.tabs.chat import fraction_spin, stop_edit, token_spin
from gui.ui.widgets.form import heading


class CompletionsTab(EndpointTab):
    endpoint = Endpoint.COMPLETIONS

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = self.standard_layout()
        self.model_form(layout)
        self.prompt = self.prompt_box(layout, self.tr("The text the model continues. Ctrl+Enter submits."), 10)

        self.max_tokens = token_spin(self, 256)
        self.temperature = fraction_spin(self, 2.0, 1.0,
                                         self.tr("0 gives focused, repeatable text; higher values more varied"))
        self.n = QSpinBox(self)
        self.n.setRange(1, 128)
        self.n.setToolTip(self.tr("How many completions to make for the prompt (each one is charged)"))
        self.stop = stop_edit(self)
        self.echo = QCheckBox(self.tr("Echo the prompt"), self,
                              toolTip=self.tr("The answer starts with the prompt, then the completion"))
        params = QFormLayout()
        params.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, name, widget in ((self.tr("Max tokens"), "max_tokens", self.max_tokens),
                                    (self.tr("Temperature"), "temperature", self.temperature),
                                    (self.tr("Completions (n)"), "n", self.n), (self.tr("Stop"), "stop", self.stop)):
            params.addRow(label, widget)
            params.addRow("", self.bind_field(name, widget))
        params.addRow("", self.echo)
        layout.addWidget(heading(self.tr("Settings"), self))
        layout.addLayout(params)
        self.add_advanced(layout, '{"presence_penalty": 0.5, "suffix": "."}')

    def build_body(self) -> dict[str, Any]:
        return completion_body(
            self.model_picker.current_model(),
            self.prompt.toPlainText(),
            max_tokens=self.max_tokens.value() or None,
            temperature=round(self.temperature.value(), 2),
            n=self.n.value(),
            stop=parse_stop(self.stop.text()),
            echo=self.echo.isChecked(),
            extra=self.extra(),
        )

    def fill_form(self, body: dict[str, Any], uploads: list[Upload]) -> None:
        self.set_model(body)
        if isinstance(body.get("prompt"), str):
            self.prompt.setPlainText(body.pop("prompt"))
        self.max_tokens.setValue(int(body.pop("max_tokens", 0) or 0))
        self.temperature.setValue(float(body.pop("temperature", 1.0)))
        self.n.setValue(int(body.pop("n", 1)))
        self.stop.setText(format_stop(body.pop("stop", None)))
        self.echo.setChecked(bool(body.pop("echo", False)))
