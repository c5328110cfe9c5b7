"""What becomes of results (Qt-free): embeddings statistics and files (.npy written by
hand), transcripts in every format, file-name templates that must not escape, saving
with plain reasons, curl without the key, url images downloaded by the engine."""
from __future__ import annotations

import asyncio
import base64
import errno
import json
import struct
import time
from pathlib import Path

import pytest
from npy_support import read_npy
from tabs_support import make_wav

from gui.core import atomic_files as files
from gui.core.api.wire import Upload
from gui.core.endpoints import Endpoint
from gui.core.engine import SANDBOX_KEY, Engine
from gui.core.errors import InputProblem
from gui.core.export.curl import curl_command
from gui.core.export.naming import check_template, target_path
from gui.core.export.saving import check_folder, save_file
from gui.core.export.transcripts import ExportOptions, export_transcript
from gui.core.formats.subtitles import parse_transcript, render
from gui.core.formats.vectors import (
    cosine_matrix,
    parse_embeddings,
    to_csv,
    to_json,
    to_npy,
)
from gui.core.jobs.job import Job, JobState

BODY = {"model": "e", "data": [{"index": 1, "embedding": [0.0, 1.0, 0.0]}, {"index": 0, "embedding": [3.0, 4.0, 0.0]}]}


def test_embeddings_stats_and_similarity():
    emb = parse_embeddings(BODY, ["first", "second"])
    assert emb.count == 2 and emb.dimension == 3 and emb.inputs == ["first", "second"]
    assert emb.vectors[0] == [3.0, 4.0, 0.0]  # ordered by index
    assert emb.norms() == [5.0, 1.0]
    matrix = cosine_matrix(emb.vectors)
    assert matrix[0][0] == 1.0 and matrix[0][1] == pytest.approx(0.8) and matrix[1][0] == matrix[0][1]
    packed = base64.b64encode(struct.pack("<3f", 1.0, 2.0, 0.5)).decode()
    assert parse_embeddings({"data": [{"index": 0, "embedding": packed}]}).vectors == [[1.0, 2.0, 0.5]]


def test_embeddings_files(tmp_path):
    emb = parse_embeddings(BODY, ["first", "second, with a comma"])
    shape, values = read_npy(to_npy(emb.vectors))
    assert shape == (2, 3) and values == [3.0, 4.0, 0.0, 0.0, 1.0, 0.0]
    npy = to_npy(emb.vectors)
    header_len = struct.unpack("<H", npy[8:10])[0]
    assert npy[:8] == b"\x93NUMPY\x01\x00" and (10 + header_len) % 64 == 0 and npy[10 + header_len - 1:10 + header_len] == b"\n"
    assert len(npy) == 10 + header_len + 2 * 3 * 4
    rows = to_csv(emb).decode().splitlines()
    assert rows[0] == "index,input,d0,d1,d2" and rows[2].startswith('1,"second, with a comma",0.0,1.0')
    saved = json.loads(to_json(emb))
    assert saved["dimension"] == 3 and saved["data"][1]["input"] == "second, with a comma"
    try:
        import numpy
    except ImportError:
        return
    path = tmp_path / "v.npy"
    path.write_bytes(npy)
    assert numpy.load(path).tolist() == emb.vectors


SRT = "1\n00:00:00,000 --> 00:00:02,500\nHello there.\n\n2\n00:00:02,500 --> 00:01:05,040\nSecond line.\n"


def test_transcripts_in_every_format():
    t = parse_transcript(SRT)
    assert [(s.start, s.end, s.text) for s in t.segments] == [(0.0, 2.5, "Hello there."), (2.5, 65.04, "Second line.")]
    assert render(t, "srt") == SRT
    vtt = render(t, "vtt")
    assert vtt.startswith("WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nHello there.")
    assert parse_transcript(vtt).segments == t.segments
    assert json.loads(render(t, "json"))["segments"][1]["end"] == 65.04
    plain = parse_transcript("just words\n")
    assert plain.formats() == ("txt", "json") and render(plain, "txt") == "just words\n"
    with pytest.raises(ValueError, match="no timings"):
        render(plain, "srt")
    verbose = parse_transcript(json.dumps({"text": "a b", "language": "english", "duration": 3.0,
                                           "segments": [{"start": 0, "end": 3.0, "text": " a b"}]}), True)
    assert verbose.timed and verbose.language == "english" and render(verbose, "txt") == "a b\n"


