"""`queue-desk --smoke-test`: prove that this installation works, then exit.

Used by CI on the frozen (PyInstaller) app and by anyone checking an install:
the real main window opens (offscreen when there is no display), one chat job goes
through the real engine (httpx over aiohttp, the scheduler, the SQLite store) to the
built-in sandbox on a qasync loop, and keyring is asked for its backend. Everything is
written to a temporary folder (job store and Qt settings), never to the user's data.

Prints one line and returns 0 on success; prints the problem and returns 1 otherwise."""
from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

TIMEOUT_S = 60.0  # the whole job; the sandbox answers in milliseconds


class SmokeError(Exception):
    pass


def run_smoke_test() -> int:
    # qasync picks its Qt binding at import time (qt-async-recipes.md §1).
    os.environ["QT_API"] = "pyside6"
    if _no_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    step = "start"
    saved_home = os.environ.get("QUEUE_DESK_HOME")
    server = None
    try:
        with tempfile.TemporaryDirectory(prefix="queue-desk-smoke-", ignore_cleanup_errors=True) as tmp:
            home = Path(tmp) / "home"
            os.environ["QUEUE_DESK_HOME"] = str(home)

            step = "sandbox"
            from gui.sandbox import SandboxConfig, SandboxServer

            server = SandboxServer(SandboxConfig()).start()

            step = "Qt"
            app = _make_app(Path(tmp) / "settings")

            step = "translations"
            _check_translations()

            step = "window and chat job"
            window_note, job_seconds = _run_on_qasync(app, server.url, home)

            step = "keyring"
            backend = _keyring_backend()

            step = "recordings"
            pieces = _cut_a_recording(Path(tmp))
    except Exception as exc:  # noqa: BLE001 - any failure is the answer
        print(f"smoke test FAILED ({step}): {type(exc).__name__}: {exc}", file=sys.stderr)
        if not isinstance(exc, SmokeError):
            traceback.print_exc(file=sys.stderr)
        return 1
    finally:
        if server is not None:
            server.stop()
        if saved_home is None:
            os.environ.pop("QUEUE_DESK_HOME", None)
        else:
            os.environ["QUEUE_DESK_HOME"] = saved_home
    print(f"smoke test ok: window ({window_note}), German catalogues, sandbox chat job succeeded in {job_seconds:.2f} s, "
          f"keyring backend {backend}, a recording cut into {pieces} Opus pieces", flush=True)
    return 0


def _cut_a_recording(folder: Path) -> int:
    """PyAV and FFmpeg's libraries load and encode: a 25 s WAV cut into 10 s pieces."""
    import math
    import struct
    import wave

    from gui.core.formats import audio

    source = folder / "tone.wav"
    with wave.open(str(source), "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(16_000)
        out.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(i / 16_000 * 2 * math.pi * 440)))
                                 for i in range(16_000 * 25)))
    pieces = audio.split(source, folder / "pieces", max_bytes=None, piece_seconds=10, search_seconds=1)
    if len(pieces) != 3 or abs(sum(p.duration for p in pieces) - 25) > 0.05:
        raise SmokeError(f"the recording came back as {len(pieces)} pieces of {[p.duration for p in pieces]} s")
    return len(pieces)


def _no_display() -> bool:
    from gui.ui.runtime.display import problem

    return problem() is not None


def _make_app(settings_dir: Path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    # Window layout goes to an INI file in the temporary folder, not ~/.config or the registry.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings_dir))
    try:
        from gui.ui.app import make_app
    except ImportError:  # the GUI module is missing: still check Qt itself
        return QApplication.instance() or QApplication([sys.argv[0]])
    return make_app([sys.argv[0]])


def _run_on_qasync(app, base_url: str, home: Path) -> tuple[str, float]:
    import asyncio
    import gc

    from gui.core.endpoints import Endpoint
    from gui.core.engine import Engine
    from gui.core.jobs.job import Job, JobState
    from gui.ui.runtime import event_loop

    async def main() -> tuple[str, float]:
        # The engine's client must be made on the loop it runs on.
        engine = Engine.open(base_url, "sandbox", home=home)
        window = None
        try:
            window = _open_window(engine)
            job = Job(Endpoint.CHAT, {
                "model": Endpoint.CHAT.spec.default_model,
                "messages": [{"role": "user", "content": "Queue Desk smoke test"}],
            })
            started = time.monotonic()
            engine.scheduler.submit(job)
            await asyncio.wait_for(engine.scheduler.wait(), TIMEOUT_S)
            seconds = time.monotonic() - started
            if job.state is not JobState.SUCCEEDED:
                raise SmokeError(f"chat job ended {job.state.value}: {job.error or 'no error given'}")
            if not job.result_path or not Path(job.result_path).is_file():
                raise SmokeError("chat job succeeded but its result file is missing")
            note = _check_window(window, job.id)
            return note, seconds
        finally:
            await _close(window, engine)

    try:
        return event_loop.run(main())
    finally:
        gc.collect()  # dead socket notifiers must go before Qt does (recipes §1, qasync #154)


def _open_window(engine):
    from gui.ui.window.main_window import MainWindow

    window = MainWindow(engine, "Sandbox")
    window.show()
    return window


def _check_window(window, job_id: str) -> str:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    if not window.isVisible():
        raise SmokeError("the main window did not become visible")
    model = getattr(window, "model", None)
    if model is not None and hasattr(model, "flush") and hasattr(model, "job"):
        model.flush()
        if model.job(job_id) is None:
            raise SmokeError("the chat job did not appear in the window's job table")
    # The icon proves resources/ and the SVG icon engine made it into this install.
    if QApplication.windowIcon().pixmap(32, 32).isNull():
        raise SmokeError("the application icon did not load (resources/ or the SVG plugin is missing)")
    return f"{QApplication.platformName()}, Qt {_qt_version()}, icon"


async def _close(window, engine) -> None:
    import asyncio

    from PySide6.QtWidgets import QApplication

    if window is not None:
        window.close()  # the real close path: saves the layout (to the temp folder), detaches
        QApplication.processEvents()
    try:
        from gui.ui.runtime import background

        background.cancel_all()
        pending = background.pending()
    except ImportError:
        pending = []
    await engine.aclose()
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)
    if window is not None:
        window.deleteLater()


def _check_translations() -> None:
    """The German catalogues load: ours (compiled on install or packaging) and Qt's."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    try:
        from gui.ui.runtime import language
    except ImportError:
        return
    own, qt = QTranslator(), QTranslator()
    path = language.catalogue("de")
    if path is None or not own.load(str(path)) or own.isEmpty():
        raise SmokeError("the German translation (resources/translations/queue_desk_de.qm) is missing or empty")
    if not qt.load("qtbase_de", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        raise SmokeError("Qt's German translation (qtbase_de.qm) is missing")


def _qt_version() -> str:
    from PySide6.QtCore import qVersion

    return qVersion()


def _keyring_backend() -> str:
    if sys.platform.startswith("linux"):
        # keyring swallows this ImportError and quietly falls back to "no keyring", so a
        # bundle missing SecretStorage or cryptography's Rust library would only show on a
        # desktop. Import it here, where it can fail loudly.
        try:
            import secretstorage  # noqa: F401 - imports cryptography too
        except ImportError as exc:
            raise SmokeError(f"keyring's Secret Service backend cannot load: {exc}") from exc
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - no backend is a fact to report, not a failure
        return f"unavailable ({type(exc).__name__})"
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    name = name.removeprefix("keyring.backends.")
    if name == "fail.Keyring":
        return "fail.Keyring (none available)"
    return name
