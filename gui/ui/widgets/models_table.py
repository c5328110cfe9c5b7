"""The model list as a table: id, type, name and every `meta_data` field the server sent
(as columns, known ones first), filterable by type and by text. Used by the Models tab
(the live catalog) and by the preview of a stored GET /models result."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.core.api.model_list import ModelInfo, parse_models
from gui.core.errors import QueueError
from gui.core.jobs.job import Job

_Index = QModelIndex | QPersistentModelIndex
_KNOWN = ("max_sequence_length", "max_output_length", "hidden_size", "input_modalities", "output_modalities",
          "deployment_region", "license", "model_lifecycle_stage")
_SKIP = {"model_type", "display_name"}  # shown in their own columns
ALL_TYPES = QT_TRANSLATE_NOOP("models_table", "All types")  # shown (and compared) translated


def _all_types() -> str:
    return QCoreApplication.translate("models_table", ALL_TYPES)


def _header(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_cell(v)}" for k, v in value.items())
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return f"{value:,}".replace(",", " ")
    return str(value)


class ModelsTableModel(QAbstractTableModel):
    TypeRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.models: list[ModelInfo] = []
        self.columns: list[str] = ["id", "model_type", "display_name"]

    def set_models(self, models: list[ModelInfo]) -> None:
        self.beginResetModel()
        self.models = list(models)
        keys = {k for m in models for k in m.meta if k not in _SKIP}
        extra = [k for k in _KNOWN if k in keys] + sorted(keys - set(_KNOWN))
        self.columns = ["id", "model_type", "display_name", *extra]
        self.endResetModel()

    def types(self) -> list[str]:
        return sorted({m.model_type for m in self.models if m.model_type})

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.models)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            key = self.columns[section]
            names = {"id": self.tr("Model id"), "model_type": self.tr("Type"), "display_name": self.tr("Name")}
            return names.get(key, _header(key))
        return None

    def value(self, row: int, column: int) -> Any:
        model, key = self.models[row], self.columns[column]
        if key == "id":
            return model.id
        if key == "model_type":
            return model.model_type
        if key == "display_name":
            return model.display_name
        return model.meta.get(key)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self.value(index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _cell(value)
        if role == Qt.ItemDataRole.EditRole:  # sorting: numbers as numbers
            return value if isinstance(value, (int, float)) else _cell(value)
        if role == self.TypeRole:
            return self.models[index.row()].model_type
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, float)):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class ModelsFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_type = ""
        self.text = ""
        self.setSortRole(Qt.ItemDataRole.EditRole)

    def set_type(self, model_type: str) -> None:
        self._refilter(lambda: setattr(self, "model_type", "" if model_type == _all_types() else model_type))

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "text", text.casefold().strip()))

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:  # noqa: N802 - Qt override
        source: ModelsTableModel = self.sourceModel()  # type: ignore[assignment]
        model = source.models[row]
        if self.model_type and model.model_type.upper() != self.model_type.upper():
            return False
        if self.text:
            hay = " ".join([model.id, model.display_name, model.model_type, *map(_cell, model.meta.values())])
            return self.text in hay.casefold()
        return True


class ModelsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ModelsTableModel(self)
        self.proxy = ModelsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.type_box = QComboBox(self)
        self.type_box.addItem(_all_types())
        self.type_box.setToolTip(self.tr("Show only models of this meta_data.model_type"))
        self.type_box.currentTextChanged.connect(self.proxy.set_type)
        self.filter_edit = QLineEdit(self, placeholderText=self.tr("Filter models…"))
        self.filter_edit.setClearButtonEnabled(True)
        # Never narrower than its hint and the clear button: the type box and the count take the rest.
        self.filter_edit.setMinimumWidth(self.filter_edit.fontMetrics().horizontalAdvance(
            self.filter_edit.placeholderText()) + 2 * self.filter_edit.sizeHint().height())
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.count = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(self.tr("Type"), self))
        top.addWidget(self.type_box)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(self._count)

    def set_models(self, models: list[ModelInfo]) -> None:
        chosen = self.type_box.currentText()
        self.model.set_models(models)
        self.type_box.blockSignals(True)
        self.type_box.clear()
        self.type_box.addItems([_all_types(), *self.model.types()])
        self.type_box.setCurrentText(chosen if self.type_box.findText(chosen) >= 0 else _all_types())
        self.type_box.blockSignals(False)
        self.proxy.set_type(self.type_box.currentText())
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        self._count()

    def show_job(self, job: Job) -> None:
        """A stored GET /models answer."""
        try:
            self.set_models(parse_models(json.loads(Path(job.result_path or "").read_bytes())))
        except (OSError, ValueError, QueueError):
            self.set_models([])

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown != total:
            self.count.setText(self.tr("{shown} of {total}").format(shown=shown, total=total))
        elif total == 1:
            self.count.setText(self.tr("1 model"))
        else:
            self.count.setText(self.tr("{total} models").format(total=total))
