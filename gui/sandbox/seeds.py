"""Deterministic randomness: every generated thing is seeded by a hash of what produced it.

`random.Random` seeded with an int gives the same sequence on every run of the same Python,
which is the guarantee the sandbox needs (same request -> same answer).
"""
from __future__ import annotations

import hashlib
import json
import random
from typing import Any


def digest(*parts: Any) -> bytes:
    """SHA-256 over a canonical encoding of parts (JSON with sorted keys; bytes taken as-is)."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, (bytes, bytearray)):
            data = bytes(part)
        else:
            data = json.dumps(part, sort_keys=True, ensure_ascii=False, default=str).encode()
        h.update(len(data).to_bytes(8, "little"))  # length prefix: ("ab", "c") != ("a", "bc")
        h.update(data)
    return h.digest()


def rng_for(*parts: Any) -> random.Random:
    return random.Random(int.from_bytes(digest(*parts), "big"))


def short_id(*parts: Any, length: int = 12) -> str:
    return digest(*parts).hex()[:length]
