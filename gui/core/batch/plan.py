"""A batch plan: an input table, what to send for each row (endpoint, model, parameters,
prompt templates) and where the results go. It turns rows into jobs and records, in the
output folder's `batch.json`, what each row asked for, so a later run can tell which
earlier answers still belong to which rows.

Rows of a CSV or workbook have no ids of their own: a row is `row-<n>` (its position),
unless the table has a `custom_id` column with unique values. Positions shift when rows
are inserted, so each row's request is fingerprinted and an earlier answer counts only
for the same request."""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from gui.core.api.wire import Upload
from gui.core.atomic_files import write_atomic_parts
from gui.core.batch.jsonl import batch_id_for
from gui.core.batch.table import FILE_COLUMN, SourceKind, Table, read_table
from gui.core.batch.template import estimate_tokens, problems, render
from gui.core.builders.bodies import check
from gui.core.endpoints import BodyKind, Endpoint
from gui.core.errors import InputProblem
from gui.core.extraction.fields import with_json_schema
from gui.core.i18n import translate
from gui.core.jobs.job import Job

MANIFEST_NAME = "batch.json"
MANIFEST_VERSION = 1
# Endpoints a table batch can target (models: nothing to batch; image edits: one image per
# row would need a second file column, not offered yet).
TABLE_ENDPOINTS = (Endpoint.CHAT, Endpoint.COMPLETIONS, Endpoint.EMBEDDINGS, Endpoint.TRANSCRIPTIONS,
                   Endpoint.TRANSLATIONS, Endpoint.IMAGES)


@dataclass
class BatchSpec:
    """What to send for each row of a batch: endpoint, model, prompt templates, extra body fields,
    the file column for audio and, for chat, the output fields; saved in `batch.json`."""
    endpoint: Endpoint
    model: str
    template: str = ""  # the user message / prompt / input text, with {column} placeholders
    system: str = ""  # chat only
    params: dict[str, Any] = field(default_factory=dict)  # more body fields (temperature, language …)
    file_column: str = FILE_COLUMN  # audio endpoints: the column holding each row's file path
    schema: dict[str, Any] | None = None  # chat only: the answer's output fields (gui/core/extraction)

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "endpoint": self.endpoint.value}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BatchSpec:
        return cls(**{**data, "endpoint": Endpoint(data["endpoint"])})


def default_out_dir(source: Path) -> Path:
    source = Path(source)
    return source.parent / f"{source.stem if source.is_file() else source.name}-results"


