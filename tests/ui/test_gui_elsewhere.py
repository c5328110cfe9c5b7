"""The window sees another process's work live: a job submitted by `queue-desk submit` on
the same data folder appears in the open window's table, and its changes follow, within a
second, without restarting the window."""
from __future__ import annotations

import os
import subprocess
import sys
import time

from gui.core.jobs.job import JobState


def test_a_cli_job_appears_and_finishes_in_the_open_window(main_window, qtbot, sandbox, home):
    model = main_window.model
    sandbox.config.latency = 2.0
    env = dict(os.environ, QUEUE_DESK_HOME=str(home), OPENAI_API_KEY="sk-test")
    proc = subprocess.Popen([sys.executable, "-m", "gui", "submit", "chat", "--base-url", sandbox.url,
                             "--prompt", "from the command line"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=15_000)
        job = model.job_at(0)
        assert job.summary == "from the command line" and job.state is not JobState.SUCCEEDED
        assert sum(n for s, n in model.counts.items() if s.in_flight or s is JobState.QUEUED) == 1  # Running/Queued
        assert proc.wait(30) == 0
        finished = time.monotonic()
        qtbot.waitUntil(lambda: model.job_at(0).state is JobState.SUCCEEDED, timeout=5_000)
        assert time.monotonic() - finished < 1.5  # within a second or so of being stored
        assert model.rowCount() == 1
        assert sum(n for s, n in model.counts.items() if s.in_flight or s is JobState.QUEUED) == 0
    finally:
        proc.kill()
        proc.wait(10)
