"""Batch inputs as a table: CSV/TSV (encoding and delimiter detected), Excel .xlsx, a
folder of audio files, or an OpenAI Batch JSONL file shown as rows.

Cells are kept as the file gave them (strings from CSV, typed values from Excel), so an
export writes the input columns back unchanged; templates see each cell as text."""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gui.core.builders.media_bodies import MEDIA_EXTENSIONS
from gui.core.errors import InputProblem
from gui.core.i18n import translate

TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".txt", ".xlsx", ".xlsm", ".jsonl")
# Recordings of any container: long ones and video are cut into pieces when sent (jobs/recordings.py).
AUDIO_SUFFIXES = tuple("." + e for e in MEDIA_EXTENSIONS)
FILE_COLUMN = "file"  # the column an audio-folder table keeps the file paths in
SNIFF_BYTES = 64 * 1024
HEAD_ROWS = 50  # rows read first, for the preview, before the whole file is read
HEAD_BYTES = 256 * 1024


class SourceKind:
    CSV = "csv"
    XLSX = "xlsx"
    AUDIO = "audio"
    JSONL = "jsonl"


@dataclass
class Table:
    """An input table as read from its file: column names, rows of cells, and how the file was read
    (kind, sheet, encoding, delimiter), possibly only its first rows."""
    columns: list[str]
    # Tuples, not lists: the garbage collector stops looking at rows of text, so a million
    # of them cost no long pauses (of the GUI thread too) while they are read.
    rows: list[tuple[Any, ...]]
    source: Path
    kind: str
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)  # every sheet of a workbook
    encoding: str | None = None
    delimiter: str | None = None
    complete: bool = True  # False: only the first rows (read_head); the row count is not known yet

    def __len__(self) -> int:
        return len(self.rows)

    def row_text(self, index: int) -> dict[str, str]:
        """The row as text by column name (the first of duplicate names wins)."""
        values: dict[str, str] = {}
        for name, value in zip(self.columns, self.rows[index]):
            values.setdefault(name, cell_text(value))
        return values

    def describe(self) -> str:
        n, width = len(self.rows), len(self.columns)
        if not self.complete:
            return translate("batch_table", "counting rows…")
        if self.kind == SourceKind.AUDIO:
            return (translate("batch_table", "1 audio file") if n == 1 else
                    translate("batch_table", "{count} audio files").format(count=f"{n:,}"))
        rows = translate("batch_table", "1 row") if n == 1 else translate("batch_table", "{count} rows").format(
            count=f"{n:,}")
        columns = (translate("batch_table", "1 column") if width == 1 else
                   translate("batch_table", "{count} columns").format(count=width))
        if self.kind == SourceKind.CSV:
            delimiter = self.delimiter or ","
            source = {
                "\t": translate("batch_table", "{encoding}, tab-separated"),
                ",": translate("batch_table", "{encoding}, comma-separated"),
                ";": translate("batch_table", "{encoding}, semicolon-separated"),
                "|": translate("batch_table", "{encoding}, pipe-separated"),
            }.get(delimiter) or translate("batch_table", "{encoding}, {delimiter}-separated")
            source = source.format(encoding=self.encoding, delimiter=repr(self.delimiter))
        elif self.kind == SourceKind.XLSX:
            source = translate("batch_table", "sheet “{sheet}”").format(sheet=self.sheet)
        else:
            source = "OpenAI Batch JSONL"
        return f"{rows} · {columns} · {source}"


def cell_text(value: Any) -> str:
    """A cell as a person reads it: 3 not 3.0, dates in ISO form, empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def read_table(path: Path, sheet: str | None = None) -> Table:
    """Read any supported input; problems come back as one plain QueueError."""
    path = Path(path)
    if path.is_dir():
        return read_audio_folder(path)
    if not path.is_file():
        if path.exists():  # a pipe or a device: reading it could block for ever
            raise InputProblem(translate("batch_table", "{path} is not a regular file (a pipe or a "
                                                                       "device). Save the input to a file first.").format(
                path=path))
        raise InputProblem(translate("batch_table", "{path} does not exist.").format(path=path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, sheet)
    if suffix == ".jsonl":
        return read_jsonl_table(path)
    if suffix == ".xls":
        raise InputProblem(translate("batch_table", "{name} is an old Excel file (.xls); save it as "
                                                                   ".xlsx or CSV first.").format(name=path.name))
    return read_csv(path)


def read_head(path: Path, sheet: str | None = None) -> Table:
    """The first rows of a table file, fast however big it is (`complete` is False if there
    are more); other inputs are read whole."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file() or suffix in (".xlsx", ".xlsm", ".jsonl", ".xls"):
        return read_table(path, sheet)
    try:
        return read_csv(path, head=True)
    except InputProblem:  # e.g. rows longer than the head: the whole file says what is wrong
        return read_table(path, sheet)


# -- CSV / TSV -----------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): a BOM decides; else UTF-8 if it decodes; else Windows-1252, the
    code page Excel uses for "CSV" on western Windows (Latin-1 if even that fails)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name), "UTF-8 (BOM)" if name == "utf-8-sig" else "UTF-16"
    for name, label in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            return data.decode(name), label
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")


