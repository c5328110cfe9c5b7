"""Request bodies for the JSON endpoints, from plain values. The tabs and `queue-desk
submit` both build their bodies here, so what the CLI sends is exactly what the matching
tab would send: same fields, same checks, same key order.

Every builder takes `extra` (the Advanced editor's object, or the CLI's `--param`s): its
keys are merged last and win. The merged body is then checked field by field, so a bad
value from either place gets the same plain message, naming the field."""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

from gui.core.endpoints import (
    AUDIO_FORMATS,
    EMBEDDING_FORMATS,
    IMAGE_BACKGROUNDS,
    IMAGE_FORMATS,
    IMAGE_QUALITIES,
    IMAGE_RESPONSE_FORMATS,
    Endpoint,
)
from gui.core.errors import InputProblem
from gui.core.i18n import translate

# Key order of each endpoint's body: the same inputs always serialise to the same bytes.
ORDER: dict[Endpoint, tuple[str, ...]] = {
    Endpoint.CHAT: ("model", "messages", "max_tokens", "temperature", "top_p", "stop", "seed", "response_format"),
    Endpoint.COMPLETIONS: ("model", "prompt", "max_tokens", "temperature", "n", "stop", "echo"),
    Endpoint.EMBEDDINGS: ("model", "input", "encoding_format", "dimensions"),
    Endpoint.TRANSCRIPTIONS: ("model", "language", "prompt", "temperature", "response_format",
                              "timestamp_granularities"),
    Endpoint.TRANSLATIONS: ("model", "prompt", "temperature", "response_format"),
    Endpoint.IMAGES: ("model", "prompt", "n", "size", "quality", "background", "output_format", "response_format"),
    Endpoint.IMAGE_EDITS: ("model", "prompt", "n", "size", "quality"),
    Endpoint.MODELS: (),
}

# (kind, low, high) for the numeric fields the tabs offer: checked after merging, so the
# Advanced editor and --param get the same checks as the form.
_NUMBERS: dict[str, tuple[type, float | None, float | None]] = {
    "temperature": (float, 0.0, 2.0),
    "top_p": (float, 0.0, 1.0),
    "max_tokens": (int, 0, None),
    "max_completion_tokens": (int, 0, None),
    "seed": (int, -(2**63), 2**63 - 1),
    "dimensions": (int, 1, None),
}
_N_LIMIT = {Endpoint.CHAT: 128, Endpoint.COMPLETIONS: 128, Endpoint.IMAGES: 10, Endpoint.IMAGE_EDITS: 10}
_CHOICES: dict[Endpoint, dict[str, tuple[str, ...]]] = {
    Endpoint.EMBEDDINGS: {"encoding_format": EMBEDDING_FORMATS},
    Endpoint.IMAGES: {"quality": (*IMAGE_QUALITIES, "standard", "hd"),
                      "background": IMAGE_BACKGROUNDS,
                      "output_format": IMAGE_FORMATS,
                      "response_format": IMAGE_RESPONSE_FORMATS},
    Endpoint.IMAGE_EDITS: {"quality": (*IMAGE_QUALITIES, "standard")},
    Endpoint.TRANSCRIPTIONS: {"response_format": AUDIO_FORMATS},
    Endpoint.TRANSLATIONS: {"response_format": AUDIO_FORMATS},
}
ROLES = ("system", "user", "assistant", "developer")


