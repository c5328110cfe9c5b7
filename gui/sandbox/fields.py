"""Reading request fields: missing ones are FastAPI-style 400s, bad values OpenAI-style 400s.

Multipart fields arrive as strings, JSON fields as typed values; both go through here.
"""
from __future__ import annotations

from typing import Any, Mapping

from gui.sandbox.catalog import ModelType, SandboxModel, find_model
from gui.sandbox.replies import detail_error, invalid_value, model_not_found

_MISSING = object()


def require(body: Mapping[str, Any], name: str) -> Any:
    value = body.get(name, _MISSING)
    if value is _MISSING or value is None or value == "" or value == []:
        raise detail_error(400, f"Field required: '{name}'")
    return value


def require_str(body: Mapping[str, Any], name: str) -> str:
    value = require(body, name)
    if not isinstance(value, str):
        raise invalid_value(name, f"'{name}' must be a string")
    return value


def optional_str(body: Mapping[str, Any], name: str, default: str | None = None) -> str | None:
    value = body.get(name)
    if value is None:
        return default
    if not isinstance(value, str):
        raise invalid_value(name, f"'{name}' must be a string")
    return value


def optional_int(
    body: Mapping[str, Any], name: str, default: int | None, low: int = 1, high: int = 1 << 31
) -> int | None:
    value = body.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value) if not isinstance(value, (bool, float)) else None
    except (TypeError, ValueError):
        number = None
    if number is None or not low <= number <= high:
        raise invalid_value(name, f"'{name}' must be an integer between {low} and {high}")
    return number


def optional_float(body: Mapping[str, Any], name: str, default: float) -> float:
    value = body.get(name)
    if value is None or value == "":
        return default
    try:
        return float(value)
    except (TypeError, ValueError):
        raise invalid_value(name, f"'{name}' must be a number") from None


def optional_bool(body: Mapping[str, Any], name: str) -> bool:
    value = body.get(name)
    if isinstance(value, str):  # multipart
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def one_of(body: Mapping[str, Any], name: str, choices: tuple[str, ...], default: str) -> str:
    value = optional_str(body, name, default) or default
    if value not in choices:
        raise invalid_value(name, f"'{value}' is not one of {list(choices)} - '{name}'")
    return value


def require_model(body: Mapping[str, Any], kind: ModelType) -> SandboxModel:
    """The requested model, or the provider's 404 when it is unknown or of the wrong kind."""
    model_id = require_str(body, "model")
    model = find_model(model_id)
    if model is None or model.type is not kind:
        raise model_not_found(model_id)
    return model
