"""Every setting of the window is declared once, in gui/ui/runtime/settings.py, and read
with the type its default fixes."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from gui.ui.runtime import settings
from gui.ui.runtime.settings import Key

UI = Path(settings.__file__).resolve().parent.parent


def test_each_key_is_declared_once():
    paths = [key.path for key in Key]
    assert len(paths) == len(set(paths))


def test_a_setting_reads_back_with_its_defaults_type(qt_settings):
    assert settings.get(Key.TRANSCRIPT_AUTO_SAVE) is False  # unset: the default
    QSettings().setValue(Key.TRANSCRIPT_AUTO_SAVE.path, "false")  # as a fresh process reads it from disk
    assert settings.get(Key.TRANSCRIPT_AUTO_SAVE) is False
    settings.put(Key.QUEUE_CONCURRENCY, "12")
    assert settings.get(Key.QUEUE_CONCURRENCY) == 12


def test_no_module_reads_or_writes_a_setting_by_its_own_key():
    stray = [str(p.relative_to(UI)) for p in UI.rglob("*.py")
             if p.name != "settings.py" and "QSettings()" in p.read_text(encoding="utf-8")]
    assert not stray, f"declare the key in gui/ui/runtime/settings.py (Key) and use get/put: {stray}"
