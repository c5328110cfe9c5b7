"""`queue-desk submit`: one request (or one per file) through the queue, waited for; the
result files' paths on stdout, errors and long retry waits on stderr."""
from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

from gui.cli_engine import open_engine
from gui.cli_stop import run_stoppable
from gui.core.api.server_text import one_line
from gui.core.endpoints import Endpoint
from gui.core.errors import QueueError, human_duration


def submit(args: argparse.Namespace) -> int:
    from gui.core.builders.cli_args import build_jobs, parse_param
    from gui.core.jobs.job import Job, JobState

    endpoint = Endpoint(args.endpoint)
    params = dict(parse_param(p) for p in args.param)
    jobs = build_jobs(endpoint, model=args.model, prompt=args.prompt, params=params, files=args.file, mask=args.mask,
                      max_upload_mib=args.max_upload_mib)

    if args.out is not None:  # before anything is sent (and paid for), not after
        _check_out_folder(args.out)

    async def run() -> int:
        engine = open_engine(args, **({"poll_deadline": args.timeout} if args.timeout else {}))
        engine.scheduler.recordings.max_bytes = int(args.max_upload_mib * 1024 * 1024)  # longer ones go in pieces
        told: set[tuple[str, int]] = set()

        def tell_retry(job: Job) -> None:
            # A wait of up to a minute per attempt (a busy server's Retry-After) is said, not
            # silent; the quick retries of a backoff (2 s at most by default) are not worth a line.
            wait = (job.retry_at or 0) - time.time()
            if job.state is JobState.RETRYING and wait > 2.5 and (job.id, job.attempts) not in told:
                told.add((job.id, job.attempts))
                wait = human_duration(wait)
                print(f"queue-desk: {one_line(job.error or '')} Trying again in {wait} (attempt {job.attempts} "
                      "done).", file=sys.stderr)

        engine.scheduler.subscribe(tell_retry)
        try:
            engine.scheduler.submit_many(jobs)
            await asyncio.wait_for(engine.scheduler.wait(), args.timeout)
        except TimeoutError:
            print(f"queue-desk: gave up waiting after {human_duration(args.timeout)}; the job stays in the "
                  "history (queue-desk jobs).", file=sys.stderr)
            return 1
        finally:
            await engine.aclose()
        failed = [j for j in jobs if j.error]
        empty = []  # answered, but nothing a person can use was saved (e.g. every image link failed)
        for job in jobs:
            if job.result_path:
                files = _result_files(job, args.out)
                for path in files:
                    print(path)
                if not files:
                    empty.append(job)
        for job in failed:
            print(f"queue-desk: {one_line(job.error)}", file=sys.stderr)
        for job in empty:
            print(f"queue-desk: {one_line(_why_empty(job))}", file=sys.stderr)
        return 1 if failed or empty else 0

    return run_stoppable(run)


def _why_empty(job) -> str:
    from gui.core.jobs.result_images import download_problems

    problems = download_problems(Path(job.result_path).parent)
    reasons = "; ".join(f"image {n}: {why}" for n, why in sorted(problems.items())) or "the answer held no image"
    return f"no image was saved ({reasons}). The server's answer is kept in {job.result_path}."


def _check_out_folder(out: Path) -> None:
    from gui.core.errors import ErrorKind

    if out.exists() and not out.is_dir():
        raise QueueError(ErrorKind.INPUT, f"--out {out} is a file; give a folder for the results.")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise QueueError(ErrorKind.INPUT, f"--out {out} cannot be made ({error.strerror or error}); "
                                          "give a folder you can write to.") from None


def _result_files(job, out: Path | None) -> list[Path]:
    """The job's person-friendly result files, copied to `out` if given."""
    from gui.core.atomic_files import write_atomic
    from gui.core.jobs.results import derive_files

    files = derive_files(job.result_path, job.endpoint)
    if out is None:
        return files
    return [write_atomic(out / f"{job.id}-{path.name}", path.read_bytes()) for path in files]
