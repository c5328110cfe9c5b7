"""Server text in the window is plain text: an error carrying markup or a link cannot
inject either (labels never auto-detect rich text)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

EVIL = '<a href="http://evil.example/">Click to re-enter your key</a><b>!</b>'


def test_a_server_error_with_markup_shows_as_text_in_the_details(qapp, qtbot, qt_settings, tmp_path):
    from gui.core.endpoints import Endpoint
    from gui.core.jobs.job import Job, JobState
    from gui.core.jobs.store import JobStore
    from gui.ui.jobs.details import JobDetailsDialog

    store = JobStore(tmp_path / "jobs.sqlite3")
    job = Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": "x"}]})
    store.add(job)
    store.transition(job, JobState.WAITING, attempts=1)
    store.transition(job, JobState.FAILED, error=EVIL, http_status=400)
    dialog = JobDetailsDialog(store.get(job.id), store, "http://127.0.0.1:1/queue")
    qtbot.addWidget(dialog)
    assert "<a href" not in dialog.status.text() and "&lt;a href" in dialog.status.text()
    store.close()


def test_error_labels_never_render_server_markup(qapp, qtbot, qt_settings):
    from gui.ui.widgets.form import AdvancedEditor, error_label

    editor = AdvancedEditor()
    qtbot.addWidget(editor)
    alone = error_label(None)
    qtbot.addWidget(alone)
    for label in (alone, editor.error):
        label.setText(EVIL)
        assert label.textFormat() is Qt.TextFormat.PlainText
        assert isinstance(label, QLabel)
