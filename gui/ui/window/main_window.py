"""The main window: endpoint tabs on the left, the job table over the preview on the
right, counts and the profile in the status bar. Built around an Engine made elsewhere
(the app, or a test with a temporary store)."""
from __future__ import annotations

import gc
import json
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QWidget,
)

from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job
from gui.ui.jobs.table_model import JobTableModel
from gui.ui.jobs.table_view import JobTablePanel
from gui.ui.preview.panel import PreviewPanel
from gui.ui.runtime import language, theme
from gui.ui.runtime import settings as app_settings
from gui.ui.runtime.icons import endpoint_icon
from gui.ui.runtime.settings import Key
from gui.ui.tabs.base import EndpointTab, TabContext
from gui.ui.widgets.form import in_bold
from gui.ui.widgets.model_picker import ModelCatalog
from gui.ui.window.endpoint_pages import TABS, EndpointPages
from gui.ui.window.job_counts import JobCounts
from gui.ui.window.menus import MenuBar
from gui.ui.window.queue_controls import QueueControls

if TYPE_CHECKING:  # Speed: the Python types of dialogs and events are made when first used
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QMessageBox

    from gui.core.profiles.profile import ProfileStore
    from gui.ui.batch.controller import BatchController
    from gui.ui.window.job_tools import WindowTools
    from gui.ui.window.profiles_dialog import ProfilesDialog




