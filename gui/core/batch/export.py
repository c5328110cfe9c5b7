"""Exporting a batch: the input table with result columns added (CSV or XLSX, input order,
input cells unchanged), the OpenAI batch output JSONL, and for embeddings one .npy matrix
(row i of the matrix is row i of the table; rows without a vector are NaN).

A snapshot is taken on the event loop (cheap: references to the run's lines and jobs);
the writing works on the snapshot and can run in a worker thread. Tables take an answered
row's cells from the cells file beside the record (cells.py), other rows from its line."""
from __future__ import annotations

import csv
import io
import json
import math
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from gui.core.atomic_files import write_atomic, write_atomic_parts
from gui.core.batch.cells import NO_ENTRY, Cells, Window, reader, result_text, tokens
from gui.core.batch.plan import BatchPlan
from gui.core.batch.run import BatchRun
from gui.core.extraction.answers import cells as field_cells
from gui.core.extraction.answers import check_answer
from gui.core.extraction.fields import fields_from_schema
from gui.core.batch.record import read_line
from gui.core.batch.states import OUTCOME_CODES, RowState, state_of_code
from gui.core.batch.table import SourceKind
from gui.core.endpoints import Endpoint
from gui.core.errors import InputProblem
from gui.core.formats.vectors import parse_embeddings, to_npy
from gui.core.i18n import shown, translate
from gui.core.jobs.job import JobState

RESULT_COLUMNS = ("text", "status", "error", "tokens", "latency", "model")
FORMATS = ("csv", "xlsx", "jsonl")
XLSX_CELL_LIMIT = 32_767  # characters Excel keeps in one cell


@dataclass
class RowResult:
    """One row's outcome as the exports write it: its state, the parsed response body, the error
    text, the latency and the model that answered."""
    status: RowState
    body: Any = None  # the parsed response body (None if the row has none)
    error: str = ""
    latency: float | None = None
    model: str = ""


class Snapshot:
    """A batch's outcomes as they were when taken: each row's state and latency, and its
    line of the record, read from the record file (an open copy, which a later rewrite does
    not change) or, for lines not written there yet, from memory. Readers in several
    threads may share it."""

    def __init__(self, run: BatchRun) -> None:
        self.plan = run.plan
        self.states, self.running = run.row_states()
        self.latencies = run.latencies()
        self.pending = {index: line for index, line in run.pending_lines()}
        self.offsets = run.record.offsets[:]
        self.cell_offsets = run.record.cells.offsets[:]
        for index in self.pending:  # its entry, if any, is for an earlier line
            self.cell_offsets[index] = NO_ENTRY
        self._source = run.record.open()
        self._cells = run.record.cells.open()
        self._lock = threading.Lock()
        # The failed jobs' own errors, in the language shown now (the record has them in English).
        self.errors = {cid: shown(job.error) for cid, job in run.jobs.items()
                       if job.error and job.state.terminal and job.state is not JobState.SUCCEEDED}

    def state(self, index: int) -> RowState:
        return RowState.RUNNING if index in self.running else state_of_code(self.states[index])

    def line(self, index: int) -> tuple[bytes, dict[str, Any]] | None:
        """The row's line of the OpenAI batch output, as written and parsed (None: it has none)."""
        if index in self.pending:
            raw = self.pending[index].encode("utf-8")
            return raw, json.loads(raw)
        with self._lock:
            return read_line(self._source, self.offsets[index], self.plan.custom_ids[index])

    def result(self, index: int) -> RowResult:
        status = self.state(index)
        item = (self.line(index) or (b"", {}))[1]
        response = item.get("response") or {}
        # A 200 answer is kept even on a failed row (one that did not fit its output fields).
        body = response.get("body") if status is RowState.SUCCEEDED or response.get("status_code") == 200 else None
        # The job's own error where it is at hand (the record has it in English).
        error = (self.errors.get(self.plan.custom_ids[index])
                 or ((item.get("error") or {}).get("message", "") if item.get("error") else ""))
        model = (body.get("model") if isinstance(body, dict) else None) or self.plan.model_of(index)[1]
        latency = self.latencies[index]
        return RowResult(status, body, error or "", None if math.isnan(latency) else latency, str(model or ""))

    def cells_reader(self) -> Callable[[int], Cells | None]:
        """A reader of answered rows' cells for one thread, fast for rows asked in order
        (None: the row has no entry that matches its line; ask `result`)."""
        if self._cells is None or self._source is None:
            return lambda index: None
        return reader(Window(self._cells, self._lock), Window(self._source, self._lock), self.cell_offsets, self.offsets)

    def close(self) -> None:
        for source in (self._source, self._cells):
            if source is not None:
                source.close()


