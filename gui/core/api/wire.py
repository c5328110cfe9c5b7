"""What goes over the wire between the engine and the Queue API: requests (JSON body or
multipart fields plus files), replies, timeouts, and the hooks that report progress."""
from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from gui.core.endpoints import Endpoint

if TYPE_CHECKING:
    import httpx

# The queue holds requests open until the work is done, so the read timeout is long.
DEFAULT_READ_TIMEOUT = 900.0

# An httpx request extension: the caller reads the whole body at once, so the transport
# may read it together with the headers (aio_transport.QueueTransport).
READ_BODY = "queue_desk.read_body"
# An httpx request extension: the most bytes the decoded answer may have (bounded.py).
MAX_BYTES = "queue_desk.max_bytes"
# An httpx request extension: the folder where a big successful answer is written as it
# arrives (spool.py); the response's extension SPOOLED then names the file, and its body is empty.
SPOOL = "queue_desk.spool"
SPOOLED = "queue_desk.spooled"


@dataclass(frozen=True)
class Timeouts:
    """How long the client waits, in seconds: to connect, for each read and each chunk
    written, for a free connection."""
    connect: float = 15.0
    read: float = DEFAULT_READ_TIMEOUT
    write: float = 120.0  # per chunk sent, not for the whole upload
    pool: float = 60.0

    def httpx(self) -> httpx.Timeout:
        import httpx  # Speed: not at start-up; the client needs it only to send

        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)


@dataclass(frozen=True)
class Upload:
    """A file sent with a request: its multipart field name and path."""
    field: str  # multipart field name: "file", "image", "image[]", "mask"
    path: str


@dataclass
class Request:
    """A request as the client sends it: the endpoint, the JSON body and the files."""
    endpoint: Endpoint
    body: dict[str, Any] = field(default_factory=dict)
    uploads: list[Upload] = field(default_factory=list)


class Answer(NamedTuple):
    """An answer as the transport read it, before the client looks at it: status, headers,
    the decoded body, or the file a big successful body was spooled to (then `content` is empty)."""
    status: int
    headers: Mapping[str, str]
    content: bytes
    spooled: str | None = None


@dataclass
class Reply:
    """The server's answer as the client got it: status, body (or the file it was spooled
    to), type and headers."""
    status: int
    content: bytes
    content_type: str
    headers: Mapping[str, str] = field(default_factory=dict)
    # A big answer is on disk, not in `content`: this file (spool.py), until it is saved.
    spooled: str | None = None

    @property
    def request_id(self) -> str | None:
        return request_id_of(self.headers)

    @functools.cached_property
    def parsed(self) -> Any:
        """The body as JSON, or None if it is not JSON (parsed once, however often asked)."""
        if not self.content or "json" not in self.content_type:
            return None
        try:
            return json.loads(self.content)
        except (ValueError, RecursionError):
            return None

    def json(self) -> Any:
        return json.loads(self.content)


@dataclass
class Hooks:
    """What the client tells its caller while a request is under way (all optional,
    all called on the event loop)."""

    uploaded: Callable[[int, int], None] | None = None  # bytes sent, total
    sent: Callable[[], None] | None = None  # request body handed over; now waiting for the answer
    accepted: Callable[[str | None, str], None] | None = None  # 202: server job id, status URL
    status: Callable[[str, int | None], None] | None = None  # poll: server status, queue position


# Where servers put their id for a request: OpenAI, LiteLLM, Azure, AWS and others.
_REQUEST_ID_HEADERS = ("x-request-id", "x-litellm-call-id", "request-id", "apim-request-id", "x-amzn-requestid",
                       "x-correlation-id")


def request_id_of(headers: Mapping[str, str]) -> str | None:
    for name in _REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return value[:200]
    return None
