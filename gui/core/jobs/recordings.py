"""A recording the server would not take whole (issue 17): one job the user sees, its pieces
as child jobs through the same scheduler, stitched onto one time line once all are back.

- Which recordings: an audio or video file that is not a listed audio type, is over the
  upload limit, or may carry video (mp4, webm, mpeg; checked off the event loop).
- The recording job takes no scheduler slot: it waits in a task of its own (as a resumed
  poll does) while its pieces queue with every other job, so recordings never hold slots
  their own pieces need. Each piece is retried on its own; cancelling the recording cancels
  its pieces.
- The pieces and their plan (pieces.json: file, offset, duration) stay in the recording's
  result folder until it is finished, so a restart resumes with the pieces already done and
  sends only the others. Pieces ask for verbose_json, whatever the recording asked, since
  stitching needs their segments; the recording's own files are rendered from the result.
"""
from __future__ import annotations

import asyncio
import json
import os
import shutil
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from gui.core.api.wire import Upload
from gui.core.atomic_files import write_atomic
from gui.core.builders.media_bodies import AUDIO_EXTENSIONS, DEFAULT_MAX_UPLOAD_MIB, MIB
from gui.core.endpoints import Endpoint
from gui.core.errors import ErrorKind, QueueError
from gui.core.i18n import translate
from gui.core.jobs.job import Job, JobState

if TYPE_CHECKING:
    from gui.core.jobs.scheduler import Scheduler

PLAN = "pieces.json"
RAW = "response.json"  # the stitched verbose_json, the recording's raw result
# Containers that may hold a picture track as well as sound; whether one does is read from
# the file (off the event loop) before it is sent as it is.
_MAY_HOLD_VIDEO = ("mp4", "webm", "mpeg")


