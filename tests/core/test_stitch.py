"""A long recording split, each piece transcribed by the sandbox over real HTTP, and the
answers stitched onto the recording's one time line; and the joining rules on their own."""
from __future__ import annotations

import asyncio
import json

import pytest
from media import speech_like, write_media

from gui.core.api.client import QueueClient
from gui.core.api.wire import Request
from gui.core.builders.media_bodies import audio_request
from gui.core.endpoints import Endpoint
from gui.core.formats import audio
from gui.core.formats.stitch import join_text, stitch
from gui.core.formats.subtitles import parse_transcript, render


@pytest.mark.asyncio
async def test_pieces_through_the_sandbox_stitch_onto_one_time_line(sandbox, tmp_path):
    recording = write_media(tmp_path / "meeting.mp4", speech_like(130))  # video: sent as sound only
    pieces = audio.split(recording, tmp_path / "pieces", max_bytes=25 * 2**20, piece_seconds=30)
    assert len(pieces) >= 4

    async with QueueClient(sandbox.url, "sk-test") as client:
        async def one(piece):
            body, uploads = audio_request(Endpoint.TRANSCRIPTIONS, piece.path, "whisper-large-v3",
                                          response_format="verbose_json", granularities=("word", "segment"))
            return (await client.send(Request(Endpoint.TRANSCRIPTIONS, body, uploads))).json()
        answers = await asyncio.gather(*(one(p) for p in pieces))

    # The sandbox reads each Ogg piece's exact length: its segments end where the piece does.
    for piece, answer in zip(pieces, answers):
        assert answer["duration"] == pytest.approx(piece.duration, abs=0.05)
    whole = stitch([(p.offset, p.duration, a) for p, a in zip(pieces, answers)])
    assert whole["duration"] == pytest.approx(130, abs=0.1)
    starts = [s["start"] for s in whole["segments"]]
    assert starts == sorted(starts) and [s["id"] for s in whole["segments"]] == list(range(len(starts)))
    assert whole["segments"][-1]["end"] == pytest.approx(130, abs=0.1)
    # Every piece's segments landed inside that piece's stretch of the recording.
    for piece, answer in zip(pieces, answers):
        first = answer["segments"][0]
        assert {"start": round(first["start"] + piece.offset, 3), "text": first["text"]}.items() <= \
            next(s for s in whole["segments"] if s["text"] == first["text"]
                 and s["start"] >= piece.offset - 0.01).items()
    assert whole["words"][-1]["end"] == pytest.approx(130, abs=0.5)
    srt = render(parse_transcript(json.dumps(whole)), "srt")
    assert "00:02:0" in srt and srt.count("-->") == len(whole["segments"])


def test_text_joins_with_spaces_except_between_scripts_without_them():
    assert join_text(["Hello there.", " How are you? ", "", "Fine."]) == "Hello there. How are you? Fine."
    assert join_text(["今日は", "晴れです"]) == "今日は晴れです"
    assert join_text(["Meeting 会議", "Next"]) == "Meeting 会議 Next"


def test_plain_and_srt_answers_are_shifted_too():
    srt = "1\n00:00:01,000 --> 00:00:02,500\nHello\n"
    whole = stitch([(0.0, 10.0, "First part."), (10.0, 5.0, srt)])
    assert whole["text"] == "First part. Hello"
    assert whole["segments"] == [{"id": 0, "start": 11.0, "end": 12.5, "text": "Hello"}]
    assert whole["duration"] == 15.0
