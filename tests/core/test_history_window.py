"""The history as a table reads it: the order of the matching jobs as seqs (filtered and
sorted in SQL, a recording's pieces left out) and jobs by seq in blocks, a few kept."""
from __future__ import annotations

import time

from gui.core.endpoints import Endpoint
from gui.core.jobs.history import HistoryReader, HistoryWindow, View, count_by_state, position
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.store import JobStore


def chat(text: str, **fields) -> Job:
    return Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": text}]}, **fields)


def test_order_filter_sort_and_blocks(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite3")
    jobs = [chat(f"question {i}", attempts=i % 3, state=JobState.FAILED if i % 10 == 0 else JobState.SUCCEEDED)
            for i in range(600)]
    store.add_many(jobs)
    store.add(chat("a piece", parent_id=jobs[0].id))
    below = store.next_seq()
    reader = HistoryReader(store.path)
    try:
        newest = reader.order(View(), below, time.time())
        assert len(newest) == 600 and list(newest) == sorted(newest, reverse=True)  # no piece, newest first
        assert list(reader.newest(3, below)) == list(newest[:3])
        assert len(reader.order(View(search="question 59"), below, time.time())) == 11  # 59, 590-599
        failed = reader.order(View(search="fail", search_values={"state": ["failed"]}), below, time.time())
        assert len(failed) == 60
        by_attempts = reader.order(View(sort="attempts", descending=True), below, time.time())
        window = HistoryWindow(reader, lambda j: j)
        window.take(by_attempts, natural=False)
        got = [window.job(p).attempts for p in range(600)]
        assert got == sorted(got, reverse=True)
        assert len(window._blocks) <= window.BLOCKS and window.job(599) is not None
        assert window.position(by_attempts[123]) == 123
        assert position(newest, newest[456], True) == 456 and position(newest, -5, True) is None
        assert count_by_state(store.path) == {JobState.FAILED: 60, JobState.SUCCEEDED: 540}  # not the queued piece
    finally:
        reader.close()
        store.close()
