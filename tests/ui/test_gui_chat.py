"""The Chat tab end to end against the sandbox: submit (click and Ctrl+Enter), watch the
row succeed, read the answer in the preview, save it."""
from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from tabs_support import listed_models

from gui.core.engine import SANDBOX_KEY
from gui.core.jobs.job import JobState
from gui.ui.tabs.chat import ChatTab

pytestmark = pytest.mark.usefixtures("qt_loop")


def wait_models(qtbot, window) -> ChatTab:
    tab = window.tab(ChatTab)
    qtbot.waitUntil(lambda: not window.catalog.loading and bool(listed_models(tab.model_picker)), timeout=10000)
    return tab


def wait_state(qtbot, window, job_id: str, state: JobState, timeout: int = 15000) -> None:
    def reached() -> bool:
        job = window.model.job(job_id)
        return job is not None and job.state is state

    qtbot.waitUntil(reached, timeout=timeout)


def sandbox_answer(sandbox, body: dict) -> dict:
    """What the sandbox answers for `body`, asked directly (it is deterministic)."""
    reply = httpx.post(f"{sandbox.url}/chat/completions", json=body,
                       headers={"Authorization": f"Bearer {SANDBOX_KEY}"}, timeout=10)
    reply.raise_for_status()
    return reply.json()


def words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{4,}", text))


