"""Atomic file writes: a killed write never leaves a file the app takes for a result."""
from __future__ import annotations

import itertools
import os
from collections.abc import Iterable
from pathlib import Path

_part_numbers = itertools.count(1)  # temporary names: pid and a counter, unique within this process


def write_atomic(path: str | os.PathLike[str], data: bytes | str, *, durable: bool = True,
                 private: bool = False) -> Path:
    """Write to a temporary file beside `path`, then rename over it: readers see the old
    file or the whole new one, never a part, even if the app is killed mid-write.

    `durable` also flushes file and folder to the disk (survives a power cut). The engine
    turns it off for per-job results: two fsyncs cost ~1 ms of CPU per job, and SQLite in
    WAL/NORMAL mode is no more durable than that either, so the two stay consistent.

    `private`: for the app's own data (prompts and answers are confidential): the file is
    0600 and a folder made for it 0700, whatever the umask. Otherwise (a file the user
    exports) the user's umask decides, as for any file they save."""
    return Path(write_atomic_at(os.fspath(path), data, durable=durable, private=private))


def write_atomic_at(target: str, data: bytes | str, *, durable: bool = True, private: bool = False) -> str:
    """`write_atomic` for a plain string path, returned as it is (speed: no Path per result)."""
    return _write_parts(target, (data,), durable, private)


def write_atomic_parts(path: str | os.PathLike[str], parts: Iterable[bytes | str], *, durable: bool = True) -> Path:
    """`write_atomic` of the parts one after another: a big file (a million-row export) is
    written as it is made, never held whole in memory."""
    return Path(_write_parts(os.fspath(path), parts, durable, False))


def _write_parts(target: str, parts: Iterable[bytes | str], durable: bool, private: bool) -> str:
    folder, name = os.path.split(target)
    fd, tmp = open_part(folder, name, private=private)
    try:
        try:
            for data in parts:
                write_all(fd, data.encode("utf-8") if isinstance(data, str) else data)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if durable:
        sync_folder(folder)
    return target


def open_part(folder: str, name: str, *, private: bool = False) -> tuple[int, str]:
    """A new temporary file `.NAME.<pid>-<n>.part` in `folder` (made if missing), open for
    writing: (descriptor, path). `remove_stale_parts` removes it if its process dies."""
    _make_folder(folder, 0o700 if private else 0o777)
    # Speed: plain os calls, not tempfile/pathlib/uuid (this runs once per job on the event loop).
    while True:
        tmp = os.path.join(folder, f".{name}.{os.getpid()}-{next(_part_numbers)}.part")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                           0o600 if private else 0o666), tmp
        except FileExistsError:  # left by a killed process that had the same pid
            continue


def move_atomic(part: str, target: str, *, private: bool = False) -> str:
    """Put a finished temporary file (`open_part`) in place as `target` by renaming it:
    readers see the old file or the whole new one. Both must be on one file system."""
    _make_folder(os.path.dirname(target), 0o700 if private else 0o777)
    os.replace(part, target)
    return target


def write_all(fd: int, data: bytes | bytearray) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _make_folder(folder: str, mode: int) -> None:
    try:
        os.mkdir(folder, mode)
    except FileExistsError:
        pass
    except FileNotFoundError:
        os.makedirs(folder, mode, exist_ok=True)


def private_folder(folder: str | os.PathLike[str]) -> Path:
    """The app's data folder, made (or made again) 0700 whatever the umask: only its owner
    may read the prompts and answers in it."""
    path = Path(folder)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        os.chmod(path, 0o700)
    return path


def private_file(path: str | os.PathLike[str]) -> Path:
    """A file of the app's own data (the job store, the log), made (or made again) 0600."""
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    if os.name == "posix" and os.stat(path).st_mode & 0o077:
        os.chmod(path, 0o600)
    return Path(path)


def sync_folder(folder: str | os.PathLike[str]) -> None:
    """Files renamed into `folder` stay there after a power cut: a rename is durable only
    once the directory entry is on disk (POSIX only)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_parts(folder: str | os.PathLike[str]) -> list[Path]:
    """Remove temporary files (`.NAME.<pid>-<n>.part`) that a killed process left in
    `folder`: those whose process is gone, or older than the process now using that pid."""
    from gui.core.jobs.owner import start_time  # only here: the write path stays lean

    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(".part")):
            continue
        try:
            pid = int(name[:-5].rsplit(".", 1)[1].split("-", 1)[0])
            mtime = entry.stat().st_mtime
            started = start_time(pid)
            if pid == os.getpid() or (started is not None and started <= mtime + 1.0):
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except (ValueError, IndexError, OSError):
            continue
    return removed
