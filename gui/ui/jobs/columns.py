"""The job table's columns, declared as data: id, header, default width, how a job is
shown in it. The model and the view look columns up here by id, never by position; how
each sorts is SQL, in gui.core.jobs.history.ORDER_BY."""
from __future__ import annotations

import functools
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFontMetrics, QIcon, QPixmap

from gui.core.i18n import shown
from gui.core.jobs.job import Job, JobState
from gui.ui.runtime.theme import is_dark


@dataclass(frozen=True)
class Column:
    """A column of the job table: its id, header and width, and the text a job shows in it."""
    id: str
    header: str  # marked for translation (context "job_columns"); translated where shown
    width: int
    text: Callable[[Job, float], str]  # (job, now) -> what the cell shows
    live: bool = False  # changes with time alone (ticks while the job is in flight)


def state_text(job: Job, now: float) -> str:
    state = job.state
    if state is JobState.SUBMITTING and job.progress is not None:
        return QCoreApplication.translate("job_columns", "Uploading {percent}%").format(
            percent=f"{job.progress * 100:.0f}")
    if state is JobState.WAITING and job.pieces is not None:
        return QCoreApplication.translate("job_columns", "{done} of {total} pieces").format(
            done=job.pieces[0], total=job.pieces[1])
    if state is JobState.RETRYING and job.retry_at is not None:
        wait = math.ceil(job.retry_at - now)
        if wait > 0:
            return QCoreApplication.translate("job_columns", "Retrying in {seconds} s").format(seconds=wait)
        return QCoreApplication.translate("job_columns", "Retrying…")  # …waiting for a free slot
    if state is JobState.POLLING and job.queue_position is not None:
        return QCoreApplication.translate("job_columns", "Polling (#{position} in queue)").format(
            position=job.queue_position)
    return state.label


@functools.cache
def _decimal_point() -> str:
    """The system's decimal point (1,5 s on a German desktop); looked up once: cells repaint often."""
    return QLocale().decimalPoint()


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    if seconds < 60:
        return f"{seconds:.1f}".replace(".", _decimal_point()) + " s"
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_time(stamp: float | None, now: float | None = None) -> str:
    if stamp is None:
        return ""
    local = time.localtime(stamp)
    today = time.localtime(now if now is not None else time.time())
    if local[:3] == today[:3]:
        return time.strftime("%H:%M:%S", local)
    return time.strftime("%Y-%m-%d %H:%M", local)


def error_text(job: Job) -> str:
    """The job's error in the language shown now (recorded maybe in another; the rendering is
    cached per language, so a repaint costs a lookup); none once the job succeeded."""
    return (shown(job.error) or "") if job.state is not JobState.SUCCEEDED else ""


COLUMNS: list[Column] = [
    Column("state", QT_TRANSLATE_NOOP("job_columns", "State"), 110, state_text),
    Column("endpoint", QT_TRANSLATE_NOOP("job_columns", "Endpoint"), 75, lambda j, _n: j.endpoint.label),
    Column("model", QT_TRANSLATE_NOOP("job_columns", "Model"), 150, lambda j, _n: j.model),
    Column("prompt", QT_TRANSLATE_NOOP("job_columns", "Prompt"), 220, lambda j, _n: j.summary),
    Column("created", QT_TRANSLATE_NOOP("job_columns", "Created"), 75, lambda j, n: format_time(j.created_at, n)),
    Column("elapsed", QT_TRANSLATE_NOOP("job_columns", "Elapsed"), 65, lambda j, n: format_duration(j.elapsed(n)),
           live=True),
    Column("attempts", QT_TRANSLATE_NOOP("job_columns", "Attempts"), 70,
           lambda j, _n: str(j.attempts) if j.attempts else ""),
    Column("error", QT_TRANSLATE_NOOP("job_columns", "Error"), 130, lambda j, _n: error_text(j)),
]

COLUMN_INDEX: dict[str, int] = {c.id: i for i, c in enumerate(COLUMNS)}


def fitted_widths(metrics: QFontMetrics, header_metrics: QFontMetrics | None = None) -> dict[str, int]:
    """Widths that fit each column's longest word in the language shown now (a German state
    is longer than its English one) and its header with the sort arrow; the prompt column
    is absent: it takes what is left."""
    from gui.core.endpoints import Endpoint

    header_metrics = header_metrics or metrics
    cell = 14  # the cell's margins (2 x 6) and a pixel each side for the focus frame
    samples = {
        "state": [s.label for s in JobState],
        "endpoint": [e.label for e in Endpoint],
        "created": ["00:00:00"],
        "elapsed": ["0:00:00", "59,9 s"],
        "attempts": ["10"],
        "error": [],
    }
    widths = {}
    for column in COLUMNS:
        if column.id == "prompt":
            continue
        header = header_metrics.horizontalAdvance(QCoreApplication.translate("job_columns", column.header)) + 28
        words = samples.get(column.id)
        if words is None:  # user data (model names): the declared width
            widths[column.id] = max(column.width, header)
            continue
        icon = 20 if column.id == "state" else 0
        widest = max((metrics.horizontalAdvance(w) for w in words), default=0) + icon + cell
        widths[column.id] = max(widest, header, 80 if column.id == "error" else 0)
    return widths

# Text colours per state, with a contrast of at least 3 against the table's base colour in
# each scheme (tests/test_gui_look.py checks): light variants are darker, dark ones lighter.
STATE_COLOURS: dict[JobState, str] = {
    JobState.QUEUED: "#6b7778",
    JobState.SUBMITTING: "#1f6fc0",
    JobState.WAITING: "#1f6fc0",
    JobState.POLLING: "#1f6fc0",
    JobState.RETRYING: "#b35c00",
    JobState.SUCCEEDED: "#1e8449",
    JobState.FAILED: "#c0392b",
    JobState.CANCELLED: "#7f8c8d",
    JobState.INTERRUPTED: "#b34700",
}
STATE_COLOURS_DARK: dict[JobState, str] = {
    JobState.QUEUED: "#aab7b8",
    JobState.SUBMITTING: "#5dade2",
    JobState.WAITING: "#5dade2",
    JobState.POLLING: "#5dade2",
    JobState.RETRYING: "#f0a04b",
    JobState.SUCCEEDED: "#52c77f",
    JobState.FAILED: "#ff6b5e",
    JobState.CANCELLED: "#8f9c9d",
    JobState.INTERRUPTED: "#f07b35",
}


def state_colour(state: JobState) -> str:
    """The state's colour for the current palette (looked up per paint: the scheme may change)."""
    return (STATE_COLOURS_DARK if is_dark() else STATE_COLOURS)[state]


_icons: dict[tuple[JobState, str], QIcon] = {}


def state_icon(state: JobState) -> QIcon:
    """A coloured dot per state (made once; needs a running QGuiApplication)."""
    colour = state_colour(state)
    icon = _icons.get((state, colour))
    if icon is None:
        # Outcomes get a square, so state is not told by colour alone. Drawn by the SVG reader
        # the line icons load anyway: a QPainter here would make PySide build its Python type
        # (~1.5 ms of start-up).
        shape = '<rect x="1" y="1" width="10" height="10" rx="2"/>' if state.terminal else '<circle cx="6" cy="6" r="5"/>'
        pixmap = QPixmap()
        pixmap.loadFromData(f'<svg xmlns="http://www.w3.org/2000/svg" width="12" height="12" fill="{colour}">{shape}</svg>'
                            .encode(), "SVG")
        icon = _icons[(state, colour)] = QIcon(pixmap)
    return icon
