"""The job store: WAL, every transition recorded, legal lifecycle, crash recovery, time-ordered job ids."""
from __future__ import annotations

import pytest

from gui.core.api.wire import Upload
from gui.core.endpoints import Endpoint
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.store import IllegalTransition, JobStore


def chat_job(prompt: str = "hello") -> Job:
    return Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user", "content": prompt}]})


def test_store_runs_in_wal_mode_and_round_trips_a_job(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite3")
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    job = Job(Endpoint.TRANSCRIPTIONS, {"model": "whisper-large-v3"}, [Upload("file", "/data/a.wav")],
              batch_id="b1", custom_id="row-1")
    store.add(job)
    store.close()

    again = JobStore(tmp_path / "jobs.sqlite3").get(job.id)
    assert again is not None
    assert again.endpoint is Endpoint.TRANSCRIPTIONS
    assert again.uploads == [Upload("file", "/data/a.wav")]
    assert (again.batch_id, again.custom_id, again.state) == ("b1", "row-1", JobState.QUEUED)
    assert again.summary == "a.wav"


def test_every_transition_is_recorded_with_its_time(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite3")
    job = store.add(chat_job())
    store.transition(job, JobState.WAITING, attempts=1)
    store.transition(job, JobState.RETRYING, "429", error="slow down")
    store.transition(job, JobState.WAITING, attempts=2)
    store.transition(job, JobState.SUCCEEDED, result_path="/r/response.json", error=None)

    history = store.history(job.id)
    assert [t.state for t in history] == [
        JobState.QUEUED, JobState.WAITING, JobState.RETRYING, JobState.WAITING, JobState.SUCCEEDED
    ]
    assert [t.attempt for t in history] == [0, 1, 1, 2, 2]
    assert all(a.at <= b.at for a, b in zip(history, history[1:]))
    stored = store.get(job.id)
    assert stored.state is JobState.SUCCEEDED and stored.attempts == 2
    assert stored.finished_at is not None and stored.started_at is not None
    assert stored.result_path == "/r/response.json" and stored.error is None


def test_illegal_transitions_are_refused(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite3")
    job = store.add(chat_job())
    with pytest.raises(IllegalTransition):
        store.transition(job, JobState.SUCCEEDED)  # never sent: cannot have succeeded
    store.transition(job, JobState.WAITING)
    store.transition(job, JobState.FAILED, error="x")
    with pytest.raises(IllegalTransition):
        store.transition(job, JobState.WAITING)  # must be queued again first


def test_recover_marks_in_flight_jobs_interrupted_and_resumes_polling(tmp_path):
    path = tmp_path / "jobs.sqlite3"
    store = JobStore(path)
    queued, waiting, polling, done = (store.add(chat_job(str(i))) for i in range(4))
    store.transition(waiting, JobState.WAITING)
    store.transition(polling, JobState.WAITING)
    store.transition(polling, JobState.POLLING, server_job_id="job_1", status_url="http://h/queue/jobs/job_1")
    store.transition(done, JobState.WAITING)
    store.transition(done, JobState.SUCCEEDED)
    store.close()  # as if the app had been killed here

    store = JobStore(path)
    interrupted, to_poll = store.recover()
    assert {j.id for j in interrupted} == {queued.id, waiting.id}
    assert [j.id for j in to_poll] == [polling.id]
    assert to_poll[0].status_url == "http://h/queue/jobs/job_1"
    assert store.get(waiting.id).state is JobState.INTERRUPTED
    assert store.get(done.id).state is JobState.SUCCEEDED
    assert store.count() == 4


def test_newer_schema_is_refused_with_a_plain_message(tmp_path):
    path = tmp_path / "jobs.sqlite3"
    store = JobStore(path)
    store._db.execute("PRAGMA user_version=99")
    store.close()
    with pytest.raises(RuntimeError, match="newer Queue Desk"):
        JobStore(path)


def test_delete_removes_finished_jobs_their_timeline_and_results_only(tmp_path):
    store = JobStore(tmp_path / "jobs.sqlite3")
    done, failed, running = store.add(chat_job("a")), store.add(chat_job("b")), store.add(chat_job("c"))
    store.transition(done, JobState.WAITING)
    store.transition(done, JobState.SUCCEEDED)
    store.transition(failed, JobState.WAITING)
    store.transition(failed, JobState.FAILED, error="boom")
    store.transition(running, JobState.WAITING)
    for job in (done, failed, running):
        (store.results_dir / job.id).mkdir(parents=True)
        (store.results_dir / job.id / "response.json").write_text("{}")

    assert store.delete([done.id, running.id, "no-such-job", done.id]) == [done.id]
    assert store.get(done.id) is None and store.history(done.id) == []
    assert not (store.results_dir / done.id).exists()
    assert store.get(running.id).state is JobState.WAITING  # in flight: refused, results kept
    assert (store.results_dir / running.id / "response.json").is_file()
    assert store.delete([failed.id]) == [failed.id] and store.count() == 1


def test_the_summary_of_several_embeddings_inputs_is_their_text():
    job = Job(Endpoint.EMBEDDINGS, {"model": "m", "input": ["Invoice overdue", "Payment received"]})
    assert job.summary == "Invoice overdue · Payment received"


def test_job_ids_sort_in_the_order_jobs_were_made_even_within_a_millisecond_and_across_threads():
    """Time first (the store's id indexes grow at one end), unique however fast they come."""
    from concurrent.futures import ThreadPoolExecutor

    from gui.core.jobs.job import new_job_id

    ids = [new_job_id() for _ in range(20_000)]  # thousands per millisecond
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert all(len(i) == 24 and int(i, 16) >= 0 for i in ids[:100])
    with ThreadPoolExecutor(4) as pool:
        made = list(pool.map(lambda _: [new_job_id() for _ in range(5_000)], range(4)))
    together = [i for part in made for i in part]
    assert len(set(together)) == len(together) and all(part == sorted(part) for part in made)
    assert min(together) > ids[-1]
    jobs = [chat_job() for _ in range(3)]
    assert [j.id for j in jobs] == sorted(j.id for j in jobs) and len({j.short_id for j in jobs}) == 3
