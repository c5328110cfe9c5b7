"""Each answered row's result cells (the answer's text, its tokens and model), kept beside
the record in `.results.cells` as rows finish, so an export of a million rows does not
parse a million answers again (parsing them cost more than writing the whole CSV).

A cache, never the truth: an entry names the record line it was taken from (where it
starts, its length and CRC-32), and is used only while that very line is there. Anything
else, an entry cut off by a crash, a record rewritten by another process, a folder made
before this file existed, makes the reader parse the line as before; the next rewrite of
the record writes the cells again in input order."""
from __future__ import annotations

import json
import struct
import zlib
from array import array
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, Any

from gui.core.endpoints import Endpoint, ResultKind
from gui.core.jobs.results import answer_text

CELLS_NAME = ".results.cells"
NO_ENTRY = -1
NO_TOKENS = -(1 << 63)
# magic, row, its line's place in the record, that line's length and CRC-32, tokens, then
# the byte lengths of the text and the model that follow
_HEAD = struct.Struct("<2sIqIIqII")
_HEAD_SIZE, _unpack_head = _HEAD.size, _HEAD.unpack_from
_MAGIC = b"c1"
READ_CHUNK = 1 << 20
READ_BEHIND = 1 << 16

Cells = tuple[str, int | None, str]  # text, tokens, the model the answer names ("": none)


def result_text(endpoint: Endpoint, body: Any) -> str:
    text = answer_text(endpoint, body)
    if text is not None:
        return text
    kind = endpoint.spec.result
    if kind is ResultKind.TRANSCRIPT:
        return str(body or "")
    if kind is ResultKind.EMBEDDINGS and isinstance(body, dict):
        data = body.get("data") or []
        first = data[0].get("embedding") if data and isinstance(data[0], dict) else None
        return f"[{len(first)}-dimensional vector]" if isinstance(first, list) else "[vector]"
    if kind is ResultKind.IMAGES and isinstance(body, dict):
        items = [d for d in body.get("data") or [] if isinstance(d, dict)]
        return "\n".join(d.get("url") or d.get("revised_prompt") or f"image {i}" for i, d in enumerate(items, 1))
    return json.dumps(body, ensure_ascii=False) if body is not None else ""


def tokens(body: Any) -> int | None:
    usage = body.get("usage") if isinstance(body, dict) else None
    if not isinstance(usage, dict):
        return None
    if isinstance(usage.get("total_tokens"), int):
        return usage["total_tokens"]
    parts = [usage.get(k) for k in ("prompt_tokens", "completion_tokens", "input_tokens", "output_tokens")]
    numbers = [p for p in parts if isinstance(p, int)]
    return sum(numbers) if numbers else None


_decode = json.JSONDecoder().decode


