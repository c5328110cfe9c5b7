"""The sandbox Queue API over real loopback HTTP: the OpenAI SDK as documented, plus raw httpx
for status codes, headers and the knobs (latency, faults, rate limits, 202 jobs)."""
from __future__ import annotations

import asyncio
import base64
import math
import struct
import subprocess
import sys
import time
import wave
import zlib
from pathlib import Path

import httpx
import openai
import pytest
from openai import OpenAI

from gui.sandbox import SandboxConfig, SandboxServer

AUTH = {"Authorization": "Bearer sk-test"}
CHAT = {"model": "gpt-4.1", "messages": [{"role": "user", "content": "Summarise the quarterly report."}]}
LLMS = ["Llama-3.3-70B-Instruct", "gpt-4.1", "claude-sonnet-4", "gemini-2.5-flash", "Qwen3-30B-A3B-FP8",
        "gpt-oss-120b"]


# ---------------------------------------------------------------- helpers


def make_wav(path: Path, seconds: float, freq: float | None = 440.0, rate: int = 16_000) -> Path:
    """A mono 16-bit WAV: a sine tone, or silence when freq is None."""
    frames = int(seconds * rate)
    if freq is None:
        data = b"\0\0" * frames
    else:
        data = struct.pack(f"<{frames}h", *(int(8000 * math.sin(2 * math.pi * freq * i / rate))
                                            for i in range(frames)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(data)
    return path


def make_png(path: Path, width: int, height: int, rgb: tuple[int, int, int] = (200, 30, 30)) -> Path:
    """A solid-colour RGB PNG written independently of the sandbox's encoder."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = (b"\0" + bytes(rgb) * width) * height
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return path


def check_png(data: bytes) -> tuple[int, int]:
    """Validate signature, chunk CRCs and the decompressed size; return (width, height)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, size, kinds = 8, b"", (0, 0), []
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        assert struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0] == zlib.crc32(kind + body)
        kinds.append(kind)
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
            assert body[8:10] == b"\x08\x02"  # 8-bit RGB
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND"
    width, height = size
    assert len(zlib.decompress(idat)) == height * (1 + 3 * width)
    return width, height


@pytest.fixture
def client(sandbox: SandboxServer) -> OpenAI:
    # max_retries=0 so a wrong status shows up as a failure, not as a slow retry.
    return OpenAI(base_url=sandbox.url, api_key="sk-test", max_retries=0)


@pytest.fixture
def http(sandbox: SandboxServer):
    with httpx.Client(base_url=sandbox.url, headers=AUTH, timeout=30) as session:
        yield session


@pytest.fixture
def wav(tmp_path: Path) -> Path:
    return make_wav(tmp_path / "meeting.wav", 2.5)


# ---------------------------------------------------------------- chat and completions


def test_chat_completion_with_the_sdk(client: OpenAI) -> None:
    reply = client.chat.completions.create(
        model="Llama-3.3-70B-Instruct",
        messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": "What is a queue?"}],
    )
    assert reply.object == "chat.completion"
    assert reply.model == "Llama-3.3-70B-Instruct"
    choice = reply.choices[0]
    assert choice.message.role == "assistant" and choice.finish_reason == "stop"
    assert choice.message.content.startswith("**") and "> What is a queue?" in choice.message.content
    usage = reply.usage
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens > 0


def test_chat_is_deterministic_per_prompt(http: httpx.Client) -> None:
    def answer(text: str) -> str:
        body = {"model": "gpt-4.1", "messages": [{"role": "user", "content": text}]}
        return http.post("/chat/completions", json=body).json()["choices"][0]["message"]["content"]

    assert answer("Tell me about queues") == answer("Tell me about queues")
    assert answer("Tell me about queues") != answer("Tell me about rate limits")


def test_chat_n_choices_and_token_limits(http: httpx.Client) -> None:
    single = http.post("/chat/completions", json=CHAT).json()["choices"][0]["message"]["content"]
    many = http.post("/chat/completions", json={**CHAT, "n": 3}).json()["choices"]
    assert [c["index"] for c in many] == [0, 1, 2]
    assert many[0]["message"]["content"] == single
    assert len({c["message"]["content"] for c in many}) == 3
    for field in ("max_tokens", "max_completion_tokens"):
        cut = http.post("/chat/completions", json={**CHAT, field: 5}).json()
        assert cut["choices"][0]["finish_reason"] == "length"
        assert cut["usage"]["completion_tokens"] <= 5
        assert single.startswith(cut["choices"][0]["message"]["content"])


def test_chat_rejects_streaming_and_missing_fields(http: httpx.Client) -> None:
    streamed = http.post("/chat/completions", json={**CHAT, "stream": True})
    assert streamed.status_code == 400 and streamed.json()["error"]["param"] == "stream"
    missing = http.post("/chat/completions", json={"model": "gpt-4.1"})
    assert missing.status_code == 400 and "messages" in missing.json()["detail"]
    assert http.post("/chat/completions", content=b"{not json").status_code == 400


def test_text_completions_with_the_sdk(client: OpenAI) -> None:
    reply = client.completions.create(model="gpt-oss-120b", prompt="Once upon a time")
    assert reply.object == "text_completion" and reply.choices[0].text.strip()
    echoed = client.completions.create(model="gpt-oss-120b", prompt="Once upon a time", echo=True)
    assert echoed.choices[0].text == "Once upon a time" + reply.choices[0].text
    several = client.completions.create(model="gpt-oss-120b", prompt=["a", "b"], n=2)
    assert len(several.choices) == 4 and several.usage.total_tokens > 0


# ---------------------------------------------------------------- embeddings


def test_embeddings_with_the_sdk_base64_default_and_float(client: OpenAI, sandbox: SandboxServer) -> None:
    texts = ["Der Zug kommt um acht.", "Der Zug kommt um neun.", "Bananas are yellow."]
    packed = client.embeddings.create(model="text-embedding-bge-m3", input=texts)
    assert sandbox.requests[-1].json["encoding_format"] == "base64"  # the SDK's default, decoded by it
    floats = client.embeddings.create(model="text-embedding-bge-m3", input=texts, encoding_format="float")
    assert sandbox.requests[-1].json["encoding_format"] == "float"
    vectors = [d.embedding for d in floats.data]
    assert [d.embedding for d in packed.data] == vectors  # float32 values, identical either way
    assert all(len(v) == 1024 and abs(math.sqrt(sum(x * x for x in v)) - 1) < 1e-5 for v in vectors)
    assert floats.usage.total_tokens > 0 and floats.model == "text-embedding-bge-m3"

    def cosine(a: list[float], b: list[float]) -> float:
        return sum(x * y for x, y in zip(a, b))

    assert cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2])  # shared words are closer
    again = client.embeddings.create(model="text-embedding-bge-m3", input=texts[0], encoding_format="float")
    assert again.data[0].embedding == vectors[0]


