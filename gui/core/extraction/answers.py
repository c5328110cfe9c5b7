"""Every answer parsed and checked against the fields' schema; a problem in words the model
(and the analyst) can act on; the follow-up message that asks the model to repair it; and
the typed cells an export writes."""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from gui.core.extraction.fields import Field, FieldKind

_FENCE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.S)


@dataclass(frozen=True)
class Checked:
    """A problem is in English on purpose: it goes back to the model in the repair request,
    and the validator's own words are English; the window wraps it in a translated line."""

    value: dict[str, Any] | None  # the parsed object, when it fits
    problem: str | None  # why it does not fit, in words

    @property
    def fits(self) -> bool:
        return self.problem is None


@lru_cache(maxsize=32)
def _validator(schema_text: str):
    from jsonschema import Draft202012Validator  # the first answer pays for the import, not start-up

    schema = json.loads(schema_text)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def check_answer(text: str | None, schema: dict[str, Any]) -> Checked:
    """Parses `text` as JSON (a ```json fence around it is forgiven) and validates it."""
    if not text or not text.strip():
        return Checked(None, "the answer was empty")
    stripped = text.strip()
    fenced = _FENCE.match(stripped)
    if fenced:
        stripped = fenced.group(1)
    try:
        value = json.loads(stripped)
    except ValueError as exc:
        return Checked(None, f"the answer is not JSON ({exc.msg})")
    validator = _validator(json.dumps(schema, sort_keys=True))
    errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "the answer"
        return Checked(None, f"{where}: {first.message}")
    return Checked(value, None)


def repair_messages(messages: Sequence[dict[str, Any]], answer: str, problem: str) -> list[dict[str, Any]]:
    """The conversation with the unfit answer and a request to fix it, for the next attempt."""
    return [*messages, {"role": "assistant", "content": answer},
            {"role": "user", "content": f"That answer does not match the required JSON Schema: {problem}. "
                                        "Answer again with only the corrected JSON object."}]


def cells(fields: Sequence[Field], value: dict[str, Any] | None) -> list[Any]:
    """One typed cell per field, for XLSX (numbers as numbers, yes/no as booleans, lists
    joined with "; "); None where the answer did not fit."""
    out: list[Any] = []
    for field in fields:
        item = None if value is None else value.get(field.name)
        if item is None:
            out.append(None)
        elif field.kind is FieldKind.LIST and isinstance(item, list):
            out.append("; ".join(str(v) for v in item))
        elif field.kind in (FieldKind.NUMBER, FieldKind.INTEGER, FieldKind.BOOLEAN) and isinstance(
                item, (int, float, bool)):
            out.append(item)
        elif isinstance(item, (dict, list)):
            out.append(json.dumps(item, ensure_ascii=False))
        else:
            out.append(str(item))
    return out
