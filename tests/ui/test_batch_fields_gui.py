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
