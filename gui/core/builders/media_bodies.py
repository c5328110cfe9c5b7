"""Requests with files (multipart): audio transcriptions/translations and image edits.
Files are checked before anything is sent, with a plain message naming the file; the
upload itself is streamed by the client (never read whole into memory)."""
from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from gui.core.api.wire import Upload
from gui.core.builders.bodies import finish
from gui.core.endpoints import Endpoint
from gui.core.errors import InputProblem
from gui.core.formats.image_info import SNIFF_BYTES, image_format, size_from_head
from gui.core.i18n import translate

AUDIO_EXTENSIONS = ("flac", "mp3", "mp4", "mpeg", "mpga", "m4a", "ogg", "wav", "webm")
# What people drag in as recordings: the listed audio types plus common recorder and video
# containers. Anything not listed, or over the upload limit, or possibly with video, is
# converted and cut into pieces before it is sent (jobs/recordings.py, formats/audio.py).
MEDIA_EXTENSIONS = tuple(dict.fromkeys(AUDIO_EXTENSIONS + (
    "aac", "opus", "oga", "wma", "aiff", "aif", "amr", "mka",
    "mov", "mkv", "avi", "m4v", "wmv", "3gp", "flv", "ts", "mts",
)))
IMAGE_EXTENSIONS = ("png", "webp", "jpg", "jpeg")
MAX_EDIT_IMAGES = 16
MIB = 1024 * 1024
DEFAULT_MAX_UPLOAD_MIB = 25  # OpenAI's documented audio limit; adjustable in the settings
DEFAULT_MAX_IMAGE_MIB = 50  # OpenAI's limit for GPT image edits


def is_audio_name(path: str | Path) -> bool:
    return Path(path).suffix.lower().lstrip(".") in MEDIA_EXTENSIONS


def check_file(path: str | Path, *, field: str, kinds: Sequence[str], what: str,
               max_bytes: int | None) -> int:
    """Exists, is a file of an accepted kind, not empty, within the limit, readable.
    `what` is "audio", "image" or "mask" (a PNG image). Returns its size; raises
    InputProblem(plain words, field=...) otherwise."""
    p = Path(path)
    name = p.name or str(p)
    if p.is_dir():
        message = {
            "audio": translate("media_requests", "{name} is a folder, not an audio file. Choose a file."),
            "mask": translate("media_requests", "{name} is a folder, not a PNG image. Choose a file."),
        }.get(what) or translate("media_requests", "{name} is a folder, not an image. Choose a file.")
        raise InputProblem(message.format(name=name), field=field)
    if not p.exists():
        raise InputProblem(translate("media_requests", "{name} does not exist (any more). Choose the file "
                                                              "again.").format(name=name), field=field)
    if p.suffix.lower().lstrip(".") not in kinds:
        shown = kinds[0] if len(kinds) == 1 else translate("media_requests", "{items} or {last}").format(
            items=", ".join(kinds[:-1]), last=kinds[-1])
        message = {
            "audio": translate("media_requests", "{name} is not an audio file the service accepts. Use {kinds}."),
            "mask": translate("media_requests", "{name} is not a PNG image the service accepts. Use {kinds}."),
        }.get(what) or translate("media_requests", "{name} is not an image the service accepts. Use {kinds}.")
        raise InputProblem(message.format(name=name, kinds=shown), field=field)
    size = p.stat().st_size
    if size == 0:
        raise InputProblem(translate("media_requests", "{name} is empty (0 bytes). Choose the file that holds "
                                                              "the content.").format(name=name), field=field)
    if max_bytes is not None and size > max_bytes:
        raise InputProblem(translate("media_requests", "{name} is {size} MiB, over the upload limit of {limit} "
                                                              "MiB. Split or compress it, or raise the limit in the "
                                                              "settings.").format(
            name=name, size=f"{size / MIB:.1f}", limit=f"{max_bytes / MIB:g}"), field=field)
    try:
        with open(p, "rb") as f:
            f.read(1)
    except OSError as exc:
        reason = (translate("media_requests", "permission denied") if isinstance(exc, PermissionError)
                  else (exc.strerror or str(exc)).lower())
        raise InputProblem(translate("media_requests", "{name} cannot be read ({reason}). Check the file's "
                                                              "permissions or copy it somewhere you can read "
                                                              "it.").format(name=name, reason=reason), field=field) from None
    return size