def test_embedding_dimensions_models_and_token_input(client: OpenAI) -> None:
    jina = client.embeddings.create(model="jina-embeddings-v2-base-de", input="Hallo Welt")
    assert len(jina.data[0].embedding) == 768
    short = client.embeddings.create(model="text-embedding-bge-m3", input="hello", dimensions=256)
    assert len(short.data[0].embedding) == 256
    tokens = client.embeddings.create(model="text-embedding-bge-m3", input=[[1, 2, 3], [4, 5]])
    assert len(tokens.data) == 2 and tokens.data[0].embedding != tokens.data[1].embedding
    with pytest.raises(openai.BadRequestError):
        client.embeddings.create(model="text-embedding-bge-m3", input="hello", dimensions=4096)


# ---------------------------------------------------------------- audio


@pytest.mark.parametrize("response_format", ["json", "text", "srt", "vtt", "verbose_json"])
def test_transcription_formats_with_the_sdk(client: OpenAI, wav: Path, response_format: str) -> None:
    with wav.open("rb") as audio:
        result = client.audio.transcriptions.create(
            model="whisper-large-v3", file=audio, response_format=response_format
        )
    if response_format == "json":
        assert result.text and result.usage.seconds == 3
    elif response_format == "text":
        assert isinstance(result, str) and result.endswith(".\n")
    elif response_format == "srt":
        blocks = result.strip().split("\n\n")
        assert len(blocks) >= 3
        number, timing, text = blocks[0].split("\n")
        assert number == "1" and timing.startswith("00:00:00,000 --> 00:00:0") and text
        assert blocks[-1].split("\n")[1].endswith("--> 00:00:02,500")
    elif response_format == "vtt":
        assert result.startswith("WEBVTT\n\n00:00:00.000 --> ")
    else:
        assert result.duration == pytest.approx(2.5)  # read from the WAV header
        assert result.language == "english" and len(result.segments) >= 3
        segment = result.segments[0]
        assert segment.start == 0 and segment.end > 0 and segment.tokens and segment.text.startswith(" ")
        assert result.segments[-1].end == pytest.approx(2.5)
        assert result.words is None


