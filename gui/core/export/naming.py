"""File-name templates for saved results: `{stem}`, `{model}`, `{date}`, `{format}`.
A template names a file inside the chosen folder, never outside it: templates with
absolute paths or `..` are refused, and values with path characters (a model id like
`org/model`, a stem with `../`) are flattened before they are put in."""
from __future__ import annotations

import re
import string
import time
from pathlib import Path, PurePosixPath, PureWindowsPath

from gui.core.errors import InputProblem
from gui.core.i18n import translate

PLACEHOLDERS = ("stem", "model", "date", "format")
DEFAULT_TEMPLATE = "{stem}.{format}"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def check_template(template: str) -> None:
    """Raise InputProblem(…, field="template") for a template that cannot make a safe name."""
    if not template.strip():
        raise InputProblem(translate("naming", "Type a file-name template, for example {example}.").format(
            example=DEFAULT_TEMPLATE), field="template")
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:
        raise InputProblem(translate(
            "naming", "The template has an unmatched {open} or {close}. Write placeholders as {example}.").format(
            open="{", close="}", example="{stem}"), field="template") from None
    for _text, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conversion:
            raise InputProblem(translate("naming", "Unknown placeholder {placeholder}: use {known}.").format(
                placeholder="{" + name + "}", known=", ".join("{" + p + "}" for p in PLACEHOLDERS)), field="template")
    if PurePosixPath(template).is_absolute() or PureWindowsPath(template).is_absolute() \
            or PureWindowsPath(template).drive or template.startswith("~"):
        raise InputProblem(translate("naming", "The template must be a file name inside the output "
                                                           "folder, not an absolute path. Choose the folder "
                                                           "separately."), field="template")
    pieces = re.split(r"[\\/]", template)
    if any(p in ("..", ".") for p in pieces):
        raise InputProblem(translate("naming", "The template must not leave the output folder (no .. in "
                                                           "it)."), field="template")
    if "{format}" not in template and not Path(template).suffix:
        raise InputProblem(translate("naming", "Add an extension to the template, e.g. {example}.").format(
            example=DEFAULT_TEMPLATE), field="template")


def safe_value(value: str) -> str:
    """A placeholder value as one harmless name part."""
    cleaned = _UNSAFE.sub("_", value).strip().strip(".")
    return cleaned or "_"


def render_name(template: str, *, stem: str, model: str, format: str, date: float | None = None) -> str:  # noqa: A002
    check_template(template)
    values = {
        "stem": safe_value(stem),
        "model": safe_value(model or "model"),
        "date": time.strftime("%Y-%m-%d", time.localtime(date if date is not None else time.time())),
        "format": safe_value(format),
    }
    return template.format(**values)


def target_path(folder: str | Path, template: str, **values: object) -> Path:
    """The file the template names inside `folder`; raises if it would land outside."""
    base = Path(folder).resolve()
    target = (base / render_name(template, **values)).resolve()  # type: ignore[arg-type]
    if target == base or base not in target.parents:
        raise InputProblem(translate("naming", "The template would write outside the output folder. Use "
                                                           "a plain name such as {example}.").format(
            example=DEFAULT_TEMPLATE), field="template")
    return target
