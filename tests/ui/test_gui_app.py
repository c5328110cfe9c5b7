"""The real entry point, `run_gui(sandbox=True)`, in a subprocess (it owns the Qt app and
its event loop): start, submit, show the answer, quit with jobs in flight after asking,
exit 0, nothing lost."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from gui.core.jobs.job import JobState
from gui.core.jobs.store import JobStore

DRIVER = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox
    from gui.ui.app import make_app, run_gui
    from gui.ui.tabs.chat import ChatTab
    from gui.ui.window.main_window import MainWindow

    app = make_app()
    report = {"steps": []}
    jobs = []
    slow = []

    def drive():
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            return
        w = windows[0]
        tab = w.tab(ChatTab)
        step = report["steps"][-1] if report["steps"] else None
        if step is None and any(tab.model_picker.combo.itemData(i) is not None
                                for i in range(tab.model_picker.combo.count())):
            report["title"] = w.windowTitle()
            for text in ("Explain the queue in **one** line", "Second prompt", "Third prompt"):
                tab.user_edit.setPlainText(text)
                jobs.append(tab.submit())
            report["steps"].append("submitted")
        elif step == "submitted" and all(j.state.value == "succeeded" for j in jobs):
            w.jobs.select_job(jobs[0].id)
            report["steps"].append("selected")
        elif step == "selected" and w.preview.text:
            report["answer"] = w.preview.text
            if len(sys.argv) > 1:
                w.grab().save(sys.argv[1])
            for text in ("slow one", "slow two"):
                tab.user_edit.setPlainText(text)
                slow.append(tab.submit())
            report["slow"] = [j.id for j in slow]
            report["steps"].append("slow")
        elif step == "slow" and all(j.state.value == "waiting" for j in slow):
            w.close()
            report["asked"] = bool(w.close_box and w.close_box.isVisible())
            quit_button = next(b for b in w.close_box.buttons() if b.text() == "Quit anyway")
            report["steps"].append("asked")
            quit_button.click()

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(50)
    report["rc"] = run_gui(sandbox=True)
    report["states"] = {j.id: j.state.value for j in jobs + slow}
    print("REPORT " + json.dumps(report))
    """
)


@pytest.mark.slow
def test_run_gui_end_to_end(tmp_path):
    user = tmp_path / "user"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_API="pyside6", HOME=str(user),
               QUEUE_DESK_HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(user / ".config"),
               XDG_DATA_HOME=str(user / ".local" / "share"))
    env.pop("OPENAI_API_KEY", None)  # the sandbox needs none
    done = subprocess.run([sys.executable, "-c", DRIVER, str(tmp_path / "shot.png")], env=env,
                          capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(l for l in done.stdout.splitlines() if l.startswith("REPORT "))
    report = json.loads(line[len("REPORT "):])
    assert report["rc"] == 0
    assert report["title"] == "Sandbox"
    assert report["steps"] == ["submitted", "selected", "slow", "asked"]
    assert report["asked"] is True
    assert "Explain the queue in" in report["answer"]  # the sandbox's answer quotes the prompt
    assert (tmp_path / "shot.png").stat().st_size > 10_000
    # Everything the app writes follows QUEUE_DESK_HOME: settings (the layout, kept for
    # next time) and the log included; nothing lands in the user's own folders.
    assert (tmp_path / "home" / "settings" / "Queue Desk" / "Queue Desk.ini").exists()
    assert (tmp_path / "home" / "logs" / "queue-desk.log").exists()
    written = [p for p in user.rglob("*") if p.is_file() and "fontconfig" not in p.parts]
    assert written == []

    store = JobStore(tmp_path / "home" / "jobs.sqlite3")
    try:
        states = {j.id: j.state for j in store.jobs()}
    finally:
        store.close()
    assert len(states) == 5
    assert [states[i] for i in report["slow"]] == [JobState.INTERRUPTED] * 2
    assert sum(s is JobState.SUCCEEDED for s in states.values()) == 3
    assert report["states"] == {k: v.value for k, v in states.items()}


SIGTERM_DRIVER = textwrap.dedent(
    """
    import json, os, signal
    from PySide6.QtCore import QTimer
    from gui.ui.app import make_app, run_gui
    from gui.ui.tabs.chat import ChatTab
    from gui.ui.window.main_window import MainWindow

    app = make_app()

    def drive():
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and not windows[0].tab(ChatTab).user_edit.toPlainText():
            windows[0].tab(ChatTab).user_edit.setPlainText("a question typed, not yet sent")
            os.kill(os.getpid(), signal.SIGTERM)  # as a logout or `kill` does

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(50)
    print("REPORT " + json.dumps({"rc": run_gui(sandbox=True)}))
    """
)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="no SIGTERM to send to oneself")
def test_sigterm_closes_the_window_and_keeps_what_was_typed(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_API="pyside6", HOME=str(tmp_path / "user"),
               QUEUE_DESK_HOME=str(tmp_path / "home"))
    env.pop("OPENAI_API_KEY", None)
    done = subprocess.run([sys.executable, "-c", SIGTERM_DRIVER], env=env, capture_output=True, text=True,
                          timeout=90)
    assert done.returncode == 0, (done.returncode, done.stderr[-3000:])
    assert 'REPORT {"rc": 0}' in done.stdout
    settings = (tmp_path / "home" / "settings" / "Queue Desk" / "Queue Desk.ini").read_text(encoding="utf-8")
    assert "a question typed, not yet sent" in settings  # the draft, for the next start
