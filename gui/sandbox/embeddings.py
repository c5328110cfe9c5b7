"""Deterministic embedding vectors.

A vector is a normalised sum of per-word pseudo-random vectors plus a smaller whole-text
component: identical input gives identical vectors, any change gives a different vector, and
texts sharing words are measurably closer (cosine) than unrelated ones, so similarity
previews look plausible.
"""
from __future__ import annotations

import base64
import hashlib
import math
import re
import struct
from array import array
from functools import lru_cache

_WORD = re.compile(r"\w+")
_MAX_WORDS = 256  # bounds the work per input; later words only reach the vector via the whole-text part


@lru_cache(maxsize=8192)
def _noise(key: str, dim: int) -> tuple[float, ...]:
    """dim pseudo-random values in [-1, 1) from a hash of key (int16 read from SHAKE-256)."""
    raw = array("h", hashlib.shake_256(key.encode()).digest(2 * dim))
    return tuple(v / 32768.0 for v in raw)


def _float32(values: list[float]) -> list[float]:
    # Round through float32 so the JSON floats and the base64 float32 encoding carry
    # exactly the same numbers.
    return array("f", values).tolist()


def embed(item: str | list[int], dim: int, dimensions: int | None = None) -> list[float]:
    """The unit vector for one input (a string, or a token array as the spec allows)."""
    if isinstance(item, str):
        text, words = item, [w.lower() for w in _WORD.findall(item)]
    else:
        text, words = " ".join(map(str, item)), [f"#{t}" for t in item]
    distinct = list(dict.fromkeys(words))[:_MAX_WORDS]
    acc = [0.5 * v for v in _noise("text:" + text, dim)]
    if distinct:
        scale = 1.0 / math.sqrt(len(distinct))
        for word in distinct:
            acc = [a + scale * w for a, w in zip(acc, _noise("word:" + word, dim))]
    if dimensions is not None:
        acc = acc[:dimensions]  # Matryoshka-style: a shortened vector is a prefix, renormalised
    norm = math.sqrt(sum(a * a for a in acc)) or 1.0
    return _float32([a / norm for a in acc])


def to_base64(vector: list[float]) -> str:
    """Little-endian float32, base64: what the OpenAI SDK asks for by default and decodes."""
    return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode("ascii")
