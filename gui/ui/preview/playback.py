"""Playing the audio of a transcript from a segment's start. Qt Multimedia lives in
PySide6-Addons, which Queue Desk does not depend on: when it is missing (or has no
backend), `AVAILABLE` is False and the transcript preview hides the play feature."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal

try:  # optional: PySide6-Addons
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
except ImportError:  # pragma: no cover - depends on the installation
    QAudioOutput = QMediaPlayer = None  # type: ignore[assignment,misc]

AVAILABLE = QMediaPlayer is not None


class SegmentPlayer(QObject):
    """Plays one file from a position; position changes are reported in seconds."""

    positionChanged = Signal(float)
    stateChanged = Signal(bool)  # playing

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not AVAILABLE:
            raise RuntimeError("Qt Multimedia is not installed")
        self._player = QMediaPlayer(self)
        self._output = QAudioOutput(self)
        self._player.setAudioOutput(self._output)
        self._source: str | None = None
        self._pending: float | None = None
        self._player.positionChanged.connect(lambda ms: self.positionChanged.emit(ms / 1000))
        self._player.playbackStateChanged.connect(
            lambda s: self.stateChanged.emit(s == QMediaPlayer.PlaybackState.PlayingState))
        self._player.mediaStatusChanged.connect(self._status)

    @property
    def source(self) -> str | None:
        return self._source

    def play_from(self, path: str | Path, seconds: float) -> None:
        source = str(path)
        if source != self._source:
            self._source = source
            self._pending = seconds
            self._player.setSource(QUrl.fromLocalFile(source))  # seek once loaded
        else:
            self._player.setPosition(round(seconds * 1000))
        self._player.play()

    def _status(self, status) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._pending is not None:
            self._player.setPosition(round(self._pending * 1000))
            self._pending = None

    def toggle(self) -> None:
        if self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self._player.pause()
        else:
            self._player.play()

    def stop(self) -> None:
        self._player.stop()
