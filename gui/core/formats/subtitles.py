"""Transcripts in every format the audio endpoints answer (json, verbose_json, text, srt,
vtt), read into one shape (text plus timed segments) and written out as txt, srt, vtt or
json. Subtitles need timings: they can be made from verbose_json, srt and vtt answers."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gui.core.i18n import translate

EXPORT_FORMATS = ("txt", "srt", "vtt", "json")
_CUE_TIME = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})")


@dataclass
class Segment:
    """One timed stretch of a transcript: its start and end in seconds and its text."""
    start: float
    end: float
    text: str


@dataclass
class Transcript:
    """A transcript in one shape whatever format it came in: the text, its timed segments if any,
    the language and duration, and the JSON answer when there was one."""
    text: str
    segments: list[Segment] = field(default_factory=list)
    language: str | None = None
    duration: float | None = None
    body: dict[str, Any] | None = None  # the JSON answer, when the server sent JSON

    @property
    def timed(self) -> bool:
        return bool(self.segments)

    def formats(self) -> tuple[str, ...]:
        """What it can be saved as: subtitles only with timings."""
        return EXPORT_FORMATS if self.timed else ("txt", "json")


def parse_transcript(content: bytes | str, is_json: bool | None = None) -> Transcript:
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    if is_json is None:
        is_json = text.lstrip().startswith("{")
    if is_json:
        body = json.loads(text)
        if not isinstance(body, dict):
            raise ValueError(translate("subtitles", "the transcript is not a JSON object"))
        segments = [Segment(float(s.get("start") or 0), float(s.get("end") or 0), str(s.get("text", "")).strip())
                    for s in body.get("segments") or [] if isinstance(s, dict)]
        duration = body.get("duration")
        return Transcript(str(body.get("text", "")).strip(), segments, body.get("language"),
                          float(duration) if isinstance(duration, (int, float)) else None, body)
    stripped = text.lstrip("\ufeff").lstrip()
    if stripped.startswith("WEBVTT") or (stripped[:1].isdigit() and "-->" in stripped[:200]):
        segments = parse_cues(stripped)
        return Transcript(" ".join(s.text for s in segments), segments,
                          duration=segments[-1].end if segments else None)
    return Transcript(text.strip())


def read_transcript(raw_path: str | Path) -> Transcript:
    path = Path(raw_path)
    return parse_transcript(path.read_bytes(), path.suffix == ".json")


def parse_cues(text: str) -> list[Segment]:
    """SRT or WebVTT cues: a timing line `a --> b`, then text lines up to a blank line."""
    segments = []
    lines = text.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if "-->" in line:
            left, _, right = line.partition("-->")
            start, end = _seconds(left), _seconds(right.strip().split(" ")[0])
            i += 1
            body = []
            while i < len(lines) and lines[i].strip():
                body.append(lines[i].strip())
                i += 1
            if start is not None and end is not None:
                segments.append(Segment(start, end, " ".join(body)))
        i += 1
    return segments


def _seconds(stamp: str) -> float | None:
    match = _CUE_TIME.search(stamp.strip())
    if not match:
        return None
    hours, minutes, secs, millis = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs) + int(millis.ljust(3, "0")) / 1000


def timestamp(seconds: float, separator: str = ",") -> str:
    millis = max(0, round(seconds * 1000))
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def short_time(seconds: float) -> str:
    """`1:05.2` for the segment list."""
    minutes, secs = divmod(max(0.0, seconds), 60)
    hours, minutes = divmod(int(minutes), 60)
    return f"{hours}:{minutes:02d}:{secs:04.1f}" if hours else f"{minutes}:{secs:04.1f}"


def render(transcript: Transcript, fmt: str) -> str:
    if fmt == "txt":
        return transcript.text + "\n"
    if fmt == "srt":
        _need_timings(transcript, fmt)
        return "\n".join(f"{i}\n{timestamp(s.start)} --> {timestamp(s.end)}\n{s.text}\n"
                         for i, s in enumerate(transcript.segments, start=1))
    if fmt == "vtt":
        _need_timings(transcript, fmt)
        return "WEBVTT\n\n" + "\n".join(f"{timestamp(s.start, '.')} --> {timestamp(s.end, '.')}\n{s.text}\n"
                                        for s in transcript.segments)
    if fmt == "json":
        body = transcript.body or {"text": transcript.text, **({"segments": [
            {"id": i, "start": s.start, "end": s.end, "text": s.text} for i, s in enumerate(transcript.segments)
        ]} if transcript.segments else {})}
        return json.dumps(body, indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown transcript format {fmt!r}")


def _need_timings(transcript: Transcript, fmt: str) -> None:
    if not transcript.timed:
        raise ValueError(translate("subtitles", "This transcript has no timings, so it cannot be saved as {format}. "
                                                "Ask for verbose_json, srt or vtt to get them.").format(format=fmt))
