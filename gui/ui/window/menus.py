"""The main window's menu bar: File (profiles, save result, open data folder, quit), Edit
(find), Jobs (the table's actions, refresh models), View (the endpoints by Ctrl+1…8,
columns, appearance, language), Batch (filled by the batch controller) and Help (shortcuts,
about). It only emits signals; the window decides what they do. The titles come at once,
for the first frame; the actions, their icons and shortcuts with `populate`."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from gui.ui.runtime import language, theme
from gui.ui.runtime.icons import set_line_icon

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls


class MenuBar(QMenuBar):
    profilesRequested = Signal()
    saveResultRequested = Signal()
    findRequested = Signal()
    quitRequested = Signal()
    refreshModelsRequested = Signal()
    endpointRequested = Signal(int)  # index into the window's endpoints
    schemeChosen = Signal(str)  # "system", "light", "dark"
    languageChosen = Signal(str)  # "system", "en", "de"
    openDataFolderRequested = Signal()
    shortcutsRequested = Signal()
    aboutRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_menu = self.addMenu(translate("window_menus", "&File"))
        self.edit_menu = self.addMenu(translate("window_menus", "&Edit"))
        self.jobs_menu = self.addMenu(translate("window_menus", "&Jobs"))
        self.view_menu = self.addMenu(translate("window_menus", "&View"))
        self.batch_menu = self.addMenu(translate("window_menus", "&Batch"))
        self.help_menu = self.addMenu(translate("window_menus", "&Help"))

    def populate(self, endpoint_titles: list[str], job_actions: list[QAction], queue_actions: list[QAction],
                 column_menu: QMenu) -> None:
        file_menu = self.file_menu
        self.profiles_action = self._action(file_menu, translate("window_menus", "&Profiles…"), self.profilesRequested,
                                            tip=translate("window_menus", "Connection profiles and API keys"))
        self.save_result_action = self._action(
            file_menu, translate("window_menus", "&Save Result As…"), self.saveResultRequested,
            keys=QKeySequence.StandardKey.Save, icon="save",
            tip=translate("window_menus", "Save the selected job's result"))
        self.data_folder_action = self._action(
            file_menu, translate("window_menus", "Open &Data Folder"), self.openDataFolderRequested,
            icon="folder",
            tip=translate("window_menus", "The folder with the job history, results and logs"))
        file_menu.addSeparator()
        # The platform's Quit keys; Windows defines none, so Ctrl+Q as most apps there use.
        quit_action = self._action(file_menu, translate("window_menus", "&Quit"), self.quitRequested)
        quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])

        self.find_action = self._action(self.edit_menu, translate("window_menus", "&Find Jobs"), self.findRequested,
                                        keys=QKeySequence.StandardKey.Find,
                                        tip=translate("window_menus", "Filter the job table"))

        self.jobs_menu.addActions(job_actions)
        self.jobs_menu.addSeparator()
        self.jobs_menu.addActions(queue_actions)
        self.jobs_menu.addSeparator()
        self.refresh_models_action = self._action(
            self.jobs_menu, translate("window_menus", "&Refresh Models"), self.refreshModelsRequested,
            keys=QKeySequence("F5"), icon="refresh",
            tip=translate("window_menus", "Fetch the server's model list again"))

        view_menu = self.view_menu
        self.tab_actions = []
        for i, title in enumerate(endpoint_titles[:8]):
            action = QAction(title, self, shortcut=QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _checked=False, i=i: self.endpointRequested.emit(i))
            view_menu.addAction(action)
            self.tab_actions.append(action)
        view_menu.addSeparator()
        view_menu.addMenu(column_menu)
        appearance = view_menu.addMenu(translate("window_menus", "&Appearance"))
        self.scheme_actions = self._choices(appearance, theme.chosen_scheme(), self.schemeChosen, (
            ("system", translate("window_menus", "Follow &System")),
            ("light", translate("window_menus", "&Light")),
            ("dark", translate("window_menus", "&Dark"))))
        languages = view_menu.addMenu(translate("window_menus", "&Language"))
        # Each language in its own name, so it can be found whatever the window speaks.
        self.language_actions = self._choices(languages, language.chosen(), self.languageChosen, (
            (language.SYSTEM, translate("window_menus", "Follow &System")), ("en", "&English"), ("de", "&Deutsch")))

        self.shortcuts_action = self._action(
            self.help_menu, translate("window_menus", "&Keyboard Shortcuts"), self.shortcutsRequested,
            keys=QKeySequence.StandardKey.HelpContents, icon="help")
        self.help_menu.addAction(self.data_folder_action)
        self.help_menu.addSeparator()
        self.about_action = self._action(self.help_menu, translate("window_menus", "&About Queue Desk"),
                                         self.aboutRequested, icon="about")

    def _action(self, menu: QMenu, text: str, signal: Signal, *, keys=None, icon: str = "", tip: str = "") -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(keys)
        if icon:
            set_line_icon(action, icon)
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: signal.emit())
        menu.addAction(action)
        return action

    def _choices(self, menu: QMenu, current: str, signal: Signal, choices) -> dict[str, QAction]:
        group = QActionGroup(self)
        actions = {}
        for value, label in choices:
            action = QAction(label, group, checkable=True, checked=value == current)
            action.triggered.connect(lambda _checked=False, v=value: signal.emit(v))
            menu.addAction(action)
            actions[value] = action
        return actions
