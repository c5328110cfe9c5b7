"""Chat completions, text completions and embeddings."""
from __future__ import annotations

import time
from typing import Any

from starlette.concurrency import run_in_threadpool

from gui.sandbox.call import Call
from gui.sandbox.catalog import ModelType
from gui.sandbox.embeddings import embed, to_base64
from gui.sandbox.fields import (
    one_of,
    optional_bool,
    optional_int,
    require,
    require_model,
)
from gui.sandbox.replies import Reply, invalid_value, openai_error
from gui.sandbox.seeds import rng_for
from gui.sandbox.structured import requested_schema, structured_answer
from gui.sandbox.text import (
    chat_answer,
    completion_text,
    count_tokens,
    message_text,
    prompt_tokens,
    truncate_tokens,
)


def _no_streaming(body: dict[str, Any]) -> None:
    if optional_bool(body, "stream"):
        raise openai_error(
            400, "Streaming is not supported by the queue; send the request without 'stream'.",
            param="stream", code="unsupported_parameter",
        )


def _token_limit(body: dict[str, Any]) -> int | None:
    newer = optional_int(body, "max_completion_tokens", None)
    return newer if newer is not None else optional_int(body, "max_tokens", None)


async def chat_completions(call: Call) -> Reply:
    body = call.body
    messages = require(body, "messages")
    if not isinstance(messages, list) or not all(isinstance(m, dict) and "role" in m for m in messages):
        raise invalid_value("messages", "'messages' must be a list of objects with a 'role'")
    model = require_model(body, ModelType.LLM)
    _no_streaming(body)
    n = optional_int(body, "n", 1, 1, 128) or 1
    limit = _token_limit(body)
    fmt = body.get("response_format")
    if call.state.config.json_schema_unsupported and isinstance(fmt, dict) and fmt.get("type") == "json_schema":
        raise openai_error(400, "This model does not support response_format of type 'json_schema'.",
                           param="response_format", code="unsupported_parameter")
    schema = requested_schema(body, messages)
    choices, used = [], 0
    for index in range(n):
        if schema is None:
            answer = chat_answer(messages, index)
        else:
            rng = rng_for("structured", messages, index, call.state.config.seed)
            answer = structured_answer(schema, message_text(messages[-1]) if messages else "", rng,
                                       unfit=rng.random() < call.state.config.invalid_answer_rate)
        content, cut = truncate_tokens(answer, limit)
        used += count_tokens(content)
        choices.append({
            "index": index,
            "message": {"role": "assistant", "content": content, "refusal": None, "annotations": []},
            "logprobs": None,
            "finish_reason": "length" if cut else "stop",
        })
    prompt = prompt_tokens(messages)
    return Reply({
        "id": call.state.new_id("chatcmpl-", messages),
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model.id,
        "choices": choices,
        "usage": {"prompt_tokens": prompt, "completion_tokens": used, "total_tokens": prompt + used},
        "system_fingerprint": "fp_sandbox",
    })


def _prompts(value: Any, name: str) -> list[str]:
    """A prompt as the spec allows it: string, strings, token array, token arrays."""
    def is_tokens(v: Any) -> bool:
        return isinstance(v, list) and all(isinstance(t, int) and not isinstance(t, bool) for t in v)

    if isinstance(value, str):
        return [value]
    if is_tokens(value):
        return [" ".join(map(str, value))]
    if isinstance(value, list) and all(isinstance(v, str) or is_tokens(v) for v in value):
        return [v if isinstance(v, str) else " ".join(map(str, v)) for v in value]
    raise invalid_value(name, f"'{name}' must be a string, a list of strings or token arrays")


async def completions(call: Call) -> Reply:
    body = call.body
    prompts = _prompts(require(body, "prompt"), "prompt")
    model = require_model(body, ModelType.LLM)
    _no_streaming(body)
    n = optional_int(body, "n", 1, 1, 128) or 1
    limit = optional_int(body, "max_tokens", None)
    echo = optional_bool(body, "echo")
    choices, used = [], 0
    for p_index, prompt in enumerate(prompts):
        for j in range(n):
            text, cut = truncate_tokens(completion_text(prompt, j), limit)
            used += count_tokens(text)
            choices.append({
                "index": p_index * n + j,
                "text": prompt + text if echo else text,
                "logprobs": None,
                "finish_reason": "length" if cut else "stop",
            })
    prompt_count = sum(count_tokens(p) for p in prompts)
    return Reply({
        "id": call.state.new_id("cmpl-", prompts),
        "object": "text_completion",
        "created": int(time.time()),
        "model": model.id,
        "choices": choices,
        "usage": {"prompt_tokens": prompt_count, "completion_tokens": used, "total_tokens": prompt_count + used},
    })


def _embedding_inputs(value: Any) -> list[str | list[int]]:
    def is_tokens(v: Any) -> bool:
        return isinstance(v, list) and bool(v) and all(isinstance(t, int) and not isinstance(t, bool) for t in v)

    if isinstance(value, str):
        items: list[Any] = [value]
    elif is_tokens(value):
        items = [value]
    elif isinstance(value, list) and all(isinstance(v, str) or is_tokens(v) for v in value):
        items = list(value)
    else:
        raise invalid_value("input", "'input' must be a string, a list of strings or token arrays")
    if any(item == "" for item in items):
        raise invalid_value("input", "'input' cannot contain an empty string")
    if len(items) > 2048:
        raise invalid_value("input", "'input' can hold at most 2048 items")
    return items


async def embeddings(call: Call) -> Reply:
    body = call.body
    items = _embedding_inputs(require(body, "input"))
    model = require_model(body, ModelType.EMBEDDING)
    dim = model.hidden_size or 1024
    dimensions = optional_int(body, "dimensions", None, 1, dim)
    encoding = one_of(body, "encoding_format", ("float", "base64"), "float")
    # Many inputs x 1024 dims is real CPU work: keep it off the server's event loop.
    vectors = await run_in_threadpool(lambda: [embed(item, dim, dimensions) for item in items])
    tokens = sum(count_tokens(i) if isinstance(i, str) else len(i) for i in items)
    return Reply({
        "object": "list",
        "data": [
            {"object": "embedding", "index": i, "embedding": to_base64(v) if encoding == "base64" else v}
            for i, v in enumerate(vectors)
        ],
        "model": model.id,
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
    })
