"""Queue Desk: send long-running AI work to an OpenAI-compatible Queue API, watch it, keep its results.

core/ is the engine (no Qt), ui/ the window on it, sandbox/ a local Queue API server for
tests and demos, cli.py the command line. README.md, "How it works", maps the packages."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__version__ = "0.1.0"


def lazy_exports(package: str, names: dict[str, str]) -> tuple[Callable[[str], Any], list[str]]:
    """A package's public names, each from the submodule that defines it, imported when
    first asked for (PEP 562): importing the package itself stays light. Use it as
    `__getattr__, __all__ = lazy_exports(__name__, {"Name": "module"})`."""

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__, sorted(names)
