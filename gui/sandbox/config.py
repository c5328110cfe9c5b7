"""The sandbox's knobs: one mutable object that the running app reads on every request."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass
class SandboxConfig:
    """The sandbox's knobs (latency, failures, rate limits, 202 mode, keys, faults), read on every request."""
    latency: float = 0.0
    """Seconds each POST is held open before it answers (the queue's documented semantics)."""
    failure_rate: float = 0.0
    """Fraction of POSTs that fail with 500 and an OpenAI-style error body."""
    rate_limit_every: int = 0
    """Every Nth POST answers 429 with Retry-After (0 turns rate limiting off)."""
    retry_after: float = 1.0
    """Seconds announced by a 429 (header rounded up to whole seconds; exact in retry-after-ms)."""
    mode_202: bool = False
    """Queue POSTs answer 202 with a status URL to poll instead of being held open."""
    job_ttl: float = 300.0
    """Seconds a finished 202 job stays fetchable; afterwards its URLs answer 404."""
    api_key: str | None = None
    """If set, the bearer token must equal it; if None any non-empty bearer token is accepted."""
    key_optional: bool = False
    """With api_key None: requests without any Authorization are accepted too (the headless
    `queue-desk sandbox`, so its README examples need no OPENAI_API_KEY). Off by default:
    the real service answers 401 "Not authenticated", and the client's tests meet that."""
    seed: int = 0
    """Seeds the random knobs (failure_rate, fault_rate) so runs are reproducible."""
    fault_rate: float = 0.0
    """Fraction of POSTs that meet a network fault (see faults.py)."""
    faults: str = "reset,truncate,html,garbage,slow"
    """Which faults fault_rate draws from, comma-separated."""
    audio_speed: float = 0.0
    """Seconds a transcription or translation is held per second of uploaded audio, on top of
    `latency`: a server's pace, so sending pieces in parallel can be measured."""
    invalid_answer_rate: float = 0.0
    """Fraction of structured (json_schema / json_object) answers that do not fit the schema."""
    json_schema_unsupported: bool = False
    """Chat requests with response_format json_schema answer 400 naming it (as some servers do)."""


def reset_config(config: SandboxConfig) -> None:
    """Put every knob back to its default in place, so holders of the object see the change."""
    for field in dataclasses.fields(SandboxConfig):
        setattr(config, field.name, field.default)
