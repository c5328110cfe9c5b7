"""Saving files the user asked for (exports, transcripts, images), atomically, with the
reason in plain words when it fails: a missing or read-only folder, a full disk."""
from __future__ import annotations

import errno
import tempfile
from pathlib import Path

from gui.core import atomic_files as files
from gui.core.errors import InputProblem
from gui.core.i18n import translate


def check_folder(folder: str | Path) -> Path:
    """An output folder must exist and be writable; we do not create one silently
    (a typo would scatter files in a new folder)."""
    path = Path(folder).expanduser()
    if not str(folder).strip():
        raise InputProblem(translate("saving", "Choose an output folder."), field="folder")
    if not path.exists():
        raise InputProblem(translate(
            "saving", "The output folder {path} does not exist. Create it or choose another one.").format(path=path), field="folder")
    if not path.is_dir():
        raise InputProblem(translate("saving", "{path} is a file, not a folder. Choose a folder.").format(
            path=path), field="folder")
    if not _writable(path):
        raise InputProblem(translate(
            "saving", "The output folder {path} is read-only. Choose a folder you can write to.").format(path=path), field="folder")
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
        raise InputProblem(describe(exc, target)) from None


def describe(exc: OSError, target: Path) -> str:
    where = target.parent
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return translate("saving", "The disk is full: {name} could not be saved. Free some space or choose another "
                                   "folder.").format(name=target.name)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return translate("saving", "{folder} is read-only: {name} could not be saved. Choose a folder you can write "
                                   "to.").format(folder=where, name=target.name)
    if exc.errno == errno.ENOENT:
        return translate("saving", "The folder {folder} does not exist (any more). Choose another folder.").format(
            folder=where)
    if exc.errno == errno.ENAMETOOLONG:
        return translate("saving", "The file name {name}… is too long. Shorten the file-name template.").format(
            name=target.name[:60])
    return translate("saving", "{name} could not be saved: {reason}.").format(name=target.name,
                                                                              reason=exc.strerror or exc)


def unique_path(path: Path) -> Path:
    """`name.txt`, else `name (2).txt`, … (auto-save never overwrites another file)."""
    if not path.exists():
        return path
    for n in range(2, 10_000):
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists():
            return candidate
    return path
