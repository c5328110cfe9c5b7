"""The preview's job header: state, job, times, usage, the error in plain words (with the
server's own words when they differ) and the last steps of the timeline, as a small table
that is as tall as it needs up to about a dozen lines."""
from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

from gui.core.i18n import english, shown
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.schema import Transition
from gui.ui.jobs.columns import error_text, format_duration, format_time, state_colour, state_text

# The usage counts an answer reports, named for people; other fields show as the server names them.
USAGE_NAMES = {
    "prompt_tokens": QT_TRANSLATE_NOOP("preview", "prompt"),
    "completion_tokens": QT_TRANSLATE_NOOP("preview", "completion"),
    "total_tokens": QT_TRANSLATE_NOOP("preview", "total"),
    "input_tokens": QT_TRANSLATE_NOOP("preview", "input"),
    "output_tokens": QT_TRANSLATE_NOOP("preview", "output"),
}


class JobHeader(QScrollArea):
    """The rows about one job above its result; `show_job(None)` empties and hides it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def text(self) -> str:
        return self.label.text()

    def show_job(self, job: Job | None, history: list[Transition]) -> None:
        """Write the rows for `job` as of now (its timeline is `history`)."""
        if job is None:
            self.label.setText("")
            self.label.hide()
            return
        import html  # Speed: html.entities is ~3 ms of start-up, when no job is shown yet

        self.label.show()
        now = time.time()
        colour = state_colour(job.state)
        model = job.model or self.tr("no model")
        rows = [
            (self.tr("State"), f'<b style="color:{colour}">{html.escape(state_text(job, now))}</b>'),
            (self.tr("Job"), html.escape(f"{job.endpoint.label} · {model} · {job.id}")),
            (self.tr("Created"), html.escape(format_time(job.created_at, now))),
        ]
        timing = format_duration(job.elapsed(now))
        if timing:
            if job.attempts > 1:
                timing = self.tr("{duration} · {count} attempts").format(duration=timing, count=job.attempts)
            rows.append((self.tr("Elapsed"), html.escape(timing)))
        if job.usage and job.usage.get("type") == "duration":  # audio is billed by the second
            audio = self.tr("{seconds} s of audio").format(seconds=job.usage.get("seconds"))
            rows.append((self.tr("Usage"), html.escape(audio)))
        elif job.usage:
            tokens = ", ".join(f"{_usage_name(k)} {v}" for k, v in job.usage.items() if isinstance(v, int))
            rows.append((self.tr("Tokens"), html.escape(tokens)))
        if error := error_text(job):
            said = _server_said(job, history)
            error = html.escape(error)
            if said:
                error += "<br><i>" + html.escape(self.tr("Server: {message}").format(message=said)) + "</i>"
            label = self.tr("Error") if job.state.terminal else self.tr("Last error")
            rows.append((label, f'<span style="color:{state_colour(JobState.FAILED)}">{error}</span>'))
        steps = [f"{format_time(t.at, now)} {t.state.label}" + (f" ({_clip(shown(t.detail))})" if t.detail else "")
                 for t in history[-6:]]
        if steps:
            rows.append((self.tr("Timeline"), "<br>".join(html.escape(s) for s in steps)))
        cells = "".join(f'<tr><td style="padding-right:10px;color:palette(placeholder-text)">{k}</td><td>{v}</td></tr>'
                        for k, v in rows)
        self.label.setText(f"<table>{cells}</table>")
        self.fit()

    def fit(self) -> None:
        """As tall as the rows need, up to about a dozen lines; the result gets the rest."""
        wanted = self.label.heightForWidth(self.viewport().width()) if not self.label.isHidden() else 0
        limit = self.fontMetrics().lineSpacing() * 12
        self.setFixedHeight(max(0, min(wanted, limit)) + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit()


def _usage_name(field: str) -> str:
    name = USAGE_NAMES.get(field)
    return QCoreApplication.translate("preview", name) if name else field.replace("_tokens", "")


def _server_said(job: Job, history: list[Transition]) -> str | None:
    """The server's own words, when the store kept them apart from our message and our
    message does not quote them already (its words verbatim in any language)."""
    if history and history[-1].state is JobState.FAILED:
        detail = english(history[-1].detail)  # our words when no server words: stored English
        if detail and detail not in english(job.error or ""):
            return detail
    return None


def _clip(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
