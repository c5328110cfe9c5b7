"""The main window: endpoint tabs on the left, the job table over the preview on the
right, counts and the profile in the status bar. Built around an Engine made elsewhere
(the app, or a test with a temporary store)."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job, JobState
from gui.ui.batch.controller import install_batches
from gui.ui.jobs.table_model import JobTableModel
from gui.ui.jobs.table_view import JobTablePanel
from gui.ui.preview.panel import PreviewPanel
from gui.ui.runtime import settings as app_settings
from gui.ui.runtime.background import spawn
from gui.ui.runtime.settings import Key
from gui.ui.tabs.base import TITLES, EndpointTab, TabContext
from gui.ui.widgets.model_picker import ModelCatalog
from gui.ui.window import job_tools as window_tools
from gui.ui.window import menus as window_menus
from gui.ui.window.queue_controls import QueueControls

if TYPE_CHECKING:
    from gui.core.profiles.profile import ProfileStore
    from gui.ui.window.profiles_dialog import ProfilesDialog


@dataclass(frozen=True)
class TabSpec:
    """An endpoint tab before it is built. Speed: a tab's module is imported and its form
    built when the tab is first shown (the first tab at start-up); the tab bar and the
    menus take the title from tabs.base.TITLES, as the tab does."""
    endpoint: Endpoint
    name: str  # the EndpointTab subclass

    @property
    def title(self) -> str:
        return TITLES[self.endpoint]

    def load(self) -> type[EndpointTab]:
        return _tab_class(self.name)


# The endpoint tabs, in order. A new tab is one more entry here and in _tab_class.
TABS: list[TabSpec] = [
    TabSpec(Endpoint.CHAT, "ChatTab"),
    TabSpec(Endpoint.COMPLETIONS, "CompletionsTab"),
    TabSpec(Endpoint.EMBEDDINGS, "EmbeddingsTab"),
    TabSpec(Endpoint.TRANSCRIPTIONS, "TranscriptionTab"),
    TabSpec(Endpoint.TRANSLATIONS, "TranslationTab"),
    TabSpec(Endpoint.IMAGES, "ImageGenerationTab"),
    TabSpec(Endpoint.IMAGE_EDITS, "ImageEditTab"),
    TabSpec(Endpoint.MODELS, "ModelsTab"),
]


def _tab_class(name: str) -> type[EndpointTab]:
    # Plain import statements, not importlib: PyInstaller finds the frozen app's modules by them.
    if name == "ChatTab":
        from gui.ui.tabs.chat import ChatTab as tab_class
    elif name == "CompletionsTab":
        from gui.ui.tabs.completions import CompletionsTab as tab_class
    elif name == "EmbeddingsTab":
        from gui.ui.tabs.embeddings import EmbeddingsTab as tab_class
    elif name == "TranscriptionTab":
        from gui.ui.tabs.audio import TranscriptionTab as tab_class
    elif name == "TranslationTab":
        from gui.ui.tabs.audio import TranslationTab as tab_class
    elif name == "ImageGenerationTab":
        from gui.ui.tabs.image import ImageGenerationTab as tab_class
    elif name == "ImageEditTab":
        from gui.ui.tabs.image_edit import ImageEditTab as tab_class
    elif name == "ModelsTab":
        from gui.ui.tabs.models import ModelsTab as tab_class
    else:
        raise KeyError(name)
    return tab_class


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
        self.setWindowTitle(self.tr("Queue Desk — {profile}").format(profile=profile_name))
        self._confirmed_close = False
        self.close_box: QMessageBox | None = None
        self._select_when_listed: str | None = None

        self.catalog = ModelCatalog(engine.client, blocker=blocker, parent=self)
        self._tab_context = TabContext(engine, self.catalog, blocker)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tab_specs = TABS
        self._built_tabs: dict[int, EndpointTab] = {0: self._new_tab(0)}  # the first tab at once
        for i, spec in enumerate(TABS):  # the others: an empty page until first shown (build_tab)
            self.tabs.addTab(self._built_tabs.get(i) or QWidget(self.tabs), QCoreApplication.translate("tabs", spec.title))
        self.tabs.currentChanged.connect(self.build_tab)

        self.model = JobTableModel(engine.store, engine.scheduler, self)
        self.jobs = JobTablePanel(self.model, engine.scheduler, self)
        self.preview = PreviewPanel(engine.store, self)
        self.jobs.currentJobChanged.connect(self.preview.show_job)
        self.model.jobsChanged.connect(self._jobs_changed)
        self.model.countsChanged.connect(self._update_counts)

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
        self.splitter.setSizes([340, 940])
        self.setCentralWidget(self.splitter)

        self.profile_label = QLabel(profile_name, self)
        self.profile_label.setToolTip(self.tr("Profile: {profile} ({url})").format(profile=profile_name,
                                                                                url=engine.client.base_url))
        self.profile_label.setStyleSheet("font-weight: bold; padding: 0 6px;")
        self.counts_label = QLabel(self)
        self.queue = QueueControls(engine.scheduler, engine.store, self)
        self.queue.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.statusBar().addPermanentWidget(self.queue.label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.profile_label)
        if blocker:
            self.statusBar().showMessage(blocker)
        self._history_counts: dict[JobState, int] | None = None  # counted off the GUI thread (_start_loading)
        self._counts_timer = QTimer(self, singleShot=True, interval=1000)
        self._counts_timer.timeout.connect(lambda: spawn(self._refresh_history_counts()))
        window_menus.build(self)  # File, Edit, Jobs, View, with the keyboard shortcuts
        self.tools = window_tools.install(self)  # job actions, upload progress, audio drops, auto-save
        self.batches = install_batches(self)  # Batch menu, batch list dock, the job table's batch filter
        self._render_counts()
        self.resize(1280, 800)
        self._restore_layout()
        # Speed: what needs the network or a scan of the history starts with the event
        # loop, once the window is up, and runs off the GUI thread.
        QTimer.singleShot(0, self, self._start_loading)

    def _start_loading(self) -> None:
        self.catalog.refresh()
        spawn(self._refresh_history_counts())

    def build_tab(self, index: int) -> EndpointTab:
        """The tab at `index`, built now if it has not been yet: it takes its empty page's
        place (and the focus, if the page had it)."""
        tab = self._built_tabs.get(index)
        if tab is None and 0 <= index < len(TABS):
            tab = self._built_tabs[index] = self._new_tab(index)
            page, current = self.tabs.widget(index), self.tabs.currentIndex()
            focus = QApplication.focusWidget()
            had_focus = focus is not None and (focus is page or page.isAncestorOf(focus))
            blocked = self.tabs.blockSignals(True)  # the same tab stays current: no news
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, QCoreApplication.translate("tabs", TABS[index].title))
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(blocked)
            page.deleteLater()
            if had_focus:
                _focus_first(tab)
        return tab

    def _new_tab(self, index: int) -> EndpointTab:
        tab = TABS[index].load()(self._tab_context)
        tab.submitted.connect(self._submitted)
        return tab

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
        message = self.tr("Submitted job {id} ({kind})").format(id=job.id, kind=job.endpoint.label)
        self.statusBar().showMessage(message, 4000)

    def _jobs_changed(self, job_ids: set[str]) -> None:
        if self._select_when_listed in job_ids and self.jobs.select_job(self._select_when_listed):
            self._select_when_listed = None
        shown = self.preview.job
        if shown is not None and shown.id in job_ids:
            self.preview.show_job(self.model.job(shown.id) or shown)

    def _update_counts(self) -> None:
        # Running/queued come live from the model; finished totals cover the whole history
        # and come from the store, re-read off the GUI thread at most once a second.
        if not self._counts_timer.isActive():
            self._counts_timer.start()
        self._render_counts()

    async def _refresh_history_counts(self) -> None:
        self._history_counts = await asyncio.get_running_loop().run_in_executor(
            None, self.engine.store.count_by_state)
        self._render_counts()

    def _render_counts(self) -> None:
        live, history = self.model.counts, self._history_counts
        if history is None:  # not counted yet: a moment after start-up
            return
        running = sum(n for s, n in live.items() if s.in_flight)
        parts = [self.tr("Running {count}").format(count=running),
                 self.tr("Queued {count}").format(count=live[JobState.QUEUED]),
                 self.tr("Done {count}").format(count=history.get(JobState.SUCCEEDED, 0)),
                 self.tr("Failed {count}").format(count=history.get(JobState.FAILED, 0))]
        if history.get(JobState.CANCELLED):
            parts.append(self.tr("Cancelled {count}").format(count=history[JobState.CANCELLED]))
        if history.get(JobState.INTERRUPTED):
            parts.append(self.tr("Interrupted {count}").format(count=history[JobState.INTERRUPTED]))
        self.counts_label.setText("  ·  ".join(parts))
        self.counts_label.setToolTip(
            self.tr("Done, failed, cancelled and interrupted count every job in the history"))

    # -- files dropped anywhere on the window (window_tools: to the audio tabs) ------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if not self.tools.drops.drag(event):
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if not self.tools.drops.drag(event):
            super().dragMoveEvent(event)

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
        self._counts_timer.stop()
        self.model.detach()
        event.accept()
        self.closed.emit()

    def _ask_to_close(self, active: int) -> None:
        if self.close_box is not None and self.close_box.isVisible():
            return
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
