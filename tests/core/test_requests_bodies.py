"""The Qt-free request builders the tabs and `queue-desk submit` share: key order, the
plain-words checks, the Advanced/--param merge, file checks, and every body valid
against the schemas in tests/schemas/."""
from __future__ import annotations

import json

import pytest
from schemas.check import assert_valid, problems
from tabs_support import make_png, make_wav

from gui.core.api.uploads import form_fields
from gui.core.builders.bodies import (
    chat_body,
    completion_body,
    embedding_body,
    format_stop,
    image_body,
    parse_extra,
    parse_stop,
)
from gui.core.builders.cli_args import build_jobs
from gui.core.builders.media_bodies import (
    MIB,
    audio_request,
    check_audio_file,
    image_edit_request,
)
from gui.core.endpoints import Endpoint
from gui.core.errors import InputProblem, QueueError
from gui.core.formats.image_info import size_from_head

MSGS = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hi"}]


def test_chat_body_order_defaults_and_schema():
    body = chat_body("gpt-4.1", MSGS, max_tokens=100, temperature=0.5, top_p=0.9, stop=["END"], seed=7,
                     json_mode=True, extra={"presence_penalty": 0.5})
    assert list(body) == ["model", "messages", "max_tokens", "temperature", "top_p", "stop", "seed",
                          "response_format", "presence_penalty"]
    assert body["response_format"] == {"type": "json_object"}
    assert_valid(Endpoint.CHAT, body)
    plain = chat_body("gpt-4.1", [{"role": "system", "content": "  "}, {"role": "user", "content": "q"}])
    assert plain == {"model": "gpt-4.1", "messages": [{"role": "user", "content": "q"}]}  # empty system left out


@pytest.mark.parametrize("messages, words", [
    ([{"role": "user", "content": "  "}], "Type a user message first"),
    ([{"role": "system", "content": "x"}], "Type a user message first"),
    ([{"role": "user", "content": "a"}, {"role": "assistant", "content": ""}, {"role": "user", "content": "b"}],
     "Message 2 (assistant) is empty"),
    ([{"role": "robot", "content": "a"}], "unknown role"),
])
def test_chat_message_problems_name_the_message(messages, words):
    with pytest.raises(InputProblem) as caught:
        chat_body("m", messages)
    assert words in caught.value.message and caught.value.field == "messages"


@pytest.mark.parametrize("extra, field, words", [
    ({"temperature": 5}, "temperature", "between 0 and 2"),
    ({"temperature": "hot"}, "temperature", "must be a number"),
    ({"top_p": -1}, "top_p", "between 0 and 1"),
    ({"max_tokens": 1.5}, "max_tokens", "whole number"),
    ({"stop": ["a", "b", "c", "d", "e"]}, "stop", "at most 4"),
    ({"stream": True}, "stream", "does not stream"),
    ({"n": 0}, "n", "between 1 and 128"),
])
def test_advanced_values_get_the_same_checks_as_the_form(extra, field, words):
    with pytest.raises(InputProblem) as caught:
        chat_body("m", MSGS, extra=extra)
    assert caught.value.field == field and words in caught.value.message


def test_numbers_are_normalised_so_cli_and_form_agree():
    assert chat_body("m", MSGS, extra={"temperature": 1})["temperature"] == 1.0
    assert isinstance(chat_body("m", MSGS, extra={"max_tokens": 10.0})["max_tokens"], int)
    assert "temperature" not in chat_body("m", MSGS, temperature=0.2, extra={"temperature": None})  # null removes


def test_missing_model_is_a_field_problem():
    with pytest.raises(InputProblem) as caught:
        completion_body("  ", "p")
    assert caught.value.field == "model" and "Choose a model" in caught.value.message


def test_stop_field_round_trip():
    assert parse_stop("END | \\n\\n|a\\|b") == ["END ", " \n\n", "a|b"]
    assert parse_stop("   ") is None
    assert parse_stop(format_stop(["x|y", "\n", "z"])) == ["x|y", "\n", "z"]
    with pytest.raises(InputProblem):
        parse_stop("a|b|c|d|e")


