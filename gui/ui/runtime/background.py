"""Coroutines started from Qt slots.

qasync's asyncSlot keeps no strong reference to its tasks (a task referenced only by the
loop can be garbage-collected mid-flight), so the UI keeps its own set. Failures go to
`sys.excepthook`, where the app logs them and pytest-qt reports them."""
from __future__ import annotations

import asyncio
import sys
from collections.abc import Coroutine
from typing import Any

_tasks: set[asyncio.Task[Any]] = set()


def spawn(coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
    task = asyncio.ensure_future(coro)
    _tasks.add(task)
    task.add_done_callback(_finished)
    return task


def pending() -> list[asyncio.Task[Any]]:
    return [t for t in _tasks if not t.done()]


def cancel_all() -> None:
    for task in list(_tasks):
        task.cancel()


def _finished(task: asyncio.Task[Any]) -> None:
    _tasks.discard(task)
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        sys.excepthook(type(exc), exc, exc.__traceback__)