def snapshot(run: BatchRun) -> Snapshot:
    return Snapshot(run)


# -- the table ----------------------------------------------------------------------------


def result_headers(columns: list[str]) -> list[str]:
    """Result column names; one that an input column already uses becomes result_<name>."""
    taken = set(columns)
    return [name if name not in taken else f"result_{name}" for name in RESULT_COLUMNS]


def answers(snap: Snapshot) -> list[dict[str, Any] | None]:
    """Each row's answer parsed against the output fields (None where none fits)."""
    return [_answer(snap, snap.result(index)) for index in range(len(snap.plan))]


def _answer(snap: Snapshot, r: RowResult) -> dict[str, Any] | None:
    schema = snap.plan.spec.schema
    text = result_text(Endpoint.CHAT, r.body) if r.body is not None and r.status is RowState.SUCCEEDED else ""
    return check_answer(text, schema).value if text and schema else None


def table_rows(snap: Snapshot, neutralise: bool = False) -> tuple[list[str], Iterator[list[Any]]]:
    """The input columns, one column per output field (typed: numbers, yes/no, lists joined
    with "; "), then the result columns; the raw answer stays in `text`.

    `neutralise` (a CSV file): the user's own CSV cells stay unchanged (they are the
    user's); everything the server sent, and text cells read from a workbook (where they
    were inert), goes through `csv_safe`."""
    plan = snap.plan
    schema = plan.spec.schema
    fields = fields_from_schema(schema) if schema else []
    taken = set(plan.table.columns)
    field_names = [f.name if f.name not in taken else f"{f.name}_answer" for f in fields]
    header = list(plan.table.columns) + field_names + result_headers([*plan.table.columns, *field_names])
    trusted = not neutralise or plan.table.kind == SourceKind.CSV
    # Speed (a million rows): what every row looks up, looked up once.
    states, running, latencies, errors, custom_ids = snap.states, snap.running, snap.latencies, snap.errors, plan.custom_ids
    status_of = [state_of_code(code).value for code in range(len(OUTCOME_CODES))]
    succeeded, running_status = RowState.SUCCEEDED.value, RowState.RUNNING.value
    # An entry's text is the answer's for the row's endpoint; output fields read a chat answer.
    fields_from_cells = not fields or (not plan.is_jsonl and plan.spec.endpoint is Endpoint.CHAT)

    def rows() -> Iterator[list[Any]]:  # made as they are written: a million rows are not held
        cells_of = snap.cells_reader()
        for index, cells in enumerate(plan.table.rows):
            if not trusted:
                cells = [csv_safe(c) for c in cells]
            found = cells_of(index) if fields_from_cells else None
            if found is None:  # a row without an answer, or one the cells file does not have
                r = snap.result(index)
                latency = round(r.latency, 2) if r.latency is not None else None
                text = result_text(plan.model_of(index)[0], r.body) if r.body is not None else ""
                typed = field_cells(fields, _answer(snap, r)) if fields else []
                result = [*typed, text, r.status.value, r.error, tokens(r.body), latency, r.model]
                yield [*cells, *(map(csv_safe, result) if neutralise else result)]
                continue
            text, count, model = found  # as `result` gives them for a 200 answer without an error
            status = running_status if index in running else status_of[states[index]]
            error = (errors.get(custom_ids[index]) or "") if errors else ""
            model = model or str(plan.model_of(index)[1] or "")
            latency = latencies[index]
            typed = field_cells(fields, check_answer(text, schema).value if text and status == succeeded else None) \
                if fields else []
            if neutralise:  # speed: only the text cells, and csv_safe only for those that start like a formula
                typed = [csv_safe(c) for c in typed] if typed else typed
                text = csv_safe(text) if text.startswith(_FORMULA_START) else text
                error = csv_safe(error) if error.startswith(_FORMULA_START) else error
                model = csv_safe(model) if model.startswith(_FORMULA_START) else model
            yield [*cells, *typed, text, status, error, count, None if math.isnan(latency) else round(latency, 2), model]

    return header, rows()


