"""Profiles: built-ins, a JSON round-trip in the app home, the path style, and the key never
written anywhere under QUEUE_DESK_HOME."""
from __future__ import annotations

import json

import pytest

from gui.core.api.wire import Timeouts
from gui.core.endpoints import DEFAULT_BASE_URL
from gui.core.errors import QueueError
from gui.core.profiles.keys import key_store
from gui.core.profiles.profile import (
    PROVIDER_PROFILE,
    SANDBOX_PROFILE,
    PathStyle,
    Profile,
    ProfileStore,
)

SECRET = "sk-Very$ecret/Key+with=odd&chars\"'ß"


def test_built_ins_come_first(home):
    store = ProfileStore(sandbox_url="http://127.0.0.1:5555/queue")
    assert store.names() == [PROVIDER_PROFILE, SANDBOX_PROFILE]
    assert store.get(PROVIDER_PROFILE).api_url == DEFAULT_BASE_URL
    assert store.get(SANDBOX_PROFILE).api_url == "http://127.0.0.1:5555/queue"
    assert all(p.built_in for p in store.profiles)
    with pytest.raises(QueueError, match="cannot be deleted"):
        store.delete(PROVIDER_PROFILE)


def test_round_trip_and_the_key_never_reaches_the_home(home):
    store = ProfileStore()
    profile = Profile("Team proxy", "https://llm.example.com/queue", PathStyle.STANDARD, concurrency=4,
                      read_timeout_min=30, allow_plain_http=False, ca_bundle="")
    store.save(profile)
    key_store().set("Team proxy", SECRET)
    again = ProfileStore()
    assert again.get("Team proxy") == profile
    assert again.get("Team proxy").api_url == "https://llm.example.com/v2"
    data = json.loads((home / "profiles.json").read_text(encoding="utf-8"))
    assert [p["name"] for p in data["profiles"]][-1] == "Team proxy"
    for path in home.rglob("*"):
        if path.is_file():
            assert b"Very$ecret" not in path.read_bytes(), path
    assert not list(home.glob("*.part"))  # written atomically, no leftovers


def test_rename_delete_and_duplicates(home):
    store = ProfileStore()
    store.save(Profile("A", "https://a.example.com/queue"))
    store.save(Profile("B", "https://b.example.com/queue"))
    with pytest.raises(QueueError, match="already exists"):
        store.save(Profile("B", "https://a.example.com/queue"), replacing="A")
    store.save(Profile("C", "https://a.example.com/queue"), replacing="A")
    store.delete("B")
    assert ProfileStore().names()[2:] == ["C"]
    with pytest.raises(QueueError, match="cannot be renamed"):
        store.save(Profile("Mine", DEFAULT_BASE_URL), replacing=PROVIDER_PROFILE)


def test_built_in_settings_can_change_but_the_sandbox_url_is_never_stored(home):
    store = ProfileStore(sandbox_url="http://127.0.0.1:5555/queue")
    store.save(Profile(SANDBOX_PROFILE, "http://127.0.0.1:5555/queue", concurrency=2))
    store.save(Profile(PROVIDER_PROFILE, DEFAULT_BASE_URL, ca_bundle=""))
    assert "5555" not in (home / "profiles.json").read_text()
    later = ProfileStore(sandbox_url="http://127.0.0.1:6666/queue")
    assert later.get(SANDBOX_PROFILE).concurrency == 2
    assert later.get(SANDBOX_PROFILE).base_url == "http://127.0.0.1:6666/queue"
    assert later.get(SANDBOX_PROFILE).built_in


def test_a_broken_file_leaves_the_built_ins(home):
    home.mkdir(parents=True)
    (home / "profiles.json").write_text("{not json")
    assert ProfileStore().names() == [PROVIDER_PROFILE, SANDBOX_PROFILE]


def test_path_style_and_engine_options():
    profile = Profile("x", "https://h.example.com/queue/", PathStyle.STANDARD, concurrency=3, read_timeout_min=2)
    assert profile.api_url == "https://h.example.com/v2"
    assert Profile("y", "https://h.example.com").api_url == "https://h.example.com/queue"
    options = profile.engine_options({"concurrency": 8, "timeouts": Timeouts(connect=5.0), "max_attempts": 2})
    assert options["concurrency"] == 3 and options["max_attempts"] == 2
    assert options["timeouts"].read == 120.0 and options["timeouts"].connect == 5.0
    assert options["base_url"] == "https://h.example.com/v2" and options["ca_bundle"] is None
    # Unset values leave the queue settings alone.
    plain = Profile("z", "https://h.example.com/queue").engine_options({"concurrency": 8})
    assert plain["concurrency"] == 8 and "timeouts" not in plain


def test_check_says_what_to_fix(tmp_path):
    with pytest.raises(QueueError, match="unencrypted"):
        Profile("x", "http://llm.example.com/queue").check()
    Profile("x", "http://llm.example.com/queue", allow_plain_http=True).check()
    with pytest.raises(QueueError, match="CA bundle"):
        Profile("x", "https://llm.example.com/queue", ca_bundle=str(tmp_path / "missing.pem")).check()
    with pytest.raises(QueueError, match="name"):
        Profile(" ", "https://llm.example.com/queue").check()
