"""Exporting a batch as a folder of per-row result files, named from a template such as
`{row}-{title}` or `answers/{language}/{id}`.

Placeholders are the input's columns plus `{row}` (1-based, zero-padded) and
`{custom_id}`; the extension comes from the result (.md for chat answers, .txt for
completions and transcripts, .srt/.vtt when asked for, .json for vectors, .png for
images). A template names files inside the chosen folder, never outside it: absolute
paths, drive letters and `..` are refused, and cell values are flattened (a `/` or `:` in
a cell becomes `_`) so a value cannot climb out either."""
from __future__ import annotations

import base64
import binascii
import json
import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from gui.core.atomic_files import write_atomic
from gui.core.batch.cells import result_text
from gui.core.batch.export import Snapshot
from gui.core.batch.template import problems, render
from gui.core.endpoints import Endpoint, ResultKind
from gui.core.errors import ErrorKind, InputProblem, QueueError
from gui.core.i18n import translate

DEFAULT_NAME_TEMPLATE = "{row}-{custom_id}"
EXTRA_PLACEHOLDERS = ("row", "custom_id")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
MAX_PART = 120  # characters of one path part from one cell (file systems allow ~255 bytes)


def check_name_template(template: str, columns: list[str]) -> list[str]:
    """Problems with a file-name template, in plain words (empty: usable)."""
    if not template.strip():
        return [translate("batch_files", "Type a file-name template, for example {example}.").format(
            example=DEFAULT_NAME_TEMPLATE)]
    found = problems(template, [*columns, *EXTRA_PLACEHOLDERS], "file-name template")
    if (PurePosixPath(template).is_absolute() or PureWindowsPath(template).is_absolute()
            or PureWindowsPath(template).drive or template.startswith("~")):
        found.append(translate("batch_files", "The file-name template must name files inside the chosen folder, "
                                              "not an absolute path."))
    if any(part.strip() in ("..", ".") for part in re.split(r"[\\/]", template)):
        found.append(translate("batch_files", "The file-name template must not leave the chosen folder (no .. in "
                                              "it)."))
    return found


def _flatten(value: str) -> str:
    value = _UNSAFE.sub("_", value).strip().strip(".")
    return value[:MAX_PART] or "_"


def file_stem(template: str, values: dict[str, str]) -> str:
    safe = {name: _flatten(value) for name, value in values.items()}
    parts = [p.strip() for p in re.split(r"[\\/]", render(template, safe)) if p.strip()]
    parts = [p for p in parts if p not in (".", "..")]  # checked already; never trust twice
    return "/".join(parts) or "_"


def _extension(endpoint: Endpoint, body: object) -> str:
    kind = endpoint.spec.result
    if kind is ResultKind.TEXT:
        return ".md" if endpoint is Endpoint.CHAT else ".txt"
    if kind is ResultKind.TRANSCRIPT and isinstance(body, str):
        head = body.lstrip()[:16]
        if head.startswith("WEBVTT"):
            return ".vtt"
        if head[:1].isdigit() and "-->" in body[:200]:
            return ".srt"
    return ".json" if kind is ResultKind.EMBEDDINGS else ".txt"


def export_files(snap: Snapshot, folder: Path, template: str = DEFAULT_NAME_TEMPLATE) -> tuple[list[Path], int]:
    """Write one file per row with a result; returns (files written, rows without a result)."""
    plan = snap.plan
    trouble = check_name_template(template, plan.table.columns)
    if trouble:
        raise InputProblem(" ".join(trouble))
    folder = Path(folder)
    root = folder.resolve()
    width = len(str(len(plan)))
    used: set[str] = set()
    written: list[Path] = []
    skipped = 0
    for index in range(len(plan)):
        result = snap.result(index)
        if result.body is None:
            skipped += 1
            continue
        values = {**plan.texts(index), "row": str(index + 1).zfill(width), "custom_id": plan.custom_ids[index]}
        stem = _unique(file_stem(template, values), used)
        endpoint = plan.body(index)[0]
        for name, data in _contents(endpoint, result.body, stem):
            target = (folder / name).resolve()
            if root not in target.parents:  # defence in depth: the checks above already refuse this
                raise InputProblem(translate("batch_files", "The file name {name} would leave the "
                                                                           "chosen folder.").format(name=repr(name)))
            written.append(write_atomic(target, data))
    return written, skipped


def _unique(stem: str, used: set[str]) -> str:
    candidate, n = stem, 2
    while candidate.casefold() in used:  # case-insensitive: Windows and macOS folders are
        candidate = f"{stem}-{n}"
        n += 1
    used.add(candidate.casefold())
    return candidate


def _contents(endpoint: Endpoint, body: object, stem: str) -> list[tuple[str, bytes | str]]:
    if endpoint.spec.result is ResultKind.IMAGES and isinstance(body, dict):
        files = []
        items = [d for d in body.get("data") or [] if isinstance(d, dict)]
        for i, item in enumerate(items, start=1):
            name = stem if len(items) == 1 else f"{stem}-{i}"
            if item.get("b64_json"):
                try:
                    data = base64.b64decode(item["b64_json"], validate=True)
                except (binascii.Error, ValueError):
                    raise QueueError(ErrorKind.BAD_RESPONSE, translate("batch_files", "Image {number} of {name} is "
                                                                                      "not valid base64.").format(
                        number=i, name=stem)) from None
                files.append((name + _image_suffix(data), data))
            elif item.get("url"):
                files.append((name + ".url.txt", item["url"]))
        return files
    if endpoint.spec.result is ResultKind.EMBEDDINGS:
        return [(stem + ".json", json.dumps(body, ensure_ascii=False))]
    return [(stem + _extension(endpoint, body), result_text(endpoint, body) if not isinstance(body, str) else body)]


def _image_suffix(data: bytes) -> str:
    """Named by what the bytes are (output_format may ask for jpeg or webp)."""
    if data.startswith(b"\xff\xd8"):
        return ".jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    return ".png"
