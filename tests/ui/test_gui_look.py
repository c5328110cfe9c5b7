"""Light and dark: Fusion everywhere, the palette following the chosen scheme, state and
error colours readable on either base, and the application icon."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from tabs_support import wait_models

from gui.core.endpoints import Endpoint
from gui.core.jobs.job import JobState
from gui.ui.runtime import theme
from gui.ui.runtime.theme import contrast
from gui.ui.jobs.columns import STATE_COLOURS, STATE_COLOURS_DARK, state_colour
from gui.ui.runtime.icons import app_icon
from gui.ui.runtime.resources import resource_path
from gui.ui.widgets.form import ERROR_COLOUR, ERROR_STYLE


@pytest.fixture
def scheme(qapp, qt_settings):
    """Apply a scheme for the test; the light one comes back afterwards."""
    yield lambda name: theme.apply(qapp, name)
    theme.apply(qapp, "light")


def base_colours() -> list[QColor]:
    palette = QApplication.palette()
    return [palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.AlternateBase)]


def test_dark_scheme_changes_the_palette(scheme, qapp):
    assert scheme("light") is False
    light = QApplication.palette().color(QPalette.ColorRole.Window)
    assert scheme("dark") is True
    assert qapp.style().name().lower() == "fusion"
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.Window).lightness() < 80 < light.lightness()
    assert contrast(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)) >= 7
    assert theme.is_dark()


@pytest.mark.parametrize("name", ["light", "dark"])
def test_state_and_error_colours_stay_readable(scheme, name):
    scheme(name)
    colours = STATE_COLOURS_DARK if name == "dark" else STATE_COLOURS
    error = QColor(ERROR_STYLE.split(":")[1].strip(" ;"))
    for base in base_colours():
        for state in JobState:
            assert state_colour(state) == colours[state]
            assert contrast(QColor(state_colour(state)), base) >= 3, (state, base.name())
        assert contrast(error, base) >= 3, base.name()


def test_saved_choice_is_applied_and_kept(scheme, qapp):
    from PySide6.QtCore import QSettings

    assert theme.choose(qapp, "dark") is True
    assert QSettings().value("appearance/colorScheme") == "dark" and theme.chosen_scheme() == "dark"
    assert theme.apply(qapp) is True  # the next start reads the choice
    theme.choose(qapp, "system")
    assert theme.chosen_scheme() == "system"


def test_view_menu_switches_the_scheme(main_window, scheme, qtbot):
    wait_models(qtbot, main_window)  # the window's first model fetch must end before teardown
    main_window.menus.scheme_actions["dark"].trigger()
    assert theme.is_dark()
    # Labels in their own font or colour (the bold profile, a field's error) follow a change
    # while the app runs; the error keeps its red.
    label, error = main_window.profile_label, main_window.tab_for(Endpoint.CHAT).problem
    assert label.font().bold()
    qtbot.waitUntil(lambda: label.palette().color(QPalette.ColorRole.WindowText).lightness() > 160)  # Qt posts the change
    assert error.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert error.palette().color(QPalette.ColorRole.WindowText) == QColor(ERROR_COLOUR)
    main_window.menus.scheme_actions["light"].trigger()
    assert not theme.is_dark()


def test_the_icon_loads(qapp):
    path = resource_path("icons", "queue-desk.svg")
    assert path is not None and path.is_file()
    icon = app_icon()
    assert not icon.isNull() and not icon.pixmap(64, 64).isNull()


def test_make_app_sets_the_window_icon(qapp, qt_settings):
    from gui.ui.app import make_app

    make_app()
    assert not QApplication.windowIcon().isNull()
    theme.apply(qapp, "light")


@pytest.mark.parametrize("name", ["light", "dark"])
@pytest.mark.parametrize("done, failed", [(0, 0), (10, 0), (0, 10), (6, 0), (2, 3)])
def test_the_batch_count_reads_on_its_bar(scheme, name, done, failed):
    from gui.core.batch.run import Progress
    from gui.ui.batch.run_list import _TRACK, BatchBar

    scheme(name)
    bar = BatchBar()
    bar.set_progress(Progress(10, done, failed, 10 - done - failed, 0, 0.0, None))
    under = (state_colour(JobState.SUCCEEDED) if done >= 5 else
             state_colour(JobState.FAILED) if done + failed >= 5 else _TRACK)
    assert theme.contrast(bar.text_colour(), QColor(under)) >= 3.0


def test_endpoint_icons_follow_the_scheme(scheme):
    from gui.ui.runtime.icons import endpoint_icon

    for name in ("light", "dark"):
        scheme(name)
        image = endpoint_icon("chat").pixmap(24, 24).toImage()
        drawn = [image.pixelColor(x, y) for x in range(24) for y in range(24) if image.pixelColor(x, y).alpha() > 200]
        text = QApplication.palette().color(QPalette.ColorRole.WindowText)
        assert drawn and all(abs(c.lightness() - text.lightness()) < 40 for c in drawn), name


def test_light_palette_is_fusions_own(scheme, qapp):
    scheme("light")
    ours, fusion = theme.light_palette(), qapp.style().standardPalette()
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
    roles = [r for r in QPalette.ColorRole if r != QPalette.ColorRole.NColorRoles]
    assert [(g, r) for g in groups for r in roles if ours.color(g, r).rgba() != fusion.color(g, r).rgba()] == []


def test_line_icons_follow_the_scheme(scheme, qtbot):
    from PySide6.QtGui import QAction

    from gui.ui.runtime.icons import LINE_ICONS, line_icon, set_line_icon

    assert all(not line_icon(name).isNull() for name in LINE_ICONS)
    action = QAction("Cancel")
    set_line_icon(action, "cancel")
    for name in ("dark", "light"):
        scheme(name)
        image = action.icon().pixmap(24, 24).toImage()
        drawn = [image.pixelColor(x, y) for x in range(24) for y in range(24) if image.pixelColor(x, y).alpha() > 200]
        text = QApplication.palette().color(QPalette.ColorRole.WindowText)
        assert drawn and all(abs(c.lightness() - text.lightness()) < 40 for c in drawn), name


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_current_endpoint_reads_on_its_tile_with_or_without_focus(scheme, qtbot, name):
    from PySide6.QtWidgets import QLineEdit, QStyle, QWidget

    from gui.ui.window.endpoint_pages import EndpointSidebar

    window = QWidget()
    qtbot.addWidget(window)
    sidebar, elsewhere = EndpointSidebar(window), QLineEdit(window)
    for title in ("Chat", "Completions"):
        sidebar.add(QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon), title)
    sidebar.fit()
    sidebar.setCurrentRow(1)
    sidebar.move(0, 0)
    elsewhere.move(0, 300)
    window.resize(300, 400)
    window.show()
    scheme(name)  # after the sidebar exists: a change while the app runs reaches it
    for focused in (sidebar, elsewhere):
        focused.setFocus()
        palette = sidebar.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            fill = palette.color(group, QPalette.ColorRole.Highlight)
            assert contrast(fill, palette.color(group, QPalette.ColorRole.HighlightedText)) >= 4.5, (name, group)
        tile = sidebar.visualItemRect(sidebar.item(1))
        image = sidebar.viewport().grab().toImage()
        drawn = image.pixelColor(tile.left() + 2, tile.bottom() - 3)
        assert drawn.name() == palette.color(QPalette.ColorRole.Highlight).name()


def test_the_state_column_is_drawn_in_the_state_colour(main_window, qtbot):
    """The model answers the State column's foreground with a colour; the view's delegate
    must take it as the brush it draws the text with."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from gui.ui.jobs.columns import COLUMN_INDEX

    wait_models(qtbot, main_window)
    tab = main_window.tab_for(Endpoint.CHAT)
    tab.user_edit.setPlainText("colour")
    assert tab.submit() is not None
    view = main_window.jobs.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    index = view.model().index(0, COLUMN_INDEX["state"])
    option = QStyleOptionViewItem()
    view.itemDelegate().initStyleOption(option, index)
    drawn = option.palette.brush(QPalette.ColorGroup.Normal, QPalette.ColorRole.Text).color()
    assert drawn == QColor(state_colour(index.data(main_window.model.JobRole).state))
