"""Transcripts of a recording's pieces joined into one, on the recording's time line.

Each piece's answer (verbose_json, or any format `subtitles.parse_transcript` reads) is
shifted by the piece's exact offset: segments and words move, ids run on, and the result is
one verbose_json-shaped object whose `duration` is the recording's. It renders to txt, srt,
vtt and json with `subtitles.render` like any single answer."""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from gui.core.formats.subtitles import Transcript, parse_transcript


def _no_space_script(char: str) -> bool:
    # Chinese, Japanese and Thai write without spaces between words.
    name = unicodedata.name(char, "")
    return name.startswith(("CJK", "HIRAGANA", "KATAKANA", "THAI", "IDEOGRAPHIC", "FULLWIDTH"))


def join_text(parts: Sequence[str]) -> str:
    """Pieces' texts as one: a space between them, none between scripts that use none."""
    joined = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if joined and not (_no_space_script(joined[-1]) and _no_space_script(part[0])):
            joined += " "
        joined += part
    return joined


def _shift(items: Any, offset: float) -> list[dict[str, Any]]:
    shifted = []
    for item in items or []:
        if not isinstance(item, dict):
            continue
        moved = dict(item)
        for key in ("start", "end"):
            if isinstance(moved.get(key), (int, float)):
                moved[key] = round(moved[key] + offset, 3)
        shifted.append(moved)
    return shifted


def stitch(pieces: Sequence[tuple[float, float, bytes | str | dict[str, Any]]]) -> dict[str, Any]:
    """`pieces`: (offset, duration, answer) in recording order. Returns verbose_json."""
    texts: list[str] = []
    segments: list[dict[str, Any]] = []
    words: list[dict[str, Any]] = []
    language = None
    end = 0.0
    for offset, duration, answer in pieces:
        if isinstance(answer, dict):
            body = answer
        else:
            transcript: Transcript = parse_transcript(answer)
            body = transcript.body or {
                "text": transcript.text,
                "segments": [{"start": s.start, "end": s.end, "text": s.text} for s in transcript.segments],
            }
        texts.append(str(body.get("text", "")))
        language = language or body.get("language")
        for segment in _shift(body.get("segments"), offset):
            segment["id"] = len(segments)
            if isinstance(segment.get("seek"), (int, float)):
                segment["seek"] = int(segment["seek"] + offset * 100)  # Whisper's seek is in 10 ms frames
            segments.append(segment)
        words.extend(_shift(body.get("words"), offset))
        end = max(end, offset + duration)
    stitched: dict[str, Any] = {"task": "transcribe", "language": language, "duration": round(end, 3),
                                "text": join_text(texts), "segments": segments}
    if words:
        stitched["words"] = words
    return stitched
