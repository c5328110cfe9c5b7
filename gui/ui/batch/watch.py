"""The watch-folder setting: a dialog to choose the folder, where transcripts go, the
endpoint, model and parameters; and the service that watches while the app runs.

The service watches the directory (QFileSystemWatcher on the folder, not on files:
watched files drop out when renamed, recipes §5) and also looks every few seconds,
because a file being copied in must settle before it is sent, and some file systems
(network shares) send no change events. The scanning itself (listing, hashing) runs in
worker threads inside gui.core.batch.watch_folder."""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.batch.watch_folder import WatchFolder, WatchSettings, state_path
from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.ui.runtime.background import spawn
from gui.ui.runtime.settings import Key, get, put
from gui.ui.widgets.model_picker import ModelCatalog, ModelPicker

POLL_MS = 3000


def load_settings() -> tuple[bool, WatchSettings | None]:
    folder = get(Key.WATCH_FOLDER)
    if not folder:
        return False, None
    try:
        params = json.loads(get(Key.WATCH_PARAMS) or "{}")
    except ValueError:
        params = {}
    out = get(Key.WATCH_OUT)
    settings = WatchSettings(Path(folder), get(Key.WATCH_MODEL), Path(out) if out else None,
                             Endpoint(get(Key.WATCH_ENDPOINT)), params if isinstance(params, dict) else {},
                             settle=get(Key.WATCH_SETTLE))
    return get(Key.WATCH_ENABLED), settings


def save_settings(enabled: bool, settings: WatchSettings) -> None:
    put(Key.WATCH_ENABLED, enabled)
    put(Key.WATCH_FOLDER, str(settings.folder))
    put(Key.WATCH_OUT, str(settings.out_dir) if settings.out_dir else "")
    put(Key.WATCH_MODEL, settings.model)
    put(Key.WATCH_ENDPOINT, settings.endpoint.value)
    put(Key.WATCH_PARAMS, json.dumps(settings.params))


class WatchService(QObject):
    message = Signal(str)

    def __init__(self, engine: Engine, catalog: ModelCatalog, parent: QWidget) -> None:
        super().__init__(parent)
        self.engine = engine
        self.catalog = catalog
        self.window = parent
        self.folder: WatchFolder | None = None
        self.dialog: WatchDialog | None = None
        self._reported = 0
        self._fs = QFileSystemWatcher(self)
        self._fs.directoryChanged.connect(lambda _path: self._soon.start())
        self._soon = QTimer(self, singleShot=True, interval=500)
        self._soon.timeout.connect(self.scan)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.scan)
        self.apply()

    def apply(self) -> None:
        """(Re)start watching with the stored settings."""
        if self.folder is not None:
            self.folder.close()
            self.folder = None
        if self._fs.directories():
            self._fs.removePaths(self._fs.directories())
        self._poll.stop()
        enabled, settings = load_settings()
        if not enabled or settings is None:
            return
        home = self.engine.store.path.parent
        self.folder = WatchFolder(self.engine, settings, state_path(home, settings.folder))
        self._fs.addPath(str(settings.folder))
        self._poll.start()
        self.scan()

    def scan(self) -> None:
        if self.folder is not None:
            spawn(self._scan(self.folder))

    async def _scan(self, folder: WatchFolder) -> None:
        jobs = await folder.scan()
        if folder.waiting and folder is self.folder:  # look again once they may have settled
            QTimer.singleShot(int(folder.settings.settle * 1000) + 100, self.scan)
        if jobs:
            names = ", ".join(j.uploads[0].path.rsplit("/", 1)[-1] for j in jobs[:3])
            if len(jobs) > 3:
                names += " …"
            self.message.emit(self.tr("Watch folder: sending {names}").format(names=names))
        if len(folder.saved) > self._reported:
            self._reported = len(folder.saved)
            self.message.emit(self.tr("Watch folder: saved {path}").format(path=folder.saved[-1]))

    def edit(self) -> WatchDialog:
        self.dialog = WatchDialog(self.catalog, self.window)
        self.dialog.accepted.connect(self.apply)
        self.dialog.open()
        return self.dialog


