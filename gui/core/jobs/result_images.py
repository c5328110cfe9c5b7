"""Image results on disk: `image-<n>.<ext>` beside the raw response, numbered as in the
response's `data` list. `url` results are downloaded as soon as the job finishes (the
links expire after about an hour); a download that fails is noted in
`download-errors.json`, so the gallery can say why an image is missing and retry."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from gui.core.api.client import QueueClient
from gui.core.endpoints import Endpoint, ResultKind
from gui.core.errors import QueueError
from gui.core.formats.image_info import image_format
from gui.core.i18n import translate
from gui.core.jobs.results import IMAGE_PROBLEMS_NAME, image_path, record_image_problems, write_atomic

ERRORS_NAME = IMAGE_PROBLEMS_NAME
_IMAGE = re.compile(r"^image-(\d+)\.(png|jpg|webp|gif)$")


def image_files(folder: str | Path) -> list[Path]:
    """The result's images in response order."""
    found = []
    for path in Path(folder).glob("image-*"):
        match = _IMAGE.match(path.name)
        if match:
            found.append((int(match[1]), path))
    return [p for _, p in sorted(found)]


def image_urls(body: Any) -> list[tuple[int, str]]:
    """(1-based index, url) for every `url` item without base64 data."""
    items = body.get("data") if isinstance(body, dict) else None
    return [(i, item["url"]) for i, item in enumerate(items or [], start=1)
            if isinstance(item, dict) and not item.get("b64_json") and isinstance(item.get("url"), str)]


def needs_download(endpoint: Endpoint, body: Any) -> bool:
    return endpoint.spec.result is ResultKind.IMAGES and bool(image_urls(body))


async def download_images(client: QueueClient, folder: Path, body: Any) -> list[Path]:
    """Fetch every `url` image not yet on disk. Never raises for a failed download: the
    job's answer is already paid for and saved; the reason goes to download-errors.json."""
    have = {int(_IMAGE.match(p.name)[1]) for p in image_files(folder)}
    saved, problems = [], {}
    for index, url in image_urls(body):
        if index in have:
            continue
        try:
            data = await client.fetch_file(url)
            if image_format(data[:16]) is None:
                raise ValueError(translate("image_results", "the link did not return an image"))
            saved.append(write_atomic(image_path(folder, index, data), data))
        except (QueueError, ValueError, OSError) as exc:
            problems[index] = str(exc)
    record_image_problems(folder, problems, {i for i, _ in image_urls(body) if i not in have})
    return saved


def download_problems(folder: str | Path) -> dict[int, str]:
    try:
        data = json.loads((Path(folder) / ERRORS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {int(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
