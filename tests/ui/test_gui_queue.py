"""Whole-queue controls in the window: pause/resume, finish running jobs then stop,
resubmit every interrupted job in one click, the throttle's state in the status bar."""
from __future__ import annotations

import pytest

from gui.core.jobs.job import JobState
from gui.ui.tabs.chat import ChatTab

pytestmark = pytest.mark.usefixtures("qt_loop")


def submit(window, text: str):
    tab = window.tab(ChatTab)
    tab.user_edit.setPlainText(text)
    return tab.submit()


def test_pause_holds_new_jobs_and_resume_runs_them(main_window, qtbot, sandbox):
    window = main_window
    window.queue.pause_action.trigger()
    jobs = [submit(window, f"held {i}") for i in range(3)]
    qtbot.wait(400)
    assert all(j.state is JobState.QUEUED for j in jobs)
    qtbot.waitUntil(lambda: window.queue.label.text() == "Queue paused", timeout=2000)
    window.queue.pause_action.trigger()
    qtbot.waitUntil(lambda: all(j.state is JobState.SUCCEEDED for j in jobs), timeout=10000)
    qtbot.waitUntil(lambda: window.queue.label.text() == "", timeout=2000)


def test_finish_running_then_stop(main_window, qtbot, sandbox):
    window = main_window
    window.engine.scheduler.throttle.set_limit(2)
    sandbox.config.latency = 0.6
    jobs = [submit(window, f"job {i}") for i in range(5)]
    qtbot.waitUntil(lambda: sum(j.state is JobState.WAITING for j in jobs) == 2, timeout=5000)
    window.queue.drain_action.trigger()
    qtbot.waitUntil(lambda: "Stopped after" in window.queue.label.text(), timeout=5000)
    states = [j.state for j in jobs]
    assert states.count(JobState.SUCCEEDED) == 2 and states.count(JobState.QUEUED) == 3
    window.queue.pause_action.trigger()  # resume
    qtbot.waitUntil(lambda: all(j.state is JobState.SUCCEEDED for j in jobs), timeout=10000)


def test_resubmit_all_interrupted_in_one_click(main_window, qtbot, sandbox):
    window = main_window
    store = window.engine.store
    from gui.core.endpoints import Endpoint
    from gui.core.jobs.job import Job

    stale = [Job(Endpoint.CHAT, {"model": "gpt-4.1", "messages": [{"role": "user", "content": f"old {i}"}]})
             for i in range(4)]
    store.add_many(stale)
    for job in stale:
        store.transition(job, JobState.INTERRUPTED, "app stopped")
    assert window.queue.resubmit_interrupted() == 4
    qtbot.waitUntil(lambda: all(store.get(j.id).state is JobState.SUCCEEDED for j in stale), timeout=10000)
    assert window.queue.resubmit_interrupted() == 0


def test_the_status_bar_says_when_the_server_slows_us_down(main_window, qtbot, sandbox):
    window = main_window
    sandbox.config.rate_limit_every = 1
    sandbox.config.retry_after = 3
    submit(window, "limited")
    qtbot.waitUntil(lambda: "for the rate limit" in window.queue.label.text(), timeout=5000)
    assert "Waiting" in window.queue.label.text()


def test_finished_counts_cover_the_whole_history(gui_engine, qtbot, home):
    from gui.core.endpoints import Endpoint
    from gui.core.jobs.job import Job
    from gui.ui.window.main_window import MainWindow

    engine = gui_engine()
    old = [Job(Endpoint.CHAT, {"model": "gpt-4.1", "messages": [{"role": "user", "content": "hi"}]})
           for _ in range(3)]
    engine.store.add_many(old)
    for job in old[:2]:
        engine.store.transition(job, JobState.WAITING)
        engine.store.transition(job, JobState.SUCCEEDED)
    engine.store.transition(old[2], JobState.INTERRUPTED)
    window = MainWindow(engine, "Sandbox")
    qtbot.addWidget(window)
    # Counted off the GUI thread once the window is up (start-up stays cheap with 100k jobs).
    qtbot.waitUntil(lambda: "Done 2" in window.counts_label.text(), timeout=3000)
    assert "Interrupted 1" in window.counts_label.text()
    window.queue.resubmit_interrupted()
    qtbot.waitUntil(lambda: "Done 3" in window.counts_label.text(), timeout=5000)
    assert "Interrupted" not in window.counts_label.text()
    window.close_without_asking()


def test_queue_settings_apply_at_once_and_are_kept(main_window, qtbot, qt_settings):
    from gui.ui.runtime import settings as app_settings
    from gui.ui.runtime.settings import QueueSettings

    window = main_window
    dialog = window.queue.open_settings()
    assert dialog.isVisible() and dialog.attempts.value() == 3 and dialog.concurrency.value() == 8
    dialog.concurrency.setValue(2)
    dialog.per_minute.setValue(120)
    dialog.attempts.setValue(5)
    dialog.upload_limit.setValue(50)
    dialog.accept()
    scheduler = window.engine.scheduler
    assert scheduler.throttle.limit == 2 and scheduler.throttle.per_minute == 120 and scheduler.max_attempts == 5
    assert QueueSettings.load() == QueueSettings(2, 120, 5, 15) and app_settings.upload_limit_mib() == 50
    assert QueueSettings.load().engine_options()["concurrency"] == 2
