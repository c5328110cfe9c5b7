"""Shared fixtures: a real sandbox server on loopback, an isolated app home."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
# The tests read the English texts; a German desktop must not switch the app they start.
os.environ["LANGUAGE"] = "en"
# The app and CLI subprocesses the tests start must not reach the developer's own keyring (a
# locked one may pop up an unlock prompt); they fall back to OPENAI_API_KEY. In-process tests
# get an in-memory keyring (below); only tests marked `keyring` detect the real one.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

import pytest


@pytest.fixture(scope="session")
def sandbox_server():
    from gui.sandbox import SandboxConfig, SandboxServer

    with SandboxServer(SandboxConfig()) as server:
        yield server


@pytest.fixture
def sandbox(sandbox_server):
    """The session's sandbox with default knobs and an empty request log."""
    sandbox_server.reset()
    yield sandbox_server
    sandbox_server.reset()


@pytest.fixture(autouse=True)
def memory_keyring(request):
    """Every test gets an empty in-memory keyring and a fresh key store, restored afterwards;
    only tests marked `keyring` see the real system keyring."""
    import keyring

    from gui.core.profiles import keys

    keys._store = None
    if request.node.get_closest_marker("keyring"):
        yield None
        keys._store = None
        return
    from memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
        keys._store = None


@pytest.fixture
def home(tmp_path, monkeypatch):
    """Everything the app writes goes under a fresh QUEUE_DESK_HOME."""
    path = tmp_path / "home"
    monkeypatch.setenv("QUEUE_DESK_HOME", str(path))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
    return path


# --- Qt GUI tests: pytest-qt driven, asyncio on a qasync loop (qt-async-recipes.md §1) ---


@pytest.fixture
def qt_settings(qapp, tmp_path):
    """QSettings of the GUI go to a temporary folder, not the user's ~/.config."""
    from PySide6.QtCore import QSettings

    qapp.setOrganizationName("Queue Desk")
    qapp.setApplicationName("Queue Desk")
    folder = str(tmp_path / "settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
    return folder


@pytest.fixture
def qt_loop(qapp):
    """A qasync loop on the already running Qt app: qtbot's waits drive asyncio.

    Teardown order matters (segfaults otherwise, qasync 0.28 #154): tasks cancelled,
    clients closed (the engine fixtures do that first), loop closed, then gc.collect().
    No loop.stop(): it would make every later QEventLoop.exec() return at once."""
    import asyncio
    import gc

    from gui.ui.runtime.event_loop import EventLoop

    loop = EventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    for task in asyncio.all_tasks(loop):
        task.cancel()
    qapp.processEvents()
    asyncio.events._set_running_loop(None)
    loop._QEventLoop__is_running = False
    try:
        qapp.aboutToQuit.disconnect(loop._after_run_forever)
    except (RuntimeError, TypeError):
        pass
    loop.close()
    asyncio.set_event_loop(None)
    gc.collect()


def _run_on_loop(qtbot, coro, timeout: float = 15.0):
    """Run a coroutine to completion on the (already running) qasync loop."""
    import asyncio

    task = asyncio.ensure_future(coro)
    qtbot.waitUntil(task.done, timeout=int(timeout * 1000))
    return task.result()


@pytest.fixture
def run_async(qt_loop, qtbot):
    """`run_async(coro, timeout=15)` runs a coroutine on the qasync loop and returns its result."""
    return lambda coro, timeout=15.0: _run_on_loop(qtbot, coro, timeout)


@pytest.fixture
def gui_engine(qt_loop, qtbot, qt_settings, sandbox, home):
    """`make(**kwargs)` opens an Engine on the sandbox in the test's home; every engine
    is closed (scheduler stopped, HTTP client closed) before the loop closes."""
    from gui.core.engine import SANDBOX_KEY, Engine
    from gui.ui.runtime import background

    engines = []

    def make(**kwargs):
        engine = Engine.open(sandbox.url, SANDBOX_KEY, home=home, **kwargs)
        engines.append(engine)
        return engine

    yield make
    background.cancel_all()
    pending = background.pending()
    if pending:
        qtbot.waitUntil(lambda: all(t.done() for t in pending), timeout=5000)
    for engine in engines:
        _run_on_loop(qtbot, engine.aclose())


@pytest.fixture
def main_window(gui_engine, qtbot):
    """The main window on a fresh sandbox engine (concurrency 8), shown."""
    from gui.ui.window.main_window import MainWindow

    engine = gui_engine(concurrency=8)
    window = MainWindow(engine, "Sandbox")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.complete)  # what the first frame does not show, installed once it is painted
    yield window
    window.close_without_asking()  # teardown must not ask about running jobs
