"""Export a batch: the table (CSV or XLSX, input columns plus results, input order), the
OpenAI batch output JSONL, or a folder of per-row files named from a template. The
dialog only chooses; the controller writes (off the GUI thread)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.batch.export import default_export_path, default_format
from gui.core.batch.row_files import (
    DEFAULT_NAME_TEMPLATE,
    EXTRA_PLACEHOLDERS,
    check_name_template,
)
from gui.core.batch.run import BatchRun
from gui.core.endpoints import Endpoint

FORMATS = [("csv", QT_TRANSLATE_NOOP("batch_export_dialog", "Table — CSV")),
           ("xlsx", QT_TRANSLATE_NOOP("batch_export_dialog", "Table — Excel (.xlsx)")),
           ("jsonl", QT_TRANSLATE_NOOP("batch_export_dialog", "OpenAI batch output (JSONL)")),
           ("files", QT_TRANSLATE_NOOP("batch_export_dialog", "One file per row (folder)"))]


class BatchExportDialog(QDialog):
    exportRequested = Signal(str, object, str)  # format, destination Path, file-name template

    def __init__(self, run: BatchRun, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = run
        plan = run.plan
        self.setWindowTitle(self.tr("Export — {name}").format(name=plan.name))
        self.format_combo = QComboBox(self)
        for fmt, label in FORMATS:
            self.format_combo.addItem(QCoreApplication.translate("batch_export_dialog", label), fmt)
        self.path_edit = QLineEdit(self)
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self._choose)
        self.template_edit = QLineEdit(DEFAULT_NAME_TEMPLATE, self)
        names = ", ".join("{" + c + "}" for c in [*plan.table.columns[:8], *EXTRA_PLACEHOLDERS])
        self.template_edit.setToolTip(
            self.tr("Placeholders: {names}. Use / for subfolders; the extension is added.").format(names=names))
        self.problem = QLabel(self, wordWrap=True, styleSheet="color: #c0392b;")
        self.note = QLabel(self, wordWrap=True, styleSheet="color: palette(placeholder-text);")
        self.export_button = QPushButton(self.tr("Export"), self, default=True)
        self.export_button.clicked.connect(self.export)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)

        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format_combo)
        form.addRow(self.tr("Save to"), where)
        form.addRow(self.tr("File names"), self.template_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.template_edit.textChanged.connect(self._check)
        self.format_combo.setCurrentIndex([f for f, _ in FORMATS].index(default_format(plan)))
        self._format_changed()
        self.resize(560, 0)

    @property
    def fmt(self) -> str:
        return self.format_combo.currentData()

    def _format_changed(self) -> None:
        plan = self.run.plan
        files = self.fmt == "files"
        self.template_edit.setVisible(files)
        self.layout().itemAt(0).layout().labelForField(self.template_edit).setVisible(files)
        self.path_edit.setText(str(plan.out_dir / "files") if files else str(default_export_path(plan, self.fmt)))
        notes = []
        if files:
            names = ", ".join("{" + c + "}" for c in [*plan.table.columns[:6], *EXTRA_PLACEHOLDERS])
            notes.append(self.tr("File names may use {names}; / makes subfolders; the extension is added "
                                 "(.md, .txt, .srt, .json, .png). Rows without an answer get no file.").format(
                names=names))
        if plan.spec.endpoint is Endpoint.EMBEDDINGS and self.fmt in ("csv", "xlsx") and not plan.is_jsonl:
            notes.append(self.tr("The vectors go into a .npy matrix beside the table "
                                 "(row i of the matrix is row i of the table)."))
        p = self.run.progress()
        if p.done < p.total:
            notes.append((self.tr("1 of {total} rows has no answer yet; its status says why.")
                          if p.total - p.done == 1 else
                          self.tr("{missing} of {total} rows have no answer yet; their status says why.")).format(
                missing=f"{p.total - p.done:,}", total=f"{p.total:,}"))
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        self._check()

    def _check(self) -> list[str]:
        trouble = check_name_template(self.template_edit.text(), self.run.plan.table.columns) if self.fmt == "files" else []
        if not self.path_edit.text().strip():
            trouble.append(self.tr("Choose where to save."))
        self.problem.setText("\n".join(trouble))
        self.problem.setVisible(bool(trouble))
        self.export_button.setEnabled(not trouble)
        return trouble

    def _choose(self) -> None:
        files = self.fmt == "files"
        dialog = QFileDialog(self, self.tr("Export to"), self.path_edit.text())
        if files:
            dialog.setFileMode(QFileDialog.FileMode.Directory)
        else:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix(self.fmt)
        dialog.fileSelected.connect(self.path_edit.setText)
        dialog.open()  # not exec(): see batch_dialog

    def export(self) -> bool:
        if self._check():
            return False
        self.exportRequested.emit(self.fmt, Path(self.path_edit.text().strip()), self.template_edit.text())
        self.accept()
        return True
