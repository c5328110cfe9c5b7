"""Checks request bodies against the JSON schemas in this folder, the way they go on the
wire: JSON bodies after a JSON round trip, multipart bodies as the client's string form
fields (coerced back to the schema's types) plus the uploaded file parts."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from gui.core.api.uploads import form_fields
from gui.core.api.wire import Upload
from gui.core.endpoints import BodyKind, Endpoint

FOLDER = Path(__file__).parent
FILES = {
    Endpoint.CHAT: "chat.json",
    Endpoint.COMPLETIONS: "completion.json",
    Endpoint.EMBEDDINGS: "embedding.json",
    Endpoint.TRANSCRIPTIONS: "transcription.json",
    Endpoint.TRANSLATIONS: "translation.json",
    Endpoint.IMAGES: "image.json",
    Endpoint.IMAGE_EDITS: "image_edit.json",
}


@cache
def validator(endpoint: Endpoint) -> Draft202012Validator:
    schema = json.loads((FOLDER / FILES[endpoint]).read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def wire_form(body: dict[str, Any], uploads: list[Upload], schema: dict[str, Any]) -> dict[str, Any]:
    """The multipart parts as the server sees them, coerced by the schema's types."""
    values: dict[str, Any] = {}
    for name, value in form_fields(body).items():
        key = name[:-2] if name.endswith("[]") else name
        values[key] = value
    for upload in uploads:
        key = upload.field[:-2] if upload.field.endswith("[]") else upload.field
        if upload.field.endswith("[]"):
            values.setdefault(key, []).append(f"<file {Path(upload.path).name}>")
        else:
            values[key] = f"<file {Path(upload.path).name}>"
    props = schema.get("properties", {})
    for key, value in values.items():
        kinds = props.get(key, {}).get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        values[key] = _coerce(value, kinds)
    return values


def _coerce(value: Any, kinds: list[Any]) -> Any:
    if isinstance(value, list):
        return value
    if "integer" in kinds:
        try:
            return int(value)
        except ValueError:
            return value
    if "number" in kinds:
        try:
            return float(value)
        except ValueError:
            return value
    if "boolean" in kinds and value in ("true", "false"):
        return value == "true"
    return value


def problems(endpoint: Endpoint, body: dict[str, Any], uploads: list[Upload] | None = None) -> list[str]:
    v = validator(endpoint)
    if endpoint.spec.body is BodyKind.MULTIPART:
        instance = wire_form(body, list(uploads or []), v.schema)
    else:
        instance = json.loads(json.dumps(body))  # what httpx sends
    return [f"{'/'.join(map(str, e.absolute_path)) or '(body)'}: {e.message}" for e in v.iter_errors(instance)]


def assert_valid(endpoint: Endpoint, body: dict[str, Any], uploads: list[Upload] | None = None) -> None:
    found = problems(endpoint, body, uploads)
    assert not found, f"{endpoint.value} body breaks its schema: {found}\n{json.dumps(body, indent=1)}"
