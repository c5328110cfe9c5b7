"""Deterministic transcripts for uploaded audio, in every Whisper response format."""
from __future__ import annotations

import math
import re
import struct
from dataclasses import dataclass
from typing import Any

from gui.sandbox.seeds import rng_for

ENGLISH = (
    "Thanks everyone for joining the call this morning.",
    "Let's start with a quick look at last week's numbers.",
    "The queue handled more jobs than ever before.",
    "Most requests finished in under a minute.",
    "A few uploads were larger than we expected.",
    "We should keep an eye on the rate limits.",
    "The new dashboard makes the backlog much easier to read.",
    "Could you share the transcript after the meeting?",
    "I think the second option is the safer choice.",
    "Let's schedule a follow-up for next Tuesday.",
    "The translation results looked accurate to me.",
    "Please save the results before closing the application.",
    "We can retry the failed jobs in the afternoon.",
    "That covers everything on today's agenda.",
    "The weather in Bonn was lovely this weekend.",
    "Nobody lost any work during the outage, which is great.",
)
GERMAN = (
    "Vielen Dank, dass Sie heute dabei sind.",
    "Wir beginnen mit einem kurzen Blick auf die Zahlen.",
    "Die Warteschlange hat mehr Aufträge bearbeitet als je zuvor.",
    "Die meisten Anfragen waren in unter einer Minute fertig.",
    "Einige Dateien waren größer als erwartet.",
    "Wir sollten die Ratenbegrenzung im Blick behalten.",
    "Könnten Sie das Protokoll nach dem Termin teilen?",
    "Ich halte die zweite Option für sicherer.",
    "Lassen Sie uns nächsten Dienstag weitermachen.",
    "Damit sind wir für heute am Ende der Tagesordnung.",
)
LANGUAGE_NAMES = {
    "en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
    "nl": "dutch", "pl": "polish", "pt": "portuguese", "ja": "japanese", "zh": "chinese",
}
_BYTES_PER_SECOND_GUESS = 16_000  # ~128 kbit/s, typical for compressed speech uploads


def wav_duration(head: bytes, size: int) -> float | None:
    """Duration from a RIFF/WAVE header (fmt byte rate and data chunk size), else None."""
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return None
    pos, byte_rate = 12, 0
    while pos + 8 <= len(head):
        chunk_id, chunk_size = head[pos:pos + 4], struct.unpack_from("<I", head, pos + 4)[0]
        if chunk_id == b"fmt " and pos + 20 <= len(head):
            byte_rate = struct.unpack_from("<I", head, pos + 16)[0]
        elif chunk_id == b"data":
            if not byte_rate:
                return None
            # Streamed WAVs write a placeholder size; fall back to what actually arrived.
            available = max(size - (pos + 8), 0)
            data_size = chunk_size if chunk_size <= available else available
            return data_size / byte_rate
        pos += 8 + chunk_size + (chunk_size & 1)
    return None


def ogg_duration(head: bytes, tail: bytes) -> float | None:
    """Duration of an Ogg Opus or Vorbis stream: the granule position of its last page
    (samples at the codec's clock) less Opus's pre-skip, else None. Exact for the pieces
    Queue Desk cuts from long recordings, so their segments can be stitched and checked."""
    if not head.startswith(b"OggS"):
        return None
    last = tail.rfind(b"OggS")
    if last < 0 or last + 14 > len(tail):
        return None
    granule = struct.unpack_from("<q", tail, last + 6)[0]
    if (opus := head.find(b"OpusHead")) >= 0 and opus + 16 <= len(head):
        pre_skip = struct.unpack_from("<H", head, opus + 10)[0]
        return max(granule - pre_skip, 0) / 48_000  # Opus granules count at 48 kHz
    if (vorbis := head.find(b"\x01vorbis")) >= 0 and vorbis + 16 <= len(head):
        rate = struct.unpack_from("<I", head, vorbis + 12)[0]
        return granule / rate if rate else None
    return None


def audio_duration(head: bytes, size: int, tail: bytes = b"") -> float:
    found = wav_duration(head, size)
    if found is None:
        found = ogg_duration(head, tail)
    return found if found is not None else max(size / _BYTES_PER_SECOND_GUESS, 0.5)