def test_transcription_words_language_and_determinism(client: OpenAI, sandbox: SandboxServer,
                                                      tmp_path: Path, wav: Path) -> None:
    with wav.open("rb") as audio:
        verbose = client.audio.transcriptions.create(
            model="whisper-large-v3-turbo", file=audio, response_format="verbose_json",
            timestamp_granularities=["word", "segment"], language="de",
        )
    assert sandbox.requests[-1].fields.count("timestamp_granularities[]") == 2
    assert verbose.language == "german" and verbose.words and verbose.segments
    assert verbose.words[-1].end == pytest.approx(2.5)

    def text(path: Path) -> str:
        with path.open("rb") as audio:
            return client.audio.transcriptions.create(model="whisper-large-v3", file=audio).text

    same = make_wav(tmp_path / "meeting-copy.wav", 2.5)
    other = make_wav(tmp_path / "silence.wav", 2.5, freq=None)
    assert text(wav) == text(wav)
    assert text(wav) != text(same.rename(tmp_path / "other-name.wav"))  # the name counts too
    assert text(wav) != text(other)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # openai>=3 marks translations deprecated
def test_translation_with_the_sdk(client: OpenAI, wav: Path) -> None:
    with wav.open("rb") as audio:
        result = client.audio.translations.create(model="whisper-large-v3", file=audio,
                                                  response_format="verbose_json")
    assert result.language == "english" and result.text and result.segments
    with wav.open("rb") as audio:
        plain = client.audio.translations.create(model="whisper-large-v3", file=audio)
    assert plain.text == result.text


def test_audio_rejects_unsupported_files(http: httpx.Client, tmp_path: Path) -> None:
    answer = http.post("/audio/transcriptions", data={"model": "whisper-large-v3"},
                       files={"file": ("notes.txt", b"not audio", "text/plain")})
    assert answer.status_code == 400
    assert answer.json()["error"]["param"] == "file" and "Invalid file format" in answer.json()["error"]["message"]
    missing = http.post("/audio/transcriptions", data={"model": "whisper-large-v3"},
                        files={"other": ("a.wav", b"x")})
    assert missing.status_code == 400 and "file" in missing.json()["detail"]
    wrong = http.post("/audio/transcriptions", data={"model": "gpt-4.1"},
                      files={"file": ("a.wav", make_wav(tmp_path / "a.wav", 0.2).read_bytes())})
    assert wrong.status_code == 404 and wrong.json()["error"]["code"] == "model_not_found"


def test_audio_duration_is_estimated_for_compressed_files(http: httpx.Client) -> None:
    answer = http.post("/audio/transcriptions", data={"model": "whisper-large-v3", "response_format": "verbose_json"},
                       files={"file": ("talk.mp3", b"\xff\xfb" * 80_000, "audio/mpeg")})
    assert answer.status_code == 200 and answer.json()["duration"] == pytest.approx(10.0)


# ---------------------------------------------------------------- images


def test_image_generation_with_the_sdk(client: OpenAI) -> None:
    result = client.images.generate(model="gpt-image-1", prompt="A lighthouse at dusk", size="1024x1024")
    png = base64.b64decode(result.data[0].b64_json)
    assert check_png(png) == (1024, 1024)
    assert result.data[0].revised_prompt and result.usage.total_tokens > 0
    again = client.images.generate(model="gpt-image-1", prompt="A lighthouse at dusk", size="1024x1024")
    assert base64.b64decode(again.data[0].b64_json) == png
    other = client.images.generate(model="gpt-image-1", prompt="A forest at dawn", size="1536x1024", n=2)
    sizes = [check_png(base64.b64decode(d.b64_json)) for d in other.data]
    assert sizes == [(1536, 1024)] * 2 and other.data[0].b64_json != other.data[1].b64_json


