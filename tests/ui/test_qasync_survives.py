"""Regression guard for the PySide6 6.12.0 / Python < 3.12 crash (qt-async-recipes.md §0):
each Qt timer dropped a reference to None until the process aborted with
`Fatal Python error: none_dealloc`. qasync runs every callback through Qt timers, so push
tens of thousands of them through the loop in a subprocess and check it survives."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import asyncio, os, sys
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_API"] = "pyside6"
    from PySide6.QtWidgets import QApplication
    import qasync

    CALLBACKS = 40_000

    async def main():
        loop = asyncio.get_running_loop()
        before = sys.getrefcount(None)
        done = asyncio.Event()
        count = 0

        def tick():
            nonlocal count
            count += 1
            if count == CALLBACKS:
                done.set()

        for i in range(CALLBACKS):
            if i % 4 == 0:
                loop.call_later(0.0005, tick)   # a Qt timer that is killed after it fires
            else:
                loop.call_soon(tick)
        await done.wait()
        for _ in range(2_000):
            await asyncio.sleep(0)
        after = sys.getrefcount(None)
        print(f"callbacks={count} none_delta={after - before}")
        # A leak of one reference per timer would show as a fall of thousands.
        assert after - before > -1_000, (before, after)

    app = QApplication([])
    qasync.run(main())
    print("survived")
    """
)


def test_tens_of_thousands_of_qasync_callbacks_do_not_abort() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "survived" in proc.stdout
    assert "callbacks=40000" in proc.stdout
