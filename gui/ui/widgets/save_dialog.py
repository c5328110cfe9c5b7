"""The Save-as dialog the previews share: opened with open() (never exec() on the event
loop), remembering the last folder, with the suffix following the chosen filter."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QWidget

from gui.core.errors import InputProblem
from gui.core.export.saving import save_file
from gui.ui.runtime import settings as app_settings
from gui.ui.runtime.settings import Key


def last_folder() -> str:
    """Where the last save went, else Documents, else home: never the process's working
    directory (Qt's fallback for a folder that does not exist)."""
    for folder in (app_settings.get(Key.SAVE_DIR),
                   QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)):
        if folder and Path(folder).is_dir():
            return folder
    return str(Path.home())


def remember_folder(path: str | Path) -> None:
    app_settings.put(Key.SAVE_DIR, str(Path(path).parent))


def ask_save(parent: QWidget, title: str, suggested: str, filters: list[str],
             on_selected: Callable[[str], object], selected_filter: str | None = None) -> QFileDialog:
    dialog = QFileDialog(parent, title, str(Path(last_folder()) / suggested))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters(filters)
    if selected_filter:
        dialog.selectNameFilter(selected_filter)
    dialog.setDefaultSuffix(Path(suggested).suffix[1:])
    dialog.filterSelected.connect(lambda f: dialog.setDefaultSuffix(f.rsplit("*.", 1)[-1].rstrip(")").split()[0]))
    dialog.fileSelected.connect(on_selected)
    dialog.finished.connect(dialog.deleteLater)
    parent._save_dialog = dialog  # keep it alive while open
    dialog.open()
    return dialog


def save_like(button: QAbstractButton, ask: Callable[[], object]) -> bool:
    """A result view's save() (Ctrl+S): what its Save as… `button` does, if it can now."""
    if not button.isEnabled():
        return False
    ask()
    return True


def save_and_report(target: Path, data: bytes | str, report: Callable[[str], None]) -> Path | None:
    """Save atomically and say how it went in plain words; remember the folder for next time."""
    try:
        save_file(target, data)
    except InputProblem as error:
        report(error.message)
        return None
    remember_folder(target)
    report(QCoreApplication.translate("save_dialog", "Saved to {path}").format(path=target))
    return target