def click_row(qtbot, window, job_id: str) -> None:
    view = window.jobs.view
    row = window.model.row_of(job_id)
    index = window.model.index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_submit_by_click_and_ctrl_enter_then_preview_and_save(main_window, qtbot, sandbox, tmp_path):
    window = main_window
    tab = wait_models(qtbot, window)
    assert tab.model_picker.current_model()  # an LLM is preselected
    assert window.windowTitle() == "Sandbox"
    assert window.profile_label.text() == "Sandbox"

    qtbot.keyClicks(tab.user_edit, "What does the queue do?")
    with qtbot.waitSignal(tab.submitted, timeout=5000) as first:
        qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    job1 = first.args[0]
    qtbot.waitUntil(lambda: window.model.row_of(job1.id) is not None, timeout=2000)

    window.activateWindow()
    tab.user_edit.setFocus()
    tab.user_edit.setPlainText("Second question, sent with the keyboard")
    tab.system_edit.setPlainText("Answer briefly.")
    with qtbot.waitSignal(tab.submitted, timeout=5000) as second:
        qtbot.keyClick(tab.user_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    job2 = second.args[0]
    assert job2.id != job1.id
    # The question sent stays, selected: the next one typed replaces it.
    assert tab.user_edit.textCursor().selectedText() == "Second question, sent with the keyboard"
    qtbot.keyClicks(tab.user_edit, "Third")
    assert tab.user_edit.toPlainText() == "Third"
    assert job2.body["messages"][0] == {"role": "system", "content": "Answer briefly."}
    assert job1.body["messages"] == [{"role": "user", "content": "What does the queue do?"}]  # no empty system
    assert job1.body["model"] == tab.model_picker.current_model()
    assert job1.body["max_tokens"] == 1024 and job1.body["temperature"] == 1.0

    for job in (job1, job2):
        wait_state(qtbot, window, job.id, JobState.SUCCEEDED)
    assert window.model.row_of(job2.id) == 0  # newest on top

    expected = sandbox_answer(sandbox, job1.body)["choices"][0]["message"]["content"]
    click_row(qtbot, window, job1.id)
    preview = window.preview
    qtbot.waitUntil(lambda: preview.job is not None and preview.job.id == job1.id and preview.text == expected,
                    timeout=5000)
    assert words(expected) <= words(preview.browser.toPlainText())
    assert "Succeeded" in preview.header.text()
    assert preview.save_button.isEnabled()

    md = preview.save_as(tmp_path / "out" / "answer.md")
    assert md is not None and md.read_text(encoding="utf-8") == expected
    txt = preview.save_as(tmp_path / "answer.txt")
    assert txt.read_text(encoding="utf-8") == expected
    raw = preview.save_as(tmp_path / "answer.json")
    assert raw.read_bytes() == Path(window.model.job(job1.id).result_path).read_bytes()
    assert json.loads(raw.read_bytes())["choices"][0]["message"]["content"] == expected
    assert "Saved to" in preview.message.text()
    assert not list((tmp_path / "out").glob(".*part"))  # nothing half-written left behind


def test_submitted_job_is_followed_in_preview(main_window, qtbot):
    window = main_window
    tab = wait_models(qtbot, window)
    tab.user_edit.setPlainText("Follow me")
    job = tab.submit()
    assert job is not None
    qtbot.waitUntil(lambda: window.preview.job is not None and window.preview.job.id == job.id, timeout=3000)
    wait_state(qtbot, window, job.id, JobState.SUCCEEDED)
    qtbot.waitUntil(lambda: bool(window.preview.text), timeout=3000)  # the preview refreshed itself
    qtbot.waitUntil(lambda: "Done 1" in window.counts_label.text(), timeout=3000)


def test_empty_user_message_is_refused_in_plain_words(main_window, qtbot):
    window = main_window
    tab = wait_models(qtbot, window)
    tab.user_edit.setPlainText("   \n ")
    qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    assert tab.user_error.isVisible()
    assert "user message" in tab.user_error.text()
    assert window.engine.store.count() == 0
    tab.user_edit.setPlainText("now there is text")
    tab.model_picker.set_model("")
    assert tab.submit() is None
    assert "model" in tab.model_error.text() and tab.model_error.isVisible()
    assert not tab.user_error.isVisible()


def test_model_picker_lists_llm_models_first(main_window, qtbot):
    from gui.sandbox import MODELS, ModelType

    tab = wait_models(qtbot, main_window)
    ids = listed_models(tab.model_picker)
    llm = [m.id for m in MODELS if m.type is ModelType.LLM]
    assert sorted(ids) == sorted(m.id for m in MODELS)
    assert sorted(ids[: len(llm)]) == sorted(llm)
    assert tab.model_picker.current_model() in llm
    # Free text is allowed (models the list does not know yet).
    tab.model_picker.set_model("my-private-model")
    tab.user_edit.setPlainText("hi")
    job = tab.submit()
    assert job.body["model"] == "my-private-model"


def test_model_list_refresh_keeps_the_typed_model(main_window, qtbot):
    tab = wait_models(qtbot, main_window)
    tab.model_picker.set_model("typed-by-hand")
    qtbot.mouseClick(tab.model_picker.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not main_window.catalog.loading, timeout=5000)
    assert tab.model_picker.current_model() == "typed-by-hand"


def test_without_api_key_the_window_opens_and_submitting_explains(qt_loop, qtbot, qt_settings, home, monkeypatch,
                                                                  run_async):
    from gui.ui.app import open_session, shutdown
    from gui.ui.window.main_window import MainWindow

    monkeypatch.delenv("OPENAI_API_KEY")
    local = open_session(base_url="http://127.0.0.1:9/queue")
    run_async(shutdown(None, local.engine))
    assert local.blocker is None  # a server on this machine may need no key: asked without one
    session = open_session(base_url="https://example.invalid/queue")  # nothing is sent: no key
    try:
        assert session.blocker and "API key" in session.blocker
        window = MainWindow(session.engine, session.profile, blocker=session.blocker)
        qtbot.addWidget(window)
        window.show()
        assert window.windowTitle() == "example.invalid"
        # Said once, in the form's banner: not again in the status bar.
        assert "API key" not in window.statusBar().currentMessage()
        tab = window.tab(ChatTab)
        tab.user_edit.setPlainText("hello")
        tab.model_picker.set_model("gpt-4.1")
        assert tab.submit() is None
        assert tab.problem.isVisible() and "OPENAI_API_KEY" in tab.problem.text()
        assert session.engine.store.count() == 0
        assert not tab.model_picker.refresh_button.isEnabled()
        assert not window.preview.save_button.isEnabled()
    finally:
        run_async(shutdown(None, session.engine))


def test_provider_profile_name(qt_loop, qt_settings, home, run_async):
    from gui.core.profiles.profile import PROVIDER_PROFILE
    from gui.ui.app import open_session, shutdown

    session = open_session()
    try:
        assert session.profile == PROVIDER_PROFILE and session.blocker is None
    finally:
        run_async(shutdown(None, session.engine))
