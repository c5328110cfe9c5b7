"""The Help menu's answers: the keyboard shortcuts (read from the menus, so the list cannot
go stale), About (version, the licences of what ships with the app), and the data folder
opened in the file manager."""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenuBar, QMessageBox, QWidget

from gui import __version__
from gui.core.paths import app_home

translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls

def shortcut_rows(bar: QMenuBar) -> list[tuple[str, str]]:
    """(keys, what they do) for every menu action with a shortcut, then the keys without one."""
    rows = []
    for top in bar.actions():
        menu = top.menu()
        for action in (menu.actions() if menu else []):
            rows += _rows(action)
    rows += [("Ctrl+Enter", translate("window_help", "Submit the current form")),
             ("Del", translate("window_help", "Delete the selected finished jobs (asks first)")),
             ("Esc", translate("window_help", "Close a dialog; in the filter box, clear it"))]
    return rows


def _rows(action: QAction) -> list[tuple[str, str]]:
    if action.menu():
        return [row for sub in action.menu().actions() for row in _rows(sub)]
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return [(keys, action.text().replace("&", ""))] if keys else []


def show_shortcuts(parent: QWidget, bar: QMenuBar) -> QMessageBox:
    rows = "".join(f"<tr><td style='padding-right:16px'><b>{html.escape(k)}</b></td><td>{html.escape(t)}</td></tr>"
                   for k, t in shortcut_rows(bar))
    box = QMessageBox(QMessageBox.Icon.NoIcon, translate("window_help", "Keyboard shortcuts"),
                      f"<table>{rows}</table>", parent=parent)
    box.open()  # not exec(): a nested loop breaks qasync
    return box


def show_about(parent: QWidget) -> QMessageBox:
    text = translate("window_help", "<h3>Queue Desk {version}</h3>"
                                    "<p>Send AI work to an OpenAI-compatible Queue API and keep the results.</p>"
                                    "<p>Data folder: {home}</p>"
                                    "<p><b>Bundled parts and their licences</b><br>"
                                    "Qt {qt} and PySide6: LGPL-3.0<br>"
                                    "qasync: BSD-2-Clause · httpx, httpx-aiohttp: BSD-3-Clause · aiohttp: Apache-2.0<br>"
                                    "keyring, truststore, openpyxl: MIT<br>"
                                    "psutil: BSD-3-Clause · Starlette, uvicorn, python-multipart (the sandbox): BSD-3-Clause<br>"
                                    "Icons: Queue Desk's own line icons and Qt's standard icons</p>").format(
        version=__version__, home=html.escape(str(app_home())), qt=qVersion())
    box = QMessageBox(QMessageBox.Icon.Information, translate("window_help", "About Queue Desk"), text, parent=parent)
    box.open()
    return box


def open_data_folder() -> bool:
    home = app_home()
    home.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(home)))