def check_audio_file(path: str | Path, max_bytes: int | None = DEFAULT_MAX_UPLOAD_MIB * MIB) -> int:
    """Any recording, of any size: one over `max_bytes` (or not a listed type) is cut into
    pieces under it when it is sent, so the limit refuses nothing here."""
    del max_bytes
    return check_file(path, field="file", kinds=MEDIA_EXTENSIONS, what="audio", max_bytes=None)


def check_image_file(path: str | Path, field: str = "image",
                     max_bytes: int | None = DEFAULT_MAX_IMAGE_MIB * MIB) -> tuple[int, int] | None:
    """Checks an edit's image or mask; returns its pixel size when the header tells."""
    kinds = ("png",) if field == "mask" else IMAGE_EXTENSIONS
    check_file(path, field=field, kinds=kinds, what="mask" if field == "mask" else "image", max_bytes=max_bytes)
    with open(path, "rb") as f:
        head = f.read(SNIFF_BYTES)
    fmt = image_format(head)
    name = Path(path).name
    if fmt is None or (field == "mask" and fmt != "png"):
        message = (translate("media_requests", "{name} does not contain a PNG image (its content is not PNG).")
                   if field == "mask" else
                   translate("media_requests", "{name} does not contain an image (its content is not PNG, WebP or "
                                               "JPEG)."))
        raise InputProblem(message.format(name=name), field=field)
    return size_from_head(head)


def audio_request(endpoint: Endpoint, path: str | Path, model: str, *, language: str | None = None,
                  prompt: str | None = None, temperature: float | None = None,
                  response_format: str | None = None, granularities: Sequence[str] = (),
                  extra: Mapping[str, Any] | None = None,
                  max_bytes: int | None = DEFAULT_MAX_UPLOAD_MIB * MIB) -> tuple[dict[str, Any], list[Upload]]:
    """One audio file's request. Translations take no language or timestamps (the
    specification does not allow them there)."""
    if endpoint not in (Endpoint.TRANSCRIPTIONS, Endpoint.TRANSLATIONS):
        raise ValueError(endpoint)
    check_audio_file(path, max_bytes)
    translation = endpoint is Endpoint.TRANSLATIONS
    granularities = [] if translation else [g for g in ("word", "segment") if g in granularities]
    fields = {"model": model, "language": None if translation else (language or "").strip() or None,
              "prompt": (prompt or "").strip() or None, "temperature": temperature or None,
              "response_format": response_format, "timestamp_granularities": granularities or None}
    body = finish(endpoint, fields, extra)
    if body.get("timestamp_granularities") and body.get("response_format") != "verbose_json":
        raise InputProblem(translate(
            "media_requests", "Word or segment timestamps need the verbose_json format: choose it, or untick them."), field="timestamp_granularities")
    return body, [Upload("file", os.fspath(path))]


def image_edit_request(model: str | None, images: Sequence[str | Path], prompt: str, *,
                       mask: str | Path | None = None, n: int | None = None, size: str | None = None,
                       quality: str | None = None, extra: Mapping[str, Any] | None = None,
                       max_bytes: int | None = DEFAULT_MAX_IMAGE_MIB * MIB) -> tuple[dict[str, Any], list[Upload]]:
    if not images:
        raise InputProblem(translate("media_requests", "Add the image to edit first."), field="image")
    if len(images) > MAX_EDIT_IMAGES:
        raise InputProblem(translate("media_requests", "{count} images: at most {limit} can be edited "
                                                                "together.").format(count=len(images),
                                                                                    limit=MAX_EDIT_IMAGES), field="image")
    sizes = [check_image_file(p, "image", max_bytes) for p in images]
    if mask:
        mask_size = check_image_file(mask, "mask", max_bytes)
        if mask_size and sizes[0] and mask_size != sizes[0]:
            raise InputProblem(translate("media_requests", "The mask is {mask_width}×{mask_height} pixels "
                                                                   "but the image is {width}×{height}: they must be "
                                                                   "the same size.").format(
                mask_width=mask_size[0], mask_height=mask_size[1], width=sizes[0][0], height=sizes[0][1]), field="mask")
    if not (extra and "prompt" in extra) and not (prompt or "").strip():
        raise InputProblem(translate("media_requests", "Describe the change you want first."), field="prompt")
    fields = {"model": model or None, "prompt": prompt, "n": n if n and n != 1 else None,
              "size": size if size and size != "auto" else None,
              "quality": quality if quality and quality != "auto" else None}
    body = finish(Endpoint.IMAGE_EDITS, fields, extra)
    field = "image" if len(images) == 1 else "image[]"
    uploads = [Upload(field, os.fspath(p)) for p in images]
    if mask:
        uploads.append(Upload("mask", os.fspath(mask)))
    return body, uploads
