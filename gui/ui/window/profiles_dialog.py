"""The Profiles dialog: list, add, edit and delete connection profiles (built-ins stay), the
API key in the system keyring with a show/hide toggle, "Test connection", and "Use this
profile", which asks the window to switch (the window rebuilds the engine)."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.engine import SANDBOX_KEY
from gui.core.errors import QueueError
from gui.core.profiles.connection import check_connection, describe
from gui.core.profiles.keys import KeySource, KeyStore, key_store
from gui.core.profiles.profile import SANDBOX_PROFILE, PathStyle, Profile, ProfileStore
from gui.ui.runtime.background import spawn

_SOURCE_TEXT = {
    KeySource.KEYRING: QT_TRANSLATE_NOOP("profiles_dialog", "The key is stored in the system keyring."),
    KeySource.SESSION: QT_TRANSLATE_NOOP("profiles_dialog",
                                         "The key is kept in memory for this session only (no keyring available)."),
    KeySource.ENVIRONMENT: QT_TRANSLATE_NOOP(
        "profiles_dialog", "No key stored for this profile; OPENAI_API_KEY from the environment is used."),
}


class ProfilesDialog(QDialog):
    activate_requested = Signal(str)  # "Use this profile": the window decides whether it can switch
    tested = Signal(bool, str)  # Test connection finished: success, message

    def __init__(self, profiles: ProfileStore, active: str, *, keys: KeyStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Profiles"))
        self.profiles = profiles
        self.keys = keys or key_store()
        self.active = active
        self._editing: str | None = None  # the stored name of the profile in the form; None: a new one

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Profiles"))
        self.list.setMinimumWidth(240)
        self.list.currentItemChanged.connect(lambda item, _old: self._show(item.data(Qt.ItemDataRole.UserRole)
                                                                          if item else None))
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.clicked.connect(self.add_profile)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.clicked.connect(self.delete_profile)
        left = QVBoxLayout()
        left.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)

        self.name_edit = QLineEdit(self)
        self.url_edit = QLineEdit(self, placeholderText="https://llm-server.llmhub.t-systems.net/queue")
        self.style_box = QComboBox(self)
        for style in PathStyle:
            self.style_box.addItem(style.label, style)
        self.concurrency = QSpinBox(self, minimum=0, maximum=64, specialValueText=self.tr("As in queue settings"))
        self.read_timeout = QSpinBox(self, minimum=0, maximum=240, suffix=self.tr(" min"),
                                     specialValueText=self.tr("As in queue settings"))
        self.answer_limit = QSpinBox(self, minimum=0, maximum=16384, suffix=self.tr(" MiB"),
                                     specialValueText=self.tr("As in queue settings"))
        self.longest_wait = QSpinBox(self, minimum=0, maximum=720, suffix=self.tr(" h"),
                                     specialValueText=self.tr("As in queue settings"))
        self.plain_http = QCheckBox(self.tr("Allow unencrypted http:// to other computers"), self)
        self.ca_edit = QLineEdit(self, placeholderText=self.tr("Only the system's certificates"))
        self.ca_button = QPushButton(self.tr("Browse…"), self)
        self.ca_button.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit)
        ca_row.addWidget(self.ca_button)

        # The key: any characters (no validator, no input mask), hidden unless asked.
        self.key_edit = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        self.key_edit.setAccessibleName(self.tr("API key"))
        self.key_edit.setPlaceholderText(self.tr("Paste the API key"))
        self.show_key = QToolButton(self, text=self.tr("Show"), checkable=True)
        self.show_key.setAccessibleName(self.tr("Show the API key"))
        self.show_key.toggled.connect(self._toggle_key)
        self.forget_key = QPushButton(self.tr("Forget key"), self)
        self.forget_key.clicked.connect(self._forget_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit)
        key_row.addWidget(self.show_key)
        key_row.addWidget(self.forget_key)
        self.key_note = QLabel(self, wordWrap=True)

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Base URL"), self.url_edit)
        form.addRow(self.tr("&Paths"), self.style_box)
        form.addRow(self.tr("&Jobs at once"), self.concurrency)
        form.addRow(self.tr("&Wait for an answer"), self.read_timeout)
        form.addRow(self.tr("Lar&gest answer"), self.answer_limit)
        form.addRow(self.tr("L&ongest wait for a job"), self.longest_wait)
        form.addRow("", self.plain_http)
        for text, row, buddy in ((self.tr("&CA bundle"), ca_row, self.ca_edit),
                                 (self.tr("API &key"), key_row, self.key_edit)):
            label = QLabel(text, self)
            label.setBuddy(buddy)  # a label beside a layout gets no buddy (and no Alt key) by itself
            form.addRow(label, row)
        form.addRow("", self.key_note)

        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.clicked.connect(self.save_profile)
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.use_button = QPushButton(self.tr("&Use this profile"), self)
        self.use_button.clicked.connect(self._use)
        actions = QHBoxLayout()
        for button in (self.save_button, self.test_button, self.use_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.status = QLabel(self, wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse,
                             textFormat=Qt.TextFormat.PlainText)  # may carry server text: never markup
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(actions)
        right.addWidget(self.status)
        right.addStretch(1)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 3)
        outer = QVBoxLayout(self)
        outer.addLayout(columns)
        outer.addWidget(close)
        self.resize(760, 440)
        self._fill_list(active)

    # -- the list -------------------------------------------------------------------

    def _fill_list(self, select: str | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for profile in self.profiles.profiles:
            active = profile.name == self.active
            if profile.built_in and active:
                text = self.tr("{name} (built in, active)").format(name=profile.name)
            elif profile.built_in:
                text = self.tr("{name} (built in)").format(name=profile.name)
            elif active:
                text = self.tr("{name} (active)").format(name=profile.name)
            else:
                text = profile.name
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, profile.name)
            if profile.name == self.active:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
        self.list.blockSignals(False)
        names = self.profiles.names()
        self.list.setCurrentRow(names.index(select) if select in names else 0)

    def select(self, name: str) -> None:
        self.list.setCurrentRow(self.profiles.names().index(name))

    def _show(self, name: str | None) -> None:
        profile = self.profiles.get(name) if name else None
        if profile is None:
            return
        self._editing = profile.name
        self.name_edit.setText(profile.name)
        self.name_edit.setReadOnly(profile.built_in)
        self.url_edit.setText(profile.base_url)
        self.url_edit.setReadOnly(profile.built_in)
        self.style_box.setCurrentIndex(self.style_box.findData(profile.path_style))
        self.concurrency.setValue(profile.concurrency or 0)
        self.read_timeout.setValue(profile.read_timeout_min or 0)
        self.answer_limit.setValue(profile.largest_answer_mib or 0)
        self.longest_wait.setValue(profile.longest_wait_h or 0)
        self.plain_http.setChecked(profile.allow_plain_http)
        self.ca_edit.setText(profile.ca_bundle)
        self.delete_button.setEnabled(not profile.built_in)
        self._show_key(profile.name)
        self.status.clear()

    def _show_key(self, name: str) -> None:
        found = self.keys.get(name)
        own = found if found is not None and found.source is not KeySource.ENVIRONMENT else None
        self.key_edit.setText(own.value if own else "")
        if found is None:
            note = self.tr("No key stored yet.") if name != SANDBOX_PROFILE else self.tr("The sandbox accepts any key.")
            if self.keys.problem and name != SANDBOX_PROFILE:  # where a key typed now would go
                note += " " + self.keys.problem
        else:  # the source's text says it all (the in-memory one says there is no keyring)
            note = QCoreApplication.translate("profiles_dialog", _SOURCE_TEXT[found.source])
        self.key_note.setText(note)
        self.forget_key.setEnabled(own is not None)

    def add_profile(self) -> None:
        self._editing = None
        self.list.clearSelection()
        for edit in (self.name_edit, self.url_edit, self.ca_edit, self.key_edit):
            edit.clear()
        self.name_edit.setReadOnly(False)
        self.url_edit.setReadOnly(False)
        self.style_box.setCurrentIndex(0)
        self.concurrency.setValue(0)
        self.read_timeout.setValue(0)
        self.answer_limit.setValue(0)
        self.longest_wait.setValue(0)
        self.plain_http.setChecked(False)
        self.delete_button.setEnabled(False)
        # Told as it is: with no keyring the key lives only until the app quits.
        self.key_note.setText(self.keys.problem or self.tr("The key is stored in the system keyring when you save."))
        self.status.setText(self.tr("A new profile: fill in a name and the base URL, then Save."))
        self.name_edit.setFocus()

    def delete_profile(self) -> None:
        name = self._editing
        if not name:
            return
        if name == self.active:
            self._say(self.tr("The active profile cannot be deleted; switch to another one first."))
            return
        try:
            self.profiles.delete(name)
        except QueueError as error:
            self._say(error.message)
            return
        self.keys.delete(name)
        self._fill_list(self.active)
        self._say(self.tr("Deleted the profile {name} and its key.").format(name=repr(name)))

    # -- the form -------------------------------------------------------------------

    def form_profile(self) -> Profile:
        return Profile(
            name=self.name_edit.text().strip(),
            base_url=self.url_edit.text().strip(),
            path_style=self.style_box.currentData(),
            concurrency=self.concurrency.value() or None,
            read_timeout_min=self.read_timeout.value() or None,
            largest_answer_mib=self.answer_limit.value() or None,
            longest_wait_h=self.longest_wait.value() or None,
            allow_plain_http=self.plain_http.isChecked(),
            ca_bundle=self.ca_edit.text().strip(),
        )

    def form_key(self) -> str:
        # Pasted keys often carry a line break or spaces at the ends; nothing else is touched.
        return self.key_edit.text().strip()

    def save_profile(self) -> bool:
        profile = self.form_profile()
        try:
            if profile.name != SANDBOX_PROFILE:
                profile.check()
            self.profiles.save(profile, replacing=self._editing)
        except QueueError as error:
            self._say(error.message)
            return False
        if self._editing and self._editing != profile.name:
            self.keys.rename(self._editing, profile.name)
        message = self.tr("Saved the profile {name}.").format(name=repr(profile.name))
        key = self.form_key()
        stored = self.keys.get(profile.name)
        if key and (stored is None or stored.value != key or stored.source is KeySource.ENVIRONMENT):
            where = self.keys.set(profile.name, key)
            message += " " + (self.tr("The key is in the system keyring.") if where is KeySource.KEYRING
                              else (self.keys.problem or ""))
        self._editing = profile.name
        self._fill_list(profile.name)
        self._say(message)
        return True

    def _forget_key(self) -> None:
        if self._editing:
            self.keys.delete(self._editing)
            self._show_key(self._editing)
            self._say(self.tr("Forgot the key of {name}.").format(name=repr(self._editing)))

    def _toggle_key(self, shown: bool) -> None:
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_key.setText(self.tr("Hide") if shown else self.tr("Show"))

    def _browse_ca(self) -> None:
        # open(), not exec(): a nested event loop breaks qasync.
        filters = (self.tr("Certificates ({patterns})").format(patterns="*.pem *.crt *.cer")
                   + ";;" + self.tr("All files (*)"))
        dialog = QFileDialog(self, self.tr("CA bundle (PEM)"), self.ca_edit.text(), filters)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.ca_edit.setText)
        dialog.open()

    # -- test and use ---------------------------------------------------------------

    def test_connection(self) -> None:
        profile = self.form_profile()
        key = self.form_key()
        if not key:
            found = self.keys.get(profile.name)
            key = found.value if found else ""
        if not key and profile.name == SANDBOX_PROFILE:
            key = SANDBOX_KEY
        if not key:
            self._report(False, self.tr("Enter the API key first (or set OPENAI_API_KEY)."))
            return
        self.test_button.setEnabled(False)
        self.status.setText(self.tr("Connecting to {url} …").format(url=profile.api_url))
        spawn(self._test(profile, key))

    async def _test(self, profile: Profile, key: str) -> None:
        try:
            models = await check_connection(profile, key)
        except QueueError as error:
            ok, message = False, error.message
        else:
            ok, message = True, describe(profile, models)
        if not shiboken6.isValid(self):  # the window was closed or switched meanwhile
            return
        self.test_button.setEnabled(True)
        self._report(ok, message)

    def _report(self, ok: bool, message: str) -> None:
        self.status.setStyleSheet("" if ok else "color: #e74c3c;")
        self.status.setText(message)
        self.tested.emit(ok, message)

    def _use(self) -> None:
        if self._editing is None or self.form_profile() != self.profiles.get(self._editing) or (
                self.form_key() and self.form_key() != getattr(self.keys.get(self._editing), "value", None)):
            if not self.save_profile():
                return
        self.activate_requested.emit(self._editing)

    def _say(self, message: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(message)
