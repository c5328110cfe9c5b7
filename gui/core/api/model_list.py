"""The model list from GET /queue/models, with the provider's `meta_data`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gui.core.api.client import QueueClient, Request
from gui.core.endpoints import Endpoint
from gui.core.errors import ErrorKind, QueueError


@dataclass(frozen=True)
class ModelInfo:
    id: str
    model_type: str = ""  # LLM, EMBEDDING, STT, IMAGE … (every meta_data field is optional)
    display_name: str = ""
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def parse_models(body: Any) -> list[ModelInfo]:
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        raise QueueError(ErrorKind.BAD_RESPONSE, "The server's model list is not in the expected form.")
    models = []
    for item in body["data"]:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        meta = item.get("meta_data") if isinstance(item.get("meta_data"), dict) else {}
        models.append(
            ModelInfo(item["id"], str(meta.get("model_type") or ""), str(meta.get("display_name") or ""), meta)
        )
    return models


async def fetch_models(client: QueueClient) -> list[ModelInfo]:
    reply = await client.send(Request(Endpoint.MODELS))
    return parse_models(reply.json())


def ordered_for(models: list[ModelInfo], model_type: str | None) -> list[ModelInfo]:
    """Models of the wanted type first (e.g. LLM for chat), the rest after."""
    if not model_type:
        return list(models)
    return sorted(models, key=lambda m: m.model_type.upper() != model_type.upper())
