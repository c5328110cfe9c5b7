"""Streaming multipart parsing that never keeps an uploaded file.

The sandbox only needs a file's name, size, SHA-256, first bytes (WAV/PNG headers) and last bytes (Ogg's length), so
file parts are hashed chunk by chunk as they arrive and then dropped: a multi-gigabyte upload
costs constant memory and no disk. Text fields are kept (bounded).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from gui.sandbox.replies import detail_error

HEAD_BYTES = 64 * 1024  # enough for any WAV chunk list or PNG IHDR we read
MAX_FIELD_BYTES = 1024 * 1024


@dataclass
class UploadedFile:
    """A file part of a multipart upload, without its content: field and file name, content type,
    size, SHA-256 and its first and last bytes."""
    field: str
    filename: str
    content_type: str
    size: int = 0
    head: bytes = b""
    tail: bytes = b""  # the last bytes, where an Ogg stream's final page tells its length
    _hash: "hashlib._Hash" = field(default_factory=hashlib.sha256, repr=False)

    @property
    def sha256(self) -> bytes:
        return self._hash.digest()

    @property
    def extension(self) -> str:
        return self.filename.rsplit(".", 1)[-1].lower() if "." in self.filename else ""

    def feed(self, data: bytes) -> None:
        self._hash.update(data)
        if len(self.head) < HEAD_BYTES:
            self.head += data[: HEAD_BYTES - len(self.head)]
        self.tail = data[-HEAD_BYTES:] if len(data) >= HEAD_BYTES else (self.tail + data)[-HEAD_BYTES:]
        self.size += len(data)


@dataclass
class MultipartForm:
    """A parsed multipart request: its text fields and uploaded files by field name, and the field
    names in the order sent."""
    fields: dict[str, list[str]] = field(default_factory=dict)
    files: dict[str, list[UploadedFile]] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)  # field names as sent, for the request log

    def value(self, name: str) -> str | None:
        values = self.fields.get(name)
        return values[-1] if values else None

    def values(self, *names: str) -> list[str]:
        return [v for name in names for v in self.fields.get(name, [])]

    def file_list(self, *names: str) -> list[UploadedFile]:
        return [f for name in names for f in self.files.get(name, [])]

    def scalars(self) -> dict[str, str]:
        return {name: values[-1] for name, values in self.fields.items()}


class _Collector:
    """python-multipart callbacks that fill a MultipartForm."""

    def __init__(self, form: MultipartForm) -> None:
        self.form = form
        self._header_name = b""
        self._header_value = b""
        self._headers: dict[bytes, bytes] = {}
        self._name = ""
        self._file: UploadedFile | None = None
        self._data = bytearray()

    def on_part_begin(self) -> None:
        self._headers, self._file, self._data = {}, None, bytearray()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[self._header_name.lower()] = self._header_value
        self._header_name, self._header_value = b"", b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        self._name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" in options:
            self._file = UploadedFile(
                self._name,
                options[b"filename"].decode("utf-8", "replace"),
                self._headers.get(b"content-type", b"application/octet-stream").decode("latin-1"),
            )

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._file is not None:
            self._file.feed(data[start:end])
        elif len(self._data) + (end - start) > MAX_FIELD_BYTES:
            raise ValueError(f"Field '{self._name}' is larger than {MAX_FIELD_BYTES} bytes")
        else:
            self._data += data[start:end]

    def on_part_end(self) -> None:
        self.form.order.append(self._name)
        if self._file is not None:
            self.form.files.setdefault(self._name, []).append(self._file)
        else:
            self.form.fields.setdefault(self._name, []).append(self._data.decode("utf-8", "replace"))

    def callbacks(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in dir(self) if name.startswith("on_")}


async def read_multipart(request: Request) -> MultipartForm:
    """Parse the body as it streams in; a malformed body is a FastAPI-style 400."""
    content_type, params = parse_options_header(request.headers.get("content-type", ""))
    if content_type != b"multipart/form-data" or b"boundary" not in params:
        raise detail_error(400, "Expected a multipart/form-data body")
    form = MultipartForm()
    parser = MultipartParser(params[b"boundary"], _Collector(form).callbacks())  # type: ignore[arg-type]
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except Exception as exc:  # python-multipart raises several types for malformed bodies
        raise detail_error(400, f"Invalid multipart body: {exc}") from None
    return form
