"""Per-job actions: Copy as curl (never the real key), Duplicate into form, Open result
folder, the details view; and the upload progress bar in the table."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QRect
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem
from tabs_support import make_png, make_wav, show_in_preview, wait_done, wait_models

from gui.core.endpoints import Endpoint
from gui.core.engine import SANDBOX_KEY
from gui.core.jobs.job import Job, JobState
from gui.ui.jobs.progress_delegate import UploadProgressDelegate
from gui.ui.jobs.table_model import JobTableModel
from gui.ui.tabs.audio import TranscriptionTab
from gui.ui.tabs.chat import ChatTab
from gui.ui.tabs.image_edit import ImageEditTab

pytestmark = pytest.mark.usefixtures("qt_loop")


def chat_job(qtbot, window):
    wait_models(qtbot, window)
    tab = window.tab(ChatTab)
    tab.conversation.set_messages([{"role": "system", "content": "Be kind."}, {"role": "user", "content": "Hi 'you'"}])
    tab.seed.setText("3")
    tab.advanced.edit.setPlainText('{"logprobs": true}')
    [job] = wait_done(qtbot, window, tab.submit_jobs())
    show_in_preview(qtbot, window, job)
    return job


def test_copy_as_curl_uses_the_variable_never_the_key(main_window, qtbot):
    window = main_window
    job = chat_job(qtbot, window)
    actions = window.tools.actions
    assert actions.copy_curl.isEnabled() and actions.copy_curl in window.jobs.view.actions()
    actions.copy_curl.trigger()
    text = QGuiApplication.clipboard().text()
    assert '-H "Authorization: Bearer $OPENAI_API_KEY"' in text
    assert SANDBOX_KEY not in text.replace(window.engine.client.base_url, "")
    body = text.split("-d ", 1)[1]
    assert json.loads(body.strip("'").replace("'\"'\"'", "'")) == job.body
    assert "curl" in window.statusBar().currentMessage()


def test_duplicate_into_form_restores_every_field(main_window, qtbot, tmp_path):
    window = main_window
    job = chat_job(qtbot, window)
    tab = window.tab(ChatTab)
    tab.conversation.set_messages([{"role": "user", "content": "something else"}])
    tab.seed.clear()
    tab.advanced.edit.clear()
    window.tabs.setCurrentIndex(3)
    window.tools.actions.duplicate.trigger()
    assert window.tabs.currentWidget() is tab
    assert tab.conversation.messages() == job.body["messages"]
    assert tab.seed.value() == 3 and json.loads(tab.advanced.text()) == {"logprobs": True}
    assert tab.build_body() == job.body

    audio = window.tab(TranscriptionTab)
    audio.add_files([str(make_wav(tmp_path / "a.wav", 3))])
    audio.language.setCurrentText("fr")
    audio.response_format.setCurrentText("srt")
    [sent] = wait_done(qtbot, window, audio.submit_jobs())
    show_in_preview(qtbot, window, sent)
    audio.language.setCurrentText("")
    window.tools.actions.duplicate_current()
    assert audio.pending_files() == [str(tmp_path / "a.wav")] and audio.language.currentText() == "fr"
    assert audio.build_requests()[0][0] == sent.body

    edit = window.tab(ImageEditTab)
    edit.add_images([str(make_png(tmp_path / "p.png", 20, 20))])
    edit.set_mask(str(make_png(tmp_path / "m.png", 20, 20)))
    edit.prompt.setPlainText("boat")
    edit.n.setValue(2)
    [sent] = wait_done(qtbot, window, edit.submit_jobs())
    show_in_preview(qtbot, window, sent)
    edit.images.clear()
    edit.set_mask(None)
    window.tools.actions.duplicate_current()
    assert edit.image_paths() == [str(tmp_path / "p.png")] and edit.mask == str(tmp_path / "m.png")
    body, uploads = edit.build_requests()[0]
    assert body == sent.body and uploads == sent.uploads


def test_open_result_folder_and_details(main_window, qtbot, monkeypatch):
    window = main_window
    job = chat_job(qtbot, window)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    assert window.tools.actions.open_folder.isEnabled()
    window.tools.actions.open_folder.trigger()
    assert opened == [str(Path(job.result_path).parent)]

    dialog = window.tools.actions.show_details()
    assert dialog.isVisible() and not dialog.isModal()
    request = dialog.request.toPlainText()
    assert request.startswith(f"POST {window.engine.client.base_url}/chat/completions")
    assert json.loads(request.split("application/json\n", 1)[1]) == job.body
    states = [dialog.attempts.item(r, 1).text() for r in range(dialog.attempts.rowCount())]
    assert states == ["Queued", "Waiting", "Succeeded"]
    assert json.loads(dialog.raw.toPlainText()) == json.loads(Path(job.result_path).read_bytes())
    assert "total_tokens" in dialog.usage.toPlainText()
    assert dialog.status.text() == "HTTP status: <b>200</b>"
    dialog.close()


def test_details_of_a_failed_upload_list_every_attempt(main_window, qtbot, sandbox, tmp_path):
    window = main_window
    wait_models(qtbot, window)
    sandbox.config.failure_rate = 1.0
    window.engine.scheduler.backoff_base = 0.01
    tab = window.tab(TranscriptionTab)
    tab.add_files([str(make_wav(tmp_path / "x.wav", 2))])
    [job] = wait_done(qtbot, window, tab.submit_jobs(), timeout=30000)
    assert job.state is JobState.FAILED
    show_in_preview(qtbot, window, job)
    dialog = window.tools.actions.show_details()
    text = dialog.request.toPlainText()
    assert "multipart/form-data" in text and f"file = @{tmp_path / 'x.wav'}" in text
    rows = [(dialog.attempts.item(r, 1).text(), dialog.attempts.item(r, 2).text(), dialog.attempts.item(r, 3).text())
            for r in range(dialog.attempts.rowCount())]
    retries = [r for r in rows if r[0] == "Retrying"]
    assert [r[1] for r in retries] == ["1", "2"] and all("(500)" in r[2] for r in retries)  # each attempt's error
    assert rows[-1][0] == "Failed" and rows[-1][1] == "3" and "error while processing" in rows[-1][2]
    assert "no response stored" in dialog.raw.toPlainText().lower()
    dialog.close()


def test_upload_progress_is_drawn_as_a_bar(main_window, qtbot):
    window = main_window
    view = window.jobs.view
    assert view.itemDelegateForColumn(0) is None  # no progress to show: Qt's own drawing, no Python per cell
    uploading = Job(Endpoint.TRANSCRIPTIONS, {"model": "w"}, state=JobState.SUBMITTING)
    window.engine.store.add(uploading)
    uploading.progress = 0.4
    window.engine.scheduler._notify(uploading)  # as an upload's progress arrives (Scheduler._hooks)
    qtbot.waitUntil(lambda: isinstance(view.itemDelegateForColumn(0), UploadProgressDelegate), timeout=2000)
    delegate = view.itemDelegateForColumn(0)
    job = Job(Endpoint.TRANSCRIPTIONS, {"model": "w"})

    class Index(QModelIndex):
        def data(self, role=0):
            return job if role == JobTableModel.JobRole else "Uploading 42%"

    def paint(progress: float | None, state: JobState) -> QImage:
        job.state, job.progress = state, progress
        image = QImage(120, 20, QImage.Format.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 120, 20)
        option.widget = window.jobs.view
        delegate.paint(painter, option, Index())
        painter.end()
        return image

    low, high = paint(0.1, JobState.SUBMITTING), paint(0.9, JobState.SUBMITTING)
    assert low != high  # the bar's length follows the progress
    uploading.state, uploading.progress = JobState.WAITING, None  # sent: the bar goes, Qt draws the column again
    window.engine.scheduler._notify(uploading)
    qtbot.waitUntil(lambda: view.itemDelegateForColumn(0) is None, timeout=2000)
