"""Reading images safely: the pixel size is read from the header first and refused when
it is absurd (a 1 MB PNG can claim 30000×30000 pixels and ask for gigabytes: a
decompression bomb), and QImageReader's allocation limit backs that up. Safe to call
from a worker thread (QImage, not QPixmap)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

MAX_PIXELS = 50_000_000  # ~7000×7000; generated images are at most 4096×4096
ALLOCATION_LIMIT_MB = 256  # Qt's default, stated here so it holds whatever the default becomes
THUMBNAIL_LIMIT_MB = 64


@dataclass
class LoadedImage:
    """An image read from a file: the image (None if it could not be shown), the file's pixel size,
    and the reason in plain words when there is no image."""
    image: QImage | None
    size: QSize  # the file's full pixel size (may be invalid if unreadable)
    problem: str | None = None  # plain words when image is None


def read_image(path: str | Path, *, fit: QSize | None = None, max_pixels: int = MAX_PIXELS,
               allocation_mb: int = ALLOCATION_LIMIT_MB) -> LoadedImage:
    """The image at `path`, scaled down to fit `fit` if given (thumbnails)."""
    name = Path(path).name
    reader = QImageReader(str(path))
    reader.setAllocationLimit(allocation_mb)
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid():
        reason = reader.errorString() if reader.error() != QImageReader.ImageReaderError.UnknownError else ""
        if reason:
            problem = QCoreApplication.translate("image_loading", "{name} is not an image that can be shown ({reason}).")
        else:
            problem = QCoreApplication.translate("image_loading", "{name} is not an image that can be shown.")
        return LoadedImage(None, size, problem.format(name=name, reason=reason.rstrip(".")))
    if size.width() * size.height() > max_pixels:
        return LoadedImage(None, size, QCoreApplication.translate(
            "image_loading", "{name} claims to be {width}×{height} pixels, too large to open safely. "
            "It may be damaged or made to exhaust memory; it was not opened.").format(
                name=name, width=size.width(), height=size.height()))
    if fit is not None and (size.width() > fit.width() or size.height() > fit.height()):
        reader.setScaledSize(size.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return LoadedImage(None, size, QCoreApplication.translate("image_loading", "{name} could not be read: {reason}").format(
            name=name, reason=reader.errorString()))
    return LoadedImage(image, size)


def thumbnail(path: str | Path, edge: int = 96) -> LoadedImage:
    return read_image(path, fit=QSize(edge, edge), allocation_mb=THUMBNAIL_LIMIT_MB)
