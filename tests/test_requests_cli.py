"""`queue-desk submit` sends exactly what the matching tab sends: for all eight endpoints,
the same inputs through the tab and through the command give the same request on the
wire (the sandbox's log: JSON bodies key by key, in order; multipart field names in
order) and the same body from the shared builders."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tabs_support import make_png, make_wav, wait_done, wait_models

from gui.core.builders.cli_args import build_jobs, parse_param
from gui.core.endpoints import Endpoint
from gui.ui.tabs.audio import TranscriptionTab, TranslationTab
from gui.ui.tabs.chat import ChatTab
from gui.ui.tabs.completions import CompletionsTab
from gui.ui.tabs.embeddings import EmbeddingsTab
from gui.ui.tabs.image import ImageGenerationTab
from gui.ui.tabs.image_edit import ImageEditTab
from gui.ui.tabs.models import ModelsTab

pytestmark = pytest.mark.usefixtures("qt_loop")


def cli(*args: str, home: Path) -> subprocess.Popen:
    env = dict(os.environ, QUEUE_DESK_HOME=str(home), OPENAI_API_KEY="sk-test")
    return subprocess.Popen([sys.executable, "-m", "gui", "submit", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def params(args: list[str]) -> dict:
    return dict(parse_param(a) for flag, a in zip(args, args[1:]) if flag == "--param")


def test_cli_sends_what_the_tabs_send(main_window, qtbot, sandbox, tmp_path):
    window = main_window
    wait_models(qtbot, window)
    wav = str(make_wav(tmp_path / "talk.wav", 6))
    image = str(make_png(tmp_path / "photo.png", 48, 32))
    mask = str(make_png(tmp_path / "mask.png", 48, 32))
    messages = [{"role": "system", "content": "Be brief; answer in JSON."}, {"role": "user", "content": "Hello, \"queue\""}]

    def chat(tab):
        tab.conversation.set_messages(messages)
        tab.max_tokens.setValue(200)
        tab.temperature.setValue(0.3)
        tab.seed.setText("5")
        tab.stop.setText("END")
        tab.json_mode.setChecked(True)
        tab.model_picker.set_model("gpt-4.1")

    def completions(tab):
        tab.prompt.setPlainText("Once upon")
        tab.max_tokens.setValue(50)
        tab.n.setValue(2)

    def embeddings(tab):
        tab.inputs.setPlainText("first line\nsecond line")

    def transcription(tab):
        tab.add_files([wav])
        tab.language.setCurrentText("de")
        tab.segments.setChecked(True)

    def translation(tab):
        tab.add_files([wav])
        tab.prompt.setText("Names: Bonn")
        tab.response_format.setCurrentText("srt")

    def images(tab):
        tab.prompt.setPlainText("A boat")
        tab.n.setValue(2)
        tab.size.setCurrentText("64x64")

    def image_edit(tab):
        tab.add_images([image])
        tab.set_mask(mask)
        tab.prompt.setPlainText("Add a sail")
        tab.n.setValue(2)

    cases = [
        (ChatTab, chat, ["--model", "gpt-4.1", "--param", f"messages={json.dumps(messages)}", "--param",
                         "max_tokens=200", "--param", "temperature=0.3", "--param", "stop=[\"END\"]", "--param",
                         "seed=5", "--param", 'response_format={"type": "json_object"}']),
        (CompletionsTab, completions, ["--prompt", "Once upon", "--param", "max_tokens=50", "--param",
                                       "temperature=1", "--param", "n=2"]),
        (EmbeddingsTab, embeddings, ["--prompt", "first line\nsecond line"]),
        (TranscriptionTab, transcription, ["--file", wav, "--param", "language=de", "--param",
                                           "response_format=verbose_json", "--param",
                                           'timestamp_granularities=["segment"]']),
        (TranslationTab, translation, ["--file", wav, "--prompt", "Names: Bonn", "--param", "response_format=srt"]),
        (ImageGenerationTab, images, ["--model", "gpt-image-1", "--prompt", "A boat", "--param", "n=2",
                                      "--param", "size=64x64"]),
        (ImageEditTab, image_edit, ["--model", "gpt-image-1", "--file", image, "--mask", mask, "--prompt",
                                    "Add a sail", "--param", "n=2"]),
        (ModelsTab, None, []),
    ]
    assert {c[0].endpoint for c in cases} == set(Endpoint)
    for tab_class, fill, args in cases:
        tab = window.tab(tab_class)
        endpoint = tab.endpoint
        if fill:
            fill(tab)
        model = tab.model_picker.current_model() if hasattr(tab, "model_picker") else None
        if model and "--model" not in args:
            args = ["--model", model, *args]
        sandbox.requests.clear()
        jobs = tab.submit_jobs()
        assert len(jobs) == 1, tab.problem.text()
        wait_done(qtbot, window, jobs)
        from_tab = list(sandbox.requests)
        sandbox.requests.clear()
        proc = cli(endpoint.value, "--base-url", sandbox.url, *args, home=tmp_path / "cli-home")
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        from_cli = list(sandbox.requests)
        assert [(r.method, r.path) for r in from_cli] == [(r.method, r.path) for r in from_tab]
        sent_tab, sent_cli = from_tab[0], from_cli[0]
        if sent_tab.json is not None:
            assert list(sent_cli.json.items()) == list(sent_tab.json.items()), endpoint  # same keys, same order
            assert json.dumps(sent_cli.json) == json.dumps(jobs[0].body)
        assert sent_cli.fields == sent_tab.fields, endpoint  # multipart: same parts in the same order
        # In process, too: the command's builder gives the tab's body and uploads.
        flags = dict(zip(args[::2], args[1::2]))
        [built] = build_jobs(endpoint, model=flags.get("--model"), prompt=flags.get("--prompt"),
                             params=params(args), files=[a for f, a in zip(args, args[1:]) if f == "--file"],
                             mask=flags.get("--mask"))
        assert built.body == jobs[0].body and built.uploads == jobs[0].uploads, endpoint
