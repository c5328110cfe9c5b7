"""The upstream internals the network code borrows are still there and still behave as it
expects. A failure here names what changed: re-check the module it names against the new
release before widening the bound in pyproject.toml."""
from __future__ import annotations

import httpx
import pytest
from httpx_aiohttp import transport as upstream

from gui.core.api import network, transport


def _versions(*names: str) -> str:
    from importlib.metadata import version

    return ", ".join(f"{name} {version(name)}" for name in names)


def test_httpx_still_fits_the_client():
    problems = network.upstream_problems()
    assert not problems, (f"gui/core/api/network.py was written against httpx 0.28-0.29; with "
                          f"{_versions('httpx')}: " + "; ".join(problems))


def test_httpx_aiohttp_still_fits_the_transport():
    problems = transport.upstream_problems()
    assert not problems, (f"gui/core/api/transport.py was written against httpx-aiohttp 0.1.8-0.2; with "
                          f"{_versions('httpx-aiohttp', 'aiohttp')}: " + "; ".join(problems))


def test_the_checks_notice_a_change(monkeypatch):
    monkeypatch.delattr(upstream.AiohttpResponseStream, "CHUNK_SIZE")
    assert transport.upstream_problems() == ["AiohttpResponseStream.CHUNK_SIZE is gone"]

    real = httpx.Request

    def compact(method, url, **kwargs):  # a release that encodes json= with ASCII escapes
        if "json" in kwargs:
            import json

            kwargs["content"] = json.dumps(kwargs.pop("json")).encode()
        return real(method, url, **kwargs)

    monkeypatch.setattr(httpx, "Request", compact)
    assert network.upstream_problems() == ["httpx encodes json= differently from HttpClient.exchange"]


@pytest.mark.parametrize("module", [network, transport])
def test_each_fenced_module_names_the_versions_it_was_written_against(module):
    assert "Written against" in module.__doc__
