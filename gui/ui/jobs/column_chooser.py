"""Which job-table columns are shown: one menu with a check mark per column, opened from the
table header's context menu and from View → Columns (so the keyboard reaches it too). The
choice is part of the header state the job view saves and restores (QHeaderView.saveState
keeps hidden sections with order, widths and sort)."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QWidget


class ColumnMenu(QMenu):
    def __init__(self, header: QHeaderView, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Columns"), parent)
        self.header = header
        self.aboutToShow.connect(self.rebuild)  # always the header's current state
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_at)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        model, header = self.header.model(), self.header
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        for visual in range(header.count()):  # in the order the user arranged them
            section = header.logicalIndex(visual)
            title = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            action = QAction(title, self, checkable=True, checked=not header.isSectionHidden(section))
            # The last visible column stays: a table without columns cannot be got back from its header.
            action.setEnabled(not (shown == [section]))
            action.toggled.connect(lambda on, s=section: header.setSectionHidden(s, not on))
            self.addAction(action)
        self.addSeparator()
        show_all = self.addAction(self.tr("Show &All Columns"))
        show_all.setEnabled(len(shown) < header.count())
        show_all.triggered.connect(self.show_all)

    def show_all(self) -> None:
        for section in range(self.header.count()):
            self.header.setSectionHidden(section, False)

    def show_at(self, pos: QPoint) -> None:
        self.popup(self.header.mapToGlobal(pos))
