"""A foreign OpenAI-compatible server (a gateway at …/v1, LiteLLM-style model lists and
answers), played by a loopback server of our own."""
from __future__ import annotations

import json

import pytest
from hostile import Hostile, json_answer
from test_cli_profiles import queue_desk

from gui.core.api.model_list import parse_models
from gui.core.endpoints import Endpoint
from gui.core.jobs.results import derive_files
from gui.core.profiles.profile import PathStyle, Profile, ProfileStore

CHAT = json.dumps({"choices": [{"message": {"role": "assistant", "content": "from the gateway"}}]}).encode()
SRT = "1\n00:00:00,000 --> 00:00:01,500\nHello there.\n"


def test_a_profile_exactly_as_given_reaches_a_v1_gateway_with_profile(home):
    with Hostile() as gateway:
        gateway.on("/v1/chat/completions", json_answer(CHAT))
        ProfileStore().save(Profile("Gateway", gateway.origin + "/v1/", PathStyle.EXACT))
        proc = queue_desk("submit", "chat", "--profile", "Gateway", "--prompt", "hi", home=home)
    assert proc.returncode == 0, proc.stderr
    assert [s.path for s in gateway.seen] == ["/v1/chat/completions"]
    assert gateway.keys_seen() == ["Bearer sk-from-env"]


def test_exactly_as_given_keeps_the_url_and_the_others_still_swap_prefixes():
    assert Profile("G", "https://gw.example.com/v1/", PathStyle.EXACT).api_url == "https://gw.example.com/v1"
    assert Profile("G", "https://gw.example.com/queue", PathStyle.EXACT).api_url == "https://gw.example.com/queue"
    assert Profile("G", "https://gw.example.com/v2", PathStyle.QUEUE).api_url == "https://gw.example.com/queue"
    assert Profile.from_json(Profile("G", "https://gw.example.com/v1", PathStyle.EXACT).to_json()).path_style \
        is PathStyle.EXACT


def test_model_types_come_from_any_convention():
    body = {"data": [
        {"id": "llama", "meta_data": {"model_type": "LLM"}},
        {"id": "mock-chat", "mode": "chat"},
        {"id": "mock-embed", "model_info": {"mode": "embedding"}},
        {"id": "mock-stt", "mode": "audio_transcription"},
        {"id": "mock-img", "mode": "image_generation"},
        {"id": "whisper-1"}, {"id": "text-embedding-3-small"}, {"id": "gpt-image-1"}, {"id": "dall-e-3"},
        {"id": "gpt-4o"},
    ]}
    types = {m.id: m.model_type for m in parse_models(body)}
    assert types == {"llama": "LLM", "mock-chat": "LLM", "mock-embed": "EMBEDDING", "mock-stt": "STT",
                     "mock-img": "IMAGE", "whisper-1": "STT", "text-embedding-3-small": "EMBEDDING",
                     "gpt-image-1": "IMAGE", "dall-e-3": "IMAGE", "gpt-4o": "LLM"}


VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nHallo\n"


@pytest.mark.parametrize("raw_name, subtitles", [
    ("response.txt", SRT), ("response.json", SRT), ("response.txt", VTT), ("response.json", VTT),
])
def test_srt_and_vtt_are_saved_as_such_whether_plain_or_wrapped_in_json(tmp_path, raw_name, subtitles):
    raw = tmp_path / raw_name
    raw.write_bytes(json.dumps({"text": subtitles}).encode() if raw_name.endswith(".json") else subtitles.encode())
    names = [p.name for p in derive_files(raw, Endpoint.TRANSCRIPTIONS)]
    fmt = "vtt" if subtitles is VTT else "srt"
    assert f"transcript.{fmt}" in names
    assert (tmp_path / f"transcript.{fmt}").read_text() == subtitles


def test_a_failed_row_keeps_the_status_error_body_and_request_id(home, tmp_path):
    error = {"error": {"message": "model not allowed for key", "type": "auth_error", "code": "403"}}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"custom_id": "row-1", "method": "POST", "url": "/v1/chat/completions",
                                  "body": {"model": "m", "messages": [{"role": "user", "content": "x"}]}}) + "\n")
    with Hostile() as gateway:
        gateway.on("/v1/chat/completions", json_answer(json.dumps(error).encode(), 403,
                                                       **{"x-litellm-call-id": "call-42"}))
        proc = queue_desk("batch", str(source), "--out", str(tmp_path / "out"), "--base-url", gateway.origin + "/v1",
                          home=home)
    assert proc.returncode == 1, proc.stderr
    [line] = [json.loads(x) for x in (tmp_path / "out" / "results.jsonl").read_text().splitlines()]
    assert line["response"]["status_code"] == 403
    assert line["response"]["request_id"] == "call-42"
    assert line["response"]["body"] == error
    assert line["error"]["message"]


@pytest.mark.asyncio
async def test_answer_and_wait_limits_come_from_the_queue_settings_and_the_profile(home):
    from gui.core.engine import Engine

    defaults = {"max_answer_mb": 100, "max_server_wait": 30.0, "poll_deadline": 3600.0}
    plain = Engine.for_profile(Profile("G", "http://127.0.0.1:9/v1", PathStyle.EXACT), "sk-x", home=home,
                               defaults=defaults)
    own = Engine.for_profile(Profile("H", "http://127.0.0.1:9/v1", PathStyle.EXACT, largest_answer_mib=7,
                                     longest_wait_h=2), "sk-x", home=home, defaults=defaults)
    try:
        assert (plain.client.max_answer_bytes, plain.client.max_server_wait, plain.client.poll_deadline) == (
            100 << 20, 30.0, 3600.0)
        assert (own.client.max_answer_bytes, own.client.poll_deadline) == (7 << 20, 7200.0)
    finally:
        await plain.aclose()
        await own.aclose()
