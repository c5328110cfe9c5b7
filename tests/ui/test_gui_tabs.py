"""Every endpoint tab round-trips against the sandbox: fill the form, submit, the right
preview appears, saving writes the right file with the right content; every body a tab
builds is checked against the schemas in tests/schemas/."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from npy_support import read_npy
from PySide6.QtCore import QPoint, Qt
from schemas.check import assert_valid
from tabs_support import listed_models, make_png, show_in_preview, wait_done, wait_models

from gui.core.endpoints import Endpoint
from gui.core.jobs.job import JobState
from gui.core.jobs.results import extract_text
from gui.ui.tabs.audio import TranscriptionTab, TranslationTab
from gui.ui.tabs.chat import ChatTab
from gui.ui.tabs.completions import CompletionsTab
from gui.ui.tabs.embeddings import EmbeddingsTab
from gui.ui.tabs.image import ImageGenerationTab
from gui.ui.tabs.image_edit import ImageEditTab
from gui.ui.tabs.models import ModelsTab

pytestmark = pytest.mark.usefixtures("qt_loop")


def submit_and_wait(qtbot, window, tab):
    jobs = tab.submit_jobs()
    assert jobs, tab.problem.text() or [label.text() for label in tab._field_errors.values() if label.text()]
    for job in jobs:
        assert_valid(tab.endpoint, job.body, job.uploads)
    done = wait_done(qtbot, window, jobs)
    assert all(j.state is JobState.SUCCEEDED for j in done), [j.error for j in done]
    show_in_preview(qtbot, window, done[0])
    return done


def posted(sandbox, path: str):
    return [r for r in sandbox.requests if r.method == "POST" and r.path == "/queue" + path]


def visible_ids(view) -> list[str]:
    return [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]


def test_chat_conversation_settings_and_advanced(main_window, qtbot, sandbox, tmp_path):
    window = main_window
    wait_models(qtbot, window)
    tab = window.tab(ChatTab)
    conv = tab.conversation
    tab.system_edit.setPlainText("Be brief.")
    tab.user_edit.setPlainText("First question")
    conv.add_message("assistant", "First answer")
    last = conv.add_message("user", "Follow-up")
    extra = conv.add_message("user", "to be removed")
    conv.remove(extra)
    conv.move(last, -1)
    conv.move(last, 1)  # and back
    tab.max_tokens.setValue(300)
    tab.temperature.setValue(0.4)
    tab.top_p.setValue(0.8)
    tab.seed.setText("42")
    tab.stop.setText("END|\\n\\n")
    tab.json_mode.setChecked(True)
    assert tab.json_hint.isVisibleTo(tab)  # no message says JSON yet
    tab.user_edit.setPlainText("Follow-up, answer in JSON")
    assert not tab.json_hint.isVisibleTo(tab)
    tab.advanced.edit.setPlainText('{"presence_penalty": 0.5, "temperature": 0.2}')
    [job] = submit_and_wait(qtbot, window, tab)
    assert job.body == {
        "model": tab.model_picker.current_model(),
        "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "First question"},
                     {"role": "assistant", "content": "First answer"},
                     {"role": "user", "content": "Follow-up, answer in JSON"}],
        "max_tokens": 300, "temperature": 0.2, "top_p": 0.8, "stop": ["END", "\n\n"], "seed": 42,
        "response_format": {"type": "json_object"}, "presence_penalty": 0.5,
    }
    assert posted(sandbox, "/chat/completions")[-1].json == job.body
    preview = window.preview
    expected = extract_text(Endpoint.CHAT, json.loads(Path(job.result_path).read_bytes()))
    qtbot.waitUntil(lambda: preview.text == expected, timeout=5000)  # read off the GUI thread
    assert preview.views.currentWidget() is preview.browser
    assert re.search(r"prompt \d+, completion \d+, total \d+", preview.header.text())  # the usage, named
    saved = preview.save_as(tmp_path / "answer.md")
    assert saved.read_text(encoding="utf-8") == expected


def test_completions_round_trip(main_window, qtbot, sandbox, tmp_path):
    window = main_window
    wait_models(qtbot, window)
    tab = window.tab(CompletionsTab)
    tab.prompt.setPlainText("Once upon a time")
    tab.n.setValue(2)
    tab.echo.setChecked(True)
    tab.stop.setText(".")
    [job] = submit_and_wait(qtbot, window, tab)
    assert job.body == {"model": tab.model_picker.current_model(), "prompt": "Once upon a time", "max_tokens": 256,
                        "temperature": 1.0, "n": 2, "stop": ["."], "echo": True}
    answer = json.loads(Path(job.result_path).read_bytes())
    assert len(answer["choices"]) == 2 and answer["choices"][0]["text"].startswith("Once upon a time")
    qtbot.waitUntil(lambda: window.preview.text == extract_text(Endpoint.COMPLETIONS, answer), timeout=5000)
    assert window.preview.save_as(tmp_path / "c.txt").read_text() == window.preview.text


def test_embeddings_preview_heat_map_and_files(main_window, qtbot, tmp_path, monkeypatch):
    window = main_window
    wait_models(qtbot, window)
    tab = window.tab(EmbeddingsTab)
    source = tmp_path / "inputs.txt"
    source.write_text("the cat sat on the mat\n\na cat on a mat\nstock prices fell\n", encoding="utf-8")
    assert tab.load_file(source)
    assert tab.count.text() == "3 inputs"
    [job] = submit_and_wait(qtbot, window, tab)
    assert job.body["input"] == ["the cat sat on the mat", "a cat on a mat", "stock prices fell"]
    view = window.preview.embeddings
    assert window.preview.views.currentWidget() is view
    qtbot.waitUntil(lambda: view.embeddings is not None, timeout=5000)
    emb = view.embeddings
    assert "<b>3</b> vectors" in view.summary.text() and "<b>1024</b> dimensions" in view.summary.text()
    assert view.table.rowCount() == 3 and view.table.item(0, 1).text() == "1.0000"
    assert view.table.item(1, 3).text() == "a cat on a mat"
    assert view.table.item(0, 2).text().count(",") == 5  # five values and "…"
    matrix = view.heat_map.matrix
    assert len(matrix) == 3 and all(abs(matrix[i][i] - 1) < 1e-6 for i in range(3))
    assert matrix[0][1] > matrix[0][2]  # shared words are closer
    view.heat_map.resize(300, 300)
    cell = view.heat_map.cell_at(QPoint(28 + 5, 28 + 5))
    tip = view.heat_map.tooltip(0, 1)
    assert cell == (0, 0) and f"cosine similarity {matrix[0][1]:.4f}" in tip and "2: a cat on a mat" in tip
    assert view.heat_map.grab().width() > 0  # paints without error
    saved_json = view.save_as(tmp_path / "v.json")
    assert json.loads(saved_json.read_text())["data"][2]["embedding"] == emb.vectors[2]
    saved_csv = view.save_as(tmp_path / "v.csv")
    lines = saved_csv.read_text().splitlines()
    assert len(lines) == 4 and lines[0].count(",") == 1 + 1024
    shape, values = read_npy(view.save_as(tmp_path / "v.npy").read_bytes())
    assert shape == (3, 1024) and values[:1024] == emb.vectors[0]
    assert window.preview.message.text() == f"Saved to {tmp_path / 'v.npy'}"
    from PySide6.QtWidgets import QFileDialog

    opened = []
    monkeypatch.setattr(QFileDialog, "open", lambda self, *a: opened.append(self))
    assert window.preview.save()  # Ctrl+S: the view's own save()
    assert [d.selectedNameFilter() for d in opened] == ["JSON (*.json)"]


def test_image_generation_gallery_fit_zoom_and_save(main_window, qtbot, sandbox, tmp_path):
    window = main_window
    wait_models(qtbot, window)
    tab = window.tab(ImageGenerationTab)
    tab.prompt.setPlainText("A lighthouse at dusk")
    tab.n.setValue(2)
    tab.size.setCurrentText("96x64")
    tab.quality.setCurrentText("high")
    [job] = submit_and_wait(qtbot, window, tab)
    assert job.body == {"model": "gpt-image-1", "prompt": "A lighthouse at dusk", "n": 2, "size": "96x64",
                        "quality": "high"}
    gallery = window.preview.gallery
    assert window.preview.views.currentWidget() is gallery
    qtbot.waitUntil(lambda: len(gallery.images) == 2, timeout=5000)
    assert gallery.thumbs.count() == 2 and "sandbox rendering" in gallery.caption.text()
    gallery.set_zoom(1.0)
    assert gallery.picture.pixmap().size().width() == 96 and "100% · 96×64" in gallery.zoom_label.text()
    gallery.zoom_in.click()
    assert gallery.picture.pixmap().width() == 120
    gallery.fit_button.click()
    assert gallery.zoom is None and gallery.fit_button.isChecked()
    gallery.thumbs.setCurrentRow(1)
    png = gallery.save_as(tmp_path / "second.png")
    assert png.read_bytes() == (Path(job.result_path).parent / "image-2.png").read_bytes()
    jpg = gallery.save_as(tmp_path / "second.jpg")
    assert jpg.read_bytes()[:3] == b"\xff\xd8\xff"  # converted to what the name says


def test_url_results_are_downloaded_and_shown(main_window, qtbot, tmp_path):
    window = main_window
    wait_models(qtbot, window)
    tab = window.tab(ImageGenerationTab)
    tab.prompt.setPlainText("url please")
    tab.size.setCurrentText("32x32")
    tab.advanced.edit.setPlainText('{"response_format": "url"}')
    [job] = submit_and_wait(qtbot, window, tab)
    assert job.body["response_format"] == "url"
    assert (Path(job.result_path).parent / "image-1.png").exists()
    qtbot.waitUntil(lambda: len(window.preview.gallery.images) == 1, timeout=5000)


def test_image_edit_with_mask(main_window, qtbot, sandbox, tmp_path):
    window = main_window
    wait_models(qtbot, window)
    tab = window.tab(ImageEditTab)
    image = make_png(tmp_path / "photo.png", 80, 60)
    assert tab.add_images([str(image)]) == [str(image)]
    assert tab.set_mask(str(make_png(tmp_path / "mask.png", 80, 60)))
    qtbot.waitUntil(lambda: not tab.images.item(0).icon().isNull(), timeout=3000)
    assert "80×60" in tab.images.item(0).text() and "80×60" in tab.mask_label.text()
    tab.prompt.setPlainText("Add a red boat")
    [job] = submit_and_wait(qtbot, window, tab)
    assert job.body == {"model": "gpt-image-1", "prompt": "Add a red boat"}
    assert [u.field for u in job.uploads] == ["image", "mask"]
    assert posted(sandbox, "/images/edits")[-1].fields == ["model", "prompt", "image", "mask"]
    gallery = window.preview.gallery
    qtbot.waitUntil(lambda: len(gallery.images) == 1, timeout=5000)
    assert gallery.images[0].width() == 80  # "auto" keeps the image's size


def test_models_tab_table_filter_and_job(main_window, qtbot, sandbox):
    from gui.sandbox import MODELS

    window = main_window
    wait_models(qtbot, window)
    tab = window.tab(ModelsTab)
    view = tab.view
    headers = [view.model.headerData(i, Qt.Orientation.Horizontal) for i in range(view.model.columnCount())]
    assert headers[:3] == ["Model id", "Type", "Name"]
    assert {"Hidden size", "Deployment region", "Max sequence length", "Model lifecycle stage"} <= set(headers)
    assert sorted(visible_ids(view)) == sorted(m.id for m in MODELS)
    view.type_box.setCurrentText("EMBEDDING")
    assert sorted(visible_ids(view)) == ["jina-embeddings-v2-base-de", "text-embedding-bge-m3"]
    hidden = view.model.columns.index("hidden_size")
    row = view.proxy.index(0, hidden)
    assert row.data() in ("1 024", "768") or row.data().isdigit()
    view.type_box.setCurrentText("All types")
    view.filter_edit.setText("whisper")
    assert sorted(visible_ids(view)) == ["whisper-large-v3", "whisper-large-v3-turbo"]
    assert view.count.text() == f"2 of {len(MODELS)}"
    job = tab.submit()
    [done] = wait_done(qtbot, window, [job])
    show_in_preview(qtbot, window, done)
    assert window.preview.views.currentWidget() is window.preview.models
    assert len(visible_ids(window.preview.models)) == len(MODELS)


def test_each_tab_offers_its_model_type_first(main_window, qtbot):
    from gui.sandbox import MODELS

    window = main_window
    wait_models(qtbot, window)
    kinds = {m.id: m.type.value for m in MODELS}
    for tab_class, kind in ((ChatTab, "LLM"), (CompletionsTab, "LLM"), (EmbeddingsTab, "EMBEDDING"),
                            (TranscriptionTab, "STT"), (TranslationTab, "STT"), (ImageGenerationTab, "IMAGE"),
                            (ImageEditTab, "IMAGE")):
        picker = window.tab(tab_class).model_picker
        assert kinds[listed_models(picker)[0]] == kind and kinds[picker.current_model()] == kind

