"""German is complete: every string lupdate finds in gui/ has a finished German translation
with the same placeholders, no user-visible literal in gui/ui escapes translation, and the
window really speaks German when German is chosen (or is the system's language)."""
from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "queue_desk_de.ts"
SOURCES = sorted(p for p in (ROOT / "gui").rglob("*.py") if p.name != "cli.py")  # the CLI speaks English


def lupdate(*args: str) -> None:
    subprocess.run([sys.executable, "-c", "from PySide6.scripts.pyside_tool import lupdate; lupdate()", *args],
                   check=True, capture_output=True)


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name") or "", m.findtext("source")): m.find("translation")
            for ctx in root.iter("context") for m in ctx.iter("message")}


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}", text))


def accelerator(text: str) -> bool:
    return bool(re.search(r"&(?!&)\S", text.replace("&&", "")))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[tuple[str, str], ET.Element]:
    fresh = tmp_path_factory.mktemp("ts") / "extracted.ts"
    lupdate(*map(str, SOURCES), "-locations", "none", "-ts", str(fresh))
    return messages(fresh)


def test_lupdate_finds_the_strings(extracted):
    # A guard for the test itself: if extraction broke, every other check would pass vacuously.
    assert len(extracted) > 500
    assert ("window_menus", "&File") in extracted


def test_every_string_has_a_german_translation(extracted):
    committed = messages(TS)
    problems = []
    for key in extracted:
        translation = committed.get(key)
        text = translation.text if translation is not None else None
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            problems.append(f"no German for [{key[0]}] {key[1]!r}")
        elif placeholders(text) != placeholders(key[1]):
            problems.append(f"placeholders differ in [{key[0]}] {key[1]!r} → {text!r}")
        elif accelerator(key[1]) and not accelerator(text):
            problems.append(f"no & shortcut in the German for [{key[0]}] {key[1]!r} → {text!r}")
    assert not problems, (
        f"{len(problems)} problems; update the catalogue with\n  pyside6-lupdate gui -extensions py "
        f"-no-obsolete -locations relative -ts {TS.relative_to(ROOT)}\nand translate in pyside6-linguist:\n"
        + "\n".join(problems[:40]))


def test_the_catalogue_has_no_leftovers(extracted):
    stale = [key for key in messages(TS) if key not in extracted]
    assert not stale, f"strings no longer in the code (run lupdate with -no-obsolete): {stale[:20]}"


# Calls whose string arguments people read.
TEXT_CALLS = {
    "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "setStatusTip", "setWhatsThis",
    "setAccessibleName", "setAccessibleDescription", "addTab", "insertTab", "setTabText", "setTabToolTip",
    "addAction", "addMenu", "setTitle", "showMessage", "setHeaderLabels", "setHorizontalHeaderLabels",
    "addRow", "insertRow", "addItem", "addItems", "insertItem", "setSpecialValueText", "setSuffix", "setPrefix",
    "setLabelText", "setInformativeText", "setDetailedText", "addButton", "setFormat", "setItemText",
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton", "QMenu",
    "information", "warning", "critical", "question", "getOpenFileName", "getOpenFileNames",
    "getSaveFileName", "getExistingDirectory", "getText", "getItem", "QMessageBox",
}
TEXT_KEYWORDS = {"text", "toolTip", "statusTip", "placeholderText", "windowTitle", "title", "whatsThis"}
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
# Literals that are not words: symbols, markup around values, example JSON, the app's name,
# and each language's own name in the language menu.
NOT_WORDS = re.compile(r"[^A-Za-z]*|&English|&Deutsch|Queue Desk|Ctrl\+.*|\{\".*")
LOGGERS = {"log", "logger", "logging"}


def words(text: str) -> bool:
    return not NOT_WORDS.fullmatch(re.sub(r"<[^>]*>", "", text))


def call_name(node: ast.AST) -> str:
    return node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""


def untranslated_literals(tree: ast.AST):
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call) or call_name(call.func) not in TEXT_CALLS:
            continue
        if isinstance(call.func, ast.Attribute) and call_name(call.func.value) in LOGGERS:
            continue
        candidates = list(call.args) + [k.value for k in call.keywords if k.arg in TEXT_KEYWORDS]
        for arg in candidates:
            if isinstance(arg, ast.JoinedStr):
                literal = "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
                if words(literal):
                    yield arg.lineno, ast.unparse(arg)
            elif isinstance(arg, ast.Constant) and isinstance(arg.value, str) and words(arg.value):
                yield arg.lineno, arg.value


def test_no_user_visible_literal_escapes_translation():
    found = [f"{path.relative_to(ROOT)}:{line}: {text!r}"
             for path in sorted((ROOT / "gui" / "ui").rglob("*.py"))
             for line, text in untranslated_literals(ast.parse(path.read_text(encoding="utf-8")))]
    assert not found, "wrap these in self.tr() or translate():\n" + "\n".join(found)


