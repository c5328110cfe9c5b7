"""Embedding results: the vectors (float lists or base64 float32), their statistics and
cosine similarities, and the files they are saved as (JSON, CSV, NumPy .npy). Pure
Python: numpy is not a dependency, so .npy is written from its documented format."""
from __future__ import annotations

import base64
import binascii
import csv
import io
import json
import math
import operator
import struct
import sys
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gui.core.errors import ErrorKind, QueueError
from gui.core.i18n import translate

HEATMAP_LIMIT = 64  # inputs compared in the similarity matrix (n² dot products in Python)


@dataclass
class Embeddings:
    """An embeddings answer: the inputs that were embedded, their vectors in the same order, and the model."""
    inputs: list[str]  # what was embedded, in order ("" where unknown)
    vectors: list[list[float]]
    model: str = ""

    @property
    def count(self) -> int:
        return len(self.vectors)

    @property
    def dimension(self) -> int:
        return len(self.vectors[0]) if self.vectors else 0

    def norms(self) -> list[float]:
        return [math.sqrt(sum(x * x for x in v)) for v in self.vectors]


def parse_embeddings(body: Any, request_input: Any = None) -> Embeddings:
    """From an OpenAI embeddings response; `request_input` is the body's `input`."""
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, list):
        raise QueueError(ErrorKind.BAD_RESPONSE, translate("vectors", "The answer holds no embeddings (no data "
                                                                      "list)."))
    items = sorted((d for d in data if isinstance(d, dict)), key=lambda d: d.get("index", 0))
    vectors = [_vector(item.get("embedding"), n) for n, item in enumerate(items, start=1)]
    dims = {len(v) for v in vectors}
    if len(dims) > 1:
        raise QueueError(ErrorKind.BAD_RESPONSE, translate("vectors", "The vectors have different lengths "
                                                                      "({lengths}).").format(lengths=sorted(dims)))
    if isinstance(request_input, str):
        inputs = [request_input]
    elif isinstance(request_input, list):
        inputs = [i if isinstance(i, str) else " ".join(map(str, i)) if isinstance(i, list) else str(i)
                  for i in request_input]
        if request_input and all(isinstance(t, int) for t in request_input):
            inputs = [" ".join(map(str, request_input))]  # one token array
    else:
        inputs = []
    inputs = (inputs + [""] * len(vectors))[: len(vectors)]
    return Embeddings(inputs, vectors, str(body.get("model") or ""))


def _vector(value: Any, number: int) -> list[float]:
    if isinstance(value, str):  # encoding_format=base64: little-endian float32
        try:
            raw = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise QueueError(ErrorKind.BAD_RESPONSE, translate("vectors", "Vector {number} is not valid "
                                                                          "base64.").format(number=number)) from None
        if len(raw) % 4:
            raise QueueError(ErrorKind.BAD_RESPONSE, translate("vectors", "Vector {number} is not a whole number of "
                                                                          "float32 values.").format(number=number))
        values = array("f", raw)
        if sys.byteorder == "big":
            values.byteswap()
        return values.tolist()
    if isinstance(value, list) and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in value):
        return [float(x) for x in value]
    raise QueueError(ErrorKind.BAD_RESPONSE, translate("vectors", "Vector {number} is not a list of "
                                                                  "numbers.").format(number=number))


def cosine_matrix(vectors: list[list[float]], limit: int = HEATMAP_LIMIT) -> list[list[float]]:
    """Cosine similarity of the first `limit` vectors with each other (symmetric)."""
    vs = vectors[:limit]
    norms = [math.sqrt(sum(x * x for x in v)) or 1.0 for v in vs]
    n = len(vs)
    matrix = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            value = sum(map(operator.mul, vs[i], vs[j])) / (norms[i] * norms[j])
            matrix[i][j] = matrix[j][i] = value
    return matrix


# -- files -----------------------------------------------------------------------------

SAVE_FORMATS = ("json", "csv", "npy")


def to_json(emb: Embeddings) -> bytes:
    items = [{"index": i, "input": text, "embedding": v} for i, (text, v) in enumerate(zip(emb.inputs, emb.vectors))]
    return json.dumps({"model": emb.model, "dimension": emb.dimension, "data": items}, ensure_ascii=False).encode()


def to_csv(emb: Embeddings) -> bytes:
    """One row per input: its index, its text, then one column per dimension."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(["index", "input", *(f"d{k}" for k in range(emb.dimension))])
    for i, (text, v) in enumerate(zip(emb.inputs, emb.vectors)):
        writer.writerow([i, text, *(repr(x) for x in v)])
    return out.getvalue().encode("utf-8")


def to_npy(vectors: list[list[float]]) -> bytes:
    """A float32 matrix (count × dimension) in NPY format version 1.0: magic "\\x93NUMPY",
    version bytes 1 0, a little-endian uint16 header length, then an ASCII dict literal
    padded with spaces and ended by "\\n" so the data starts at a multiple of 64 bytes,
    then the raw C-order data."""
    rows, cols = len(vectors), len(vectors[0]) if vectors else 0
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }" % (rows, cols)
    prefix = 6 + 2 + 2  # magic, version, header length
    pad = -(prefix + len(header) + 1) % 64
    header = header + " " * pad + "\n"
    data = array("f", (x for v in vectors for x in v))
    if sys.byteorder == "big":
        data.byteswap()
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode("latin-1") + data.tobytes()



def save_bytes(emb: Embeddings, fmt: str) -> bytes:
    if fmt == "json":
        return to_json(emb)
    if fmt == "csv":
        return to_csv(emb)
    if fmt == "npy":
        return to_npy(emb.vectors)
    raise ValueError(fmt)


def load_result(raw_path: str | Path, request_input: Any) -> Embeddings:
    return parse_embeddings(json.loads(Path(raw_path).read_bytes()), request_input)
