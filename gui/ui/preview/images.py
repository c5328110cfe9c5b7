"""The image gallery: thumbnails of a job's images, the chosen one large with Fit, zoom
and 100%, its revised prompt, and "Save image…". Images are decoded off the GUI thread
through the safe reader (decompression bombs are refused, not opened)."""
from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.formats.image_info import image_format
from gui.core.jobs.job import Job
from gui.core.jobs.result_images import download_problems, image_files
from gui.ui.runtime.background import spawn
from gui.ui.widgets.image_loading import read_image
from gui.ui.widgets.save_dialog import ask_save, save_and_report, save_like

THUMB = 56
ZOOM_STEP = 1.25


class ImageGallery(QWidget):
    def __init__(self, report: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report = report
        self.job: Job | None = None
        self.paths: list[Path] = []
        self.images: dict[int, QImage] = {}
        self.captions: list[str] = []
        self.current = -1
        self.problems: dict[int, str] = {}  # why an image is not shown, by index
        self.zoom: float | None = None  # None: fit to the window
        self._generation = 0
        self.thumbs = QListWidget(self)
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setFlow(QListWidget.Flow.LeftToRight)
        self.thumbs.setWrapping(False)
        self.thumbs.setIconSize(QSize(THUMB, THUMB))
        self.thumbs.setFixedHeight(THUMB + 36)
        self.thumbs.setMovement(QListWidget.Movement.Static)
        self.thumbs.currentRowChanged.connect(self.select)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.picture)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setWidgetResizable(False)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fit_button = QToolButton(self, text=self.tr("Fit"), checkable=True,
                                      toolTip=self.tr("Fit the image to the window"))
        self.zoom_out = QToolButton(self, text="−", toolTip=self.tr("Zoom out"))
        self.zoom_in = QToolButton(self, text="+", toolTip=self.tr("Zoom in"))
        self.actual = QToolButton(self, text="100%", toolTip=self.tr("Actual pixels"))
        self.zoom_label = QLabel(self)
        self.save_button = QPushButton(self.tr("Save image…"), self)
        self.fit_button.clicked.connect(lambda: self.set_zoom(None))
        self.zoom_in.clicked.connect(lambda: self.set_zoom(self.scale() * ZOOM_STEP))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(self.scale() / ZOOM_STEP))
        self.actual.clicked.connect(lambda: self.set_zoom(1.0))
        self.save_button.clicked.connect(self.ask_save)
        bar = QHBoxLayout()
        for w in (self.fit_button, self.zoom_out, self.zoom_in, self.actual, self.zoom_label):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumbs)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.caption)
        layout.addLayout(bar)
        self._update_controls()

    # -- loading --------------------------------------------------------------------

    def show_job(self, job: Job) -> None:
        self.job = job
        self._generation += 1  # a load still running for an earlier show must not fill this one
        self.thumbs.clear()
        self.images.clear()
        self.problems.clear()
        self.picture.clear()
        self.current = -1
        self.zoom = None
        folder = Path(job.result_path or "").parent
        self.paths = image_files(folder)
        self.captions = self._revised_prompts(job)
        missing = download_problems(folder)
        notes = [self.tr("Image {number} was not downloaded: {reason}").format(number=i, reason=why)
                 for i, why in sorted(missing.items())]
        if not self.paths:
            notes.append(self.tr("This answer holds no images."))
        self.picture.setText("\n".join(notes))
        if notes:
            self._report(" ".join(notes))
        for path in self.paths:
            item = QListWidgetItem(path.name, self.thumbs)
            item.setToolTip(str(path))
        self._update_controls()
        if self.paths:
            spawn(self._load(job, self._generation))

    def _revised_prompts(self, job: Job) -> list[str]:
        try:
            body = json.loads(Path(job.result_path or "").read_bytes())
            return [str(d.get("revised_prompt") or "") for d in body.get("data") or [] if isinstance(d, dict)]
        except (OSError, ValueError, AttributeError):
            return []

    async def _load(self, job: Job, generation: int) -> None:
        loop = asyncio.get_running_loop()
        for index, path in enumerate(list(self.paths)):
            loaded = await loop.run_in_executor(None, read_image, path)
            if generation != self._generation:
                return
            item = self.thumbs.item(index)
            if loaded.image is None:
                self.problems[index] = loaded.problem or ""
                item.setToolTip(loaded.problem or "")
                item.setText(self.tr("{name}\n(not shown)").format(name=path.name))
                self._report(loaded.problem or "")
            else:
                self.images[index] = loaded.image
                item.setIcon(QIcon(QPixmap.fromImage(loaded.image.scaled(
                    THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))))
            if index == 0:
                self.thumbs.setCurrentRow(0)
                self.select(0)

    # -- showing --------------------------------------------------------------------

    def select(self, index: int) -> None:
        if not 0 <= index < len(self.paths):
            return
        self.current = index
        caption = self.captions[index] if index < len(self.captions) else ""
        self.caption.setText(self.tr("Revised prompt: {prompt}").format(prompt=caption) if caption else "")
        self.caption.setVisible(bool(caption))
        self._render()

    def scale(self) -> float:
        image = self.images.get(self.current)
        if image is None:
            return 1.0
        if self.zoom is not None:
            return self.zoom
        view = self.scroll.viewport().size()
        return max(0.01, min(view.width() / image.width(), view.height() / image.height(), 1.0))

    def set_zoom(self, zoom: float | None) -> None:
        self.zoom = None if zoom is None else max(0.05, min(zoom, 16.0))
        self._render()

    def _render(self) -> None:
        image = self.images.get(self.current)
        if image is None:
            self.picture.setText(self.problems.get(self.current) or self.tr("Loading…"))
            self.picture.adjustSize()
            self._update_controls()
            return
        scale = self.scale()
        size = QSize(max(1, round(image.width() * scale)), max(1, round(image.height() * scale)))
        pixmap = QPixmap.fromImage(image)
        if scale != 1.0:
            pixmap = pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(pixmap)
        self.picture.resize(pixmap.size())
        self._update_controls()

    def _update_controls(self) -> None:
        has = self.current in self.images
        for w in (self.fit_button, self.zoom_in, self.zoom_out, self.actual, self.save_button):
            w.setEnabled(has)
        self.fit_button.setChecked(self.zoom is None)
        image = self.images.get(self.current)
        self.zoom_label.setText(f"{self.scale() * 100:.0f}% · {image.width()}×{image.height()}" if image else "")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.zoom is None and self.current in self.images:
            self._render()

    # -- saving ---------------------------------------------------------------------

    def save(self) -> bool:
        return save_like(self.save_button, self.ask_save)

    def ask_save(self) -> None:
        if self.current in self.images:
            path = self.paths[self.current]
            suggested = f"{self.job.endpoint.value}-{self.job.short_id}-{path.name}" if self.job else path.name
            ask_save(self, self.tr("Save the image as"), suggested,
                     ["PNG (*.png)", "JPEG (*.jpg)", "WebP (*.webp)"], self.save_as,
                     {"jpg": "JPEG (*.jpg)", "webp": "WebP (*.webp)"}.get(path.suffix[1:], "PNG (*.png)"))

    def save_as(self, path: str | Path, index: int | None = None) -> Path | None:
        """The image as it came (same format), or converted to what the suffix names."""
        index = self.current if index is None else index
        if not 0 <= index < len(self.paths):
            return None
        source, target = self.paths[index], Path(path)
        try:
            data = source.read_bytes()
        except OSError as exc:
            self._report(self.tr("The image file could not be read: {reason}").format(reason=exc.strerror or exc))
            return None
        wanted = {"jpg": "jpeg", "jpeg": "jpeg", "png": "png", "webp": "webp"}.get(target.suffix[1:].lower(), "png")
        if image_format(data[:16]) != wanted and index in self.images:
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            self.images[index].save(buffer, wanted.upper())
            data = bytes(buffer.data()) or data
        return save_and_report(target, data, self._report)

