"""Child process for B4 and B8: a window over a big job history.

usage: history.py bare | app HOME [startup]   — prints start-up time, RSS, filter and scroll
timings, and whether Ctrl+End reached the oldest job ("startup": start-up and RSS only)

Start-up counts from the moment the parent started this process (QUEUE_DESK_BENCH_SPAWNED,
a time.perf_counter() value: the same monotonic clock in every process), so the
interpreter's own start is in both the bare window's time and ours."""
from __future__ import annotations

import json
import os
import sys
import time

STARTED = float(os.environ.get("QUEUE_DESK_BENCH_SPAWNED") or time.perf_counter())
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def bare() -> dict:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    return {"startup_s": time.perf_counter() - STARTED}


def with_history(home: str, startup_only: bool = False) -> dict:
    """The app's own start: its QApplication set-up (settings, language, theme), the engine
    on the store, the main window, all on the app's running event loop."""
    os.environ["QUEUE_DESK_HOME"] = home
    import asyncio
    import gc

    gc.disable()  # as the app's entry does (gui/cli.py); the window resumes it

    from gui.ui.app import make_app  # first, as in the app (gui/cli.py): gui/ui is set up before the rest loads

    from PySide6.QtCore import QTimer

    from gui.core.engine import Engine
    from gui.ui.runtime.event_loop import EventLoop
    from gui.ui.window.main_window import MainWindow

    app = make_app([])
    loop = EventLoop(app)
    asyncio.set_event_loop(loop)
    result: dict = {}

    async def start() -> tuple[Engine, MainWindow]:
        engine = Engine.open("http://127.0.0.1:9/queue", "sk-bench")
        window = MainWindow(engine, "Benchmark")
        window.resize(1280, 800)
        window.show()
        # "Shown" is the real window with the newest jobs painted in its table. A zero
        # timer fires once Qt has handled what was pending, the paint included; rows that
        # arrive during a pass are painted in the next.
        shown = loop.create_future()

        def has_rows() -> bool:
            return window.model.rowCount() > 0 or not window.model.reading

        def after_paint(rows_were_there: bool) -> None:
            if rows_were_there:
                shown.set_result(time.perf_counter())
            else:
                rows = has_rows()
                QTimer.singleShot(0, lambda: after_paint(rows))

        rows = has_rows()
        QTimer.singleShot(0, lambda: after_paint(rows))
        result.update(startup_s=await shown - STARTED, rss_mb=rss_mb())
        await asyncio.sleep(0.3)  # what start-up began (model list, history counts) settles
        # The model list's request (to a closed port) must end on this loop: the filter and
        # scroll measurement below runs Qt's events with no asyncio loop running.
        for _ in range(100):
            if not window.catalog.loading:
                break
            await asyncio.sleep(0.05)
        return engine, window

    engine, window = loop.run_until_complete(start())
    newest = engine.store.next_seq() - 1
    top = window.jobs.model.index(0, 0).data(window.model.JobRole) if window.model.rowCount() else None
    if not window.isVisible() or (newest and (top is None or top.seq != newest)):
        raise SystemExit("the window was not showing the newest job when start-up was measured")
    if not startup_only:
        measure_filter_and_scroll(app, window, result)
        result["oldest_ok"], result["ctrl_end_s"] = ctrl_end_reaches_the_oldest(app, window, engine.store)
        result["rss_scrolled_mb"] = rss_mb()
    window.close_without_asking()
    loop.run_until_complete(engine.aclose())
    loop.close()
    return result


def measure_filter_and_scroll(app, window, result: dict) -> None:
    """Filtering by text, then scrolling top to bottom: no event loop runs here, so the
    model reads the history's order on this thread and the times include it."""
    panel = window.jobs
    started = time.perf_counter()
    panel.filter_edit.blockSignals(True)  # skip the typing debounce: filter right now
    panel.filter_edit.setText("question 4242")
    panel._apply_filter()
    app.processEvents()
    result["filter_s"] = time.perf_counter() - started
    result["filter_rows"] = panel.model.rowCount()
    panel.filter_edit.setText("")
    panel._apply_filter()
    app.processEvents()

    bar = panel.view.verticalScrollBar()
    # A page at a time, or at most 4,000 steps: each step then lands on rows not read yet.
    stride = max(bar.pageStep(), bar.maximum() // 4000)
    worst, steps = 0.0, 0
    deadline = time.perf_counter() + 120
    while time.perf_counter() < deadline:
        before = time.perf_counter()
        bar.setValue(bar.value() + stride)
        app.processEvents()  # paints the rows now on screen (reading their jobs)
        worst = max(worst, time.perf_counter() - before)
        steps += 1
        if bar.value() >= bar.maximum():
            break
    result.update(scroll_worst_frame_s=worst, scroll_steps=steps, rows=window.model.rowCount(),
                  scrolled_to_the_end=bar.value() >= bar.maximum())


def ctrl_end_reaches_the_oldest(app, window, store) -> tuple[bool, float]:
    """Ctrl+Home, then Ctrl+End: is the current row then the oldest job in the store?"""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    view = window.jobs.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    app.processEvents()
    started = time.perf_counter()
    QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    app.processEvents()
    took = time.perf_counter() - started
    oldest = store.jobs(limit=1)
    current = window.jobs.current_job()
    return bool(oldest) and current is not None and current.id == oldest[0].id, took


if __name__ == "__main__":
    out = bare() if sys.argv[1] == "bare" else with_history(sys.argv[2], "startup" in sys.argv[3:])
    print(json.dumps(out))
