"""The fields of a finished batch at a glance: bars per output field, a click on a bar
shows just its rows, the charts saved as PNG."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from gui.core.batch.plan import BatchPlan, BatchSpec
from gui.core.batch.states import RunState
from gui.core.batch.table import read_table
from gui.core.endpoints import Endpoint
from gui.core.extraction.fields import output_schema
from gui.ui.batch.field_summary import FieldChart

pytestmark = pytest.mark.usefixtures("qt_loop")


def test_a_finished_batch_shows_its_fields_as_bars_and_a_bar_filters_the_rows(main_window, qtbot, tmp_path):
    window = main_window
    source = tmp_path / "reviews.csv"
    source.write_text("review\n" + "\n".join(f"Parcel {i} came late but intact" for i in range(1, 21)) + "\n")
    schema = output_schema(["sentiment:positive|negative|neutral", "score:integer", "urgent:boolean"])
    spec = BatchSpec(Endpoint.CHAT, "Llama-3.3-70B-Instruct", "Classify: {review}", schema=schema)
    plan = BatchPlan(read_table(source), spec, tmp_path / "out")
    controller = window.batches
    with qtbot.waitSignal(controller.finished, timeout=30000) as done:
        controller.start_plan(plan)
    run = done.args[0]
    assert run.state is RunState.FINISHED and run.progress().done == 20
    row = controller.panel.rows[id(run)]
    assert row.fields_button.isVisibleTo(row)

    dialog = row.show_fields()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.ready.is_set(), timeout=10000)
    charts = dialog.charts.findChildren(FieldChart)
    assert [c.summary.field.name for c in charts] == ["sentiment", "score", "urgent"]
    sentiment = charts[0]
    assert sum(b.count for b in sentiment.summary.bars) == 20 and dialog.rows.rowCount() == 20
    busiest = max(range(len(sentiment.summary.bars)), key=lambda i: sentiment.summary.bars[i].count)
    bar = sentiment.summary.bars[busiest]
    dialog.resize(900, 700)
    dialog.show()
    area = sentiment._bar_rect(busiest)
    qtbot.mouseClick(sentiment, Qt.MouseButton.LeftButton, pos=QPoint(int(area.left()) + 3, int(area.center().y())))
    assert dialog.rows.rowCount() == bar.count < 20
    column = dialog._header.index("sentiment")
    assert {dialog.rows.item(r, column).text() for r in range(dialog.rows.rowCount())} == {bar.label}
    assert bar.label in dialog.shown.text()

    png = dialog.save_png(str(tmp_path / "fields.png"))
    image = QImage(png)
    assert not image.isNull() and image.width() > 300


def test_fields_typed_in_the_batch_dialog_become_typed_xlsx_columns(main_window, qtbot, sandbox, tmp_path):
    import openpyxl
    from test_batch_gui import open_dialog

    window = main_window
    source = tmp_path / "tickets.csv"
    source.write_text("ticket\n" + "\n".join(f"Printer {i} jams on page two" for i in range(1, 9)) + "\n")
    dialog = open_dialog(qtbot, window, source)
    dialog.template_edit.setPlainText("Classify: {ticket}")
    fields = dialog.request.fields
    assert fields.isVisibleTo(dialog)  # chat: output fields offered
    fields.edit.setPlainText("category: hardware|software|other\npriority: integer: 1 to 3\nsolved: yesno")
    qtbot.waitUntil(lambda: "unknown type" in dialog.problems_label.text(), timeout=2000)
    assert not dialog.start_button.isEnabled()
    fields.edit.setPlainText("category: hardware|software|other\npriority: integer: 1 to 3\nsolved: boolean")
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=2000)
    fields.save_set("Tickets")
    assert "Tickets" in [fields.sets.itemText(i) for i in range(fields.sets.count())]

    controller = window.batches
    with qtbot.waitSignal(controller.finished, timeout=30000) as done:
        dialog.start()
    run = done.args[0]
    assert run.progress().done == 8
    posted = [r.json for r in sandbox.requests if r.method == "POST"]
    assert all(p["response_format"]["json_schema"]["schema"]["required"] == ["category", "priority", "solved"]
               for p in posted)

    export = controller.export(run)
    export.format_combo.setCurrentIndex(1)
    target = tmp_path / "tickets.xlsx"
    export.path_edit.setText(str(target))
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists, timeout=5000)
    sheet = openpyxl.load_workbook(target).active
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert header[:4] == ["ticket", "category", "priority", "solved"]
    for row in sheet.iter_rows(min_row=2):
        assert row[1].value in ("hardware", "software", "other")
        assert row[2].data_type == "n" and isinstance(row[2].value, int)
        assert row[3].data_type == "b"


def test_a_json_schema_file_gives_the_fields(qtbot, qt_settings, tmp_path):
    from gui.ui.widgets.fields_editor import FieldsEditor

    schema_file = tmp_path / "contract.json"
    schema_file.write_text('{"type": "object", "properties": {"party": {"type": "string"}, '
                           '"value": {"type": "number", "description": "total"}}}')
    editor = FieldsEditor()
    qtbot.addWidget(editor)
    editor.load_schema_file(schema_file)
    assert editor.lines() == ["party: text", "value: number: total"]
    assert editor.schema()["required"] == ["party", "value"]
    editor.edit.setPlainText("other: boolean")  # typing over it: the lines are the fields again
    assert list(editor.schema()["properties"]) == ["other"]


def test_one_chat_job_with_output_fields_is_previewed_as_a_form(main_window, qtbot, sandbox):
    from tabs_support import show_in_preview, wait_models
    from test_gui_tabs import submit_and_wait

    from gui.ui.tabs.chat import ChatTab

    window = main_window
    wait_models(qtbot, window)
    tab = window.tab(ChatTab)
    tab.user_edit.setPlainText("The parcel came two weeks late.")
    tab.fields.edit.setPlainText("sentiment: maybe")
    assert tab.submit() is None and "unknown type" in tab.fields_error.text()  # named, nothing sent
    tab.fields.edit.setPlainText("sentiment: positive|negative|neutral\nlate: boolean")
    [job] = submit_and_wait(qtbot, window, tab)
    assert job.body["response_format"]["json_schema"]["schema"]["required"] == ["sentiment", "late"]
    show_in_preview(qtbot, window, job)
    qtbot.waitUntil(lambda: "sentiment" in window.preview.browser.document().toPlainText(), timeout=5000)
    text = window.preview.browser.document().toPlainText()
    assert "late" in text and "{" not in text

    tab.fields.edit.clear()
    tab.fill_form(dict(job.body), [])  # Duplicate into form: the fields come back
    assert tab.fields.lines() == ["sentiment: positive|negative|neutral", "late: boolean"]
