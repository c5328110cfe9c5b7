"""Test recordings made with PyAV on the fly (none are committed): speech-like tone bursts
with pauses, in any container, optionally with a video track."""
from __future__ import annotations

import struct
from pathlib import Path

import av
import numpy as np

RATE = 16_000

# suffix -> (container format, audio codec, video codec or None)
CONTAINERS = {
    "wav": ("wav", "pcm_s16le", None),
    "mp3": ("mp3", "libmp3lame", None),
    "m4a": ("ipod", "aac", None),
    "aac": ("adts", "aac", None),
    "flac": ("flac", "flac", None),
    "ogg": ("ogg", "libopus", None),
    "opus": ("ogg", "libopus", None),
    "webm": ("webm", "libopus", "libvpx"),
    "mp4": ("mp4", "aac", "mpeg4"),
    "mov": ("mov", "aac", "mpeg4"),
    "mkv": ("matroska", "libmp3lame", "mpeg4"),
    "avi": ("avi", "libmp3lame", "mpeg4"),
    "wma": ("asf", "wmav2", None),
}


def speech_like(seconds: float, pause_every: float = 7.0, pause: float = 1.5) -> np.ndarray:
    """A 440 Hz tone that stops for `pause` seconds at the end of every `pause_every`."""
    t = np.arange(int(seconds * RATE)) / RATE
    signal = (np.sin(2 * np.pi * 440 * t) * 8000).astype(np.int16)
    signal[(t % pause_every) > pause_every - pause] = 0
    return signal


def write_media(path: Path, samples: np.ndarray, *, video: bool | None = None) -> Path:
    """Writes `samples` (mono 16 kHz) in the container the suffix names; a video track (a few
    grey frames) is added where the table has a video codec, unless `video` is False."""
    fmt, audio_codec, video_codec = CONTAINERS[path.suffix.lstrip(".")]
    if video is False:
        video_codec = None
    path.parent.mkdir(parents=True, exist_ok=True)
    rate = 16_000 if audio_codec in ("pcm_s16le", "flac", "libopus") else 44_100
    with av.open(str(path), mode="w", format=fmt) as container:
        stream = container.add_stream(audio_codec, rate=rate)
        stream.layout = "mono"
        if audio_codec == "wmav2":
            stream.bit_rate = 64_000  # WMA's encoder wants one
        vstream = None
        if video_codec:
            vstream = container.add_stream(video_codec, rate=5)
            vstream.width, vstream.height, vstream.pix_fmt = 64, 48, "yuv420p"
        resampler = av.AudioResampler(format=stream.codec_context.format.name, layout="mono", rate=rate)
        step = RATE  # a second at a time, as a recorder writes
        for begin in range(0, len(samples), step):
            frame = av.AudioFrame.from_ndarray(samples[begin:begin + step].reshape(1, -1), format="s16",
                                               layout="mono")
            frame.sample_rate = RATE
            for out in resampler.resample(frame):
                for packet in stream.encode(out):
                    container.mux(packet)
        for out in resampler.resample(None):
            for packet in stream.encode(out):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
        if vstream is not None:
            grey = np.full((48, 64, 3), 128, dtype=np.uint8)
            for index in range(int(len(samples) / RATE * 5)):
                frame = av.VideoFrame.from_ndarray(grey, format="rgb24")
                frame.pts = index
                for packet in vstream.encode(frame):
                    container.mux(packet)
            for packet in vstream.encode(None):
                container.mux(packet)
    return path


def wav(seconds: float, tone: int = 0) -> bytes:
    """A small 8 kHz WAV's bytes (a constant tone: files that differ by `tone` differ in content)."""
    rate = 8000
    frames = bytes([tone % 256]) * int(rate * seconds) * 2
    return (b"RIFF" + struct.pack("<I", 36 + len(frames)) + b"WAVEfmt "
            + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16) + b"data" + struct.pack("<I", len(frames)) + frames)
