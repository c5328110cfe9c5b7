"""The Transcription and Translation tabs against the sandbox: many files dropped at once
(on the tab and on the main window), one job per file; the transcript preview with its
segment list and optional playback; saving as txt/srt/vtt/json next to the audio or by
template into a folder; auto-save."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from schemas.check import assert_valid
from tabs_support import drop_files, make_wav, show_in_preview, wait_done, wait_models
from test_gui_tabs import posted, submit_and_wait

from gui.core.endpoints import Endpoint
from gui.core.formats.subtitles import parse_transcript
from gui.core.jobs.job import JobState
from gui.ui.tabs.audio import TranscriptionTab, TranslationTab
from gui.ui.tabs.chat import ChatTab

pytestmark = pytest.mark.usefixtures("qt_loop")


def test_three_dropped_audio_files_make_three_jobs_then_transcripts_save(main_window, qtbot, sandbox, tmp_path):
    window = main_window
    wait_models(qtbot, window)
    tab = window.tab(TranscriptionTab)
    window.tabs.setCurrentWidget(tab)
    files = [make_wav(tmp_path / "audio" / f"{name}.wav", 12) for name in ("interview", "meeting", "call")]
    tab.language.setCurrentText("de")
    tab.segments.setChecked(True)
    before = window.engine.store.count()
    with qtbot.waitSignals([tab.submitted] * 3, timeout=5000):
        drop_files(tab.drop_area, files)
    jobs = window.engine.store.jobs()[before:]
    assert len(jobs) == 3 and sorted(Path(j.uploads[0].path).name for j in jobs) == sorted(f.name for f in files)
    for job in jobs:
        assert job.body == {"model": tab.model_picker.current_model(), "language": "de",
                            "response_format": "verbose_json", "timestamp_granularities": ["segment"]}
        assert_valid(Endpoint.TRANSCRIPTIONS, job.body, job.uploads)
    done = wait_done(qtbot, window, jobs)
    assert all(j.state is JobState.SUCCEEDED for j in done)
    assert [r.fields for r in posted(sandbox, "/audio/transcriptions")] == [
        ["model", "language", "response_format", "timestamp_granularities[]", "file"]] * 3

    show_in_preview(qtbot, window, done[0])
    view = window.preview.transcript
    assert window.preview.views.currentWidget() is view
    transcript = parse_transcript(Path(done[0].result_path).read_bytes(), True)
    assert view.segments.rowCount() == len(transcript.segments) >= 3
    assert view.segments.item(0, 2).text() == transcript.segments[0].text
    assert view.text.toPlainText() == transcript.text and "german" in view.info.text()
    srt = view.save_as(tmp_path / "out" / "t.srt")
    assert parse_transcript(srt.read_text()).segments == transcript.segments
    vtt = view.save_as(tmp_path / "out" / "t.vtt")
    assert vtt.read_text().startswith("WEBVTT") and transcript.segments[1].text in vtt.read_text()
    assert json.loads(view.save_as(tmp_path / "out" / "t.json").read_text())["segments"]
    view.format.setCurrentText("txt")
    beside = view.save_to_settings()  # default: next to the audio, {stem}.{format}
    audio = Path(done[0].uploads[0].path)
    assert beside == audio.with_suffix(".txt") and beside.read_text() == transcript.text + "\n"

    # Settings: into a folder with a template (as the audio tab's saving box stores them).
    box = tab.save_settings
    folder = tmp_path / "exports"
    folder.mkdir()
    box.in_folder.setChecked(True)
    box.folder.setText(str(folder))
    box.template.setText("{model}/{stem}-{format}.{format}")
    box.format.setCurrentText("srt")
    assert box.folder_error.isHidden() and box.template_error.isHidden()
    show_in_preview(qtbot, window, done[1])
    assert view.format.currentText() == "srt"
    saved = view.save_to_settings()
    assert saved == folder / done[1].model / f"{Path(done[1].uploads[0].path).stem}-srt.srt"
    assert saved.read_text().startswith("1\n00:00:00,000 --> ")


def test_dropping_on_the_main_window_goes_to_the_audio_tab(main_window, qtbot, tmp_path):
    window = main_window
    wait_models(qtbot, window)
    files = [make_wav(tmp_path / f"w{i}.wav", 3) for i in range(3)]
    window.tabs.setCurrentWidget(window.tab(ChatTab))
    drop_files(window.jobs.view.viewport(), files)  # lands on the table, handled by the window
    assert window.tabs.currentWidget() is window.tab(TranscriptionTab)
    qtbot.waitUntil(lambda: window.engine.store.count() == 3, timeout=3000)
    window.tabs.setCurrentWidget(window.tab(TranslationTab))
    drop_files(window.preview, files[:2])  # the current audio tab takes them
    qtbot.waitUntil(lambda: window.engine.store.count() == 5, timeout=3000)
    assert [j.endpoint for j in window.engine.store.jobs()].count(Endpoint.TRANSLATIONS) == 2


def test_translation_srt_and_auto_save(main_window, qtbot, sandbox, tmp_path):
    window = main_window
    wait_models(qtbot, window)
    tab = window.tab(TranslationTab)
    box = tab.save_settings
    out = tmp_path / "auto"
    out.mkdir()
    box.auto.setChecked(True)
    box.in_folder.setChecked(True)
    box.folder.setText(str(out))
    box.format.setCurrentText("vtt")
    assert not tab.language.isVisibleTo(tab) and not tab.words.isVisibleTo(tab)
    tab.add_files([str(make_wav(tmp_path / "rede.wav", 10))])
    tab.response_format.setCurrentText("srt")
    tab.prompt.setText("Names: Anna, Bonn")
    [job] = submit_and_wait(qtbot, window, tab)
    assert job.body == {"model": tab.model_picker.current_model(), "prompt": "Names: Anna, Bonn",
                        "response_format": "srt"}
    view = window.preview.transcript
    assert view.segments.rowCount() >= 2 and view.format.findText("vtt") >= 0
    qtbot.waitUntil(lambda: (out / "rede.vtt").exists(), timeout=3000)
    assert (out / "rede.vtt").read_text().startswith("WEBVTT")
    assert "Transcript saved to" in window.statusBar().currentMessage()


def test_segment_playback_is_optional(qtbot, qt_settings, tmp_path, monkeypatch):
    """Without Qt Multimedia (PySide6-Addons) the play feature is hidden; with it, a click
    on a segment plays the audio from the segment's start."""
    from PySide6.QtCore import QObject, Signal

    from gui.core.api.wire import Upload
    from gui.core.atomic_files import write_atomic
    from gui.core.jobs.job import Job
    from gui.ui.preview import playback
    from gui.ui.preview.transcript import TranscriptView

    audio = make_wav(tmp_path / "talk.wav", 4)
    raw = write_atomic(tmp_path / "response.txt", "1\n00:00:00,000 --> 00:00:01,500\nOne.\n\n"
                                                  "2\n00:00:01,500 --> 00:00:04,000\nTwo.\n")
    job = Job(Endpoint.TRANSCRIPTIONS, {"model": "w", "response_format": "srt"}, [Upload("file", str(audio))],
              state=JobState.SUCCEEDED, result_path=str(raw))
    try:
        import PySide6.QtMultimedia  # noqa: F401
    except ImportError:
        assert not playback.AVAILABLE
    plain = TranscriptView(lambda _m: None)
    qtbot.addWidget(plain)
    plain.show_job(job)
    assert plain.segments.rowCount() == 2 and plain.play_button.isHidden() is (not playback.AVAILABLE)

    played = []

    class FakePlayer(QObject):
        stateChanged = Signal(bool)

        def __init__(self, parent=None):
            super().__init__(parent)
            self.source = None

        def play_from(self, path, seconds):
            played.append((str(path), seconds))

        def stop(self):
            pass

        def toggle(self):
            pass

    monkeypatch.setattr(playback, "AVAILABLE", True)
    monkeypatch.setattr(playback, "SegmentPlayer", FakePlayer)
    view = TranscriptView(lambda _m: None)
    qtbot.addWidget(view)
    view.show_job(job)
    assert not view.play_button.isHidden() and view.play_button.isEnabled()
    view.segments.cellClicked.emit(1, 2)
    assert played == [(str(audio), 1.5)]



