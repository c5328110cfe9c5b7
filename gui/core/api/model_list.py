"""The model list from GET /queue/models, with the provider's `meta_data`; the model type
read from the common conventions (the provider's meta_data.model_type, LiteLLM's `mode`,
OpenAI-style ids as a last resort), so each tab preselects a fitting model on any server."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gui.core.api.client import QueueClient
from gui.core.api.wire import Request
from gui.core.endpoints import Endpoint
from gui.core.errors import ErrorKind, QueueError


@dataclass(frozen=True)
class ModelInfo:
    """A model of the server's list: its id, type and display name, and the rest of its
    meta_data."""
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
        models.append(ModelInfo(item["id"], model_type_of(item, meta), str(meta.get("display_name") or ""), meta))
    return models


# LiteLLM's model_info.mode / mode values, as the provider's model types.
_MODES = {"chat": "LLM", "completion": "LLM", "responses": "LLM", "embedding": "EMBEDDING",
          "audio_transcription": "STT", "image_generation": "IMAGE", "image_edit": "IMAGE", "audio_speech": "TTS",
          "rerank": "RERANK", "moderation": "MODERATION"}
# Last resort: OpenAI-style ids (whisper-1, text-embedding-3-small, gpt-image-1, dall-e-3, tts-1).
_BY_ID = ((re.compile(r"whisper|transcri|speech-to-text|\bstt\b"), "STT"),
          (re.compile(r"embed|\bbge\b|\be5\b"), "EMBEDDING"),
          (re.compile(r"gpt-image|dall-e|stable-diffusion|sdxl|flux|imagen"), "IMAGE"),
          (re.compile(r"^tts|-tts\b"), "TTS"),
          (re.compile(r"rerank"), "RERANK"))


def model_type_of(item: dict[str, Any], meta: dict[str, Any]) -> str:
    if meta.get("model_type"):
        return str(meta["model_type"])
    info = item.get("model_info") if isinstance(item.get("model_info"), dict) else {}
    mode = item.get("mode") or info.get("mode")
    if isinstance(mode, str) and mode.lower() in _MODES:
        return _MODES[mode.lower()]
    name = item["id"].lower()
    for pattern, kind in _BY_ID:
        if pattern.search(name):
            return kind
    return "" if isinstance(mode, str) else "LLM"  # most models without a hint are chat models


async def fetch_models(client: QueueClient) -> list[ModelInfo]:
    reply = await client.send(Request(Endpoint.MODELS))
    return parse_models(reply.json())


def ordered_for(models: list[ModelInfo], model_type: str | None) -> list[ModelInfo]:
    """Models of the wanted type first (e.g. LLM for chat), the rest after."""
    if not model_type:
        return list(models)
    return sorted(models, key=lambda m: m.model_type.upper() != model_type.upper())
