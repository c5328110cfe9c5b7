"""Output fields and the requests that ask for them.

A field is a name, a type (text, number, integer, yes/no, one of a list of choices, a list
of texts) and an optional description. The fields make one strict JSON Schema object (every
field required, nothing else allowed), as OpenAI's Structured Outputs want it."""
from __future__ import annotations

import copy
import enum
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gui.core.errors import InputProblem, QueueError
from gui.core.i18n import translate

SCHEMA_NAME = "answer"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_ -]{0,63}$")


class FieldKind(enum.Enum):
    TEXT = "text"
    NUMBER = "number"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    LIST = "list"
    CHOICE = "choice"


@dataclass(frozen=True)
class Field:
    """One output field of structured extraction: a name, a kind (and choices), a
    description for the model."""
    name: str
    kind: FieldKind
    choices: tuple[str, ...] = ()
    description: str = ""

    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            FieldKind.TEXT: {"type": "string"},
            FieldKind.NUMBER: {"type": "number"},
            FieldKind.INTEGER: {"type": "integer"},
            FieldKind.BOOLEAN: {"type": "boolean"},
            FieldKind.LIST: {"type": "array", "items": {"type": "string"}},
            FieldKind.CHOICE: {"type": "string", "enum": list(self.choices)},
        }[self.kind]
        if self.description:
            schema["description"] = self.description
        return schema


def _problem(text: str) -> QueueError:
    return InputProblem(text)


def check_name(name: str) -> str:
    name = name.strip()
    if not _NAME.match(name):
        raise _problem(translate("extraction", "The field name \"{name}\" cannot be used: start with a letter and "
                                               "use letters, digits, spaces, _ or - (at most 64).").format(name=name))
    return name


def parse_field(text: str) -> Field:
    """`NAME:TYPE[:DESCRIPTION]`; TYPE is text, number, integer, boolean, list, or choices
    separated by `|` (e.g. `sentiment:positive|negative|neutral`)."""
    name, sep, rest = text.partition(":")
    if not sep:
        raise _problem(translate("extraction", "The field \"{text}\" needs a type: NAME:TYPE, e.g. score:integer "
                                               "or sentiment:positive|negative.").format(text=text))
    kind_text, _, description = rest.partition(":")
    kind_text = kind_text.strip()
    if "|" in kind_text:
        choices = tuple(dict.fromkeys(c.strip() for c in kind_text.split("|") if c.strip()))
        if len(choices) < 2:
            raise _problem(translate("extraction", "The field \"{name}\" needs at least two choices.").format(
                name=name.strip()))
        return Field(check_name(name), FieldKind.CHOICE, choices, description.strip())
    aliases = {"string": "text", "str": "text", "float": "number", "int": "integer", "bool": "boolean",
               "yes/no": "boolean", "array": "list"}
    try:
        kind = FieldKind(aliases.get(kind_text.lower(), kind_text.lower()))
    except ValueError:
        raise _problem(translate("extraction", "The field \"{name}\" has an unknown type \"{kind}\": use text, number, "
                                               "integer, boolean, list, or choices like a|b|c.").format(
            name=name.strip(), kind=kind_text)) from None
    if kind is FieldKind.CHOICE:
        raise _problem(translate("extraction", "The field \"{name}\" needs at least two choices.").format(
            name=name.strip()))
    return Field(check_name(name), kind, (), description.strip())


def schema_for(fields: Sequence[Field]) -> dict[str, Any]:
    """One strict object schema: every field required, no other properties."""
    if not fields:
        raise _problem(translate("extraction", "Add at least one output field."))
    names = [f.name for f in fields]
    if len(set(names)) != len(names):
        raise _problem(translate("extraction", "Two output fields have the same name."))
    return {"type": "object", "properties": {f.name: f.schema() for f in fields},
            "required": names, "additionalProperties": False}


def fields_from_schema(schema: Any) -> list[Field]:
    """The fields of a JSON Schema object (for columns), as far as they map onto the field
    types; other properties become text columns holding their JSON."""
    if not isinstance(schema, dict) or schema.get("type") != "object" or not isinstance(
            schema.get("properties"), dict) or not schema["properties"]:
        raise _problem(translate("extraction", "The schema must describe a JSON object with properties."))
    fields = []
    for name, prop in schema["properties"].items():
        prop = prop if isinstance(prop, dict) else {}
        kind = {"number": FieldKind.NUMBER, "integer": FieldKind.INTEGER, "boolean": FieldKind.BOOLEAN,
                "array": FieldKind.LIST}.get(prop.get("type"), FieldKind.TEXT)
        choices = tuple(str(c) for c in prop.get("enum") or ())
        if choices:
            kind = FieldKind.CHOICE
        fields.append(Field(str(name), kind, choices, str(prop.get("description") or "")))
    return fields


def strict_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """A loaded schema made acceptable to strict mode: every object lists all its
    properties as required and allows no others (OpenAI's Structured Outputs rules)."""
    schema = copy.deepcopy(schema)

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" and isinstance(node.get("properties"), dict):
                node["required"] = list(node["properties"])
                node["additionalProperties"] = False
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(schema)
    schema.pop("$schema", None)
    return schema


def response_format(schema: dict[str, Any]) -> dict[str, Any]:
    return {"type": "json_schema", "json_schema": {"name": SCHEMA_NAME, "strict": True, "schema": schema}}


def with_json_schema(body: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    return {**body, "response_format": response_format(schema)}


def with_json_object(body: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The fallback for servers that refuse `json_schema`: JSON mode, with the schema in a
    system message (JSON mode needs the word JSON in the conversation)."""
    instruction = ("Answer with one JSON object only, no other text. It must match this JSON Schema:\n"
                   + json.dumps(schema, ensure_ascii=False))
    messages = list(body.get("messages") or [])
    if messages and messages[0].get("role") in ("system", "developer") and isinstance(messages[0].get("content"), str):
        messages[0] = {**messages[0], "content": messages[0]["content"].rstrip() + "\n\n" + instruction}
    else:
        messages.insert(0, {"role": "system", "content": instruction})
    return {**body, "messages": messages, "response_format": {"type": "json_object"}}


def refuses_json_schema(status: int | None, message: str) -> bool:
    """A 400 that names json_schema (or response_format): the server or model cannot do
    Structured Outputs, and JSON mode is tried instead."""
    text = message.lower()
    return status == 400 and ("json_schema" in text or "response_format" in text or "structured output" in text)


def output_schema(fields: Sequence[str], schema_file: str | Path | None = None) -> dict[str, Any]:
    """The strict schema of `--field` texts, or of a JSON Schema file (not both)."""
    if fields and schema_file:
        raise _problem(translate("extraction", "Give the output fields either one by one or as a schema file, "
                                               "not both."))
    if schema_file is None:
        return schema_for([parse_field(f) for f in fields])
    try:
        loaded = json.loads(Path(schema_file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _problem(translate("extraction", "The schema file {path} cannot be read as JSON ({reason}).").format(
            path=schema_file, reason=exc)) from None
    fields_from_schema(loaded)  # an object with properties, or a plain refusal
    return strict_schema(loaded)