def finish(endpoint: Endpoint, fields: Mapping[str, Any], extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Merge `extra` over `fields` (None values dropped), put keys in the endpoint's order
    (unknown keys after, as given), check the known fields."""
    merged = {k: v for k, v in fields.items() if v is not None}
    for key, value in (extra or {}).items():
        if value is None:
            merged.pop(key, None)  # an explicit null in Advanced removes a form field
        else:
            merged[key] = value
    order = ORDER[endpoint]
    body = {k: merged[k] for k in order if k in merged}
    body.update((k, v) for k, v in merged.items() if k not in body)
    check(endpoint, body)
    return body


def check(endpoint: Endpoint, body: dict[str, Any]) -> None:
    """Plain-words checks of the fields the app knows; normalises numbers in place
    (`1` becomes `1.0` for a float field), so the CLI and the form agree byte for byte."""
    if endpoint is Endpoint.MODELS:
        return
    model = body.get("model")
    if endpoint not in (Endpoint.IMAGES, Endpoint.IMAGE_EDITS) or "model" in body:
        if not isinstance(model, str) or not model.strip():
            raise InputProblem(translate("bodies", "Choose a model from the list or type its id."), field="model")
    if body.get("stream"):
        raise InputProblem(translate("bodies", "The queue does not stream answers: remove \"stream\" from "
                                                         "the advanced settings."), field="stream")
    for name, (kind, low, high) in _NUMBERS.items():
        if name in body:
            body[name] = _number(name, body[name], kind, low, high)
    if "n" in body and endpoint in _N_LIMIT:
        body["n"] = _number("n", body["n"], int, 1, _N_LIMIT[endpoint])
    for name, choices in _CHOICES.get(endpoint, {}).items():
        if name in body and body[name] not in choices:
            raise InputProblem(translate("bodies", "{name} must be one of {choices} (not {value}).").format(
                name=name, choices=", ".join(choices), value=repr(body[name])), field=name)
    if "stop" in body:
        stop = body["stop"]
        if isinstance(stop, list) and (len(stop) > 4 or not all(isinstance(s, str) and s for s in stop)):
            raise InputProblem(translate("bodies", "Give at most 4 stop sequences, none of them empty."), field="stop")
        if not isinstance(stop, (str, list)):
            raise InputProblem(translate("bodies", "Stop sequences must be text."), field="stop")


def _number(name: str, value: Any, kind: type, low: float | None, high: float | None) -> int | float:
    if kind is int:
        message = (translate("bodies", "{name} must be a whole number between {low} and {high}.")
                   if low is not None and high is not None else
                   translate("bodies", "{name} must be a whole number of at least {low}.") if low is not None else
                   translate("bodies", "{name} must be a whole number."))
    else:
        message = (translate("bodies", "{name} must be a number between {low} and {high}.")
                   if low is not None and high is not None else
                   translate("bodies", "{name} must be a number of at least {low}.") if low is not None else
                   translate("bodies", "{name} must be a number."))
    problem = InputProblem(message.format(name=name, low=_fmt(low), high=_fmt(high)), field=name)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise problem
    if kind is int:
        if isinstance(value, float) and not value.is_integer():
            raise problem
        value = int(value)
    else:
        value = float(value)
        if not math.isfinite(value):
            raise problem
    if (low is not None and value < low) or (high is not None and value > high):
        raise problem
    return value


def _fmt(x: float | None) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


# -- the builders ----------------------------------------------------------------------


def chat_body(model: str, messages: list[dict[str, Any]], *, max_tokens: int | None = None,
              temperature: float | None = None, top_p: float | None = None, stop: list[str] | None = None,
              seed: int | None = None, json_mode: bool = False,
              extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """messages: [{"role", "content"}]; empty system messages are left out, an empty
    user or assistant message is an error (it would be sent as nothing)."""
    if extra and "messages" in extra:
        messages = extra["messages"]
    else:
        messages = _clean_messages(messages)
    fields = {"model": model, "messages": messages, "max_tokens": max_tokens or None,
              "temperature": temperature, "top_p": top_p, "stop": stop or None, "seed": seed,
              "response_format": {"type": "json_object"} if json_mode else None}
    return finish(Endpoint.CHAT, fields, {k: v for k, v in (extra or {}).items() if k != "messages"})


def _clean_messages(messages: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    messages = list(messages)
    users = sum(1 for m in messages if m.get("role") == "user")
    no_user = InputProblem(translate("bodies", "Type a user message first: it is what the model answers."), field="messages")
    cleaned = []
    for number, message in enumerate(messages, start=1):
        role, content = message.get("role"), message.get("content")
        if role not in ROLES:
            raise InputProblem(translate("bodies", "Message {number} has an unknown role {role}: use "
                                                               "system, user or assistant.").format(number=number,
                                                                                                    role=repr(role)), field="messages")
        if isinstance(content, str) and not content.strip():
            if role == "system":
                continue  # an empty system message means "none"
            if role == "user" and users == 1:
                raise no_user
            raise InputProblem(translate("bodies", "Message {number} ({role}) is empty: type it or "
                                                               "remove it.").format(number=number, role=role), field="messages")
        cleaned.append({"role": role, "content": content})
    if not users:
        raise no_user
    return cleaned


def completion_body(model: str, prompt: str, *, max_tokens: int | None = None, temperature: float | None = None,
                    n: int | None = None, stop: list[str] | None = None, echo: bool = False,
                    extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    if not (extra and "prompt" in extra) and not (prompt or "").strip():
        raise InputProblem(translate("bodies", "Type a prompt first: the model continues it."), field="prompt")
    fields = {"model": model, "prompt": prompt, "max_tokens": max_tokens or None, "temperature": temperature,
              "n": n if n and n != 1 else None, "stop": stop or None, "echo": True if echo else None}
    return finish(Endpoint.COMPLETIONS, fields, extra)


def embedding_body(model: str, inputs: list[str] | str, *, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One input: sent as a string; several: as a list (one vector each)."""
    if isinstance(inputs, str):
        inputs = [inputs]
    items = [i for i in inputs if i.strip()]
    if not (extra and "input" in extra):
        if not items:
            raise InputProblem(translate("bodies", "Type at least one input line (or load a text file)."), field="input")
        if len(items) > 2048:
            raise InputProblem(translate("bodies", "{count} inputs: the limit is {limit} per request. Split "
                                                            "them up.").format(count=len(items), limit=2048), field="input")
    fields = {"model": model, "input": items[0] if len(items) == 1 else items}
    return finish(Endpoint.EMBEDDINGS, fields, extra)


def image_body(model: str | None, prompt: str, *, n: int | None = None, size: str | None = None,
               quality: str | None = None, background: str | None = None, output_format: str | None = None,
               extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Defaults ("auto", png, one image) are left out: the server applies them."""
    if not (extra and "prompt" in extra) and not (prompt or "").strip():
        raise InputProblem(translate("bodies", "Describe the image you want first."), field="prompt")
    fields = {"model": model or None, "prompt": prompt, "n": n if n and n != 1 else None,
              "size": _unless(size, "auto"), "quality": _unless(quality, "auto"),
              "background": _unless(background, "auto"), "output_format": _unless(output_format, "png")}
    return finish(Endpoint.IMAGES, fields, extra)


def _unless(value: str | None, default: str) -> str | None:
    return value if value and value != default else None


def parse_stop(text: str) -> list[str] | None:
    """The stop field: sequences separated by `|`; `\\n` and `\\t` stand for a line break
    and a tab, `\\|` for a literal bar."""
    if not text.strip():
        return None
    parts, current, i = [], "", 0
    escapes = {"n": "\n", "t": "\t", "|": "|", "\\": "\\"}
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text) and text[i + 1] in escapes:
            current += escapes[text[i + 1]]
            i += 2
            continue
        if c == "|":
            parts.append(current)
            current = ""
        else:
            current += c
        i += 1
    parts.append(current)
    parts = [p for p in parts if p != ""]
    if len(parts) > 4:
        raise InputProblem(translate("bodies", "Give at most 4 stop sequences."), field="stop")
    return parts or None


def format_stop(stop: Any) -> str:
    """The inverse of parse_stop, for "Duplicate into form"."""
    items = [stop] if isinstance(stop, str) else list(stop or [])
    return "|".join(s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n").replace("\t", "\\t")
                      for s in items)


def parse_extra(text: str) -> dict[str, Any]:
    """The Advanced editor: empty, or one JSON object. Messages say where and what."""
    if not text.strip():
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        message = translate("bodies", "Not valid JSON at line {line}, column {column}: {problem}.")
        # {"a": 1,} is the common slip; json's "expecting a property name" points nowhere near it.
        trailing = exc.doc[:exc.pos].rstrip().endswith(",") and exc.doc[exc.pos:exc.pos + 1] in ("}", "]")
        problem = (translate("bodies", "remove the comma before the closing bracket") if trailing
                   else _plain_json_error(exc.msg))
        raise InputProblem(message.format(line=exc.lineno, column=exc.colno, problem=problem),
                           field="advanced") from None
    if not isinstance(value, dict):
        raise InputProblem(translate("bodies", "The advanced settings must be one JSON object, like "
                                                           "{\"top_p\": 0.9}."), field="advanced")
    return value


def _plain_json_error(msg: str) -> str:
    plain = {
        "Expecting ',' delimiter": translate("bodies", "a comma is missing"),
        "Expecting ':' delimiter": translate("bodies", "a colon is missing after the key"),
        "Expecting property name enclosed in double quotes": translate(
            "bodies", "keys need double quotes (and no comma before })"),
        "Expecting value": translate("bodies", "a value is missing (strings need double quotes)"),
        "Extra data": translate("bodies", "there is text after the closing }"),
        "Unterminated string starting at": translate("bodies", "a string is not closed with \""),
        "Invalid control character at": translate("bodies", "a line break inside a string (write \\n)"),
    }
    for prefix, words in plain.items():
        if msg.startswith(prefix):
            return words
    return msg[0].lower() + msg[1:]
