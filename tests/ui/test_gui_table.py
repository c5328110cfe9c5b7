"""The job table model: the history as a window read in blocks, batched updates with precise
ranges, a ticking Elapsed column; and the table staying live and the loop responsive under
20 running jobs."""
from __future__ import annotations

import asyncio
import time

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer

from gui.core.endpoints import Endpoint
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.store import JobStore
from gui.ui.jobs.columns import COLUMN_INDEX, COLUMNS, format_duration, state_text
from gui.ui.jobs.table_model import JobTableModel
from gui.ui.tabs.chat import ChatTab

ELAPSED = COLUMN_INDEX["elapsed"]


class FakeScheduler:
    def __init__(self) -> None:
        self.listeners = []

    def subscribe(self, listener) -> None:
        self.listeners.append(listener)

    def unsubscribe(self, listener) -> None:
        self.listeners.remove(listener)

    def notify(self, job: Job) -> None:
        for listener in self.listeners:
            listener(job)


def chat_job(text: str, **fields) -> Job:
    return Job(Endpoint.CHAT, {"model": "gpt-4.1", "messages": [{"role": "user", "content": text}]}, **fields)


@pytest.fixture
def store(tmp_path):
    s = JobStore(tmp_path / "jobs.sqlite3")
    yield s
    s.close()


def texts(model: JobTableModel, column: str) -> list[str]:
    col = COLUMN_INDEX[column]
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_history_rows_are_read_in_blocks_newest_first(qapp, store):
    store.add_many(chat_job(f"job {i}", created_at=1_700_000_000 + i) for i in range(700))
    model = JobTableModel(store, FakeScheduler())
    model.fetch_first_page()  # no event loop: the whole order is read here
    assert model.rowCount() == 700
    history = model._history
    assert history.BLOCK < 700 and not history._blocks  # no job read before a row is asked for
    assert model.data(model.index(699, COLUMN_INDEX["prompt"])) == "job 0"  # the oldest, at once
    assert list(history._blocks) == [699 // history.BLOCK]  # only its block was read
    assert texts(model, "prompt")[:2] == ["job 699", "job 698"]
    assert len(history._blocks) <= history.BLOCKS
    assert [c.header for c in COLUMNS] == ["State", "Endpoint", "Model", "Prompt", "Created", "Elapsed",
                                           "Attempts", "Error"]


def test_new_jobs_go_on_top_and_changes_emit_precise_ranges(qapp, qtbot, store):
    store.add_many(chat_job(f"old {i}") for i in range(5))
    scheduler = FakeScheduler()
    model = JobTableModel(store, scheduler)
    model.fetch_first_page()
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, _r=(): changed.append((a.row(), b.row(), a.column(), b.column())))

    # A job submitted meanwhile (written to the store first, as the scheduler does).
    new = [chat_job(f"new {i}") for i in range(3)]
    store.add_many(new)
    for job in new:
        scheduler.notify(job)
    assert model.rowCount() == 5  # nothing touches the view before the flush
    with qtbot.waitSignal(model.jobsChanged, timeout=1000):
        pass
    assert texts(model, "prompt")[:4] == ["new 2", "new 1", "new 0", "old 4"]
    assert model.row_of(new[0].id) == 2

    # History read before jobs were added neither skips nor repeats rows.
    assert model.rowCount() == 8 and len({model.job_at(r).id for r in range(8)}) == 8

    # Two changes in one flush window: two rows, not a reset, not the whole table.
    changed.clear()
    old = model.job_at(6)  # "old 1"
    store.transition(old, JobState.WAITING)
    scheduler.notify(old)
    store.transition(new[2], JobState.WAITING, attempts=1)
    scheduler.notify(new[2])
    with qtbot.waitSignal(model.jobsChanged, timeout=1000):
        pass
    last = len(COLUMNS) - 1
    assert sorted(changed) == [(0, 0, 0, last), (6, 6, 0, last)]
    assert not resets
    assert model.data(model.index(0, COLUMN_INDEX["state"])) == "Waiting"
    assert model.counts[JobState.WAITING] == 2
    model.detach()


