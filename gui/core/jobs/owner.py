"""Which process owns a job: its pid plus the process's start time, so a pid reused by a
later process is not taken for the one that stored the job. Recovery after a crash marks
only jobs whose owner is gone; the live jobs of another process (a CLI batch while the
window opens, or the other way round) are left alone."""
from __future__ import annotations

import functools
import os
import sys


def start_time(pid: int) -> float | None:
    """When process `pid` started (seconds since the epoch), or None if there is none. One
    that has exited but is not yet reaped by its parent (a zombie: a batch killed with
    kill -9 from a shell that has gone) runs no more: None."""
    if sys.platform.startswith("linux"):
        return _linux_start_time(pid)
    import psutil  # elsewhere; imported only here: it costs ~20 ms of start-up

    try:
        process = psutil.Process(pid)
        return None if process.status() == psutil.STATUS_ZOMBIE else process.create_time()
    except (psutil.Error, OSError):
        return None


def _linux_start_time(pid: int) -> float | None:
    # What psutil reads too, without its import: field 22 of /proc/PID/stat is the start in
    # clock ticks after boot (fields counted after the command name, which may hold spaces).
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        if fields[0] == b"Z":  # the state: exited, not yet reaped
            return None
        return _boot_time() + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


@functools.cache
def _boot_time() -> float:
    with open("/proc/stat", "rb") as f:
        for line in f:
            if line.startswith(b"btime"):
                return float(line.split()[1])
    return 0.0


def current_owner() -> str:
    """This process, as stored in the `owner` column: "<pid>@<start time>"."""
    return _owner(os.getpid())  # by pid: a forked child is another owner


@functools.cache
def _owner(pid: int) -> str:
    return f"{pid}@{start_time(pid) or 0:.2f}"


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
    actual = start_time(pid_number)
    # create_time is rounded to clock ticks and to 2 decimals when stored.
    return actual is not None and abs(actual - start) < 1.0