def test_a_dropped_video_recording_runs_in_pieces_with_progress_and_shows_one_time_line(main_window, qtbot,
                                                                                         sandbox, tmp_path):
    from media import speech_like, write_media

    from gui.ui.jobs.columns import state_text

    window = main_window
    wait_models(qtbot, window)
    window.engine.scheduler.recordings.piece_seconds = 20
    sandbox.config.latency = 0.2
    tab = window.tab(TranscriptionTab)
    window.tabs.setCurrentWidget(tab)
    tab.segments.setChecked(True)
    video = write_media(tmp_path / "meeting.mp4", speech_like(70))
    with qtbot.waitSignal(tab.submitted, timeout=5000):
        drop_files(tab.drop_area, [video])
    job = window.engine.store.jobs()[-1]
    live = window.engine.scheduler
    shown: list[str] = []
    live.subscribe(lambda j: j.id == job.id and j.pieces and shown.append(state_text(j, 0)))
    done = wait_done(qtbot, window, [job], timeout=30000)[0]
    assert done.state is JobState.SUCCEEDED, done.error
    assert any(" of " in text and "pieces" in text for text in shown)  # "2 of 4 pieces" in the State column
    assert [j.id for j in window.engine.store.jobs()] == [job.id]  # one row: the pieces stay out of the table
    show_in_preview(qtbot, window, done)
    view = window.preview.transcript
    transcript = parse_transcript(Path(done.result_path).read_bytes(), True)
    assert transcript.segments[-1].end == pytest.approx(70, abs=0.2)  # one time line, to the end
    qtbot.waitUntil(lambda: view.segments.rowCount() == len(transcript.segments), timeout=5000)


