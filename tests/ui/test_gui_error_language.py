"""A job that failed while the window spoke one language reads in the language the window
speaks after a restart in the other: the Error cell and its tooltip, the preview's error and
timeline, the details dialog. The server's own words stay as the server wrote them."""
from __future__ import annotations

import html

import pytest
from tabs_support import show_in_preview, wait_done

from gui.core.endpoints import Endpoint
from gui.core.jobs.job import Job
from gui.ui.jobs.columns import COLUMN_INDEX

pytestmark = pytest.mark.usefixtures("qt_loop")

SERVER_SAID = "The model 'nope' does not exist or you do not have access to it."
# (the error's start, the timeline's attempt step)
WORDS = {"en": ("Not found (404). The server said: " + SERVER_SAID, "Waiting (attempt 1)"),
         "de": ("Nicht gefunden (404). Meldung des Servers: " + SERVER_SAID, "In Bearbeitung (Versuch 1)")}


@pytest.fixture
def speaking(qapp, qt_settings):
    """`speaking(language)`: the window's language from the next window on, as after a restart."""
    from gui.ui.runtime import language

    yield lambda chosen: language.install(qapp, chosen)
    language.install(qapp, "en")


def open_window(gui_engine, qtbot):
    from gui.ui.window.main_window import MainWindow

    window = MainWindow(gui_engine(concurrency=1), "Sandbox")
    qtbot.addWidget(window)
    window.show()
    return window


def error_cell(window, job_id: str, role=None) -> str:
    from PySide6.QtCore import Qt

    index = window.model.index(window.model.row_of(job_id), COLUMN_INDEX["error"])
    return window.model.data(index, role or Qt.ItemDataRole.DisplayRole)


@pytest.mark.parametrize("recorded, later", [("de", "en"), ("en", "de")])
def test_a_failed_job_reads_in_the_language_shown_after_a_restart(recorded, later, speaking, gui_engine, qtbot):
    from PySide6.QtCore import Qt

    speaking(recorded)
    first = open_window(gui_engine, qtbot)
    job = first.engine.scheduler.submit(Job(Endpoint.CHAT, {"model": "nope",
                                                            "messages": [{"role": "user", "content": "x"}]}))
    wait_done(qtbot, first, [job])
    assert error_cell(first, job.id).startswith(WORDS[recorded][0])
    first.close_without_asking()
    first.engine.store.flush()  # as closing the app does

    speaking(later)
    window = open_window(gui_engine, qtbot)
    qtbot.waitUntil(lambda: window.model.row_of(job.id) is not None, timeout=5000)
    assert error_cell(window, job.id).startswith(WORDS[later][0])
    assert error_cell(window, job.id, Qt.ItemDataRole.ToolTipRole).startswith(WORDS[later][0])

    show_in_preview(qtbot, window, job)
    meta = html.unescape(window.preview.header.text())
    assert WORDS[later][0] in meta and WORDS[later][1] in meta
    assert WORDS[recorded][0] not in meta and WORDS[recorded][1] not in meta
    assert "Server: " not in meta  # the message quotes the server's words already: not twice

    dialog = window.tools.actions.show_details()
    assert WORDS[later][0] in html.unescape(dialog.status.text())
    steps = [dialog.attempts.item(row, 3).text() for row in range(dialog.attempts.rowCount())]
    assert steps == ["", WORDS[later][1].split("(")[1][:-1], SERVER_SAID]
    dialog.close()
    window.close_without_asking()


@pytest.mark.parametrize("chosen, one, many", [("en", "Drop to transcribe 1 audio file, edit 2 images",
                                                 "Drop to transcribe 3 audio files, edit 1 image"),
                                                ("de", "1 Audiodatei transkribieren", "3 Audiodateien transkribieren")])
def test_the_drop_hint_says_one_or_many_in_whole_words(chosen, one, many, speaking):
    from gui.ui.window.drops import Sorted, describe

    speaking(chosen)
    assert one in describe(Sorted(audio=["a.wav"], images=["x.png", "y.png"]))
    assert many in describe(Sorted(audio=["a.wav", "b.wav", "c.wav"], images=["x.png"]))
    assert "(" not in describe(Sorted(audio=["a.wav"], images=["x.png", "y.png"]))