@pytest.mark.parametrize("text, words", [
    ('{"top_p": 0.9,, }', "line 1, column 15"),
    ('{"a": 1', "a comma is missing"),
    ("{'a': 1}", "keys need double quotes"),
    ('{"a": 1,}', "remove the comma before the closing bracket"),
    ("[1, 2]", "one JSON object"),
    ('{"a": 1} x', "text after the closing"),
])
def test_invalid_advanced_json_is_explained(text, words):
    with pytest.raises(InputProblem) as caught:
        parse_extra(text)
    assert caught.value.field == "advanced" and words in caught.value.message


def test_completion_embedding_image_bodies_are_valid():
    assert_valid(Endpoint.COMPLETIONS, completion_body("m", "Once", max_tokens=20, temperature=0.3, n=2,
                                                       stop=["."], echo=True))
    one = embedding_body("e", ["only one"])
    assert one["input"] == "only one"
    many = embedding_body("e", ["a", " ", "b"], extra={"dimensions": 64})
    assert many["input"] == ["a", "b"] and many["dimensions"] == 64
    for body in (one, many):
        assert_valid(Endpoint.EMBEDDINGS, body)
    image = image_body("gpt-image-1", "a cat", n=2, size="1024x1024", quality="high", background="transparent",
                       output_format="webp")
    assert_valid(Endpoint.IMAGES, image)
    assert image_body("gpt-image-1", "a cat", size="auto", quality="auto") == {"model": "gpt-image-1", "prompt": "a cat"}
    with pytest.raises(InputProblem, match="at least one input"):
        embedding_body("e", ["", "  "])
    with pytest.raises(InputProblem, match="quality must be one of"):
        image_body("m", "x", quality="ultra")


def test_schemas_catch_what_they_should():
    assert problems(Endpoint.CHAT, {"model": "m", "messages": [], "max_token": 3})  # typo and empty list
    assert problems(Endpoint.EMBEDDINGS, {"model": "m", "input": "x", "stream": True})
    assert problems(Endpoint.TRANSLATIONS, {"model": "m", "language": "de"}, [])  # no file, no language there


def test_audio_requests_and_wire_form(tmp_path):
    wav = make_wav(tmp_path / "talk.wav")
    body, uploads = audio_request(Endpoint.TRANSCRIPTIONS, wav, "whisper-large-v3", language="de", prompt=" names ",
                                  temperature=0.2, response_format="verbose_json", granularities=["segment", "word"])
    assert body == {"model": "whisper-large-v3", "language": "de", "prompt": "names", "temperature": 0.2,
                    "response_format": "verbose_json", "timestamp_granularities": ["word", "segment"]}
    assert form_fields(body)["timestamp_granularities[]"] == ["word", "segment"]
    assert form_fields(body)["temperature"] == "0.2"
    assert_valid(Endpoint.TRANSCRIPTIONS, body, uploads)
    body, uploads = audio_request(Endpoint.TRANSLATIONS, wav, "whisper-large-v3", language="de",
                                  granularities=["word"], response_format="srt")
    assert "language" not in body and "timestamp_granularities" not in body  # not in the translation schema
    assert_valid(Endpoint.TRANSLATIONS, body, uploads)
    with pytest.raises(InputProblem, match="verbose_json"):
        audio_request(Endpoint.TRANSCRIPTIONS, wav, "m", response_format="json", granularities=["word"])


