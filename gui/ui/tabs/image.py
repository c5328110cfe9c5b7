"""The Image generation tab: prompt, model, n, size, quality, background, output
format. The result is shown in the gallery; `url` results are downloaded by the engine
when the job finishes."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QSpinBox, QWidget

from gui.core.api.wire import Upload
from gui.core.builders.bodies import image_body
from gui.core.endpoints import (
    IMAGE_BACKGROUNDS,
    IMAGE_FORMATS,
    IMAGE_QUALITIES,
    IMAGE_SIZES,
    Endpoint,
)
from gui.ui.tabs.base import EndpointTab, TabContext
from gui.ui.widgets.form import heading


def choice(parent: QWidget, items: tuple[str, ...], editable: bool = False, tip: str = "") -> QComboBox:
    box = QComboBox(parent)
    box.addItems(items)
    box.setEditable(editable)
    box.setToolTip(tip)
    return box


def count_spin(parent: QWidget) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(1, 10)
    spin.setToolTip(QCoreApplication.translate("image_tab", "How many images to make (each one is charged)"))
    return spin


def set_choice(box: QComboBox, value: Any, default: str) -> None:
    text = str(value) if value else default
    if box.isEditable() or box.findText(text) >= 0:
        box.setCurrentText(text)


class ImageGenerationTab(EndpointTab):
    endpoint = Endpoint.IMAGES

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = self.standard_layout()
        self.model_form(layout)
        self.prompt = self.prompt_box(layout, self.tr("Describe the image. Ctrl+Enter submits."), 6)
        self.n = count_spin(self)
        self.size = choice(self, IMAGE_SIZES, True, self.tr("auto, or WIDTHxHEIGHT the model supports"))
        self.quality = choice(self, IMAGE_QUALITIES)
        self.background = choice(self, IMAGE_BACKGROUNDS, tip=self.tr("transparent needs png or webp output"))
        self.output_format = choice(self, IMAGE_FORMATS)
        params = QFormLayout()
        params.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, name, widget in ((self.tr("Images (n)"), "n", self.n), (self.tr("Size"), "size", self.size),
                                    (self.tr("Quality"), "quality", self.quality),
                                    (self.tr("Background"), "background", self.background),
                                    (self.tr("Output format"), "output_format", self.output_format)):
            params.addRow(label, widget)
            params.addRow("", self.bind_field(name, widget))
        layout.addWidget(heading(self.tr("Settings"), self))
        layout.addLayout(params)
        self.add_advanced(layout, '{"moderation": "low", "output_compression": 80}')

    def build_body(self) -> dict[str, Any]:
        return image_body(
            self.model_picker.current_model(), self.prompt.toPlainText(), n=self.n.value(),
            size=self.size.currentText().strip(), quality=self.quality.currentText(),
            background=self.background.currentText(), output_format=self.output_format.currentText(),
            extra=self.extra(),
        )

    def fill_form(self, body: dict[str, Any], uploads: list[Upload]) -> None:
        self.set_model(body)
        if isinstance(body.get("prompt"), str):
            self.prompt.setPlainText(body.pop("prompt"))
        self.n.setValue(int(body.pop("n", 1)))
        for box, name, default in ((self.size, "size", "auto"), (self.quality, "quality", "auto"),
                                   (self.background, "background", "auto"),
                                   (self.output_format, "output_format", "png")):
            value = body.get(name)
            if value is None or box.isEditable() or box.findText(str(value)) >= 0:
                body.pop(name, None)
                set_choice(box, value, default)
