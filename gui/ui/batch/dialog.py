"""The Batch dialog: pick a table (CSV/TSV, XLSX, OpenAI Batch JSONL) or a folder of audio
files, choose endpoint, model and parameters, write the prompt with {column} placeholders
and watch the first rows render; the row count, the token estimate and anything that must
be fixed are shown before Start. Start hands a BatchPlan to whoever listens (the batch
controller); the dialog itself sends nothing.

File choosers open with .open() and signals, never exec(): a nested event loop inside the
qasync loop breaks it (qt-async-recipes.md §1)."""
from __future__ import annotations

import asyncio
import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from gui.core.batch.plan import BatchPlan, BatchSpec, default_out_dir, read_manifest
from gui.core.batch.table import SourceKind, Table, read_head, read_table
from gui.core.batch.template import placeholders
from gui.core.endpoints import BodyKind, Endpoint
from gui.core.errors import QueueError
from gui.ui.batch.preview import preview_html, summary_text, token_tip
from gui.ui.batch.request_form import RequestForm
from gui.ui.runtime.background import spawn
from gui.ui.widgets.form import ERROR_STYLE
from gui.ui.widgets.model_picker import ModelCatalog, ModelPicker

NOTE_STYLE = "color: #9a7d0a;"


class BatchDialog(QDialog):
    startRequested = Signal(object, bool)  # BatchPlan, open the results folder when done
    tableLoaded = Signal()  # the input's first rows are shown (a big file is still being counted)
    rowsCounted = Signal()  # the whole input is read: its row count is shown

    def __init__(self, catalog: ModelCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New batch"))
        self.catalog = catalog
        self.table: Table | None = None
        self.tokens: int | None = None
        self.empty: list[int] | None = None  # rows whose prompt renders to nothing (known after the estimate)
        self._estimate_for: object = None
        self._earlier_run: tuple[Path | None, bool] = (None, False)  # (output folder, holds this input's batch)

        # Typed, pasted or picked: Enter (or leaving the field) reads what is there.
        self.source_edit = QLineEdit(self, placeholderText=self.tr("Type or paste a path, or open a CSV, TSV, XLSX or "
                                                                   "JSONL file, or a folder of audio files"))
        self.source_edit.editingFinished.connect(self._typed_source)
        self.open_button = QPushButton(self.tr("Open file…"), self)
        self.folder_button = QPushButton(self.tr("Audio folder…"), self)
        self.open_button.clicked.connect(self._choose_file)
        self.folder_button.clicked.connect(self._choose_folder)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.activated.connect(lambda: self.load(self.table.source, self.sheet_combo.currentText()))
        self.sheet_label = QLabel(self.tr("Sheet"), self)
        self.info_label = QLabel(self)
        self.info_label.setStyleSheet("color: palette(placeholder-text);")

        self.request = RequestForm(catalog, self)
        self.request.endpointChanged.connect(self._endpoint_changed)
        self.system_edit = QPlainTextEdit(self, placeholderText=self.tr("Optional, e.g. You are a careful analyst. Answer in {language}."))
        self.system_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.template_edit = QPlainTextEdit(self, placeholderText=self.tr("e.g. Summarise in one sentence: {text}"))
        for edit in (self.system_edit, self.template_edit):
            edit.setTabChangesFocus(True)
        self.columns_box = QWidget(self)
        self.columns_layout = QHBoxLayout(self.columns_box)
        self.columns_layout.setContentsMargins(0, 0, 0, 0)
        self.problems_label = QLabel(self, wordWrap=True, styleSheet=ERROR_STYLE, textFormat=Qt.TextFormat.PlainText)
        self.note_label = QLabel(self, wordWrap=True, styleSheet=NOTE_STYLE)
        self.preview = QTextBrowser(self)
        self.preview.setOpenLinks(False)
        self.out_edit = QLineEdit(self, placeholderText=self.tr("Where results.jsonl and the exported table go"))
        self.out_button = QPushButton(self.tr("Choose…"), self)
        self.out_button.clicked.connect(self._choose_out_dir)
        self.open_when_done = QCheckBox(self.tr("When done, open the results folder"), self)
        self.summary_label = QLabel(self, toolTip=token_tip())
        self.summary_label.setStyleSheet("font-weight: bold;")
        self.start_button = QPushButton(self.tr("Start batch"), self, default=True, enabled=False)
        self.start_button.clicked.connect(self.start)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)
        self._layout(cancel)

        self._refresh_timer = QTimer(self, singleShot=True, interval=150)  # re-render once typing pauses
        self._refresh_timer.timeout.connect(self.refresh)
        for signal in (self.system_edit.textChanged, self.template_edit.textChanged, self.request.changed,
                       self.out_edit.textChanged):
            signal.connect(self._refresh_timer.start)
        self._endpoint_changed(self.request.endpoint)
        self.refresh()  # the empty preview says what to do first
        self.resize(1080, 720)

    def _layout(self, cancel: QPushButton) -> None:
        source = QGridLayout()
        source.addWidget(QLabel(self.tr("Input"), self), 0, 0)
        source.addWidget(self.source_edit, 0, 1)
        source.addWidget(self.open_button, 0, 2)
        source.addWidget(self.folder_button, 0, 3)
        info = QHBoxLayout()
        info.addWidget(self.info_label, 1)
        info.addWidget(self.sheet_label)
        info.addWidget(self.sheet_combo)
        source.addLayout(info, 1, 1, 1, 3)
        template_box = QGroupBox(self.tr("Prompt template — {column} inserts a cell"), self)
        template = QVBoxLayout(template_box)
        self.system_label = QLabel(self.tr("System message"), self)
        template.addWidget(self.system_label)
        template.addWidget(self.system_edit)
        self.template_label = QLabel(self.tr("User message"), self)
        template.addWidget(self.template_label)
        template.addWidget(self.template_edit, 1)
        template.addWidget(self.columns_box)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.request)
        left_layout.addWidget(template_box, 1)
        left_layout.addWidget(self.problems_label)
        left_layout.addWidget(self.note_label)
        right = QGroupBox(self.tr("Preview — the first rows as they will be sent"), self)
        QVBoxLayout(right).addWidget(self.preview)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([560, 520])
        out = QHBoxLayout()
        out.addWidget(QLabel(self.tr("Output folder"), self))
        out.addWidget(self.out_edit, 1)
        out.addWidget(self.out_button)
        out.addWidget(self.open_when_done)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(cancel)
        bottom.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addLayout(source)
        layout.addWidget(split, 1)
        layout.addLayout(out)
        layout.addLayout(bottom)

    # -- input ------------------------------------------------------------------------

    def _choose_file(self) -> None:
        filters = (self.tr("Tables ({patterns})").format(patterns="*.csv *.tsv *.tab *.txt *.xlsx *.xlsm *.jsonl")
                   + ";;" + self.tr("All files (*)"))
        dialog = QFileDialog(self, self.tr("Open batch input"), "", filters)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.load(Path(path)))
        dialog.open()

    def _choose_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Open a folder of audio files"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(lambda path: self.load(Path(path)))
        dialog.open()

    def _choose_out_dir(self) -> None:
        dialog = QFileDialog(self, self.tr("Output folder"), self.out_edit.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(self.out_edit.setText)
        dialog.open()

    def load(self, path: Path, sheet: str | None = None) -> None:
        """Read the input off the GUI thread (a big workbook takes seconds)."""
        self.info_label.setText(self.tr("Reading…"))
        spawn(self._load(Path(path), sheet))

    async def _load(self, path: Path, sheet: str | None) -> None:
        # The first rows at once, for the preview; then, for a big file, all of it (the row
        # count) in a worker thread while the dialog stays usable.
        loop = asyncio.get_running_loop()
        try:
            head = await loop.run_in_executor(None, read_head, path, sheet)
            if not isValid(self):  # the window was closed meanwhile
                return
            self.set_table(head)
            if head.complete:
                return
            table = await loop.run_in_executor(None, read_table, path, sheet)
        except QueueError as error:
            if not isValid(self):
                return
            self.info_label.setText("")
            self.problems_label.setText(error.message)
            self.start_button.setEnabled(False)
            return
        if isValid(self) and self.table is head:  # not replaced by another file meanwhile
            self.set_table(table)

    def set_table(self, table: Table) -> None:
        previous = self.table
        self.table = table
        if previous is not None and previous.source == table.source and not previous.complete:
            # The whole of the file shown so far: the form stays as the user set it.
            self.info_label.setText(table.describe())
            if table.columns != previous.columns:
                self.request.set_columns(table.columns)
                self._fill_columns()
            self.refresh()
            self.rowsCounted.emit()
            return
        self.source_edit.setText(str(table.source))
        self.info_label.setText(table.describe())
        self.sheet_combo.clear()
        self.sheet_combo.addItems(table.sheets)
        self.sheet_combo.setCurrentText(table.sheet or "")
        for widget in (self.sheet_combo, self.sheet_label):
            widget.setVisible(len(table.sheets) > 1)
        if previous is None or previous.source != table.source or not self.out_edit.text():
            self.out_edit.setText(str(default_out_dir(table.source)))
        self.request.set_columns(table.columns)
        if table.kind == SourceKind.AUDIO and self.request.endpoint.spec.body is not BodyKind.MULTIPART:
            self.request.select_endpoint(Endpoint.TRANSCRIPTIONS)
        self._fill_columns()
        self._endpoint_changed(self.request.endpoint)
        self.refresh()
        self.tableLoaded.emit()
        if table.complete:
            self.rowsCounted.emit()

    def _typed_source(self) -> None:
        text = self.source_edit.text().strip().strip('"')
        if not text or (self.table is not None and str(self.table.source) == text):
            return
        path = Path(text).expanduser()
        if not path.exists():
            self.problems_label.setText(self.tr("{path} does not exist. Check the path, or use Open file….").format(
                path=text))
            self.problems_label.setVisible(True)
            self.start_button.setEnabled(False)
            return
        self.load(path)

    def _fill_columns(self) -> None:
        while self.columns_layout.count():
            item = self.columns_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if self.table is None or self.table.kind == SourceKind.JSONL:
            return
        self.columns_layout.addWidget(QLabel(self.tr("Insert:"), self))
        for name in self.table.columns[:12]:
            button = QPushButton("{" + name + "}", self, flat=True, toolTip=self.tr("Insert the cell of column “{name}”").format(name=name))
            button.setStyleSheet("padding: 1px 6px; border: 1px solid palette(mid); border-radius: 8px;")
            button.clicked.connect(lambda _=False, n=name: self._insert(n))
            self.columns_layout.addWidget(button)
        self.columns_layout.addStretch(1)

    def _insert(self, name: str) -> None:
        edit = self.system_edit if self.system_edit.hasFocus() else self.template_edit
        edit.insertPlainText("{" + name + "}")
        edit.setFocus()

    # -- request ------------------------------------------------------------------------

    @property
    def model_picker(self) -> ModelPicker:
        return self.request.model_picker

    def _endpoint_changed(self, endpoint: Endpoint) -> None:
        jsonl = self.table is not None and self.table.kind == SourceKind.JSONL
        for widget in (self.system_edit, self.system_label):
            widget.setVisible(endpoint is Endpoint.CHAT)
        for widget in (self.request, self.template_edit, self.system_edit):
            widget.setEnabled(not jsonl)  # JSONL rows are complete requests
        audio = endpoint.spec.body is BodyKind.MULTIPART
        if endpoint is Endpoint.CHAT:
            label = self.tr("User message")
        elif endpoint is Endpoint.EMBEDDINGS:
            label = self.tr("Input text")
        elif audio:
            label = self.tr("Prompt (optional: guides spelling and names)")
        else:
            label = self.tr("Prompt")
        self.template_label.setText(label)

    def plan(self) -> tuple[BatchPlan | None, list[str]]:
        """The plan the form describes, and what must be fixed first."""
        if self.table is None:
            return None, [self.tr("Open an input file or folder first.")]
        trouble = []
        try:
            params = self.request.params()
        except ValueError:
            params = {}
            trouble.append(self.tr('More parameters must be a JSON object, e.g. {"top_p": 0.9}.'))
        try:
            schema = self.request.schema()
        except QueueError as problem:
            schema = None
            trouble.append(problem.message)
        spec = BatchSpec(self.request.endpoint, self.request.current_model(), self.template_edit.toPlainText(),
                         self.system_edit.toPlainText(), params, self.request.audio_column(), schema=schema)
        out = self.out_edit.text().strip()
        if not out:
            trouble.append(self.tr("Choose an output folder."))
        if self.table.kind not in (SourceKind.AUDIO, SourceKind.JSONL) and spec.template.strip() and not (
                set(placeholders(spec.template) + placeholders(spec.system)) & set(self.table.columns)):
            # Without a column every row would send the same text (or nothing): never worth paying for.
            trouble.append(self.tr("Put at least one column into the message, e.g. {{{column}}}: click a column "
                                   "name under the template.").format(column=self.table.columns[0]))
        plan = BatchPlan(self.table, spec, Path(out or default_out_dir(self.table.source)))
        return plan, trouble + plan.problems()

    def refresh(self) -> None:
        plan, trouble = self.plan()
        self.problems_label.setText("\n".join(trouble))
        self.problems_label.setVisible(bool(trouble))
        self.start_button.setEnabled(plan is not None and not trouble and plan.table.complete)
        if plan is None:
            self.preview.setHtml('<p style="color: gray; margin: 24px;">' + html.escape(self.tr(
                "Open a file or an audio folder above (or drop one on the main window): its first rows appear "
                "here exactly as they will be sent.")) + "</p>")
            self.summary_label.setText("")
            return
        self.preview.setHtml(preview_html(plan))
        notes = []
        key = (plan.spec.to_json().__repr__(), id(self.table))
        if key != self._estimate_for:
            self._estimate_for, self.tokens, self.empty = key, None, None
            if plan.table.complete:
                spawn(self._estimate(plan, key))
        empty = self.empty or []
        if empty:
            shown = ", ".join(str(i + 1) for i in empty[:5]) + (" …" if len(empty) > 5 else "")
            if len(empty) == 1:
                note = self.tr("{count} row renders to an empty prompt (row {rows}); it is sent as it is.")
            else:
                note = self.tr("{count} rows render to an empty prompt (rows {rows}); they are sent as they are.")
            notes.append(note.format(count=len(empty), rows=shown))
        if self._earlier_run[0] != plan.out_dir:  # read once per folder, not per keystroke (it can be MBs)
            manifest = read_manifest(plan.out_dir) or {}
            self._earlier_run = (plan.out_dir, manifest.get("batch_id") == plan.batch_id)
        if self._earlier_run[1]:
            notes.append(self.tr("This folder holds an earlier run of this input: rows already answered are not sent again."))
        self.note_label.setText("\n".join(notes))
        self.note_label.setVisible(bool(notes))
        self.summary_label.setText(summary_text(plan, self.tokens))

    async def _estimate(self, plan: BatchPlan, key: object) -> None:
        # Rendering every row is O(rows): a worker thread keeps typing smooth on a million rows.
        def work() -> tuple[int, list[int]]:
            return plan.estimate_tokens(), plan.empty_rows()

        tokens, empty = await asyncio.get_running_loop().run_in_executor(None, work)
        if isValid(self) and key == self._estimate_for:
            self.tokens, self.empty = tokens, empty
            if empty:
                self.refresh()  # the note on empty prompts
            else:
                self.summary_label.setText(summary_text(plan, tokens))

    def start(self) -> BatchPlan | None:
        self._refresh_timer.stop()
        self.refresh()
        plan, trouble = self.plan()
        if plan is None or trouble or not plan.table.complete:
            return None
        self.startRequested.emit(plan, self.open_when_done.isChecked())
        self.accept()
        return plan
