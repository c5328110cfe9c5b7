"""The window (PySide6 on a qasync loop) over gui/core. app.py starts it; the rest is in
sub-packages: runtime (loop, settings, theme, language), widgets (reusable form parts), jobs
(the job table and its tools), preview (a job's result), tabs (one per endpoint), batch (the
batch window), window (the main window, menus, queue controls, profiles). Engine logic belongs
in gui/core, not here. Nothing is exported: import from the defining module."""
from __future__ import annotations

from gui.ui import pyside_startup

pyside_startup.install()  # before anything imports PySide6