@dataclass
class Transcript:
    """A made-up transcript of one upload: the task, the language, the duration and its segments and words."""
    task: str  # "transcribe" | "translate"
    language: str  # full lower-case name, as Whisper reports it
    duration: float
    segments: list[dict[str, Any]]
    words: list[dict[str, Any]]

    @property
    def text(self) -> str:
        return " ".join(segment["text"].strip() for segment in self.segments)


def build_transcript(
    file_digest: bytes, filename: str, duration: float, language: str | None,
    translate: bool, temperature: float = 0.0,
) -> Transcript:
    code = "en" if translate else (language or "en").lower()
    bank = GERMAN if code == "de" else ENGLISH
    rng = rng_for("audio", file_digest, filename)
    # Roughly one sentence per 4 s of audio, at least three so there are always segments.
    count = min(max(round(duration / 4), 3), 200)
    sentences: list[str] = []
    while len(sentences) < count:  # shuffled passes through the bank: no sentence twice in a row
        sentences += rng.sample(bank, len(bank))
    sentences = sentences[:count]
    weights = [len(s.split()) for s in sentences]
    total, elapsed = sum(weights), 0
    segments: list[dict[str, Any]] = []
    words: list[dict[str, Any]] = []
    for index, (sentence, weight) in enumerate(zip(sentences, weights)):
        start = round(duration * elapsed / total, 3)
        elapsed += weight
        end = round(duration * elapsed / total, 3)
        segments.append({
            "id": index,
            "seek": int(start // 30) * 3000,  # Whisper decodes 30 s windows of 10 ms frames
            "start": start,
            "end": end,
            "text": " " + sentence,
            "tokens": [50364 + (hash_word(w) % 1000) for w in sentence.split()],
            "temperature": temperature,
            "avg_logprob": round(-0.1 - 0.3 * rng.random(), 6),
            "compression_ratio": round(1.1 + 0.5 * rng.random(), 6),
            "no_speech_prob": round(0.05 * rng.random(), 6),
        })
        plain = [re.sub(r"[^\w'-]", "", w) for w in sentence.split()]
        step = (end - start) / len(plain)
        words.extend(
            {"word": w, "start": round(start + i * step, 3), "end": round(start + (i + 1) * step, 3)}
            for i, w in enumerate(plain)
        )
    return Transcript(
        "translate" if translate else "transcribe",
        LANGUAGE_NAMES.get(code, code), round(duration, 3), segments, words,
    )


def hash_word(word: str) -> int:
    # str hash() is salted per process; this must be stable.
    return sum((i + 1) * ord(c) for i, c in enumerate(word))


def _timestamp(seconds: float, separator: str) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def to_srt(transcript: Transcript) -> str:
    blocks = [
        f"{i + 1}\n{_timestamp(s['start'], ',')} --> {_timestamp(s['end'], ',')}\n{s['text'].strip()}\n"
        for i, s in enumerate(transcript.segments)
    ]
    return "\n".join(blocks)


def to_vtt(transcript: Transcript) -> str:
    blocks = [
        f"{_timestamp(s['start'], '.')} --> {_timestamp(s['end'], '.')}\n{s['text'].strip()}\n"
        for s in transcript.segments
    ]
    return "WEBVTT\n\n" + "\n".join(blocks)


def render(transcript: Transcript, response_format: str, granularities: list[str]) -> Any:
    """The body for one response_format: a dict for JSON formats, a str for text formats."""
    if response_format == "text":
        return transcript.text + "\n"
    if response_format == "srt":
        return to_srt(transcript)
    if response_format == "vtt":
        return to_vtt(transcript)
    usage = {"type": "duration", "seconds": math.ceil(transcript.duration)}
    if response_format == "json":
        return {"text": transcript.text, "usage": usage}
    body: dict[str, Any] = {
        "task": transcript.task,
        "language": transcript.language,
        "duration": transcript.duration,
        "text": transcript.text,
    }
    # Whisper returns segments unless only word granularity was asked for.
    if "segment" in granularities or "word" not in granularities:
        body["segments"] = transcript.segments
    if "word" in granularities:
        body["words"] = transcript.words
    body["usage"] = usage
    return body