def test_state_texts_and_error_tooltip(qapp, store):
    now = time.time()
    job = chat_job("x", state=JobState.SUBMITTING)
    job.progress = 0.42
    assert state_text(job, now) == "Uploading 42%"
    job.state, job.retry_at = JobState.RETRYING, now + 2.2
    assert state_text(job, now) == "Retrying in 3 s"
    job.retry_at = now - 0.5  # countdown over, waiting for a free slot
    assert state_text(job, now) == "Retrying…"
    assert format_duration(4.25) == "4.2 s" and format_duration(125) == "2:05" and format_duration(3725) == "1:02:05"

    failed = chat_job("y", state=JobState.FAILED, error="The server had a problem (500). Try again.")
    store.add(failed)
    model = JobTableModel(store, FakeScheduler())
    model.fetch_first_page()
    error_index = model.index(0, COLUMN_INDEX["error"])
    assert model.data(error_index) == failed.error
    assert model.data(error_index, Qt.ItemDataRole.ToolTipRole) == failed.error
    assert not model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole).isNull()


def test_table_ticks_and_loop_stays_responsive_with_20_jobs(main_window, qtbot, sandbox):
    window = main_window
    sandbox.config.latency = 1.0
    model = window.model
    tab = window.tab(ChatTab)
    tab.model_picker.set_model("gpt-4.1")

    ticks: list[float] = []  # dataChanged for the Elapsed column alone: the 1 s ticker

    def on_changed(top, bottom, _roles=()):
        if top.column() == bottom.column() == ELAPSED:
            ticks.append(time.monotonic())

    model.dataChanged.connect(on_changed)

    seen: dict[str, set[str]] = {}  # in-flight job -> the Elapsed texts the table showed for it

    def sample():
        for row in range(model.rowCount()):
            job = model.job_at(row)
            if job.state.in_flight:
                seen.setdefault(job.id, set()).add(model.data(model.index(row, ELAPSED)))

    sampler = QTimer(interval=150)
    sampler.timeout.connect(sample)

    lags: list[float] = []

    async def heartbeat():
        while True:
            start = time.monotonic()
            await asyncio.sleep(0.05)
            lags.append(time.monotonic() - start - 0.05)

    beat = asyncio.ensure_future(heartbeat())
    sampler.start()
    jobs = []
    for i in range(20):
        tab.user_edit.setPlainText(f"Question number {i}")
        jobs.append(tab.submit())
    try:
        qtbot.waitUntil(lambda: all(j.state is JobState.SUCCEEDED for j in jobs), timeout=30000)
    finally:
        sampler.stop()
        beat.cancel()

    assert len(ticks) >= 2, "the Elapsed column did not tick while jobs ran"
    assert any(len(values) >= 2 for values in seen.values()), seen
    assert max(lags) < 0.5, f"event loop stalled for {max(lags):.2f} s"
    qtbot.waitUntil(lambda: model.rowCount() == 20, timeout=1000)
    qtbot.waitUntil(lambda: all(s == "Succeeded" for s in texts(model, "state")), timeout=1000)
    assert all(float(t.split()[0]) >= 0.9 for t in texts(model, "elapsed"))
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("Running 0  ·  Queued 0  ·  Done 20"), timeout=3000)
    qtbot.waitUntil(lambda: not model._tick_timer.isActive(), timeout=2500)  # idle table: no ticking


def test_cancel_selected_in_flight_jobs(main_window, qtbot, sandbox):
    window = main_window
    sandbox.config.latency = 5.0
    tab = window.tab(ChatTab)
    tab.model_picker.set_model("gpt-4.1")
    tab.user_edit.setPlainText("long one")
    job = tab.submit()
    qtbot.waitUntil(lambda: job.state is JobState.WAITING and window.model.row_of(job.id) is not None, timeout=5000)
    assert window.jobs.select_job(job.id)
    assert window.jobs.cancel_action.isEnabled()
    window.jobs.cancel_action.trigger()
    qtbot.waitUntil(lambda: job.state is JobState.CANCELLED, timeout=5000)
    qtbot.waitUntil(lambda: window.jobs.resubmit_action.isEnabled(), timeout=2000)
    assert not window.jobs.cancel_action.isEnabled()
    assert window.model.data(window.model.index(0, 0)) == "Cancelled"
    sandbox.config.latency = 0.0
    window.jobs.resubmit_action.trigger()
    qtbot.waitUntil(lambda: job.state is JobState.SUCCEEDED, timeout=10000)
    assert window.model.rowCount() == 1  # the same row, not a new one


