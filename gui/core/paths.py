"""Where the app keeps its data. `QUEUE_DESK_HOME` relocates everything it writes."""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "queue-desk"


def app_home() -> Path:
    override = os.environ.get("QUEUE_DESK_HOME")
    if override:
        return Path(override).expanduser()
    # The same places QStandardPaths.AppDataLocation uses, computed without Qt so the
    # headless commands and the GUI share one store.
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def database_path(home: Path | None = None) -> Path:
    return (home or app_home()) / "jobs.sqlite3"


def results_dir(home: Path | None = None) -> Path:
    return (home or app_home()) / "results"


def logs_dir(home: Path | None = None) -> Path:
    return (home or app_home()) / "logs"
