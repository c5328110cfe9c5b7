"""One batch per output folder at a time: a lock file in the folder, held (by the operating
system, so a killed process lets go at once) for as long as a batch writes there. A second
run into the same folder learns which process holds it and stops before sending anything;
two identical batches would otherwise send every row twice."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from gui.core.errors import InputProblem
from gui.core.i18n import translate
from gui.core.jobs.owner import current_owner, is_alive, owner_pid

LOCK_NAME = ".queue-desk-batch.lock"
_WINDOWS_LOCK_AT = 1 << 20  # Windows locks a byte range: one far past the holder's text, which others read


class FolderLock:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self._fd: int | None = None
        self._refused_by: str | None = None  # the process that had the folder when it was last refused

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the folder, or raise QueueError naming the process that has it."""
        if self._fd is not None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        try:
            _lock(fd)
        except OSError:
            self._refused_by = _holder(fd)
            os.close(fd)
            raise InputProblem(translate(
                "batch", "Another Queue Desk process (pid {pid}) is running a batch into {folder}. Wait for it to "
                         "finish, stop it, or choose another output folder.").format(
                pid=owner_pid(self._refused_by) or "?", folder=self.folder)) from None
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{current_owner()}\n".encode())
        self._fd, self._refused_by = fd, None

    def elsewhere(self) -> int | None:
        """The pid of the process that had the folder when it was last refused to this one,
        while that process lives (a batch opened only to be looked at: it runs there)."""
        return owner_pid(self._refused_by) if self._refused_by and is_alive(self._refused_by) else None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing lets go of the lock; the file stays (removing it would race)

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _holder(fd: int) -> str | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 200).decode("ascii", "replace").strip() or None
    except OSError:
        return None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_AT, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        # flock, not lockf: a second open of the file in the same process conflicts too, so
        # the window cannot run two batches into one folder either.
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
