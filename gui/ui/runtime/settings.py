"""Every setting the window keeps, in one place: `Key` names each QSettings key with its
default, and the default fixes the type it is read as (in a fresh process QSettings returns
strings, and bool("false") is True). Below it, the settings several modules share."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings

from gui.core.api.bounded import DEFAULT_MAX_ANSWER_MB
from gui.core.api.client import DEFAULT_POLL_DEADLINE
from gui.core.api.wire import DEFAULT_READ_TIMEOUT
from gui.core.builders.media_bodies import DEFAULT_MAX_UPLOAD_MIB, MIB
from gui.core.endpoints import Endpoint
from gui.core.errors import MAX_SERVER_WAIT
from gui.core.export.naming import DEFAULT_TEMPLATE
from gui.core.profiles.profile import PROVIDER_PROFILE

if TYPE_CHECKING:
    from gui.core.export.transcripts import ExportOptions
    from gui.core.jobs.scheduler import Scheduler


class Key(Enum):
    """(QSettings path, default). A default of None: stored as Qt gives it (window layouts)."""

    UPLOAD_LIMIT_MIB = ("uploads/maxMiB", float(DEFAULT_MAX_UPLOAD_MIB))
    TRANSCRIPT_AUTO_SAVE = ("transcripts/autoSave", False)
    TRANSCRIPT_FORMAT = ("transcripts/format", "txt")
    TRANSCRIPT_FOLDER = ("transcripts/folder", "")  # empty: next to the audio file
    TRANSCRIPT_TEMPLATE = ("transcripts/template", DEFAULT_TEMPLATE)
    SUBMIT_DROPPED = ("transcripts/submitDropped", True)
    QUEUE_CONCURRENCY = ("queue/concurrency", 8)
    QUEUE_PER_MINUTE = ("queue/requestsPerMinute", 0)  # 0: no limit
    QUEUE_ATTEMPTS = ("queue/attempts", 3)
    QUEUE_READ_TIMEOUT_MIN = ("queue/readTimeoutMinutes", int(DEFAULT_READ_TIMEOUT // 60))
    QUEUE_LARGEST_ANSWER_MIB = ("queue/largestAnswerMiB", int(DEFAULT_MAX_ANSWER_MB))
    QUEUE_SERVER_WAIT_S = ("queue/longestServerWaitSeconds", int(MAX_SERVER_WAIT))
    QUEUE_LONGEST_WAIT_H = ("queue/longestJobWaitHours", int(DEFAULT_POLL_DEADLINE // 3600))
    COLOR_SCHEME = ("appearance/colorScheme", "system")
    LANGUAGE = ("view/language", "system")
    ACTIVE_PROFILE = ("profiles/active", PROVIDER_PROFILE)
    SAVE_DIR = ("preview/saveDir", "")
    BATCH_FOLDERS = ("batches/folders", [])
    WATCH_ENABLED = ("watch/enabled", False)
    WATCH_FOLDER = ("watch/folder", "")
    WATCH_OUT = ("watch/out", "")
    WATCH_MODEL = ("watch/model", Endpoint.TRANSCRIPTIONS.spec.default_model)
    WATCH_ENDPOINT = ("watch/endpoint", "transcriptions")
    WATCH_PARAMS = ("watch/params", "{}")  # JSON
    WATCH_SETTLE = ("watch/settle", 2.0)  # not in the dialog: tests shorten it
    FIELD_SETS = ("fields/sets", "{}")  # JSON: {name: [line, ...]}
    DRAFTS = ("forms/drafts", "{}")  # JSON: {endpoint: what its form held}
    PREVIEW_HEADER = ("preview/showJobHeader", True)
    WINDOW_GEOMETRY = ("mainWindow/geometry", None)
    WINDOW_SPLITTER = ("mainWindow/splitter", None)
    WINDOW_RIGHT_SPLITTER = ("mainWindow/rightSplitter", None)
    JOB_TABLE_HEADER = ("jobTable/header", None)

    def __init__(self, path: str, default: Any) -> None:
        self.path = path
        self.default = default


def get(key: Key) -> Any:
    if key.default is None:
        return QSettings().value(key.path)
    return QSettings().value(key.path, key.default, type=type(key.default))


def put(key: Key, value: Any) -> None:
    QSettings().setValue(key.path, value if key.default is None else type(key.default)(value))


def upload_limit_mib() -> float:
    value = get(Key.UPLOAD_LIMIT_MIB)
    return value if value and value > 0 else DEFAULT_MAX_UPLOAD_MIB


def upload_limit_bytes() -> int:
    return int(upload_limit_mib() * MIB)


def set_upload_limit_mib(value: float) -> None:
    put(Key.UPLOAD_LIMIT_MIB, value)


def export_options(*, overwrite: bool = True) -> ExportOptions:
    from gui.core.export.transcripts import ExportOptions  # Speed: with the first transcript, not at start-up

    return ExportOptions(
        format=get(Key.TRANSCRIPT_FORMAT) or Key.TRANSCRIPT_FORMAT.default,
        folder=get(Key.TRANSCRIPT_FOLDER) or None,
        template=get(Key.TRANSCRIPT_TEMPLATE) or DEFAULT_TEMPLATE,
        overwrite=overwrite,
    )


def save_export_options(options: ExportOptions) -> None:
    put(Key.TRANSCRIPT_FORMAT, options.format)
    put(Key.TRANSCRIPT_FOLDER, options.folder or "")
    put(Key.TRANSCRIPT_TEMPLATE, options.template)


def auto_save() -> bool:
    return get(Key.TRANSCRIPT_AUTO_SAVE)


def set_auto_save(on: bool) -> None:
    put(Key.TRANSCRIPT_AUTO_SAVE, on)


def submit_dropped() -> bool:
    return get(Key.SUBMIT_DROPPED)


def set_submit_dropped(on: bool) -> None:
    put(Key.SUBMIT_DROPPED, on)


# -- how the queue runs (the Queue settings dialog edits these) ---------------------------

_QUEUE_KEYS = {"concurrency": Key.QUEUE_CONCURRENCY, "per_minute": Key.QUEUE_PER_MINUTE,
               "attempts": Key.QUEUE_ATTEMPTS, "read_timeout_min": Key.QUEUE_READ_TIMEOUT_MIN,
               "largest_answer_mib": Key.QUEUE_LARGEST_ANSWER_MIB, "server_wait_s": Key.QUEUE_SERVER_WAIT_S,
               "longest_wait_h": Key.QUEUE_LONGEST_WAIT_H}


@dataclass
class QueueSettings:
    """The Queue Settings dialog's values as the engine takes them (defaults from the
    settings keys)."""
    concurrency: int = Key.QUEUE_CONCURRENCY.default
    per_minute: int = Key.QUEUE_PER_MINUTE.default  # 0: no limit
    attempts: int = Key.QUEUE_ATTEMPTS.default
    read_timeout_min: int = Key.QUEUE_READ_TIMEOUT_MIN.default
    largest_answer_mib: int = Key.QUEUE_LARGEST_ANSWER_MIB.default  # bigger answers fail at once
    server_wait_s: int = Key.QUEUE_SERVER_WAIT_S.default  # the longest Retry-After (or the like) obeyed
    longest_wait_h: int = Key.QUEUE_LONGEST_WAIT_H.default  # a 202 job unfinished by then fails

    @classmethod
    def load(cls) -> QueueSettings:
        return cls(**{name: max(0 if name == "per_minute" else 1, get(key)) for name, key in _QUEUE_KEYS.items()})

    def save(self) -> None:
        for name, key in _QUEUE_KEYS.items():
            put(key, getattr(self, name))

    def apply(self, scheduler: Scheduler) -> None:
        scheduler.throttle.set_limit(self.concurrency)
        scheduler.throttle.per_minute = self.per_minute or None
        scheduler.max_attempts = self.attempts

    def engine_options(self) -> dict:
        from gui.core.api.wire import Timeouts

        return {"concurrency": self.concurrency, "per_minute": self.per_minute or None,
                "max_attempts": self.attempts, "timeouts": Timeouts(read=self.read_timeout_min * 60.0),
                "max_answer_mb": self.largest_answer_mib, "max_server_wait": float(self.server_wait_s),
                "poll_deadline": self.longest_wait_h * 3600.0}
