"""What can be done with one job from the table: Copy as curl (the key as
$OPENAI_API_KEY, never the real one), Duplicate into form, Open result folder and
Details. Enabled from the current job; the main window puts them in the job table's
context menu, its toolbar and the Jobs menu."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job
from gui.ui.runtime.icons import set_line_icon

if TYPE_CHECKING:  # Speed: imported when first used, not at start-up
    from gui.ui.jobs.details import JobDetailsDialog
    from gui.ui.tabs.base import EndpointTab


class JobActions(QObject):
    message = Signal(str)  # for the status bar

    def __init__(self, engine: Engine, current: Callable[[], Job | None],
                 tab_for: Callable[[Endpoint], EndpointTab | None], show_tab: Callable[[EndpointTab], None],
                 parent: QObject | None = None, *, has_tab: Callable[[Endpoint], bool] | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._current = current
        self._tab_for = tab_for
        # Whether an endpoint has a tab, without building it (tabs are built when first shown).
        self._has_tab = has_tab or (lambda endpoint: tab_for(endpoint) is not None)
        self._show_tab = show_tab
        self.last_dialog: JobDetailsDialog | None = None
        self.copy_curl = QAction(self.tr("Copy as curl"), self, toolTip=self.tr("Copy the request as a curl command "
                                                                             "(the key appears as $OPENAI_API_KEY)"))
        self.duplicate = QAction(self.tr("Duplicate into form"), self,
                                 toolTip=self.tr("Put this request back into its tab to edit and send again"))
        self.open_folder = QAction(self.tr("Open result folder"), self, toolTip=self.tr("Show the job's result files"))
        self.details = QAction(self.tr("Details…"), self,
                               toolTip=self.tr("The exact request, timings, HTTP status, usage and raw response"))
        self.details.setShortcut(QKeySequence("Ctrl+I"))
        set_line_icon(self.details, "details")
        set_line_icon(self.open_folder, "folder")
        self.copy_curl.triggered.connect(self.copy_curl_of_current)
        self.duplicate.triggered.connect(self.duplicate_current)
        self.open_folder.triggered.connect(self.open_folder_of_current)
        self.details.triggered.connect(self.show_details)
        self.update(None)

    @property
    def actions(self) -> list[QAction]:
        return [self.details, self.copy_curl, self.duplicate, self.open_folder]

    def update(self, job: Job | None) -> None:
        self.copy_curl.setEnabled(job is not None)
        self.details.setEnabled(job is not None)
        self.duplicate.setEnabled(job is not None and self._has_tab(job.endpoint))
        self.open_folder.setEnabled(job is not None and self.result_folder(job) is not None)

    def result_folder(self, job: Job) -> Path | None:
        folder = Path(job.result_path).parent if job.result_path else self._engine.store.results_dir / job.id
        return folder if folder.is_dir() else None

    def copy_curl_of_current(self) -> str | None:
        job = self._current()
        if job is None:
            return None
        from gui.core.export.curl import curl_command

        text = curl_command(self._engine.client.base_url, job)
        QGuiApplication.clipboard().setText(text)
        self.message.emit(self.tr("Copied the request as a curl command (set OPENAI_API_KEY before running it)."))
        return text

    def duplicate_current(self) -> EndpointTab | None:
        job = self._current()
        tab = self._tab_for(job.endpoint) if job else None
        if job is None or tab is None:
            return None
        tab.duplicate(job)
        self._show_tab(tab)
        title = QCoreApplication.translate("tabs", tab.title)  # the tab titles' context (see tabs/base.TITLES)
        self.message.emit(self.tr("The request is in the {tab} tab: change it and submit.").format(tab=title))
        return tab

    def open_folder_of_current(self) -> Path | None:
        job = self._current()
        folder = self.result_folder(job) if job else None
        if folder is None:
            self.message.emit(self.tr("This job has no result folder yet."))
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.message.emit(self.tr("Could not open a file manager; the results are in {folder}").format(folder=folder))
        return folder

    def show_details(self) -> JobDetailsDialog | None:
        from gui.ui.jobs.details import JobDetailsDialog

        job = self._current()
        if job is None:
            return None
        parent = self.parent()
        dialog = JobDetailsDialog(job, self._engine.store, self._engine.client.base_url,
                                  parent if isinstance(parent, QWidget) else None)  # the window keeps it alive
        self.last_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()  # non-modal: never exec() on the event loop
        return dialog
