"""A LiteLLM-style model list (`mode` instead of `meta_data.model_type`): each tab's picker
preselects a model of its own type, e.g. the Embeddings tab an embedding model, not the
first chat model."""
from __future__ import annotations

import json

import pytest
from hostile import Hostile, json_answer

from gui.core.endpoints import Endpoint

MODELS = {"object": "list", "data": [{"id": "mock-chat", "mode": "chat"}, {"id": "mock-stt", "mode": "audio_transcription"},
                                     {"id": "mock-embed", "mode": "embedding"}, {"id": "mock-img", "mode": "image_generation"}]}


@pytest.mark.parametrize(("endpoint", "expected"), [
    (Endpoint.EMBEDDINGS, "mock-embed"), (Endpoint.TRANSCRIPTIONS, "mock-stt"), (Endpoint.IMAGES, "mock-img"),
    (Endpoint.CHAT, "mock-chat"),
])
def test_each_picker_preselects_a_model_of_its_type_from_litellm_modes(qt_loop, qtbot, run_async, endpoint, expected):
    from PySide6.QtWidgets import QWidget

    from gui.core.api.client import QueueClient
    from gui.ui.widgets.model_picker import ModelCatalog, ModelPicker

    with Hostile() as gateway:
        gateway.on("/v1/models", json_answer(json.dumps(MODELS).encode()))
        client = QueueClient(gateway.origin + "/v1", "sk-test")
        owner = QWidget()
        qtbot.addWidget(owner)
        try:
            catalog = ModelCatalog(client, parent=owner)
            picker = ModelPicker(catalog, endpoint.spec.model_type, endpoint.spec.default_model, owner)
            catalog.refresh()
            qtbot.waitUntil(lambda: bool(catalog.models) and not catalog.loading, timeout=5000)
            assert picker.current_model() == expected
        finally:
            run_async(client.aclose())
