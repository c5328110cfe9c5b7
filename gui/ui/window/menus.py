"""The main window's menus and keyboard shortcuts, shown next to each action: File
(profiles, save result, quit), Edit (find), Jobs (the table's actions, delete from
history, refresh models), View (the tabs by Ctrl+1…8, appearance)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox

from gui.ui.runtime import language, theme

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls


def build(window: QMainWindow) -> None:
    """`window` is the MainWindow (tabs, jobs, preview, catalog and queue made)."""
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("window_menus", "&File"))
    window.profiles_action = QAction(translate("window_menus", "&Profiles…"), window,
                                     toolTip=translate("window_menus", "Connection profiles and API keys"))
    window.profiles_action.triggered.connect(window.open_profiles)
    file_menu.addAction(window.profiles_action)
    window.save_result_action = QAction(translate("window_menus", "&Save Result As…"), window,
                                        shortcut=QKeySequence.StandardKey.Save,
                                        toolTip=translate("window_menus", "Save the selected job's result"))
    window.save_result_action.triggered.connect(lambda: save_result(window))
    file_menu.addAction(window.save_result_action)
    file_menu.addSeparator()
    # The platform's Quit keys; Windows defines none, so Ctrl+Q as most apps there use.
    quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
    quit_action = QAction(translate("window_menus", "&Quit"), window)
    quit_action.setShortcuts(quit_keys)
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)

    edit_menu = bar.addMenu(translate("window_menus", "&Edit"))
    window.find_action = QAction(translate("window_menus", "&Find Jobs"), window,
                                 shortcut=QKeySequence.StandardKey.Find,
                                 toolTip=translate("window_menus", "Filter the job table"))
    window.find_action.triggered.connect(lambda: focus_filter(window))
    edit_menu.addAction(window.find_action)

    jobs = window.jobs
    jobs_menu = window.jobs_menu = bar.addMenu(translate("window_menus", "&Jobs"))
    jobs_menu.addActions([jobs.cancel_action, jobs.resubmit_action, jobs.delete_action])
    jobs_menu.addSeparator()
    jobs_menu.addActions(window.queue.actions)
    jobs_menu.addSeparator()
    window.refresh_models_action = QAction(translate("window_menus", "&Refresh Models"), window,
                                           shortcut=QKeySequence("F5"),
                                           toolTip=translate("window_menus", "Fetch the server's model list again"))
    window.refresh_models_action.triggered.connect(window.catalog.refresh)
    jobs_menu.addAction(window.refresh_models_action)

    view_menu = bar.addMenu(translate("window_menus", "&View"))
    window.tab_actions = []
    for i, tab in enumerate(window.tab_specs[:8]):  # specs: tabs are built when first shown
        action = QAction(translate("tabs", tab.title), window, shortcut=QKeySequence(f"Ctrl+{i + 1}"))
        action.triggered.connect(lambda _checked=False, i=i: window.tabs.setCurrentIndex(i))
        view_menu.addAction(action)
        window.tab_actions.append(action)
    view_menu.addSeparator()
    view_menu.addMenu(window.jobs.column_menu)
    appearance = view_menu.addMenu(translate("window_menus", "&Appearance"))
    group = QActionGroup(window)
    current = theme.chosen_scheme()
    window.scheme_actions = {}
    for scheme, label in (("system", translate("window_menus", "Follow &System")),
                          ("light", translate("window_menus", "&Light")),
                          ("dark", translate("window_menus", "&Dark"))):
        action = QAction(label, group, checkable=True, checked=scheme == current)
        action.triggered.connect(lambda _checked=False, s=scheme: theme.choose(QApplication.instance(), s))
        appearance.addAction(action)
        window.scheme_actions[scheme] = action
    add_language_menu(window, view_menu)


def add_language_menu(window: QMainWindow, view_menu: QMenu) -> None:
    menu = view_menu.addMenu(translate("window_menus", "&Language"))
    group = QActionGroup(window)
    current = language.chosen()
    window.language_actions = {}
    # Each language in its own name, so it can be found whatever the window speaks.
    for code, label in ((language.SYSTEM, translate("window_menus", "Follow &System")),
                        ("en", "&English"), ("de", "&Deutsch")):
        action = QAction(label, group, checkable=True, checked=code == current)
        action.triggered.connect(lambda _checked=False, c=code: choose_language(window, c))
        menu.addAction(action)
        window.language_actions[code] = action


def choose_language(window: QMainWindow, code: str) -> None:
    language.choose(code)
    if language.effective(code) != language.effective_now():
        QMessageBox.information(
            window, translate("window_menus", "Language"),
            translate("window_menus", "Queue Desk will speak the chosen language the next time it starts."))


def focus_filter(window: QMainWindow) -> None:
    edit = window.jobs.filter_edit
    edit.setFocus()
    edit.selectAll()  # typing replaces the old filter, as in a browser's find box


def save_result(window: QMainWindow) -> bool:
    """The Save as… of whatever the preview shows: text, transcript, image or vectors."""
    if window.preview.save():
        return True
    window.statusBar().showMessage(translate("window_menus", "Select a finished job with a result to save it."),
                                   4000)
    return False