def test_sorting_orders_every_job_and_keeps_the_selection(qapp, store):
    store.add_many(chat_job(f"job {i:03d}", attempts=i % 4, created_at=1_700_000_000 + i) for i in range(650))
    scheduler = FakeScheduler()
    model = JobTableModel(store, scheduler)
    model.fetch_first_page()
    picked = model.job_at(5)
    keep = QPersistentModelIndex(model.index(5, 3))
    model.sort(COLUMN_INDEX["attempts"], Qt.SortOrder.DescendingOrder)  # no loop: read here
    assert model.rowCount() == 650
    attempts = [model.job_at(r).attempts for r in range(650)]
    assert attempts == sorted(attempts, reverse=True)
    assert model.job_at(keep.row()).id == picked.id and keep.column() == 3
    model.sort(COLUMN_INDEX["prompt"], Qt.SortOrder.AscendingOrder)
    assert texts(model, "prompt")[:2] == ["job 000", "job 001"]
    # New jobs appear on top of a sorted table; back to natural order: newest first.
    new = chat_job("brand new")
    store.add(new)
    scheduler.notify(new)
    model.flush()
    assert model.row_of(new.id) == 0
    model.sort(-1)
    assert texts(model, "prompt")[:3] == ["brand new", "job 649", "job 648"]
    model.detach()


def test_header_click_sorts_whole_history_off_the_gui_thread(gui_engine, qtbot, home):
    from gui.ui.window.main_window import MainWindow

    engine = gui_engine()
    engine.store.add_many(chat_job(f"job {i:04d}") for i in range(1000))
    window = MainWindow(engine, "Sandbox")
    qtbot.addWidget(window)
    window.show()
    model, view = window.model, window.jobs.view
    assert model.rowCount() == JobTableModel.FIRST_PAGE  # the newest jobs, there before the first paint
    view.sortByColumn(COLUMN_INDEX["prompt"], Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.rowCount() == 1000, timeout=5000)
    first = [model.data(model.index(r, COLUMN_INDEX["prompt"])) for r in range(3)]
    assert first == ["job 0000", "job 0001", "job 0002"]
    window.jobs.filter_edit.setText("JOB 099")
    qtbot.waitUntil(lambda: model.rowCount() == 10, timeout=2000)  # job 0990 … job 0999
    window.model.detach()


def test_new_rows_do_not_move_the_row_under_the_pointer(qapp, qtbot, store):
    from gui.ui.jobs.table_view import JobTablePanel

    store.add_many(chat_job(f"job {i}", created_at=1_700_000_000 + i) for i in range(100))
    scheduler = FakeScheduler()
    model = JobTableModel(store, scheduler)
    panel = JobTablePanel(model, scheduler)
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.view
    pointed = view.indexAt(view.viewport().rect().center())
    job_under_pointer = panel.model.data(pointed, JobTableModel.JobRole).id
    view.selectRow(pointed.row())
    view.viewport().setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)  # the pointer rests on the table

    for i in range(3):
        scheduler.notify(chat_job(f"new {i}"))
    model.flush()
    qapp.processEvents()

    now = view.indexAt(view.viewport().rect().center())
    assert panel.model.data(now, JobTableModel.JobRole).id == job_under_pointer
    assert panel.selected_jobs()[0].id == job_under_pointer
    assert model.rowCount() == 103
    view.viewport().setAttribute(Qt.WidgetAttribute.WA_UnderMouse, False)


def test_ctrl_end_goes_to_the_oldest_job_and_ctrl_home_to_the_newest(gui_engine, qtbot):
    from gui.ui.window.main_window import MainWindow

    engine = gui_engine()
    engine.store.add_many(chat_job(f"job {i:04d}") for i in range(3000))
    window = MainWindow(engine, "Sandbox")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model, view = window.model, window.jobs.view
    qtbot.waitUntil(lambda: not model.reading and model.rowCount() == 3000, timeout=5000)
    view.setFocus()
    view.setCurrentIndex(window.jobs.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert window.jobs.current_job().summary == "job 0000"
    assert view.rowAt(view.viewport().height() - 2) == 2999  # scrolled there: the last row is on screen
    assert len(model._history._blocks) <= model._history.BLOCKS
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert window.jobs.current_job().summary == "job 2999"
    window.close_without_asking()
