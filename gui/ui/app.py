"""Starting and stopping the GUI: Qt first, asyncio on top of it (event_loop.py), one
Engine for the session, and a shutdown that finishes before Qt quits (qt-async-recipes.md §1)."""
from __future__ import annotations

import asyncio
import logging
import os
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from gui.core.api.urls import is_loopback
from gui.core.endpoints import DEFAULT_BASE_URL
from gui.core.engine import SANDBOX_KEY, Engine
from gui.core.errors import QueueError
from gui.core.logs import setup_file_logging
from gui.core.paths import app_home
from gui.core.profiles.profile import (
    PROVIDER_PROFILE,
    SANDBOX_PROFILE,
    Profile,
    ProfileStore,
)
from gui.ui.runtime import background, event_loop, language
from gui.ui.runtime import settings as app_settings
from gui.ui.runtime import theme
from gui.ui.runtime.icons import app_icon
from gui.ui.runtime.settings import Key, QueueSettings
from gui.ui.window.main_window import MainWindow

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls

APP_NAME = "Queue Desk"

_sandbox_server: _Sandbox | None = None  # started on demand when the Sandbox profile is used without --sandbox


@dataclass
class Session:
    """What the window runs on: the engine of one profile, why nothing can be sent (if so),
    and notes for the user."""
    engine: Engine
    profile: str
    blocker: str | None = None  # why nothing can be submitted, in plain words
    sandbox_url: str | None = None
    notes: list[str] = field(default_factory=list)  # things to tell the user once, e.g. no keyring


def active_profile() -> str:
    return app_settings.get(Key.ACTIVE_PROFILE) or PROVIDER_PROFILE


def remember_active_profile(name: str) -> None:
    app_settings.put(Key.ACTIVE_PROFILE, name)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    made_here = app is None
    if made_here:
        args = list(argv if argv is not None else sys.argv) or [APP_NAME]  # [0] is the program's name
        app = QApplication([*args[:1], *theme.FUSION_ARGS, *args[1:]])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    # The window's close is confirmed and cleaned up by us, not by Qt quitting on its own.
    app.setQuitOnLastWindowClosed(False)
    app.setWindowIcon(app_icon())
    if os.environ.get("QUEUE_DESK_HOME"):
        # Everything the app writes follows QUEUE_DESK_HOME, settings included.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(app_home() / "settings"))
    # After the settings location (the saved choices are read there), before any window.
    language.install(app)
    theme.apply(app, fusion_already=made_here)
    return app


