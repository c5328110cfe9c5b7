"""Headless commands with --profile: base URL, path style and key from a stored profile,
no Qt involved."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gui.core.profiles.profile import PathStyle, Profile, ProfileStore


def queue_desk(*args: str, home: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # The null keyring: a subprocess must not touch the developer's real keyring; the key then
    # comes from OPENAI_API_KEY, the documented fallback.
    env = {**os.environ, "QUEUE_DESK_HOME": str(home), "OPENAI_API_KEY": "sk-from-env",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", **(env or {})}
    return subprocess.run([sys.executable, "-m", "gui", *args], capture_output=True, text=True, timeout=120, env=env)


def test_submit_with_a_stored_profile(sandbox, home):
    ProfileStore().save(Profile("Local v2", sandbox.url, PathStyle.STANDARD))
    sandbox.config.api_key = "sk-from-env"
    proc = queue_desk("submit", "models", "--profile", "Local v2", home=home)
    assert proc.returncode == 0, proc.stderr
    assert sandbox.requests[-1].path.endswith("/v2/models")
    assert "PySide6" not in proc.stderr


def test_an_unknown_profile_is_named(home):
    proc = queue_desk("submit", "models", "--profile", "Nope", home=home)
    assert proc.returncode == 1
    assert "no profile called 'Nope'" in proc.stderr and "AI Foundation Services" in proc.stderr


def test_profile_and_base_url_exclude_each_other(home):
    proc = queue_desk("submit", "models", "--profile", "X", "--base-url", "https://x.example.com/queue", home=home)
    assert proc.returncode == 2 and "not allowed with" in proc.stderr