def test_drops_go_where_they_belong_with_a_highlight(main_window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent
    from PySide6.QtWidgets import QApplication, QWidget
    from tabs_support import make_png

    from gui.ui.tabs.image_edit import ImageEditTab

    window = main_window
    wait_models(qtbot, window)
    image = make_png(tmp_path / "photo.png", 64, 64)
    table = tmp_path / "questions.csv"
    table.write_text("question\nWhy?\nHow?\n")
    other = tmp_path / "notes.docx"
    other.write_bytes(b"PK")
    window.tabs.setCurrentWidget(window.tab(ChatTab))

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(image))])
    target = window.jobs.view.viewport()
    QApplication.sendEvent(target, QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                                                   Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    highlight = window.findChild(QWidget, "dropHighlight")
    assert highlight.isVisible() and "edit 1 image" in highlight.text()

    drop_files(target, [image])  # an image goes to Image edit, not to Transcription
    assert not highlight.isVisible()
    tab = window.tabs.currentWidget()
    assert isinstance(tab, ImageEditTab) and tab.image_paths() == [str(image)]

    drop_files(window.preview, [table])  # a table opens the batch dialog with it
    dialog = window.batches.dialog
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=5000)
    assert dialog.isVisible() and dialog.table.columns == ["question"]
    dialog.close()

    drop_files(target, [other])  # nothing takes it: say so
    assert ".docx" in window.statusBar().currentMessage()
    from gui.ui.window.drops import sort_files

    assert sort_files([str(tmp_path / "meeting.mov")]).audio  # a video goes to Transcription too
    assert window.engine.store.count() == 0


def test_files_dropped_together_are_named_in_one_message(main_window, qtbot, tmp_path):
    window = main_window
    wait_models(qtbot, window)
    files = [make_wav(tmp_path / f"w{i}.wav", 2) for i in range(2)]
    drop_files(window.jobs.view.viewport(), files)
    qtbot.waitUntil(lambda: "Submitted 2 jobs" in window.statusBar().currentMessage(), timeout=3000)
    assert window.statusBar().toolTip() == window.statusBar().currentMessage()  # the whole text, if cut
