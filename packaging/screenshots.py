"""Screenshots of the real app for the README, light and dark:

    python packaging/screenshots.py            # writes docs/screenshot-light.png and -dark.png
    python packaging/screenshots.py --every-tab --lang de --out /tmp/shots   # each endpoint, each scheme

Runs offscreen (no display needed) against the in-process sandbox, in a throwaway home
and settings folder: a few chat jobs, an image, a transcription of a generated WAV and one
job still waiting, then a finished chat job selected so the preview shows its answer."""
from __future__ import annotations

import asyncio
import logging
import os
import sys
import tempfile
import time
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SIZE = (1280, 800)  # the smallest size the layout test holds the window to
PROMPTS = [
    "Summarise the attached meeting notes in five bullet points.",
    "Write a haiku about queues.",
    "Explain HTTP 202 Accepted to a new colleague.",
    "Translate 'Die Warteschlange ist leer' into English.",
]


def make_wav(path: Path, seconds: float = 6.0, rate: int = 8000) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x00\x01" * int(rate * seconds))
    return path


async def until(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.05)


async def shoot(app, sandbox, home: Path, out: Path = DOCS, every_tab: bool = False,
                prefix: str = "screenshot", size: tuple[int, int] = SIZE) -> list[Path]:
    from gui.core.engine import SANDBOX_KEY, Engine
    from gui.ui.runtime import theme
    from gui.ui.tabs.audio import TranscriptionTab
    from gui.ui.tabs.chat import ChatTab
    from gui.ui.tabs.image import ImageGenerationTab
    from gui.ui.window.main_window import MainWindow

    engine = Engine.open(sandbox.url, SANDBOX_KEY, home=home)
    window = MainWindow(engine, "Sandbox")
    window.resize(*size)
    window.show()
    try:
        await until(lambda: bool(window.catalog.models))
        chat = window.tab(ChatTab)
        jobs = []
        for prompt in PROMPTS:
            chat.conversation.set_messages([{"role": "user", "content": prompt}])
            jobs += chat.submit_jobs()
        images = window.tab(ImageGenerationTab)
        images.prompt.setPlainText("A lighthouse at dusk, watercolour")
        jobs += images.submit_jobs()
        jobs += window.tab(TranscriptionTab).files_dropped([str(make_wav(home / "standup.wav"))])
        await until(lambda: all(j.state.terminal for j in jobs))
        sandbox.config.latency = 600.0  # one job still waiting on the server when the picture is taken
        chat.conversation.set_messages([{"role": "user", "content": "Draft a release note for version 1.0."}])
        waiting = chat.submit_jobs()
        window.tabs.setCurrentWidget(chat)
        await until(lambda: window.model.row_of(waiting[0].id) is not None)
        window.jobs.select_job(jobs[2].id)  # a finished chat job: its answer in the preview
        window.statusBar().clearMessage()
        await asyncio.sleep(1.2)  # elapsed ticks, the preview renders
        shots = []
        for scheme in ("light", "dark"):
            theme.apply(app, scheme)
            await asyncio.sleep(0.3)
            path = out / f"{prefix}-{scheme}.png"
            window.grab().save(str(path), "PNG", 0)  # quality 0: PNG's strongest compression
            shots.append(path)
            for i in range(len(window.tab_specs) if every_tab else 0):
                window.show_endpoint(i)
                await asyncio.sleep(0.2)
                path = out / f"{prefix}-{scheme}-tab{i + 1}.png"
                window.grab().save(str(path), "PNG", 0)
                shots.append(path)
            window.show_endpoint(0)
            dialogs = {"batch": window.batches.new_batch, "profiles": window.open_profiles,
                       "queue": window.queue.open_settings} if every_tab else {}
            for name, open_dialog in dialogs.items():
                dialog = open_dialog()
                await asyncio.sleep(0.3)
                path = out / f"{prefix}-{scheme}-{name}.png"
                dialog.grab().save(str(path), "PNG", 0)
                shots.append(path)
                dialog.close()
        return shots
    finally:
        window._confirmed_close = True  # the waiting job becomes interrupted; it is a throwaway home
        window.close()
        from gui.ui.runtime import background

        background.cancel_all()
        await engine.aclose()
        window.deleteLater()


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Render the app's window to PNG files.")
    parser.add_argument("--out", type=Path, default=DOCS, help="folder for the pictures (default docs/)")
    parser.add_argument("--lang", choices=["en", "de"], default="en")
    parser.add_argument("--every-tab", action="store_true", help="also one picture per endpoint")
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}", help="window size, e.g. 1280x800")
    args = parser.parse_args(argv)
    size = tuple(int(v) for v in args.size.split("x"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_API"] = "pyside6"
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"  # never the user's keyring
    sys.path.insert(0, str(ROOT))
    import qasync
    from PySide6.QtCore import QSettings

    from gui.sandbox import SandboxConfig, SandboxServer
    from gui.ui.app import make_app

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="queue-desk-shots-", ignore_cleanup_errors=True) as tmp:
        home = Path(tmp) / "home"
        os.environ["QUEUE_DESK_HOME"] = str(home)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))
        app = make_app([sys.argv[0]])
        from gui.ui.runtime import language

        language.choose(args.lang)
        language.install(app, args.lang)
        with SandboxServer(SandboxConfig(latency=0.4)) as sandbox:
            # The waiting job's request is cut off at shutdown; uvicorn (configured on start)
            # would print that as an error.
            logging.getLogger("uvicorn.error").setLevel(logging.CRITICAL)
            prefix = "screenshot" if args.lang == "en" else f"screenshot-{args.lang}"
            shots = qasync.run(shoot(app, sandbox, home, args.out, args.every_tab, prefix, size))
    for path in shots:
        print(f"{path}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
