"""Render resources/icons/queue-desk.svg into every icon file the packages need.

    python packaging/render_icons.py          # writes the files below (commit them)
    python packaging/render_icons.py --check  # exit 1 if a committed file is missing

Outputs:
- packaging/icons/hicolor/<n>x<n>/apps/queue-desk.png for n in 16..512 (Linux, freedesktop
  icon theme layout; install.sh copies the tree into ~/.local/share/icons/hicolor)
- packaging/icons/hicolor/scalable/apps/queue-desk.svg (a copy of the source)
- packaging/windows/queue-desk.ico (16, 24, 32, 48, 64, 128, 256)
- packaging/macos/queue-desk.icns (16 ... 1024)

Rendering uses PySide6's QSvgRenderer (QtSvg ships in PySide6-Essentials). The .ico and
.icns containers are written with Pillow, a build-time dependency only (the `packaging`
extra), never imported by the app.
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "queue-desk.svg"
HICOLOR = ROOT / "packaging" / "icons" / "hicolor"
ICO = ROOT / "packaging" / "windows" / "queue-desk.ico"
ICNS = ROOT / "packaging" / "macos" / "queue-desk.icns"
NAME = "queue-desk"

HICOLOR_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def outputs() -> list[Path]:
    files = [HICOLOR / f"{n}x{n}" / "apps" / f"{NAME}.png" for n in HICOLOR_SIZES]
    return files + [HICOLOR / "scalable" / "apps" / f"{NAME}.svg", ICO, ICNS]


def render_png(renderer, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px PNG")
    buffer.close()
    return bytes(data.data())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that every output exists")
    args = parser.parse_args(argv)
    if args.check:
        missing = [p for p in outputs() if not p.is_file()]
        for path in missing:
            print(f"missing: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if missing else 0

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - QPainter needs it
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot parse {SOURCE}", file=sys.stderr)
        return 1

    sizes = sorted(set(HICOLOR_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES))
    pngs = {n: render_png(renderer, n) for n in sizes}

    for n in HICOLOR_SIZES:
        path = HICOLOR / f"{n}x{n}" / "apps" / f"{NAME}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pngs[n])
    scalable = HICOLOR / "scalable" / "apps" / f"{NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)

    try:
        from PIL import Image
    except ImportError:
        print("Pillow is missing (pip install -e '.[packaging]'): .ico and .icns not written", file=sys.stderr)
        return 1
    images = {n: Image.open(io.BytesIO(data)).convert("RGBA") for n, data in pngs.items()}

    ICO.parent.mkdir(parents=True, exist_ok=True)
    biggest = images[max(ICO_SIZES)]
    # Each size is the renderer's own output, not a downscale of the 256 px image.
    biggest.save(ICO, format="ICO", sizes=[(n, n) for n in ICO_SIZES],
                 append_images=[images[n] for n in ICO_SIZES if n != max(ICO_SIZES)])

    ICNS.parent.mkdir(parents=True, exist_ok=True)
    biggest = images[max(ICNS_SIZES)]
    biggest.save(ICNS, format="ICNS", append_images=[images[n] for n in ICNS_SIZES if n != max(ICNS_SIZES)])

    for path in outputs():
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
