"""The Models tab: GET /queue/models as a table with the provider's meta_data columns,
filterable by type. "Refresh" asks the server again (the same list every model picker
uses); "Save as job" keeps a copy of the list in the job history, like
`queue-desk submit models`."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.core.api.wire import Upload
from gui.core.endpoints import Endpoint
from gui.ui.tabs.base import EndpointTab, TabContext
from gui.ui.widgets.form import banner
from gui.ui.widgets.models_table import ModelsView


class ModelsTab(EndpointTab):
    endpoint = Endpoint.MODELS

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.catalog = context.catalog
        self.view = ModelsView(self)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # may carry server text: never markup
        self.status.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Fetch the model list from the server again"))
        self.refresh_button.clicked.connect(self.catalog.refresh)
        self.submit_button = QPushButton(self.tr("Save as job"), self)
        self.submit_button.setToolTip(
            self.tr("Send GET /models through the queue and keep the answer in the job history"))
        self.submit_button.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        if context.blocker:
            layout.addWidget(banner(context.blocker, self))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.submit_button)
        layout.addLayout(row)
        self.catalog.changed.connect(self._catalog_changed)
        self._catalog_changed()

    def _catalog_changed(self) -> None:
        catalog = self.catalog
        self.refresh_button.setEnabled(not catalog.loading and not catalog.blocked)
        if catalog.loading:
            self.status.setText(self.tr("Loading models…"))
            return
        # A blocker (no key) is in the banner above already: said once, not again squeezed in here.
        self.status.setText("" if catalog.blocked else catalog.error or "")
        if catalog.models or not catalog.error:
            self.view.set_models(catalog.models)

    def build_body(self) -> dict[str, Any]:
        return {}

    def fill_form(self, body: dict[str, Any], uploads: list[Upload]) -> None:
        self.catalog.refresh()
