"""Answers as columns: fields, the schema they make (valid for the OpenAI specification),
the json_object fallback, checking and repairing answers, typed cells; against the sandbox
over real HTTP where a server is involved."""
from __future__ import annotations

import pytest
from schemas.check import assert_valid

from gui.core.api.client import QueueClient
from gui.core.api.wire import Request
from gui.core.builders.bodies import chat_body
from gui.core.endpoints import Endpoint
from gui.core.errors import QueueError
from gui.core.extraction.answers import cells, check_answer, repair_messages
from gui.core.extraction.fields import (
    Field,
    FieldKind,
    fields_from_schema,
    parse_field,
    refuses_json_schema,
    schema_for,
    strict_schema,
    with_json_object,
    with_json_schema,
)

FIELDS = [parse_field("sentiment:positive|negative|neutral"), parse_field("score:integer:1 to 5"),
          parse_field("summary:text"), parse_field("tags:list"), parse_field("urgent:boolean"),
          parse_field("amount:number")]


def test_fields_parse_from_the_command_line_form():
    assert FIELDS[0] == Field("sentiment", FieldKind.CHOICE, ("positive", "negative", "neutral"))
    assert FIELDS[1] == Field("score", FieldKind.INTEGER, (), "1 to 5")
    assert parse_field("x:bool").kind is FieldKind.BOOLEAN
    for bad, words in (("nokind", "needs a type"), ("a:colour", "unknown type"), ("a:yes|", "two choices"),
                       ("1abc:text", "cannot be used")):
        with pytest.raises(QueueError, match=words):
            parse_field(bad)


def test_the_schema_is_strict_and_the_request_fits_the_openai_specification():
    schema = schema_for(FIELDS)
    assert schema["required"] == [f.name for f in FIELDS] and schema["additionalProperties"] is False
    assert schema["properties"]["sentiment"] == {"type": "string", "enum": ["positive", "negative", "neutral"]}
    body = with_json_schema(chat_body("m", [{"role": "user", "content": "Classify: great"}]), schema)
    assert_valid(Endpoint.CHAT, body)
    assert body["response_format"]["json_schema"]["strict"] is True
    fallback = with_json_object(chat_body("m", [{"role": "system", "content": "Be brief."},
                                                {"role": "user", "content": "Classify: great"}]), schema)
    assert_valid(Endpoint.CHAT, fallback)
    assert fallback["response_format"] == {"type": "json_object"}
    assert fallback["messages"][0]["content"].startswith("Be brief.") and '"sentiment"' in fallback["messages"][0]["content"]
    with pytest.raises(QueueError, match="same name"):
        schema_for([FIELDS[0], FIELDS[0]])


def test_a_loaded_schema_becomes_strict_and_gives_columns():
    loaded = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
              "properties": {"party": {"type": "string", "description": "who"}, "date": {"type": "string"},
                             "value": {"type": "number"}, "kind": {"type": "string", "enum": ["a", "b"]},
                             "address": {"type": "object", "properties": {"city": {"type": "string"}}}}}
    strict = strict_schema(loaded)
    assert "$schema" not in strict and strict["required"] == list(loaded["properties"])
    assert strict["properties"]["address"]["required"] == ["city"]
    assert [(f.name, f.kind) for f in fields_from_schema(strict)] == [
        ("party", FieldKind.TEXT), ("date", FieldKind.TEXT), ("value", FieldKind.NUMBER), ("kind", FieldKind.CHOICE),
        ("address", FieldKind.TEXT)]
    with pytest.raises(QueueError):
        fields_from_schema({"type": "array"})


def test_answers_are_checked_in_words_and_repaired_by_asking_again():
    schema = schema_for(FIELDS)
    good = '{"sentiment": "positive", "score": 4, "summary": "ok", "tags": ["a"], "urgent": false, "amount": 2.5}'
    assert check_answer(good, schema).value["score"] == 4
    assert check_answer(f"```json\n{good}\n```", schema).fits
    assert "not JSON" in check_answer("Sure! Here it is", schema).problem
    wrong = check_answer(good.replace('"positive"', '"great"'), schema)
    assert not wrong.fits and wrong.problem.startswith("sentiment:") and "great" in wrong.problem
    missing = check_answer('{"sentiment": "positive"}', schema)
    assert "required" in missing.problem
    again = repair_messages([{"role": "user", "content": "Classify"}], "{}", missing.problem)
    assert [m["role"] for m in again] == ["user", "assistant", "user"] and missing.problem in again[-1]["content"]


