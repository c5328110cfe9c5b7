"""No text is cut: every endpoint, the Advanced sections (which bring the form's scroll bar),
the batch list, the dialogs, in English and German, at the smallest supported window
(1280×800). Text width is measured with the widget's own font metrics (layout_check.py)."""
from __future__ import annotations

import pytest
from layout_check import clipped
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QToolButton
from tabs_support import wait_models

pytestmark = pytest.mark.usefixtures("qt_loop")
MINIMUM = (1280, 800)


@pytest.fixture(params=["en", "de"])
def language_shown(request, qapp, qt_settings):
    from gui.ui.runtime import language

    assert language.install(qapp, request.param) == request.param
    yield request.param
    language.install(qapp, "en")


@pytest.fixture
def window(language_shown, gui_engine, qtbot):
    from gui.ui.window.main_window import MainWindow

    window = MainWindow(gui_engine(), "Sandbox")
    qtbot.addWidget(window)
    window.resize(*MINIMUM)
    window.show()
    qtbot.waitExposed(window)
    wait_models(qtbot, window)
    yield window
    window._confirmed_close = True
    window.model.detach()


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # replaced widgets: gone


def test_every_endpoint_fits_with_and_without_the_scroll_bar(window, qtbot):
    assert window.width() <= MINIMUM[0] and window.height() <= MINIMUM[1]
    problems = []
    for i, spec in enumerate(window.tab_specs):
        window.focus_endpoint(i)
        settle()
        tab = window.tabs.currentWidget()
        problems += [f"{spec.title}: {p}" for p in clipped(window)]
        for toggle in tab.findChildren(QToolButton):  # Advanced: the form grows a scroll bar
            if toggle.isCheckable() and not toggle.isChecked() and toggle.isVisibleTo(tab):
                toggle.click()
        settle()
        problems += [f"{spec.title} (advanced open): {p}" for p in clipped(window)]
    assert not problems, "\n".join(problems)


def test_the_job_columns_fit_without_a_sideways_scroll_bar(window):
    from gui.core.endpoints import Endpoint
    from gui.core.jobs.job import JobState
    from gui.ui.jobs.columns import COLUMN_INDEX

    view = window.jobs.view
    settle()
    assert not view.horizontalScrollBar().isVisible()
    metrics = view.fontMetrics()
    state, endpoint = (view.columnWidth(COLUMN_INDEX[c]) for c in ("state", "endpoint"))
    assert all(metrics.horizontalAdvance(s.label) + 20 <= state for s in JobState)
    assert all(metrics.horizontalAdvance(e.label) <= endpoint for e in Endpoint)
    # Extra width goes to the prompt, not to the error column.
    prompt, error = view.columnWidth(COLUMN_INDEX["prompt"]), view.columnWidth(COLUMN_INDEX["error"])
    window.resize(1600, 1000)
    settle()
    assert view.columnWidth(COLUMN_INDEX["prompt"]) > prompt and view.columnWidth(COLUMN_INDEX["error"]) == error


def test_the_sidebar_shows_all_eight_endpoints_and_marks_the_current(window):
    sidebar = window.tabs.sidebar
    viewport = sidebar.viewport().rect()
    assert sidebar.count() == 8
    for row in range(8):
        assert viewport.contains(sidebar.visualItemRect(sidebar.item(row))), row
    window.focus_endpoint(4)
    assert sidebar.currentRow() == 4 and sidebar.item(4).isSelected()


def test_dialogs_and_panels_fit(window, qtbot):
    from tabs_support import show_in_preview, wait_done

    from gui.ui.tabs.chat import ChatTab

    chat = window.tab(ChatTab)
    chat.conversation.set_messages([{"role": "user", "content": "hello"}])
    job = wait_done(qtbot, window, chat.submit_jobs())[0]
    show_in_preview(qtbot, window, job)
    settle()
    problems = [f"main window with a job shown: {p}" for p in clipped(window)]
    window.batches.dock.show()  # the batch list, empty
    settle()
    problems += [f"batch list: {p}" for p in clipped(window.batches.dock)]
    window.batches.dock.hide()
    queue_dialog = window.queue.open_settings()
    profiles = window.open_profiles()
    batch = window.batches.new_batch()
    details = window.tools.actions.show_details()
    watch = window.batches.watch.edit()
    for dialog in (queue_dialog, profiles, batch, details, watch):
        qtbot.waitExposed(dialog)
        settle()
        problems += [f"{dialog.windowTitle()}: {p}" for p in clipped(dialog)]
        dialog.close()
    assert not problems, "\n".join(problems)


def test_the_heat_map_legend_is_drawn_inside_the_widget(qapp):
    from gui.ui.widgets.heat_map import _MARGIN, HeatMap

    heat = HeatMap()
    heat.set_matrix([[1.0, 0.2], [0.2, 1.0]], ["a", "b"])
    heat.resize(320, 320)
    bottom = _MARGIN + 2 * heat._cell() + heat._legend_height()
    assert bottom <= heat.height()
    assert heat._legend_height() >= heat.fontMetrics().height()  # the −1 0 +1 line, not half of it
