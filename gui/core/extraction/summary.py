"""What a batch's answers say, per output field, so an analyst can look instead of read:
counts per choice and per yes/no, a histogram for numbers, the most common values for text
and lists. Each bar knows the rows it stands for, so a click can show exactly those."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gui.core.extraction.fields import Field, FieldKind

TOP_VALUES = 8  # bars for text and list fields
HISTOGRAM_BINS = 8
INTEGER_BARS = 12  # integers spanning at most this many values get a bar each


@dataclass
class Bar:
    """One bar of a field's chart: its label and the rows it counts."""
    label: str
    rows: list[int] = field(default_factory=list)  # row indexes (input order) the bar counts

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass
class FieldSummary:
    """What a batch's answers say about one output field: its bars and how many rows have no
    fitting answer for it."""
    field: Field
    bars: list[Bar]
    missing: int  # rows without a fitting answer for this field


def summarise(fields: Sequence[Field], answers: Sequence[dict[str, Any] | None]) -> list[FieldSummary]:
    """`answers`: one parsed answer per row (None where the row has none that fits)."""
    return [_summarise(f, [a.get(f.name) if isinstance(a, dict) else None for a in answers]) for f in fields]


def _summarise(f: Field, values: list[Any]) -> FieldSummary:
    missing = sum(v is None for v in values)
    if f.kind is FieldKind.CHOICE:
        bars = {c: Bar(c) for c in f.choices}
        for row, value in enumerate(values):
            if value is not None:
                bars.setdefault(str(value), Bar(str(value))).rows.append(row)
        return FieldSummary(f, list(bars.values()), missing)
    if f.kind is FieldKind.BOOLEAN:
        yes, no = Bar("yes"), Bar("no")
        for row, value in enumerate(values):
            if isinstance(value, bool):
                (yes if value else no).rows.append(row)
        return FieldSummary(f, [yes, no], missing)
    if f.kind in (FieldKind.NUMBER, FieldKind.INTEGER):
        return FieldSummary(f, _histogram(values, integer=f.kind is FieldKind.INTEGER), missing)
    counts: Counter[str] = Counter()
    rows: dict[str, list[int]] = {}
    for row, value in enumerate(values):
        items = value if isinstance(value, list) else [value] if value is not None else []
        for item in dict.fromkeys(str(i).strip() for i in items if str(i).strip()):
            counts[item] += 1
            rows.setdefault(item, []).append(row)
    return FieldSummary(f, [Bar(text, rows[text]) for text, _ in counts.most_common(TOP_VALUES)], missing)


def _histogram(values: list[Any], *, integer: bool) -> list[Bar]:
    numbers = [(row, float(v)) for row, v in enumerate(values)
               if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)]
    if not numbers:
        return []
    low, high = min(v for _, v in numbers), max(v for _, v in numbers)
    if integer and high - low < INTEGER_BARS:  # a small range of integers (a 1-10 score): one bar each
        bars = {n: Bar(str(n)) for n in range(int(low), int(high) + 1)}
        for row, v in numbers:
            bars[int(v)].rows.append(row)
        return list(bars.values())
    width = (high - low) / HISTOGRAM_BINS or 1.0
    bars = [Bar(f"{_short(low + i * width)}–{_short(low + (i + 1) * width)}") for i in range(HISTOGRAM_BINS)]
    for row, v in numbers:
        bars[min(int((v - low) / width), HISTOGRAM_BINS - 1)].rows.append(row)
    return bars


def _short(value: float) -> str:
    return f"{value:.3g}"
