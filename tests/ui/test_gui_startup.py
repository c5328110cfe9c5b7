"""Start-up stays cheap (B4): the endpoint tabs are built when first shown, the network
stack is loaded when the first request goes out, and nothing the user can see changes."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from tabs_support import wait_models

from gui.ui.window.main_window import TABS, MainWindow

pytestmark = pytest.mark.usefixtures("qt_loop")
CTRL = Qt.KeyboardModifier.ControlModifier


def test_tab_specs_match_their_classes():
    assert [spec.load().endpoint for spec in TABS] == [spec.endpoint for spec in TABS]
    assert len({spec.title for spec in TABS}) == len(TABS)  # one title each, from tabs.base.TITLES


def test_tabs_are_built_when_first_shown(main_window, qtbot):
    window = main_window
    assert [window.tabs.title(i) for i in range(window.tabs.count())] == [s.title for s in TABS]
    assert set(window._built_tabs) == {0}  # only the first tab at start-up
    assert window.tabs.currentWidget() is window.build_tab(0)

    sidebar = window.tabs.sidebar
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=sidebar.visualItemRect(sidebar.item(2)).center())
    assert window.tabs.currentIndex() == 2
    tab = window.tabs.currentWidget()
    assert tab is window._built_tabs[2] and tab.endpoint is TABS[2].endpoint and tab.isVisible()
    assert [window.tabs.title(i) for i in range(window.tabs.count())] == [s.title for s in TABS]
    assert tab.isAncestorOf(QApplication.focusWidget())  # picked: the cursor is in its first input
    assert window.tab_for(TABS[5].endpoint) is window.tabs.widget(5)  # built, not shown
    assert window.tabs.currentIndex() == 2
    wait_models(qtbot, window)  # the model list loads once the loop runs: let it finish first


def test_ctrl_number_moves_the_focus_into_a_tab_built_for_it(main_window, qtbot):
    window = main_window
    wait_models(qtbot, window)
    chat = window.tabs.currentWidget()
    window.activateWindow()
    chat.model_picker.combo.setFocus()
    qtbot.waitUntil(chat.model_picker.combo.hasFocus, timeout=2000)
    qtbot.keyClick(chat.model_picker.combo, Qt.Key.Key_2, CTRL)
    tab = window.tabs.currentWidget()
    assert window.tabs.currentIndex() == 1 and tab is window._built_tabs[1]
    assert tab.isAncestorOf(QApplication.focusWidget())


def test_the_window_loads_no_network_stack_until_it_sends(home):
    code = (
        "import sys; from PySide6.QtWidgets import QApplication; import qasync\n"
        "from gui.core.engine import Engine; from gui.ui.window.main_window import MainWindow\n"
        "app = QApplication([]); loop = qasync.QEventLoop(app); import asyncio; asyncio.set_event_loop(loop)\n"
        "w = MainWindow(Engine.open('http://127.0.0.1:9/queue', 'sk'), 'x'); w.show()\n"
        "print(sorted(m for m in ('httpx', 'aiohttp', 'truststore', 'keyring') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_watch_folder_in_use_starts_with_the_event_loop(main_window, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from gui.ui.window.main_window import MainWindow

    assert main_window.batches._watch is None  # not in use: not even imported for it
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    settings = QSettings()
    settings.setValue("watch/folder", str(inbox))
    settings.setValue("watch/enabled", True)
    again = MainWindow(main_window.engine, "Sandbox")  # the next session's window
    qtbot.addWidget(again)
    try:
        qtbot.waitUntil(lambda: again.batches._watch is not None, timeout=2000)
        assert again.batches.watch.folder is not None and again.batches.watch.folder.settings.folder == inbox
        wait_models(qtbot, again)  # its model list is loading too: let it finish before the window goes
    finally:
        again.batches.watch.folder.close()
        again.close_without_asking()


def test_the_table_holds_the_newest_jobs_before_the_first_paint(gui_engine, qtbot):
    from gui.core.endpoints import Endpoint
    from gui.core.jobs.job import Job
    from gui.ui.jobs.table_model import JobTableModel
    from gui.ui.window.main_window import MainWindow

    engine = gui_engine()
    engine.store.add_many(Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": f"q {i}"}]})
                          for i in range(250))
    window = MainWindow(engine, "Sandbox")  # no event processed yet
    qtbot.addWidget(window)
    assert window.model.rowCount() == JobTableModel.FIRST_PAGE
    assert window.jobs.model.index(0, 0).data(JobTableModel.JobRole).summary == "q 249"
    qtbot.waitUntil(lambda: window.model.rowCount() == 250, timeout=3000)  # the rest, read in a worker
    wait_models(qtbot, window)  # the model list loads once the loop runs: let it finish first
    window.close_without_asking()


def test_the_prompt_column_takes_the_width_the_others_leave(main_window, qtbot):
    from gui.ui.jobs.columns import COLUMN_INDEX, COLUMNS

    view = main_window.jobs.view
    others = sum(view.columnWidth(i) for i, c in enumerate(COLUMNS)
                 if c.id != "prompt" and not view.isColumnHidden(i))

    def fitted() -> bool:
        return view.columnWidth(COLUMN_INDEX["prompt"]) == max(160, view.viewport().width() - others)

    qtbot.waitUntil(fitted, timeout=2000)
    main_window.resize(main_window.width() + 200, main_window.height())
    qtbot.waitUntil(lambda: fitted() and view.viewport().width() - others > 160, timeout=2000)
    wait_models(qtbot, main_window)  # the model list loads once the loop runs: let it finish first


def test_a_long_history_needs_no_sideways_scrolling(gui_engine, qtbot):
    """At the window's default size, with the vertical scroll bar a long history brings,
    every column fits: no horizontal scroll bar."""
    from gui.core.endpoints import Endpoint
    from gui.core.jobs.job import Job
    from gui.ui.jobs.columns import COLUMN_INDEX, COLUMNS
    from gui.ui.window.main_window import MainWindow

    engine = gui_engine()
    engine.store.add_many(Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": f"q {i}"}]})
                          for i in range(300))
    window = MainWindow(engine, "Sandbox")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    view = window.jobs.view
    others = sum(view.columnWidth(i) for i, c in enumerate(COLUMNS)
                 if c.id != "prompt" and not view.isColumnHidden(i))
    qtbot.waitUntil(lambda: view.verticalScrollBar().isVisible(), timeout=2000)
    qtbot.waitUntil(lambda: view.columnWidth(COLUMN_INDEX["prompt"]) == view.viewport().width() - others,
                    timeout=2000)
    assert view.horizontalHeader().length() <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()
    wait_models(qtbot, window)  # the model list loads once the loop runs: let it finish first
    window.close_without_asking()


def test_the_job_details_follow_a_change_of_scheme(qapp, qtbot, qt_settings, tmp_path):
    from gui.core.endpoints import Endpoint
    from gui.core.jobs.job import Job, JobState
    from gui.core.jobs.store import JobStore
    from gui.ui.runtime import theme
    from gui.ui.jobs.columns import state_colour
    from gui.ui.preview.panel import PreviewPanel

    store = JobStore(tmp_path / "jobs.sqlite3")
    job = Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": "x"}]})
    store.add(job)
    store.transition(job, JobState.WAITING, attempts=1)
    store.transition(job, JobState.FAILED, error="Not found (404).")
    panel = PreviewPanel(store)
    qtbot.addWidget(panel)
    try:
        theme.apply(qapp, "light")
        panel.show_job(job)
        light = state_colour(JobState.FAILED)
        assert light in panel.header.text()
        theme.apply(qapp, "dark")
        dark = state_colour(JobState.FAILED)
        assert dark != light and dark in panel.header.text() and light not in panel.header.text()
    finally:
        theme.apply(qapp, "light")
        store.close()


def _fresh_process(code: str, tmp_path) -> list[str]:
    """Run `code` in a new interpreter with its own data folder: what it printed, word by word."""
    env = dict(os.environ, QUEUE_DESK_HOME=str(tmp_path / "home"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_the_sandbox_takes_its_port_at_once_and_loads_once_the_loop_runs(tmp_path):
    code = (
        "import sys, time, urllib.request\n"
        "from gui.ui import app\n"
        "qt = app.make_app([])\n"
        "url = app.ensure_sandbox()\n"
        "print('uvicorn' in sys.modules, 'starlette' in sys.modules)\n"
        "deadline = time.monotonic() + 20\n"
        "while app._sandbox_server.server is None and time.monotonic() < deadline:\n"
        "    qt.processEvents(); time.sleep(0.01)\n"
        "request = urllib.request.Request(url + '/models', headers={'Authorization': 'Bearer sandbox'})\n"
        "print(urllib.request.urlopen(request, timeout=10).status)\n"
        "app.stop_sandbox()\n"
    )
    assert _fresh_process(code, tmp_path) == ["False", "False", "200"]


def test_a_new_app_starts_in_fusion_with_its_light_palette(tmp_path):
    """make_app asks for Fusion in the QApplication's arguments (no setStyle, no QStyle
    at start-up) and sets the light palette: the same app as setStyle("Fusion") made."""
    code = (
        "from PySide6.QtGui import QPalette\n"
        "from gui.ui import app\n"
        "qt = app.make_app(['queue-desk'])\n"
        "shown, fusion = qt.palette(), qt.style().standardPalette()\n"
        "groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)\n"
        "roles = [r for r in QPalette.ColorRole if r != QPalette.ColorRole.NColorRoles]\n"
        "print(qt.style().name(), sum(shown.color(g, r).rgba() != fusion.color(g, r).rgba() for g in groups for r in roles))\n"
    )
    assert _fresh_process(code, tmp_path) == ["fusion", "0"]


def test_drafts_survive_a_new_window(gui_engine, qtbot):
    """A profile switch (or a restart) builds a new window: what was typed is still there."""
    from gui.ui.tabs.chat import ChatTab
    from gui.ui.tabs.completions import CompletionsTab

    engine = gui_engine()
    first = MainWindow(engine, "Sandbox")
    qtbot.addWidget(first)
    first.tab(ChatTab).conversation.set_messages([{"role": "system", "content": "Be brief."},
                                                  {"role": "user", "content": "unsent question"}])
    first.tab(CompletionsTab).prompt.setPlainText("Once upon a time")
    first.save_layout()  # what closing or switching does
    wait_models(qtbot, first)  # the model list loads once the loop runs: let it finish first
    first.model.detach()
    second = MainWindow(engine, "Second")
    qtbot.addWidget(second)
    assert second.tab(ChatTab).conversation.messages() == [{"role": "system", "content": "Be brief."},
                                                          {"role": "user", "content": "unsent question"}]
    assert second.tab(CompletionsTab).prompt.toPlainText() == "Once upon a time"
    qtbot.keyClicks(second.tab(CompletionsTab).prompt, ", there")  # typing goes on at the end
    assert second.tab(CompletionsTab).prompt.toPlainText() == "Once upon a time, there"
    wait_models(qtbot, second)
    second.model.detach()


def test_collection_paused_for_start_up_resumes_once_the_window_is_up(gui_engine, qtbot):
    """The GUI's entry pauses Python's cyclic GC while start-up makes the window's objects
    (gui/cli.py); left off, a long session's cyclic garbage would never be freed."""
    import gc

    from gui.ui.window.main_window import MainWindow

    gc.disable()
    try:
        window = MainWindow(gui_engine(), "Sandbox")
        qtbot.addWidget(window)
        window.show()
        assert not gc.isenabled()  # still building: the window's own objects come first
        qtbot.waitUntil(gc.isenabled, timeout=2000)
        assert gc.get_freeze_count() > 0  # start-up's objects are out of the collector's way
        wait_models(qtbot, window)
        window.close_without_asking()
    finally:
        gc.enable()


