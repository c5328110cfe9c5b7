"""PySide6's own start-up, made lighter (~50 ms of each start of the window, B4): it keeps
its support modules (shibokensupport: signatures, error messages, the `__feature__` name
styles) as Python source inside its binary, compiles all of them at every start and runs
them at once. Three changes, each leaving PySide as it is when its internals are not what
this expects:

- their bytecode is kept (~25 ms), beside ours in __pycache__ and under the rules of
  Python's own cache: checked against a hash of the source (a new PySide brings new
  source), not written when Python writes no bytecode;
- the generator of .pyi stub files, which PySide's tools use and a running app never does,
  runs when first used (~15 ms, mostly compiling regular expressions), and so does the
  regular expression of its signature parser (~6 ms; it reads signatures for error
  messages and `inspect`);
- after every import PySide6 asks whether the new module uses PySide6 (for its opt-in
  `__feature__` name styles) through `inspect.getsource`, which tokenizes the module and
  keeps its lines in `linecache`; the same question is answered from the raw file (~20 ms
  over the ~180 modules the window loads)."""
from __future__ import annotations

import builtins
import marshal
import os
import sys
from importlib.util import MAGIC_NUMBER, cache_from_source, source_hash
from pathlib import Path

_SUPPORT = "shibokensupport/"  # the file names PySide compiles its embedded modules under
_RUN_WHEN_USED = {"shibokensupport/signature/lib/pyi_generator.py"}
# The body that stands in for a module run when used: its first missing name (PEP 562) runs it.
_STANDIN = ("def __getattr__(name):\n"
            "    from gui.ui.pyside_startup import run_deferred\n"
            "    return run_deferred(globals(), name)\n")
_deferred: dict[str, bytes] = {}  # file name -> source of a module not run yet
# The parser's `arglistParser = ArglistParser()`, which compiles its regular expression:
# a stand-in makes the real one when first asked to parse.
_PARSER = ("shibokensupport/signature/parser.py", b"\narglistParser = ArglistParser()\n",
           b"\nclass _ArglistParserWhenUsed:  # by gui/ui/pyside_startup.py\n"
           b"    def parse(self, argstr):\n"
           b"        global arglistParser\n"
           b"        arglistParser = ArglistParser()\n"
           b"        return arglistParser.parse(argstr)\n\n\n"
           b"arglistParser = _ArglistParserWhenUsed()\n")
_HASHED_PYC = (0b11).to_bytes(4, "little")  # PEP 552: checked against the source's hash
_compile = builtins.compile


def install() -> None:
    """Before the first `import PySide6` (gui/ui/__init__.py), or only the third change after."""
    if "PySide6" not in sys.modules:
        _import_pyside_with_kept_bytecode()
    _read_less_source_at_import()


def _import_pyside_with_kept_bytecode() -> None:
    def compile(source, filename, mode, *args, **kwargs):  # noqa: A001 - the builtin's stand-in
        if (isinstance(source, bytes) and isinstance(filename, str) and filename.startswith(_SUPPORT)
                and mode == "exec" and not args and not kwargs):
            if filename in _RUN_WHEN_USED:
                _deferred[filename] = source
                return _compile(_STANDIN, filename, "exec")
            name, line, standin = _PARSER
            if filename == name and source.count(line) == 1:  # else PySide changed: left as it is
                source = source.replace(line, standin)
            return _support_code(source, filename)
        return _compile(source, filename, mode, *args, **kwargs)

    builtins.compile = compile  # PySide's embedded importer calls compile() by name
    try:
        import PySide6  # noqa: F401
    finally:
        builtins.compile = _compile


def run_deferred(namespace: dict, name: str) -> object:
    """Run a module that stood in until now in its own namespace; then `name` of it."""
    source = _deferred.pop(namespace.get("__file__", ""), None)
    if source is not None:
        del namespace["__getattr__"]
        exec(_support_code(source, namespace["__file__"]), namespace)  # noqa: S102 - PySide's own module
    try:
        return namespace[name]
    except KeyError:
        raise AttributeError(f"module {namespace.get('__name__')!r} has no attribute {name!r}") from None


def _support_code(source: bytes, filename: str):
    if getattr(sys, "frozen", False):  # the frozen app: no __pycache__ beside its modules
        return _compile(source, filename, "exec")
    try:
        path = Path(cache_from_source(__file__)).with_name(
            f"{filename.replace('/', '.')[:-3]}.{sys.implementation.cache_tag}.pyc")
    except (NotImplementedError, ValueError):  # a Python that keeps no bytecode
        return _compile(source, filename, "exec")
    header = MAGIC_NUMBER + _HASHED_PYC + source_hash(source)
    try:
        data = path.read_bytes()
        if data[:16] == header:
            return marshal.loads(data[16:])
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not kept yet, or from another Python: compiled anew
    code = _compile(source, filename, "exec")
    if not sys.dont_write_bytecode:
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(header + marshal.dumps(code))
            os.replace(temporary, path)  # whole or not at all, with another process starting too
        except OSError:
            temporary.unlink(missing_ok=True)  # a read-only install: compiled at each start, as before
    return code


def _read_less_source_at_import() -> None:
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
