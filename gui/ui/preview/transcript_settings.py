"""Where finished transcripts are saved: format, next to the audio or into a folder, the
file-name template, auto-save, and the upload limit. Stored in QSettings, checked as
you type (a bad template or folder is explained under its field)."""
from __future__ import annotations

import time

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

from gui.core.errors import InputProblem
from gui.core.export.naming import DEFAULT_TEMPLATE, PLACEHOLDERS, render_name
from gui.core.export.saving import check_folder
from gui.core.export.transcripts import ExportOptions
from gui.core.formats.subtitles import EXPORT_FORMATS
from gui.ui.runtime import settings as app_settings
from gui.ui.widgets.form import HINT_STYLE, error_label


class SaveSettingsBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Saving transcripts"))
        self.format = QComboBox(self)
        self.format.addItems(EXPORT_FORMATS)
        self.next_to_audio = QRadioButton(self.tr("Next to the audio file"), self)
        self.in_folder = QRadioButton(self.tr("In a folder:"), self)
        group = QButtonGroup(self)
        group.addButton(self.next_to_audio)
        group.addButton(self.in_folder)
        self.folder = QLineEdit(self)
        self.folder.setPlaceholderText(self.tr("Choose a folder"))
        self.choose = QPushButton(self.tr("Choose…"), self)
        self.choose.clicked.connect(self._ask_folder)
        self.folder_error = error_label(self)
        self.template = QLineEdit(self)
        self.template.setToolTip(self.tr("Placeholders: {names}. Subfolders are allowed; leaving the folder is not.")
                                 .format(names=", ".join("{" + p + "}" for p in PLACEHOLDERS)))
        self.template_error = error_label(self)
        self.example = QLabel(self)
        self.example.setStyleSheet(HINT_STYLE)
        self.auto = QCheckBox(self.tr("Save transcripts automatically"), self,
                              toolTip=self.tr("Each finished transcript is saved as set here"))
        self.limit = QDoubleSpinBox(self)
        self.limit.setRange(1, 4096)
        self.limit.setDecimals(0)
        self.limit.setSuffix(self.tr(" MiB"))
        self.limit.setToolTip(self.tr("Files larger than this are refused before upload (OpenAI documents 25 MiB)"))

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above their fields: beside them, German labels made the form 100 px wider
        # (WrapLongRows squeezes fields below their minimum instead).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for button in (self.next_to_audio, self.in_folder, self.auto):  # never narrower than their text
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Where"), self.next_to_audio)
        form.addRow("", self.in_folder)
        form.addRow("", folder_row)
        form.addRow("", self.folder_error)
        form.addRow(self.tr("File name"), self.template)
        form.addRow("", self.template_error)
        form.addRow("", self.example)
        form.addRow("", self.auto)
        form.addRow(self.tr("Upload limit"), self.limit)
        self.load()
        for signal in (self.format.currentTextChanged, self.folder.textChanged, self.template.textChanged,
                       self.next_to_audio.toggled, self.auto.toggled, self.limit.valueChanged):
            signal.connect(self.store)

    def load(self) -> None:
        options = app_settings.export_options()
        widgets = (self.format, self.folder, self.template, self.next_to_audio, self.in_folder, self.auto, self.limit)
        for w in widgets:
            w.blockSignals(True)
        self.format.setCurrentText(options.format)
        self.folder.setText(options.folder or "")
        (self.in_folder if options.folder else self.next_to_audio).setChecked(True)
        self.template.setText(options.template)
        self.auto.setChecked(app_settings.auto_save())
        self.limit.setValue(app_settings.upload_limit_mib())
        for w in widgets:
            w.blockSignals(False)
        self.check()

    def options(self) -> ExportOptions:
        folder = self.folder.text().strip() if self.in_folder.isChecked() else None
        return ExportOptions(self.format.currentText(), folder, self.template.text().strip() or DEFAULT_TEMPLATE)

    def check(self) -> bool:
        """Show what is wrong with the folder or template; True if both are fine."""
        ok = True
        self.folder.setEnabled(self.in_folder.isChecked())
        self.choose.setEnabled(self.in_folder.isChecked())
        for label in (self.folder_error, self.template_error):
            label.hide()
        options = self.options()
        if options.folder is not None or self.in_folder.isChecked():
            try:
                check_folder(options.folder or "")
            except InputProblem as problem:
                self.folder_error.setText(problem.message)
                self.folder_error.show()
                ok = False
        try:
            name = render_name(self.template.text(), stem="interview", model="whisper-large-v3",
                               format=options.format, date=time.time())
            self.example.setText(self.tr("e.g. {name}").format(name=name))
        except InputProblem as problem:
            self.template_error.setText(problem.message)
            self.template_error.show()
            self.example.clear()
            ok = False
        return ok

    def store(self) -> None:
        """Keep what is valid: a bad template or folder is shown, not saved."""
        self.check()
        options, saved = self.options(), app_settings.export_options()
        template_ok = self.template_error.isHidden()
        folder_ok = self.folder_error.isHidden()
        app_settings.save_export_options(ExportOptions(
            options.format,
            options.folder if folder_ok else saved.folder,
            options.template if template_ok else saved.template,
        ))
        app_settings.set_auto_save(self.auto.isChecked())
        app_settings.set_upload_limit_mib(self.limit.value())

    def _ask_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Save transcripts in"), self.folder.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder.setText)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()

    def showEvent(self, event) -> None:  # noqa: N802 - the other audio tab may have changed them
        self.load()
        super().showEvent(event)
