"""Base URL checks: plain http only to loopback unless explicitly allowed; nonsense refused."""
from __future__ import annotations

import pytest

from gui.core.api.urls import check_base_url
from gui.core.engine import Engine
from gui.core.errors import ErrorKind, QueueError


@pytest.mark.parametrize("url", [
    "https://llm-server.llmhub.t-systems.net/queue/",
    "http://127.0.0.1:8787/queue",
    "http://localhost:8787/queue",
    "http://[::1]:8787/queue",
])
def test_accepted(url):
    assert check_base_url(url) == url.rstrip("/")


def test_plain_http_to_the_network_is_refused_unless_allowed():
    with pytest.raises(QueueError) as info:
        check_base_url("http://llm-server.example.com/queue")
    assert info.value.kind is ErrorKind.INPUT and "clear text" in info.value.message
    assert check_base_url("http://10.1.2.3/queue", allow_plain_http=True) == "http://10.1.2.3/queue"


@pytest.mark.parametrize("url", ["llm-server/queue", "ftp://host/queue", "https://", ""])
def test_nonsense_is_refused_in_plain_words(url):
    with pytest.raises(QueueError, match="not a web address"):
        check_base_url(url)


def test_the_engine_refuses_before_anything_is_sent(tmp_path):
    with pytest.raises(QueueError, match="clear text"):
        Engine.open("http://queue.example.org/queue", "sk-test", home=tmp_path)
