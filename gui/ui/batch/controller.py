"""The batches of a window: starts runs from the Batch dialog, keeps the batch list up to
date (coalesced: one refresh per batch every 250 ms however many rows finish), exports,
announces a finished batch (tray message where a tray exists, the status bar always;
optionally opens the results folder) and brings back the batches of earlier sessions
from their output folders."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow
from shiboken6 import isValid

from gui.core.engine import Engine
from gui.core.errors import QueueError
from gui.ui.runtime import settings as app_settings
from gui.ui.runtime.background import spawn
from gui.ui.runtime.settings import Key
from gui.ui.widgets.model_picker import ModelCatalog

if TYPE_CHECKING:  # Speed: imported when the first batch is made or shown, not at start-up
    from PySide6.QtWidgets import QSystemTrayIcon

    from gui.core.batch.plan import BatchPlan
    from gui.core.batch.run import BatchRun
    from gui.ui.batch.dialog import BatchDialog
    from gui.ui.batch.export_dialog import BatchExportDialog
    from gui.ui.batch.run_list import BatchListPanel
    from gui.ui.batch.watch import WatchService

REMEMBERED = 20  # batches brought back at the next start


class BatchController(QObject):
    runsChanged = Signal()  # a batch was added or removed
    finished = Signal(object)  # BatchRun, after its automatic export
    message = Signal(str)

    def __init__(self, engine: Engine, catalog: ModelCatalog, window: QMainWindow) -> None:
        super().__init__(window)
        self.engine = engine
        self.catalog = catalog
        self.window = window
        self.runs: list[BatchRun] = []
        self._panel: BatchListPanel | None = None
        self._watch: WatchService | None = None
        self.dock: QDockWidget | None = None
        self.tray: QSystemTrayIcon | None = None
        self.dialog: BatchDialog | None = None
        self.export_dialog: BatchExportDialog | None = None
        self._open_when_done: dict[int, bool] = {}
        self._announced: set[int] = set()
        self._dirty: set[int] = set()
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self._refresh)

    @property
    def panel(self) -> BatchListPanel:
        """The batch list, made when the first batch arrives or the list is first shown."""
        if self._panel is None:
            from gui.ui.batch.run_list import BatchListPanel

            self._panel = BatchListPanel(self, self.window)
            self._panel.newRequested.connect(self.new_batch)
            if self.dock is not None:
                self.dock.setWidget(self._panel)
        return self._panel

    @property
    def watch(self) -> WatchService:
        """The watch-folder service, started with the event loop (or when first asked for)."""
        if self._watch is None:
            from gui.ui.batch.watch import WatchService

            self._watch = WatchService(self.engine, self.catalog, self.window)
            self._watch.message.connect(self.message)
        return self._watch

    # -- starting ---------------------------------------------------------------------

    def new_batch(self) -> BatchDialog:
        from gui.ui.batch.dialog import BatchDialog

        self.dialog = BatchDialog(self.catalog, self.window)
        self.dialog.startRequested.connect(self.start_plan)
        self.dialog.open()  # window-modal without a nested event loop
        return self.dialog

    def start_plan(self, plan: BatchPlan, open_when_done: bool = False) -> asyncio.Task:
        return spawn(self._start(plan, open_when_done))

    async def _start(self, plan: BatchPlan, open_when_done: bool) -> BatchRun | None:
        existing = self.find(plan.batch_id)
        if existing is not None and existing.state.active:
            self.message.emit(self.tr("The batch {name} is already running into {folder}.").format(
                name=plan.name, folder=plan.out_dir))
            return None
        if existing is not None:
            self.forget(existing, remember=False)
        from gui.core.batch.run import BatchRun

        try:
            run = await BatchRun.open(self.engine, plan)
        except (OSError, QueueError) as error:
            self.message.emit(self.tr("Could not start the batch: {error}").format(
                error=getattr(error, 'message', error)))
            return None
        try:
            sent = run.start()  # refused if another process runs a batch into the same folder
        except QueueError as error:
            self.message.emit(self.tr("Could not start the batch: {error}").format(error=error.message))
            return None
        self._add(run)
        self._open_when_done[id(run)] = open_when_done
        self.panel.refresh(run)  # buttons enabled now, not at the next coalesced refresh
        kept = len(plan) - sent
        if kept and sent == 1:
            text = self.tr("Batch {name}: {sent} row to send, {kept} already answered")
        elif kept:
            text = self.tr("Batch {name}: {sent} rows to send, {kept} already answered")
        elif sent == 1:
            text = self.tr("Batch {name}: {sent} row to send")
        else:
            text = self.tr("Batch {name}: {sent} rows to send")
        self.message.emit(text.format(name=plan.name, sent=f"{sent:,}", kept=f"{kept:,}"))
        self._remember()
        return run

    def find(self, batch_id: str) -> BatchRun | None:
        return next((r for r in self.runs if r.plan.batch_id == batch_id), None)

    def _add(self, run: BatchRun) -> None:
        self.runs.append(run)
        self.panel.add(run)
        run.subscribe(self._changed)
        self.runsChanged.emit()

    # -- progress ------------------------------------------------------------------------

    def _changed(self, run: BatchRun) -> None:
        from gui.core.batch.states import RunState

        if not isValid(self._timer):  # the window is gone; the run may still report (engine shutdown)
            return
        self._dirty.add(id(run))
        if not self._timer.isActive():
            self._timer.start()
        if run.state in (RunState.FINISHED, RunState.CANCELLED) and id(run) not in self._announced:
            self._announced.add(id(run))
            spawn(self._finish(run))

    def _refresh(self) -> None:
        dirty, self._dirty = self._dirty, set()
        for run in self.runs:
            if id(run) in dirty:
                self.panel.refresh(run)

    async def _finish(self, run: BatchRun) -> None:
        """Export in the input's format into the results folder, then say so."""
        from gui.core.batch.export import default_export_path, default_format
        from gui.core.batch.states import RunState

        plan, p = run.plan, run.progress()
        elsewhere = run.folder.elsewhere() if p.remaining else None
        if elsewhere is not None:  # only looked at: the rows left are another process's, and so is the folder
            self.notify(self.tr("Batch {name} runs in another process").format(name=plan.name), self.tr(
                "{done} of {total} rows succeeded, {failed} failed; the other {remaining} are being run by another "
                "Queue Desk process (pid {pid})").format(done=f"{p.done:,}", total=f"{p.total:,}",
                                                        failed=f"{p.failed:,}", remaining=f"{p.remaining:,}",
                                                        pid=elsewhere))
            self.finished.emit(run)
            return
        fmt = default_format(plan)
        written = await self.export_to(run, fmt, default_export_path(plan, fmt))
        if run.state is RunState.FINISHED:
            title = self.tr("Batch {name} finished").format(name=plan.name)
        else:
            title = self.tr("Batch {name} was cancelled").format(name=plan.name)
        if p.failed and written:
            text = self.tr("{done} of {total} rows succeeded, {failed} failed. Results: {path}")
        elif p.failed:
            text = self.tr("{done} of {total} rows succeeded, {failed} failed")
        elif written:
            text = self.tr("{done} of {total} rows succeeded. Results: {path}")
        else:
            text = self.tr("{done} of {total} rows succeeded")
        text = text.format(done=f"{p.done:,}", total=f"{p.total:,}", failed=f"{p.failed:,}",
                           path=written[0] if written else "")
        self.notify(title, text)
        if self._open_when_done.get(id(run)) and run.state is RunState.FINISHED:
            self.open_folder(run)
        self.finished.emit(run)

    def notify(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QSystemTrayIcon  # Speed: its Python type is made here, not at start-up

        self.message.emit(f"{title}: {text}")
        # Guarded: a Linux desktop without a StatusNotifier/XEmbed host has no tray (recipes §5).
        if not QSystemTrayIcon.isSystemTrayAvailable():
            QApplication.alert(self.window)
            return
        if self.tray is None:
            icon = self.window.windowIcon()
            if icon.isNull():
                from PySide6.QtWidgets import QStyle

                icon = self.window.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("Queue Desk")
            self.tray.show()
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)

    # -- the row actions (BatchActions) ------------------------------------------------------

    def pause_or_resume(self, run: BatchRun) -> None:
        from gui.core.batch.states import RunState

        run.resume() if run.state is RunState.PAUSED else run.pause()
        self.panel.refresh(run)

    def cancel(self, run: BatchRun) -> None:
        run.cancel()
        self.panel.refresh(run)

    def rerun(self, run: BatchRun) -> int:
        self._announced.discard(id(run))
        try:
            sent = run.rerun_failed()
        except QueueError as error:  # another process runs a batch into the same folder
            self.message.emit(self.tr("Could not start the batch: {error}").format(error=error.message))
            return 0
        if sent == 1:
            text = self.tr("Batch {name}: sending {sent} row again")
        else:
            text = self.tr("Batch {name}: sending {sent} rows again")
        self.message.emit(text.format(name=run.plan.name, sent=f"{sent:,}"))
        self.panel.refresh(run)
        return sent

    def export(self, run: BatchRun) -> BatchExportDialog:
        from gui.ui.batch.export_dialog import BatchExportDialog

        dialog = self.export_dialog = BatchExportDialog(run, self.window)
        dialog.exportRequested.connect(lambda fmt, path, template: spawn(self.export_to(run, fmt, path, template)))
        dialog.open()
        return dialog

    async def export_to(self, run: BatchRun, fmt: str, path: Path, template: str = "") -> list[Path]:
        from gui.core.batch.export import export, snapshot
        from gui.core.batch.row_files import export_files

        snap = snapshot(run)  # on the loop: the run's lines as they are now

        def write() -> list[Path]:
            try:
                if fmt == "files":
                    files, _skipped = export_files(snap, path, template)
                    return files
                return export(snap, path, fmt)
            finally:
                snap.close()

        try:
            written = await asyncio.get_running_loop().run_in_executor(None, write)
        except (OSError, QueueError) as error:
            self.message.emit(self.tr("Export failed: {error}").format(error=getattr(error, 'message', None) or error))
            return []
        where = path if fmt == "files" else written[0]
        self.message.emit(self.tr("Exported {name} to {path}").format(name=run.plan.name, path=where))
        return written

    def show_jobs(self, run: BatchRun) -> None:
        self.window.jobs.show_batch(run.plan.batch_id)

    def open_folder(self, run: BatchRun) -> None:
        from PySide6.QtGui import QDesktopServices  # Speed: not at start-up

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(run.plan.out_dir)))

    def forget(self, run: BatchRun, remember: bool = True) -> None:
        if run.state.active:
            return
        self.runs.remove(run)
        self.panel.remove(run)
        self.runsChanged.emit()
        if remember:
            self._remember()

    # -- across sessions -------------------------------------------------------------------

    def _remember(self) -> None:
        app_settings.put(Key.BATCH_FOLDERS, [str(r.plan.out_dir) for r in self.runs][-REMEMBERED:])

    def restore(self) -> asyncio.Task:
        folders = app_settings.get(Key.BATCH_FOLDERS) or []
        return spawn(self._restore([Path(f) for f in folders]))

    async def _restore(self, folders: list[Path]) -> None:
        if not folders:
            return
        from gui.core.batch.plan import plan_from_manifest
        from gui.core.batch.run import BatchRun

        loop = asyncio.get_running_loop()
        for folder in folders:
            try:
                plan = await loop.run_in_executor(None, plan_from_manifest, folder)
                if self.find(plan.batch_id) is None:
                    self._add(await BatchRun.open(self.engine, plan, view_if_busy=True))
            except (OSError, QueueError, KeyError, ValueError) as error:
                self.message.emit(self.tr("The batch in {folder} cannot be shown: {error}").format(
                    folder=folder, error=getattr(error, 'message', error)))


