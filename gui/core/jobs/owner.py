"""Which process owns a job: its pid plus the process's start time, so a pid reused by a
later process is not taken for the one that stored the job. Recovery after a crash marks
only jobs whose owner is gone; the live jobs of another process (a CLI batch while the
window opens, or the other way round) are left alone."""
from __future__ import annotations

import functools
import os

import psutil


def _start_time(pid: int) -> float | None:
    try:
        return psutil.Process(pid).create_time()
    except (psutil.Error, OSError):
        return None


def current_owner() -> str:
    """This process, as stored in the `owner` column: "<pid>@<start time>"."""
    return _owner(os.getpid())  # by pid: a forked child is another owner


@functools.cache
def _owner(pid: int) -> str:
    return f"{pid}@{_start_time(pid) or 0:.2f}"


def owner_pid(owner: str | None) -> int | None:
    try:
        return int(str(owner).split("@", 1)[0])
    except ValueError:
        return None


def is_alive(owner: str | None) -> bool:
    """Whether the process that stored `owner` still runs (an unknown owner, from a store
    written before owners were recorded, counts as gone)."""
    if not owner:
        return False
    if owner == current_owner():
        return True
    pid, _, started = owner.partition("@")
    try:
        pid_number, start = int(pid), float(started)
    except ValueError:
        return False
    actual = _start_time(pid_number)
    # create_time is rounded to clock ticks and to 2 decimals when stored.
    return actual is not None and abs(actual - start) < 1.0
