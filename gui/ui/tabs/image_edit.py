"""The Image edit tab: the image(s) to edit and an optional mask, shown as thumbnails with
their pixel sizes (the mask must match the image), a prompt, n and size."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.api.wire import Upload
from gui.core.builders.media_bodies import (
    IMAGE_EXTENSIONS,
    MAX_EDIT_IMAGES,
    check_image_file,
    image_edit_request,
)
from gui.core.endpoints import IMAGE_QUALITIES, IMAGE_SIZES, Endpoint
from gui.core.errors import InputProblem
from gui.ui.runtime.background import spawn
from gui.ui.tabs.base import EndpointTab, Request, TabContext
from gui.ui.tabs.image import choice, count_spin, set_choice
from gui.ui.widgets.form import heading, hint
from gui.ui.widgets.image_loading import thumbnail

THUMB = 72
_PATH = Qt.ItemDataRole.UserRole


def on_checkerboard(image: QImage) -> QPixmap:
    """A mask is mostly transparent: draw it over a checkerboard so it shows."""
    pixmap = QPixmap(image.size())
    painter = QPainter(pixmap)
    for y in range(0, image.height(), 8):
        for x in range(0, image.width(), 8):
            painter.fillRect(x, y, 8, 8, QColor("#ccc") if (x // 8 + y // 8) % 2 else QColor("#fff"))
    painter.drawImage(0, 0, image)
    painter.end()
    return pixmap


class ImageList(QListWidget):
    """The images to edit; empty, it says how to fill it."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.count() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(8, 8, -8, -8),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("Drop images here (PNG, JPEG, WebP) or use Add images…"))


