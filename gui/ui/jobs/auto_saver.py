"""The auto-save setting: every transcript job that succeeds is saved where the audio tabs
say (format, next to the audio or a folder, template), never over an existing file.
A format the answer cannot give (srt without timings) falls back to txt."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from gui.core.endpoints import ResultKind
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.scheduler import Scheduler


class AutoSaver(QObject):
    saved = Signal(str, str)  # job id, path
    failed = Signal(str, str)  # job id, plain message

    def __init__(self, scheduler: Scheduler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._done: set[str] = set()
        scheduler.subscribe(self._on_job)

    def _on_job(self, job: Job) -> None:
        # Called on every state change of every job: leave at once unless it matters.
        if job.state is not JobState.SUCCEEDED or job.endpoint.spec.result is not ResultKind.TRANSCRIPT:
            return
        from gui.ui.runtime import (
            settings as app_settings,  # Speed: with the first transcript, not at start-up
        )

        key = f"{job.id}:{job.result_path}"
        if key in self._done or not app_settings.auto_save():
            return
        self._done.add(key)
        self.save(job)

    def save(self, job: Job) -> str | None:
        from gui.core.errors import InputProblem
        from gui.core.export.transcripts import ExportOptions, export_transcript
        from gui.core.formats.subtitles import read_transcript
        from gui.ui.runtime import settings as app_settings

        options = app_settings.export_options(overwrite=False)
        try:
            transcript = read_transcript(job.result_path or "")
            fmt = options.format if options.format in transcript.formats() else "txt"
            path = export_transcript(job, ExportOptions(fmt, options.folder, options.template, False), transcript)
        except InputProblem as problem:
            self.failed.emit(job.id, self.tr("Auto-save of {job} failed: {problem}").format(
                job=job.summary or job.id, problem=problem.message))
            return None
        except (OSError, ValueError) as exc:
            self.failed.emit(job.id, self.tr("Auto-save of {job} failed: the transcript could not be read ({reason}).").format(
                job=job.summary or job.id, reason=exc))
            return None
        self.saved.emit(job.id, str(path))
        return str(path)
