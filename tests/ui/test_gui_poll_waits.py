"""The status bar says when jobs wait between status polls because the server asked
(Retry-After on a 202 job's status), as it does for the rate limit, and clears it when none
waits."""
from __future__ import annotations

import json
import re

import pytest
from hostile import Answer, Hostile, json_answer

from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job, JobState

pytestmark = pytest.mark.usefixtures("qt_loop")

DONE = json.dumps({"status": "completed", "result": {"choices": [{"message": {"role": "assistant",
                                                                             "content": "done"}}]}}).encode()


def accepted(path: str) -> Answer:
    return Answer(202, b'{"id": "j", "status": "queued"}', {"Content-Type": "application/json", "Location": path})


def test_the_status_bar_counts_the_jobs_a_server_asked_to_wait(qtbot, qt_settings, home, run_async):
    from gui.ui.window.main_window import MainWindow

    with Hostile() as server:
        server.on("/queue/chat/completions", accepted("/queue/s/a"), accepted("/queue/s/b"), accepted("/queue/s/c"))
        in_progress = json_answer(b'{"status": "in_progress"}', **{"Retry-After": "3"})
        server.on("/queue/s/a", in_progress, json_answer(DONE))
        server.on("/queue/s/b", in_progress, json_answer(DONE))
        server.on("/queue/s/c", json_answer(b'{"status": "in_progress"}', **{"Retry-After": "40"}))
        engine = Engine.open(server.origin + "/queue", "sk-test", home=home)
        window = MainWindow(engine, "Hostile")
        qtbot.addWidget(window)
        window.show()
        try:
            label = window.queue.label
            chat = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
            jobs = engine.scheduler.submit_many([Job(Endpoint.CHAT, chat) for _ in range(2)])
            qtbot.waitUntil(lambda: label.text().startswith("Checking 2 jobs again within "), timeout=5000)
            assert re.fullmatch(r"Checking 2 jobs again within [0-3](\.\d)? s, as the server asked", label.text())
            qtbot.waitUntil(lambda: all(j.state is JobState.SUCCEEDED for j in jobs), timeout=10000)
            qtbot.waitUntil(lambda: label.text() == "", timeout=2000)  # none waits: cleared

            last = engine.scheduler.submit(Job(Endpoint.CHAT, chat))
            qtbot.waitUntil(lambda: re.fullmatch(r"Checking 1 job again in (39|40) s, as the server asked",
                                                 label.text()), timeout=5000)
            engine.scheduler.cancel(last.id)  # a cancelled poll takes its wait along
            qtbot.waitUntil(lambda: label.text() == "", timeout=2000)
        finally:
            window.close_without_asking()
            run_async(engine.aclose())
