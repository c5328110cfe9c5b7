"""The network stack (httpx, aiohttp, the TLS context) is loaded when the first request
goes out, in a worker thread, not when the engine opens: start-up stays cheap (B4)."""
from __future__ import annotations

import asyncio
import subprocess
import sys
import threading

import pytest

from gui.core.api.client import QueueClient
from gui.core.api.wire import Request
from gui.core.endpoints import Endpoint
from gui.core.errors import QueueError


def test_opening_an_engine_loads_no_network_stack(tmp_path):
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from gui.core.engine import Engine\n"
        f"Engine.open('https://llm.example.com/queue', 'sk', home=Path({str(tmp_path)!r}))\n"
        "print(sorted(m for m in ('httpx', 'aiohttp', 'truststore') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.asyncio
async def test_the_first_requests_share_one_client_made_off_the_loop(sandbox, monkeypatch):
    import gui.core.api.network as network

    made_on = []
    real = network.default_transport

    def spy(*args, **kwargs):
        made_on.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(network, "default_transport", spy)
    async with QueueClient(sandbox.url, "sk-test") as client:
        replies = await asyncio.gather(*(client.send(Request(Endpoint.MODELS)) for _ in range(5)))
        assert all(r.status == 200 for r in replies)
        assert made_on and made_on[0] is not threading.current_thread() and len(made_on) == 1


def test_an_unreadable_ca_bundle_is_reported_when_the_client_is_made(tmp_path):
    bad = tmp_path / "not-a-cert.pem"
    bad.write_text("hello")
    with pytest.raises(QueueError, match="could not be read as PEM"):
        QueueClient("https://llm.example.com/queue", "sk", ca_bundle=str(bad))


@pytest.mark.asyncio
async def test_closing_while_the_client_is_being_made_closes_what_it_made(sandbox):
    client = QueueClient(sandbox.url, "sk-test")
    first = asyncio.ensure_future(client.send(Request(Endpoint.MODELS)))
    await asyncio.sleep(0)  # the client is being made in a worker thread now
    await client.aclose()
    assert client._client is not None and client._client.is_closed
    with pytest.raises(Exception):
        await first
