"""A batch's record on disk, `results.jsonl`, and where each row's line is in it.

The lines stay in the file: the run keeps one offset per row (8 bytes), so a batch of a
million rows does not hold a million answers in memory. Lines are appended as rows
finish; the whole file is rewritten in input order when a run opens and when it ends
(record_writer.py). Each answered row's result cells go beside it, in step (cells.py)."""
from __future__ import annotations

import json
import os
import zlib
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

from gui.core.atomic_files import move_atomic, open_part, sync_folder, write_all
from gui.core.batch.cells import CELLS_NAME, NO_ENTRY, Cells, CellsFile, Window, entry, moved
from gui.core.batch.jsonl import succeeded

NO_LINE = -1
WRITE_CHUNK = 1 << 20  # bytes gathered before each write of the ordered file


class Ordered(NamedTuple):
    """The record and its cells file written anew in input order, beside them as part files."""
    part: str
    offsets: array  # row -> where its line starts in `part`
    cells_part: str
    cell_offsets: array
    # The files they replace, still open (POSIX): a rename over a file's last name frees its
    # space on the spot, which for a big file takes long; closed later, that is done then.
    old: tuple[IO[bytes], ...]


class Record:
    def __init__(self, path: Path, rows: int, cells_of: Callable[[int, bytes], Cells | None]) -> None:
        """`cells_of(row, line)`: the cells of a line whose entry is not at hand (it parses the line)."""
        self.path = path
        self.offsets = array("q", [NO_LINE]) * rows  # row -> where its line starts
        self.cells = CellsFile(path.with_name(CELLS_NAME), rows)
        self._cells_of = cells_of

    def has(self, index: int) -> bool:
        return self.offsets[index] != NO_LINE

    def scan(self, find: Callable[[str], int | None]) -> Iterator[tuple[int, int, bool]]:
        """(row, offset, whether it succeeded) of each row's line in the file as it is: a
        succeeded line wins over a failed one, else the later one; a line cut off by a crash
        is skipped. Each line is parsed once (a million answers: ~15 s each pass)."""
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
                yield index, start, bool(ok[index])

    def keep(self, index: int, offset: int) -> None:
        self.offsets[index] = offset

    def scan_cells(self) -> None:
        """Find the cells entries of the lines kept."""
        self.cells.scan(self.offsets)

    def append(self, lines: list[tuple[int, str, Cells | None]]) -> None:
        """Append (row, line, its cells: None if it has none) as one write, then the cells."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a+b") as out:
            out.seek(0, 2)
            end = out.tell()
            if end:
                out.seek(-1, 2)
                if out.read(1) != b"\n":
                    out.write(b"\n")  # a line cut off by a crash must not swallow the next one
                    end += 1
            chunk, entries = [], []
            for index, line, cells in lines:
                data = line.encode("utf-8")
                self.offsets[index] = end
                if cells is not None:
                    entries.append((index, entry(index, end, data, cells)))
                else:
                    self.cells.offsets[index] = NO_ENTRY  # its entry, if any, is for its earlier line
                end += len(data)
                chunk.append(data)
            out.write(b"".join(chunk))
        if entries:
            self.cells.append(entries)

    def write_ordered(self, pending: dict[int, tuple[str, Cells | None]]) -> Ordered:
        """Write the file anew with each row's line (from the file, or `pending` not yet
        written there) in input order, rows without a line left out, and the cells file in
        the same order, each entry checked against its line: both as part files beside
        them, which `put_in_place` puts in place. Only reads the record and its offsets, so
        it can run in a worker thread while nothing is appended (a million rows: seconds);
        `settle` ends it."""
        offsets = array("q", [NO_LINE]) * len(self.offsets)
        cell_offsets = array("q", [NO_ENTRY]) * len(self.offsets)
        source, old_cells = self.open(), self.cells.open()
        old = Window(old_cells) if old_cells is not None else None
        folder = str(self.path.parent)
        fd, part = open_part(folder, self.path.name)
        cells_fd, cells_part = open_part(folder, CELLS_NAME)
        try:
            try:
                at, chunk, size, cells_at, cells_chunk = 0, [], 0, 0, []
                for index, offset in enumerate(self.offsets):
                    if index in pending:
                        text, cells = pending[index]
                        line = text.encode("utf-8")
                        data = entry(index, at, line, cells) if cells is not None else None
                    elif offset != NO_LINE and source is not None:
                        line = _line_at(source, offset)
                        if not line:
                            continue
                        data = self._entry(index, at, line, old)
                    else:
                        continue
                    if data is not None:
                        cell_offsets[index] = cells_at
                        cells_at += len(data)
                        cells_chunk.append(data)
                    offsets[index] = at
                    at += len(line)
                    chunk.append(line)
                    size += len(line)
                    if size >= WRITE_CHUNK:
                        write_all(fd, b"".join(chunk))
                        write_all(cells_fd, b"".join(cells_chunk))
                        chunk, size, cells_chunk = [], 0, []
                write_all(fd, b"".join(chunk))
                write_all(cells_fd, b"".join(cells_chunk))
                os.fsync(fd)  # the record survives a power cut; the cells file is a cache
            finally:
                os.close(fd)
                os.close(cells_fd)
        except BaseException:
            _close(source, old_cells)
            Path(part).unlink(missing_ok=True)
            Path(cells_part).unlink(missing_ok=True)
            raise
        old_files = tuple(f for f in (source, old_cells) if f is not None)
        if os.name != "posix":  # closed before the new files replace them: Windows refuses to replace an open file
            _close(*old_files)
            old_files = ()
        return Ordered(part, offsets, cells_part, cell_offsets, old_files)

    def put_in_place(self, ordered: Ordered) -> None:
        """Replace the record and the cells file with those `write_ordered` wrote (quick:
        two renames)."""
        try:
            move_atomic(ordered.part, str(self.path))
        except BaseException:
            _close(*ordered.old)
            Path(ordered.part).unlink(missing_ok=True)
            Path(ordered.cells_part).unlink(missing_ok=True)
            raise
        self.offsets = ordered.offsets
        try:
            # After the record: a crash between the two leaves entries that do not match
            # their lines, which readers pass over.
            move_atomic(ordered.cells_part, str(self.cells.path))
            self.cells.offsets = ordered.cell_offsets
        except OSError:  # e.g. Windows, while an export reads the old file: rows are read from their lines
            Path(ordered.cells_part).unlink(missing_ok=True)
            self.cells.offsets = array("q", [NO_ENTRY]) * len(self.offsets)

    def settle(self, ordered: Ordered) -> None:
        """After `put_in_place` (slow for a big file, as `write_ordered`): the old files let
        go, the new ones made to survive a power cut."""
        _close(*ordered.old)
        sync_folder(self.path.parent)

    def rewrite(self, pending: dict[int, tuple[str, Cells | None]]) -> None:
        """`write_ordered`, put in place at once."""
        ordered = self.write_ordered(pending)
        self.put_in_place(ordered)
        self.settle(ordered)

    def _entry(self, index: int, at: int, line: bytes, old: Window | None) -> bytes | None:
        """Row `index`'s cells entry for `line` from the file, to start at `at` in the new
        record: its entry moved if that is for this very line, else made from the line."""
        where = self.cells.offsets[index]
        found = old.entry(where) if old is not None and where != NO_ENTRY else None
        if found is not None and found[1][3] == len(line) and found[1][4] == zlib.crc32(line):
            return moved(found[0], at)
        cells = self._cells_of(index, line)
        return entry(index, at, line, cells) if cells is not None else None

    def open(self) -> IO[bytes] | None:
        """The file as it is now (a later rewrite replaces it, not this open copy)."""
        try:
            return self.path.open("rb")
        except FileNotFoundError:
            return None


def _close(*files: IO[bytes] | None) -> None:
    for f in files:
        if f is not None:
            f.close()


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
