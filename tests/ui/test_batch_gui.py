"""The Batch dialog and batch list, driven like a user: a CSV in, a typo flagged before
anything is sent, Start, the rows in the job table (filterable by batch), the batch list
finishing, the automatic CSV in the results folder and an export from the Export dialog;
then pause/cancel/re-run failed from the list's buttons; a batch's end shown while its
record is written in a worker thread."""
from __future__ import annotations

import gc
import json

import pytest
from PySide6.QtCore import Qt
from tabs_support import listed_models

from gui.core.batch.states import RunState
from gui.core.batch.table import read_table

pytestmark = pytest.mark.usefixtures("qt_loop")


def write_csv(path, n: int) -> None:
    rows = ["question,lang,empty"] + [f'"Q{i}: what is ""{i}"", really?",{"de" if i % 2 else "en"},' for i in range(1, n + 1)]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode())


def open_dialog(qtbot, window, source):
    dialog = window.batches.new_batch()
    with qtbot.waitSignal(dialog.tableLoaded, timeout=5000):
        dialog.load(source)
    qtbot.waitUntil(lambda: not window.catalog.loading and bool(listed_models(dialog.model_picker)), timeout=10000)
    return dialog


def test_from_a_csv_to_a_finished_batch_and_an_exported_csv(main_window, qtbot, sandbox, tmp_path, run_async):
    window = main_window
    source = tmp_path / "questions.csv"
    write_csv(source, 40)
    dialog = open_dialog(qtbot, window, source)
    assert "40 rows" in dialog.info_label.text() and "comma" in dialog.info_label.text()
    assert dialog.out_edit.text() == str(tmp_path / "questions-results")

    dialog.system_edit.setPlainText("Answer in {lang}.")
    dialog.template_edit.setPlainText("Please answer: {questoin}")
    qtbot.waitUntil(lambda: "{questoin}" in dialog.problems_label.text(), timeout=2000)
    assert "{questoin}" in dialog.problems_label.text() and not dialog.start_button.isEnabled()
    assert "questoin" in dialog.preview.toHtml() and "fadbd8" in dialog.preview.toHtml()  # marked in the preview
    assert dialog.start() is None and not [r for r in sandbox.requests if r.method == "POST"]

    dialog.template_edit.clear()
    qtbot.keyClicks(dialog.template_edit, "Please answer: ")
    qtbot.mouseClick(dialog.columns_layout.itemAt(1).widget(), Qt.MouseButton.LeftButton)  # the {question} chip
    assert dialog.template_edit.toPlainText() == "Please answer: {question}"
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=2000)
    assert "Answer in de." in dialog.preview.toPlainText() and 'Q1: what is "1", really?' in dialog.preview.toPlainText()
    qtbot.waitUntil(lambda: "input tokens" in dialog.summary_label.text() and "about" in dialog.summary_label.text(),
                    timeout=3000)
    assert dialog.summary_label.text().startswith("40 rows")

    controller = window.batches
    with qtbot.waitSignal(controller.finished, timeout=30000) as done:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    run = done.args[0]
    assert run.state is RunState.FINISHED and run.progress().done == 40
    posts = [r.json for r in sandbox.requests if r.method == "POST"]
    assert len(posts) == 40 and posts[0]["messages"][0] == {"role": "system", "content": "Answer in de."}

    # The batch list and the job table's batch filter.
    row = controller.panel.rows[id(run)]
    # The row is redrawn on a coalesced timer: wait for the redraw after the run finished.
    qtbot.waitUntil(lambda: "40 done" in row.detail.text() and row.state.text() == "Finished", timeout=2000)
    assert not row.rerun_button.isEnabled()
    # After a restart the batch is restored idle; with every row answered it still reads finished.
    from gui.core.batch.run import BatchRun
    from gui.ui.batch.run_list import BatchRow

    restored = run_async(BatchRun.open(window.engine, run.plan))
    assert restored.state is RunState.IDLE
    again = BatchRow(restored, controller.panel.actions)
    qtbot.addWidget(again)
    assert again.state.text() == "Finished"
    # The ✕ (shown once a batch is over) keeps its room while hidden: a row is as tall running
    # as finished, so the list does not grow a scroll bar when the batch ends.
    idle_height = again.sizeHint().height()
    restored.state = RunState.RUNNING
    again.refresh()
    again.layout().activate()  # as the next event-loop pass would
    assert again.remove_button.isHidden() and again.sizeHint().height() == idle_height
    restored.state = RunState.IDLE
    qtbot.mouseClick(row.jobs_button, Qt.MouseButton.LeftButton)
    assert window.jobs.batch_combo.isVisible() and window.jobs.batch_combo.currentData() == run.plan.batch_id
    qtbot.waitUntil(lambda: window.jobs.model.rowCount() == 40, timeout=3000)

    # The automatic export: the input's format, into the results folder.
    auto = tmp_path / "questions-results" / "questions-results.csv"
    table = read_table(auto)
    assert [r[:3] for r in table.rows] == read_table(source).rows
    assert all(r[4] == "succeeded" and f"Q{i}:" in r[3] for i, r in enumerate(table.rows, start=1))

    # Export… → XLSX somewhere else.
    export = controller.export(run)
    export.format_combo.setCurrentIndex(1)
    target = tmp_path / "elsewhere" / "answers.xlsx"
    export.path_edit.setText(str(target))
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=5000)
    book = read_table(target)
    assert [r[:3] for r in book.rows] == [tuple(c or None for c in r) for r in read_table(source).rows]
    assert book.columns[3:] == ["text", "status", "error", "tokens", "latency", "model"]