def test_the_advanced_json_editor_is_monospaced_once_opened(qapp, qtbot):
    """Its monospace font is looked up when it first opens (~4 ms of start-up saved)."""
    from PySide6.QtGui import QFontDatabase

    from gui.ui.widgets.form import AdvancedEditor

    editor = AdvancedEditor()
    qtbot.addWidget(editor)
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    editor.set_values({"top_p": 0.9})  # a restored draft opens it
    assert editor.toggle.isChecked() and editor.edit.font().family() == fixed
    editor.toggle.setChecked(False)
    editor.toggle.setChecked(True)
    assert editor.edit.font().family() == fixed


def test_what_the_first_frame_does_not_show_comes_once_it_is_painted(gui_engine, qtbot):
    """The first frame has the menu titles in their final order; their actions and shortcuts,
    the job tools and the batches are installed once it is painted (or when first asked for)."""
    window = MainWindow(gui_engine(), "Sandbox")
    qtbot.addWidget(window)
    bar = window.menuBar()
    titles = [action.text() for action in bar.actions()]
    assert titles == ["&File", "&Edit", "&Jobs", "&View", "&Batch", "&Help"]
    assert not window.complete and not any(action.menu().actions() for action in bar.actions())
    window.show()
    qtbot.waitUntil(lambda: window.complete)
    assert [action.text() for action in bar.actions()] == titles  # nothing moved
    assert all(action.menu().actions() for action in bar.actions())
    assert window.batches.dock is not None and window.tools.actions is not None


def test_what_is_installed_after_the_first_frame_comes_when_asked_for_before_it(gui_engine, qtbot):
    window = MainWindow(gui_engine(), "Sandbox")  # never shown: nothing is painted
    qtbot.addWidget(window)
    assert window.menus.find_action.shortcut() == QKeySequence("Ctrl+F")
    assert window.complete and window.batches is window.batches
