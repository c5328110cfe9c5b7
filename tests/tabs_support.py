"""Helpers for the endpoint-tab tests: media files made on the spot (WAV, PNG, a PNG that
claims absurd dimensions), waiting for jobs, and real drag-and-drop events."""
from __future__ import annotations

import struct
import wave
import zlib
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def make_wav(path: Path, seconds: float = 8.0, rate: int = 8000) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x00\x01" * int(rate * seconds))
    return path


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def make_png(path: Path, width: int, height: int, rgb: tuple[int, int, int] = (40, 120, 200)) -> Path:
    row = b"\x00" + bytes(rgb) * width
    data = PNG_SIGNATURE + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    data += _chunk(b"IDAT", zlib.compress(row * height)) + _chunk(b"IEND", b"")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def make_bomb_png(path: Path, side: int = 30000) -> Path:
    """A tiny file whose header claims side×side pixels (gigabytes when decoded): a
    decompression bomb as far as any reader that trusts the header is concerned."""
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
    body = _chunk(b"IDAT", zlib.compress(b"\x00" * (side * 3 + 1) * 4))  # the first rows only
    path.write_bytes(PNG_SIGNATURE + header + body + _chunk(b"IEND", b""))
    return path


def drop_files(target, paths: list[Path]):
    """A real drag: DragEnter (accepted) then Drop with file URLs, through QApplication,
    as the platform delivers them. Returns the drop event."""
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = target.rect().center()
    enter = QDragEnterEvent(QPoint(pos.x(), pos.y()), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted(), "the drag was not accepted"
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    return drop


def wait_done(qtbot, window, jobs, timeout: int = 20000) -> list:
    """Wait until every job is terminal in the window's table model; returns their live copies."""
    ids = [j.id for j in jobs]

    def done() -> bool:
        live = [window.model.job(i) for i in ids]
        return all(j is not None and j.state.terminal for j in live)

    qtbot.waitUntil(done, timeout=timeout)
    return [window.model.job(i) for i in ids]


def wait_models(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.catalog.loading and bool(window.catalog.models), timeout=10000)


def show_in_preview(qtbot, window, job) -> None:
    window.jobs.select_job(job.id)
    # The table (and the preview with it) catches up on a short timer, later on a busy machine.
    qtbot.waitUntil(lambda: window.preview.job is not None and window.preview.job.id == job.id
                    and window.preview.job.state is job.state, timeout=5000)


def listed_models(picker) -> list[str]:
    """The models a ModelPicker lists, in order (separators left out)."""
    combo = picker.combo
    return [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i) is not None]