def open_session(*, sandbox_url: str | None = None, base_url: str | None = None,
                 profile_name: str | None = None) -> Session:
    """The engine for a profile: `profile_name`, else a one-off profile for `base_url`, else
    the sandbox if one was started for this run, else the remembered active profile."""
    store = ProfileStore(sandbox_url=sandbox_url)
    one_off = bool(base_url) and not profile_name and base_url.rstrip("/") != DEFAULT_BASE_URL
    if profile_name:
        profile = store.require(profile_name)
    elif one_off:
        profile = Profile(urlsplit(base_url).netloc or base_url, base_url)
    elif base_url:
        profile = store.require(PROVIDER_PROFILE)
    elif sandbox_url:
        profile = store.require(SANDBOX_PROFILE)
    else:
        profile = store.get(active_profile()) or store.require(PROVIDER_PROFILE)
    if profile.name == SANDBOX_PROFILE and not profile.base_url:
        sandbox_url = ensure_sandbox()
        profile = replace(profile, base_url=sandbox_url)
    from gui.core.profiles.keys import (  # Speed: keyring takes ~50 ms to import; only here
        KeySource,
        key_store,
    )

    keys = key_store()
    blocker = None
    if profile.name == SANDBOX_PROFILE:
        found = keys.get(profile.name)  # never send OPENAI_API_KEY (a real key) to the sandbox
        key = found.value if found and found.source is not KeySource.ENVIRONMENT else SANDBOX_KEY
    else:
        try:
            key = keys.require(profile.name).value
        except QueueError as error:
            # A server on this machine may need no key: requests go without one. Elsewhere the
            # window still opens (history, results); submitting says what is missing.
            key, blocker = "", None if is_loopback(urlsplit(profile.base_url).hostname or "") else error.message
    options = QueueSettings.load().engine_options()
    # Redacted from answers besides the key in use: OPENAI_API_KEY, and with a one-off base URL
    # the keys stored for that server's profiles. (A profile's own stored key is the key in use
    # whenever it has one: no keyring lookup for it.)
    secrets = keys.secrets(*(store.at_origin(base_url) if one_off else ()))
    try:
        if one_off:  # an explicit --base-url is used exactly as given
            engine = Engine.open(base_url, key, secrets=secrets, **options)
        else:
            engine = Engine.for_profile(profile, key, defaults=options, secrets=secrets)
    except QueueError as error:
        if profile_name or one_off or profile.name == PROVIDER_PROFILE:
            raise
        # The remembered profile broke since the last run (e.g. its CA file is gone): start
        # anyway, on the provider, and say why.
        fallback = open_session(profile_name=PROVIDER_PROFILE, sandbox_url=sandbox_url)
        fallback.notes.insert(0, translate("app", "The profile {profile} cannot be used: {problem} Using {fallback}; "
                                                  "fix it under File → Profiles.").format(
            profile=repr(profile.name), problem=error.message, fallback=PROVIDER_PROFILE))
        return fallback
    # The sandbox needs no real key: a missing keyring is no news there.
    notes = [keys.problem] if keys.problem and profile.name != SANDBOX_PROFILE else []
    return Session(engine, profile.name, blocker, sandbox_url=sandbox_url, notes=notes)


class _Sandbox:
    """The in-process sandbox. Speed: its port is taken at once, so the engine knows where
    to send; the server (Starlette and uvicorn, ~0.15 s to load) starts in a worker thread
    once the event loop runs, i.e. after the window is shown. A request sent earlier waits
    in the socket's backlog."""

    def __init__(self) -> None:
        # As SandboxServer.start makes it: TCP (asyncio turns Nagle off only then), reusable.
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(2048)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/queue"
        self.server = None
        self._starter = threading.Thread(target=self._start, name="queue-desk-sandbox-start", daemon=True)

    def start_soon(self) -> None:
        QTimer.singleShot(0, self._starter.start)

    def _start(self) -> None:
        from gui.sandbox import SandboxConfig, SandboxServer

        try:
            self.server = SandboxServer(SandboxConfig(latency=1.0)).start(self.sock)
        except Exception:  # noqa: BLE001 - a thread has nowhere to raise; requests will say "cannot connect"
            logging.getLogger(__name__).exception("the sandbox did not start")

    def stop(self) -> None:
        if self._starter.is_alive():
            self._starter.join(timeout=10)
        if self.server is not None:
            self.server.stop()
        else:
            self.sock.close()


def ensure_sandbox() -> str:
    """The in-process sandbox's URL, starting it if this run has none yet."""
    global _sandbox_server
    if _sandbox_server is None:
        _sandbox_server = _Sandbox()
        _sandbox_server.start_soon()
    return _sandbox_server.url


def stop_sandbox() -> None:
    global _sandbox_server
    if _sandbox_server is not None:
        _sandbox_server.stop()
        _sandbox_server = None


