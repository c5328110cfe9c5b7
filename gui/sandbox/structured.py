"""Structured Outputs in the sandbox: for `response_format` json_schema (or json_object with
a schema in the system message) it answers deterministic JSON that fits the schema: choices
picked by a hash of the prompt, numbers within their bounds, texts from the prompt's words.
`SandboxConfig.invalid_answer_rate` makes a share of answers unfit (a field missing or of the
wrong type) so repair can be tested; `json_schema_unsupported` refuses json_schema with 400."""
from __future__ import annotations

import json
import random
import re
from typing import Any

from gui.sandbox.replies import openai_error

_WORDS = re.compile(r"[A-Za-zÀ-ÿ0-9']+")


def value_for(schema: Any, rng: random.Random, words: list[str], depth: int = 0) -> Any:
    if not isinstance(schema, dict) or depth > 8:
        return None
    for key in ("anyOf", "oneOf"):
        if isinstance(schema.get(key), list) and schema[key]:
            return value_for(schema[key][0], rng, words, depth + 1)
    if "enum" in schema and schema["enum"]:
        return rng.choice(schema["enum"])
    if "const" in schema:
        return schema["const"]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object":
        props = schema.get("properties") or {}
        return {name: value_for(sub, rng, words, depth + 1) for name, sub in props.items()}
    if kind == "array":
        return [value_for(schema.get("items") or {"type": "string"}, rng, words, depth + 1)
                for _ in range(rng.randint(1, 3))]
    if kind == "integer":
        low, high = int(schema.get("minimum", 1)), int(schema.get("maximum", 10))
        return rng.randint(low, max(low, high))
    if kind == "number":
        low, high = float(schema.get("minimum", 0)), float(schema.get("maximum", 100))
        return round(rng.uniform(low, max(low, high)), 2)
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "null":
        return None
    picked = rng.sample(words, min(len(words), rng.randint(2, 5))) if words else ["sandbox"]
    return " ".join(picked)


def requested_schema(body: dict[str, Any], messages: list[Any]) -> dict[str, Any] | None:
    """The schema a chat request asks its answer to fit, or None for free text."""
    fmt = body.get("response_format")
    if not isinstance(fmt, dict):
        return None
    if fmt.get("type") == "json_schema":
        spec = fmt.get("json_schema")
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str) or not spec.get("name"):
            raise openai_error(400, "response_format.json_schema needs a 'name'.", param="response_format")
        schema = spec.get("schema")
        return schema if isinstance(schema, dict) else {"type": "object", "properties": {}}
    if fmt.get("type") == "json_object":
        text = " ".join(str(m.get("content", "")) for m in messages if isinstance(m, dict))
        if "json" not in text.lower():
            raise openai_error(400, "'messages' must contain the word 'json' in some form, to use "
                                    "'response_format' of type 'json_object'.", param="messages")
        for message in messages:  # a schema given in words, as clients without json_schema send it
            content = str(message.get("content", "")) if isinstance(message, dict) else ""
            start = content.find("{")
            if start >= 0:
                try:
                    schema, _ = json.JSONDecoder().raw_decode(content[start:])
                except ValueError:
                    continue
                if isinstance(schema, dict) and schema.get("type") == "object":
                    return schema
        return {"type": "object", "properties": {"answer": {"type": "string"}}}
    if fmt.get("type") not in (None, "text"):
        raise openai_error(400, f"Invalid response_format type {fmt.get('type')!r}.", param="response_format")
    return None


def structured_answer(schema: dict[str, Any], prompt: str, rng: random.Random, unfit: bool) -> str:
    value = value_for(schema, rng, _WORDS.findall(prompt)[:40])
    if unfit and isinstance(value, dict) and value:
        name = rng.choice(sorted(value))
        if rng.random() < 0.5:
            del value[name]  # a required field missing
        else:
            value[name] = {"unexpected": True}  # of the wrong type
    return json.dumps(value, ensure_ascii=False)
