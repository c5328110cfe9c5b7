"""Files dropped anywhere on the main window go where they belong: audio and video to
Transcription (or Translation when that is shown), images to Image edit, tables (CSV, TSV,
XLSX, JSONL) to a new batch. While a drag is over the window a highlight says what the
drop will do, or that nothing takes such files."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls

TABLE_EXTENSIONS = ("csv", "tsv", "xlsx", "jsonl")


@dataclass
class Sorted:
    """Dropped paths sorted by where they go: audio (files and folders), images, tables and other files."""
    audio: list[str] = field(default_factory=list)  # files and folders (a folder: its audio files)
    images: list[str] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)


def sort_files(paths: list[str]) -> Sorted:
    from gui.core.builders.media_bodies import (  # Speed: with the first drag, not at start-up
        IMAGE_EXTENSIONS,
        MEDIA_EXTENSIONS,  # audio, recorder and video containers: long or odd ones are cut into pieces
    )

    found = Sorted()
    for path in paths:
        suffix = Path(path).suffix.lower().lstrip(".")
        if Path(path).is_dir() or suffix in MEDIA_EXTENSIONS:
            found.audio.append(path)
        elif suffix in IMAGE_EXTENSIONS:
            found.images.append(path)
        elif suffix in TABLE_EXTENSIONS:
            found.tables.append(path)
        else:
            found.other.append(path)
    return found


def refusal(other: list[str]) -> str:
    kinds = sorted({Path(p).suffix.lower() or Path(p).name for p in other})
    return translate("window_drops", "Queue Desk has no use for {kinds} files. Drop audio or video (to transcribe), "
                                     "images (to edit) or a CSV, TSV, XLSX or JSONL table (for a batch).").format(
        kinds=", ".join(kinds))


def describe(found: Sorted) -> str:
    """What dropping these files will do, in a few words."""
    parts = []
    if found.audio:
        parts.append(translate("window_drops", "transcribe 1 audio file") if len(found.audio) == 1 else
                     translate("window_drops", "transcribe {count} audio files").format(count=len(found.audio)))
    if found.images:
        parts.append(translate("window_drops", "edit 1 image") if len(found.images) == 1 else
                     translate("window_drops", "edit {count} images").format(count=len(found.images)))
    if found.tables:
        parts.append(translate("window_drops", "open {name} as a batch").format(name=Path(found.tables[0]).name))
    if not parts:
        return refusal(found.other)
    return translate("window_drops", "Drop to {what}").format(what=", ".join(parts))


class DropHighlight(QLabel):
    """A frame over the window's content while files are dragged over it. Transparent to
    the mouse, so the drop itself still reaches the widget under the pointer."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("dropHighlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("#dropHighlight { border: 3px dashed palette(highlight); border-radius: 8px;"
                           " background: rgba(61, 123, 217, 40); color: palette(window-text);"
                           " font-size: 14pt; padding: 40px; }")
        self.hide()

    def show_for(self, found: Sorted) -> None:
        self.setText(describe(found))
        self.setGeometry(self.parentWidget().rect().adjusted(8, 8, -8, -8))
        self.raise_()
        self.show()


def route(found: Sorted, *, audio: Callable[[list[str]], object], images: Callable[[list[str]], object],
          table: Callable[[str], object], refuse: Callable[[str], object]) -> None:
    """Hand each kind of file to its taker; say so once for files nothing takes."""
    if found.audio:
        audio(found.audio)
    if found.images:
        images(found.images)
    if found.tables:
        table(found.tables[0])  # one batch at a time: the dialog reads one input
    if found.other:
        refuse(refusal(found.other))
