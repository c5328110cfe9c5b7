"""The embeddings preview: how many vectors of which dimension, each vector's norm and
first values, the cosine similarities of the inputs as a heat map, and saving as JSON,
CSV or NumPy .npy. Parsing and the similarity matrix run off the GUI thread."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core.errors import QueueError
from gui.core.formats.vectors import (
    SAVE_FORMATS,
    Embeddings,
    cosine_matrix,
    load_result,
    save_bytes,
)
from gui.core.jobs.job import Job
from gui.ui.runtime.background import spawn
from gui.ui.widgets.heat_map import HeatMap
from gui.ui.widgets.save_dialog import ask_save, save_and_report, save_like

FIRST_VALUES = 5


def _compute(raw_path: str, request_input: object) -> tuple[Embeddings, list[float], list[list[float]]]:
    emb = load_result(raw_path, request_input)
    return emb, emb.norms(), cosine_matrix(emb.vectors)


class EmbeddingsView(QWidget):
    def __init__(self, report: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report = report
        self.job: Job | None = None
        self.embeddings: Embeddings | None = None
        self._generation = 0
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Input"), self.tr("Norm"),
                                              self.tr("First {count} values").format(count=FIRST_VALUES), self.tr("Text")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The numbers are a glimpse (the full vectors are saved): they give their room to the
        # input's text, which is what tells the rows apart; one line per row, elided.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, self.fontMetrics().horizontalAdvance("0.0000, " * 3) + 16)
        self.table.setWordWrap(False)
        self.heat_map = HeatMap(self)
        self.heat_note = QLabel(self)
        self.heat_note.setWordWrap(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Cosine similarity of the inputs"), right))
        right_layout.addWidget(self.heat_map, 1)
        right_layout.addWidget(self.heat_note)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.save_buttons = {fmt: QPushButton(self.tr("Save {format}…").format(format=fmt.upper()), self)
                             for fmt in SAVE_FORMATS}
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for fmt, button in self.save_buttons.items():
            button.clicked.connect(lambda _=False, f=fmt: self.ask_save(f))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for button in self.save_buttons.values():
            button.setEnabled(on)

    def show_job(self, job: Job) -> None:
        self.job, self.embeddings = job, None
        self._generation += 1  # an earlier load still running must not fill this one
        self._set_enabled(False)
        self.table.setRowCount(0)
        self.heat_map.set_matrix([], [])
        self.summary.setText(self.tr("Reading the vectors…"))
        spawn(self._load(job, self._generation))

    async def _load(self, job: Job, generation: int) -> None:
        try:
            emb, norms, matrix = await asyncio.get_running_loop().run_in_executor(
                None, _compute, job.result_path, job.body.get("input"))
        except (OSError, ValueError, QueueError) as exc:
            if generation == self._generation:
                self.summary.setText(self.tr("The vectors could not be read: {reason}").format(reason=exc))
            return
        if generation != self._generation:
            return  # shown again (or another job) meanwhile
        self.embeddings = emb
        model = f" · {emb.model}" if emb.model else ""
        summary = (self.tr("<b>{count}</b> vector · <b>{dimension}</b> dimensions") if emb.count == 1 else
                   self.tr("<b>{count}</b> vectors · <b>{dimension}</b> dimensions"))
        self.summary.setText(summary.format(count=emb.count, dimension=emb.dimension) + model)
        self.table.setRowCount(emb.count)
        for row, (text, vector, norm) in enumerate(zip(emb.inputs, emb.vectors, norms)):
            first = ", ".join(f"{x:.4f}" for x in vector[:FIRST_VALUES]) + (", …" if len(vector) > FIRST_VALUES else "")
            for col, value in enumerate((str(row + 1), f"{norm:.4f}", first, text)):
                item = QTableWidgetItem(value)
                if col == 3:
                    item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.heat_map.set_matrix(matrix, emb.inputs)
        shown = len(matrix)
        self.heat_note.setText(self.tr("First {shown} of {count} inputs.").format(shown=shown, count=emb.count)
                               if emb.count > shown else self.tr("Hover over a square to see the pair."))
        self._set_enabled(emb.count > 0)

    def suggested_name(self, fmt: str) -> str:
        job = self.job
        return f"embeddings-{job.short_id if job else 'result'}.{fmt}"

    def save(self) -> bool:
        return save_like(self.save_buttons[SAVE_FORMATS[0]], lambda: self.ask_save(SAVE_FORMATS[0]))  # JSON

    def ask_save(self, fmt: str) -> None:
        if self.embeddings is not None:
            filters = self._filters()
            ask_save(self, self.tr("Save the vectors as {format}").format(format=fmt.upper()), self.suggested_name(fmt),
                     list(filters.values()), lambda path: self.save_as(path, fmt), filters[fmt])

    def _filters(self) -> dict[str, str]:
        """The file dialog's filter per format."""
        return {"json": "JSON (*.json)",
                "csv": self.tr("CSV, one row per input ({pattern})").format(pattern="*.csv"),
                "npy": self.tr("NumPy array ({pattern})").format(pattern="*.npy")}

    def save_as(self, path: str | Path, fmt: str | None = None) -> Path | None:
        """Write the vectors as json/csv/npy (by `fmt`, else by the file's suffix)."""
        if self.embeddings is None:
            self._report(self.tr("There are no vectors to save yet."))
            return None
        target = Path(path)
        fmt = fmt or target.suffix.lstrip(".").lower()
        if fmt not in SAVE_FORMATS:
            self._report(self.tr("Choose .json, .csv or .npy (not .{suffix}).").format(suffix=fmt))
            return None
        return save_and_report(target, save_bytes(self.embeddings, fmt), self._report)

