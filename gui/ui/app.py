"""Starting and stopping the GUI: Qt first, qasync on top of it, one Engine for the
session, and a shutdown that finishes before Qt quits (qt-async-recipes.md §1)."""
from __future__ import annotations

import asyncio
import os
import sys
from dataclasses import dataclass
from urllib.parse import urlsplit

os.environ.setdefault("QT_API", "pyside6")  # qasync picks its Qt binding at import time

from PySide6.QtCore import QSettings, QTimer  # noqa: E402 - PySide6 before qasync
from PySide6.QtWidgets import QApplication  # noqa: E402

import qasync  # noqa: E402

from gui.core.endpoints import DEFAULT_BASE_URL  # noqa: E402
from gui.core.engine import SANDBOX_KEY, Engine, api_key_from_env  # noqa: E402
from gui.core.errors import QueueError  # noqa: E402
from gui.core.logs import setup_file_logging  # noqa: E402
from gui.core.paths import app_home  # noqa: E402

from . import background  # noqa: E402
from .main_window import MainWindow  # noqa: E402
from .queue_settings import QueueSettings  # noqa: E402

APP_NAME = "Queue Desk"
SANDBOX_PROFILE = "Sandbox"
PROVIDER_PROFILE = "AI Foundation Services"


@dataclass
class Session:
    engine: Engine
    profile: str
    blocker: str | None = None  # why nothing can be submitted, in plain words


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    # The window's close is confirmed and cleaned up by us, not by Qt quitting on its own.
    app.setQuitOnLastWindowClosed(False)
    if os.environ.get("QUEUE_DESK_HOME"):
        # Everything the app writes follows QUEUE_DESK_HOME, settings included.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(app_home() / "settings"))
    return app


def open_session(*, sandbox_url: str | None = None, base_url: str | None = None) -> Session:
    if sandbox_url:
        return Session(Engine.open(sandbox_url, SANDBOX_KEY, **QueueSettings.load().engine_options()),
                       SANDBOX_PROFILE)
    url = base_url or DEFAULT_BASE_URL
    profile = PROVIDER_PROFILE if url.rstrip("/") == DEFAULT_BASE_URL else (urlsplit(url).netloc or url)
    try:
        key, blocker = api_key_from_env(), None
    except QueueError as error:
        # The window still opens (history, results); submitting says what is missing.
        key, blocker = "", error.message
    return Session(Engine.open(url, key, **QueueSettings.load().engine_options()), profile, blocker)


def start_window(session: Session) -> MainWindow:
    """Recover what the last run left in flight, build the window, resume polling."""
    engine = session.engine
    interrupted, to_poll = engine.store.recover()
    window = MainWindow(engine, session.profile, blocker=session.blocker)
    for job in to_poll:
        engine.scheduler.resume_polling(job)
    notes = [session.blocker] if session.blocker else []
    if interrupted:
        n = len(interrupted)
        notes.append(f"{n} job{'s were' if n != 1 else ' was'} interrupted when Queue Desk last stopped; "
                     "select and Resubmit to send again.")
    if to_poll:
        notes.append(f"Checking on {len(to_poll)} job{'s' if len(to_poll) != 1 else ''} the server still holds.")
    if notes:
        window.statusBar().showMessage(" ".join(notes))
    return window


async def shutdown(window: MainWindow | None, engine: Engine) -> None:
    """Jobs still in flight become `interrupted`; clients close before the loop does."""
    background.cancel_all()
    if window is not None:
        window.model.detach()
    await engine.aclose()
    pending = background.pending()
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)


async def serve(session: Session) -> int:
    window = None
    try:
        window = start_window(session)
        closed = asyncio.Event()
        window.closed.connect(closed.set)
        window.show()
        await closed.wait()
        window.hide()
    finally:
        await shutdown(window, session.engine)
        if window is not None:
            window.deleteLater()
    return 0


def run_gui(*, sandbox: bool = False, base_url: str | None = None) -> int:
    """The GUI entry point; returns the process exit code."""
    make_app()
    setup_file_logging()
    server = None
    if sandbox:
        from gui.sandbox import SandboxConfig, SandboxServer

        server = SandboxServer(SandboxConfig(latency=1.0)).start()

    async def main() -> int:
        # The engine's client must be made on the running loop it will be used on.
        session = open_session(sandbox_url=server.url if server else None, base_url=base_url)
        return await serve(session)

    # Python runs signal handlers only between bytecodes; an idle Qt loop runs none, so
    # without this tick Ctrl+C in the terminal would wait for the next mouse move.
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(250)
    try:
        return qasync.run(main())
    except KeyboardInterrupt:  # Ctrl+C in the terminal: `serve` has already shut down cleanly
        return 130
    except Exception as exc:  # e.g. a job database from a newer version; say so, don't just vanish
        if QApplication.platformName() != "offscreen":
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, "Queue Desk could not start", str(exc))  # no loop left: exec() is safe
        raise
    finally:
        wake.stop()
        if server is not None:
            server.stop()