def test_image_url_response_format_serves_the_png(http: httpx.Client) -> None:
    answer = http.post("/images/generations", json={"model": "gpt-image-1", "prompt": "x", "size": "64x32",
                                                     "response_format": "url"})
    url = answer.json()["data"][0]["url"]
    assert url.startswith("http://127.0.0.1:") and url.endswith(".png")
    image = httpx.get(url)  # no auth: the URL itself is the credential
    assert image.headers["content-type"] == "image/png" and check_png(image.content) == (64, 32)
    bad = http.post("/images/generations", json={"model": "gpt-image-1", "prompt": "x", "size": "big"})
    assert bad.status_code == 400 and bad.json()["error"]["param"] == "size"


def test_image_edit_with_the_sdk(client: OpenAI, tmp_path: Path) -> None:
    image = make_png(tmp_path / "photo.png", 96, 64)
    mask = make_png(tmp_path / "mask.png", 96, 64, (0, 0, 0))
    with image.open("rb") as img, mask.open("rb") as msk:
        result = client.images.edit(model="gpt-image-1", image=img, mask=msk, prompt="Add a red balloon")
    first = base64.b64decode(result.data[0].b64_json)
    assert check_png(first) == (96, 64)  # size "auto" follows the input image
    with image.open("rb") as one, image.open("rb") as two:
        several = client.images.edit(model="gpt-image-1", image=[one, two], prompt="Add a red balloon",
                                     size="128x128")
    assert check_png(base64.b64decode(several.data[0].b64_json)) == (128, 128)
    wrong_mask = make_png(tmp_path / "small-mask.png", 32, 32)
    with image.open("rb") as img, wrong_mask.open("rb") as msk, pytest.raises(openai.BadRequestError) as error:
        client.images.edit(model="gpt-image-1", image=img, mask=msk, prompt="Add a red balloon")
    assert "mask must have the same size as the image" in str(error.value)


# ---------------------------------------------------------------- models, auth, errors


def test_models_list_with_the_sdk(client: OpenAI) -> None:
    models = {m.id: m for m in client.models.list()}
    assert set(LLMS) <= set(models)
    kinds = {mid: m.meta_data["model_type"] for mid, m in models.items()}  # type: ignore[attr-defined]
    assert kinds["text-embedding-bge-m3"] == kinds["jina-embeddings-v2-base-de"] == "EMBEDDING"
    assert kinds["whisper-large-v3"] == kinds["whisper-large-v3-turbo"] == "STT"
    assert kinds["gpt-image-1"] == "IMAGE" and {kinds[m] for m in LLMS} == {"LLM"}
    assert models["jina-embeddings-v2-base-de"].meta_data["hidden_size"] == 768  # type: ignore[attr-defined]
    assert models["text-embedding-bge-m3"].meta_data["hidden_size"] == 1024  # type: ignore[attr-defined]
    assert client.models.retrieve("gpt-4.1").id == "gpt-4.1"


def test_authentication_errors(sandbox: SandboxServer, http: httpx.Client) -> None:
    for headers in ({}, {"Authorization": "Bearer"}, {"Authorization": "Basic abc"}):
        answer = httpx.post(f"{sandbox.url}/chat/completions", json=CHAT, headers=headers)
        assert answer.status_code == 401 and answer.json() == {"detail": "Not authenticated"}
    assert httpx.get(f"{sandbox.url}/models").status_code == 401
    sandbox.config.api_key = "sk-right"
    wrong = http.post("/chat/completions", json=CHAT)
    assert wrong.status_code == 401
    assert wrong.json()["error"]["code"] == "invalid_api_key"
    assert wrong.json()["error"]["message"] == "Incorrect API key provided"
    right = http.post("/chat/completions", json=CHAT, headers={"Authorization": "Bearer sk-right"})
    assert right.status_code == 200
    assert sandbox.requests[-1].headers["authorization"] == "<redacted>"


def test_unknown_and_wrong_type_models_are_404(client: OpenAI, http: httpx.Client) -> None:
    for model in ("gpt-99", "text-embedding-bge-m3"):
        answer = http.post("/chat/completions", json={**CHAT, "model": model})
        assert answer.status_code == 404
        assert answer.json() == {"error": {
            "message": f"The model '{model}' does not exist or you do not have access to it.",
            "type": "invalid_request_error", "param": "model", "code": "model_not_found"}}
    with pytest.raises(openai.NotFoundError):
        client.embeddings.create(model="gpt-4.1", input="x")
    assert http.get("/nowhere").json() == {"detail": "Not Found"}