class MainWindow(QMainWindow):
    closed = Signal()  # the user closed the window (and confirmed if jobs were in flight)
    switch_requested = Signal(str)  # profile name; the app rebuilds the engine and the window

    def __init__(self, engine: Engine, profile_name: str, *, blocker: str | None = None,
                 profiles: ProfileStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.profile_name = profile_name
        self.profiles = profiles
        self.profiles_dialog: ProfilesDialog | None = None
        self.switch_box: QMessageBox | None = None
        # Qt appends the application's display name: "Sandbox — Queue Desk".
        self.setWindowTitle(profile_name)
        self._confirmed_close = False
        self.close_box: QMessageBox | None = None
        self._select_when_listed: str | None = None
        self._just_submitted: list[Job] = []

        self.catalog = ModelCatalog(engine.client, blocker=blocker, parent=self)
        self._tab_context = TabContext(engine, self.catalog, blocker)
        self.tabs = EndpointPages(self)
        self.tab_specs = TABS
        self._built_tabs: dict[int, EndpointTab] = {0: self._new_tab(0)}  # the first tab at once
        for i, spec in enumerate(TABS):  # the others: an empty page until first shown (build_tab)
            self.tabs.add_page(self._built_tabs.get(i) or QWidget(self.tabs), endpoint_icon(spec.icon),
                               QCoreApplication.translate("tabs", spec.title))
        self.tabs.sidebar.fit()
        self.tabs.currentChanged.connect(self.build_tab)
        self.tabs.pageActivated.connect(self.focus_endpoint)
        theme.palette_applied.connect(self._tint_icons)

        self.model = JobTableModel(engine.store, engine.scheduler, self)
        self.jobs = JobTablePanel(self.model, engine.scheduler, self)
        self.preview = PreviewPanel(engine.store, self)
        self.jobs.currentJobChanged.connect(self.preview.show_job)
        self.model.jobsChanged.connect(self._jobs_changed)

        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.addWidget(self.jobs)
        self.right.addWidget(self.preview)
        self.right.setStretchFactor(0, 1)
        self.right.setStretchFactor(1, 1)  # previews (images, transcripts) need room too
        self.right.setSizes([420, 380])  # else the preview's size hint leaves the table a sliver
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        # The form as narrow as it can be without cutting anything; the rest to jobs and preview.
        self.splitter.setSizes([max(300, self.tabs.minimumSizeHint().width()), 900])
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.tabs.sidebar)
        row.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.profile_label = in_bold(QLabel(profile_name, self))
        self.profile_label.setToolTip(self.tr("Profile: {profile} ({url})").format(profile=profile_name,
                                                                                url=engine.client.base_url))
        self.profile_label.setContentsMargins(6, 0, 6, 0)
        self.counts_label = JobCounts(self.model, engine.store, self)
        self.queue = QueueControls(engine.scheduler, engine.store, self)
        self.queue.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.statusBar().addPermanentWidget(self.queue.label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.profile_label)
        # A long message is cut at the window's edge: the whole of it is in the tooltip.
        self.statusBar().messageChanged.connect(lambda text: self.statusBar().setToolTip(text))
        self._menus = MenuBar(self)  # the titles; the rest with finish_building
        self.setMenuBar(self._menus)
        self.complete = False  # the menus' actions, job tools and batches installed (finish_building)
        self._tools: WindowTools | None = None
        self._batches: BatchController | None = None
        self.resize(1280, 800)
        self._restore_layout()
        # Speed: what needs the network or a scan of the history starts with the event
        # loop, once the window is up, and runs off the GUI thread.
        QTimer.singleShot(0, self, self._start_loading)

    def finish_building(self) -> None:
        """Speed (~20 ms of start-up): the first frame shows the menu titles, the forms, the
        table and the preview. What it does not show (the menus' actions and shortcuts, the
        job actions, drops, the transcript auto-saver, batches) comes in the event loop's next
        pass, after that frame, or when first asked for."""
        if self.complete:
            return
        self.complete = True
        from gui.ui.batch.controller import install_batches
        from gui.ui.window import job_tools

        self._populate_menus()
        self._tools = job_tools.install(self)  # job actions, upload progress, audio drops, auto-save
        self._batches = install_batches(self)  # Batch menu, batch list dock, the job table's batch filter

    @property
    def menus(self) -> MenuBar:
        self.finish_building()
        return self._menus

    @property
    def tools(self) -> WindowTools:
        self.finish_building()
        return self._tools

    @property
    def batches(self) -> BatchController:
        self.finish_building()
        return self._batches

    def _start_loading(self) -> None:
        first = self.tabs.currentWidget()
        if isinstance(first, EndpointTab) and (target := first.first_input()) is not None:
            target.setFocus()  # a new user can type the question at once
        QTimer.singleShot(0, self, self._after_first_frame)  # this pass painted the window

    def _after_first_frame(self) -> None:
        self.finish_building()
        # Speed: start-up's objects live as long as the window; frozen, GC passes never walk
        # them. Collection was paused while they were made (gui/cli.py).
        gc.freeze()
        gc.enable()
        self.catalog.refresh()
        self.counts_label.count_history()

    def build_tab(self, index: int) -> EndpointTab:
        """The tab at `index`, built now if it has not been yet: it takes its empty page's
        place (and the focus, if the page had it)."""
        tab = self._built_tabs.get(index)
        if tab is None and 0 <= index < len(TABS):
            tab = self._built_tabs[index] = self._new_tab(index)
            page = self.tabs.widget(index)
            focus = QApplication.focusWidget()
            had_focus = focus is not None and (focus is page or page.isAncestorOf(focus))
            self.tabs.replace_page(index, tab).deleteLater()  # the same page stays current: no news
            if had_focus:
                _focus_first(tab)
        return tab

    def focus_endpoint(self, index: int) -> None:
        """Show an endpoint and put the cursor in its first input, so what the user types
        next lands there (Ctrl+1…8, the sidebar, the View menu)."""
        self.tabs.setCurrentIndex(index)
        tab = self.build_tab(index)
        target = tab.first_input()
        if target is not None:
            target.setFocus()
        else:
            _focus_first(tab)

    def _tint_icons(self) -> None:
        for i, spec in enumerate(TABS):
            self.tabs.sidebar.item(i).setIcon(endpoint_icon(spec.icon))

    def _new_tab(self, index: int) -> EndpointTab:
        tab = TABS[index].load()(self._tab_context)
        tab.submitted.connect(self._submitted)
        try:
            draft = json.loads(app_settings.get(Key.DRAFTS)).get(TABS[index].endpoint.value)
            if draft:
                tab.restore_draft(draft)
        except (ValueError, TypeError, AttributeError):
            pass  # a draft from another version: the form starts clean
        return tab

    def save_drafts(self) -> None:
        """What was typed in the forms, for the next window (a profile switch, a restart)."""
        try:
            drafts = json.loads(app_settings.get(Key.DRAFTS))
        except ValueError:
            drafts = {}
        drafts = drafts if isinstance(drafts, dict) else {}
        for index, tab in self._built_tabs.items():
            drafts[TABS[index].endpoint.value] = tab.draft()
        app_settings.put(Key.DRAFTS, json.dumps(drafts, ensure_ascii=False))

    def show_endpoint(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    # -- menus ----------------------------------------------------------------------

    def _populate_menus(self) -> None:
        jobs, bar = self.jobs, self._menus
        bar.populate([QCoreApplication.translate("tabs", s.title) for s in TABS],
                     [jobs.cancel_action, jobs.resubmit_action, jobs.delete_action], self.queue.actions,
                     jobs.column_menu)
        bar.profilesRequested.connect(self.open_profiles)
        bar.saveResultRequested.connect(self.save_result)
        bar.findRequested.connect(self.focus_filter)
        bar.quitRequested.connect(self.close)
        bar.refreshModelsRequested.connect(self.catalog.refresh)
        bar.endpointRequested.connect(self.focus_endpoint)
        bar.schemeChosen.connect(lambda scheme: theme.choose(QApplication.instance(), scheme))
        bar.languageChosen.connect(self.choose_language)
        bar.openDataFolderRequested.connect(lambda: _help().open_data_folder())
        bar.shortcutsRequested.connect(lambda: _help().show_shortcuts(self, bar))
        bar.aboutRequested.connect(lambda: _help().show_about(self))

    def focus_filter(self) -> None:
        edit = self.jobs.filter_edit
        edit.setFocus()
        edit.selectAll()  # typing replaces the old filter, as in a browser's find box

    def choose_language(self, code: str) -> None:
        language.choose(code)
        if language.effective(code) != language.effective_now():
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                self, self.tr("Language"),
                self.tr("Queue Desk will speak the chosen language the next time it starts."))

    def save_result(self) -> bool:
        """The Save as… of whatever the preview shows: text, transcript, image or vectors."""
        if self.preview.save():
            return True
        self.statusBar().showMessage(self.tr("Select a finished job with a result to save it."), 4000)
        return False

    @property
    def endpoint_tabs(self) -> list[EndpointTab]:
        """Every tab, built."""
        return [self.build_tab(i) for i in range(len(TABS))]

    def tab(self, tab_class: type[EndpointTab]) -> EndpointTab:
        return self.build_tab(next(i for i, s in enumerate(TABS)
                                   if s.name == tab_class.__name__ and s.load() is tab_class))

    def tab_for(self, endpoint: Endpoint) -> EndpointTab | None:
        index = next((i for i, s in enumerate(TABS) if s.endpoint is endpoint), None)
        return None if index is None else self.build_tab(index)

    # -- profiles -------------------------------------------------------------------

    def open_profiles(self) -> ProfilesDialog:
        from gui.core.profiles.profile import (
            ProfileStore,  # Speed: with the dialog, not at start-up
        )
        from gui.ui.window.profiles_dialog import ProfilesDialog

        if self.profiles is None:
            self.profiles = ProfileStore()
        if self.profiles_dialog is None:
            self.profiles_dialog = ProfilesDialog(self.profiles, self.profile_name, parent=self)
            self.profiles_dialog.activate_requested.connect(self.request_switch)
        self.profiles_dialog.open()  # not exec(): a nested loop breaks qasync
        return self.profiles_dialog

    def request_switch(self, name: str) -> bool:
        """Switch only when no job is running or waiting: their requests belong to this
        profile's server and key."""
        if name == self.profile_name:
            message = self.tr("{profile} is already the active profile.").format(profile=name)
            self.statusBar().showMessage(message, 4000)
            return False
        active = self.engine.scheduler.active
        if active:
            text = (self.tr("1 job is still running or waiting on {profile}. Let it finish or cancel it, "
                            "then switch to {target}.") if active == 1 else
                    self.tr("{count} jobs are still running or waiting on {profile}. Let them finish or cancel "
                            "them, then switch to {target}."))
            from PySide6.QtWidgets import QMessageBox

            self.switch_box = QMessageBox(
                QMessageBox.Icon.Information, self.tr("Jobs are still running"),
                text.format(count=active, profile=self.profile_name, target=name), parent=self)
            self.switch_box.open()
            return False
        if self.profiles_dialog is not None:
            self.profiles_dialog.close()
        self.switch_requested.emit(name)
        return True

    # -- jobs -------------------------------------------------------------------

    def _submitted(self, job: Job) -> None:
        # Follow the new job in the preview; its row appears with the next flush.
        self._select_when_listed = job.id
        self._just_submitted.append(job)
        if len(self._just_submitted) == 1:  # jobs sent together (files dropped at once) get one message
            QTimer.singleShot(0, self, self._say_submitted)

    def _say_submitted(self) -> None:
        jobs, self._just_submitted = self._just_submitted, []
        if len(jobs) == 1:
            message = self.tr("Submitted job {id} ({kind})").format(id=jobs[0].id, kind=jobs[0].endpoint.label)
        else:
            message = self.tr("Submitted {count} jobs ({kind})").format(count=len(jobs), kind=jobs[0].endpoint.label)
        self.statusBar().showMessage(message, 4000)

    def _jobs_changed(self, job_ids: set[str]) -> None:
        if self._select_when_listed in job_ids and self.jobs.select_job(self._select_when_listed):
            self._select_when_listed = None
        shown = self.preview.job
        if shown is not None and shown.id in job_ids:
            self.preview.show_job(self.model.job(shown.id) or shown)

    # -- files dropped anywhere on the window (window/drops.py says where they go) ------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if not self.tools.drops.drag(event):
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if not self.tools.drops.drag(event):
            super().dragMoveEvent(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 - Qt override
        self.tools.drops.leave()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        if not self.tools.drops.drop(event):
            super().dropEvent(event)

    # -- closing ------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        active = self.engine.scheduler.active
        if active and not self._confirmed_close:
            event.ignore()
            self._ask_to_close(active)
            return
        self.save_layout()
        self.counts_label.stop()
        self.model.detach()
        event.accept()
        self.closed.emit()

    def _ask_to_close(self, active: int) -> None:
        if self.close_box is not None and self.close_box.isVisible():
            return
        from PySide6.QtWidgets import QMessageBox

        text = self.tr("1 job is still running.") if active == 1 else self.tr("{count} jobs are still running.")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Quit Queue Desk?"), text.format(count=active),
                          parent=self)
        box.setInformativeText(self.tr("If you quit now they are marked interrupted; you can resubmit them later."))
        quit_button = box.addButton(self.tr("Quit anyway"), QMessageBox.ButtonRole.DestructiveRole)
        keep_button = box.addButton(self.tr("Keep running"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep_button)  # Enter must not throw work away
        # open(), not exec(): a nested loop inside the asyncio loop breaks qasync.
        box.buttonClicked.connect(lambda b: self._close_answered(b is quit_button))
        self.close_box = box
        box.open()

    def _close_answered(self, quit_now: bool) -> None:
        if quit_now:
            self.close_without_asking()

    def close_without_asking(self) -> bool:
        """Close now even with jobs still running, as "Quit anyway" does (they are marked
        interrupted when the engine shuts down)."""
        self._confirmed_close = True
        return self.close()

    def save_layout(self) -> None:
        self.save_drafts()
        app_settings.put(Key.WINDOW_GEOMETRY, self.saveGeometry())
        app_settings.put(Key.WINDOW_SPLITTER, self.splitter.saveState())
        app_settings.put(Key.WINDOW_RIGHT_SPLITTER, self.right.saveState())
        self.jobs.save_layout()

    def _restore_layout(self) -> None:
        for key, restore in ((Key.WINDOW_GEOMETRY, self.restoreGeometry),
                             (Key.WINDOW_SPLITTER, self.splitter.restoreState),
                             (Key.WINDOW_RIGHT_SPLITTER, self.right.restoreState)):
            value = app_settings.get(key)
            if value:
                restore(value)


def _help():  # noqa: ANN202 - the help module
    from gui.ui.window import help as window_help  # Speed: with the first Help menu choice, not at start-up

    return window_help


def _focus_first(tab: QWidget) -> None:
    """Focus moves into a page as QStackedWidget does it: the first widget that takes Tab."""
    widget = tab.nextInFocusChain()
    while widget is not tab and widget is not None:
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(tab) and widget.isEnabled()
                and tab.isAncestorOf(widget) and widget.focusProxy() is None):
            widget.setFocus()
            return
        widget = widget.nextInFocusChain()
    tab.setFocus()