class ImageEditTab(EndpointTab):
    endpoint = Endpoint.IMAGE_EDITS

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = self.standard_layout()
        self.model_form(layout)

        layout.addWidget(heading(self.tr("Images to edit"), self))
        self.images = ImageList(self)
        self.images.setViewMode(QListWidget.ViewMode.IconMode)
        self.images.setIconSize(QSize(THUMB, THUMB))
        self.images.setGridSize(QSize(THUMB + 40, THUMB + 40))
        self.images.setMovement(QListWidget.Movement.Static)
        self.images.setFixedHeight(THUMB + 56)
        self.images.setWordWrap(True)
        layout.addWidget(self.images)
        self.image_error = self.bind_field("image", self.images)
        layout.addWidget(self.image_error)
        self.add_button = QPushButton(self.tr("Add images…"), self)
        self.add_button.clicked.connect(lambda: self._ask(False))
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)

        layout.addWidget(heading(self.tr("Mask (optional)"), self))
        layout.addWidget(hint(self.tr("A PNG of the same size; its transparent areas are what gets edited."), self))
        self.mask_thumb = QLabel(self)
        self.mask_thumb.setFixedSize(THUMB, THUMB)
        self.mask_thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mask_thumb.setStyleSheet("border: 1px solid palette(mid);")
        self.mask_label = QLabel(self.tr("No mask"), self)
        self.mask_label.setWordWrap(True)
        self.mask_button = QPushButton(self.tr("Choose mask…"), self)
        self.mask_button.clicked.connect(lambda: self._ask(True))
        self.clear_mask_button = QPushButton(self.tr("No mask"), self)
        self.clear_mask_button.clicked.connect(lambda: self.set_mask(None))
        mask_row = QHBoxLayout()
        mask_row.addWidget(self.mask_thumb)
        mask_text = QVBoxLayout()  # the buttons under the name: side by side they widened the form
        mask_text.addWidget(self.mask_label)
        mask_buttons = QHBoxLayout()
        mask_buttons.addWidget(self.mask_button)
        mask_buttons.addWidget(self.clear_mask_button)
        mask_buttons.addStretch(1)
        mask_text.addLayout(mask_buttons)
        mask_row.addLayout(mask_text, 1)
        layout.addLayout(mask_row)
        self.mask_error = self.bind_field("mask", self.mask_label)
        layout.addWidget(self.mask_error)
        self.mask: str | None = None
        self._sizes: dict[str, tuple[int, int] | None] = {}

        self.prompt = self.prompt_box(layout, self.tr("Describe the change. Ctrl+Enter submits."), 5, stretch=0)
        self.n = count_spin(self)
        self.size = choice(self, IMAGE_SIZES, True, self.tr("auto keeps the image's own size"))
        self.quality = choice(self, IMAGE_QUALITIES)
        params = QFormLayout()
        for label, name, widget in ((self.tr("Images (n)"), "n", self.n), (self.tr("Size"), "size", self.size),
                                    (self.tr("Quality"), "quality", self.quality)):
            params.addRow(label, widget)
            params.addRow("", self.bind_field(name, widget))
        layout.addWidget(heading(self.tr("Settings"), self))
        layout.addLayout(params)
        self.add_advanced(layout, '{"background": "transparent"}')
        layout.addStretch(1)

    # -- files ----------------------------------------------------------------------

    def image_paths(self) -> list[str]:
        return [self.images.item(i).data(_PATH) for i in range(self.images.count())]

    def add_images(self, paths: list[str]) -> list[str]:
        self.clear_errors()
        added, problems = [], []
        for path in paths:
            if len(self.image_paths()) >= MAX_EDIT_IMAGES:
                problems.append(self.tr("At most {count} images can be edited together.").format(count=MAX_EDIT_IMAGES))
                break
            try:
                self._sizes[path] = check_image_file(path, "image")
            except InputProblem as problem:
                problems.append(problem.message)
                continue
            if path in self.image_paths():
                continue
            item = QListWidgetItem(self._caption(path), self.images)
            item.setData(_PATH, path)
            item.setToolTip(path)
            added.append(path)
            spawn(self._load_thumbnail(path, item))
        if problems:
            self.show_error("\n".join(problems), self.images)
        self._check_mask()
        return added

    def _caption(self, path: str) -> str:
        size = self._sizes.get(path)
        return f"{Path(path).name}\n{size[0]}×{size[1]}" if size else Path(path).name

    async def _load_thumbnail(self, path: str, target: QListWidgetItem | None) -> None:
        loaded = await asyncio.get_running_loop().run_in_executor(None, thumbnail, path, THUMB)
        if target is None:  # the mask
            if self.mask == path:
                self.mask_thumb.setPixmap(on_checkerboard(loaded.image) if loaded.image else QPixmap())
                self.mask_thumb.setText("" if loaded.image else "?")
                if loaded.problem:
                    self.show_error(loaded.problem, self.mask_label)
            return
        if self.images.row(target) < 0:
            return  # removed meanwhile
        if loaded.image is not None:
            target.setIcon(QIcon(QPixmap.fromImage(loaded.image)))
        else:
            target.setToolTip(loaded.problem or path)
            self.show_error(loaded.problem or "", self.images)

    def remove_selected(self) -> None:
        for item in self.images.selectedItems():
            self.images.takeItem(self.images.row(item))
        self._check_mask()

    def set_mask(self, path: str | None) -> bool:
        self.clear_errors()
        self.mask_thumb.clear()
        if path is None:
            self.mask = None
            self.mask_label.setText(self.tr("No mask"))
            return True
        try:
            self._sizes[path] = check_image_file(path, "mask")
        except InputProblem as problem:
            self.mask = None
            self.mask_label.setText(self.tr("No mask"))
            self.show_error(problem.message, self.mask_label)
            return False
        self.mask = path
        self.mask_label.setText(self._caption(path).replace("\n", " · "))
        spawn(self._load_thumbnail(path, None))
        self._check_mask()
        return True

    def _check_mask(self) -> None:
        """Say at once when the mask does not match the first image."""
        images = self.image_paths()
        if not self.mask or not images:
            return
        mask, image = self._sizes.get(self.mask), self._sizes.get(images[0])
        if mask and image and mask != image:
            self.show_error(self.tr("The mask is {mask_width}×{mask_height} pixels but the image is "
                                    "{image_width}×{image_height}: they must be the same size.")
                            .format(mask_width=mask[0], mask_height=mask[1],
                                    image_width=image[0], image_height=image[1]),
                            self.mask_label)

    def _ask(self, for_mask: bool) -> None:
        dialog = QFileDialog(self, self.tr("Choose the mask (PNG)") if for_mask else self.tr("Choose images to edit"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile if for_mask else QFileDialog.FileMode.ExistingFiles)
        kinds = ("png",) if for_mask else IMAGE_EXTENSIONS
        dialog.setNameFilters([self.tr("Images ({patterns})").format(patterns=" ".join("*." + k for k in kinds)),
                               self.tr("All files ({patterns})").format(patterns="*")])
        if for_mask:
            dialog.fileSelected.connect(self.set_mask)
        else:
            dialog.filesSelected.connect(self.add_images)
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()

    # -- requests ---------------------------------------------------------------------

    def build_requests(self) -> list[Request]:
        return [image_edit_request(
            self.model_picker.current_model(), self.image_paths(), self.prompt.toPlainText(), mask=self.mask,
            n=self.n.value(), size=self.size.currentText().strip(), quality=self.quality.currentText(),
            extra=self.extra(),
        )]

    def fill_form(self, body: dict[str, Any], uploads: list[Upload]) -> None:
        self.set_model(body)
        if isinstance(body.get("prompt"), str):
            self.prompt.setPlainText(body.pop("prompt"))
        self.n.setValue(int(body.pop("n", 1)))
        set_choice(self.size, body.pop("size", None), "auto")
        if body.get("quality") is None or self.quality.findText(str(body["quality"])) >= 0:
            set_choice(self.quality, body.pop("quality", None), "auto")
        self.images.clear()
        self.add_images([u.path for u in uploads if u.field in ("image", "image[]")])
        self.set_mask(next((u.path for u in uploads if u.field == "mask"), None))
