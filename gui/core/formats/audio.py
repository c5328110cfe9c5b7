"""Recordings of any container made small enough to send (issue 17).

PyAV (FFmpeg's libraries, shipped inside its wheels) decodes any audio or video file and
keeps only the sound. A file the server takes as it is goes unchanged; anything else is
converted to mono 16 kHz Opus in Ogg (a type the OpenAI specification lists, ~180 KB a
minute) and, when longer than a piece, cut at the quietest moment near each target length.

Nothing here holds a recording whole: sound flows frame by frame through a look-ahead
buffer of twice the search window (a few hundred kilobytes), so a two-hour WAV costs the
same memory as a two-minute one. PyAV is imported on first use; the window does not pay for
it at start-up. Samples are plain bytes (16-bit, mono): numpy would add ~35 MB to the
frozen app for the few sums the silence search needs.
"""
from __future__ import annotations

import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from gui.core.builders.media_bodies import AUDIO_EXTENSIONS
from gui.core.errors import InputProblem, QueueError
from gui.core.i18n import translate

SPEECH_RATE = 16_000  # Whisper resamples to 16 kHz anyway
OPUS_BITRATE = 24_000  # clear speech; ~3 KB a second
CONTAINER_OVERHEAD = 1.1  # Ogg pages and Opus framing over the nominal bit rate, generously
DEFAULT_PIECE_SECONDS = 600  # ten-minute pieces run in parallel through the queue
SEARCH_SECONDS = 5.0  # a cut looks for a pause within this much of its target
WINDOW_SECONDS = 0.02  # energy is compared over 20 ms windows (one Opus frame)
PIECE_SUFFIX = ".ogg"


@dataclass(frozen=True)
class MediaInfo:
    """What a recording's container says about it: its length, whether it holds video, and its file suffix."""
    duration: float  # seconds; 0.0 when the container does not say
    has_video: bool
    suffix: str


@dataclass(frozen=True)
class Piece:
    """One piece cut from a recording: its file, where it starts in the recording and how long it is."""
    path: Path
    offset: float  # seconds from the start of the recording, exact to the sample
    duration: float


def _unreadable(path: Path, reason: str) -> QueueError:
    return InputProblem(translate("Recording", 
        "{name} could not be read as a recording ({reason}). Check that it is an audio or video "
        "file and that it plays.").format(name=path.name, reason=reason))


def _open(path: Path):
    import av

    try:
        container = av.open(str(path), mode="r")
    except (av.FFmpegError, OSError, UnicodeDecodeError) as exc:
        raise _unreadable(path, str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__) from exc
    if not container.streams.audio:
        container.close()
        raise InputProblem(translate("Recording", 
            "{name} has no sound track. Choose a recording with audio.").format(name=path.name))
    return container


def probe(path: str | Path) -> MediaInfo:
    """What the recording is, from its header (no decoding)."""
    path = Path(path)
    container = _open(path)
    try:
        stream = container.streams.audio[0]
        if stream.duration is not None and stream.time_base is not None:
            duration = float(stream.duration * stream.time_base)
        elif container.duration is not None:
            duration = container.duration / 1_000_000  # AV_TIME_BASE
        else:
            duration = 0.0
        has_video = any(s.type == "video" and not _is_cover_art(s) for s in container.streams)
        return MediaInfo(duration, has_video, path.suffix.lower().lstrip("."))
    finally:
        container.close()


def _is_cover_art(stream) -> bool:
    # An MP3 or M4A with album art shows the picture as a one-frame video stream.
    return bool(getattr(stream, "disposition", 0) & 0x400)  # AV_DISPOSITION_ATTACHED_PIC


def sendable_as_is(path: str | Path, max_bytes: int | None) -> bool:
    """True when the server takes the file unchanged: a listed audio type, sound only,
    within the upload limit. Everything else is converted (and split when long)."""
    path = Path(path)
    if path.suffix.lower().lstrip(".") not in AUDIO_EXTENSIONS:
        return False
    if max_bytes is not None and path.stat().st_size > max_bytes:
        return False
    return not probe(path).has_video


def piece_seconds_for(max_bytes: int | None, piece_seconds: float = DEFAULT_PIECE_SECONDS) -> float:
    """The target length of a piece: the chosen length, shortened so that a piece with
    its search margin stays under the upload limit at the speech bit rate."""
    if max_bytes is None:
        return piece_seconds
    bytes_per_second = OPUS_BITRATE / 8 * CONTAINER_OVERHEAD
    fits = max_bytes / bytes_per_second - SEARCH_SECONDS - 1.0
    if fits < 2 * SEARCH_SECONDS:
        raise InputProblem(translate("Recording", 
            "The upload limit is too small to send any recording in pieces. Raise it in Queue "
            "settings."))
    return min(piece_seconds, fits)


def decode(path: str | Path) -> Iterator[memoryview]:
    """The recording's first sound track as mono 16 kHz 16-bit samples (native byte order),
    a frame at a time."""
    import av

    path = Path(path)
    container = _open(path)
    try:
        stream = container.streams.audio[0]
        context = stream.codec_context
        # Speed: sound that is already what we send (a 16 kHz mono 16-bit WAV) skips the resampler.
        ready = (context.format.name == "s16" and context.layout.name == "mono" and context.sample_rate == SPEECH_RATE)
        resampler = None if ready else av.AudioResampler(format="s16", layout="mono", rate=SPEECH_RATE)
        try:
            for frame in container.decode(stream):
                for out in ([frame] if resampler is None else resampler.resample(frame)):
                    yield memoryview(out.planes[0])[: out.samples * 2]
        except av.FFmpegError as exc:
            raise _unreadable(path, str(exc).splitlines()[0][:120]) from exc
        for out in resampler.resample(None) if resampler is not None else ():
            yield memoryview(out.planes[0])[: out.samples * 2]
    finally:
        container.close()


