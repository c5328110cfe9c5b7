"""Filtering a long history: matches deep in the store are found without reading every job
(the model reads the history through the filter, in SQL)."""
from __future__ import annotations

import pytest

from gui.core.endpoints import Endpoint
from gui.core.jobs.job import Job, JobState

pytestmark = pytest.mark.usefixtures("qt_loop")


def history(store, count: int, batch_every: int = 0) -> list[Job]:
    jobs = []
    for i in range(count):
        job = Job(Endpoint.CHAT, {"model": "gpt-4.1", "messages": [{"role": "user", "content": f"question {i}"}]},
                  batch_id="batch_deep" if batch_every and i % batch_every == 0 else None)
        job.state = JobState.SUCCEEDED
        jobs.append(job)
    store.add_many(jobs)
    return jobs


def visible_prompts(panel) -> list[str]:
    model = panel.model
    return [model.index(r, 0).data(model.JobRole).summary for r in range(model.rowCount())]


def test_filter_finds_a_job_deep_in_the_history(gui_engine, qtbot):
    from gui.ui.window.main_window import MainWindow

    engine = gui_engine()
    history(engine.store, 2000)
    window = MainWindow(engine, "Sandbox")
    qtbot.addWidget(window)
    panel = window.jobs
    assert panel.model.rowCount() == panel.model.FIRST_PAGE  # the rest comes from a worker thread
    panel.filter_edit.setText("question 17")  # question 17, 170-179, 1700-1799
    qtbot.waitUntil(lambda: panel.model.rowCount() == 111, timeout=3000)
    prompts = visible_prompts(panel)
    assert len(prompts) == 111 and all(p.startswith("question 17") for p in prompts)
    panel.filter_edit.setText("")
    qtbot.waitUntil(lambda: len(visible_prompts(panel)) == 2000, timeout=3000)
    assert visible_prompts(panel)[0] == "question 1999"  # newest first again
    window.close_without_asking()


def test_batch_filter_reaches_old_batches_and_like_wildcards_are_literal(gui_engine, qtbot):
    from gui.ui.window.main_window import MainWindow

    engine = gui_engine()
    history(engine.store, 1500, batch_every=100)
    window = MainWindow(engine, "Sandbox")
    qtbot.addWidget(window)
    panel = window.jobs
    panel.set_batches([("batch_deep", "deep")])
    panel.show_batch("batch_deep")
    qtbot.waitUntil(lambda: len(visible_prompts(panel)) == 15, timeout=3000)
    panel.show_batch(None)
    panel.filter_edit.setText("question 1_")  # "_" is a LIKE wildcard in SQL: must match literally
    qtbot.waitUntil(lambda: visible_prompts(panel) == [], timeout=3000)
    window.close_without_asking()


def test_an_empty_table_says_what_to_do_next(gui_engine, qtbot):
    from gui.ui.window.main_window import MainWindow

    engine = gui_engine()
    window = MainWindow(engine, "Sandbox")
    qtbot.addWidget(window)
    window.show()
    hint = window.jobs.empty_hint
    assert hint.isVisible() and "Pick a task on the left" in hint.text()
    view = window.jobs.view
    assert view.viewport().geometry().contains(hint.geometry()) and hint.width() >= 300  # over the rows
    window._confirmed_close = True
    window.model.detach()
    history(engine.store, 3)
    window = MainWindow(engine, "Sandbox")
    qtbot.addWidget(window)
    window.show()
    hint = window.jobs.empty_hint
    assert window.jobs.model.rowCount() == 3 and not hint.isVisible()
    window.jobs.filter_edit.setText("no such prompt")
    qtbot.waitUntil(lambda: window.jobs.model.rowCount() == 0 and hint.isVisible(), timeout=3000)
    assert "No job matches “no such prompt”" in hint.text()
    hint.linkActivated.emit("clear")
    qtbot.waitUntil(lambda: window.jobs.model.rowCount() == 3, timeout=3000)
    assert window.jobs.filter_edit.text() == "" and not hint.isVisible()
    window._confirmed_close = True
    window.model.detach()


def test_the_filter_box_and_the_store_search_the_same_fields(gui_engine, qtbot):
    """A batch row's custom id is found both among the loaded rows and deep in
    the history (SQL): both read SEARCHED_FIELDS."""
    from gui.ui.window.main_window import MainWindow

    engine = gui_engine()
    history(engine.store, 3)
    engine.store.add_many([Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": "x"}]},
                               custom_id="row-kappa", state=JobState.SUCCEEDED)])
    window = MainWindow(engine, "Sandbox")
    qtbot.addWidget(window)
    panel = window.jobs
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=3000)
    assert panel.model.data(panel.model.index(0, 0), panel.model.SearchRole).count("row-kappa") == 1
    panel.filter_edit.setText("ROW-KAPPA")
    qtbot.waitUntil(lambda: visible_prompts(panel) == ["x"], timeout=3000)
    assert [j.custom_id for j in engine.store.jobs(search="row-kappa")] == ["row-kappa"]
    window.close_without_asking()
