"""Dropping files: the audio tabs' drop area, and a filter that lets the whole main
window take audio files (sent to the audio tab on show, or Transcription)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
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
        from gui.core.builders.media_bodies import (
            MEDIA_EXTENSIONS,  # Speed: with the audio tabs, not at start-up
        )

        kinds = ", ".join(MEDIA_EXTENSIONS)
        self.label = QLabel(self.tr("Drop audio files (or a folder) here — one job per file\n({kinds})")
                            .format(kinds=kinds), self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose audio files…"), self)
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
    """The main window's drops: file drops anywhere are handed to `deliver`. The window's
    drag-and-drop handlers call `drag` and `drop`. Speed: not an event filter, which would
    run Python for every event the window gets, and whose first event makes PySide create
    the Python types of every Qt event class (~5 ms at start-up)."""

    hovering = Signal(list)  # local paths being dragged over the window (show what a drop does)
    left = Signal()  # the drag left, or ended in a drop

    def __init__(self, window: QWidget, deliver: Callable[[list[str]], None]) -> None:
        super().__init__(window)
        self._deliver = deliver
        window.setAcceptDrops(True)

    def drag(self, event: QDragMoveEvent) -> bool:
        """DragEnter and DragMove: whether the window takes it."""
        files = local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            if isinstance(event, QDragEnterEvent):
                self.hovering.emit(files)
            return True
        return False

    def leave(self) -> None:
        self.left.emit()

    def drop(self, event: QDropEvent) -> bool:
        self.left.emit()
        files = local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self._deliver(files)
            return True
        return False
