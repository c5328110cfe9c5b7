"""The server's model list, fetched once and shared by every tab, and the picker widget:
an editable combo box (free text allowed) that lists the models of the tab's type first."""
from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.api.client import QueueClient
from gui.core.api.model_list import ModelInfo, fetch_models, ordered_for
from gui.core.errors import QueueError
from gui.ui.runtime.background import spawn
from gui.ui.runtime.icons import set_line_icon
from gui.ui.widgets.form import as_hint


class ModelCatalog(QObject):
    changed = Signal()  # models, loading or error changed

    def __init__(self, client: QueueClient, *, blocker: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._blocker = blocker
        self.models: list[ModelInfo] = []
        self.error: str | None = blocker
        self.loading = False

    @property
    def blocked(self) -> bool:
        return self._blocker is not None

    def refresh(self) -> None:
        if self.loading or self._blocker:
            return
        self.loading = True
        self.changed.emit()
        spawn(self._load())

    async def _load(self) -> None:
        try:
            self.models = await fetch_models(self._client)
            self.error = None
        except QueueError as error:
            self.error = self.tr("Could not load the model list: {message}").format(message=error.message)
        except asyncio.CancelledError:
            self.loading = False  # the window is closing: its widgets may be gone, tell nobody
            raise
        self.loading = False
        self.changed.emit()


class ModelPicker(QWidget):
    def __init__(self, catalog: ModelCatalog, model_type: str | None, default: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._model_type = model_type
        self._default = default  # offered before the list arrives, and first if the server has it
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(18)
        self.combo.lineEdit().setPlaceholderText(self.tr("Model id"))
        self.combo.setAccessibleName(self.tr("Model"))
        self.combo.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        # An icon, not a word: "Aktualisieren" beside the box cost the German form 60 px.
        self.refresh_button = QToolButton(self, text=self.tr("Refresh"),
                                          toolTip=self.tr("Fetch the model list from the server again"))
        set_line_icon(self.refresh_button, "refresh")
        self.refresh_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.refresh_button.setAccessibleName(self.tr("Refresh"))
        self.refresh_button.clicked.connect(catalog.refresh)
        self.status = as_hint(QLabel(self))
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.setFocusProxy(self.combo)
        self.combo.setEditText(default or "")
        catalog.changed.connect(self._fill)
        self._fill()

    def current_model(self) -> str:
        return self.combo.currentText().strip()

    def set_model(self, model_id: str) -> None:
        self.combo.setEditText(model_id)

    def _fill(self) -> None:
        catalog = self._catalog
        self.refresh_button.setEnabled(not catalog.loading and not catalog.blocked)
        if catalog.loading:
            self.status.setText(self.tr("Loading models…"))
            self.status.setVisible(True)
            return
        error = None if catalog.blocked else catalog.error  # the tab already says why
        self.status.setText(error or "")
        self.status.setVisible(bool(error))
        if not catalog.models:
            return
        typed = self.current_model()
        self.combo.blockSignals(True)
        self.combo.clear()
        preferred = ordered_for(catalog.models, self._model_type)
        previous_matches = None
        for model in preferred:
            matches = not self._model_type or model.model_type.upper() == self._model_type.upper()
            if previous_matches and not matches:
                self.combo.insertSeparator(self.combo.count())
            previous_matches = matches
            label = model.id
            self.combo.addItem(label, model.id)
            tip = " · ".join(p for p in (model.display_name, model.model_type) if p)
            self.combo.setItemData(self.combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.combo.blockSignals(False)
        # Keep what the user typed; otherwise offer the default or the first of the right type.
        listed = [m.id for m in preferred]
        fallback = self._default if self._default in listed else (listed[0] if listed else "")
        self.combo.setEditText(typed if typed and typed != self._default else fallback)
