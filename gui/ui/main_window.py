"""The main window: endpoint tabs on the left, the job table over the preview on the
right, counts and the profile in the status bar. Built around an Engine made elsewhere
(the app, or a test with a temporary store)."""
from __future__ import annotations

import asyncio

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget, QWidget

from gui.core.engine import Engine
from gui.core.jobs import Job, JobState
from gui.core.profiles import ProfileStore

from .background import spawn
from .batch_controller import install_batches
from . import window_menus, window_tools
from .audio_tab import TranscriptionTab, TranslationTab
from .chat_tab import ChatTab
from .completions_tab import CompletionsTab
from .embeddings_tab import EmbeddingsTab
from .image_edit_tab import ImageEditTab
from .image_tab import ImageGenerationTab
from .job_table import JobTableModel
from .job_view import JobTablePanel
from .model_picker import ModelCatalog
from .models_tab import ModelsTab
from .preview import PreviewPanel
from .profiles_dialog import ProfilesDialog
from .queue_controls import QueueControls
from .tab_base import EndpointTab, TabContext

# The endpoint tabs, in order. A new tab is one more entry here.
TABS: list[type[EndpointTab]] = [ChatTab, CompletionsTab, EmbeddingsTab, TranscriptionTab, TranslationTab,
                                 ImageGenerationTab, ImageEditTab, ModelsTab]


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
        context = TabContext(engine, self.catalog, blocker)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.endpoint_tabs: list[EndpointTab] = []
        for tab_class in TABS:
            self.add_tab(tab_class(context))

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
        self._history_counts = engine.store.count_by_state()
        self._counts_timer = QTimer(self, singleShot=True, interval=1000)
        self._counts_timer.timeout.connect(lambda: spawn(self._refresh_history_counts()))
        window_menus.build(self)  # File, Edit, Jobs, View, with the keyboard shortcuts
        self.tools = window_tools.install(self)  # job actions, upload progress, audio drops, auto-save
        self.batches = install_batches(self)  # Batch menu, batch list dock, the job table's batch filter
        self._render_counts()
        self.resize(1280, 800)
        self._restore_layout()
        self.catalog.refresh()

    def add_tab(self, tab: EndpointTab) -> None:
        tab.setParent(self.tabs)
        self.tabs.addTab(tab, QCoreApplication.translate("tabs", tab.title))
        tab.submitted.connect(self._submitted)
        self.endpoint_tabs.append(tab)

    def tab(self, tab_class: type[EndpointTab]) -> EndpointTab:
        return next(t for t in self.endpoint_tabs if isinstance(t, tab_class))

    # -- profiles -------------------------------------------------------------------

    def open_profiles(self) -> ProfilesDialog:
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
            self._confirmed_close = True
            self.close()

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/splitter", self.splitter.saveState())
        settings.setValue("mainWindow/rightSplitter", self.right.saveState())
        self.jobs.save_layout()

    def _restore_layout(self) -> None:
        settings = QSettings()
        for key, restore in (("mainWindow/geometry", self.restoreGeometry),
                             ("mainWindow/splitter", self.splitter.restoreState),
                             ("mainWindow/rightSplitter", self.right.restoreState)):
            value = settings.value(key)
            if value:
                restore(value)
