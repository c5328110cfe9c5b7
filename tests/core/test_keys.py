"""API keys per profile: the keyring (an in-memory backend here), OPENAI_API_KEY as the
fallback, and no keyring at all: the key stays in memory for the session, never in a file."""
from __future__ import annotations

import keyring
import keyring.backends.fail
import pytest
from keyring.errors import InitError

from gui.core.errors import QueueError
from gui.core.profiles.keys import SERVICE, KeySource, KeyStore


def test_keyring_round_trip(memory_keyring, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    keys = KeyStore()
    assert keys.get("Work") is None
    assert keys.set("Work", "sk-abc€/+=") is KeySource.KEYRING
    assert memory_keyring.passwords[(SERVICE, "Work")] == "sk-abc€/+="
    found = keys.get("Work")
    assert found.value == "sk-abc€/+=" and found.source is KeySource.KEYRING
    keys.delete("Work")
    keys.delete("Work")  # deleting twice is fine
    assert keys.get("Work") is None and not memory_keyring.passwords
    with pytest.raises(QueueError, match="No API key for the profile 'Work'"):
        keys.require("Work")


def test_environment_is_the_fallback(memory_keyring, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", " sk-env ")
    keys = KeyStore()
    assert keys.get("Work") == keys.require("Work")
    assert keys.get("Work").value == "sk-env" and keys.get("Work").source is KeySource.ENVIRONMENT
    keys.set("Work", "sk-own")
    assert keys.get("Work").value == "sk-own"


def test_rename_moves_the_key(memory_keyring):
    keys = KeyStore()
    keys.set("Old", "sk-1")
    keys.rename("Old", "New")
    assert memory_keyring.passwords == {(SERVICE, "New"): "sk-1"}


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_without_a_keyring_the_key_lives_in_memory_only(no_keyring, home, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY")
    keys = KeyStore()
    assert keys.get("Work") is None
    assert "No system keyring" in keys.problem and "in memory until Queue Desk closes" in keys.problem
    assert keys.set("Work", "sk-session-only") is KeySource.SESSION
    assert keys.get("Work").value == "sk-session-only" and keys.get("Work").source is KeySource.SESSION
    assert not home.exists() or not any("sk-session-only".encode() in p.read_bytes()
                                        for p in home.rglob("*") if p.is_file())
    assert KeyStore().get("Work") is None  # another session (process) does not have it
    keys.delete("Work")
    assert keys.get("Work") is None


def test_a_locked_keyring_is_explained(memory_keyring, monkeypatch):
    def refuse(*_args):
        raise InitError("Failed to create the collection: Prompt dismissed")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    keys = KeyStore()
    assert keys.set("Work", "sk-1") is KeySource.SESSION
    assert "could not be used" in keys.problem and "Prompt dismissed" in keys.problem
