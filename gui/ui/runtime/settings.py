"""The settings the tabs and previews share, in QSettings (always read with a type: in a
fresh process QSettings returns strings, and bool("false") is True)."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from gui.core.builders.media_bodies import DEFAULT_MAX_UPLOAD_MIB, MIB
from gui.core.export.naming import DEFAULT_TEMPLATE
from gui.core.export.transcripts import ExportOptions

UPLOAD_LIMIT_KEY = "uploads/maxMiB"
AUTO_SAVE_KEY = "transcripts/autoSave"
FORMAT_KEY = "transcripts/format"
FOLDER_KEY = "transcripts/folder"  # empty: next to the audio file
TEMPLATE_KEY = "transcripts/template"
AUTO_SUBMIT_KEY = "transcripts/submitDropped"


def upload_limit_mib() -> float:
    value = QSettings().value(UPLOAD_LIMIT_KEY, DEFAULT_MAX_UPLOAD_MIB, type=float)
    return value if value and value > 0 else DEFAULT_MAX_UPLOAD_MIB


def upload_limit_bytes() -> int:
    return int(upload_limit_mib() * MIB)


def set_upload_limit_mib(value: float) -> None:
    QSettings().setValue(UPLOAD_LIMIT_KEY, float(value))


def export_options(*, overwrite: bool = True) -> ExportOptions:
    s = QSettings()
    folder = s.value(FOLDER_KEY, "", type=str)
    return ExportOptions(
        format=s.value(FORMAT_KEY, "txt", type=str) or "txt",
        folder=folder or None,
        template=s.value(TEMPLATE_KEY, DEFAULT_TEMPLATE, type=str) or DEFAULT_TEMPLATE,
        overwrite=overwrite,
    )


def save_export_options(options: ExportOptions) -> None:
    s = QSettings()
    s.setValue(FORMAT_KEY, options.format)
    s.setValue(FOLDER_KEY, options.folder or "")
    s.setValue(TEMPLATE_KEY, options.template)


def auto_save() -> bool:
    return QSettings().value(AUTO_SAVE_KEY, False, type=bool)


def set_auto_save(on: bool) -> None:
    QSettings().setValue(AUTO_SAVE_KEY, bool(on))


def submit_dropped() -> bool:
    return QSettings().value(AUTO_SUBMIT_KEY, True, type=bool)


def set_submit_dropped(on: bool) -> None:
    QSettings().setValue(AUTO_SUBMIT_KEY, bool(on))