def start_window(session: Session) -> MainWindow:
    """Recover what the last run left in flight, build the window, resume polling."""
    engine = session.engine
    interrupted, to_poll = engine.store.recover()
    window = MainWindow(engine, session.profile, blocker=session.blocker,
                        profiles=ProfileStore(sandbox_url=session.sandbox_url))
    for job in to_poll:
        engine.scheduler.resume_polling(job)
    # Another process holding the database for a while: say so (changes are kept and retried).
    engine.scheduler.on_store_trouble(lambda message: window.statusBar().showMessage(message or ""))
    notes = list(session.notes)  # the blocker (e.g. no key) is in each form's banner: said once
    if interrupted:
        text = (translate("app", "1 job was interrupted when Queue Desk last stopped; select it and Resubmit "
                                 "to send it again.") if len(interrupted) == 1 else
                translate("app", "{count} jobs were interrupted when Queue Desk last stopped; select and "
                                 "Resubmit to send again."))
        notes.append(text.format(count=len(interrupted)))
    if to_poll:
        text = (translate("app", "Checking on 1 job the server still holds.") if len(to_poll) == 1 else
                translate("app", "Checking on {count} jobs the server still holds."))
        notes.append(text.format(count=len(to_poll)))
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


async def switch_profile(window: MainWindow, session: Session, name: str) -> tuple[MainWindow, Session]:
    """Rebuild the engine for another profile: the new one is opened first (so a profile
    that cannot be used changes nothing), then the old window and engine are closed cleanly
    (scheduler stopped, HTTP client closed), and a new window takes the old one's place.
    The job store is the same database; the caller has made sure no job is running."""
    new_session = open_session(profile_name=name, sandbox_url=session.sandbox_url)
    window.save_layout()
    await shutdown(window, session.engine)
    remember_active_profile(name)
    new_window = start_window(new_session)
    new_window.setGeometry(window.geometry())
    new_window.show()
    window.hide()
    window.deleteLater()
    return new_window, new_session


async def serve(session: Session) -> int:
    window = None
    # The system asking the app to stop (logout, shutdown, `kill`): the window closes as
    # "Quit anyway" does, so what is typed and the layout are kept, not cut off mid-write.
    restore = _close_on_signals(lambda: window)
    try:
        window = start_window(session)
        while True:
            done = asyncio.Event()
            wanted: list[str] = []
            window.closed.connect(done.set)
            window.switch_requested.connect(lambda name, w=wanted, d=done: (w.append(name), d.set()))
            window.show()
            await done.wait()
            if not wanted:
                break
            try:
                window, session = await switch_profile(window, session, wanted[-1])
            except QueueError as error:  # the old engine is still open: stay on it and say why
                window.statusBar().showMessage(translate("app", "Could not switch to {profile}: {problem}").format(
                    profile=wanted[-1], problem=error.message))
        window.hide()
    finally:
        restore()
        await shutdown(window, session.engine)
        if window is not None:
            window.deleteLater()
    return 0


def _close_on_signals(current: Callable[[], MainWindow | None]) -> Callable[[], None]:
    """SIGTERM and SIGHUP close the current window without asking (on the event loop, not
    inside the handler); returns what puts the previous handlers back."""
    import signal

    def close(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, lambda: (window := current()) is not None and window.close_without_asking())

    previous = {}
    for signum in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)):
        if signum is not None:
            previous[signum] = signal.signal(signum, close)
    return lambda: [signal.signal(signum, handler) for signum, handler in previous.items()]


def run_gui(*, sandbox: bool = False, base_url: str | None = None) -> int:
    """The GUI entry point; returns the process exit code."""
    make_app()
    setup_file_logging()

    async def main() -> int:
        # The engine's client must be made on the running loop it will be used on.
        session = open_session(sandbox_url=ensure_sandbox() if sandbox else None, base_url=base_url)
        return await serve(session)

    # Python runs signal handlers only between bytecodes; an idle Qt loop runs none, so
    # without this tick Ctrl+C in the terminal would wait for the next mouse move.
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(250)
    try:
        return event_loop.run(main())
    except KeyboardInterrupt:  # Ctrl+C in the terminal: `serve` has already shut down cleanly
        return 130
    except Exception as exc:  # e.g. a job database from a newer version; say so, don't just vanish
        if QApplication.platformName() != "offscreen":
            from PySide6.QtWidgets import QMessageBox

            # No loop left: exec() is safe.
            QMessageBox.critical(None, translate("app", "Queue Desk could not start"), str(exc))
        raise
    finally:
        wake.stop()
        stop_sandbox()
