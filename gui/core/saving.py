"""Saving files the user asked for (exports, transcripts, images), atomically, with the
reason in plain words when it fails: a missing or read-only folder, a full disk."""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from . import files
from .bodies import FieldProblem
from .errors import ErrorKind, QueueError


class SaveError(QueueError):
    def __init__(self, message: str) -> None:
        super().__init__(ErrorKind.INPUT, message)


def check_folder(folder: str | Path) -> Path:
    """An output folder must exist and be writable; we do not create one silently
    (a typo would scatter files in a new folder)."""
    path = Path(folder).expanduser()
    if not str(folder).strip():
        raise FieldProblem("folder", "Choose an output folder.")
    if not path.exists():
        raise FieldProblem("folder", f"The output folder {path} does not exist. Create it or choose another one.")
    if not path.is_dir():
        raise FieldProblem("folder", f"{path} is a file, not a folder. Choose a folder.")
    if not _writable(path):
        raise FieldProblem("folder", f"The output folder {path} is read-only. Choose a folder you can write to.")
    return path


def _writable(folder: Path) -> bool:
    # os.access says yes to root even on a read-only mount; a real temp file tells the truth.
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".queue-desk-", suffix=".probe"):
            return True
    except OSError:
        return False


def save_file(path: str | Path, data: bytes | str) -> Path:
    """Write `data` to `path` atomically (a failed save leaves no partial file)."""
    target = Path(path)
    try:
        return files.write_atomic(target, data)
    except OSError as exc:
        raise SaveError(describe(exc, target)) from None


def describe(exc: OSError, target: Path) -> str:
    where = target.parent
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"The disk is full: {target.name} could not be saved. Free some space or choose another folder."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{where} is read-only: {target.name} could not be saved. Choose a folder you can write to."
    if exc.errno == errno.ENOENT:
        return f"The folder {where} does not exist (any more). Choose another folder."
    if exc.errno == errno.ENAMETOOLONG:
        return f"The file name {target.name[:60]}… is too long. Shorten the file-name template."
    return f"{target.name} could not be saved: {exc.strerror or exc}."


def unique_path(path: Path) -> Path:
    """`name.txt`, else `name (2).txt`, … (auto-save never overwrites another file)."""
    if not path.exists():
        return path
    for n in range(2, 10_000):
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists():
            return candidate
    return path


def same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
