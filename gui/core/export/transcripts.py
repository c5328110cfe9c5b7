"""Saving a finished transcript job as txt, srt, vtt or json: next to its audio file or
into a chosen folder, named by a file-name template. The preview's Save button, the
auto-save setting and scripts all go through `export_transcript`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gui.core.endpoints import ResultKind
from gui.core.errors import InputProblem
from gui.core.export.naming import DEFAULT_TEMPLATE, check_template, target_path
from gui.core.export.saving import check_folder, save_file, unique_path
from gui.core.formats.subtitles import (
    EXPORT_FORMATS,
    Transcript,
    read_transcript,
    render,
)
from gui.core.i18n import translate
from gui.core.jobs.job import Job, JobState


@dataclass(frozen=True)
class ExportOptions:
    """How a transcript is saved: the format, the folder (None: beside the audio), the file-name
    template and whether an existing file may be replaced."""
    format: str = "txt"  # txt | srt | vtt | json
    folder: str | None = None  # None: next to the audio file
    template: str = DEFAULT_TEMPLATE
    overwrite: bool = True  # auto-save says False: it never replaces a file

    def check(self) -> None:
        if self.format not in EXPORT_FORMATS:
            raise InputProblem(translate("transcript_export", "Choose one of {formats}.").format(
                formats=", ".join(EXPORT_FORMATS)), field="format")
        check_template(self.template)
        if self.folder is not None:
            check_folder(self.folder)


def audio_path(job: Job) -> Path | None:
    for upload in job.uploads:
        if upload.field == "file":
            return Path(upload.path)
    return None


def export_target(job: Job, options: ExportOptions) -> Path:
    audio = audio_path(job)
    stem = audio.stem if audio else f"{job.endpoint.value}-{job.short_id}"
    if options.folder is None:
        if audio is None:
            raise InputProblem(translate("transcript_export", "This job has no audio file to save next "
                                                                       "to. Choose a folder."), field="folder")
        folder = check_folder(audio.parent) if audio.parent.exists() else None
        if folder is None:
            raise InputProblem(translate("transcript_export", "The audio's folder {folder} no longer "
                                                                       "exists. Choose a folder.").format(
                folder=audio.parent), field="folder")
    else:
        folder = check_folder(options.folder)
    return target_path(folder, options.template, stem=stem, model=job.model, format=options.format,
                       date=job.finished_at if job.finished_at is not None else job.created_at)


def export_transcript(job: Job, options: ExportOptions, transcript: Transcript | None = None) -> Path:
    """Write the transcript; returns the file written. Raises InputProblem
    with plain words (bad template, missing or read-only folder, full disk)."""
    if job.endpoint.spec.result is not ResultKind.TRANSCRIPT or job.state is not JobState.SUCCEEDED \
            or not job.result_path:
        raise InputProblem(translate("transcript_export", "Only a finished transcription or translation can "
                                                                 "be saved as a transcript."), field="job")
    options.check()
    if transcript is None:
        transcript = read_transcript(job.result_path)
    try:
        text = render(transcript, options.format)
    except ValueError as exc:
        raise InputProblem(str(exc), field="format") from None
    target = export_target(job, options)
    if not options.overwrite:
        target = unique_path(target)
    return save_file(target, text)
