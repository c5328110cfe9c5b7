"""Finding text wider than the space it has: labels, buttons, check boxes, header sections,
sidebar tiles and tabs, measured with the widget's own font metrics against its contents
rect. Used by tests/ui/test_layout_fits.py."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QTabBar,
    QToolButton,
    QWidget,
)

SLACK = 1  # rounding


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.window().isVisible()


def clipped(root: QWidget) -> list[str]:
    """One line per text that does not fit, naming the widget and the widths."""
    problems: list[str] = []

    def report(widget: QWidget, text: str, need: int, have: int) -> None:
        if need > have + SLACK:
            name = widget.objectName() or type(widget).__name__
            problems.append(f"{name} {text!r}: needs {need} px, has {have}")

    # Cut by an ancestor (a pane narrower than its form): part of the widget's width is not shown.
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton, QComboBox)) and _shown(widget, root):
            seen = widget.visibleRegion().boundingRect()
            if not seen.isEmpty() and seen.width() < widget.width() - SLACK:
                text = getattr(widget, "text", lambda: "")() or getattr(widget, "currentText", lambda: "")()
                problems.append(f"{widget.objectName() or type(widget).__name__} {text!r}: "
                                f"only {seen.width()} of {widget.width()} px shown")
    for label in root.findChildren(QLabel):
        text = label.text()
        if (not _shown(label, root) or not text or label.wordWrap() or label.pixmap() is not None
                and not label.pixmap().isNull() or "<" in text or "\n" in text):
            continue
        have = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
        report(label, text, label.fontMetrics().horizontalAdvance(_plain(text)), have)
    for button in root.findChildren(QAbstractButton):
        text = _plain(button.text())
        if (not _shown(button, root) or not text or isinstance(button, QTabBar) or isinstance(button, QToolButton)
                and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly and not button.icon().isNull()):
            continue
        if isinstance(button, (QCheckBox, QRadioButton)):
            report(button, text, button.sizeHint().width(), button.width())
            continue
        icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
        report(button, text, button.fontMetrics().horizontalAdvance(text) + icon + 8, button.contentsRect().width())
    for header in root.findChildren(QHeaderView):
        if not _shown(header, root) or header.orientation() != Qt.Orientation.Horizontal:
            continue
        model = header.model()
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            need = header.fontMetrics().horizontalAdvance(text) + 12  # the section's margins
            if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
                need += 12
            report(header, text, need, header.sectionSize(section))
    for sidebar in root.findChildren(QListWidget):
        if not _shown(sidebar, root) or sidebar.objectName() != "endpointSidebar":
            continue
        for row in range(sidebar.count()):
            item = sidebar.item(row)
            report(sidebar, item.text(), sidebar.fontMetrics().horizontalAdvance(item.text()),
                   sidebar.visualItemRect(item).width())
    for bar in root.findChildren(QTabBar):
        if not _shown(bar, root):
            continue
        for i in range(bar.count()):
            report(bar, bar.tabText(i), bar.fontMetrics().horizontalAdvance(_plain(bar.tabText(i))) + 12,
                   bar.tabRect(i).width())
    for combo in root.findChildren(QComboBox):
        if not _shown(combo, root) or combo.isEditable() or combo.count() == 0:
            continue
        # The shown item; the arrow takes about the height of the box.
        report(combo, combo.currentText(), combo.fontMetrics().horizontalAdvance(combo.currentText()),
               combo.width() - combo.height() - 8)
    for edit in root.findChildren(QLineEdit):
        hint = edit.placeholderText()
        if not _shown(edit, root) or not hint or edit.text():
            continue
        # The text area: the frame and QLineEdit's own 2 px each side, the text margins, and
        # the room of actions (a clear button) inside the field.
        margins = edit.textMargins()
        actions = sum(edit.height() for a in edit.actions() if a.isVisible() and not a.icon().isNull())
        have = edit.contentsRect().width() - 4 - margins.left() - margins.right() - actions
        report(edit, hint, edit.fontMetrics().horizontalAdvance(hint), have)
    return problems