def test_translation_calls_are_ones_lupdate_files_correctly():
    # lupdate files `window.tr("…")` under the context "window", but PySide6 looks it up under
    # the object's class: only self.tr() is safe. Contexts and texts must be literals.
    bad = []
    for path in SOURCES:
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call) or call_name(call.func) not in TRANSLATING:
                continue
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            name, args = call_name(call.func), call.args
            literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args]
            if name == "tr" and not (isinstance(call.func, ast.Attribute) and call_name(call.func.value) == "self"):
                bad.append(f"{where}: {ast.unparse(call.func)}( — use self.tr or translate('context', …)")
            elif name in ("tr", "QT_TR_NOOP") and not literal[:1] == [True]:
                bad.append(f"{where}: {ast.unparse(call)[:80]} — lupdate needs a literal text")
            # translate(context, variable) shows a constant marked with QT_TRANSLATE_NOOP.
            elif name == "translate" and literal[:1] != [True] or name == "QT_TRANSLATE_NOOP" and literal[:2] != [True, True]:
                bad.append(f"{where}: {ast.unparse(call)[:80]} — lupdate needs literal strings")
    assert not bad, "\n".join(bad)


def assert_menu_shortcuts_unique(window) -> None:
    """Menus work from the keyboard: no & letter used twice in one menu or in the menu bar."""
    menus = [window.menuBar()] + [a.menu() for a in window.menuBar().actions()]
    menus += [a.menu() for m in menus[1:] for a in m.actions() if a.menu()]
    for menu in menus:
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        keys = [m.group(1).lower() for m in (re.search(r"&(\w)", t) for t in texts) if m]
        assert len(keys) == len(set(keys)), texts


def test_menu_shortcuts_are_unique_in_english(main_window):
    assert_menu_shortcuts_unique(main_window)


@pytest.fixture
def german(qapp, qt_settings):
    from gui.ui.runtime import language

    assert language.install(qapp, "de") == "de", "the German catalogue is not built (pip install -e . builds it)"
    yield
    language.install(qapp, "en")


def test_the_window_speaks_german(german, main_window, run_async):
    from PySide6.QtWidgets import QDialogButtonBox

    from gui.core.api.client import QueueClient
    from gui.core.api.wire import Request
    from gui.core.endpoints import Endpoint
    from gui.core.errors import ErrorKind, QueueError

    menus = [action.text() for action in main_window.menuBar().actions()]
    assert menus[:4] == ["&Datei", "&Bearbeiten", "&Jobs", "&Ansicht"] and menus[-1] == "&Hilfe"
    assert_menu_shortcuts_unique(main_window)
    tabs = [main_window.tabs.title(i) for i in range(main_window.tabs.count())]
    assert "Übersetzung" in "".join(tabs), tabs
    # Qt's own words come from Qt's catalogue.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"

    # The engine's messages (gui/core, no Qt) are translated too: a refused connection.
    async def refused():
        client = QueueClient("http://127.0.0.1:9/queue", "sk-test")
        try:
            await client.send(Request(Endpoint.MODELS))
        finally:
            await client.aclose()

    with pytest.raises(QueueError) as caught:
        run_async(refused())
    assert caught.value.kind is ErrorKind.CONNECTION
    assert "Verbindung" in caught.value.message, caught.value.message


@pytest.mark.parametrize(("lang", "choice", "expected"), [
    ("de_DE.UTF-8", None, "de"),      # follows the system
    ("en_US.UTF-8", None, "en"),
    ("de_DE.UTF-8", "en", "en"),      # the View → Language choice wins
    ("en_US.UTF-8", "de", "de"),
])
def test_language_follows_the_system_unless_chosen(tmp_path, lang, choice, expected):
    script = (
        "import sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from gui.ui import app\nfrom gui.ui.runtime import language\n"
        "qapp = app.make_app([])\n"
        "if len(sys.argv) > 1:\n"
        "    language.choose(sys.argv[1]); language.install(qapp)\n"
        "print(language.effective_now())\n"
    )
    env = {**os.environ, "LANG": lang, "LC_ALL": lang, "LANGUAGE": lang.split(".")[0],
           "QUEUE_DESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", script, *([choice] if choice else [])], env=env,
                         capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.split()[-1] == expected, out.stderr


def test_filtering_by_a_german_state_name_reaches_the_whole_history(german, gui_engine, qtbot):
    # The store holds "failed"; the table shows "Fehlgeschlagen" — typing what is shown must
    # find the old failure deep in the history, not just the rows already loaded.
    from gui.core.endpoints import Endpoint
    from gui.core.jobs.job import Job, JobState
    from gui.ui.window.main_window import MainWindow

    engine = gui_engine()
    jobs = [Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": f"question {i}"}]})
            for i in range(1500)]
    for i, job in enumerate(jobs):
        job.state = JobState.FAILED if i == 3 else JobState.SUCCEEDED
    engine.store.add_many(jobs)
    window = MainWindow(engine, "Sandbox")
    qtbot.addWidget(window)
    panel = window.jobs
    assert panel.model.rowCount() < 1000  # paged: the failure is not loaded yet
    panel.filter_edit.setText("fehlgeschl")
    model = panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=3000)
    assert model.index(0, 0).data(model.JobRole).id == jobs[3].id
    window.close_without_asking()
