"""The keyboard: every shortcut pressed on the real widgets, Delete removing finished jobs
(rows, database, results folders) after a confirmation that never blocks, and accessible
names on the main controls."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox
from tabs_support import show_in_preview, wait_done, wait_models

from gui.ui.tabs.base import EndpointTab
from gui.ui.tabs.chat import ChatTab

pytestmark = pytest.mark.usefixtures("qt_loop")
CTRL = Qt.KeyboardModifier.ControlModifier


def chat_jobs(qtbot, window, n: int = 1) -> list:
    wait_models(qtbot, window)
    tab = window.tab(ChatTab)
    jobs = []
    for i in range(n):
        tab.conversation.set_messages([{"role": "user", "content": f"Hello {i}"}])
        jobs += tab.submit_jobs()
    return wait_done(qtbot, window, jobs)


def focus(qtbot, widget) -> None:
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def test_ctrl_f_focuses_the_filter_box(main_window, qtbot):
    window = main_window
    wait_models(qtbot, window)
    window.jobs.filter_edit.setText("old")
    focus(qtbot, window.tab(ChatTab).model_picker.combo)
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_F, CTRL)
    assert window.jobs.filter_edit.hasFocus()
    assert window.jobs.filter_edit.selectedText() == "old"  # typing replaces it
    assert window.menus.find_action.shortcut().toString() == "Ctrl+F"


def test_ctrl_number_switches_tabs(main_window, qtbot):
    window = main_window
    wait_models(qtbot, window)
    focus(qtbot, window.jobs.view)
    for i in (3, 8, 1):
        qtbot.keyClick(window.jobs.view, getattr(Qt.Key, f"Key_{i}"), CTRL)
        assert window.tabs.currentIndex() == i - 1
    assert [a.shortcut().toString() for a in window.menus.tab_actions] == [f"Ctrl+{i}" for i in range(1, 9)]


def test_f5_refreshes_the_models(main_window, qtbot, sandbox):
    window = main_window
    wait_models(qtbot, window)
    before = sum(1 for r in sandbox.requests if r.path.endswith("/models")) if hasattr(sandbox, "requests") else None
    focus(qtbot, window.jobs.view)
    qtbot.keyClick(window.jobs.view, Qt.Key.Key_F5)
    assert window.catalog.loading
    wait_models(qtbot, window)
    if before is not None:
        assert sum(1 for r in sandbox.requests if r.path.endswith("/models")) == before + 1


def test_ctrl_s_opens_save_as_for_the_selected_result(main_window, qtbot, monkeypatch):
    window = main_window
    [job] = chat_jobs(qtbot, window)
    show_in_preview(qtbot, window, job)
    opened = []
    monkeypatch.setattr(QFileDialog, "open", lambda self, *a: opened.append(self))
    focus(qtbot, window.jobs.view)
    qtbot.keyClick(window.jobs.view, Qt.Key.Key_S, CTRL)
    assert len(opened) == 1 and opened[0].acceptMode() == QFileDialog.AcceptMode.AcceptSave


def test_ctrl_s_without_a_result_says_so(main_window, qtbot):
    wait_models(qtbot, main_window)
    focus(qtbot, main_window.jobs.view)
    qtbot.keyClick(main_window.jobs.view, Qt.Key.Key_S, CTRL)
    assert "Select a finished job" in main_window.statusBar().currentMessage()


def test_delete_removes_finished_jobs_rows_database_and_results(main_window, qtbot, home):
    window = main_window
    jobs = chat_jobs(qtbot, window, 3)
    store = window.engine.store
    folders = [store.results_dir / j.id for j in jobs[:2]]
    assert all(f.is_dir() for f in folders)
    show_in_preview(qtbot, window, jobs[0])
    window.jobs.select_job(jobs[0].id)
    window.jobs.view.selectionModel().select(
        window.model.index(window.model.row_of(jobs[1].id), 0),
        window.jobs.view.selectionModel().SelectionFlag.Select | window.jobs.view.selectionModel().SelectionFlag.Rows)
    focus(qtbot, window.jobs.view)
    qtbot.keyClick(window.jobs.view, Qt.Key.Key_Delete)
    box = window.jobs.delete_box
    assert isinstance(box, QMessageBox) and box.isVisible() and "2 finished jobs" in box.text()
    assert window.model.rowCount() == 3  # nothing happens before the answer
    delete_button = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    delete_button.click()
    assert window.model.rowCount() == 1
    assert window.model.row_of(jobs[0].id) is None and window.model.row_of(jobs[2].id) == 0
    assert store.get(jobs[0].id) is None and store.get(jobs[1].id) is None and store.get(jobs[2].id)
    assert store.history(jobs[0].id) == []
    assert not any(f.exists() for f in folders) and (store.results_dir / jobs[2].id).is_dir()
    assert window.preview.job is None  # the deleted job is not shown any more


def test_delete_cancelled_keeps_the_jobs(main_window, qtbot):
    window = main_window
    [job] = chat_jobs(qtbot, window)
    window.jobs.select_job(job.id)
    box = window.jobs.ask_delete_selected()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert window.model.row_of(job.id) == 0 and window.engine.store.get(job.id)


def test_delete_refuses_running_jobs(main_window, qtbot, sandbox):
    window = main_window
    [done] = chat_jobs(qtbot, window)
    sandbox.config.latency = 5.0
    tab = window.tab(ChatTab)
    [running] = tab.submit_jobs()
    qtbot.waitUntil(lambda: window.model.row_of(running.id) is not None, timeout=5000)
    assert window.model.delete_jobs([running.id, done.id]) == [done.id]
    assert window.model.row_of(running.id) is not None and window.engine.store.get(running.id)
    window.jobs.select_job(running.id)
    assert not window.jobs.delete_action.isEnabled()
    assert window.jobs.ask_delete_selected() is None
    window.engine.scheduler.cancel(running.id)
    qtbot.waitUntil(lambda: window.model.job(running.id).state.terminal, timeout=5000)


def test_delete_key_in_a_text_field_deletes_a_character(main_window, qtbot):
    window = main_window
    chat_jobs(qtbot, window)
    window.jobs.select_job(window.model.job_at(0).id)
    edit = window.jobs.filter_edit
    edit.setText("abc")
    focus(qtbot, edit)
    edit.setCursorPosition(0)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.text() == "bc" and window.jobs.delete_box is None


def test_menus_show_the_shortcuts(main_window, qtbot):
    window = main_window
    wait_models(qtbot, window)
    menus = {m.title().replace("&", ""): m for m in window.menuBar().findChildren(QMenu)}
    assert {"File", "Edit", "Jobs", "View"} <= set(menus)
    texts = {a.text().replace("&", ""): a.shortcut().toString() for m in menus.values() for a in m.actions()}
    assert texts["Save Result As…"] == "Ctrl+S" and texts["Find Jobs"] == "Ctrl+F"
    assert texts["Delete from History…"] == "Del" and texts["Refresh Models"] == "F5"
    assert texts["Profiles…"] == "" and texts["Quit"]


def test_accessible_names(main_window, qtbot):
    window = main_window
    wait_models(qtbot, window)
    assert window.jobs.filter_edit.accessibleName() == "Filter jobs"
    assert window.jobs.view.accessibleName() == "Jobs"
    assert window.preview.browser.accessibleName()
    for tab in [window.build_tab(i) for i in range(window.tabs.count())]:
        assert tab.submit_button.accessibleName() or tab.submit_button.text()
        if isinstance(tab, EndpointTab) and hasattr(tab, "model_picker"):
            assert tab.model_picker.combo.accessibleName() == "Model"
    assert window.tab(ChatTab).submit_button.accessibleName() == "Submit Chat"
    QApplication.processEvents()


def test_picking_an_endpoint_puts_the_cursor_in_its_prompt(main_window, qtbot):
    from gui.ui.tabs.completions import CompletionsTab

    window = main_window
    wait_models(qtbot, window)
    focus(qtbot, window.jobs.filter_edit)
    qtbot.keyClick(window.jobs.filter_edit, Qt.Key.Key_2, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "Once upon")
    assert window.tab(CompletionsTab).prompt.toPlainText() == "Once upon"  # typed where it belongs
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, CTRL)
    assert QApplication.focusWidget() is window.tab(ChatTab).user_edit  # the question, not the model box


def test_the_window_opens_with_the_cursor_in_the_question(main_window, qtbot):
    window = main_window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tab(ChatTab).user_edit, timeout=2000)
    wait_models(qtbot, window)


def test_alt_and_the_underlined_letter_open_a_menu_from_the_prompt(main_window, qtbot):
    """Where the cursor is at start-up, the prompt: Alt+F opens the File menu and types
    nothing into the question."""
    window = main_window
    wait_models(qtbot, window)
    tab = window.tab(ChatTab)
    focus(qtbot, tab.user_edit)
    qtbot.keyClicks(tab.user_edit, "Question")
    file_menu = window.menus.file_menu
    qtbot.keyClick(tab.user_edit, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(file_menu.isVisible, timeout=2000)
    assert tab.user_edit.toPlainText() == "Question"
    qtbot.keyClick(file_menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not file_menu.isVisible(), timeout=2000)
