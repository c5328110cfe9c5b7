"""Reading back what gui.core.formats.vectors.to_npy writes, to check saved vectors."""
from __future__ import annotations

import struct
import sys
from array import array


def read_npy(data: bytes) -> tuple[tuple[int, ...], list[float]]:
    """(shape, values) of an NPY 1.0 file of little-endian float32, as to_npy writes it."""
    if data[:8] != b"\x93NUMPY\x01\x00":
        raise ValueError("not an NPY 1.0 file")
    length = struct.unpack("<H", data[8:10])[0]
    header = data[10:10 + length].decode("latin-1")
    if "'<f4'" not in header or "'fortran_order': False" not in header:
        raise ValueError(f"unexpected header {header!r}")
    shape = tuple(int(x) for x in header.split("(")[1].split(")")[0].split(",") if x.strip())
    values = array("f", data[10 + length:])
    if sys.byteorder == "big":
        values.byteswap()
    return shape, values.tolist()
