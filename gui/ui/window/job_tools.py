"""What the endpoint tabs add to the main window, installed in one call so the window
itself stays small: the per-job actions (table context menu, toolbar, Jobs menu), the
upload progress bar in the State column, audio drops anywhere on the window, and the
transcript auto-saver."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from gui.core.endpoints import Endpoint
from gui.ui.jobs.actions import JobActions
from gui.ui.jobs.auto_saver import AutoSaver
from gui.ui.jobs.columns import COLUMN_INDEX
from gui.ui.jobs.progress_delegate import UploadProgressDelegate
from gui.ui.tabs.base import EndpointTab
from gui.ui.widgets.drop_area import WindowDropFilter

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls


@dataclass
class WindowTools:
    actions: JobActions
    auto_saver: AutoSaver
    drops: WindowDropFilter
    delegate: UploadProgressDelegate


def install(window: QMainWindow) -> WindowTools:
    """`window` is the MainWindow (engine, tabs, jobs, model, menus built)."""

    def tab_for(endpoint: Endpoint) -> EndpointTab | None:
        return window.tab_for(endpoint)

    def show_tab(tab: EndpointTab) -> None:
        window.tabs.setCurrentWidget(tab)

    # Eight tabs do not fit the form pane: besides the tab bar's arrows, a menu lists them all.
    corner = QToolButton(window.tabs, text="☰", toolTip=translate("window_tools", "Go to an endpoint tab"),
                         autoRaise=True)
    corner.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(corner)
    for i, tab in enumerate(window.tab_specs):  # specs: tabs are built when first shown
        menu.addAction(translate("tabs", tab.title), lambda i=i: window.tabs.setCurrentIndex(i))
    corner.setMenu(menu)
    window.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)

    status = window.statusBar()
    actions = JobActions(window.engine, window.jobs.current_job, tab_for, show_tab, window,
                         has_tab=lambda endpoint: any(s.endpoint is endpoint for s in window.tab_specs))
    actions.message.connect(lambda text: status.showMessage(text, 6000))
    view = window.jobs.view
    view.addActions(actions.actions)
    toolbar = window.jobs.findChild(QToolBar)
    if toolbar is not None:
        toolbar.addSeparator()
        toolbar.addAction(actions.details)
    window.jobs_menu.addSeparator()
    window.jobs_menu.addActions(actions.actions)
    window.jobs.currentJobChanged.connect(actions.update)
    window.model.jobsChanged.connect(lambda _ids: actions.update(window.jobs.current_job()))
    view.doubleClicked.connect(lambda _index: actions.show_details())

    delegate = UploadProgressDelegate(view)
    view.setItemDelegateForColumn(COLUMN_INDEX["state"], delegate)

    def deliver(files: list[str]) -> None:
        from gui.ui.tabs.audio import AudioTab

        current = window.tabs.currentWidget()
        tab = current if isinstance(current, AudioTab) else window.tab_for(Endpoint.TRANSCRIPTIONS)
        if tab is None:
            return
        show_tab(tab)
        jobs = tab.files_dropped(files)
        if jobs:
            kind = translate("tabs", tab.title)
            text = (translate("window_tools", "Submitted 1 job ({kind})") if len(jobs) == 1
                    else translate("window_tools", "Submitted {count} jobs ({kind})"))
            status.showMessage(text.format(count=len(jobs), kind=kind), 5000)

    drops = WindowDropFilter(window, deliver)
    saver = AutoSaver(window.engine.scheduler, window)
    saved = translate("window_tools", "Transcript saved to {path}")
    saver.saved.connect(lambda _id, path: status.showMessage(saved.format(path=path), 6000))
    saver.failed.connect(lambda _id, message: status.showMessage(message, 15000))
    return WindowTools(actions, saver, drops, delegate)
