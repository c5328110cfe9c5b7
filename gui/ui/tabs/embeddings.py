"""The Embeddings tab: one input per line (typed, or loaded from a text file), a model;
one vector comes back per line."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from gui.core.api.wire import Upload
from gui.core.builders.bodies import embedding_body
from gui.core.builders.cli_args import input_lines
from gui.core.endpoints import Endpoint
from gui.ui.tabs.base import EndpointTab, TabContext
from gui.ui.widgets.form import heading, hint

MAX_TEXT_FILE = 20 * 1024 * 1024


class EmbeddingsTab(EndpointTab):
    endpoint = Endpoint.EMBEDDINGS

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = self.standard_layout()
        self.model_form(layout)
        layout.addWidget(heading(self.tr("Inputs"), self))
        layout.addWidget(hint(self.tr("One input per line; each line gets its own vector."), self))
        self.inputs = QPlainTextEdit(self)
        self.inputs.setPlaceholderText(self.tr("The first text to embed\nThe second text\n…"))
        self.inputs.setTabChangesFocus(True)
        self.inputs.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.inputs.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        layout.addWidget(self.inputs, 1)
        self.input_error = self.bind_field("input", self.inputs)
        layout.addWidget(self.input_error)
        self.count = QLabel(self)
        self.load_button = QPushButton(self.tr("Load text file…"), self)
        self.load_button.setToolTip(self.tr("Replace the inputs with the lines of a text file"))
        self.load_button.clicked.connect(self.ask_file)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.load_button)
        layout.addLayout(row)
        self.add_advanced(layout, '{"dimensions": 256, "encoding_format": "base64"}')
        self.inputs.textChanged.connect(self._count)
        self._count()

    def _count(self) -> None:
        n = len(input_lines(self.inputs.toPlainText()))
        self.count.setText((self.tr("{n} input") if n == 1 else self.tr("{n} inputs")).format(n=n))

    def ask_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Load inputs from a text file"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Text files ({patterns})").format(patterns="*.txt *.csv *.md"),
                               self.tr("All files ({patterns})").format(patterns="*")])
        dialog.fileSelected.connect(self.load_file)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()  # never exec() on the event loop

    def load_file(self, path: str | Path) -> bool:
        self.clear_errors()
        p = Path(path)
        try:
            if p.stat().st_size > MAX_TEXT_FILE:
                raise ValueError(self.tr("{name} is larger than {size} MiB; split it into smaller files.")
                                 .format(name=p.name, size=MAX_TEXT_FILE // 2**20))
            data = p.read_bytes()
            if b"\x00" in data[:4096]:
                raise ValueError(self.tr("{name} is not a text file. Choose a plain text file, one input per line.")
                                 .format(name=p.name))
            text = data.decode("utf-8-sig", "replace")
        except OSError as exc:
            self.show_error(self.tr("{name} cannot be read ({reason}).")
                            .format(name=p.name, reason=exc.strerror or exc), self.inputs)
            return False
        except ValueError as exc:
            self.show_error(str(exc), self.inputs)
            return False
        self.inputs.setPlainText(text)
        return True

    def build_body(self) -> dict[str, Any]:
        return embedding_body(self.model_picker.current_model(), input_lines(self.inputs.toPlainText()),
                              extra=self.extra())

    def fill_form(self, body: dict[str, Any], uploads: list[Upload]) -> None:
        self.set_model(body)
        value = body.get("input")
        if isinstance(value, str) and "\n" not in value:
            self.inputs.setPlainText(body.pop("input"))
        elif isinstance(value, list) and all(isinstance(v, str) and "\n" not in v for v in value):
            self.inputs.setPlainText("\n".join(body.pop("input")))