def sniff_delimiter(text: str, suffix: str) -> str:
    if suffix in (".tsv", ".tab"):
        return "\t"
    sample = text[:SNIFF_BYTES]
    if len(text) > SNIFF_BYTES and "\n" in sample:
        sample = sample[: sample.rfind("\n")]  # whole lines only, or the sniffer guesses from a cut row
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        # One column, or too few rows to judge: the most common candidate in the header.
        header = sample.split("\n", 1)[0]
        counts = {d: header.count(d) for d in ",;\t|"}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_csv(path: Path, head: bool = False) -> Table:
    try:
        if head:
            with path.open("rb") as f:
                data = f.read(HEAD_BYTES + 1)
            head = len(data) > HEAD_BYTES  # a head only if the file goes on
            data = _whole_lines(data[:HEAD_BYTES]) if head else data
        else:
            data = path.read_bytes()
    except OSError as exc:
        raise InputProblem(translate("batch_table", "Cannot read {path}: {reason}.").format(
            path=path, reason=exc.strerror or exc)) from exc
    text, encoding = decode(data)
    delimiter = sniff_delimiter(text, path.suffix.lower())
    try:
        # A comprehension, not list(): its loop lets the GUI thread run while a worker reads a million rows.
        records = [tuple(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)]
        if head:
            records = records[:-1][:HEAD_ROWS + 1]  # the last may be a row cut in half
    except csv.Error as exc:
        raise InputProblem(translate("batch_table", "{name} is not a readable CSV file "
                                                                   "({error}).").format(
            name=path.name, error=exc)) from exc
    return _table(path, records, SourceKind.CSV, encoding=encoding, delimiter=delimiter, complete=not head)


def _whole_lines(data: bytes) -> bytes:
    """The bytes up to the last line end (in UTF-16 a line end is two bytes)."""
    newline = {codecs.BOM_UTF16_LE: b"\n\x00", codecs.BOM_UTF16_BE: b"\x00\n"}.get(data[:2], b"\n")
    return data[:data.rfind(newline) + len(newline)]


def _table(path: Path, records: list[tuple[Any, ...]], kind: str, **info: Any) -> Table:
    records = [r for r in records if any(cell_text(c).strip() for c in r)]  # blank lines are no requests
    if not records:
        raise InputProblem(translate("batch_table", "{name} is empty.").format(name=path.name))
    header = [cell_text(c).strip() for c in records[0]]
    width = max(len(r) for r in records)
    # A nameless column or a row longer than the header gets a name, so every cell has one.
    columns = [name or f"column_{i + 1}" for i, name in enumerate(header + [""] * (width - len(header)))]
    pad = None if kind == SourceKind.XLSX else ""
    rows = [r if len(r) == width else (*r, *[pad] * (width - len(r))) for r in records[1:]]
    if not rows:
        raise InputProblem(translate("batch_table", "{name} has a header row but no data "
                                                                   "rows.").format(name=path.name))
    return Table(columns, rows, path, kind, **info)


# -- Excel -----------------------------------------------------------------------------


def read_xlsx(path: Path, sheet: str | None = None) -> Table:
    import openpyxl  # only when an Excel file is opened: it costs ~0.2 s to import
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # read_only streams rows; data_only gives a formula's last computed value, as Excel shows it.
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, InvalidFileException, KeyError, ValueError) as exc:
        raise InputProblem(translate("batch_table", "{name} is not a readable .xlsx workbook "
                                                                   "({error}).").format(
            name=path.name, error=exc)) from exc
    except Exception as exc:  # zipfile.BadZipFile and friends: a corrupt or mislabelled file
        raise InputProblem(translate("batch_table", "{name} is not a readable .xlsx workbook "
                                                                   "({error}).").format(
            name=path.name, error=exc)) from exc
    try:
        names = list(workbook.sheetnames)
        chosen = sheet if sheet is not None else names[0]
        if chosen not in names:
            raise InputProblem(translate("batch_table", "{name} has no sheet {sheet} (sheets: "
                                                                       "{sheets}).").format(
                name=path.name, sheet=repr(chosen), sheets=", ".join(names)))
        records = [tuple(r) for r in workbook[chosen].iter_rows(values_only=True)]
    finally:
        workbook.close()
    return _table(path, records, SourceKind.XLSX, sheet=chosen, sheets=names)


# -- audio folder and JSONL --------------------------------------------------------------


def audio_files(folder: Path) -> list[Path]:
    return sorted((p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in AUDIO_SUFFIXES
                   and not p.name.startswith(".")), key=lambda p: p.name.casefold())


def read_audio_folder(folder: Path) -> Table:
    try:
        files = audio_files(folder)
    except OSError as exc:
        raise InputProblem(translate("batch_table", "Cannot read the folder {folder}: {reason}.").format(
            folder=folder, reason=exc.strerror or exc)) from exc
    if not files:
        raise InputProblem(translate("batch_table", "{folder} holds no audio files "
                                                                   "({suffixes}).").format(
            folder=folder, suffixes=", ".join(AUDIO_SUFFIXES)))
    rows = [(str(p), p.name) for p in files]
    return Table([FILE_COLUMN, "name"], rows, folder, SourceKind.AUDIO)


def read_jsonl_table(path: Path) -> Table:
    """The rows of an OpenAI Batch file (checked like the headless batch does)."""
    from gui.core.batch.jsonl import read_input

    rows = read_input(path)
    return Table(["custom_id", "url", "body"],
                 [(r.custom_id, r.endpoint.spec.batch_url, json.dumps(r.body, ensure_ascii=False)) for r in rows],
                 path, SourceKind.JSONL)