def test_audio_file_checks_in_plain_words(tmp_path, monkeypatch):
    from gui.core.builders import media_bodies as media_requests

    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    empty = tmp_path / "empty.mp3"
    empty.touch()
    big = tmp_path / "long.wav"
    with open(big, "wb") as f:
        f.truncate(3 * MIB)
    cases = [(notes, "not an audio file", None), (empty, "is empty (0 bytes)", None),
             (tmp_path / "gone.wav", "does not exist", None), (tmp_path, "is a folder", None)]
    for path, words, limit in cases:
        with pytest.raises(InputProblem) as caught:
            check_audio_file(path, limit or 25 * MIB)
        assert words in caught.value.message and caught.value.field == "file"
    # Over the upload limit is no refusal: the recording is cut into pieces under it when sent.
    assert check_audio_file(big, 2 * MIB) == 3 * MIB

    def denied(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(media_requests, "open", denied, raising=False)  # we run as root: chmod would not stop us
    with pytest.raises(InputProblem, match="cannot be read \\(permission denied\\)"):
        check_audio_file(make_wav(tmp_path / "locked.wav"))


def test_image_edit_request_checks_mask_size(tmp_path):
    image = make_png(tmp_path / "photo.png", 64, 48)
    good_mask = make_png(tmp_path / "mask.png", 64, 48)
    bad_mask = make_png(tmp_path / "small.png", 32, 32)
    body, uploads = image_edit_request("gpt-image-1", [image], "add a boat", mask=good_mask, n=2, size="auto")
    assert body == {"model": "gpt-image-1", "prompt": "add a boat", "n": 2}
    assert [u.field for u in uploads] == ["image", "mask"]
    assert_valid(Endpoint.IMAGE_EDITS, body, uploads)
    body, uploads = image_edit_request("gpt-image-1", [image, good_mask], "two")
    assert [u.field for u in uploads] == ["image[]", "image[]"]
    assert_valid(Endpoint.IMAGE_EDITS, body, uploads)
    with pytest.raises(InputProblem, match="mask is 32×32 pixels but the image is 64×48") as caught:
        image_edit_request("gpt-image-1", [image], "x", mask=bad_mask)
    assert caught.value.field == "mask"
    fake = tmp_path / "fake.png"
    fake.write_text("not really")
    with pytest.raises(InputProblem, match="does not contain an image"):
        image_edit_request("gpt-image-1", [fake], "x")


def test_image_sizes_from_headers(tmp_path):
    assert size_from_head(make_png(tmp_path / "a.png", 7, 5).read_bytes()) == (7, 5)
    jpeg = bytes.fromhex("ffd8ffe000104a46494600010100000100010000") + bytes.fromhex(
        "ffc0001108002a0031030122000211010311 01".replace(" ", ""))
    assert size_from_head(jpeg) == (49, 42)


def test_cli_mapping_uses_the_same_builders(tmp_path):
    [job] = build_jobs(Endpoint.CHAT, model="m", prompt="hi", params={"temperature": 1, "max_tokens": 5})
    assert job.body == chat_body("m", [{"role": "user", "content": "hi"}], temperature=1.0, max_tokens=5)
    assert json.dumps(job.body) == json.dumps(chat_body("m", [{"role": "user", "content": "hi"}], max_tokens=5,
                                                        temperature=1.0))  # byte for byte
    [job] = build_jobs(Endpoint.EMBEDDINGS, model="e", prompt="one\n\ntwo")
    assert job.body["input"] == ["one", "two"]
    wavs = [make_wav(tmp_path / f"{i}.wav") for i in range(3)]
    jobs = build_jobs(Endpoint.TRANSCRIPTIONS, files=[str(w) for w in wavs], params={"response_format": "srt"})
    assert len(jobs) == 3 and all(j.body["response_format"] == "srt" for j in jobs)
    with pytest.raises(QueueError, match="not an audio file"):
        build_jobs(Endpoint.TRANSCRIPTIONS, files=[str(tmp_path / "x.txt")] if (tmp_path / "x.txt").write_text("x")
                   else [])
    with pytest.raises(QueueError, match="--param temperature"):
        build_jobs(Endpoint.CHAT, prompt="x", params={"temperature": 9})


def test_every_choice_the_image_form_offers_passes_the_check():
    """The tabs offer the catalogue's lists (gui/core/endpoints.py) and the check accepts them."""
    from gui.core.builders.bodies import check
    from gui.core.endpoints import (
        IMAGE_BACKGROUNDS,
        IMAGE_FORMATS,
        IMAGE_QUALITIES,
        IMAGE_SIZES,
        Endpoint,
    )

    for size, quality, background, fmt in zip(IMAGE_SIZES, IMAGE_QUALITIES * 2, IMAGE_BACKGROUNDS * 2, IMAGE_FORMATS * 2):
        check(Endpoint.IMAGES, {"prompt": "p", "size": size, "quality": quality, "background": background,
                                "output_format": fmt})
    for quality in IMAGE_QUALITIES:
        check(Endpoint.IMAGE_EDITS, {"prompt": "p", "quality": quality})
