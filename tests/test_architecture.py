"""The shape of gui/, read from the source with ast (nothing is imported): no module-level
import cycle, gui/core free of Qt, no re-export shim outside an __init__.py, no module over
450 lines, at most 12 loose modules in gui/core and in gui/ui, a docstring on every
dataclass."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parent.parent / "gui"
MAX_LINES = 450
MAX_LOOSE = 12
QT = ("PySide6", "shiboken6", "qasync")


def _name(path: Path) -> str:
    parts = path.relative_to(GUI.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in sorted(GUI.rglob("*.py"))}


def _top_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is imported: at module level or in a module-level
    try/if, but not under `if TYPE_CHECKING:` and not inside functions or classes."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.append(node)
            elif isinstance(node, ast.If):
                if "TYPE_CHECKING" not in ast.unparse(node.test):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                for part in (node.body, node.orelse, node.finalbody, *(h.body for h in node.handlers)):
                    visit(part)

    visit(tree.body)
    return found


def _targets(node: ast.Import | ast.ImportFrom) -> list[str]:
    """The gui modules an import statement loads (a package's submodule if it names one)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name in MODULES]
    if node.level or not node.module or node.module not in MODULES:
        return []
    return [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else node.module for a in node.names]


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = graph.setdefault(name, set())
        for node in _top_level_imports(ast.parse(path.read_text(encoding="utf-8"))):
            edges.update(t for t in _targets(node) if t != name)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (a list of modules, first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_no_module_level_import_cycle():
    cycle = find_cycle(import_graph(MODULES))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_gui_core_imports_no_qt():
    offenders = []
    for name, path in MODULES.items():
        if not name.startswith("gui.core"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):  # function-level imports too
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{name}:{node.lineno} imports {m}" for m in modules if m.split(".")[0] in QT]
    assert not offenders, "gui/core must stay Qt-free: " + "; ".join(offenders)


def reexports(path: Path) -> list[str]:
    """Names a module imports from gui at module level and never uses: it only passes them on."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        (a.asname or a.name): node.lineno
        for node in _top_level_imports(tree) if isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith("gui") for a in node.names
    }
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    used |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}  # annotations
    return [f"{name} (line {line})" for name, line in imported.items() if name not in used]


@pytest.mark.parametrize("name", [n for n, p in MODULES.items() if p.name != "__init__.py"])
def test_no_reexport_shim_outside_an_init(name):
    passed_on = reexports(MODULES[name])
    assert not passed_on, f"{name} imports but does not use {', '.join(passed_on)}: import it from where it is defined"


def test_no_module_over_the_line_limit():
    long = {name: n for name, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines (split them by concept): {long}"


def _is_dataclass_decorator(node: ast.expr) -> bool:
    """`dataclass`, `dataclass(...)`, `dataclasses.dataclass` or `dataclasses.dataclass(...)`."""
    target = node.func if isinstance(node, ast.Call) else node
    return (isinstance(target, ast.Name) and target.id == "dataclass") or (
        isinstance(target, ast.Attribute) and target.attr == "dataclass")


def test_every_dataclass_has_a_docstring():
    missing = [
        f"{name}.{node.name}"
        for name, path in MODULES.items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and any(_is_dataclass_decorator(d) for d in node.decorator_list)
        and not ast.get_docstring(node)
    ]
    assert not missing, ("dataclasses without a docstring (Python 3.11 builds a missing one with "
                         "inspect.signature at import: start-up time; say what the object holds): "
                         + ", ".join(missing))


@pytest.mark.parametrize("package", ["core", "ui"])
def test_few_loose_modules(package):
    loose = sorted(p.name for p in (GUI / package).glob("*.py") if p.name != "__init__.py")
    assert len(loose) <= MAX_LOOSE, (f"gui/{package} has {len(loose)} loose modules (at most {MAX_LOOSE}): "
                                     f"put new ones in the fitting sub-package: {loose}")


@pytest.mark.parametrize("package", [n for n, p in MODULES.items() if p.name == "__init__.py"])
def test_each_package_says_what_belongs_there_and_its_exports_resolve(package):
    import importlib

    module = importlib.import_module(package)
    assert module.__doc__ and module.__doc__.strip(), f"{package}/__init__.py needs a docstring saying what belongs there"
    for name in getattr(module, "__all__", ()):
        assert getattr(module, name) is not None, f"{package}.{name}"
