"""`queue-desk`: the GUI by default, headless sub-commands on the same engine.

The headless commands import no Qt, so they run on servers without a display."""
from __future__ import annotations

import argparse
import gc
import logging
import os
import sqlite3
import sys
import time
from pathlib import Path

from gui import __version__
from gui.cli_stop import Stopped, run_stoppable
from gui.core.endpoints import DEFAULT_BASE_URL, Endpoint
from gui.core.api.server_text import one_line
from gui.core.errors import QueueError


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # The console gets only internal errors: the commands say what went wrong in plain
    # words themselves; details go to the log file.
    console = logging.StreamHandler()
    console.setLevel(logging.ERROR)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(console)
    try:
        if args.command is None and args.smoke_test:
            from gui.smoke import run_smoke_test

            return run_smoke_test()
        if args.command is None:
            from gui.ui.runtime.display import problem  # before Qt, which would abort

            if why := problem():
                print(why, file=sys.stderr)
                return 2
            # Speed: no cyclic GC passes while start-up makes the window's long-lived objects
            # (~13 ms); the window resumes collection once it is up (MainWindow._start_loading).
            gc.disable()
            from gui.ui.app import run_gui  # Qt is imported only for the GUI

            return run_gui(sandbox=args.sandbox, base_url=args.base_url)
        if args.command in ("submit", "batch"):
            from gui.core.logs import setup_file_logging

            setup_file_logging()
        return args.handler(args)
    except QueueError as error:
        print(f"queue-desk: {one_line(error.message)}", file=sys.stderr)
        return 1
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            print(f"queue-desk: the job history cannot be read ({error}).", file=sys.stderr)
            return 1
        from gui.core import paths  # the job database locked by another program
        from gui.core.jobs.store import busy_message

        logging.getLogger(__name__).warning("store error: %s", error)
        print(f"queue-desk: {busy_message(paths.database_path())}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        _stopped(args, "Ctrl+C")
        return 130
    except Stopped as stop:
        _stopped(args, stop.name)
        return 128 + stop.signum
    except BrokenPipeError:
        # The reader went away (`queue-desk jobs | head`): not an error. Python would still
        # complain when flushing stdout at exit; point it at nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:  # a path the user gave: missing, not writable, a file where a folder goes
        where = f" {error.filename}" if error.filename else ""
        print(f"queue-desk: cannot use{where}: {error.strerror or error}.", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a bug of ours: one line here, the traceback in the log
        logging.getLogger("queue_desk.cli").debug("unexpected error", exc_info=True)
        print(f"queue-desk: something went wrong that Queue Desk did not expect ({type(error).__name__}: {error}). "
              "Please report it.", file=sys.stderr)
        return 70


def _stopped(args: argparse.Namespace, how: str) -> None:
    if args.command in ("submit", "batch"):
        print(f"queue-desk: stopped ({how}); jobs in flight were marked interrupted. Run the same command again "
              "to continue.", file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="queue-desk", description="Send AI work to a Queue API and keep the results.")
    parser.add_argument("--version", action="version", version=f"queue-desk {__version__}")
    parser.add_argument("--sandbox", action="store_true", help="open the GUI against a built-in local sandbox server")
    parser.add_argument("--base-url", default=None, help=f"Queue API base URL (default {DEFAULT_BASE_URL})")
    parser.add_argument("--smoke-test", action="store_true",
                        help="check that this installation works (window, sandbox, one job) and exit")
    parser.set_defaults(command=None)
    sub = parser.add_subparsers(title="commands")

    p = sub.add_parser("submit", help="submit one request and save its result")
    p.add_argument("endpoint", choices=[e.value for e in Endpoint])
    _base_url(p)
    p.add_argument("--model")
    p.add_argument("--prompt")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                   help="extra body field; VALUE is JSON if it parses, else a string")
    p.add_argument("--file", action="append", default=[], metavar="PATH")
    p.add_argument("--mask", metavar="PATH")
    p.add_argument("--max-upload-mib", type=float, default=25.0, metavar="MIB",
                   help="the largest upload (default 25, OpenAI's limit); longer recordings are sent in pieces under it")
    p.add_argument("--out", type=Path, metavar="DIR", help="copy the result files here")
    p.add_argument("--timeout", type=float, metavar="SECONDS",
                   help="give up waiting after this long (the job stays in the history; default: no limit)")
    p.set_defaults(command="submit", handler=_submit)

    p = sub.add_parser("batch", help="run a batch (OpenAI Batch JSONL, CSV/TSV, XLSX or an audio folder)")
    p.add_argument("file", type=Path, metavar="FILE")
    _base_url(p)
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--max-attempts", type=int, default=3, metavar="N",
                   help="tries per row for failures worth retrying (default 3)")
    p.add_argument("--per-minute", type=int, default=None, metavar="N",
                   help="start at most N requests a minute (default: no limit)")
    p.add_argument("--out", type=Path, default=None, metavar="DIR",
                   help="the results folder (default: <input name>-results beside the input)")
    # Tables (CSV/TSV/XLSX, audio folder): one request per row from the templates.
    p.add_argument("--endpoint", choices=[e.value for e in Endpoint if e is not Endpoint.MODELS], default="chat")
    p.add_argument("--model")
    p.add_argument("--template", help='the prompt with {column} placeholders, e.g. "Summarise: {text}"')
    p.add_argument("--system", help="chat: the system message, with {column} placeholders")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="extra body field")
    p.add_argument("--sheet", help="XLSX: the sheet to read (default: the first)")
    p.add_argument("--file-column", help="audio: the column with the file paths (default: file)")
    p.add_argument("--field", action="append", default=[], metavar="NAME:TYPE[:DESCRIPTION]",
                   help="chat: an output field, one column each; TYPE is text, number, integer, boolean, list "
                        "or choices like positive|negative|neutral")
    p.add_argument("--schema", type=Path, metavar="FILE.json", help="chat: the output fields as a JSON Schema file")
    p.add_argument("--format", choices=["csv", "xlsx", "jsonl"],
                   help="export format for tables (default: the input's; results.jsonl is always written)")
    p.set_defaults(command="batch", handler=_batch)

    p = sub.add_parser("jobs", help="list the job history, newest first")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=None, metavar="N",
                   help="show the newest N jobs (default 50; with --json all; 0: all)")
    p.add_argument("--state", action="append", choices=[s.value for s in _job_states()], metavar="STATE",
                   help="only jobs in this state (repeatable): " + ", ".join(s.value for s in _job_states()))
    p.add_argument("--batch", metavar="BATCH_ID", help="only the jobs of this batch")
    p.set_defaults(command="jobs", handler=_jobs_command)

    p = sub.add_parser("sandbox", help="run the local sandbox Queue API server")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8787)
    p.add_argument("--latency", type=float, default=0.0, help="seconds each request is held open")
    p.add_argument("--failure-rate", type=float, default=0.0)
    p.add_argument("--rate-limit-every", type=int, default=0, help="answer every Nth request with 429")
    p.add_argument("--retry-after", type=float, default=1.0, help="seconds in the 429 Retry-After")
    p.add_argument("--mode-202", action="store_true", help="answer 202 and let clients poll")
    p.add_argument("--job-ttl", type=float, default=300.0, help="seconds a finished 202 job's result is kept")
    p.add_argument("--api-key", default=None, help="require this key (default: any key)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--fault-rate", type=float, default=0.0,
                   help="fraction of requests that meet a network fault (reset, truncate, html, garbage, slow)")
    p.add_argument("--audio-speed", type=float, default=0.0, metavar="SECONDS",
                   help="seconds an audio request is held per second of audio (a transcription server's pace)")
    p.set_defaults(command="sandbox", handler=_sandbox)
    return parser


