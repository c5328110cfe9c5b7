"""Running the sandbox: in a background thread (tests, the GUI's demo mode) or blocking (CLI)."""
from __future__ import annotations

import asyncio
import collections
import socket
import sys
import threading
import time
from types import TracebackType

import uvicorn

from gui.sandbox.app import create_app
from gui.sandbox.config import SandboxConfig
from gui.sandbox.faults import FaultInjector
from gui.sandbox.state import RequestRecord, SandboxState


class SandboxServer:
    """uvicorn on its own asyncio loop in a daemon thread; `config` is read live per request."""

    def __init__(self, config: SandboxConfig | None = None, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.port = port  # 0 = a free port, known once start() has bound it
        self._state = SandboxState(config or SandboxConfig())
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    @property
    def config(self) -> SandboxConfig:
        return self._state.config

    @config.setter
    def config(self, value: SandboxConfig) -> None:
        self._state.config = value  # replacing the object works too; the app reads it per request

    @property
    def requests(self) -> collections.deque[RequestRecord]:
        return self._state.requests

    @property
    def url(self) -> str:
        """The queue base URL, as clients (and the OpenAI SDK's base_url) want it."""
        return f"{self.root_url}/queue"

    @property
    def root_url(self) -> str:
        host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(self.host, self.host)
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"

    def start(self, sock: socket.socket | None = None) -> "SandboxServer":
        """Bind (or serve on `sock`, already listening: the GUI takes the port before it
        loads the server), serve in the background, and return once connections are accepted."""
        if self._thread is not None:
            raise RuntimeError("sandbox server already started")
        if sock is None:
            family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
            # proto must say TCP: asyncio only turns Nagle off (TCP_NODELAY) on sockets that do, and
            # without it every answer waits ~40 ms for the client's delayed ACK.
            sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.bind((self.host, self.port))
            sock.listen(2048)  # hundreds of clients may connect at once
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            FaultInjector(create_app(self._state.config, self._state), self._state),
            lifespan="off",
            log_config=None,  # leave the host process's logging configuration alone
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=1,  # held (latency) requests must not block stop()
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._run, args=(sock,), name="queue-desk-sandbox", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if self._error is not None or not self._thread.is_alive():
                raise RuntimeError("sandbox server failed to start") from self._error
            if time.monotonic() > deadline:
                raise RuntimeError("sandbox server did not start within 10 s")
            time.sleep(0.005)
        return self

    def _run(self, sock: socket.socket) -> None:
        # The platform's own loop, not the current policy's: under qasync.run (Python < 3.12) the
        # policy makes Qt loops, which cannot run in this thread (the GUI starts a sandbox on demand).
        loop = asyncio.DefaultEventLoopPolicy().new_event_loop()
        try:
            assert self._server is not None
            loop.run_until_complete(self._server.serve(sockets=[sock]))
        except BaseException as exc:  # reported to start(); a thread has nowhere else to raise
            self._error = exc
        finally:
            sock.close()
            loop.close()

    def stop(self) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._server, self._thread = None, None

    def reset(self) -> None:
        """Default knobs (same config object), empty request log, no jobs or files, fresh counters."""
        self._state.reset()

    def __enter__(self) -> "SandboxServer":
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def serve(host: str, port: int, config: SandboxConfig) -> None:
    """Run until interrupted (Ctrl+C); prints the queue URL once the server is listening."""
    server = SandboxServer(config, host, port).start()
    print(f"Queue Desk sandbox listening on {server.url}", flush=True)
    print("Any API key or none works" if config.api_key is None else "API key required", file=sys.stderr)
    try:
        while server._thread is not None and server._thread.is_alive():
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