def test_batch_list_buttons_pause_cancel_and_rerun_failed(main_window, qtbot, sandbox, tmp_path):
    window = main_window
    window.engine.scheduler.max_attempts = 1
    sandbox.config.latency = 0.05
    source = tmp_path / "q.csv"
    write_csv(source, 60)
    dialog = open_dialog(qtbot, window, source)
    dialog.template_edit.setPlainText("{question}")
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=2000)
    dialog.start()
    controller = window.batches
    qtbot.waitUntil(lambda: bool(controller.runs) and controller.runs[0].progress().finished >= 5, timeout=10000)
    run = controller.runs[0]
    row = controller.panel.rows[id(run)]
    row.pause_button.click()
    assert run.state is RunState.PAUSED and row.pause_button.text() == "Resume"
    qtbot.waitUntil(lambda: run.progress().in_flight == 0, timeout=5000)
    held = run.progress().remaining
    qtbot.wait(300)
    assert run.progress().remaining == held > 0  # nothing more was handed over while paused
    sandbox.config.failure_rate = 0.5
    sandbox.config.latency = 0.3  # slow enough that Cancel comes before the end
    before = run.progress().finished
    row.pause_button.click()  # Resume
    qtbot.waitUntil(lambda: run.progress().finished >= before + 8, timeout=10000)
    sandbox.config.latency = 5.0  # rows sent from now on are still held when Cancel comes,
    assert run.state is RunState.RUNNING  # however slow the machine is
    assert run.progress().remaining > 8
    with qtbot.waitSignal(controller.finished, timeout=10000):
        row.cancel_button.click()
    assert run.state is RunState.CANCELLED
    p = run.progress()
    assert p.failed > 0 and p.done + p.failed < 60

    sandbox.reset()
    qtbot.waitUntil(row.rerun_button.isEnabled, timeout=2000)
    with qtbot.waitSignal(controller.finished, timeout=20000):
        row.rerun_button.click()
    assert run.progress().done == 60
    lines = [json.loads(x) for x in run.out_path.read_text().splitlines()]
    assert [x["custom_id"] for x in lines] == [f"row-{i}" for i in range(1, 61)]
    assert len(window.engine.store.jobs(batch_id=run.plan.batch_id)) == 60  # merged: one job per row


def test_the_watch_folder_setting_transcribes_a_file_dropped_in_once(main_window, qtbot, sandbox, tmp_path):
    from PySide6.QtCore import QSettings
    from media import wav

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    QSettings().setValue("watch/settle", 0.2)
    dialog = main_window.batches.watch.edit()
    dialog.enabled.setChecked(True)
    dialog.folder_edit.setText(str(inbox))
    dialog.params_edit.setText('{"language": "en"}')
    assert dialog.save()
    (inbox / "interview.wav").write_bytes(wav(0.5))
    transcript = inbox / "interview.transcript.txt"
    qtbot.waitUntil(transcript.exists, timeout=10000)
    qtbot.wait(800)
    uploads = [r for r in sandbox.requests if r.method == "POST"]
    assert len(uploads) == 1
    main_window.batches.watch.folder.close()