class BatchPlan:
    def __init__(self, table: Table, spec: BatchSpec, out_dir: Path, *, name: str | None = None) -> None:
        self.table = table
        self.spec = spec
        self.out_dir = Path(out_dir)
        self.name = name or table.source.name
        self.batch_id = batch_id_for(table.source, self.out_dir)
        self.custom_ids = _custom_ids(table)
        self._index = {cid: i for i, cid in enumerate(self.custom_ids)} if isinstance(self.custom_ids, list) else None
        self._texts: dict[int, dict[str, str]] = {}

    def __len__(self) -> int:
        return len(self.table)

    @property
    def is_jsonl(self) -> bool:
        return self.table.kind == SourceKind.JSONL

    def index_of(self, custom_id: str) -> int:
        """The row of `custom_id` (KeyError if no row has it)."""
        if self._index is not None:
            return self._index[custom_id]
        return self.custom_ids.index(custom_id)

    def find(self, custom_id: str) -> int | None:
        try:
            return self.index_of(custom_id)
        except KeyError:
            return None

    def model_of(self, index: int) -> tuple[Endpoint, str]:
        """The row's endpoint and model, without rendering its request where the spec says them."""
        if self.is_jsonl or "model" in self.spec.params:
            endpoint, body, _ = self.body(index)
            return endpoint, str(body.get("model") or "")
        return self.spec.endpoint, self.spec.model

    # -- checking -------------------------------------------------------------------

    def problems(self) -> list[str]:
        """Everything that must be fixed before anything is sent (empty: ready)."""
        if self.is_jsonl:
            return []  # checked line by line when read
        spec, columns = self.spec, self.table.columns
        found = []
        if not spec.model.strip():
            found.append(translate("batch_plan", "Choose a model."))
        if spec.endpoint not in TABLE_ENDPOINTS:
            found.append(translate("batch_plan", "{endpoint} cannot be run as a batch from a table.").format(
                endpoint=spec.endpoint.label))
            return found  # what else it would need (a file column …) does not apply
        try:  # the same checks as `submit` and the tabs: a bad value stops the batch before sending
            check(spec.endpoint, {"model": spec.model or "-", **spec.params})
        except InputProblem as problem:
            found.append(problem.message)
        found += problems(spec.template, columns, "prompt template")
        if spec.endpoint is Endpoint.CHAT:
            found += problems(spec.system, columns, "system template")
        elif spec.schema:
            found.append(translate("batch_plan", "Output fields need the chat endpoint."))
        if spec.endpoint.spec.body is BodyKind.MULTIPART:
            if spec.file_column not in columns:
                found.append(translate("batch_plan", "Choose the column that holds the audio files (there is no "
                                                     "column {column}).").format(column=repr(spec.file_column)))
            else:
                missing = [i for i in range(len(self)) if not Path(self.texts(i)[spec.file_column]).is_file()]
                if missing:
                    message = (translate("batch_plan", "{count} file in column {column} cannot be found (row {row}: "
                                                       "{value}).") if len(missing) == 1 else
                               translate("batch_plan", "{count} files in column {column} cannot be found (row {row}: "
                                                       "{value})."))
                    value = self.texts(missing[0])[spec.file_column] or translate("batch_plan", "empty")
                    found.append(message.format(count=len(missing), column=repr(spec.file_column),
                                                row=missing[0] + 1, value=value))
        elif not spec.template.strip():
            found.append(translate("batch_plan", "Write a prompt template, e.g. “Summarise: {{{column}}}”.").format(
                column=columns[0] if columns else translate("batch_plan", "column")))
        return found

    def empty_rows(self) -> list[int]:
        """Rows whose prompt renders to nothing (they are sent as they are)."""
        if self.is_jsonl or self.spec.endpoint.spec.body is BodyKind.MULTIPART:
            return []
        return [i for i in range(len(self)) if not self.user_text(i).strip()]

    # -- rendering --------------------------------------------------------------------

    def texts(self, index: int) -> dict[str, str]:
        values = self._texts.get(index)
        if values is None:
            values = self._texts[index] = self.table.row_text(index)
            if len(self._texts) > 4096:  # a cache for previews and re-reads, not a second copy of the table
                self._texts.clear()
        return values

    def system_text(self, index: int) -> str:
        return render(self.spec.system, self.texts(index)) if self.spec.endpoint is Endpoint.CHAT else ""

    def user_text(self, index: int) -> str:
        return render(self.spec.template, self.texts(index))

    def estimate_tokens(self) -> int:
        if self.is_jsonl:
            return sum(estimate_tokens(row[2]) for row in self.table.rows)
        if self.spec.endpoint.spec.body is BodyKind.MULTIPART:
            return 0  # audio is billed by duration, not by prompt tokens
        return sum(estimate_tokens(self.system_text(i), self.user_text(i)) for i in range(len(self)))

    def body(self, index: int) -> tuple[Endpoint, dict[str, Any], list[Upload]]:
        if self.is_jsonl:
            _cid, url, body = self.table.rows[index]
            return Endpoint.from_batch_url(url), json.loads(body), []
        spec = self.spec
        endpoint, user = spec.endpoint, self.user_text(index)
        fields: dict[str, Any]
        uploads: list[Upload] = []
        if endpoint is Endpoint.CHAT:
            system = self.system_text(index)
            messages = ([{"role": "system", "content": system}] if system.strip() else [])
            fields = {"messages": messages + [{"role": "user", "content": user}]}
        elif endpoint is Endpoint.EMBEDDINGS:
            fields = {"input": user}
        elif endpoint.spec.body is BodyKind.MULTIPART:
            fields = {"prompt": user} if user.strip() else {}
            uploads = [Upload("file", self.texts(index)[spec.file_column])]
        else:  # completions, image generation
            fields = {"prompt": user}
        body = {"model": spec.model, **fields, **spec.params}
        if spec.schema and endpoint is Endpoint.CHAT:
            body = with_json_schema(body, spec.schema)
        return endpoint, body, uploads

    def job(self, index: int) -> Job:
        endpoint, body, uploads = self.body(index)
        return Job(endpoint, body, uploads, batch_id=self.batch_id, custom_id=self.custom_ids[index])

    def fingerprint(self, index: int) -> str:
        return request_fingerprint(*self.body(index))

    # -- the manifest -----------------------------------------------------------------

    def manifest(self, fingerprints: dict[str, str]) -> dict[str, Any]:
        return {**self._manifest_head(), "rows": fingerprints}

    def _manifest_head(self) -> dict[str, Any]:
        table = self.table
        return {
            "version": MANIFEST_VERSION,
            "batch_id": self.batch_id,
            "name": self.name,
            "saved_at": time.time(),
            "source": {"path": str(table.source), "kind": table.kind, "sheet": table.sheet},
            "spec": self.spec.to_json(),
        }

    def save_manifest(self, fingerprints: Iterable[tuple[str, str]]) -> Path:
        """`batch.json` with each row's fingerprint, written as it is made (a million rows)."""
        head = json.dumps(self._manifest_head(), ensure_ascii=False)[:-1]

        def parts() -> Iterator[str]:
            yield head + ', "rows": {'
            chunk: list[str] = []
            separator = ""  # none before the first row
            for cid, fingerprint in fingerprints:
                chunk.append(json.dumps(cid, ensure_ascii=False) + ': "' + fingerprint + '"')
                if len(chunk) == 10_000:
                    yield separator + ", ".join(chunk)
                    chunk.clear()
                    separator = ", "
            yield (separator + ", ".join(chunk) if chunk else "") + "}}"

        return write_atomic_parts(self.out_dir / MANIFEST_NAME, parts())