class WatchDialog(QDialog):
    def __init__(self, catalog: ModelCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Watch folder"))
        enabled, settings = load_settings()
        self.enabled = QCheckBox(self.tr("Transcribe audio files that appear in this folder"), self, checked=enabled)
        self.folder_edit = QLineEdit(str(settings.folder) if settings else "", self)
        self.next_to = QRadioButton(self.tr("Next to each audio file (name.transcript.txt)"), self)
        self.into = QRadioButton(self.tr("Into this folder:"), self)
        group = QButtonGroup(self)
        group.addButton(self.next_to)
        group.addButton(self.into)
        self.out_edit = QLineEdit(str(settings.out_dir) if settings and settings.out_dir else "", self)
        (self.into if settings and settings.out_dir else self.next_to).setChecked(True)
        self.endpoint_combo = QComboBox(self)
        for endpoint in (Endpoint.TRANSCRIPTIONS, Endpoint.TRANSLATIONS):
            label = (self.tr("{endpoint} (to English)").format(endpoint=endpoint.label)
                     if endpoint is Endpoint.TRANSLATIONS else endpoint.label)
            self.endpoint_combo.addItem(label, endpoint)
        if settings:
            self.endpoint_combo.setCurrentIndex(self.endpoint_combo.findData(settings.endpoint))
        self.model_picker = ModelPicker(catalog, "STT", settings.model if settings else Endpoint.TRANSCRIPTIONS.spec.default_model, self)
        self.params_edit = QLineEdit(json.dumps(settings.params) if settings and settings.params else "", self)
        self.params_edit.setPlaceholderText('{"language": "de", "response_format": "srt"}')
        self.problem = QLabel(self, wordWrap=True, styleSheet="color: #c0392b;")
        self.problem.hide()
        note = QLabel(self.tr("Each file is sent once: files are recognised by their content, so a copy or a renamed "
                              "file is not sent again. Files are taken once they stop growing."), self, wordWrap=True)
        note.setStyleSheet("color: palette(placeholder-text);")
        form = QFormLayout()
        form.addRow("", self.enabled)
        form.addRow(self.tr("Folder"), self._with_button(self.folder_edit))
        form.addRow(self.tr("Transcripts"), self.next_to)
        form.addRow("", self._with_button(self.out_edit, self.into))
        form.addRow(self.tr("Endpoint"), self.endpoint_combo)
        form.addRow(self.tr("Model"), self.model_picker)
        form.addRow(self.tr("Parameters"), self.params_edit)
        ok, cancel = QPushButton(self.tr("Save"), self, default=True), QPushButton(self.tr("Cancel"), self)
        ok.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.resize(600, 0)

    def _with_button(self, edit: QLineEdit, lead: QWidget | None = None) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        if lead is not None:
            row.addWidget(lead)
        row.addWidget(edit, 1)
        button = QPushButton(self.tr("Choose…"), box)
        button.clicked.connect(lambda: self._choose(edit))
        row.addWidget(button)
        return box

    def _choose(self, edit: QLineEdit) -> None:
        dialog = QFileDialog(self, self.tr("Choose a folder"), edit.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(edit.setText)
        dialog.open()

    def save(self) -> bool:
        folder = self.folder_edit.text().strip()
        try:
            params = json.loads(self.params_edit.text().strip() or "{}")
            if not isinstance(params, dict):
                raise ValueError
        except ValueError:
            return self._fail(self.tr('Parameters must be a JSON object, e.g. {"language": "de"}.'))
        if self.enabled.isChecked() and not Path(folder).is_dir():
            return self._fail(self.tr("Choose a folder that exists."))
        out = self.out_edit.text().strip() if self.into.isChecked() else ""
        if self.into.isChecked() and not out:
            return self._fail(self.tr("Choose the folder the transcripts go into."))
        save_settings(self.enabled.isChecked(), WatchSettings(Path(folder), self.model_picker.current_model(),
                                                              Path(out) if out else None,
                                                              self.endpoint_combo.currentData(), params))
        self.accept()
        return True

    def _fail(self, text: str) -> bool:
        self.problem.setText(text)
        self.problem.show()
        return False
