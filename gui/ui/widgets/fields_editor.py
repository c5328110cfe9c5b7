"""Output fields for answers as columns (issue 18): one field a line, written as the command
line takes them (`sentiment: positive|negative|neutral`, `score: integer: 1 to 5`), or
loaded from a JSON Schema file; field sets can be saved under a name and picked again."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.errors import QueueError
from gui.core.extraction.fields import Field, FieldKind, fields_from_schema, output_schema
from gui.ui.runtime import settings as app_settings
from gui.ui.runtime.settings import Key

EXAMPLE_SETS = {
    "Sentiment": ["sentiment: positive|negative|neutral", "score: integer: 1 (bad) to 5 (good)",
                  "summary: text: one sentence"],
    "Contract facts": ["party: text: the other contract party", "signed_on: text: the signing date, YYYY-MM-DD",
                       "value: number: the total value", "auto_renews: boolean"],
}


def field_line(f: Field) -> str:
    kind = "|".join(f.choices) if f.kind is FieldKind.CHOICE else f.kind.value
    return f"{f.name}: {kind}" + (f": {f.description}" if f.description else "")


class FieldsEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded_schema: dict[str, Any] | None = None  # from a file, used as it is while the text is unchanged
        self.edit = QPlainTextEdit(self)
        self.edit.setPlaceholderText(self.tr("No fields: one free-text answer per row.\nOne field a line, e.g.\n"
                                             "sentiment: positive|negative|neutral\nscore: integer: 1 to 5"))
        self.edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.edit.setToolTip(self.tr("NAME: TYPE[: DESCRIPTION] — TYPE is text, number, integer, boolean, list, or "
                                     "choices separated by |. Each field becomes a column of the export."))
        self.sets = QComboBox(self, toolTip=self.tr("Saved field sets"))
        self.save_button = QPushButton(self.tr("Save set…"), self)
        self.schema_button = QPushButton(self.tr("JSON Schema…"), self,
                                         toolTip=self.tr("Load the fields from a JSON Schema file"))
        # The saved sets over the buttons, not beside them: in one row (German) they made the
        # Chat form ~100 px wider than the others and squeezed the job table at 1280 px.
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.schema_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.sets)
        layout.addLayout(buttons)
        self._fill_sets()
        self.sets.activated.connect(self._use_set)
        self.save_button.clicked.connect(self.ask_save_set)
        self.schema_button.clicked.connect(self.ask_schema_file)
        self.edit.textChanged.connect(self._edited)

    def lines(self) -> list[str]:
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]

    def schema(self) -> dict[str, Any] | None:
        """The strict schema of the fields (None: no fields); QueueError names a bad line."""
        if self.loaded_schema is not None:
            return self.loaded_schema
        lines = self.lines()
        return output_schema(lines) if lines else None

    def set_lines(self, lines: list[str]) -> None:
        self.loaded_schema = None
        self.edit.setPlainText("\n".join(lines))

    def load_schema_file(self, path: str | Path) -> None:
        schema = output_schema([], path)  # refused in words if it is not an object schema
        self.edit.blockSignals(True)
        self.edit.setPlainText("\n".join(field_line(f) for f in fields_from_schema(schema)))
        self.edit.blockSignals(False)
        self.loaded_schema = schema
        self.changed.emit()

    def ask_schema_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # Speed: not at start-up

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load fields from a JSON Schema"), "",
                                              self.tr("JSON Schema (*.json)"))
        if path:
            try:
                self.load_schema_file(path)
            except QueueError as error:
                self.edit.setPlainText("")
                self.edit.setPlaceholderText(error.message)

    def saved_sets(self) -> dict[str, list[str]]:
        try:
            saved = json.loads(app_settings.get(Key.FIELD_SETS) or "{}")
        except ValueError:
            saved = {}
        return {**EXAMPLE_SETS, **(saved if isinstance(saved, dict) else {})}

    def save_set(self, name: str) -> None:
        saved = {k: v for k, v in self.saved_sets().items() if k not in EXAMPLE_SETS or v != EXAMPLE_SETS[k]}
        saved[name] = self.lines()
        app_settings.put(Key.FIELD_SETS, json.dumps(saved, ensure_ascii=False))
        self._fill_sets()
        self.sets.setCurrentText(name)

    def ask_save_set(self) -> None:
        from PySide6.QtWidgets import QInputDialog  # Speed: not at start-up

        name, ok = QInputDialog.getText(self, self.tr("Save field set"), self.tr("Name of the set:"))
        if ok and name.strip() and self.lines():
            self.save_set(name.strip())

    def _fill_sets(self) -> None:
        self.sets.clear()
        self.sets.addItem(self.tr("Use a saved set…"), None)
        for name in self.saved_sets():
            self.sets.addItem(name, name)

    def _use_set(self, index: int) -> None:
        name = self.sets.itemData(index)
        if name is not None:
            self.set_lines(self.saved_sets()[name])

    def _edited(self) -> None:
        self.loaded_schema = None  # typed over a loaded schema: the lines are the fields now
        self.changed.emit()