def quietest_sample(samples: bytes, target: int) -> int:
    """The index (in samples) of the middle of the quietest 20 ms window of `samples`;
    among equally quiet windows the one nearest `target`, so silence is cut near the
    planned length."""
    values = array.array("h")
    values.frombytes(samples[: len(samples) // 2 * 2])
    width = int(SPEECH_RATE * WINDOW_SECONDS)
    count = len(values) // width
    if count == 0:
        return target
    best: tuple[int, int, int] | None = None
    for index in range(count):
        window = values[index * width:(index + 1) * width]
        energy = sum(v * v for v in window)
        middle = index * width + width // 2
        key = (energy, abs(middle - target), middle)
        if best is None or key < best:
            best = key
    return best[2]


class _PieceWriter:
    """One Ogg Opus file being written; samples are appended, the file is closed at a cut."""

    def __init__(self, path: Path) -> None:
        import av

        self.path = path
        self.samples = 0
        self._container = av.open(str(path), mode="w", format="ogg")
        self._stream = self._container.add_stream("libopus", rate=SPEECH_RATE)
        self._stream.layout = "mono"
        self._stream.bit_rate = OPUS_BITRATE
        # CBR, so a piece's size is known from its length and the upload limit always holds.
        # "audio" (CELT) rather than "voip" (SILK): five times less CPU for the same size,
        # and speech at 24 kbit/s wideband stays clear for recognition.
        self._stream.codec_context.options = {"application": "audio", "vbr": "off"}

    def write(self, samples: bytes) -> None:
        import av

        count = len(samples) // 2
        if not count:
            return
        frame = av.AudioFrame(format="s16", layout="mono", samples=count)
        frame.planes[0].update(samples)
        frame.sample_rate = SPEECH_RATE
        frame.pts = self.samples
        self.samples += count
        for packet in self._stream.encode(frame):
            self._container.mux(packet)

    def close(self) -> None:
        for packet in self._stream.encode(None):
            self._container.mux(packet)
        self._container.close()


def split(path: str | Path, folder: str | Path, *, max_bytes: int | None,
          piece_seconds: float = DEFAULT_PIECE_SECONDS,
          search_seconds: float = SEARCH_SECONDS,
          on_piece: Callable[[Piece], None] | None = None) -> list[Piece]:
    """Converts the recording to Opus pieces in `folder` (piece-001.ogg, ...), each cut at
    the quietest moment within `search_seconds` of its target length and never over
    `max_bytes`. Returns the pieces in order with their exact offsets; `on_piece` hears of
    each as soon as it is written (so it can be sent while the next is cut) and may raise to
    stop the cutting."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    length = int(piece_seconds_for(max_bytes, piece_seconds) * SPEECH_RATE)
    search = int(min(search_seconds, length / SPEECH_RATE / 4) * SPEECH_RATE)

    pieces: list[Piece] = []
    buffer = bytearray()  # samples decoded but not yet written (2 bytes each)
    start = 0  # where the current piece begins, in samples from the recording's start
    writer = _PieceWriter(folder / f"piece-{1:03d}{PIECE_SUFFIX}")

    def finished(piece: Piece) -> None:
        if max_bytes is not None and piece.path.stat().st_size > max_bytes:
            # The bit-rate budget above makes this unreachable; a piece over the limit would
            # be refused by the server after a long upload, so stop here instead.
            raise InputProblem(translate("Recording",
                "{name} could not be cut into pieces under the upload limit. Raise the limit in Queue "
                "settings.").format(name=Path(path).name))
        pieces.append(piece)
        if on_piece is not None:
            on_piece(piece)

    def finish() -> None:
        nonlocal start, writer
        writer.close()
        finished(Piece(writer.path, start / SPEECH_RATE, writer.samples / SPEECH_RATE))
        start += writer.samples
        writer = _PieceWriter(folder / f"piece-{len(pieces) + 1:03d}{PIECE_SUFFIX}")

    for chunk in decode(path):
        buffer += chunk
        while True:
            # `buffer` starts at sample start + writer.samples of the recording.
            target = length - writer.samples  # the planned cut, in samples from the buffer's start
            if len(buffer) // 2 < target + search:
                # Not enough look-ahead yet: write what certainly belongs to this piece, a
                # second or more at a time (speed: fewer, larger frames for the encoder).
                ready = min(max(target - search, 0), len(buffer) // 2)
                if ready >= SPEECH_RATE or (ready and ready == target - search):
                    writer.write(bytes(buffer[:ready * 2]))
                    del buffer[:ready * 2]
                break
            low = max(target - search, 0)
            cut = low + quietest_sample(bytes(buffer[low * 2:(target + search) * 2]), target - low)
            writer.write(bytes(buffer[:cut * 2]))
            del buffer[:cut * 2]
            finish()
    writer.write(bytes(buffer))
    writer.close()
    if writer.samples or not pieces:
        finished(Piece(writer.path, start / SPEECH_RATE, writer.samples / SPEECH_RATE))
    else:
        writer.path.unlink(missing_ok=True)  # the recording ended exactly at a cut
    return pieces
