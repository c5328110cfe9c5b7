"""Real PNG images drawn from a hash, with only zlib and struct (no Pillow at runtime).

Speed matters (a 1024x1024 image must take well under 100 ms), so rows are assembled from
pre-built byte runs with slice assignment: no per-pixel Python work.
"""
from __future__ import annotations

import colorsys
import math
import struct
import zlib
from typing import Any

from gui.sandbox.seeds import rng_for

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
Color = tuple[int, int, int]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode_png(width: int, height: int, scanlines: bytes, text: dict[str, str] | None = None) -> bytes:
    """An 8-bit RGB PNG from filtered scanlines (each row: filter byte 0 + width*3 bytes)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    extra = b"".join(
        _chunk(b"tEXt", key.encode("latin-1") + b"\0" + value.encode("latin-1", "replace"))
        for key, value in (text or {}).items()
    )
    # Level 6 costs little here: the rows are long runs that deflate quickly.
    idat = zlib.compress(scanlines, 6)
    return PNG_SIGNATURE + _chunk(b"IHDR", ihdr) + extra + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def png_size(head: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's IHDR, or None if head is not a PNG."""
    if len(head) < 24 or not head.startswith(PNG_SIGNATURE) or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def _palette(rng: Any, count: int) -> list[Color]:
    base = rng.random()
    colors = []
    for i in range(count):
        hue = (base + i / count + rng.uniform(-0.05, 0.05)) % 1.0
        r, g, b = colorsys.hsv_to_rgb(hue, rng.uniform(0.45, 0.9), rng.uniform(0.55, 0.95))
        colors.append((int(r * 255), int(g * 255), int(b * 255)))
    return colors


def draw_png(width: int, height: int, *seed: Any) -> bytes:
    """A gradient with stripes, a diagonal band and circles, all chosen from a hash of seed."""
    rng = rng_for("image", *seed)
    colors = _palette(rng, 6)
    runs = [bytes(c) * width for c in colors]  # slice a run to paint a span of that colour
    top, bottom = colors[0], colors[1]

    stripes = []
    for _ in range(rng.randint(2, 6)):
        x0 = rng.randrange(width)
        x1 = min(width, x0 + max(1, int(width * rng.uniform(0.02, 0.12))))
        y0 = rng.randrange(height // 2 + 1)
        y1 = min(height, y0 + max(1, int(height * rng.uniform(0.3, 1.0))))
        stripes.append((x0, x1, y0, y1, rng.randrange(2, 6)))
    band_offset = rng.uniform(-0.5, 1.0) * width
    band_slope = rng.uniform(-1.5, 1.5)
    band_width = max(1, int(width * rng.uniform(0.03, 0.1)))
    band_color = rng.randrange(2, 6)
    circles = []
    for _ in range(rng.randint(1, 4)):
        radius = max(1, int(min(width, height) * rng.uniform(0.05, 0.3)))
        circles.append((rng.randrange(width), rng.randrange(height), radius, rng.randrange(2, 6)))

    rows = []
    for y in range(height):
        t = y / max(height - 1, 1)
        shade = bytes(round(a + (b - a) * t) for a, b in zip(top, bottom))
        row = bytearray(shade * width)
        for x0, x1, y0, y1, c in stripes:
            if y0 <= y < y1:
                row[x0 * 3:x1 * 3] = runs[c][x0 * 3:x1 * 3]
        a = min(max(int(band_offset + band_slope * y), 0), width)
        b = min(a + band_width, width)
        row[a * 3:b * 3] = runs[band_color][a * 3:b * 3]
        for cx, cy, r, c in circles:
            dy = y - cy
            if -r < dy < r:
                half = int(math.sqrt(r * r - dy * dy))
                a, b = max(cx - half, 0), min(cx + half, width)
                if a < b:
                    row[a * 3:b * 3] = runs[c][a * 3:b * 3]
        rows.append(b"\x00")
        rows.append(row)
    return encode_png(width, height, b"".join(rows), {"Software": "Queue Desk sandbox"})
