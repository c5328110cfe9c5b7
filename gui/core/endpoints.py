"""The catalogue of queue endpoints: what each one is called, how its body is sent and
what its result is. Everything else (client, CLI, tabs, batch import) looks endpoints up
here instead of spelling paths or names itself."""
from __future__ import annotations

import enum
from dataclasses import dataclass

from gui.core.i18n import QT_TRANSLATE_NOOP, translate


class BodyKind(enum.Enum):
    JSON = "json"
    MULTIPART = "multipart"
    NONE = "none"


class ResultKind(enum.Enum):
    TEXT = "text"  # chat and completions: markdown/plain text plus usage
    EMBEDDINGS = "embeddings"
    TRANSCRIPT = "transcript"
    IMAGES = "images"
    MODEL_LIST = "model_list"


class Endpoint(enum.Enum):
    CHAT = "chat"
    COMPLETIONS = "completions"
    EMBEDDINGS = "embeddings"
    TRANSCRIPTIONS = "transcriptions"
    TRANSLATIONS = "translations"
    IMAGES = "images"
    IMAGE_EDITS = "image-edits"
    MODELS = "models"

    @property
    def spec(self) -> EndpointSpec:
        return _SPECS[self]

    @property
    def path(self) -> str:
        return self.spec.path

    @property
    def label(self) -> str:
        """The endpoint's name for people, translated."""
        return translate("endpoints", self.spec.label)

    @classmethod
    def from_batch_url(cls, url: str) -> Endpoint:
        """Map an OpenAI Batch line's `url` (`/v1/chat/completions`) to its endpoint."""
        path = url.split("?", 1)[0].rstrip("/")
        for prefix in ("/v1", "/v2", "/queue"):
            if path.startswith(prefix + "/"):
                path = path[len(prefix):]
                break
        for endpoint, spec in _SPECS.items():
            if spec.path == path:
                return endpoint
        raise ValueError(f"unsupported batch url {url!r}")


@dataclass(frozen=True)
class EndpointSpec:
    """What an endpoint is on the wire: its method and path, how its body is sent, what its
    result is, and the models offered for it."""
    label: str  # English; people see it translated through Endpoint.label
    method: str
    path: str  # relative to the profile's base URL (…/queue)
    body: BodyKind
    result: ResultKind
    model_type: str | None  # meta_data.model_type offered first in model pickers
    default_model: str | None  # a provider model of that type, used when none is given

    @property
    def batch_url(self) -> str:
        return "/v1" + self.path


LLM, STT = "Llama-3.3-70B-Instruct", "whisper-large-v3"
_SPECS: dict[Endpoint, EndpointSpec] = {
    Endpoint.CHAT: EndpointSpec(QT_TRANSLATE_NOOP("endpoints", "Chat"), "POST", "/chat/completions", BodyKind.JSON, ResultKind.TEXT, "LLM", LLM),
    Endpoint.COMPLETIONS: EndpointSpec(QT_TRANSLATE_NOOP("endpoints", "Completions"), "POST", "/completions", BodyKind.JSON, ResultKind.TEXT, "LLM", LLM),
    Endpoint.EMBEDDINGS: EndpointSpec(QT_TRANSLATE_NOOP("endpoints", "Embeddings"), "POST", "/embeddings", BodyKind.JSON, ResultKind.EMBEDDINGS, "EMBEDDING", "text-embedding-bge-m3"),
    Endpoint.TRANSCRIPTIONS: EndpointSpec(
        QT_TRANSLATE_NOOP("endpoints", "Transcription"), "POST", "/audio/transcriptions", BodyKind.MULTIPART, ResultKind.TRANSCRIPT, "STT", STT
    ),
    Endpoint.TRANSLATIONS: EndpointSpec(
        QT_TRANSLATE_NOOP("endpoints", "Translation"), "POST", "/audio/translations", BodyKind.MULTIPART, ResultKind.TRANSCRIPT, "STT", STT
    ),
    Endpoint.IMAGES: EndpointSpec(QT_TRANSLATE_NOOP("endpoints", "Image generation"), "POST", "/images/generations", BodyKind.JSON, ResultKind.IMAGES, "IMAGE", "gpt-image-1"),
    Endpoint.IMAGE_EDITS: EndpointSpec(QT_TRANSLATE_NOOP("endpoints", "Image edit"), "POST", "/images/edits", BodyKind.MULTIPART, ResultKind.IMAGES, "IMAGE", "gpt-image-1"),
    Endpoint.MODELS: EndpointSpec(QT_TRANSLATE_NOOP("endpoints", "Models"), "GET", "/models", BodyKind.NONE, ResultKind.MODEL_LIST, None, None),
}

# The values the API names for a field: the tabs offer them and builders/bodies.py accepts
# them (the first is the form's default). One place, so the form and the check agree.
IMAGE_SIZES = ("auto", "1024x1024", "1536x1024", "1024x1536", "512x512", "256x256")  # any WIDTHxHEIGHT goes too
IMAGE_QUALITIES = ("auto", "low", "medium", "high")  # gpt-image; older models' "standard", "hd" are accepted
IMAGE_BACKGROUNDS = ("auto", "opaque", "transparent")
IMAGE_FORMATS = ("png", "jpeg", "webp")
IMAGE_RESPONSE_FORMATS = ("url", "b64_json")
AUDIO_FORMATS = ("json", "text", "srt", "verbose_json", "vtt")
EMBEDDING_FORMATS = ("float", "base64")

DEFAULT_BASE_URL = "https://llm-server.llmhub.t-systems.net/queue"
