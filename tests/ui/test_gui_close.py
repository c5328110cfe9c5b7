"""Closing the window: asks while jobs run (without a nested event loop), and after
"Quit anyway" the jobs still in flight are stored as interrupted; the next start shows
them and can resubmit them."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gui.core.jobs.job import JobState
from gui.core.jobs.store import JobStore
from gui.ui.app import shutdown
from gui.ui.tabs.chat import ChatTab

pytestmark = pytest.mark.usefixtures("qt_loop")


def submit(window, text: str):
    tab = window.tab(ChatTab)
    tab.model_picker.set_model("gpt-4.1")
    tab.user_edit.setPlainText(text)
    return tab.submit()


def button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text() == text)


def test_close_with_jobs_in_flight_asks_then_interrupts(main_window, qtbot, sandbox, home, run_async):
    window = main_window
    sandbox.config.latency = 5.0
    jobs = [submit(window, f"slow {i}") for i in range(3)]
    qtbot.waitUntil(lambda: all(j.state is JobState.WAITING for j in jobs), timeout=5000)

    closed = []
    window.closed.connect(lambda: closed.append(True))
    assert window.close() is False  # refused for now: the question is shown instead
    box = window.close_box
    assert box is not None and box.isVisible() and window.isVisible()
    assert "3 jobs are still running" in box.text()

    qtbot.mouseClick(button(box, "Keep running"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=2000)
    assert window.isVisible() and not closed
    assert all(j.state is JobState.WAITING for j in jobs)

    window.close()
    box = window.close_box
    assert box.isVisible()
    with qtbot.waitSignal(window.closed, timeout=2000):
        qtbot.mouseClick(button(box, "Quit anyway"), Qt.MouseButton.LeftButton)
    assert not window.isVisible()

    run_async(shutdown(window, window.engine))  # what the app does after `closed`
    assert all(j.state is JobState.INTERRUPTED for j in jobs)
    store = JobStore(home / "jobs.sqlite3")
    try:
        assert {store.get(j.id).state for j in jobs} == {JobState.INTERRUPTED}
        assert store.history(jobs[0].id)[-1].detail == "app closed"
    finally:
        store.close()


def test_close_without_running_jobs_does_not_ask(main_window, qtbot):
    with qtbot.waitSignal(main_window.closed, timeout=1000):
        assert main_window.close() is True
    assert main_window.close_box is None


def test_restart_shows_interrupted_jobs_and_resubmits_them(gui_engine, qtbot, sandbox, home):
    """Jobs left in flight by a crash come back as interrupted, one click from resubmitting."""
    from gui.core.endpoints import Endpoint
    from gui.core.jobs.job import Job
    from gui.ui.app import Session, start_window

    crashed = JobStore(home / "jobs.sqlite3")
    job = Job(Endpoint.CHAT, {"model": "gpt-4.1", "messages": [{"role": "user", "content": "left behind"}]})
    crashed.add(job)
    crashed.transition(job, JobState.WAITING, attempts=1)
    crashed.close()

    window = start_window(Session(gui_engine(), "Sandbox"))
    qtbot.addWidget(window)
    window.show()
    assert "1 job was interrupted" in window.statusBar().currentMessage()
    model = window.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=2000)  # the view fetched the history
    assert model.data(model.index(0, 0)) == "Interrupted"
    assert window.jobs.select_job(job.id)
    assert window.jobs.resubmit_action.isEnabled()
    window.jobs.resubmit_action.trigger()
    qtbot.waitUntil(lambda: model.job(job.id).state is JobState.SUCCEEDED, timeout=10000)
    assert model.rowCount() == 1
    window.close_without_asking()


def test_a_model_list_cancelled_after_its_window_went_says_nothing(qt_loop, qtbot, run_async):
    """At teardown or shutdown the window may be deleted before the loading task is
    cancelled: the task must end as cancelled, not by emitting on a deleted object."""
    import asyncio

    import shiboken6
    from PySide6.QtCore import QObject

    from gui.core.api.client import QueueClient
    from gui.ui.runtime import background
    from gui.ui.widgets.model_picker import ModelCatalog

    async def scenario() -> asyncio.Task:
        held: list[asyncio.StreamWriter] = []
        server = await asyncio.start_server(lambda _r, w: held.append(w), "127.0.0.1", 0)  # never answers
        client = QueueClient(f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/queue", "sk-test")
        owner = QObject()
        catalog = ModelCatalog(client, parent=owner)
        catalog.refresh()
        [task] = background.pending()
        while not held:
            await asyncio.sleep(0.01)
        shiboken6.delete(owner)  # the window is gone, the catalog with it
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        for writer in held:
            writer.close()
        server.close()
        await client.aclose()
        return task

    assert run_async(scenario()).cancelled()
