"""The API key through the app's own code path (gui.core.profiles.keys) against the real system
keyring: in CI a Secret Service (gnome-keyring under a D-Bus session, see .ci/run). Skipped
where no usable keyring exists, unless QUEUE_DESK_REQUIRE_KEYRING=1 (set by .ci/run), which
turns the skip into a failure so CI cannot pass without really testing it."""
from __future__ import annotations

import os
import uuid

import keyring
import keyring.core
import pytest

from gui.core.profiles.keys import SERVICE, KeySource, KeyStore

pytestmark = pytest.mark.keyring


def backend_name() -> str:
    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _no_real_keyring(reason: str) -> None:
    if os.environ.get("QUEUE_DESK_REQUIRE_KEYRING") == "1":
        pytest.fail(f"QUEUE_DESK_REQUIRE_KEYRING=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture
def profile_name(monkeypatch, request):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)  # only the keyring may answer
    # The system's own backend, as the app would find it (conftest points subprocesses at
    # the null keyring through PYTHON_KEYRING_BACKEND).
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    previous = keyring.get_keyring()
    keyring.core.init_backend()
    request.addfinalizer(lambda: keyring.set_keyring(previous))
    backend = backend_name()
    if backend.startswith(("keyring.backends.fail.", "keyring.backends.null.")):
        _no_real_keyring(f"no real system keyring is available (backend {backend}); on Linux start a "
                         "Secret Service, e.g. gnome-keyring under dbus-run-session as in .ci/run")
    name = f"Queue Desk test {uuid.uuid4().hex[:8]}"
    yield name
    try:
        keyring.delete_password(SERVICE, name)
    except keyring.errors.KeyringError:
        pass


def test_store_read_and_delete_a_key_in_the_real_keyring(profile_name):
    secret = "sk-real-keyring-" + uuid.uuid4().hex + "-ä€/+="
    keys = KeyStore()
    where = keys.set(profile_name, secret)
    if where is not KeySource.KEYRING:
        _no_real_keyring(f"the keyring {backend_name()} refused the key: {keys.problem}")
    assert keys.problem is None
    # A fresh store (nothing in memory) reads it back from the keyring itself.
    found = KeyStore().get(profile_name)
    assert found is not None and found.source is KeySource.KEYRING and found.value == secret
    assert keyring.get_password(SERVICE, profile_name) == secret
    KeyStore().delete(profile_name)
    assert keyring.get_password(SERVICE, profile_name) is None
    assert KeyStore().get(profile_name) is None
