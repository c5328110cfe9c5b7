"""The models the sandbox serves, shaped like the provider's GET /models (OpenAI list + meta_data)."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


class ModelType(str, Enum):
    LLM = "LLM"
    EMBEDDING = "EMBEDDING"
    STT = "STT"
    IMAGE = "IMAGE"


@dataclass(frozen=True)
class SandboxModel:
    """One model the sandbox serves, with the fields its GET /models entry lists."""
    id: str
    type: ModelType
    display_name: str
    owned_by: str
    max_sequence_length: int
    max_output_length: int
    region: str
    license: str
    stage: str = "GA"
    hidden_size: int | None = None  # embedding dimension; None for other model types
    created: int = 1_735_689_600  # fixed (2025-01-01) so listings are deterministic

    @property
    def modalities(self) -> tuple[list[str], list[str]]:
        return {
            ModelType.LLM: (["text"], ["text"]),
            ModelType.EMBEDDING: (["text"], ["embedding"]),
            ModelType.STT: (["audio"], ["text"]),
            ModelType.IMAGE: (["text", "image"], ["image"]),
        }[self.type]

    def to_json(self) -> dict[str, Any]:
        inputs, outputs = self.modalities
        meta: dict[str, Any] = {
            "model_type": self.type.value,
            "display_name": self.display_name,
            "max_sequence_length": self.max_sequence_length,
            "max_output_length": self.max_output_length,
            "input_modalities": inputs,
            "output_modalities": outputs,
            "deployment_region": self.region,
            "license": self.license,
            "model_lifecycle_stage": self.stage,
        }
        if self.hidden_size is not None:
            meta["hidden_size"] = self.hidden_size
        return {
            "id": self.id,
            "object": "model",
            "created": self.created,
            "owned_by": self.owned_by,
            "meta_data": meta,
        }


MODELS: tuple[SandboxModel, ...] = (
    SandboxModel("Llama-3.3-70B-Instruct", ModelType.LLM, "Llama 3.3 70B Instruct", "meta",
                 131_072, 8_192, "DE", "llama3.3"),
    SandboxModel("gpt-4.1", ModelType.LLM, "GPT-4.1", "openai", 1_047_576, 32_768, "EU", "proprietary"),
    SandboxModel("claude-sonnet-4", ModelType.LLM, "Claude Sonnet 4", "anthropic",
                 200_000, 64_000, "EU", "proprietary"),
    SandboxModel("gemini-2.5-flash", ModelType.LLM, "Gemini 2.5 Flash", "google",
                 1_048_576, 65_536, "EU", "proprietary"),
    SandboxModel("Qwen3-30B-A3B-FP8", ModelType.LLM, "Qwen3 30B A3B FP8", "qwen",
                 32_768, 8_192, "DE", "apache-2.0"),
    SandboxModel("gpt-oss-120b", ModelType.LLM, "GPT-OSS 120B", "openai", 131_072, 32_768, "DE", "apache-2.0"),
    SandboxModel("text-embedding-bge-m3", ModelType.EMBEDDING, "BGE-M3", "baai", 8_192, 0, "DE", "mit",
                 hidden_size=1024),
    SandboxModel("jina-embeddings-v2-base-de", ModelType.EMBEDDING, "Jina Embeddings v2 Base DE", "jina",
                 8_192, 0, "DE", "apache-2.0", hidden_size=768),
    SandboxModel("whisper-large-v3", ModelType.STT, "Whisper Large v3", "openai", 0, 0, "DE", "mit"),
    SandboxModel("whisper-large-v3-turbo", ModelType.STT, "Whisper Large v3 Turbo", "openai", 0, 0, "DE", "mit"),
    SandboxModel("gpt-image-1", ModelType.IMAGE, "GPT Image 1", "openai", 32_000, 0, "EU", "proprietary",
                 stage="Preview"),
)

_BY_ID = {model.id: model for model in MODELS}


def find_model(model_id: str) -> SandboxModel | None:
    return _BY_ID.get(model_id)


def models_json() -> dict[str, Any]:
    return {"object": "list", "data": [model.to_json() for model in MODELS]}