@pytest.mark.parametrize("template, words", [
    ("../{stem}.{format}", "must not leave the output folder"),
    ("/etc/{stem}.{format}", "not an absolute path"),
    ("C:\\temp\\{stem}.txt", "not an absolute path"),
    ("{stem}/../../x.{format}", "must not leave"),
    ("{name}.{format}", "Unknown placeholder {name}"),
    ("{stem", "unmatched"),
    ("{stem}", "Add an extension"),
    ("", "Type a file-name template"),
])
def test_templates_that_escape_or_make_no_sense_are_refused(template, words):
    with pytest.raises(InputProblem) as caught:
        check_template(template)
    assert words in caught.value.message and caught.value.field == "template"


def test_placeholder_values_cannot_escape(tmp_path):
    target = target_path(tmp_path, "{model}/{stem}-{date}.{format}", stem="../../etc/passwd",
                         model="org/../model", format="srt", date=40_000_000)
    assert tmp_path in target.parents
    assert target.parent.name == "org_.._model" and target.name.startswith("_.._etc_passwd-")


def test_saving_explains_folders_and_full_disks(tmp_path, monkeypatch):
    with pytest.raises(InputProblem, match="does not exist"):
        check_folder(tmp_path / "missing")
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputProblem, match="is a file, not a folder"):
        check_folder(tmp_path / "file")
    monkeypatch.setattr("gui.core.export.saving._writable", lambda _p: False)  # root ignores chmod; a read-only mount
    with pytest.raises(InputProblem, match="is read-only"):
        check_folder(tmp_path)
    monkeypatch.undo()

    def full_disk(_fd, _data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "write_all", full_disk)
    with pytest.raises(InputProblem) as caught:
        save_file(tmp_path / "out.txt", "text")
    assert caught.value.message.startswith("The disk is full: out.txt could not be saved.")
    assert list(tmp_path.iterdir()) == [tmp_path / "file"]  # no partial or temporary file left


def finished_transcript(tmp_path: Path, raw: str, suffix: str) -> Job:
    audio = make_wav(tmp_path / "audio" / "Team call.wav")
    job = Job(Endpoint.TRANSCRIPTIONS, {"model": "whisper-large-v3"}, [Upload("file", str(audio))])
    result = tmp_path / "results" / job.id / f"response.{suffix}"
    files.write_atomic(result, raw)
    job.state, job.result_path, job.finished_at = JobState.SUCCEEDED, str(result), 40_000_000.0
    return job


def test_export_next_to_audio_or_into_a_folder(tmp_path):
    job = finished_transcript(tmp_path, SRT, "txt")
    path = export_transcript(job, ExportOptions("vtt"))
    assert path == tmp_path / "audio" / "Team call.vtt" and path.read_text().startswith("WEBVTT")
    out = tmp_path / "out"
    out.mkdir()
    path = export_transcript(job, ExportOptions("txt", str(out), "{date}-{model}-{stem}.{format}"))
    day = time.strftime("%Y-%m-%d", time.localtime(40_000_000))
    assert path == out / f"{day}-whisper-large-v3-Team call.txt"
    assert path.read_text() == "Hello there. Second line.\n"
    again = export_transcript(job, ExportOptions("txt", str(out), "{date}-{model}-{stem}.{format}", overwrite=False))
    assert again.name == f"{day}-whisper-large-v3-Team call (2).txt"
    with pytest.raises(InputProblem, match="does not exist"):
        export_transcript(job, ExportOptions("txt", str(tmp_path / "nope")))