def test_cells_are_typed_for_spreadsheets():
    value = {"sentiment": "neutral", "score": 3, "summary": "fine", "tags": ["x", "y"], "urgent": True,
             "amount": 1.5}
    assert cells(FIELDS, value) == ["neutral", 3, "fine", "x; y", True, 1.5]
    assert cells(FIELDS, None) == [None] * len(FIELDS)


def test_a_400_naming_json_schema_is_a_refusal():
    assert refuses_json_schema(400, "This model does not support response_format of type 'json_schema'.")
    assert not refuses_json_schema(400, "Invalid model")
    assert not refuses_json_schema(500, "json_schema")


@pytest.mark.asyncio
async def test_the_sandbox_answers_fit_the_schema_and_can_be_made_unfit(sandbox):
    schema = schema_for(FIELDS)
    prompts = [f"Classify review number {i}: the delivery was late but the support was kind" for i in range(30)]
    async with QueueClient(sandbox.url, "sk-test") as client:
        async def ask(prompt: str) -> str:
            body = with_json_schema(chat_body("Llama-3.3-70B-Instruct", [{"role": "user", "content": prompt}]), schema)
            reply = await client.send(Request(Endpoint.CHAT, body))
            return reply.json()["choices"][0]["message"]["content"]

        answers = [await ask(p) for p in prompts]
        assert all(check_answer(a, schema).fits for a in answers)
        assert len({check_answer(a, schema).value["sentiment"] for a in answers}) == 3  # choices vary by prompt
        assert answers[0] == await ask(prompts[0])  # deterministic

        sandbox.config.invalid_answer_rate = 1.0
        assert not check_answer(await ask(prompts[0]), schema).fits
        sandbox.config.invalid_answer_rate = 0.0

        sandbox.config.json_schema_unsupported = True
        with pytest.raises(QueueError) as refused:
            await ask(prompts[0])
        assert refuses_json_schema(refused.value.status, refused.value.message)
        body = with_json_object(chat_body("Llama-3.3-70B-Instruct", [{"role": "user", "content": prompts[0]}]), schema)
        reply = await client.send(Request(Endpoint.CHAT, body))
        assert check_answer(reply.json()["choices"][0]["message"]["content"], schema).fits


def test_a_summary_counts_choices_yes_no_numbers_and_common_texts():
    from gui.core.extraction.summary import summarise

    answers = [
        {"sentiment": "positive", "score": 4, "summary": "fast", "tags": ["delivery", "price"], "urgent": False,
         "amount": 10.0},
        {"sentiment": "negative", "score": 1, "summary": "slow", "tags": ["delivery"], "urgent": True, "amount": 90.5},
        None,  # a row that did not fit
        {"sentiment": "positive", "score": 5, "summary": "fast", "tags": [], "urgent": False, "amount": 50.0},
    ]
    by_name = {s.field.name: s for s in summarise(FIELDS, answers)}
    sentiment = by_name["sentiment"]
    assert [(b.label, b.rows) for b in sentiment.bars] == [("positive", [0, 3]), ("negative", [1]), ("neutral", [])]
    assert sentiment.missing == 1
    assert [(b.label, b.count) for b in by_name["urgent"].bars] == [("yes", 1), ("no", 2)]
    assert [(b.label, b.rows) for b in by_name["score"].bars] == [("1", [1]), ("2", []), ("3", []), ("4", [0]),
                                                                 ("5", [3])]
    assert [(b.label, b.rows) for b in by_name["tags"].bars] == [("delivery", [0, 1]), ("price", [0])]
    assert by_name["summary"].bars[0].label == "fast" and by_name["summary"].bars[0].count == 2
    amount = by_name["amount"].bars
    assert len(amount) == 8 and sum(b.count for b in amount) == 3 and amount[0].rows == [0] and amount[-1].rows == [1]
