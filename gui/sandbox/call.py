"""What an endpoint handler gets: the request, the server's state and the parsed body."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request

from gui.sandbox.state import SandboxState
from gui.sandbox.uploads import MultipartForm


@dataclass
class Call:
    """One request as a handler sees it: the HTTP request, the server's state, the path prefix
    it came in under, and its parsed JSON body or multipart form."""
    request: Request
    state: SandboxState
    prefix: str  # "/queue" or "/v2"
    body: dict[str, Any] = field(default_factory=dict)  # JSON requests
    form: MultipartForm = field(default_factory=MultipartForm)  # multipart requests

    @property
    def base_url(self) -> str:
        """scheme://host:port as the client addressed us, for absolute URLs in answers."""
        return str(self.request.base_url).rstrip("/")
