"""Exporting a batch: the input table with result columns added (CSV or XLSX, input order,
input cells unchanged), the OpenAI batch output JSONL, and for embeddings one .npy matrix
(row i of the matrix is row i of the table; rows without a vector are NaN).

A snapshot is taken on the event loop (cheap: references to the run's lines and jobs);
the writing works on the snapshot and can run in a worker thread."""
from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gui.core.atomic_files import write_atomic
from gui.core.batch.plan import BatchPlan
from gui.core.batch.run import BatchRun
from gui.core.extraction.answers import cells as field_cells
from gui.core.extraction.answers import check_answer
from gui.core.extraction.fields import fields_from_schema
from gui.core.batch.states import RowState
from gui.core.batch.table import SourceKind
from gui.core.endpoints import Endpoint, ResultKind
from gui.core.errors import InputProblem
from gui.core.formats.vectors import parse_embeddings, to_npy
from gui.core.i18n import shown, translate
from gui.core.jobs.job import JobState
from gui.core.jobs.results import answer_text

RESULT_COLUMNS = ("text", "status", "error", "tokens", "latency", "model")
FORMATS = ("csv", "xlsx", "jsonl")
XLSX_CELL_LIMIT = 32_767  # characters Excel keeps in one cell


@dataclass
class RowResult:
    status: RowState
    body: Any = None  # the parsed response body (None if the row has none)
    error: str = ""
    latency: float | None = None
    model: str = ""


@dataclass
class Snapshot:
    plan: BatchPlan
    lines: dict[str, str]
    states: list[RowState]
    latencies: dict[str, float | None]
    errors: dict[str, str]  # custom_id -> the failed job's error, rendered in the language shown now

    def result(self, index: int) -> RowResult:
        cid = self.plan.custom_ids[index]
        status = self.states[index]
        line = self.lines.get(cid)
        item = json.loads(line) if line else {}
        response = item.get("response") or {}
        # A 200 answer is kept even on a failed row (one that did not fit its output fields).
        body = response.get("body") if status is RowState.SUCCEEDED or response.get("status_code") == 200 else None
        # The job's own error where it is at hand (results.jsonl has it in English).
        error = self.errors.get(cid) or ((item.get("error") or {}).get("message", "") if item.get("error") else "")
        model = (body.get("model") if isinstance(body, dict) else None) or self.plan.body(index)[1].get("model", "")
        return RowResult(status, body, error or "", self.latencies.get(cid), str(model or ""))


def snapshot(run: BatchRun) -> Snapshot:
    plan = run.plan
    states = [run.row_state(i) for i in range(len(plan))]
    latencies = {cid: job.elapsed() for cid, job in run.jobs.items() if job.state.terminal}
    errors = {cid: shown(job.error) for cid, job in run.jobs.items()
              if job.error and job.state.terminal and job.state is not JobState.SUCCEEDED}
    return Snapshot(plan, dict(run.lines), states, latencies, errors)


# -- the table ----------------------------------------------------------------------------


def result_headers(columns: list[str]) -> list[str]:
    """Result column names; one that an input column already uses becomes result_<name>."""
    taken = set(columns)
    return [name if name not in taken else f"result_{name}" for name in RESULT_COLUMNS]


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


def answers(snap: Snapshot) -> list[dict[str, Any] | None]:
    """Each row's answer parsed against the output fields (None where none fits)."""
    plan, schema = snap.plan, snap.plan.spec.schema
    found: list[dict[str, Any] | None] = []
    for index in range(len(plan)):
        r = snap.result(index)
        text = result_text(Endpoint.CHAT, r.body) if r.body is not None and r.status is RowState.SUCCEEDED else ""
        found.append(check_answer(text, schema).value if text and schema else None)
    return found


def table_rows(snap: Snapshot) -> tuple[list[str], list[list[Any]]]:
    """The input columns, one column per output field (typed: numbers, yes/no, lists joined
    with "; "), then the result columns; the raw answer stays in `text`."""
    plan = snap.plan
    schema = plan.spec.schema
    fields = fields_from_schema(schema) if schema else []
    taken = set(plan.table.columns)
    field_names = [f.name if f.name not in taken else f"{f.name}_answer" for f in fields]
    header = list(plan.table.columns) + field_names + result_headers([*plan.table.columns, *field_names])
    parsed = answers(snap) if fields else []
    rows = []
    for index, cells in enumerate(plan.table.rows):
        r = snap.result(index)
        endpoint = plan.body(index)[0]
        latency = round(r.latency, 2) if r.latency is not None else None
        text = result_text(endpoint, r.body) if r.body is not None else ""
        typed = field_cells(fields, parsed[index]) if fields else []
        rows.append([*cells, *typed, text, r.status.value, r.error, tokens(r.body), latency, r.model])
    return header, rows


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
    header, rows = table_rows(snap)
    table = snap.plan.table
    delimiter = table.delimiter if table.kind == SourceKind.CSV and table.delimiter else ","
    # The user's own CSV cells go back unchanged (they are the user's); everything the server
    # sent, and text cells read from a workbook (where they were inert), is neutralised.
    trusted = len(table.columns) if table.kind == SourceKind.CSV else 0
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow([*header[:trusted], *map(csv_safe, header[trusted:])])
    writer.writerows([*row[:trusted], *("" if c is None else csv_safe(c) for c in row[trusted:])] for row in rows)
    # UTF-8 with a BOM: Excel then opens accents and non-Latin text correctly.
    return write_atomic(path, "\ufeff" + out.getvalue())


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
    lines = [snap.lines[c] for c in plan.custom_ids if c in snap.lines]
    if plan.spec.schema:
        lines = [_with_fields(plan, line) for line in lines]
    return write_atomic(path, "".join(lines))


def _with_fields(plan: BatchPlan, line: str) -> str:
    item = json.loads(line)
    body = (item.get("response") or {}).get("body")
    if item.get("error") is None and body is not None:
        item["fields"] = check_answer(result_text(Endpoint.CHAT, body), plan.spec.schema).value
    return json.dumps(item, ensure_ascii=False) + "\n"


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
