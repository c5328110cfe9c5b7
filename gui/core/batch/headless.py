"""The headless `queue-desk batch` command, for every input (OpenAI Batch JSONL, CSV/TSV,
XLSX or an audio folder): check the paths and the request before anything is sent, run
through the one batch engine (run.py), write `DIR/results.jsonl` and, for tables, the
export. Running the same command again continues: rows whose answer is already there for
the same request are not sent again."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gui.core.atomic_files import remove_stale_parts
from gui.core.batch.export import default_export_path, export, snapshot
from gui.core.batch.jsonl import RESULTS_NAME
from gui.core.batch.plan import MANIFEST_NAME, BatchPlan, BatchSpec, default_out_dir
from gui.core.batch.run import BatchRun
from gui.core.batch.table import read_table
from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.errors import InputProblem
from gui.core.i18n import translate


@dataclass
class HeadlessResult:
    """What a headless batch run did: rows succeeded and failed, answers reused or sent (again),
    and the files it wrote."""
    succeeded: int
    failed: int  # failed, cancelled, interrupted or not run
    reused: int  # earlier answers for the same request, not sent again
    sent: int
    changed: int  # rows whose earlier answer was for another request (sent again)
    written: list[Path]


def output_folder(source: Path, out: Path | None) -> Path:
    """--out, or `<input stem>-results/` beside the input."""
    return Path(out) if out is not None else default_out_dir(source)


def check_paths(source: Path, out_dir: Path) -> None:
    """Refuse an input the run would overwrite or read back as its own output."""
    source, out = Path(source).resolve(), Path(out_dir).resolve()
    if source == out or out in source.parents:
        raise InputProblem(translate(
            "batch", "The input {source} is inside the output folder {folder}, where the results would overwrite "
                     "it. Choose another --out folder.").format(source=source, folder=out))
    if source.name in (RESULTS_NAME, MANIFEST_NAME):
        raise InputProblem(translate(
            "batch", "{name} is the name of a batch's output file. Rename the input if it really holds "
                     "requests.").format(name=source.name))


def make_plan(path: Path, out_dir: Path | None = None, *, endpoint: Endpoint = Endpoint.CHAT,
              model: str | None = None, template: str | None = None, system: str | None = None,
              params: dict[str, Any] | None = None, sheet: str | None = None,
              file_column: str | None = None, schema: dict[str, Any] | None = None) -> BatchPlan:
    out_dir = output_folder(path, out_dir)
    check_paths(path, out_dir)
    table = read_table(path, sheet)
    spec = BatchSpec(endpoint, model or endpoint.spec.default_model or "", template or "", system or "",
                     dict(params or {}), **({"file_column": file_column} if file_column else {}), schema=schema)
    plan = BatchPlan(table, spec, out_dir)
    trouble = plan.problems()
    if trouble:
        raise InputProblem(" ".join(trouble))
    return plan


async def run_headless(engine: Engine, plan: BatchPlan, fmt: str | None,
                       progress: Callable[[BatchRun], None] | None = None) -> HeadlessResult:
    """Run every row without an answer for its request; export to `fmt` (None: only
    results.jsonl). `progress` is called with the run as rows finish."""
    run = await BatchRun.open(engine, plan)  # refused here if another run holds the folder
    remove_stale_parts(plan.out_dir)  # left by killed runs (the folder is ours now)
    if progress is not None:
        run.subscribe(progress)
    try:
        run.start()
        await run.wait()
    finally:
        if progress is not None:
            run.unsubscribe(progress)
    p = run.progress()
    written = [run.out_path]
    if fmt is not None:
        snap = snapshot(run)
        try:
            written += export(snap, default_export_path(plan, fmt), fmt)
        finally:
            snap.close()
    return HeadlessResult(p.done, p.total - p.done, run.reused, run.sent, run.changed, written)