def _job_states():
    from gui.core.jobs.job import JobState

    return list(JobState)


def _base_url(p: argparse.ArgumentParser) -> None:
    where = p.add_mutually_exclusive_group()
    where.add_argument("--base-url", default=DEFAULT_BASE_URL, help="Queue API base URL")
    where.add_argument("--profile", metavar="NAME",
                       help="use a profile saved in the app: its base URL, settings and API key (from the keyring)")


def _batch(args: argparse.Namespace) -> int:
    from gui.core.batch.export import default_format
    from gui.core.batch.headless import make_plan, run_headless
    from gui.core.extraction.fields import output_schema
    from gui.core.builders.cli_args import parse_param
    from gui.cli_engine import open_engine

    plan = make_plan(args.file, args.out, endpoint=Endpoint(args.endpoint), model=args.model,
                     template=args.template, system=args.system, sheet=args.sheet, file_column=args.file_column,
                     params=dict(parse_param(p) for p in args.param),
                     schema=output_schema(args.field, args.schema) if args.field or args.schema else None)
    # JSONL in: results.jsonl is the output (an export only if asked for); tables: the input's format.
    fmt = args.format if args.format or plan.is_jsonl else default_format(plan)
    print(f"Results go to {plan.out_dir}", file=sys.stderr)
    progress = _ProgressLine() if sys.stderr.isatty() else None

    async def run():
        engine = open_engine(args, concurrency=max(1, args.concurrency), max_attempts=max(1, args.max_attempts),
                              per_minute=args.per_minute if args.per_minute and args.per_minute > 0 else None)
        try:
            return await run_headless(engine, plan, fmt, progress)
        finally:
            if progress is not None:
                progress.clear()
            await engine.aclose()

    result = run_stoppable(run)
    print(f"{result.succeeded} succeeded, {result.failed} failed "
          f"({result.reused} reused, {result.sent} sent, {result.changed} changed since the last run)")
    for path in result.written:
        print(path)
    return 0 if result.failed == 0 else 1


