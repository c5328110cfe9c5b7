"""The app's event loop (gui/ui/runtime/event_loop.py): ready callbacks run in batches from one Qt
timer, in order, without starving Qt, as asyncio's own loop would run them."""
from __future__ import annotations

import asyncio
import threading
import time

from PySide6.QtCore import QTimer

from gui.ui.runtime import event_loop


async def after_ready_callbacks(loop: asyncio.AbstractEventLoop) -> None:
    """Returns once every callback made ready before it has run (they run in order)."""
    done = loop.create_future()
    loop.call_soon(done.set_result, None)
    await asyncio.wait_for(done, 5)


def test_callbacks_run_in_order_and_a_cancelled_one_not_at_all(qt_loop, run_async):
    async def scenario() -> list[int]:
        loop = asyncio.get_running_loop()
        seen: list[int] = []
        handles = [loop.call_soon(seen.append, i) for i in range(100)]
        handles[50].cancel()
        await after_ready_callbacks(loop)
        return seen

    assert run_async(scenario()) == [i for i in range(100) if i != 50]


def test_a_failing_callback_is_reported_and_the_rest_still_run(qt_loop, run_async):
    errors: list[BaseException] = []
    qt_loop.set_exception_handler(lambda _loop, context: errors.append(context["exception"]))

    def boom() -> None:
        raise ValueError("boom")

    async def scenario() -> list[str]:
        loop = asyncio.get_running_loop()
        seen: list[str] = []
        loop.call_soon(seen.append, "before")
        loop.call_soon(boom)
        loop.call_soon(seen.append, "after")
        await after_ready_callbacks(loop)
        return seen

    assert run_async(scenario()) == ["before", "after"]
    assert [str(e) for e in errors] == ["boom"]


def test_a_busy_loop_leaves_qt_its_turn(qt_loop, run_async):
    """Callbacks that schedule more callbacks, for half a second: a 10 ms Qt timer still
    fires about on time. Draining the queue until empty would never return to Qt."""

    async def scenario() -> tuple[int, float]:
        loop = asyncio.get_running_loop()
        beats: list[float] = []
        heartbeat = QTimer()
        heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
        heartbeat.start(10)
        end = time.perf_counter() + 0.5
        done = loop.create_future()

        def spin() -> None:
            time.sleep(0.001)  # 1 ms of work per callback
            if time.perf_counter() < end:
                loop.call_soon(spin)
                loop.call_soon(lambda: None)  # the queue grows while it runs
            elif not done.done():
                done.set_result(None)

        for _ in range(4):
            loop.call_soon(spin)
        await done
        heartbeat.stop()
        gaps = [b - a for a, b in zip(beats, beats[1:])]
        return len(beats), max(gaps)

    count, worst_gap = run_async(scenario())
    assert count >= 20  # ~50 expected; without Qt's turn there would be none until the end
    assert worst_gap < 0.05


def test_a_pass_stops_after_its_budget(qt_loop, run_async):
    """Twenty 2 ms callbacks ready at once: a Qt timer started after them fires before the
    last of them, since a pass gives Qt its turn after PASS_BUDGET."""

    async def scenario() -> list[str]:
        loop = asyncio.get_running_loop()
        order: list[str] = []
        timer = QTimer(singleShot=True, interval=0)
        timer.timeout.connect(lambda: order.append("qt"))

        def work(i: int) -> None:
            time.sleep(0.002)
            order.append(f"cb{i}")

        for i in range(20):
            loop.call_soon(work, i)
        timer.start()
        await after_ready_callbacks(loop)
        return order

    order = run_async(scenario())
    assert "qt" in order and order.index("qt") < order.index("cb19")
    assert [o for o in order if o != "qt"] == [f"cb{i}" for i in range(20)]


def test_callbacks_from_other_threads_and_delayed_ones_run(qt_loop, run_async):
    async def scenario() -> list[str]:
        loop = asyncio.get_running_loop()
        seen: list[str] = []
        loop.call_later(0.02, seen.append, "later")
        threading.Thread(target=lambda: loop.call_soon_threadsafe(seen.append, "thread")).start()
        result = await loop.run_in_executor(None, lambda: "executor")
        seen.append(result)
        async with asyncio.timeout(5):
            while len(seen) < 3:
                await asyncio.sleep(0.005)
        return sorted(seen)

    assert run_async(scenario()) == ["executor", "later", "thread"]


def test_run_returns_the_result_and_closes_its_loop(qapp):
    loops: list[asyncio.AbstractEventLoop] = []

    async def main() -> int:
        loops.append(asyncio.get_running_loop())
        await asyncio.sleep(0.01)
        return 42

    assert event_loop.run(main()) == 42
    assert isinstance(loops[0], event_loop.EventLoop) and loops[0].is_closed()


def test_qasync_and_asyncio_still_fit_the_loop(monkeypatch):
    """The loop borrows qasync's private _add_callback and asyncio's Handle._run: a release
    that changes them must fail here, naming what changed, not at a user's install."""
    from importlib.metadata import version

    problems = event_loop.upstream_problems()
    assert not problems, (f"gui/ui/runtime/event_loop.py was written against qasync 0.28; with qasync "
                          f"{version('qasync')}: " + "; ".join(problems))
    import qasync

    monkeypatch.setattr(qasync.QEventLoop, "_add_callback", lambda self, handle: None)
    assert event_loop.upstream_problems() == ["qasync.QEventLoop._add_callback now takes (self, handle)"]