def install_batches(window: QMainWindow) -> BatchController:
    """The Batch menu, the batch list dock and the job table's batch filter."""
    controller = BatchController(window.engine, window.catalog, window)
    dock = QDockWidget(QCoreApplication.translate("batch_controller", "Batches"), window)
    dock.setObjectName("batchesDock")
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()  # shown when there are batches
    controller.dock = dock
    # Speed: the list is made when first shown (or when a batch arrives).
    dock.visibilityChanged.connect(lambda visible: visible and controller.panel)
    # A watch folder in use starts with the event loop: the window comes first.
    if app_settings.get(Key.WATCH_ENABLED):
        QTimer.singleShot(0, controller, lambda: controller.watch)
    menu = window.menus.batch_menu
    new_action = QAction(QCoreApplication.translate("batch_controller", "&New batch…"), window,
                         shortcut=QKeySequence("Ctrl+B"))
    new_action.triggered.connect(controller.new_batch)
    watch_action = QAction(QCoreApplication.translate("batch_controller", "&Watch folder…"), window)
    watch_action.triggered.connect(lambda: controller.watch.edit())
    list_action = dock.toggleViewAction()
    list_action.setText(QCoreApplication.translate("batch_controller", "Batch &list"))
    menu.addActions([new_action, watch_action])
    menu.addSeparator()
    menu.addAction(list_action)

    def runs_changed() -> None:
        window.jobs.set_batches([(r.plan.batch_id, r.plan.name) for r in controller.runs])
        # Shown while a batch runs; finished ones restored at start-up do not take the
        # table's room (Batch → Batch list shows them; the panel's × closes it).
        if any(r.state.active for r in controller.runs):
            dock.show()

    controller.runsChanged.connect(runs_changed)
    controller.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    controller.restore()
    return controller