def test_standard_path_style_is_served_too(sandbox: SandboxServer) -> None:
    v2 = OpenAI(base_url=sandbox.url.replace("/queue", "/v2"), api_key="sk-test", max_retries=0)
    assert v2.chat.completions.create(**CHAT).choices[0].message.content
    assert sandbox.requests[-1].path == "/v2/chat/completions"


# ---------------------------------------------------------------- knobs


def test_rate_limit_every_nth_post(sandbox: SandboxServer, http: httpx.Client) -> None:
    sandbox.config.rate_limit_every = 3
    sandbox.config.retry_after = 1.5
    answers = [http.post("/chat/completions", json=CHAT) for _ in range(6)]
    assert [a.status_code for a in answers] == [200, 200, 429, 200, 200, 429]
    limited = answers[2]
    assert limited.headers["retry-after"] == "2"
    assert limited.headers["x-ratelimit-remaining-requests"] == "0"
    assert limited.headers["x-ratelimit-reset-requests"] == "1.5s"
    assert limited.headers["x-ratelimit-limit-requests"] == "3"
    assert limited.json()["error"]["type"] == "rate_limit_exceeded"
    assert http.get("/models").status_code == 200  # GETs are not rate limited


def test_sdk_retries_a_429_after_the_announced_wait(sandbox: SandboxServer) -> None:
    sandbox.config.rate_limit_every = 2
    sandbox.config.retry_after = 0.05  # the SDK reads retry-after-ms, so this stays fast
    patient = OpenAI(base_url=sandbox.url, api_key="sk-test", max_retries=2)
    patient.chat.completions.create(**CHAT)
    patient.chat.completions.create(**CHAT)  # 429 first, then succeeds on the retry
    assert [r.status for r in sandbox.requests] == [200, 429, 200]


def test_failure_rate(sandbox: SandboxServer, http: httpx.Client) -> None:
    sandbox.config.failure_rate = 1.0
    failed = http.post("/chat/completions", json=CHAT)
    assert failed.status_code == 500 and failed.json()["error"]["type"] == "server_error"

    def pattern(seed: int) -> list[int]:
        sandbox.reset()
        sandbox.config.failure_rate, sandbox.config.seed = 0.5, seed
        return [http.post("/embeddings", json={"model": "text-embedding-bge-m3", "input": "x"}).status_code
                for _ in range(16)]

    first = pattern(7)
    assert {200, 500} == set(first)
    assert pattern(7) == first  # seeded: reproducible
    assert pattern(8) != first


def test_latency_holds_the_request(sandbox: SandboxServer, http: httpx.Client) -> None:
    sandbox.config.latency = 0.3
    started = time.perf_counter()
    assert http.post("/chat/completions", json=CHAT).status_code == 200
    assert time.perf_counter() - started >= 0.3
    started = time.perf_counter()
    assert http.get("/models").status_code == 200  # only POSTs are held
    assert time.perf_counter() - started < 0.3


def test_many_held_requests_run_concurrently(sandbox: SandboxServer) -> None:
    sandbox.config.latency = 0.5

    async def burst() -> list[int]:
        limits = httpx.Limits(max_connections=100)
        async with httpx.AsyncClient(base_url=sandbox.url, headers=AUTH, timeout=30, limits=limits) as session:
            answers = await asyncio.gather(*(
                session.post("/chat/completions", json={**CHAT, "messages": [{"role": "user", "content": str(i)}]})
                for i in range(50)
            ))
        return [a.status_code for a in answers]

    assert asyncio.run(asyncio.wait_for(burst(), 15)) == [200] * 50  # serially this would take 25 s


