"""What the job table says when it shows no rows: on the first run, how to start; when a
filter matches nothing, that it is the filter (with a link that clears it), so an empty
table never looks like lost work."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView


class EmptyTableHint(QLabel):
    def __init__(self, view: QTableView, filter_text: Callable[[], str], clear_filter: Callable[[], None]) -> None:
        # A child of the view laid over its viewport, not of the viewport: (speed) the first
        # viewport() call makes PySide create the Python types of dozens of Qt classes (~25 ms).
        super().__init__(view)
        self._view = view
        self._filter_text = filter_text
        self.setObjectName("emptyTableHint")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self.linkActivated.connect(lambda _link: clear_filter())
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        if self._view.model().rowCount() > 0:
            self.hide()
            return
        text = self._filter_text().strip()
        if text:
            import html  # Speed: not at start-up (~2 ms for its entity tables)

            self.setText(self.tr("No job matches “{text}”. <a href='clear'>Clear the filter</a>").format(
                text=html.escape(text)))
        else:
            self.setText(self.tr("No jobs yet. Pick a task on the left and submit it, or drop audio, images "
                                 "or a spreadsheet (CSV, XLSX, JSONL) anywhere on the window."))
        self.fit()
        self.show()

    def fit(self) -> None:
        """The middle of the viewport, in lines short enough to read (the view calls this
        when it is resized)."""
        view = self._view
        rect = view.contentsRect().adjusted(0, view.horizontalHeader().sizeHint().height(), 0, 0)
        side = max(0, (rect.width() - 560) // 2)
        self.setGeometry(rect.adjusted(side, 0, -side, 0))
