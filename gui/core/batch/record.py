"""A batch's record on disk, `results.jsonl`, and where each row's line is in it.

The lines stay in the file: the run keeps one offset per row (8 bytes), so a batch of a
million rows does not hold a million answers in memory. Lines are appended as rows
finish; the whole file is rewritten in input order when a run opens and when it ends."""
from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from gui.core.atomic_files import write_atomic_parts
from gui.core.batch.jsonl import succeeded

NO_LINE = -1
WRITE_CHUNK = 1 << 20  # bytes gathered before each write of the ordered file


class Record:
    def __init__(self, path: Path, rows: int) -> None:
        self.path = path
        self.offsets = array("q", [NO_LINE]) * rows  # row -> where its line starts

    def has(self, index: int) -> bool:
        return self.offsets[index] != NO_LINE

    def scan(self, find: Callable[[str], int | None]) -> Iterator[tuple[int, int, dict[str, Any]]]:
        """(row, offset, parsed line) of each row's line in the file as it is: a succeeded
        line wins over a failed one, else the later one; a line cut off by a crash is skipped."""
        found, ok = array("q", [NO_LINE]) * len(self.offsets), bytearray(len(self.offsets))
        try:
            source = self.path.open("rb")
        except FileNotFoundError:
            return
        with source:
            offset = 0
            for raw in source:
                start, offset = offset, offset + len(raw)
                item = _parse(raw)
                index = find(item["custom_id"]) if item is not None else None
                if index is not None and not ok[index]:
                    found[index], ok[index] = start, succeeded(item)
            for index, start in enumerate(found):
                if start != NO_LINE:
                    item = _parse(_line_at(source, start))
                    if item is not None:
                        yield index, start, item

    def keep(self, index: int, offset: int) -> None:
        self.offsets[index] = offset

    def append(self, lines: list[tuple[int, str]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a+b") as out:
            out.seek(0, 2)
            end = out.tell()
            if end:
                out.seek(-1, 2)
                if out.read(1) != b"\n":
                    out.write(b"\n")  # a line cut off by a crash must not swallow the next one
                    end += 1
            chunk = []
            for index, line in lines:
                data = line.encode("utf-8")
                self.offsets[index] = end
                end += len(data)
                chunk.append(data)
            out.write(b"".join(chunk))

    def write_ordered(self, pending: dict[int, str]) -> None:
        """Rewrite the file with each row's line (from the file, or `pending` not yet
        written there) in input order; rows without a line are left out."""
        offsets = array("q", [NO_LINE]) * len(self.offsets)
        source = self.open()

        def parts() -> Iterator[bytes]:
            at, chunk, size = 0, [], 0
            try:
                for index, offset in enumerate(self.offsets):
                    line = pending[index].encode("utf-8") if index in pending else (
                        _line_at(source, offset) if offset != NO_LINE and source is not None else None)
                    if not line:
                        continue
                    offsets[index] = at
                    at += len(line)
                    chunk.append(line)
                    size += len(line)
                    if size >= WRITE_CHUNK:
                        yield b"".join(chunk)
                        chunk, size = [], 0
                yield b"".join(chunk)
            finally:  # closed before the new file replaces it (Windows refuses to replace an open file)
                if source is not None:
                    source.close()

        write_atomic_parts(self.path, parts())
        self.offsets = offsets

    def open(self) -> IO[bytes] | None:
        """The file as it is now (a later rewrite replaces it, not this open copy)."""
        try:
            return self.path.open("rb")
        except FileNotFoundError:
            return None


def read_line(source: IO[bytes] | None, offset: int, custom_id: str) -> tuple[bytes, dict[str, Any]] | None:
    """The line at `offset` as written and parsed, if it is whole and is `custom_id`'s."""
    if source is None or offset == NO_LINE:
        return None
    raw = _line_at(source, offset)
    item = _parse(raw)
    return (raw, item) if item is not None and item["custom_id"] == custom_id else None


def _line_at(source: IO[bytes], offset: int) -> bytes:
    source.seek(offset)
    line = source.readline()
    # The last line may have lost only its newline to a crash (a line cut off earlier is
    # never at an offset: it does not parse).
    return line if not line or line.endswith(b"\n") else line + b"\n"


_decode = json.JSONDecoder().decode  # speed: json.loads of bytes first guesses their encoding


def _parse(raw: bytes) -> dict[str, Any] | None:
    try:
        item = _decode(raw.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError too
        return None
    return item if isinstance(item, dict) and isinstance(item.get("custom_id"), str) else None