def test_mode_202_flow(sandbox: SandboxServer, http: httpx.Client) -> None:
    expected = http.post("/chat/completions", json=CHAT).json()
    sandbox.config.mode_202 = True
    sandbox.config.latency = 0.4
    accepted = http.post("/chat/completions", json=CHAT)
    assert accepted.status_code == 202
    body = accepted.json()
    assert body["object"] == "queue.job" and body["status"] == "queued" and body["id"].startswith("job_")
    status_url = accepted.headers["operation-location"]
    assert status_url == body["status_url"] and status_url.startswith("http://127.0.0.1:")
    assert accepted.headers["retry-after"] == "1"

    pending = httpx.get(status_url, headers=AUTH)
    assert pending.status_code == 200 and pending.json()["status"] in ("queued", "in_progress")
    assert "queue_position" in pending.json() and pending.headers["retry-after"] == "1"
    early = httpx.get(f"{status_url}/result", headers=AUTH)
    assert early.status_code == 202  # too early: keep polling

    time.sleep(0.45)
    done = httpx.get(status_url, headers=AUTH).json()
    assert done["status"] == "succeeded" and done["response_url"] == f"{status_url}/result"
    result = httpx.get(done["response_url"], headers=AUTH).json()
    assert result["choices"] == expected["choices"] and result["object"] == "chat.completion"

    sandbox.config.job_ttl = 0.05
    time.sleep(0.1)
    for url in (status_url, done["response_url"]):
        gone = httpx.get(url, headers=AUTH)
        assert gone.status_code == 404 and gone.json() == {"detail": "Job not found or expired"}


def test_mode_202_text_results_failures_and_validation(sandbox: SandboxServer, http: httpx.Client,
                                                       wav: Path) -> None:
    sandbox.config.mode_202 = True
    job = http.post("/audio/transcriptions", data={"model": "whisper-large-v3", "response_format": "srt"},
                    files={"file": ("meeting.wav", wav.read_bytes(), "audio/wav")})
    assert job.status_code == 202
    result = httpx.get(job.json()["status_url"] + "/result", headers=AUTH)
    assert result.headers["content-type"].startswith("text/plain") and result.text.startswith("1\n00:00:00,000")

    assert http.post("/chat/completions", json={**CHAT, "model": "nope"}).status_code == 404  # validated first

    sandbox.config.failure_rate = 1.0
    failing = http.post("/chat/completions", json=CHAT).json()
    status = httpx.get(failing["status_url"], headers=AUTH).json()
    assert status["status"] == "failed" and status["error"]["message"]

    v2 = httpx.post(sandbox.url.replace("/queue", "/v2") + "/models", headers=AUTH)
    assert v2.status_code == 405
    sandbox.config.failure_rate = 0.0
    sync = httpx.post(sandbox.url.replace("/queue", "/v2") + "/chat/completions", json=CHAT, headers=AUTH)
    assert sync.status_code == 200  # the standard path style never answers 202


# ---------------------------------------------------------------- server lifecycle


def test_reset_restores_defaults_in_place(sandbox: SandboxServer, http: httpx.Client) -> None:
    config = sandbox.config
    config.latency, config.mode_202, config.api_key = 0.01, True, "k"
    http.post("/chat/completions", json=CHAT, headers={"Authorization": "Bearer k"})
    assert sandbox.requests
    sandbox.reset()
    assert sandbox.config is config and config == SandboxConfig()
    assert not sandbox.requests


def test_request_log_records_bodies_and_fields(sandbox: SandboxServer, http: httpx.Client, wav: Path) -> None:
    http.post("/chat/completions", json=CHAT)
    http.post("/audio/translations", data={"model": "whisper-large-v3"},
              files={"file": ("meeting.wav", wav.read_bytes(), "audio/wav")})
    chat, audio = sandbox.requests
    assert (chat.method, chat.path, chat.status, chat.json) == ("POST", "/queue/chat/completions", 200, CHAT)
    assert audio.fields == ["model", "file"] and audio.json is None and audio.status == 200


def test_separate_server_on_a_free_port() -> None:
    with SandboxServer(SandboxConfig(api_key="only-this")) as server:
        assert server.port > 0 and server.url == f"http://127.0.0.1:{server.port}/queue"
        answer = httpx.get(f"{server.url}/models", headers={"Authorization": "Bearer only-this"})
        assert answer.status_code == 200
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.url}/models")


def test_python_dash_m_runs_the_sandbox() -> None:
    process = subprocess.Popen([sys.executable, "-m", "gui.sandbox", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = process.stdout.readline()  # printed once the server is listening
        url = line.split()[-1]
        assert url.startswith("http://127.0.0.1:") and url.endswith("/queue")
        assert httpx.get(f"{url}/models", headers=AUTH).status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
