"""The asyncio loop on Qt's event loop: qasync's, with ready callbacks run in batches.

Speed: qasync starts one zero-interval Qt timer per `call_soon` (every task step, every
future's done-callback): a timer registered, a QTimerEvent wrapped for Python, a timer
killed, about five per job. Here callbacks that are ready now wait in a queue, as in
asyncio's own loop, and one zero-interval timer runs them. Like asyncio, a pass runs only
the callbacks that were ready when it began, and for at most PASS_BUDGET; the rest wait
for the next pass, so Qt's events (input, paint, timers, sockets) come in between and a
busy loop cannot starve the window. Delayed callbacks (`call_later`) keep qasync's own timers.

Borrowed internals (the one place that uses them): qasync's private
`QEventLoop._add_callback(handle, delay)`, through which `call_soon`/`call_later` schedule,
and asyncio's `Handle._run()` and `Handle._cancelled`, as asyncio's own loop uses them.
Written against qasync 0.28 (bounded in pyproject.toml) and CPython 3.11 to 3.13;
`upstream_problems()` says what no longer fits, and tests/ui/test_event_loop.py runs it."""
from __future__ import annotations

import asyncio
import collections
import inspect
import os
import time
from collections.abc import Coroutine
from typing import Any, TypeVar

os.environ.setdefault("QT_API", "pyside6")  # qasync picks its Qt binding at import time

import qasync  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402 - PySide6 before qasync
from PySide6.QtWidgets import QApplication  # noqa: E402

T = TypeVar("T")
# A pass stops after this long and lets Qt handle its events (a frame is 16 ms).
PASS_BUDGET = 0.004


class EventLoop(qasync.QEventLoop):
    def __init__(self, app: QApplication | None = None, already_running: bool = False) -> None:
        self._ready: collections.deque[asyncio.Handle] = collections.deque()
        self._ready_timer = QTimer()
        self._ready_timer.setSingleShot(True)
        self._ready_timer.setInterval(0)
        self._ready_timer.timeout.connect(self._run_ready)
        super().__init__(app, already_running=already_running)

    def _add_callback(self, handle: asyncio.Handle, delay: float = 0) -> asyncio.Handle:
        if delay > 0:
            return super()._add_callback(handle, delay)
        self._ready.append(handle)
        if not self._ready_timer.isActive():
            self._ready_timer.start()
        return handle

    def _run_ready(self) -> None:
        ready = self._ready
        deadline = time.perf_counter() + PASS_BUDGET
        for _ in range(len(ready)):
            handle = ready.popleft()
            if not handle._cancelled:
                handle._run()  # reports its own exceptions to the loop's handler
            if time.perf_counter() > deadline:
                break
        if ready and not self._ready_timer.isActive():  # a restart would queue it behind Qt's timers again
            self._ready_timer.start()

    def close(self) -> None:
        self._ready_timer.stop()
        self._ready.clear()
        super().close()


def run(main: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run(main)` on an EventLoop over the running QApplication."""
    with asyncio.Runner(loop_factory=lambda: EventLoop(QApplication.instance())) as runner:
        return runner.run(main)


def upstream_problems() -> list[str]:
    """What of qasync and asyncio this module relies on is missing or changed (empty: all fits)."""
    problems = []
    add = getattr(qasync.QEventLoop, "_add_callback", None)
    if add is None:
        problems.append("qasync.QEventLoop._add_callback is gone")
    elif list(inspect.signature(add).parameters) != ["self", "handle", "delay"]:
        problems.append(f"qasync.QEventLoop._add_callback now takes {inspect.signature(add)}")
    elif "self._add_callback(" not in inspect.getsource(qasync.QEventLoop.call_later):
        problems.append("qasync.QEventLoop.call_later no longer schedules through _add_callback")
    loop = asyncio.new_event_loop()
    try:
        handle = asyncio.Handle(print, (), loop)
        if not callable(getattr(handle, "_run", None)) or not isinstance(getattr(handle, "_cancelled", None), bool):
            problems.append("asyncio.Handle has no _run() or _cancelled")
    finally:
        loop.close()
    return problems