def test_batches_come_back_in_the_next_session(main_window, qtbot, sandbox, tmp_path):
    from gui.ui.window.main_window import MainWindow

    source = tmp_path / "q.csv"
    write_csv(source, 5)
    dialog = open_dialog(qtbot, main_window, source)
    dialog.template_edit.setPlainText("{question}")
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=2000)
    with qtbot.waitSignal(main_window.batches.finished, timeout=10000):
        dialog.start()

    again = MainWindow(main_window.engine, "Sandbox")  # a new session's window (same store)
    qtbot.addWidget(again)
    try:
        qtbot.waitUntil(lambda: len(again.batches.runs) == 1, timeout=5000)
        run = again.batches.runs[0]
        assert run.state is RunState.IDLE and run.progress().done == 5 and run.plan.name == "q.csv"
        assert again.jobs.batch_combo.count() == 2
    finally:
        again.close_without_asking()


def test_a_batch_into_a_folder_in_use_is_refused_naming_the_process(main_window, qtbot, sandbox, tmp_path):
    import os

    from gui.core.batch.folder_lock import FolderLock
    from gui.core.batch.headless import make_plan

    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_csv(source, 3)
    plan = make_plan(source, out, model="Llama-3.3-70B-Instruct", template="{question}")
    messages: list[str] = []
    main_window.batches.message.connect(messages.append)
    with FolderLock(out):  # as a `queue-desk batch` into the same folder holds it
        main_window.batches.start_plan(plan)
        qtbot.waitUntil(lambda: any("Another Queue Desk process" in m for m in messages), timeout=5000)
    assert f"pid {os.getpid()}" in messages[-1] and not main_window.batches.runs
    assert not [r for r in sandbox.requests if r.method == "POST"]


def test_the_batch_dialog_cannot_send_the_same_text_for_every_row(main_window, qtbot, tmp_path):
    window = main_window
    dialog = window.batches.new_batch()
    assert "first rows appear here" in dialog.preview.toPlainText()  # before a file: what to do
    source = tmp_path / "questions.csv"
    write_csv(source, 3)
    dialog.source_edit.setText(str(source))  # typed or pasted, not only picked
    with qtbot.waitSignal(dialog.tableLoaded, timeout=5000):
        dialog.source_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: not window.catalog.loading and bool(listed_models(dialog.model_picker)), timeout=10000)
    assert dialog.template_edit.toPlainText() == "" and not dialog.start_button.isEnabled()
    dialog.template_edit.setPlainText("Answer briefly.")  # no column: every row the same
    qtbot.waitUntil(lambda: "at least one column" in dialog.problems_label.text(), timeout=2000)
    assert not dialog.start_button.isEnabled()
    dialog.template_edit.setPlainText("Answer briefly: {question}")
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=2000)
    dialog.source_edit.setText(str(tmp_path / "nope.csv"))
    dialog.source_edit.editingFinished.emit()
    assert "does not exist" in dialog.problems_label.text() and not dialog.start_button.isEnabled()
    dialog.close()


