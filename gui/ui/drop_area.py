"""Dropping files: the audio tabs' drop area, and a filter that lets the whole main
window take audio files (sent to the audio tab on show, or Transcription)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


def local_files(mime: QMimeData) -> list[str]:
    """The local files in a drag (links to web pages and the like are ignored)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class DropArea(QFrame):
    """A framed area that takes many files at once and has a "Choose files…" button."""

    filesDropped = Signal(list)  # local paths
    chooseRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(96)
        self._idle_style = "DropArea { border: 2px dashed palette(mid); border-radius: 6px; }"
        self.setStyleSheet(self._idle_style)
        from gui.core.media_requests import AUDIO_EXTENSIONS  # Speed: with the audio tabs, not at start-up

        kinds = ", ".join(AUDIO_EXTENSIONS)
        self.label = QLabel(f"Drop audio files (or a folder) here — one job per file\n({kinds})", self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.choose_button = QPushButton("Choose audio files…", self)
        self.choose_button.clicked.connect(self.chooseRequested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignHCenter)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if local_files(event.mimeData()):
            event.acceptProposedAction()
            self.setStyleSheet("DropArea { border: 2px dashed palette(highlight); border-radius: 6px;"
                               " background: palette(alternate-base); }")
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        event.acceptProposedAction() if local_files(event.mimeData()) else event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.setStyleSheet(self._idle_style)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        self.setStyleSheet(self._idle_style)
        files = local_files(event.mimeData())
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.filesDropped.emit(files)


class WindowDropFilter(QObject):
    """Installed on the main window: file drops anywhere are handed to `deliver`."""

    def __init__(self, window: QWidget, deliver: Callable[[list[str]], None]) -> None:
        super().__init__(window)
        self._deliver = deliver
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if local_files(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            files = local_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                self._deliver(files)
                return True
        return super().eventFilter(watched, event)