def request_fingerprint(endpoint: Endpoint, body: dict[str, Any], uploads: list[Upload]) -> str:
    key = json.dumps([endpoint.value, body, [[u.field, u.path] for u in uploads]], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def read_manifest(out_dir: Path) -> dict[str, Any] | None:
    path = Path(out_dir) / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("version") == MANIFEST_VERSION else None


def plan_from_manifest(out_dir: Path) -> BatchPlan:
    """The plan of an earlier batch, read back from its output folder (input re-read)."""
    data = read_manifest(out_dir)
    if data is None:
        raise InputProblem(translate("batch_plan", "{folder} holds no batch (no readable "
                                                                  "{manifest}).").format(folder=out_dir,
                                                                                         manifest=MANIFEST_NAME))
    source = data["source"]
    table = read_table(Path(source["path"]), source.get("sheet"))
    return BatchPlan(table, BatchSpec.from_json(data["spec"]), Path(out_dir), name=data.get("name"))


class RowNumbers(Sequence[str]):
    """`row-1` … `row-<n>`, made when asked: a million rows need no million strings."""

    def __init__(self, count: int) -> None:
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [f"row-{i + 1}" for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        return f"row-{index + 1}"

    def __iter__(self) -> Iterator[str]:
        return (f"row-{i}" for i in range(1, self._count + 1))

    def __contains__(self, custom_id: object) -> bool:
        try:
            self.index(custom_id)
        except KeyError:
            return False
        return True

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and len(other) == self._count and list(self) == list(other)

    def index(self, custom_id: object, *_: Any) -> int:  # type: ignore[override]
        """KeyError, not ValueError: it stands in for a dict lookup."""
        if isinstance(custom_id, str) and custom_id.startswith("row-") and custom_id[4:].isascii() and custom_id[4:].isdigit():
            number = int(custom_id[4:])
            if 1 <= number <= self._count and custom_id[4] != "0":
                return number - 1
        raise KeyError(custom_id)


def _custom_ids(table: Table) -> Sequence[str]:
    if "custom_id" in table.columns:
        column = table.columns.index("custom_id")
        ids = [str(row[column] or "").strip() for row in table.rows]
        if all(ids) and len(set(ids)) == len(ids):
            return ids
    return RowNumbers(len(table))
