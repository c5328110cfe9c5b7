"""What every endpoint tab shares, so adding a tab is: subclass `EndpointTab`, set
`endpoint` and `title`, build the form, implement `build_body`, list it in
`main_window.TABS`."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QWidget

from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs import Job

from .model_picker import ModelCatalog

ERROR_STYLE = "color: #c0392b;"


@dataclass
class TabContext:
    engine: Engine
    catalog: ModelCatalog
    blocker: str | None = None  # why nothing can be submitted (e.g. no API key), in plain words


class InputError(ValueError):
    """A problem with what the user typed; shown under the field, nothing is sent."""

    def __init__(self, message: str, field: QWidget | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class EndpointTab(QWidget):
    endpoint: ClassVar[Endpoint]
    title: ClassVar[str]
    submitted = Signal(object)  # the Job, after the scheduler took it

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.engine = context.engine
        # Ctrl+Enter submits from any field of the tab (the text edits don't take it).
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)
        self.problem = error_label(self)  # the tab places it (usually above Submit)
        self._field_errors: dict[int, QLabel] = {}

    def build_body(self) -> dict[str, Any]:
        """The request body from the form; raise InputError for what the user must fix."""
        raise NotImplementedError

    def submit(self) -> Job | None:
        self.clear_errors()
        try:
            body = self.build_body()
        except InputError as error:
            self.show_error(error.message, error.field)
            return None
        if self.context.blocker:
            self.show_error(self.context.blocker)
            return None
        job = self.engine.scheduler.submit(Job(self.endpoint, body))
        self.submitted.emit(job)
        return job

    def field_error_label(self, field: QWidget) -> QLabel:
        """The label under `field` that shows what is wrong with it."""
        label = self._field_errors[id(field)] = error_label(self)
        return label

    def show_error(self, message: str, field: QWidget | None = None) -> None:
        label = self._field_errors.get(id(field), self.problem) if field is not None else self.problem
        label.setText(message)
        label.show()
        if field is not None:
            field.setFocus()

    def clear_errors(self) -> None:
        for label in (self.problem, *self._field_errors.values()):
            label.hide()
            label.clear()
