"""The window (PySide6 on a qasync loop) over gui/core. app.py starts it; the rest is in
sub-packages: runtime (loop, settings, theme, language), widgets (reusable form parts), jobs
(the job table and its tools), preview (a job's result), tabs (one per endpoint), batch (the
batch window), window (the main window, menus, queue controls, profiles). Engine logic belongs
in gui/core, not here. Nothing is exported: import from the defining module."""
from __future__ import annotations

import sys


def _read_less_source_at_import() -> None:
    """Speed (~20 ms of start-up): after every import PySide6 asks whether the new module
    "uses PySide6" (for its opt-in `from __feature__ import ...` name styles) by reading the
    module's source through `inspect.getsource`, which tokenizes it and keeps its lines in
    `linecache`, for each of the ~180 modules the window loads. The same question is
    answered here from the raw file: the same string search, a tenth of the cost. Left as
    it is when PySide's internals are not what this expects."""
    import PySide6  # noqa: F401 - sets up shibokensupport

    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or getattr(upstream, "reads_raw_file", False):
        return

    def _mod_uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return upstream(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return upstream(module)

    _mod_uses_pyside.reads_raw_file = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = _mod_uses_pyside


_read_less_source_at_import()
