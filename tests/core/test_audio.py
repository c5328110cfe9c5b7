"""Recordings of any container: probing, sound-only decoding, the silence search and the
split into pieces that cover the whole recording on one time line, under the upload limit."""
from __future__ import annotations

import numpy as np
import pytest
from media import CONTAINERS, RATE, speech_like, write_media

from gui.core.errors import ErrorKind, QueueError
from gui.core.formats import audio


@pytest.mark.parametrize("suffix", sorted(CONTAINERS))
def test_every_container_decodes_to_its_sound(tmp_path, suffix):
    path = write_media(tmp_path / f"meeting.{suffix}", speech_like(12))
    info = audio.probe(path)
    assert info.has_video == (CONTAINERS[suffix][2] is not None)
    decoded = np.frombuffer(b"".join(audio.decode(path)), dtype=np.int16)
    # Lossy codecs pad a few frames at the ends; the length is the recording's within 0.1 s.
    assert abs(len(decoded) / RATE - 12) < 0.1
    assert 0.5 < np.abs(decoded.astype(np.int64)).mean() / 8000 * np.pi / 2 < 1.5  # the tone survived


def test_a_file_without_sound_or_not_media_is_refused_in_words(tmp_path):
    text = tmp_path / "notes.mp3"
    text.write_text("not a recording")
    with pytest.raises(QueueError) as caught:
        audio.probe(text)
    assert caught.value.kind is ErrorKind.INPUT and "notes.mp3" in str(caught.value)


def test_only_listed_sound_files_under_the_limit_go_as_they_are(tmp_path):
    wav = write_media(tmp_path / "a.wav", speech_like(3))
    assert audio.sendable_as_is(wav, max_bytes=10**7)
    assert not audio.sendable_as_is(wav, max_bytes=1000)  # over the limit
    assert not audio.sendable_as_is(write_media(tmp_path / "v.mp4", speech_like(3)), max_bytes=10**7)  # video
    assert audio.sendable_as_is(write_media(tmp_path / "s.mp4", speech_like(3), video=False), max_bytes=10**7)
    assert not audio.sendable_as_is(write_media(tmp_path / "w.wma", speech_like(3)), max_bytes=10**7)  # type


def test_the_quietest_window_nearest_the_target_wins():
    samples = np.full(RATE * 10, 5000, dtype=np.int16)
    samples[2 * RATE:3 * RATE] = 0  # a pause at 2-3 s
    samples[7 * RATE:8 * RATE] = 0  # and one at 7-8 s
    assert 7 * RATE <= audio.quietest_sample(samples.tobytes(), target=6 * RATE) < 8 * RATE
    assert 2 * RATE <= audio.quietest_sample(samples.tobytes(), target=4 * RATE) < 3 * RATE
    noisy = np.full(RATE, 5000, dtype=np.int16)
    noisy[RATE // 2: RATE // 2 + 400] = 100  # only a dip, no silence: the dip still wins
    assert abs(audio.quietest_sample(noisy.tobytes(), target=100) - RATE // 2) <= 400


def test_pieces_cover_the_recording_and_cut_in_pauses(tmp_path):
    recording = speech_like(95)  # pauses at 5.5-7, 12.5-14, 19.5-21, ...
    path = write_media(tmp_path / "long.wav", recording)
    pieces = audio.split(path, tmp_path / "pieces", max_bytes=None, piece_seconds=20, search_seconds=3)
    assert len(pieces) >= 4
    assert pieces[0].offset == 0
    for before, after in zip(pieces, pieces[1:]):
        assert after.offset == pytest.approx(before.offset + before.duration)  # no gap, no overlap
        t = after.offset
        assert recording[int(t * RATE) - 80:int(t * RATE) + 80].any() == False  # noqa: E712 - a cut in a pause
    assert pieces[-1].offset + pieces[-1].duration == pytest.approx(95, abs=0.01)
    for piece in pieces:
        info = audio.probe(piece.path)
        assert info.suffix == "ogg" and not info.has_video
        assert info.duration == pytest.approx(piece.duration, abs=0.05)


def test_a_cut_without_a_pause_still_comes_near_the_target(tmp_path):
    tone = (np.sin(2 * np.pi * 440 * np.arange(RATE * 30) / RATE) * 8000).astype(np.int16)
    path = write_media(tmp_path / "tone.flac", tone)
    pieces = audio.split(path, tmp_path / "p", max_bytes=None, piece_seconds=10, search_seconds=2)
    assert [round(p.offset) for p in pieces][:3] in ([0, 10, 20], [0, 9, 19], [0, 11, 21], [0, 10, 19],
                                                    [0, 10, 21], [0, 9, 20], [0, 11, 20])
    assert all(8 <= p.duration <= 12 for p in pieces[:-1])


def test_the_upload_limit_shortens_pieces_and_always_holds(tmp_path):
    path = write_media(tmp_path / "long.mp3", speech_like(120))
    limit = 60_000  # ~12 s pieces of speech Opus
    pieces = audio.split(path, tmp_path / "pieces", max_bytes=limit)
    assert len(pieces) >= 8
    assert all(p.path.stat().st_size <= limit for p in pieces)
    assert sum(p.duration for p in pieces) == pytest.approx(120, abs=0.1)


def test_a_limit_too_small_for_any_piece_says_so(tmp_path):
    with pytest.raises(QueueError) as caught:
        audio.piece_seconds_for(10_000)
    assert "upload limit" in str(caught.value)
