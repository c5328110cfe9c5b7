"""Shared fixtures: a real sandbox server on loopback, an isolated app home."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import pytest


@pytest.fixture(scope="session")
def sandbox_server():
    from gui.sandbox import SandboxConfig, SandboxServer

    with SandboxServer(SandboxConfig()) as server:
        yield server


@pytest.fixture
def sandbox(sandbox_server):
    """The session's sandbox with default knobs and an empty request log."""
    sandbox_server.reset()
    yield sandbox_server
    sandbox_server.reset()


@pytest.fixture
def home(tmp_path, monkeypatch):
    """Everything the app writes goes under a fresh QUEUE_DESK_HOME."""
    path = tmp_path / "home"
    monkeypatch.setenv("QUEUE_DESK_HOME", str(path))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
    return path