def test_a_big_file_shows_its_first_rows_at_once_and_is_counted_in_the_background(main_window, qtbot, tmp_path):
    # Windows of earlier tests are collected here, on the GUI thread: the worker threads below
    # allocate enough to run the collector, and a Qt object must not be destroyed in one of them.
    gc.collect()
    source = tmp_path / "big.csv"
    with source.open("w", encoding="utf-8") as f:
        f.write("question\n")
        f.writelines(f"question {i}\n" for i in range(1, 300_001))
    dialog = main_window.batches.new_batch()
    qtbot.waitUntil(lambda: not main_window.catalog.loading and bool(listed_models(dialog.model_picker)), timeout=10000)
    dialog.template_edit.setPlainText("Answer: {question}")
    counted = []
    dialog.rowsCounted.connect(lambda: counted.append(dialog.info_label.text()))
    with qtbot.waitSignal(dialog.tableLoaded, timeout=5000):
        dialog.load(source)
    # The preview is there while the rows are still being counted (the count starts after it).
    assert not counted
    assert "Answer: question 1" in dialog.preview.toPlainText() and "counting" in dialog.preview.toPlainText()
    assert "counting rows" in dialog.info_label.text() and dialog.summary_label.text() == "Counting rows…"
    assert not dialog.start_button.isEnabled() and dialog.start() is None  # not before every row is read
    with qtbot.waitSignal(dialog.rowsCounted, timeout=60000):
        pass
    assert counted[0].startswith("300,000 rows") and dialog.summary_label.text().startswith("300,000 rows")
    assert dialog.template_edit.toPlainText() == "Answer: {question}"  # the form kept as it was
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=5000)
    assert "299,995 more rows" in dialog.preview.toPlainText()
    qtbot.waitUntil(lambda: "input tokens" in dialog.summary_label.text(), timeout=30000)  # estimated in a thread
    dialog.close()


def test_the_list_shows_a_finished_batch_writing_its_results_while_the_window_goes_on(
        main_window, qtbot, sandbox, tmp_path, monkeypatch):
    import threading

    from PySide6.QtCore import QTimer

    from gui.core.batch.headless import make_plan
    from gui.core.batch.record import Record

    started, release, calls = threading.Event(), threading.Event(), []
    write = Record.write_ordered

    def held(record, pending):
        calls.append(threading.current_thread())
        if len(calls) > 1:  # the first is the run opening; then the one when it ends
            started.set()
            release.wait(5)  # on the event loop (the defect) this would freeze the window
        return write(record, pending)

    monkeypatch.setattr(Record, "write_ordered", held)
    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_csv(source, 20)
    controller = main_window.batches
    controller.start_plan(make_plan(source, out, model="Llama-3.3-70B-Instruct", template="{question}"))
    qtbot.waitUntil(started.is_set, timeout=20000)
    run = controller.runs[0]
    row = controller.panel.rows[id(run)]
    beats: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: beats.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: row.state.text() == "Writing results…" and len(beats) > 5, timeout=2000)
    assert "20 done" in row.detail.text() and not row.remove_button.isVisible()
    assert not (row.pause_button.isEnabled() or row.cancel_button.isEnabled() or row.rerun_button.isEnabled())
    with qtbot.waitSignal(controller.finished, timeout=10000):
        release.set()
    timer.stop()
    qtbot.waitUntil(lambda: row.state.text() == "Finished", timeout=2000)
    assert threading.main_thread() not in calls
    lines = [json.loads(x) for x in run.out_path.read_text().splitlines()]
    assert [x["custom_id"] for x in lines] == [f"row-{i}" for i in range(1, 21)]


def test_a_batch_another_process_runs_is_summed_up_as_running_there_not_failed(
        main_window, qtbot, sandbox, home, tmp_path):
    from test_batch_crash import batch_args, start, states, wait_for

    from gui.core.batch.plan import MANIFEST_NAME
    from gui.ui.runtime import settings as app_settings
    from gui.ui.runtime.settings import Key

    source, out = tmp_path / "q.csv", tmp_path / "out"
    write_csv(source, 30)
    sandbox.config.latency = 0.4
    cli = start(batch_args(sandbox, source, out, "--concurrency", "3"), home)  # a `queue-desk batch` beside the window
    try:
        wait_for(lambda: (out / MANIFEST_NAME).exists() and states(home).count("succeeded") >= 3)
        messages: list[str] = []
        controller = main_window.batches
        controller.message.connect(messages.append)
        app_settings.put(Key.BATCH_FOLDERS, [str(out)])
        with qtbot.waitSignal(controller.finished, timeout=20000):  # the rows it saw running have ended
            controller.restore()
        assert cli.poll() is None  # while the command runs the rest
        assert f"being run by another Queue Desk process (pid {cli.pid})" in messages[-1]
        assert "Results:" not in messages[-1]  # its folder is the command's to write
    finally:
        stdout, stderr = cli.communicate(timeout=60)
    assert cli.returncode == 0, stderr
