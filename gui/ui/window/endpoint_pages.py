"""The endpoints (TABS: endpoint, title, icon, form class) as a sidebar of icon tiles beside
a stack of forms. A tab bar showed only
four of eight endpoints at 1280 px and cut German titles; the sidebar shows all eight,
marks the current one, and is exactly as wide as its longest title in the language shown."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QWidget,
)

from gui.core.endpoints import Endpoint
from gui.ui.runtime import theme

from gui.ui.tabs.base import TITLES

if TYPE_CHECKING:
    from gui.ui.tabs.base import EndpointTab

ICON = 24
_PAD = 14  # each side of the longest title


@dataclass(frozen=True)
class TabSpec:
    """An endpoint tab before it is built. Speed: a tab's module is imported and its form
    built when the tab is first shown (the first tab at start-up); the sidebar and the menus
    take the title from tabs.base.TITLES, as the tab does."""
    endpoint: Endpoint
    name: str  # the EndpointTab subclass
    icon: str  # resources/icons/endpoints/<icon>.svg

    @property
    def title(self) -> str:
        return TITLES[self.endpoint]  # one place for each tab's title (shown via translate("tabs", ...))

    def load(self) -> type[EndpointTab]:
        return _tab_class(self.name)


# The endpoint tabs, in order. A new tab is one more entry here and in _tab_class.
TABS: list[TabSpec] = [
    TabSpec(Endpoint.CHAT, "ChatTab", "chat"),
    TabSpec(Endpoint.COMPLETIONS, "CompletionsTab", "completions"),
    TabSpec(Endpoint.EMBEDDINGS, "EmbeddingsTab", "embeddings"),
    TabSpec(Endpoint.TRANSCRIPTIONS, "TranscriptionTab", "transcription"),
    TabSpec(Endpoint.TRANSLATIONS, "TranslationTab", "translation"),
    TabSpec(Endpoint.IMAGES, "ImageGenerationTab", "images"),
    TabSpec(Endpoint.IMAGE_EDITS, "ImageEditTab", "image_edit"),
    TabSpec(Endpoint.MODELS, "ModelsTab", "models"),
]


def _tab_class(name: str) -> type[EndpointTab]:
    # Plain import statements, not importlib: PyInstaller finds the frozen app's modules by them.
    if name == "ChatTab":
        from gui.ui.tabs.chat import ChatTab as tab_class
    elif name == "CompletionsTab":
        from gui.ui.tabs.completions import CompletionsTab as tab_class
    elif name == "EmbeddingsTab":
        from gui.ui.tabs.embeddings import EmbeddingsTab as tab_class
    elif name == "TranscriptionTab":
        from gui.ui.tabs.audio import TranscriptionTab as tab_class
    elif name == "TranslationTab":
        from gui.ui.tabs.audio import TranslationTab as tab_class
    elif name == "ImageGenerationTab":
        from gui.ui.tabs.image import ImageGenerationTab as tab_class
    elif name == "ImageEditTab":
        from gui.ui.tabs.image_edit import ImageEditTab as tab_class
    elif name == "ModelsTab":
        from gui.ui.tabs.models import ModelsTab as tab_class
    else:
        raise KeyError(name)
    return tab_class


class EndpointSidebar(QListWidget):
    """One tile per endpoint: icon over title; the current endpoint highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(False)
        self.setIconSize(QSize(ICON, ICON))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setUniformItemSizes(True)
        self.setSpacing(1)
        self.setObjectName("endpointSidebar")
        self._colour_current()
        theme.palette_applied.connect(self._colour_current)

    def _colour_current(self) -> None:
        """The current endpoint in the highlight colour whether or not the list has the focus
        (some platforms grey an unfocused selection), dark enough for its white title to read
        (Fusion's light blue gives 3.7:1)."""
        app = QGuiApplication.palette()
        text = app.color(QPalette.ColorRole.HighlightedText)
        fill = theme.readable(app.color(QPalette.ColorRole.Highlight), text)
        palette = QPalette()  # only these roles: the rest follows the application's palette
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, fill)
            palette.setColor(group, QPalette.ColorRole.HighlightedText, text)
        self.setPalette(palette)

    def add(self, icon: QIcon, title: str) -> None:
        item = QListWidgetItem(icon, title)
        item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.addItem(item)

    def tile_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.item(i).text()) for i in range(self.count())), default=60)
        return max(widest, ICON) + 2 * _PAD

    def fit(self) -> None:
        """Tiles as wide as the longest title (call once the endpoints are added)."""
        width = self.tile_width()
        height = ICON + self.fontMetrics().height() + 14
        self.setGridSize(QSize(width, height))
        for i in range(self.count()):
            self.item(i).setSizeHint(QSize(width, height))
        # The frame and the vertical scroll bar (only on very short windows) on top.
        self.setFixedWidth(width + 2 * self.frameWidth() + 4)


class EndpointPages(QStackedWidget):
    """The endpoint forms, with the sidebar that chooses among them (`self.sidebar`, laid out
    by the window). `pageActivated` fires when the user picks a page (sidebar, menu, keys),
    not when code or a build swaps one in."""
    pageActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sidebar = EndpointSidebar(parent)
        self.sidebar.currentRowChanged.connect(self._picked)
        self.currentChanged.connect(self._follow)

    def add_page(self, page: QWidget, icon: QIcon, title: str) -> int:
        self.sidebar.add(icon, title)
        index = self.addWidget(page)
        if self.sidebar.currentRow() < 0:
            self._follow(self.currentIndex())
        return index

    def replace_page(self, index: int, page: QWidget) -> QWidget:
        """Put `page` at `index` (a lazily built form for its placeholder) without telling anyone."""
        old, current = self.widget(index), self.currentIndex()
        blocked = self.blockSignals(True)
        self.insertWidget(index, page)
        self.removeWidget(old)
        self.setCurrentIndex(current)
        self.blockSignals(blocked)
        return old

    def title(self, index: int) -> str:
        item = self.sidebar.item(index)
        return item.text() if item else ""

    def _picked(self, row: int) -> None:
        if row >= 0 and row != self.currentIndex():
            self.setCurrentIndex(row)
            self.pageActivated.emit(row)

    def _follow(self, index: int) -> None:
        blocked = self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(index)
        self.sidebar.blockSignals(blocked)
