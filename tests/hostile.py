"""A small hostile loopback server: it answers each path as a test scripts it (status,
headers, a body given whole or as a generator of chunks: endless, huge, a gzip bomb) and
records every request it got, with its headers, so a test can tell where the key went.

Two of them on different ports are two origins (scheme, host and port differ)."""
from __future__ import annotations

import gzip
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Body = bytes | Callable[[], Iterable[bytes]]


@dataclass
class Answer:
    status: int = 200
    body: Body = b"{}"
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]


class Hostile:
    def __init__(self) -> None:
        self.routes: dict[str, list[Answer] | Answer] = {}
        self.seen: list[Seen] = []
        hostile = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                self.rfile.read(length)
                path = self.path.split("?")[0]
                hostile.seen.append(Seen(self.command, path, {k.lower(): v for k, v in self.headers.items()}))
                answer = hostile._answer_for(path)
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                try:
                    if isinstance(answer.body, bytes):
                        self.send_header("Content-Length", str(len(answer.body)))
                        self.end_headers()
                        self.wfile.write(answer.body)
                    else:  # streamed until the client gives up: the end is the connection's close
                        self.send_header("Connection", "close")
                        self.end_headers()
                        self.close_connection = True
                        for chunk in answer.body():
                            self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            do_GET = do_POST = do_DELETE = _answer

            def handle(self) -> None:
                try:
                    super().handle()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up on an answer: what a hostile answer is for

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _answer_for(self, path: str) -> Answer:
        found = self.routes.get(path)
        if found is None:
            return Answer(404, b'{"error": {"message": "no such path"}}')
        if isinstance(found, list):  # answers in turn; the last one repeats
            return found.pop(0) if len(found) > 1 else found[0]
        return found

    def on(self, path: str, *answers: Answer) -> None:
        self.routes[path] = list(answers) if len(answers) > 1 else answers[0]

    def keys_seen(self) -> list[str]:
        return [s.headers.get("authorization", "") for s in self.seen]

    def __enter__(self) -> Hostile:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def json_answer(body: bytes, status: int = 200, **headers: str) -> Answer:
    return Answer(status, body, {"Content-Type": "application/json", **headers})


def endless(chunk: bytes = b"x" * 65536, limit: int | None = None) -> Callable[[], Iterator[bytes]]:
    """A body that never ends (or ends after `limit` bytes)."""
    def chunks() -> Iterator[bytes]:
        sent = 0
        while limit is None or sent < limit:
            yield chunk
            sent += len(chunk)
    return chunks


def gzip_bomb(size: int) -> bytes:
    """A small gzip body that inflates to `size` zero bytes (~1000:1)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [compressor.compress(block) for _ in range(size >> 20)]
    parts.append(compressor.flush())
    return b"".join(parts)


__all__ = ["Answer", "Hostile", "endless", "gzip", "gzip_bomb", "json_answer"]
