"""What the endpoint tabs add to the main window, installed in one call so the window
itself stays small: the per-job actions (table context menu, toolbar, Jobs menu), the
upload progress bar in the State column, audio drops anywhere on the window, and the
transcript auto-saver."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QToolBar

from gui.core.endpoints import Endpoint
from gui.ui.jobs.actions import JobActions
from gui.ui.jobs.auto_saver import AutoSaver
from gui.ui.jobs.columns import COLUMN_INDEX
from gui.ui.tabs.base import EndpointTab
from gui.ui.widgets.drop_area import WindowDropFilter
from gui.ui.window import drops

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls


@dataclass
class WindowTools:
    """What `install` added to the main window: the per-job actions, the transcript auto-saver and
    the window's drop handler."""
    actions: JobActions
    auto_saver: AutoSaver
    drops: WindowDropFilter


def install(window: QMainWindow) -> WindowTools:
    """`window` is the MainWindow (engine, tabs, jobs, model, menus built)."""

    def tab_for(endpoint: Endpoint) -> EndpointTab | None:
        return window.tab_for(endpoint)

    def show_tab(tab: EndpointTab) -> None:
        window.tabs.setCurrentWidget(tab)

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
    window.menus.jobs_menu.addSeparator()
    window.menus.jobs_menu.addActions(actions.actions)
    window.jobs.currentJobChanged.connect(actions.update)
    window.model.jobsChanged.connect(lambda _ids: actions.update(window.jobs.current_job()))
    view.doubleClicked.connect(lambda _index: actions.show_details())

    # Speed: a delegate in Python costs ~0.25 ms per cell painted (PySide converts painter,
    # option and index on each call): it draws the State column only while a job shows progress.
    def progress_shown(_ids: set[str]) -> None:
        drawn = view.itemDelegateForColumn(COLUMN_INDEX["state"])
        if drawn is None and window.model.shows_progress():
            from gui.ui.jobs.progress_delegate import UploadProgressDelegate  # Speed: not at start-up

            view.setItemDelegateForColumn(COLUMN_INDEX["state"], UploadProgressDelegate(view))
        elif drawn is not None and not window.model.shows_progress():
            view.setItemDelegateForColumn(COLUMN_INDEX["state"], None)
            drawn.deleteLater()

    window.model.jobsChanged.connect(progress_shown)

    def audio(files: list[str]) -> None:
        from gui.ui.tabs.audio import AudioTab

        current = window.tabs.currentWidget()
        tab = current if isinstance(current, AudioTab) else window.tab_for(Endpoint.TRANSCRIPTIONS)
        show_tab(tab)
        tab.files_dropped(files)  # the window says what was submitted (one message for all)

    def images(files: list[str]) -> None:
        tab = window.tab_for(Endpoint.IMAGE_EDITS)
        show_tab(tab)
        tab.add_images(files)

    def table(path: str) -> None:
        window.batches.new_batch().load(Path(path))

    def deliver(files: list[str]) -> None:
        drops.route(drops.sort_files(files), audio=audio, images=images, table=table,
                    refuse=lambda text: status.showMessage(text, 10000))

    window_drops = WindowDropFilter(window, deliver)
    highlight = drops.DropHighlight(window.centralWidget())
    window_drops.hovering.connect(lambda files: highlight.show_for(drops.sort_files(files)))
    window_drops.left.connect(highlight.hide)
    saver = AutoSaver(window.engine.scheduler, window)
    saved = translate("window_tools", "Transcript saved to {path}")
    saver.saved.connect(lambda _id, path: status.showMessage(saved.format(path=path), 6000))
    saver.failed.connect(lambda _id, message: status.showMessage(message, 15000))
    return WindowTools(actions, saver, window_drops)