# A spreadsheet takes a cell starting with one of these for a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def csv_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, with a leading ' so it shows
    as text; numbers, and text that is a plain number such as -3.5, are left as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def export_csv(snap: Snapshot, path: Path) -> Path:
    header, rows = table_rows(snap, neutralise=True)
    table = snap.plan.table
    delimiter = table.delimiter if table.kind == SourceKind.CSV and table.delimiter else ","
    trusted = len(table.columns) if table.kind == SourceKind.CSV else 0  # as table_rows
    # Speed: text encoded as it is written (as a file does), not gathered in a StringIO and encoded again.
    buffer = io.BytesIO()
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    writer = csv.writer(out, delimiter=delimiter)

    def parts() -> Iterator[bytes]:
        out.write("\ufeff")  # UTF-8 with a BOM: Excel then opens accents and non-Latin text correctly
        writer.writerow([*header[:trusted], *map(csv_safe, header[trusted:])])
        while True:
            chunk = list(islice(rows, 4096))  # written in pieces: the file is never held whole
            writer.writerows(chunk)
            out.flush()
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            if not chunk:
                return

    return write_atomic_parts(path, parts())


def export_xlsx(snap: Snapshot, path: Path) -> Path:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header, rows = table_rows(snap)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=(snap.plan.table.sheet or "Results")[:31])
    sheet.freeze_panes = "A2"
    first_result = len(snap.plan.table.columns)
    sheet.column_dimensions[get_column_letter(first_result + 1)].width = 60  # the answer text

    def cell(value: Any, bold: bool = False) -> WriteOnlyCell:
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)  # control characters are not allowed in XML
            if len(value) > XLSX_CELL_LIMIT:
                value = value[: XLSX_CELL_LIMIT - 1] + "…"
        c = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            c.data_type = "s"  # text stays text: an answer starting with "=" is not a formula
        if bold:
            c.font = Font(bold=True)
        return c

    sheet.append([cell(h, bold=True) for h in header])
    for row in rows:
        sheet.append([cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return write_atomic(path, buffer.getvalue())


def export_jsonl(snap: Snapshot, path: Path) -> Path:
    """The OpenAI batch output format, one line per row that has a result, in input order;
    with output fields, each succeeded line also carries the parsed answer as `fields`."""
    plan = snap.plan

    def lines() -> Iterator[str]:
        for index in range(len(plan)):
            found = snap.line(index)
            if found is None:
                continue
            raw, item = found
            body = (item.get("response") or {}).get("body")
            if plan.spec.schema and item.get("error") is None and body is not None:
                item["fields"] = check_answer(result_text(Endpoint.CHAT, body), plan.spec.schema).value
                raw = (json.dumps(item, ensure_ascii=False) + "\n").encode("utf-8")
            yield raw

    return write_atomic_parts(path, lines())


def export_npy(snap: Snapshot, path: Path) -> Path:
    plan = snap.plan
    vectors: list[list[float] | None] = []
    for index in range(len(plan)):
        body = snap.result(index).body
        if body is None:
            vectors.append(None)
            continue
        found = parse_embeddings(body).vectors
        if len(found) != 1:
            raise InputProblem(translate("batch_export", "Row {row} holds {count} vectors; a matrix "
                                                                    "needs one per row. Export JSONL instead.").format(
                row=index + 1, count=len(found)))
        vectors.append(found[0])
    dims = {len(v) for v in vectors if v is not None}
    if len(dims) > 1:
        raise InputProblem(translate("batch_export", "The vectors have different lengths "
                                                                "({lengths}).").format(lengths=sorted(dims)))
    dim = dims.pop() if dims else 0
    return write_atomic(path, to_npy([v if v is not None else [math.nan] * dim for v in vectors]))


def export(snap: Snapshot, path: Path, fmt: str) -> list[Path]:
    """Write `path` in `fmt`; an embeddings table also gets its matrix beside it (.npy)."""
    path = Path(path)
    if fmt == "jsonl":
        return [export_jsonl(snap, path)]
    if fmt not in ("csv", "xlsx"):
        raise InputProblem(translate("batch_export", "Unknown export format {format} (csv, xlsx or "
                                                                "jsonl).").format(format=repr(fmt)))
    written = [export_csv(snap, path) if fmt == "csv" else export_xlsx(snap, path)]
    if snap.plan.spec.endpoint is Endpoint.EMBEDDINGS and not snap.plan.is_jsonl:
        written.append(export_npy(snap, path.with_suffix(".npy")))
    return written


def default_export_path(plan: BatchPlan, fmt: str) -> Path:
    source = plan.table.source
    stem = source.stem if source.suffix else source.name
    return plan.out_dir / f"{stem}-results.{fmt}"


def default_format(plan: BatchPlan) -> str:
    return {SourceKind.XLSX: "xlsx", SourceKind.JSONL: "jsonl"}.get(plan.table.kind, "csv")
