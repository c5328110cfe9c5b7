"""Queue Desk against a second OpenAI-compatible server that is not our sandbox: a real
LiteLLM proxy with mock models, on loopback. LiteLLM is heavy, so it lives in a venv of its
own (see .ci/run); set LITELLM_BIN to its `litellm` command, or the test is skipped."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from pathlib import Path

import pytest
from test_cli_profiles import queue_desk

from gui.core.profiles.profile import PathStyle, Profile, ProfileStore

LITELLM = os.environ.get("LITELLM_BIN", "")
CONFIG = Path(__file__).parent / "foreign" / "litellm.yaml"
KEY = "sk-litellm-test-key"

pytestmark = pytest.mark.skipif(not (LITELLM and Path(LITELLM).exists()),
                                reason="LiteLLM is not installed here (set LITELLM_BIN; .ci/run does)")


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (tmp_path_factory.mktemp("litellm") / "proxy.log").open("w")
    env = dict(os.environ, LITELLM_LOCAL_MODEL_COST_MAP="True", LITELLM_TELEMETRY="False",
               NO_PROXY="127.0.0.1,localhost")
    process = subprocess.Popen([LITELLM, "--config", str(CONFIG), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                assert process.poll() is None, Path(log.name).read_text()[-3000:]
                time.sleep(0.3)
        else:
            pytest.fail("the LiteLLM proxy did not start within 90 s")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return queue_desk(*args, home=home, env={"OPENAI_API_KEY": KEY})


def test_chat_through_a_v1_profile_exactly_as_given(proxy, home):
    ProfileStore().save(Profile("LiteLLM", proxy + "/v1", PathStyle.EXACT))
    proc = run("submit", "chat", "--profile", "LiteLLM", "--model", "mock-chat", "--prompt", "hi", home=home)
    assert proc.returncode == 0, proc.stderr
    answer = next(Path(p) for p in proc.stdout.split() if p.endswith("answer.md"))
    assert "Hello from the LiteLLM proxy." in answer.read_text()


def test_the_model_list_and_a_wrong_key(proxy, home):
    proc = run("submit", "models", "--base-url", proxy + "/v1", home=home)
    assert proc.returncode == 0, proc.stderr
    models = json.loads(Path(proc.stdout.split()[0]).read_text())
    assert "mock-chat" in [m["id"] for m in models["data"]]
    bad = queue_desk("submit", "models", "--base-url", proxy + "/v1", home=home, env={"OPENAI_API_KEY": "sk-wrong"})
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
    assert "sk-wrong" not in bad.stderr
