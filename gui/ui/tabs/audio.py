"""The Transcription and Translation tabs: audio files from a picker or dropped (many at
once, also onto the main window), one job per file, with language, prompt, temperature,
response format and timestamp granularities. Files are checked before anything is sent;
what is wrong with a file is listed under the drop area in plain words."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from gui.core.api.wire import Upload
from gui.core.builders.media_bodies import (
    MEDIA_EXTENSIONS,
    audio_request,
    check_audio_file,
    is_audio_name,
)
from gui.core.endpoints import AUDIO_FORMATS, Endpoint
from gui.core.errors import InputProblem
from gui.core.jobs.job import Job
from gui.ui.preview.transcript_settings import SaveSettingsBox
from gui.ui.runtime import settings as app_settings
from gui.ui.tabs.base import EndpointTab, Request, TabContext
from gui.ui.widgets.drop_area import DropArea
from gui.ui.widgets.form import heading, hint

LANGUAGES = ("", "en", "de", "fr", "es", "it", "nl", "pl", "pt", "ja", "zh")


class AudioTab(EndpointTab):
    submit_text = QT_TRANSLATE_NOOP("tabs", "Submit files")

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        translate = self.endpoint is Endpoint.TRANSLATIONS
        layout = self.standard_layout()
        self.model_form(layout)
        if translate:
            layout.addWidget(hint(self.tr("Translates speech in any language into English text."), self))

        self.drop_area = DropArea(self)
        self.drop_area.filesDropped.connect(self.files_dropped)
        self.drop_area.chooseRequested.connect(self.ask_files)
        layout.addWidget(self.drop_area)
        self.files = QListWidget(self)
        self.files.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        self.files.setToolTip(self.tr("Files waiting to be submitted (Delete removes the selected ones)"))
        self.files.hide()
        layout.addWidget(self.files)
        self.file_error = self.bind_field("file", self.files)
        layout.addWidget(self.file_error)
        self.send_dropped = QCheckBox(self.tr("Submit dropped files at once"), self)
        self.send_dropped.setChecked(app_settings.submit_dropped())
        self.send_dropped.toggled.connect(app_settings.set_submit_dropped)
        layout.addWidget(self.send_dropped)

        self.language = QComboBox(self)
        self.language.setEditable(True)
        self.language.addItems(LANGUAGES)
        self.language.lineEdit().setPlaceholderText(self.tr("auto-detect"))
        self.language.setToolTip(self.tr("ISO-639-1 code of the spoken language; empty: detected from the first 30 s"))
        self.prompt = QLineEdit(self)
        # Short enough for the field at the smallest window; the whole hint in the tooltip.
        self.prompt.setPlaceholderText(self.tr("Optional: names, terms"))
        self.prompt.setToolTip(self.tr("Optional: names, terms or the previous part's text, to spell them as the "
                                       "model should"))
        self.temperature = QDoubleSpinBox(self)
        self.temperature.setRange(0.0, 1.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setToolTip(self.tr("0 (the default) lets the model pick; higher values sample more freely"))
        self.response_format = QComboBox(self)
        self.response_format.addItems(AUDIO_FORMATS)
        self.response_format.setCurrentText("verbose_json")
        self.response_format.setToolTip(self.tr("verbose_json gives segments with timings (needed for srt/vtt export)"))
        self.words = QCheckBox(self.tr("word"), self)
        self.segments = QCheckBox(self.tr("segment"), self)
        grains = QHBoxLayout()
        grains.addWidget(self.words)
        grains.addWidget(self.segments)
        grains.addStretch(1)
        params = QFormLayout()
        params.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, str, Any]] = [(self.tr("Prompt"), "prompt", self.prompt),
                                            (self.tr("Temperature"), "temperature", self.temperature),
                                            (self.tr("Response format"), "response_format", self.response_format)]
        if not translate:
            rows.insert(0, (self.tr("Language"), "language", self.language))
        for label, name, widget in rows:
            params.addRow(label, widget)
            params.addRow("", self.bind_field(name, widget))
        self.grain_label = QLabel(self.tr("Timestamps"), self)
        if not translate:
            params.addRow(self.grain_label, grains)
            params.addRow("", self.bind_field("timestamp_granularities", self.words))
        else:
            self.language.hide()
            self.words.hide()
            self.segments.hide()
            self.grain_label.hide()
        layout.addWidget(heading(self.tr("Settings"), self))
        layout.addLayout(params)
        self.add_advanced(layout, '{"language": "de"}' if not translate else '{"prompt": "Glossary: …"}')
        self.save_settings = SaveSettingsBox(self)
        layout.addWidget(self.save_settings)
        layout.addStretch(1)
        self.response_format.currentTextChanged.connect(self._format_changed)
        self._format_changed(self.response_format.currentText())

    def _format_changed(self, fmt: str) -> None:
        verbose = fmt == "verbose_json"
        for box in (self.words, self.segments):
            box.setEnabled(verbose)
            box.setToolTip("" if verbose else self.tr("Timestamps need the verbose_json format"))

    # -- files ------------------------------------------------------------------------

    def pending_files(self) -> list[str]:
        return [self.files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.files.count())]

    def add_files(self, paths: list[str]) -> list[str]:
        """Add the good files to the list; say what is wrong with the others. Returns the good ones."""
        good, problems = [], []
        limit = app_settings.upload_limit_bytes()
        for path in _expand_folders(paths):
            try:
                check_audio_file(path, limit)
            except InputProblem as problem:
                problems.append(problem.message)
                continue
            if path not in self.pending_files() and path not in good:
                good.append(path)
        for path in good:
            item = QListWidgetItem(Path(path).name, self.files)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
        self.files.setVisible(self.files.count() > 0)
        self.clear_errors()
        if problems:
            self.show_error("\n".join(problems), self.files)
        return good

    def files_dropped(self, paths: list[str]) -> list[Job]:
        """A drop (on the tab or the window): add, and submit at once if so set."""
        good = self.add_files(paths)
        shown = self.file_error.text()
        if not good or not self.send_dropped.isChecked():
            return []
        jobs = self.submit_jobs()
        if shown and not self.file_error.text():  # keep telling which dropped files were refused
            self.show_error(shown, self.files)
        return jobs

    def ask_files(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose audio files"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        patterns = " ".join("*." + e for e in MEDIA_EXTENSIONS)
        dialog.setNameFilters([self.tr("Audio ({patterns})").format(patterns=patterns),
                               self.tr("All files ({patterns})").format(patterns="*")])
        dialog.filesSelected.connect(self.add_files)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()  # never exec() on the event loop

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Delete removes the selected pending files
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.files.hasFocus():
            for item in self.files.selectedItems():
                self.files.takeItem(self.files.row(item))
            self.files.setVisible(self.files.count() > 0)
            return
        super().keyPressEvent(event)

    # -- requests -----------------------------------------------------------------------

    def _values(self) -> dict[str, Any]:
        grains = [g for g, box in (("word", self.words), ("segment", self.segments))
                  if box.isChecked() and box.isEnabled()]
        return {"language": self.language.currentText(), "prompt": self.prompt.text(),
                "temperature": round(self.temperature.value(), 2),
                "response_format": self.response_format.currentText(), "granularities": grains}

    def build_requests(self) -> list[Request]:
        files = self.pending_files()
        if not files:
            raise InputProblem(self.tr("Add audio files first: drop them here or choose them."), field="file")
        limit = app_settings.upload_limit_bytes()
        self.engine.scheduler.recordings.max_bytes = limit  # longer recordings go in pieces
        model, values, extra = self.model_picker.current_model(), self._values(), self.extra()
        return [audio_request(self.endpoint, path, model, extra=extra, max_bytes=limit, **values) for path in files]

    def submit_jobs(self) -> list[Job]:
        jobs = super().submit_jobs()
        if jobs:
            self.files.clear()
            self.files.hide()
        return jobs

    def fill_form(self, body: dict[str, Any], uploads: list[Upload]) -> None:
        self.set_model(body)
        self.language.setCurrentText(str(body.pop("language", "") or ""))
        self.prompt.setText(str(body.pop("prompt", "") or ""))
        self.temperature.setValue(float(body.pop("temperature", 0) or 0))
        self.response_format.setCurrentText(str(body.pop("response_format", "json")))
        grains = body.pop("timestamp_granularities", []) or []
        self.words.setChecked("word" in grains)
        self.segments.setChecked("segment" in grains)
        self.files.clear()
        self.add_files([u.path for u in uploads if u.field == "file"])


def _expand_folders(paths: list[str]) -> list[str]:
    """A dropped folder stands for the audio files directly in it."""
    expanded = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            expanded += sorted(str(f) for f in p.iterdir() if f.is_file() and is_audio_name(f))
        else:
            expanded.append(path)
    return expanded


class TranscriptionTab(AudioTab):
    endpoint = Endpoint.TRANSCRIPTIONS


class TranslationTab(AudioTab):
    endpoint = Endpoint.TRANSLATIONS
