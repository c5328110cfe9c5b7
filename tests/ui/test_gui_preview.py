"""The preview: API output is shown, never obeyed (no HTML, no local files loaded), and
"Save as…" works through a non-blocking dialog."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QFileDialog

from gui.core.atomic_files import write_atomic
from gui.core.endpoints import Endpoint
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.store import JobStore
from gui.ui.preview.panel import PreviewPanel, SafeBrowser

ANSWER = "# Title\n\n<b>not bold</b> and **bold**\n\n![secret](file://{png})\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"


@pytest.fixture
def store(tmp_path):
    s = JobStore(tmp_path / "home" / "jobs.sqlite3")
    yield s
    s.close()


def finished_chat(store: JobStore, tmp_path, answer: str) -> Job:
    job = Job(Endpoint.CHAT, {"model": "gpt-4.1", "messages": [{"role": "user", "content": "hi"}]})
    store.add(job)
    raw = write_atomic(tmp_path / "results" / job.id / "response.json", json.dumps(
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": answer}}],
         "usage": {"prompt_tokens": 3, "completion_tokens": 9, "total_tokens": 12}}))
    store.transition(job, JobState.WAITING, attempts=1)
    store.transition(job, JobState.SUCCEEDED, result_path=str(raw), usage={"total_tokens": 12})
    return job


def test_markdown_is_rendered_without_html_or_local_files(qtbot, qt_settings, store, tmp_path):
    png = tmp_path / "secret.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    image.save(str(png))
    loaded = []

    class Spy(SafeBrowser):
        def loadResource(self, kind, name):  # noqa: N802
            loaded.append(name.toString())
            return super().loadResource(kind, name)

    panel = PreviewPanel(store)
    panel.browser.deleteLater()
    qtbot.addWidget(panel)
    panel.browser = Spy(panel)
    panel.layout().insertWidget(1, panel.browser)
    job = finished_chat(store, tmp_path, ANSWER.format(png=png))
    panel.show()
    panel.show_job(job)
    qtbot.waitUntil(lambda: bool(loaded) and "Title" in panel.browser.document().toPlainText(), timeout=3000)
    doc = panel.browser.document()
    text = doc.toPlainText()
    assert "<b>not bold</b>" in text  # shown literally, not interpreted
    assert "Title" in text and "bold" in text
    assert doc.toMarkdown().count("|") >= 6  # the table survived as a table
    assert loaded, "the image reference should have been asked for (and refused)"
    resource = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl.fromLocalFile(str(png)))
    assert resource is None or QImage(resource).isNull()
    assert "Tokens" in panel.header.text()


def test_save_dialog_is_non_blocking_and_saves(qtbot, qt_settings, store, tmp_path):
    panel = PreviewPanel(store)
    qtbot.addWidget(panel)
    panel.show()
    job = finished_chat(store, tmp_path, "Plain **answer**")
    panel.show_job(job)
    assert panel.save_button.isEnabled()
    panel.save_button.click()  # returns at once: the dialog is opened with open(), not exec()
    dialog = panel.findChild(QFileDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert panel.suggested_name().endswith(".md") and job.short_id in panel.suggested_name()
    target = tmp_path / "saved" / "mine.md"
    target.parent.mkdir()
    with qtbot.waitSignal(dialog.fileSelected, timeout=2000):
        dialog.selectFile(str(target))
        dialog.accept()
    assert target.read_text(encoding="utf-8") == "Plain **answer**"
    assert panel.message.text() == f"Saved to {target}"


def test_failed_job_shows_the_error_in_plain_words(qtbot, qt_settings, store, tmp_path):
    job = Job(Endpoint.CHAT, {"model": "gpt-4.1", "messages": [{"role": "user", "content": "x"}]})
    store.add(job)
    store.transition(job, JobState.WAITING, attempts=1)
    store.transition(job, JobState.FAILED, "model xyz does not exist",
                     error="Not found (404). Check the model name and that the base URL points at the Queue API.")
    panel = PreviewPanel(store)
    qtbot.addWidget(panel)
    panel.show_job(job)
    meta = panel.header.text()
    assert "Not found (404)" in meta and "Server: model xyz does not exist" in meta
    assert not panel.save_button.isEnabled()
    assert panel.save_as(tmp_path / "never.md") is None
    assert not (tmp_path / "never.md").exists()
    # no promise of a result that will not come, but what to do instead
    assert "failed" in panel.browser.toPlainText() and "Resubmit" in panel.browser.toPlainText()
    waiting = Job(Endpoint.CHAT, {"model": "gpt-4.1", "messages": [{"role": "user", "content": "y"}]})
    store.add(waiting)
    panel.show_job(waiting)
    assert "appears here" in panel.browser.toPlainText()
    store.transition(waiting, JobState.CANCELLED)
    panel.show_job(waiting)
    assert "cancelled" in panel.browser.toPlainText()


def test_an_answer_asked_for_as_fields_is_shown_as_a_form(qtbot, qt_settings, store, tmp_path):
    answer = json.dumps({"sentiment": "negative", "score": 2, "tags": ["late", "<b>kind</b>"]})
    job = Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": "Classify"}],
                              "response_format": {"type": "json_schema", "json_schema": {"name": "answer",
                                                                                          "schema": {}}}})
    store.add(job)
    raw = write_atomic(tmp_path / "results" / job.id / "response.json", json.dumps(
        {"choices": [{"index": 0, "message": {"role": "assistant", "content": answer}}]}))
    store.transition(job, JobState.WAITING, attempts=1)
    store.transition(job, JobState.SUCCEEDED, result_path=str(raw))
    panel = PreviewPanel(store)
    qtbot.addWidget(panel)
    panel.show_job(job)
    text = panel.browser.document().toPlainText()
    assert "sentiment" in text and "negative" in text and "late; <b>kind</b>" in text  # server text stays text
    assert "{" not in text  # a form, not JSON


def test_the_job_header_folds_away_and_stays_folded(qtbot, qt_settings, store, tmp_path):
    job = finished_chat(store, tmp_path, "An answer.")
    panel = PreviewPanel(store)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_job(job)
    assert panel.header.isVisible()
    panel.header_toggle.click()
    assert not panel.header.isVisible() and panel.header_toggle.text() == "Show job header"
    panel.show_job(job)  # a tick or a new job does not bring it back
    assert not panel.header.isVisible()
    again = PreviewPanel(store)  # the next start
    qtbot.addWidget(again)
    again.show()
    again.show_job(job)
    assert not again.header.isVisible()
