"""The Request part of the Batch dialog: endpoint, model (listing the endpoint's model type
first), max tokens and temperature for text endpoints, the audio-file column for audio
endpoints, more body fields as a JSON object, and for chat the output fields (answers as
columns)."""
from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from gui.core.batch.plan import TABLE_ENDPOINTS
from gui.core.batch.table import FILE_COLUMN
from gui.core.endpoints import BodyKind, Endpoint
from gui.ui.widgets.fields_editor import FieldsEditor
from gui.ui.widgets.model_picker import ModelCatalog, ModelPicker

PARAM_HINTS = {
    BodyKind.MULTIPART: '{"language": "de", "response_format": "srt"}',
    Endpoint.EMBEDDINGS: '{"dimensions": 256}',
    Endpoint.IMAGES: '{"size": "1024x1024", "quality": "low"}',
}
TEXT_ENDPOINTS = (Endpoint.CHAT, Endpoint.COMPLETIONS)


class RequestForm(QGroupBox):
    changed = Signal()  # any field changed
    endpointChanged = Signal(object)  # Endpoint

    def __init__(self, catalog: ModelCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Request"))
        self.catalog = catalog
        self.endpoint_combo = QComboBox(self)
        for endpoint in TABLE_ENDPOINTS:
            self.endpoint_combo.addItem(endpoint.label, endpoint)
        self.model_picker = ModelPicker(catalog, Endpoint.CHAT.spec.model_type, Endpoint.CHAT.spec.default_model, self)
        self.max_tokens = QSpinBox(self, minimum=0, maximum=1_000_000, singleStep=256,
                                  specialValueText=self.tr("Server default"))
        self.temperature = QDoubleSpinBox(self, minimum=-0.1, maximum=2.0, singleStep=0.1, decimals=2,
                                          specialValueText=self.tr("Server default"), value=-0.1)
        self.file_column = QComboBox(self, toolTip=self.tr("The column that holds each row's audio file"))
        self.params_edit = QLineEdit(self, toolTip=self.tr("Further request body fields as a JSON object"))
        self.fields = FieldsEditor(self)
        self.numbers = QWidget(self)
        numbers = QHBoxLayout(self.numbers)
        numbers.setContentsMargins(0, 0, 0, 0)
        numbers.addWidget(self.max_tokens, 1)
        numbers.addWidget(QLabel(self.tr("Temperature"), self))
        numbers.addWidget(self.temperature, 1)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("Endpoint"), self.endpoint_combo)
        self.form.addRow(self.tr("Model"), self.model_picker)
        self.form.addRow(self.tr("Max tokens"), self.numbers)
        self.form.addRow(self.tr("Audio column"), self.file_column)
        self.form.addRow(self.tr("More parameters"), self.params_edit)
        self.form.addRow(self.tr("Output fields"), self.fields)
        self.endpoint_combo.currentIndexChanged.connect(self._endpoint_changed)
        for signal in (self.model_picker.combo.currentTextChanged, self.file_column.currentIndexChanged,
                       self.max_tokens.valueChanged, self.temperature.valueChanged, self.params_edit.textChanged,
                       self.fields.changed):
            signal.connect(self.changed)
        self._endpoint_changed()

    @property
    def endpoint(self) -> Endpoint:
        return self.endpoint_combo.currentData()

    def select_endpoint(self, endpoint: Endpoint) -> None:
        self.endpoint_combo.setCurrentIndex(TABLE_ENDPOINTS.index(endpoint))

    def set_columns(self, columns: list[str]) -> None:
        self.file_column.clear()
        self.file_column.addItems(columns)
        if FILE_COLUMN in columns:
            self.file_column.setCurrentText(FILE_COLUMN)

    def current_model(self) -> str:
        return self.model_picker.current_model()

    def audio_column(self) -> str:
        return self.file_column.currentText() or FILE_COLUMN

    def params(self) -> dict[str, Any]:
        """The body fields beyond model and prompt; ValueError if the JSON is not an object."""
        text = self.params_edit.text().strip()
        params = json.loads(text) if text else {}
        if not isinstance(params, dict):
            raise ValueError("not a JSON object")
        if self.endpoint in TEXT_ENDPOINTS:
            if self.max_tokens.value() > 0:
                params.setdefault("max_tokens", self.max_tokens.value())
            if self.temperature.value() >= 0:
                params.setdefault("temperature", round(self.temperature.value(), 2))
        return params

    def schema(self) -> dict[str, Any] | None:
        """The output fields' schema (chat only; None: free text); QueueError on a bad field."""
        return self.fields.schema() if self.endpoint is Endpoint.CHAT else None

    def _endpoint_changed(self) -> None:
        endpoint = self.endpoint
        # A new picker: it lists the models of the endpoint's type first and preselects one.
        picker = ModelPicker(self.catalog, endpoint.spec.model_type, endpoint.spec.default_model, self)
        self.form.replaceWidget(self.model_picker, picker)
        self.model_picker.deleteLater()
        self.model_picker = picker
        picker.combo.currentTextChanged.connect(self.changed)
        for widget, visible in ((self.numbers, endpoint in TEXT_ENDPOINTS),
                                (self.file_column, endpoint.spec.body is BodyKind.MULTIPART),
                                (self.fields, endpoint is Endpoint.CHAT)):
            widget.setVisible(visible)
            self.form.labelForField(widget).setVisible(visible)
        self.params_edit.setPlaceholderText(PARAM_HINTS.get(endpoint, PARAM_HINTS.get(endpoint.spec.body, '{"top_p": 0.9}')))
        self.endpointChanged.emit(endpoint)
        self.changed.emit()