def test_curl_never_shows_the_key(tmp_path):
    chat = Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": "it's \"quoted\""}]})
    text = curl_command("https://example.test/queue", chat)
    assert 'Authorization: Bearer $OPENAI_API_KEY' in text and "sk-" not in text
    assert "https://example.test/queue/chat/completions" in text and "it'\"'\"'s" in text
    audio = Job(Endpoint.TRANSCRIPTIONS, {"model": "w", "timestamp_granularities": ["word"]},
                [Upload("file", "/data/my talk.wav")])
    text = curl_command("https://example.test/queue", audio)
    assert "-F 'file=@/data/my talk.wav'" in text and "--form-string 'timestamp_granularities[]=word'" in text


def test_the_details_view_and_curl_read_one_taking_apart_of_the_request():
    from gui.core.export.curl import request_parts

    audio = Job(Endpoint.TRANSCRIPTIONS, {"model": "w", "timestamp_granularities": ["word", "segment"]},
                [Upload("file", "/data/a.wav")])
    parts = request_parts("http://127.0.0.1:9/queue/", audio)
    assert (parts.method, parts.url, parts.files) == ("POST", "http://127.0.0.1:9/queue/audio/transcriptions",
                                                      [("file", "/data/a.wav")])
    assert parts.fields == [("model", "w"), ("timestamp_granularities[]", "word"),
                            ("timestamp_granularities[]", "segment")]


def test_url_images_are_downloaded_when_the_job_finishes(sandbox, home):
    async def run() -> tuple[Job, bytes]:
        engine = Engine.open(sandbox.url, SANDBOX_KEY, home=home)
        try:
            job = engine.scheduler.submit(Job(Endpoint.IMAGES, {"model": "gpt-image-1", "prompt": "a boat", "n": 2,
                                                                "size": "64x64", "response_format": "url"}))
            await engine.scheduler.wait()
            # The key goes to the API's host only: the same file through another host name gets none.
            url = json.loads(Path(job.result_path).read_bytes())["data"][0]["url"]
            other_host = await engine.client.fetch_file(url.replace("127.0.0.1", "localhost"))
            return job, other_host
        finally:
            await engine.aclose()

    job, other_host = asyncio.run(run())
    assert job.state is JobState.SUCCEEDED
    folder = Path(job.result_path).parent
    assert sorted(p.name for p in folder.glob("image-*")) == ["image-1.png", "image-2.png"]
    assert (folder / "image-1.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert other_host == (folder / "image-1.png").read_bytes()
    file_gets = [r for r in sandbox.requests if r.path.startswith("/files/")]
    assert len(file_gets) == 3
    assert ["authorization" in r.headers for r in file_gets] == [True, True, False]


def test_a_failed_download_is_noted_not_fatal(tmp_path):
    from gui.core.errors import ErrorKind, QueueError
    from gui.core.jobs.result_images import download_images, download_problems

    class Client:
        async def fetch_file(self, url):
            if url.endswith("gone"):
                raise QueueError(ErrorKind.EXPIRED, "The link answered 404; it may have expired.")
            return b"not an image"

    body = {"data": [{"url": "https://cdn.test/gone"}, {"url": "https://cdn.test/junk"}]}
    assert asyncio.run(download_images(Client(), tmp_path, body)) == []
    problems = download_problems(tmp_path)
    assert "expired" in problems[1] and "did not return an image" in problems[2]


def test_the_preview_and_the_batch_export_take_the_same_answer_text(tmp_path):
    """Answer text is taken out in one place (results.answer_text) for both."""
    from gui.core.batch.export import result_text
    from gui.core.jobs.results import read_text

    chat = {"choices": [{"message": {"content": [{"type": "text", "text": "Hi"}, {"type": "text", "text": "!"}]}},
                        {"message": {"content": None, "refusal": "No."}}]}
    transcript = {"text": "Hello there.", "segments": []}
    for endpoint, body in ((Endpoint.CHAT, chat), (Endpoint.TRANSCRIPTIONS, transcript)):
        raw = tmp_path / f"{endpoint.value}.json"
        raw.write_text(json.dumps(body))
        assert read_text(raw, endpoint) == result_text(endpoint, body)
    assert result_text(Endpoint.CHAT, chat) == "Hi!\n\n---\n\nNo."
