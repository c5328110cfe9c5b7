"""The headless `queue-desk batch` command for tables (CSV/TSV/XLSX or an audio folder):
read, check the templates against the columns before anything is sent, run through the
engine, write `DIR/results.jsonl` and the export. Running the same command again
continues: rows whose answer is already there for the same request are not sent again."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gui.core.batch.export import default_export_path, export, snapshot
from gui.core.batch.plan import BatchPlan, BatchSpec
from gui.core.batch.run import run_plan
from gui.core.batch.table import read_table
from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.errors import ErrorKind, QueueError


@dataclass
class HeadlessResult:
    succeeded: int
    failed: int  # failed, cancelled, interrupted or not run
    written: list[Path]


def make_plan(path: Path, out_dir: Path, *, endpoint: Endpoint, model: str | None, template: str | None,
              system: str | None = None, params: dict[str, Any] | None = None, sheet: str | None = None,
              file_column: str | None = None) -> BatchPlan:
    table = read_table(path, sheet)
    spec = BatchSpec(endpoint, model or endpoint.spec.default_model or "", template or "", system or "",
                     dict(params or {}), **({"file_column": file_column} if file_column else {}))
    plan = BatchPlan(table, spec, out_dir)
    trouble = plan.problems()
    if trouble:
        raise QueueError(ErrorKind.INPUT, " ".join(trouble))
    return plan


async def run_headless(engine: Engine, plan: BatchPlan, fmt: str) -> HeadlessResult:
    run = await run_plan(engine, plan)
    progress = run.progress()
    written = export(snapshot(run), default_export_path(plan, fmt), fmt)
    return HeadlessResult(progress.done, progress.total - progress.done, written)
