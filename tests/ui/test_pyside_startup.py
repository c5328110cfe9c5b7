"""PySide6's own start-up, made lighter by gui/ui/pyside_startup.py: the bytecode of its
embedded support modules is kept, its .pyi generator runs when first used, and PySide's
answer to "does this module use PySide6?" comes from the raw file. Each check runs in a
new interpreter, where PySide6 is imported after gui.ui, as when the app starts."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Counts the support modules compiled from PySide's source (the .pyi generator's short
# stand-in is compiled at each start), then reports on them.
PROBE = """
import builtins, json, sys
compiled = []
real = builtins.compile
def counting(source, filename, *args, **kwargs):
    if isinstance(source, bytes) and str(filename).startswith("shibokensupport/"):
        compiled.append(filename)
    return real(source, filename, *args, **kwargs)
builtins.compile = counting
import gui.ui
from PySide6.QtWidgets import QApplication, QWidget
builtins.compile = real
app = QApplication([])
generator = sys.modules["shibokensupport.signature.lib.pyi_generator"]
parser = sys.modules["shibokensupport.signature.parser"]
report = {"compiled": compiled, "standing_in": "__getattr__" in vars(generator),
          "parser_at_start": type(parser.arglistParser).__name__}
try:
    QWidget().resize("wide")  # PySide's error message is made by its support modules
except TypeError as error:
    report["error"] = str(error)
report["parser_after_error"] = type(parser.arglistParser).__name__
report["generator_runs"] = callable(generator.generate_pyi) and "__getattr__" not in vars(generator)
print(json.dumps(report))
"""


def _start(prefix: Path, *, write_bytecode: bool = True) -> dict:
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(prefix), QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not write_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                         timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _kept(prefix: Path) -> list[Path]:
    return sorted(prefix.rglob("shibokensupport.*.pyc"))


def test_pyside_support_bytecode_is_compiled_once_and_kept(tmp_path):
    first = _start(tmp_path)
    assert first["compiled"], "the first start compiles PySide's support modules"
    kept = _kept(tmp_path)
    assert any("signature.parser" in path.name for path in kept)
    second = _start(tmp_path)
    assert second["compiled"] == []  # every module from its kept bytecode
    assert "resize" in second["error"]  # PySide's own error messages still work


def test_kept_bytecode_that_does_not_match_is_compiled_anew(tmp_path):
    _start(tmp_path)
    parser = next(path for path in _kept(tmp_path) if "signature.parser" in path.name)
    parser.write_bytes(parser.read_bytes()[:16] + b"garbage")  # a half-written or damaged file
    loader = next(path for path in _kept(tmp_path) if "signature.loader" in path.name)
    loader.write_bytes(b"\0" * 16 + loader.read_bytes()[16:])  # another Python's, or another source's
    again = _start(tmp_path)
    assert sorted(again["compiled"]) == ["shibokensupport/signature/loader.py", "shibokensupport/signature/parser.py"]
    assert _start(tmp_path)["compiled"] == []  # and kept again


def test_no_bytecode_is_written_when_python_writes_none(tmp_path):
    report = _start(tmp_path, write_bytecode=False)
    assert report["compiled"] and _kept(tmp_path) == []


def test_the_pyi_generator_and_the_signature_parser_stand_in_until_used(tmp_path):
    report = _start(tmp_path)
    assert report["standing_in"]  # not run at start-up
    assert report["generator_runs"]  # and whole once asked for
    assert report["parser_at_start"] == "_ArglistParserWhenUsed"
    assert report["parser_after_error"] == "ArglistParser"  # the error message needed the signature
    assert "QWidget.resize(w: int, h: int, /)" in report["error"]  # the signatures, parsed


def test_pyside_learns_whether_a_module_uses_it_without_tokenizing_its_source(tmp_path, monkeypatch):
    """PySide6 asks of every module imported after it whether it uses PySide6 (for its opt-in
    `__feature__` name styles); the answer comes from the raw file, not through inspect and
    linecache. The answers stay PySide's: 0 for a module that names PySide6, -1 for one that
    does not."""
    import linecache

    import gui.ui  # noqa: F401 - installs the quicker answer

    feature = sys.modules["shibokensupport.feature"]
    (tmp_path / "qd_probe_uses.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    (tmp_path / "qd_probe_plain.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("qd_probe_uses", "qd_probe_plain"):
        __import__(name)  # as an import statement does: PySide6 hooks builtins.__import__
        monkeypatch.delitem(sys.modules, name)
    assert feature.pyside_feature_dict.pop("qd_probe_uses") == 0
    assert feature.pyside_feature_dict.pop("qd_probe_plain") == -1
    assert not any(str(tmp_path) in path for path in linecache.cache)  # the source was not tokenized
