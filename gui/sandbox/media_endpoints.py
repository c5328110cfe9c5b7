"""Audio transcriptions/translations and image generations/edits."""
from __future__ import annotations

import asyncio
import base64
import re
import time
from typing import Any

from starlette.concurrency import run_in_threadpool

from gui.sandbox.call import Call
from gui.sandbox.catalog import MODELS, ModelType, SandboxModel
from gui.sandbox.fields import (
    one_of,
    optional_float,
    optional_int,
    optional_str,
    require_model,
    require_str,
)
from gui.sandbox.png import draw_png, png_size
from gui.sandbox.replies import Reply, detail_error, invalid_value
from gui.sandbox.text import count_tokens
from gui.sandbox.transcripts import audio_duration, build_transcript, render
from gui.sandbox.uploads import UploadedFile

AUDIO_EXTENSIONS = ("flac", "m4a", "mp3", "mp4", "mpeg", "mpga", "oga", "ogg", "wav", "webm")
AUDIO_FORMATS = ("json", "text", "srt", "verbose_json", "vtt")
IMAGE_EXTENSIONS = ("png", "webp", "jpg", "jpeg")
_SIZE = re.compile(r"^(\d{1,5})x(\d{1,5})$")
_MIN_SIDE, _MAX_SIDE = 16, 4096


def _files(call: Call, *names: str) -> list[UploadedFile]:
    files = call.form.file_list(*names)
    if not files:
        if call.form.values(*names):  # sent as a plain field: no filename in the part
            raise invalid_value(names[0], f"'{names[0]}' must be a file upload")
        raise detail_error(400, f"Field required: '{names[0]}'")
    return files


async def _audio(call: Call, translate: bool) -> Reply:
    upload = _files(call, "file")[0]
    fields = call.form.scalars()
    require_model(fields, ModelType.STT)
    if upload.extension not in AUDIO_EXTENSIONS:
        raise invalid_value("file", f"Invalid file format. Supported formats: {list(AUDIO_EXTENSIONS)}")
    if upload.size == 0:
        raise invalid_value("file", "The audio file is empty.")
    response_format = one_of(fields, "response_format", AUDIO_FORMATS, "json")
    granularities = call.form.values("timestamp_granularities[]", "timestamp_granularities")
    if any(g not in ("word", "segment") for g in granularities):
        raise invalid_value("timestamp_granularities", "Granularities must be 'word' and/or 'segment'")
    if granularities and response_format != "verbose_json":
        raise invalid_value(
            "timestamp_granularities", "timestamp_granularities requires response_format 'verbose_json'"
        )
    duration = audio_duration(upload.head, upload.size, upload.tail)
    if call.state.config.audio_speed > 0:
        await asyncio.sleep(duration * call.state.config.audio_speed)  # holds the connection, not a thread
    transcript = build_transcript(
        upload.sha256, upload.filename, duration,
        None if translate else optional_str(fields, "language"), translate,
        optional_float(fields, "temperature", 0.0),
    )
    return Reply(render(transcript, response_format, granularities))


async def transcriptions(call: Call) -> Reply:
    return await _audio(call, translate=False)


async def translations(call: Call) -> Reply:
    return await _audio(call, translate=True)


def _image_model(fields: dict[str, Any]) -> SandboxModel:
    if fields.get("model") in (None, ""):  # optional in the spec: use the provider's image model
        return next(m for m in MODELS if m.type is ModelType.IMAGE)
    return require_model(fields, ModelType.IMAGE)


def _size(fields: dict[str, Any], auto: tuple[int, int]) -> tuple[int, int]:
    size = optional_str(fields, "size", "auto") or "auto"
    if size == "auto":
        return auto
    match = _SIZE.match(size)
    if match:
        width, height = int(match[1]), int(match[2])
        if _MIN_SIDE <= width <= _MAX_SIDE and _MIN_SIDE <= height <= _MAX_SIDE:
            return width, height
    raise invalid_value("size", f"Invalid size '{size}': use 'auto' or WIDTHxHEIGHT, {_MIN_SIDE}-{_MAX_SIDE} each")


async def _images(call: Call, fields: dict[str, Any], prompt: str, size: tuple[int, int],
                  seed: list[Any], image_tokens: int = 0) -> Reply:
    n = optional_int(fields, "n", 1, 1, 10) or 1
    response_format = one_of(fields, "response_format", ("b64_json", "url"), "b64_json")
    # jpeg and webp are accepted, but the bytes are always PNG: the sandbox has no encoder
    # for them and clients sniff the format from the data anyway.
    one_of(fields, "output_format", ("png", "jpeg", "webp"), "png")
    quality = one_of(fields, "quality", ("auto", "low", "medium", "high", "standard", "hd"), "auto")
    width, height = size
    pngs = await run_in_threadpool(lambda: [draw_png(width, height, *seed, i) for i in range(n)])
    data = []
    for png in pngs:
        item: dict[str, Any] = {"revised_prompt": f"{prompt} (abstract stripes and circles, sandbox rendering)"}
        if response_format == "url":
            file_id = call.state.new_id("img_", seed)
            call.state.files[file_id] = png
            item["url"] = f"{call.base_url}/files/{file_id}.png"
        else:
            item["b64_json"] = base64.b64encode(png).decode("ascii")
        data.append(item)
    text_tokens = count_tokens(prompt)
    output_tokens = n * max(1, round(1056 * width * height / (1024 * 1024)))
    return Reply({
        "created": int(time.time()),
        "data": data,
        "background": "opaque",
        "output_format": "png",
        "size": f"{width}x{height}",
        "quality": quality if quality in ("low", "medium", "high") else "medium",
        "usage": {
            "input_tokens": text_tokens + image_tokens,
            "output_tokens": output_tokens,
            "total_tokens": text_tokens + image_tokens + output_tokens,
            "input_tokens_details": {"text_tokens": text_tokens, "image_tokens": image_tokens},
        },
    })


async def image_generations(call: Call) -> Reply:
    body = call.body
    prompt = require_str(body, "prompt")
    _image_model(body)
    return await _images(call, body, prompt, _size(body, (1024, 1024)), ["generate", prompt])


async def image_edits(call: Call) -> Reply:
    images = _files(call, "image", "image[]")
    fields = call.form.scalars()
    prompt = require_str(fields, "prompt")
    _image_model(fields)
    for image in images:
        if image.extension and image.extension not in IMAGE_EXTENSIONS:
            raise invalid_value("image", f"Invalid image format '{image.extension}': use png, webp or jpg")
    first_size = png_size(images[0].head)
    masks = call.form.file_list("mask")
    if masks:
        mask_size = png_size(masks[0].head)
        if mask_size is None:
            raise invalid_value("mask", "Invalid mask image format - mask must be a PNG")
        if first_size is not None and mask_size != first_size:
            raise invalid_value("mask", "mask must have the same size as the image")
    auto = first_size if first_size and all(_MIN_SIDE <= s <= _MAX_SIDE for s in first_size) else (1024, 1024)
    seed = ["edit", prompt, [i.sha256.hex() for i in images], [m.sha256.hex() for m in masks]]
    return await _images(call, fields, prompt, _size(fields, auto), seed, image_tokens=85 * len(images))
