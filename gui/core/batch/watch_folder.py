"""The watch folder: audio files that appear in a folder are transcribed (or translated)
once, and the transcript is saved next to them (`talk.transcript.txt`, plus `.srt`/`.vtt`
when that format is asked for) or into an output folder.

Files are recognised by a hash of their content, kept in a small state file, so a file
renamed, copied or seen again after a restart is not sent twice. Hashing reads whole
files and runs in a worker thread, never on the event loop (the GUI thread). A file is
taken only once its size and modification time have stayed the same for `settle`
seconds, so a file still being copied in is not sent half-written."""
from __future__ import annotations

import asyncio
import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gui.core.api.wire import Upload
from gui.core.atomic_files import write_atomic
from gui.core.batch.table import AUDIO_SUFFIXES
from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.results import derive_files

WATCH_BATCH_ID = "watch-folder"
SUFFIX = ".transcript"


@dataclass
class WatchSettings:
    """What a watched folder does: the folder, the model and endpoint its audio files go to, the
    extra parameters, where transcripts are saved and how long a file must stay unchanged."""
    folder: Path
    model: str
    out_dir: Path | None = None  # None: next to each audio file
    endpoint: Endpoint = Endpoint.TRANSCRIPTIONS
    params: dict[str, Any] = field(default_factory=dict)  # language, response_format …
    settle: float = 2.0


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def state_path(home: Path, folder: Path) -> Path:
    key = hashlib.sha256(str(Path(folder).resolve()).encode()).hexdigest()[:16]
    return home / "watch" / f"{key}.json"


class WatchFolder:
    def __init__(self, engine: Engine, settings: WatchSettings, state_file: Path) -> None:
        self.engine = engine
        self.settings = settings
        self.state_file = Path(state_file)
        self.done: dict[str, dict[str, Any]] = self._load_state()  # content hash -> what was made of it
        self._sizes: dict[str, tuple[int, float, float]] = {}  # path -> (size, mtime, since)
        self._hashes: dict[tuple[str, int, float], str] = {}  # (path, size, mtime) -> content hash
        self._inflight: dict[str, tuple[Path, str]] = {}  # job id -> (file, hash)
        self._tried: set[str] = set()  # hashes sent this session (a failure is retried after a restart)
        self._scanning = False
        self.saved: list[Path] = []  # transcripts written this session (newest last)
        engine.scheduler.subscribe(self._on_job)

    def close(self) -> None:
        self.engine.scheduler.unsubscribe(self._on_job)

    @property
    def busy(self) -> int:
        return len(self._inflight)

    @property
    def waiting(self) -> int:
        """Files seen but not yet settled (look again after `settle` seconds)."""
        return sum(1 for path, (size, mtime, _) in self._sizes.items() if (path, size, mtime) not in self._hashes)

    async def scan(self) -> list[Job]:
        """One look at the folder; returns the jobs it submitted."""
        if self._scanning:
            return []
        self._scanning = True
        try:
            loop = asyncio.get_running_loop()
            ready = await loop.run_in_executor(None, self._settled_files)
            fresh = await loop.run_in_executor(None, self._hash_new, ready)
            jobs = []
            for path, digest in fresh:
                if digest in self.done or digest in self._tried:
                    continue
                self._tried.add(digest)
                s = self.settings
                job = Job(s.endpoint, {"model": s.model, **s.params}, [Upload("file", str(path))],
                          batch_id=WATCH_BATCH_ID, custom_id=path.name)
                self._inflight[job.id] = (path, digest)
                jobs.append(job)
            if jobs:
                self.engine.scheduler.submit_many(jobs)
            return jobs
        finally:
            self._scanning = False

    # -- worker thread ------------------------------------------------------------------

    def _settled_files(self) -> list[Path]:
        now = time.time()
        ready, present = [], set()
        try:
            entries = list(os.scandir(self.settings.folder))
        except OSError:
            return []  # the folder is gone or unreadable; the next look may find it again
        for entry in entries:
            if entry.name.startswith(".") or Path(entry.name).suffix.lower() not in AUDIO_SUFFIXES:
                continue
            try:
                if not entry.is_file():
                    continue
                st = entry.stat()
            except OSError:
                continue
            present.add(entry.path)
            size, mtime, since = self._sizes.get(entry.path, (-1, -1.0, now))
            if (size, mtime) != (st.st_size, st.st_mtime):
                self._sizes[entry.path] = (st.st_size, st.st_mtime, now)
                since = now
            if st.st_size and now - since >= self.settings.settle:
                ready.append(Path(entry.path))
        for gone in set(self._sizes) - present:
            del self._sizes[gone]
        return sorted(ready)

    def _hash_new(self, paths: list[Path]) -> list[tuple[Path, str]]:
        found = []
        for path in paths:
            size, mtime, _ = self._sizes[str(path)]
            key = (str(path), size, mtime)
            digest = self._hashes.get(key)
            if digest is None:
                try:
                    digest = self._hashes[key] = file_hash(path)
                except OSError:
                    continue
            found.append((path, digest))
        return found

    # -- results ------------------------------------------------------------------------

    def _on_job(self, job: Job) -> None:
        entry = self._inflight.get(job.id)
        if entry is None or not job.state.terminal:
            return
        del self._inflight[job.id]
        if job.state is not JobState.SUCCEEDED or not job.result_path:
            return
        path, digest = entry
        target = self.settings.out_dir or path.parent
        written = []
        for derived in derive_files(job.result_path, job.endpoint):
            name = f"{path.stem}{SUFFIX}{derived.suffix}"
            written.append(write_atomic(target / name, derived.read_bytes(), durable=False))
        self.saved.extend(written)
        self.done[digest] = {"file": path.name, "saved": [str(p) for p in written], "at": time.time()}
        self._save_state()

    def _load_state(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data.get("done", {}) if isinstance(data, dict) else {}

    def _save_state(self) -> None:
        write_atomic(self.state_file, json.dumps({"folder": str(self.settings.folder), "done": self.done}))
