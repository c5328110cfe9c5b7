"""The job table as the user sees it: a filter box, a sortable view over the job model, and the
actions that apply to the selected rows (enabled from the rows' states)."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gui.core.jobs.job import Job
from gui.core.jobs.scheduler import Scheduler
from gui.ui.jobs.column_chooser import ColumnMenu
from gui.ui.jobs.columns import COLUMN_INDEX, COLUMNS, fitted_widths
from gui.ui.jobs.empty_state import EmptyTableHint
from gui.ui.jobs.table_model import JobTableModel
from gui.ui.runtime import settings as app_settings
from gui.ui.runtime.icons import set_line_icon
from gui.ui.runtime.settings import Key

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


class _JobView(QTableView):
    """Tells the panel the viewport's width when it changes (a scroll area's resizeEvent
    is its viewport's). Speed: an event filter on the viewport would run Python for every
    event it gets (paints while scrolling too), and the first event and the first
    `viewport()` each make PySide create the Python types of dozens of Qt classes."""

    viewportWidthChanged = Signal(int)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.viewportWidthChanged.emit(event.size().width())


class JobTablePanel(QWidget):
    currentJobChanged = Signal(object)  # Job | None

    def __init__(self, model: JobTableModel, scheduler: Scheduler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._scheduler = scheduler

        # The newest jobs are in the table when the window first paints (the view itself would
        # ask for them an event-loop pass later, after a frame with an empty table). Read before
        # the view is on the model: rows inserted under a view cost its (and our) slots ~7 ms.
        model.fetch_first_page()
        self.view = _JobView(self)
        # The model itself, no proxy: filtering and sorting are the model's, in SQL (a filtering
        # or sorting proxy would read every row, a million in a long history), and even an
        # identity proxy doubles the Python calls of each cell painted (index(), rowCount()).
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.view.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: smooth with 100k
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        # Extra width goes to Prompt (_fit_prompt_column), not to the mostly empty Error column.
        header.setStretchLastSection(False)
        widths = fitted_widths(self.view.fontMetrics(), header.fontMetrics())
        for i, column in enumerate(COLUMNS):
            self.view.setColumnWidth(i, widths.get(column.id, column.width))
        self._fitted_widths = widths
        # Attempts are in the details and the timeline; the column is one click away (View →
        # Columns) and its room goes to the prompt at the smallest window.
        header.setSectionHidden(COLUMN_INDEX["attempts"], True)
        # Model order (newest first) until the user clicks a header.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self._restore_layout()
        # Until the user sizes a column in this window, the prompt column takes what the others
        # leave: a layout saved at another width (or with another language's wider sidebar)
        # fits the table again instead of overflowing it and hiding the Error column.
        self._fitted = False
        self._fitting = False
        header.sectionResized.connect(self._section_resized)
        self.view.viewportWidthChanged.connect(self._fit_prompt_column)
        self.column_menu = ColumnMenu(header, self)

        self.filter_edit = QLineEdit(self, placeholderText=self.tr("Filter jobs (state, model, prompt, error…)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter jobs"))
        self.view.setAccessibleName(self.tr("Jobs"))
        # Filtering 100k rows takes a moment: filter once typing pauses, not per key.
        self._filter_timer = QTimer(self, singleShot=True, interval=250)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(self._filter_timer.start)

        self.cancel_action = QAction(self.tr("Cancel"), self, toolTip=self.tr("Cancel the selected jobs that are still running"))
        self.cancel_action.setShortcut(QKeySequence("Ctrl+Shift+X"))
        self.cancel_action.triggered.connect(self.cancel_selected)
        self.resubmit_action = QAction(self.tr("Resubmit"), self, toolTip=self.tr("Send the selected finished jobs again"))
        self.resubmit_action.triggered.connect(self.resubmit_selected)
        set_line_icon(self.cancel_action, "cancel")
        set_line_icon(self.resubmit_action, "resubmit")
        for action in (self.cancel_action, self.resubmit_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.delete_action = QAction(self.tr("Delete from History…"), self,
                                     toolTip=self.tr("Remove the selected finished jobs and their results"))
        set_line_icon(self.delete_action, "delete")
        # macOS keyboards label Backspace "delete": Finder's key for removing items.
        self.delete_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete)]
                                        + ([QKeySequence("Backspace")] if sys.platform == "darwin" else []))
        # Only while the table has focus: Delete in the filter box or a prompt deletes a character.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.ask_delete_selected)
        self.delete_box: QMessageBox | None = None
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addActions([self.cancel_action, self.resubmit_action, self.delete_action])
        toolbar = QToolBar(self)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(16, 16))  # the style's toolbar size (24-32) dwarfs the filter box
        toolbar.addActions([self.cancel_action, self.resubmit_action])

        # Batch filter: hidden until there are batches (the batch list fills it).
        self.batch_combo = QComboBox(self, toolTip=self.tr("Show the jobs of one batch"))
        self.batch_combo.addItem(self.tr("All jobs"), None)
        self.batch_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.batch_combo.setVisible(False)
        self.batch_combo.currentIndexChanged.connect(self._apply_filter)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.batch_combo)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(toolbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)

        selection = self.view.selectionModel()
        selection.selectionChanged.connect(self._update_actions)
        selection.currentRowChanged.connect(self._current_changed)
        model.jobsChanged.connect(self._jobs_changed)
        self.empty_hint = EmptyTableHint(self.view, self.filter_edit.text, self.filter_edit.clear)
        # New jobs arrive at the top. While the pointer is on the table, the rows it sees stay
        # where they are (the new ones come in above the view), so a click meant for one job
        # cannot land on the next.
        self._anchor_shift = 0
        model.rowsAboutToBeInserted.connect(self._rows_coming)
        model.rowsInserted.connect(self._rows_came)
        self.view.viewportWidthChanged.connect(lambda _width: self.empty_hint.fit())
        self._update_actions()

    # -- selection ------------------------------------------------------------

    def selected_jobs(self) -> list[Job]:
        rows = self.view.selectionModel().selectedRows()
        return [j for i in rows if (j := self.model.data(i, JobTableModel.JobRole)) is not None]

    def current_job(self) -> Job | None:
        index = self.view.currentIndex()
        return self.model.data(index, JobTableModel.JobRole) if index.isValid() else None

    def select_job(self, job_id: str) -> bool:
        row = self.model.row_of(job_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        if not index.isValid():  # filtered out
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentJobChanged.emit(self.model.data(current, JobTableModel.JobRole) if current.isValid() else None)

    def _jobs_changed(self, job_ids: set[str]) -> None:
        if self.view.selectionModel().hasSelection():
            self._update_actions()

    def _update_actions(self) -> None:
        jobs = self.selected_jobs()
        self.cancel_action.setEnabled(any(not j.state.terminal for j in jobs))
        self.resubmit_action.setEnabled(any(j.state.terminal for j in jobs))
        self.delete_action.setEnabled(any(j.state.terminal for j in jobs))

    def _apply_filter(self) -> None:
        # The model reads the history through the filter, in SQL.
        self.model.set_history_filter(self.filter_edit.text(), self.batch_combo.currentData())

    def set_batches(self, batches: list[tuple[str, str]]) -> None:
        """(batch id, name) choices for the batch filter; the current choice is kept."""
        current = self.batch_combo.currentData()
        self.batch_combo.blockSignals(True)
        self.batch_combo.clear()
        self.batch_combo.addItem(self.tr("All jobs"), None)
        for batch_id, name in batches:
            self.batch_combo.addItem(self.tr("Batch: {name}").format(name=name), batch_id)
        index = self.batch_combo.findData(current)
        self.batch_combo.setCurrentIndex(max(0, index))
        self.batch_combo.blockSignals(False)
        self.batch_combo.setVisible(bool(batches))
        self._apply_filter()

    def show_batch(self, batch_id: str | None) -> None:
        index = self.batch_combo.findData(batch_id)
        self.batch_combo.setCurrentIndex(max(0, index))

    # -- actions ----------------------------------------------------------------

    def cancel_selected(self) -> int:
        cancelled = sum(self._scheduler.cancel(j.id) for j in self.selected_jobs() if not j.state.terminal)
        self._update_actions()
        return cancelled

    def resubmit_selected(self) -> list[Job]:
        jobs = [j for j in self.selected_jobs() if j.state.terminal]
        if jobs:
            self._scheduler.submit_many(jobs)
        return jobs

    def ask_delete_selected(self) -> QMessageBox | None:
        """Confirm, then delete the selected finished jobs (running ones are skipped)."""
        ids = [j.id for j in self.selected_jobs() if j.state.terminal]
        if not ids:
            return None
        n = len(ids)
        question = (self.tr("Delete 1 finished job from the history?") if n == 1 else
                    self.tr("Delete {count} finished jobs from the history?").format(count=n))
        from PySide6.QtWidgets import QMessageBox  # Speed: its Python type is made here, not at start-up

        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete from history?"), question, parent=self)
        box.setInformativeText(self.tr("Their saved results are deleted too. This cannot be undone."))
        delete_button = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))  # Enter keeps the jobs
        # open(), not exec(): a nested loop inside the asyncio loop breaks qasync.
        box.buttonClicked.connect(lambda b: b is delete_button and self.delete_jobs(ids))
        self.delete_box = box
        box.open()
        return box

    def delete_jobs(self, job_ids: list[str]) -> list[str]:
        deleted = self.model.delete_jobs(job_ids)
        # The reset cleared the selection without signals: the preview must let go too.
        self.currentJobChanged.emit(self.current_job())
        self._update_actions()
        return deleted

    def _rows_coming(self, _parent, first: int, last: int) -> None:
        top = self.view.rowAt(0)
        pointed = self.view.viewport().underMouse() or QApplication.mouseButtons() != Qt.MouseButton.NoButton
        self._anchor_shift = last - first + 1 if pointed and top >= 0 and first <= top else 0

    def _rows_came(self, *_args) -> None:
        if self._anchor_shift:
            self.view.updateGeometries()  # the scroll range must know the new rows first
            bar = self.view.verticalScrollBar()
            per_row = 1 if self.view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem \
                else self.view.verticalHeader().defaultSectionSize()
            bar.setValue(bar.value() + self._anchor_shift * per_row)
            self._anchor_shift = 0

    # -- layout -------------------------------------------------------------------

    def save_layout(self) -> None:
        app_settings.put(Key.JOB_TABLE_HEADER, self.view.horizontalHeader().saveState())

    def _restore_layout(self) -> None:
        state = app_settings.get(Key.JOB_TABLE_HEADER)
        if state:
            self.view.horizontalHeader().restoreState(state)
            # A layout saved in another language may be too narrow for this one's words (English
            # "Failed", German "Fehlgeschlagen"): states and endpoints stay whole.
            for name in ("state", "endpoint"):
                index = COLUMN_INDEX[name]
                if self.view.columnWidth(index) < self._fitted_widths[name]:
                    self.view.setColumnWidth(index, self._fitted_widths[name])

    def _fit_prompt_column(self, width: int) -> None:
        """Until the user sizes columns in this window, the prompt column takes the width
        (of the viewport) the other columns leave, as they are (saved or default)."""
        if self._fitted:
            return
        header = self.view.horizontalHeader()
        others = sum(header.sectionSize(i) for i, c in enumerate(COLUMNS)
                     if c.id != "prompt" and not header.isSectionHidden(i))
        self._fitting = True
        self.view.setColumnWidth(COLUMN_INDEX["prompt"], max(160, width - others))
        self._fitting = False

    def _section_resized(self, _logical: int, old: int, new: int) -> None:
        # Hiding or showing a column resizes it from or to 0: that is no sizing by the user.
        if not self._fitting and self.isVisible() and old and new:
            self._fitted = True