class Recordings:
    def __init__(self, scheduler: Scheduler, *, max_bytes: int = DEFAULT_MAX_UPLOAD_MIB * MIB,
                 piece_seconds: float | None = None) -> None:
        self.scheduler = scheduler
        self.max_bytes = max_bytes
        self.piece_seconds = piece_seconds  # None: formats.audio's default

    def wants(self, job: Job) -> bool:
        """Cheap (a stat): whether the job goes through here instead of being sent whole."""
        if job.endpoint not in (Endpoint.TRANSCRIPTIONS, Endpoint.TRANSLATIONS) or job.parent_id:
            return False
        path = next((u.path for u in job.uploads if u.field == "file"), None)
        if path is None:
            return False
        suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
        try:
            size = os.stat(path).st_size
        except OSError:
            return False  # the attempt says in words that the file is missing
        return suffix not in AUDIO_EXTENSIONS or size > self.max_bytes or suffix in _MAY_HOLD_VIDEO

    async def run(self, parent: Job) -> None:
        """Cut (or resume), send each piece as soon as it is cut, wait for all, stitch. A
        file that turns out to be sendable as it is goes back to the scheduler as an
        ordinary job."""
        scheduler = self.scheduler
        move = scheduler._move  # noqa: SLF001 - the recording's states go through the scheduler like any job's
        loop = asyncio.get_running_loop()
        folder = scheduler.store.results_dir / parent.id
        source = next(u.path for u in parent.uploads if u.field == "file")
        move(parent, JobState.SUBMITTING, translate("recordings", "reading the recording"), progress=None,
             attempts=parent.attempts + 1)
        plan = _read_plan(folder)
        try:
            if plan is None and await loop.run_in_executor(None, self._whole, source):
                scheduler._send_whole(parent)  # noqa: SLF001
                return
        except QueueError as error:
            move(parent, JobState.FAILED, error.message, error=error.message, error_kind=error.kind.value)
            return
        known = {j.custom_id: j for j in await loop.run_in_executor(
            None, lambda: scheduler.store.jobs(pieces_of=parent.id))}
        pieces: list[Job] = []
        listed = loop.create_future()  # done once every piece is cut (or read from the plan) and listed
        finished: asyncio.Future[None] = loop.create_future()

        def show() -> None:
            done = sum(p.state is JobState.SUCCEEDED for p in pieces)
            parent.progress, parent.pieces = done / len(pieces), (done, len(pieces))
            if parent.state is not JobState.WAITING:
                move(parent, JobState.WAITING, translate("recordings", "cutting and sending the pieces"))
            else:
                scheduler._notify(parent)  # noqa: SLF001 - live progress; the store keeps the pieces' states
            if listed.done() and all(p.state.terminal for p in pieces) and not finished.done():
                finished.set_result(None)

        def add(piece: dict) -> None:
            name = f"piece-{len(pieces) + 1:03d}"
            job = known.get(name) or self._piece_job(parent, piece["path"], name)
            pieces.append(job)
            if job.state is not JobState.SUCCEEDED:
                scheduler.submit_many([job])
            show()

        def listener(job: Job) -> None:
            if job.parent_id == parent.id and pieces:
                show()

        scheduler.subscribe(listener)
        cutting = None
        try:
            if plan is None:
                stop = False

                def on_piece(piece) -> None:  # in the cutting thread
                    if stop:
                        raise asyncio.CancelledError
                    loop.call_soon_threadsafe(add, {"path": str(piece.path)})

                cutting = loop.run_in_executor(None, self._cut, source, folder, on_piece)
                try:
                    plan = await asyncio.shield(cutting)
                except asyncio.CancelledError:
                    stop = True
                    raise
            else:
                for piece in plan:
                    add(piece)
            listed.set_result(None)
            show()
            await finished
        except asyncio.CancelledError:
            for piece in pieces:
                if not piece.state.terminal:
                    scheduler.cancel(piece.id)
            raise
        except QueueError as error:  # the recording could not be cut
            for piece in pieces:
                if not piece.state.terminal:
                    scheduler.cancel(piece.id)
            move(parent, JobState.FAILED, error.message, error=error.message, error_kind=error.kind.value)
            return
        finally:
            scheduler.unsubscribe(listener)
        total = len(pieces)
        parent.pieces = None
        failed = [p for p in pieces if p.state is not JobState.SUCCEEDED]
        if failed:
            first = failed[0]
            message = translate("recordings", "Piece {number} of {total} did not come back: {reason} Resubmit the "
                                              "recording to send only the missing pieces.").format(
                number=pieces.index(first) + 1, total=total, reason=first.error or first.state.label)
            move(parent, JobState.FAILED, message, error=message, error_kind=first.error_kind, progress=None)
            return
        try:
            raw = await loop.run_in_executor(None, _stitch, folder, plan, pieces, parent.body)
        except QueueError as error:
            move(parent, JobState.FAILED, error.message, error=error.message, error_kind=error.kind.value)
            return
        move(parent, JobState.SUCCEEDED, translate("recordings", "{total} pieces").format(total=total),
             result_path=str(raw), progress=None, error=None, error_kind=None, http_status=200)

    def _whole(self, source: str) -> bool:
        from gui.core.formats import audio  # PyAV loads with the first recording, in a worker thread

        return audio.sendable_as_is(source, self.max_bytes)

    def _cut(self, source: str, folder: Path, on_piece) -> list[dict]:
        """Cuts `source` into pieces (each handed to `on_piece` as soon as it is written),
        then writes the plan: once it exists, a restart uses these pieces as they are."""
        from gui.core.formats import audio

        shutil.rmtree(folder / "pieces", ignore_errors=True)  # a cut a stop interrupted starts again
        options = {} if self.piece_seconds is None else {"piece_seconds": self.piece_seconds}
        pieces = audio.split(source, folder / "pieces", max_bytes=self.max_bytes, on_piece=on_piece, **options)
        plan = [{**asdict(p), "path": str(p.path)} for p in pieces]
        write_atomic(folder / PLAN, json.dumps(plan, indent=1).encode())
        return plan

    def _piece_job(self, parent: Job, path: str, name: str) -> Job:
        # verbose_json whatever the recording asked: stitching needs the pieces' segments.
        body = {**parent.body, "response_format": "verbose_json"}
        if parent.endpoint is Endpoint.TRANSCRIPTIONS and not body.get("timestamp_granularities"):
            body["timestamp_granularities"] = ["segment"]
        return Job(parent.endpoint, body, [Upload("file", path)], parent_id=parent.id, custom_id=name,
                   batch_id=parent.batch_id)


def _read_plan(folder: Path) -> list[dict] | None:
    try:
        return json.loads((folder / PLAN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _stitch(folder: Path, plan: list[dict], pieces: list[Job], body: dict) -> Path:
    """The recording's result from its pieces' answers: response.json (verbose_json on the
    recording's time line) and transcript.txt/.srt/.vtt/.json beside it; then the pieces'
    audio goes (the answers stay in the pieces' own folders)."""
    from gui.core.formats.stitch import stitch
    from gui.core.formats.subtitles import parse_transcript, render

    answers = []
    for piece, job in zip(plan, pieces):
        try:
            answers.append((piece["offset"], piece["duration"], Path(job.result_path or "").read_bytes()))
        except OSError as exc:
            raise QueueError(ErrorKind.BAD_RESPONSE, translate("recordings", "A piece's answer could not be read "
                                                                             "({reason}).").format(reason=exc)) from exc
    whole = stitch(answers)
    if body.get("language") and not whole.get("language"):
        whole["language"] = body["language"]
    raw = folder / RAW
    text = json.dumps(whole, ensure_ascii=False, indent=1)
    write_atomic(raw, text.encode())
    transcript = parse_transcript(text, is_json=True)
    for fmt in ("txt", "srt", "vtt", "json"):
        write_atomic(folder / f"transcript.{fmt}", render(transcript, fmt).encode())
    shutil.rmtree(folder / "pieces", ignore_errors=True)
    (folder / PLAN).unlink(missing_ok=True)
    return raw
