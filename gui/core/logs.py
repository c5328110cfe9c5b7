"""The app's log file under `<home>/logs/`, so a user can send it when something went
wrong. Nothing logged here ever carries the API key: requests are logged by endpoint and
job id, never with headers."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from gui.core import paths
from gui.core.atomic_files import private_file, private_folder
from gui.core.i18n import english

LOG_NAME = "queue-desk.log"


def setup_file_logging(home: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Add a rotating log file (1 MB × 3) to the root logger; None if it can't be written."""
    folder = paths.logs_dir(home)
    try:
        private_folder(folder.parent)
        private_folder(folder)
        handler = _PrivateLog(folder / LOG_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None  # a read-only home must not stop the app
    handler.setFormatter(_EnglishFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(level)
    # httpx logs every request at INFO: noise in the file and CPU per job on the GUI thread.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return folder / LOG_NAME


class _PrivateLog(logging.handlers.RotatingFileHandler):
    """Each log file 0600 whatever the umask, the rotated ones too: it names prompts and jobs."""

    def _open(self):  # noqa: ANN202 - as in logging.FileHandler
        private_file(self.baseFilename)
        return super()._open()


class _EnglishFormatter(logging.Formatter):
    """Translated messages in the log in English, whatever language the window speaks: one
    language to read and search (and to send to whoever helps)."""

    def format(self, record: logging.LogRecord) -> str:
        if isinstance(record.args, tuple):
            record.args = tuple(english(a) if isinstance(a, str) else a for a in record.args)
        record.msg = english(record.msg) if isinstance(record.msg, str) else record.msg
        return super().format(record)