def line_cells(endpoint: Endpoint, line: str | bytes) -> Cells | None:
    """The cells of a succeeded line (a 200 answer, no error). None for any other line (an
    export reads those whole: there are few) and for cells this file cannot hold."""
    try:
        item = _decode(line if isinstance(line, str) else line.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError too
        return None
    response = item.get("response") if isinstance(item, dict) else None
    if item.get("error") or not isinstance(response, dict) or response.get("status_code") != 200:
        return None
    body = response.get("body")
    if body is None:
        return None
    count = tokens(body)
    if count is not None and (count.__class__ is not int or not NO_TOKENS < count < -NO_TOKENS):
        return None  # True, or a number beyond 64 bits (a hostile server): read whole
    model = body.get("model") if isinstance(body, dict) else None
    return result_text(endpoint, body), count, str(model) if model else ""


def entry(index: int, offset: int, line: bytes, cells: Cells) -> bytes:
    """The entry for row `index` whose record line `line` starts at `offset`."""
    text, count, model = cells
    # surrogatepass: a JSON answer may hold a lone surrogate ("\ud800"), which must come back as it was
    raw_text, raw_model = text.encode("utf-8", "surrogatepass"), model.encode("utf-8", "surrogatepass")
    return _HEAD.pack(_MAGIC, index, offset, len(line), zlib.crc32(line), NO_TOKENS if count is None else count,
                      len(raw_text), len(raw_model)) + raw_text + raw_model


def moved(raw: bytes, offset: int) -> bytes:
    """An entry (as read by `Window.entry`) for its line now starting at `offset`."""
    _, index, _, *rest = _HEAD.unpack_from(raw)
    return _HEAD.pack(_MAGIC, index, offset, *rest) + raw[_HEAD.size:]


class CellsFile:
    """The cells file and where each row's entry is in it (8 bytes a row, as the record's offsets)."""

    def __init__(self, path: Path, rows: int) -> None:
        self.path = path
        self.offsets = array("q", [NO_ENTRY]) * rows

    def append(self, entries: list[tuple[int, bytes]]) -> None:
        """Append (row, entry) pairs; the file is only ever read at places kept here or
        found by `scan`, so whatever a crash left at its end does no harm."""
        with self.path.open("ab") as out:
            at = out.tell()
            for index, data in entries:
                self.offsets[index] = at
                at += len(data)
            out.write(b"".join(data for _, data in entries))

    def scan(self, record_offsets: array) -> None:
        """Find each row's entry for the record line the row has now (a later entry wins);
        the scan stops at an entry cut off by a crash."""
        source = self.open()
        if source is None:
            return
        with source:
            window = Window(source)
            at = 0
            while (head := window.read(at, _HEAD.size)) is not None:
                magic, index, offset, _, _, _, text_size, model_size = _HEAD.unpack(head)
                size = _HEAD.size + text_size + model_size
                if magic != _MAGIC or window.read(at, size) is None:
                    break
                if index < len(self.offsets) and record_offsets[index] == offset:
                    self.offsets[index] = at
                at += size

    def open(self) -> IO[bytes] | None:
        try:
            return self.path.open("rb")
        except FileNotFoundError:
            return None


class Window:
    """Reads an open file at given places through a buffer of about 1 MB: a finished
    batch's record and cells are both in input order, so an export reads each front to back."""

    def __init__(self, source: IO[bytes], lock: AbstractContextManager[Any] | None = None) -> None:
        """`lock`: held while the file is read (readers in other threads share it)."""
        self._source, self._lock = source, lock
        self.start, self.data = 0, b""

    def at(self, offset: int, size: int) -> int:
        """Where in `data` the `size` bytes at `offset` are (-1: the file ends before)."""
        at = offset - self.start
        if at < 0 or at + size > len(self.data):
            if self._lock is not None:
                with self._lock:
                    self._fill(offset, size)
            else:
                self._fill(offset, size)
            at = offset - self.start
            if at + size > len(self.data):
                return -1
        return at

    def read(self, offset: int, size: int) -> bytes | None:
        """`size` bytes at `offset` (None: the file ends before)."""
        at = self.at(offset, size)
        return None if at < 0 else self.data[at:at + size]

    def _fill(self, offset: int, size: int) -> None:
        # From a little before: entries appended as rows finished are nearly in input order.
        start = max(0, offset - READ_BEHIND)
        self._source.seek(start)
        self.start, self.data = start, self._source.read(offset - start + max(size, READ_CHUNK))

    def entry(self, at: int) -> tuple[bytes, tuple[Any, ...]] | None:
        """The whole entry at `at` and its head, or None where there is none."""
        head = self.read(at, _HEAD.size)
        if head is None:
            return None
        fields = _HEAD.unpack(head)
        raw = self.read(at, _HEAD.size + fields[6] + fields[7])
        return None if raw is None or fields[0] != _MAGIC else (raw, fields)


def reader(cells: Window, record: Window, cell_offsets: array, offsets: array) -> Callable[[int], Cells | None]:
    """Row `index`'s cells, from its entry (at `cell_offsets[index]` in the file `cells`
    reads) if the record (read through `record`) still has that entry's line at
    `offsets[index]`; None otherwise. Speed: this runs once per row of an export, so it
    reads the buffers in place."""
    def read(index: int) -> Cells | None:
        at = cell_offsets[index]
        if at == NO_ENTRY:
            return None
        i = at - cells.start
        if i < 0 or i + _HEAD_SIZE > len(cells.data):
            i = cells.at(at, _HEAD_SIZE)
            if i < 0:
                return None
        magic, _, entry_offset, size, crc, count, text_size, model_size = _unpack_head(cells.data, i)
        offset = offsets[index]
        if magic != _MAGIC or entry_offset != offset:
            return None
        end = i + _HEAD_SIZE + text_size + model_size
        if end > len(cells.data):
            i = cells.at(at, end - i)
            if i < 0:
                return None
        j = offset - record.start
        if j < 0 or j + size > len(record.data):
            j = record.at(offset, size)
            if j < 0:
                return None
        if zlib.crc32(record.data[j:j + size]) != crc:
            return None
        data, i = cells.data, i + _HEAD_SIZE
        return (data[i:i + text_size].decode("utf-8", "surrogatepass"), None if count == NO_TOKENS else count,
                data[i + text_size:i + text_size + model_size].decode("utf-8", "surrogatepass"))

    return read
