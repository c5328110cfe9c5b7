"""What an image file is, from its first bytes (no decoding, no Qt): its format and its
pixel size. Used to name decoded and downloaded images by what they really are, and to
check that an edit's mask matches its image before anything is uploaded."""
from __future__ import annotations

import struct

SNIFF_BYTES = 64 * 1024  # enough for any JPEG's SOF marker after ordinary metadata


def image_format(head: bytes) -> str | None:
    """"png", "jpeg", "webp", "gif" or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    return None


def extension_for(head: bytes, default: str = "png") -> str:
    fmt = image_format(head)
    return {"jpeg": "jpg"}.get(fmt or "", fmt or default)


def size_from_head(head: bytes) -> tuple[int, int] | None:
    fmt = image_format(head)
    try:
        if fmt == "png" and head[12:16] == b"IHDR":
            return struct.unpack(">II", head[16:24])
        if fmt == "gif":
            return struct.unpack("<HH", head[6:10])
        if fmt == "webp":
            return _webp_size(head)
        if fmt == "jpeg":
            return _jpeg_size(head)
    except struct.error:
        return None
    return None


def _webp_size(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8X":
        w = int.from_bytes(head[24:27], "little") + 1
        h = int.from_bytes(head[27:30], "little") + 1
        return w, h
    if chunk == b"VP8L":
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 ":
        w, h = struct.unpack("<HH", head[26:30])
        return w & 0x3FFF, h & 0x3FFF
    return None


def _jpeg_size(head: bytes) -> tuple[int, int] | None:
    pos = 2
    while pos + 9 < len(head):
        if head[pos] != 0xFF:
            return None
        marker = head[pos + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        length = struct.unpack(">H", head[pos + 2:pos + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            h, w = struct.unpack(">HH", head[pos + 5:pos + 9])
            return w, h
        pos += 2 + length
    return None
