"""Choosing the job table's columns: from the header's menu or View → Columns; the choice
survives a restart; the last visible column cannot be hidden."""
from __future__ import annotations

from PySide6.QtCore import Qt

from gui.ui.jobs.columns import COLUMN_INDEX
from gui.ui.jobs.table_view import JobTablePanel


def column_action(menu, title):
    menu.rebuild()
    return next(a for a in menu.actions() if a.text() == title)


def test_hiding_a_column_is_remembered(main_window, qtbot):
    panel = main_window.jobs
    header = panel.view.horizontalHeader()
    model_column = COLUMN_INDEX["model"]
    assert not header.isSectionHidden(model_column)

    column_action(panel.column_menu, "Model").trigger()
    assert header.isSectionHidden(model_column)
    assert not column_action(panel.column_menu, "Model").isChecked()

    # The menu is also reachable from the keyboard, under View.
    view_menu = next(a.menu() for a in main_window.menuBar().actions() if a.text() == "&View")
    assert panel.column_menu in [a.menu() for a in view_menu.actions()]

    panel.save_layout()
    again = JobTablePanel(main_window.model, main_window.engine.scheduler)
    qtbot.addWidget(again)
    assert again.view.horizontalHeader().isSectionHidden(model_column)

    show_all = next(a for a in panel.column_menu.actions() if a.text() == "Show &All Columns")
    assert show_all.isEnabled()
    show_all.trigger()
    assert not header.isSectionHidden(model_column)
    assert not column_action(panel.column_menu, "Show &All Columns").isEnabled()


def test_the_last_visible_column_stays(main_window):
    panel = main_window.jobs
    header = panel.view.horizontalHeader()
    titles = [str(panel.model.headerData(i, Qt.Orientation.Horizontal)) for i in range(header.count())]
    for title in titles[1:]:
        action = column_action(panel.column_menu, title)
        if action.isChecked():  # Attempts starts hidden
            action.trigger()
    last = column_action(panel.column_menu, titles[0])
    assert last.isChecked() and not last.isEnabled()
    assert [header.isSectionHidden(i) for i in range(header.count())].count(False) == 1


def test_the_header_opens_the_menu(main_window, qtbot):
    header = main_window.jobs.view.horizontalHeader()
    assert header.contextMenuPolicy() is Qt.ContextMenuPolicy.CustomContextMenu
    menu = main_window.jobs.column_menu
    header.customContextMenuRequested.emit(header.rect().center())
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    menu.close()


def test_a_layout_saved_in_a_wider_window_fits_a_narrower_one(main_window, qtbot):
    """Closing saves the columns as they were; the next window may be narrower (another
    screen, or German's wider sidebar): the prompt column gives way, nothing is cut off."""
    from gui.ui.jobs.columns import COLUMN_INDEX

    main_window.resize(1800, 900)
    view = main_window.jobs.view
    qtbot.waitUntil(lambda: view.columnWidth(COLUMN_INDEX["prompt"]) > 600, timeout=3000)
    main_window.jobs.save_layout()

    again = JobTablePanel(main_window.model, main_window.engine.scheduler)
    qtbot.addWidget(again)
    again.resize(900, 400)
    again.show()
    header = again.view.horizontalHeader()
    others = sum(header.sectionSize(i) for i in range(header.count())
                 if i != COLUMN_INDEX["prompt"] and not header.isSectionHidden(i))
    qtbot.waitUntil(lambda: again.view.columnWidth(COLUMN_INDEX["prompt"]) == again.view.viewport().width() - others,
                    timeout=3000)
    assert not again.view.horizontalScrollBar().isVisible()


def test_a_layout_saved_in_another_language_keeps_states_whole(main_window, qtbot):
    """Columns saved narrower than the words of the language shown now (English "Failed",
    then German "Fehlgeschlagen") are widened to fit them when the layout is restored."""
    from gui.ui.jobs.columns import fitted_widths

    view = main_window.jobs.view
    view.setColumnWidth(COLUMN_INDEX["state"], 40)
    view.setColumnWidth(COLUMN_INDEX["endpoint"], 30)
    main_window.jobs.save_layout()

    again = JobTablePanel(main_window.model, main_window.engine.scheduler)
    qtbot.addWidget(again)
    fitted = fitted_widths(again.view.fontMetrics(), again.view.horizontalHeader().fontMetrics())
    assert again.view.columnWidth(COLUMN_INDEX["state"]) == fitted["state"]
    assert again.view.columnWidth(COLUMN_INDEX["endpoint"]) == fitted["endpoint"]