class _ProgressLine:
    """One live line on a terminal: rows done / failed / running, rate and ETA."""

    def __init__(self) -> None:
        self._shown = 0.0
        self._width = 0

    def __call__(self, run) -> None:
        now = time.monotonic()
        if now - self._shown < 0.2:  # a redraw per finished row would flood a slow terminal
            return
        self._shown = now
        p = run.progress()
        eta = f"{int(p.eta) // 60}:{int(p.eta) % 60:02d}" if p.eta is not None else "--:--"
        line = (f"{p.finished:,}/{p.total:,} rows · {p.failed:,} failed · {p.in_flight:,} running · "
                f"{p.rate:.1f}/s · ETA {eta}")
        sys.stderr.write("\r" + line.ljust(self._width))
        sys.stderr.flush()
        self._width = len(line)

    def clear(self) -> None:
        if self._width:
            sys.stderr.write("\r" + " " * self._width + "\r")
            sys.stderr.flush()


def _submit(args: argparse.Namespace) -> int:
    from gui.cli_submit import submit

    return submit(args)


def _jobs_command(args: argparse.Namespace) -> int:
    from gui.cli_jobs import list_jobs

    return list_jobs(args)


def _sandbox(args: argparse.Namespace) -> int:
    from gui.sandbox import SandboxConfig, serve

    config = SandboxConfig(
        latency=args.latency,
        failure_rate=args.failure_rate,
        rate_limit_every=args.rate_limit_every,
        retry_after=args.retry_after,
        mode_202=args.mode_202,
        job_ttl=args.job_ttl,
        api_key=args.api_key,
        key_optional=True,  # the README's examples run without OPENAI_API_KEY
        seed=args.seed,
        fault_rate=args.fault_rate,
        audio_speed=args.audio_speed,
    )
    serve(args.host, args.port, config)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
