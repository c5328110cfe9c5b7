"""Shared pieces of the benchmarks: a sandbox server in its own process, child processes
pinned to one core, and the result line format."""
from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[2]


def status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status, in MiB. Peak memory is VmHWM,
    not ru_maxrss: the latter survives exec, so a child would report its parent's size."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def sandbox_process(*args: str) -> Iterator[str]:
    """The sandbox in a separate process, so its CPU is not counted as the client's."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "gui", "sandbox", "--port", str(port), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/queue"
    finally:
        proc.terminate()
        proc.wait(10)


def run_child(script: Path, *args: str, core: int | None = 1, env: dict[str, str] | None = None,
              timeout: float = 1800) -> dict:
    """Run a benchmark child; it prints one JSON object as its last line."""
    cmd = [sys.executable, str(script), *args]
    if core is not None and hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        cmd = ["taskset", "-c", str(core), *cmd]
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=full_env, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"{script.name} {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_startup(script: Path, *args: str) -> dict:
    """Run a start-up child as an installed app starts: from compiled bytecode (pip writes
    it at install; the first run here writes it). The child times itself from
    QUEUE_DESK_BENCH_SPAWNED, the parent's time.perf_counter() (one clock for all processes)."""
    return run_child(script, *args, core=None, env={"PYTHONDONTWRITEBYTECODE": "",
                                                    "QUEUE_DESK_BENCH_SPAWNED": repr(time.perf_counter())})


def report(number: int, name: str, measured: float, target: float, unit: str = "x",
           higher_is_better: bool = False) -> bool:
    ok = measured >= target if higher_is_better else measured <= target
    sign = ">=" if higher_is_better else "<="
    print(f"B{number} {name} {measured:.3g}{unit} {sign}{target:g}{unit} {'PASS' if ok else 'FAIL'}", flush=True)
    return ok
