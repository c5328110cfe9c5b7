"""What every endpoint tab shares, so adding a tab is: subclass `EndpointTab`, set
`endpoint` (and its title in `TITLES`), build the form in `content_layout`, implement `build_body` (or
`build_requests` for tabs that upload files) and `fill_form`, list it in
`main_window.TABS` and `main_window._tab_class` (tabs are imported and built when first shown).

Tabs hold no protocol logic: they read their widgets into plain values and call the
Qt-free builders in gui.core (the same ones `queue-desk submit` uses). A builder's
InputProblem names a body field; the tab shows the message under that field's widget."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.core.api.wire import Upload
from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.errors import InputProblem
from gui.core.jobs.job import Job
from gui.ui.runtime.icons import set_line_icon
from gui.ui.widgets.form import AdvancedEditor, banner, error_label, heading
from gui.ui.widgets.model_picker import ModelCatalog, ModelPicker


class FormScrollArea(QScrollArea):
    """A vertical-only scroll area that is never narrower than its form plus the scroll bar:
    with the sideways bar off, a narrower area would cut the form's left edge ("ax. Tokens")
    as soon as the vertical bar appears (Advanced opened, a short window)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(content.minimumSizeHint().width() + bar + 2 * self.frameWidth(), hint.height())


@dataclass
class TabContext:
    """What every endpoint tab shares: the engine, the model list, and why nothing can be
    submitted (if so)."""
    engine: Engine
    catalog: ModelCatalog
    blocker: str | None = None  # why nothing can be submitted (e.g. no API key), in plain words


Request = tuple[dict[str, Any], list[Upload]]


# Each tab's title, for the tab bar, the menus and messages (shown via translate("tabs", ...)).
TITLES: dict[Endpoint, str] = {
    Endpoint.CHAT: QT_TRANSLATE_NOOP("tabs", "Chat"),
    Endpoint.COMPLETIONS: QT_TRANSLATE_NOOP("tabs", "Completions"),
    Endpoint.EMBEDDINGS: QT_TRANSLATE_NOOP("tabs", "Embeddings"),
    Endpoint.TRANSCRIPTIONS: QT_TRANSLATE_NOOP("tabs", "Transcription"),
    Endpoint.TRANSLATIONS: QT_TRANSLATE_NOOP("tabs", "Translation"),
    Endpoint.IMAGES: QT_TRANSLATE_NOOP("tabs", "Images"),
    Endpoint.IMAGE_EDITS: QT_TRANSLATE_NOOP("tabs", "Image edit"),
    Endpoint.MODELS: QT_TRANSLATE_NOOP("tabs", "Models"),
}


class EndpointTab(QWidget):
    endpoint: ClassVar[Endpoint]
    submitted = Signal(object)  # each Job, after the scheduler took it
    submit_text: ClassVar[str] = QT_TRANSLATE_NOOP("tabs", "Submit")  # shown via translate("tabs", ...), like `title`

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = TITLES[self.endpoint]
        self.engine = context.engine
        # Ctrl+Enter submits from any field of the tab (the text edits don't take it).
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)
        self.problem = error_label(self)  # the tab places it (usually above Submit)
        self._field_errors: dict[int, QLabel] = {}
        self._fields: dict[str, QWidget] = {}  # body field name -> the widget that sets it
        self._advanced: AdvancedEditor | None = None

    # -- building the standard layout ---------------------------------------------

    def model_form(self, layout: QVBoxLayout) -> QFormLayout:
        """The form every tab starts with: the model picker and its problem line. Returned
        so a tab can add its own rows."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Model"), self.model_picker)
        form.addRow("", self.model_error)
        layout.addLayout(form)
        return form

    def prompt_box(self, layout: QVBoxLayout, placeholder: str, lines: int, stretch: int = 1) -> QPlainTextEdit:
        """A headed prompt editor with its problem line under it (field `prompt`)."""
        layout.addWidget(heading(self.tr("Prompt"), self))
        edit = QPlainTextEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(self.fontMetrics().lineSpacing() * lines)
        layout.addWidget(edit, stretch)
        layout.addWidget(self.bind_field("prompt", edit))
        return edit

    def standard_layout(self) -> QVBoxLayout:
        """Banner, a scrolling form (returned: add rows to it), the problem line and the
        Submit button pinned at the bottom."""
        spec = self.endpoint.spec
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        if self.context.blocker:
            outer.addWidget(banner(self.context.blocker, self))
        self.scroll = FormScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget(self.scroll)
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(2, 2, 8, 2)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll, 1)
        outer.addWidget(self.problem)
        submit_text = QCoreApplication.translate("tabs", self.submit_text)
        self.submit_button = QPushButton(submit_text, self)
        self.submit_button.setToolTip(self.tr("Send to the queue (Ctrl+Enter)"))
        self.submit_button.setAccessibleName(  # eight Submit buttons: say which
            self.tr("{submit} {tab}").format(submit=submit_text, tab=QCoreApplication.translate("tabs", self.title)))
        self.submit_button.setDefault(True)
        set_line_icon(self.submit_button, "submit")
        self.submit_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.submit_button)
        outer.addLayout(row)
        if spec.model_type is not None or spec.default_model:
            self.model_picker = ModelPicker(self.context.catalog, spec.model_type, spec.default_model, self)
            self.model_error = self.bind_field("model", self.model_picker)
        return self.content_layout

    def add_advanced(self, layout: QVBoxLayout, example: str = '{"top_p": 0.9}') -> AdvancedEditor:
        self._advanced = AdvancedEditor(self, example)
        self._fields["advanced"] = self._advanced.edit
        self._field_errors[id(self._advanced.edit)] = self._advanced.error
        layout.addWidget(self._advanced)
        return self._advanced

    @property
    def advanced(self) -> AdvancedEditor | None:
        return self._advanced

    def extra(self) -> dict[str, Any]:
        return self._advanced.values() if self._advanced is not None else {}

    def bind_field(self, name: str, widget: QWidget) -> QLabel:
        """`widget` sets body field `name`; returns the label that shows its problems."""
        self._fields[name] = widget
        return self.field_error_label(widget)

    # -- what each tab provides -----------------------------------------------------

    def build_body(self) -> dict[str, Any]:
        """The request body from the form; raise InputProblem for what the user must fix."""
        raise NotImplementedError

    def build_requests(self) -> list[Request]:
        """One (body, uploads) per job; tabs that upload files override this."""
        return [(self.build_body(), [])]

    def fill_form(self, body: dict[str, Any], uploads: list[Upload]) -> None:
        """Put a job's request back into the form ("Duplicate into form"). Pop the keys
        the form shows from `body`; what is left goes to the Advanced editor."""
        raise NotImplementedError

    # -- submitting -------------------------------------------------------------------

    def submit(self) -> Job | None:
        jobs = self.submit_jobs()
        return jobs[0] if jobs else None

    def submit_jobs(self) -> list[Job]:
        self.clear_errors()
        try:
            requests = self.build_requests()
        except InputProblem as problem:
            self.show_problem(problem)
            return []
        if self.context.blocker:
            self.show_error(self.context.blocker)
            return []
        jobs = self.engine.scheduler.submit_many([Job(self.endpoint, body, uploads) for body, uploads in requests])
        for job in jobs:
            self.submitted.emit(job)
        # The text just sent stays, for a variation, and is selected: the next question typed
        # replaces it instead of being added to its end; an arrow key keeps it.
        typed_in = self.focusWidget()
        if jobs and isinstance(typed_in, QPlainTextEdit) and self.isAncestorOf(typed_in):
            typed_in.selectAll()
        return jobs

    def duplicate(self, job: Job) -> None:
        body = dict(job.body)
        self.clear_errors()
        self.fill_form(body, list(job.uploads))
        body.pop("model", None)
        if self._advanced is not None:
            self._advanced.set_values(body)

    def set_model(self, body: dict[str, Any]) -> None:
        if hasattr(self, "model_picker") and body.get("model"):
            self.model_picker.set_model(str(body.pop("model")))

    # -- problems ----------------------------------------------------------------------

    def show_problem(self, problem: InputProblem) -> None:
        """Under the Advanced editor when the field came from there, else under its widget."""
        in_advanced = False
        if self._advanced is not None and problem.field != "advanced":
            try:
                in_advanced = problem.field in self._advanced.values()
            except InputProblem:
                in_advanced = False
        widget = self._fields.get("advanced" if in_advanced else problem.field)
        if in_advanced:
            self._advanced.open()
        self.show_error(problem.message, widget)

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
            if hasattr(self, "scroll"):
                self.scroll.ensureWidgetVisible(field)

    def clear_errors(self) -> None:
        for label in (self.problem, *self._field_errors.values()):
            label.hide()
            label.clear()

    def first_input(self) -> QWidget | None:
        """Where the cursor goes when the endpoint is picked: the text the user came to type
        (the prompt), not the model box that comes first in the form."""
        return next((e for e in self.findChildren(QPlainTextEdit) if e.isVisibleTo(self) and not e.isReadOnly()),
                    None)

    # -- drafts: what was typed survives a profile switch and a restart ---------------

    def _draft_edits(self) -> list[QPlainTextEdit | QLineEdit]:
        """The free-text fields, in a stable order (not the model box: that follows the server)."""
        picker = getattr(self, "model_picker", None)
        return [edit for edit in self.findChildren(QWidget) if isinstance(edit, (QPlainTextEdit, QLineEdit))
                and not edit.isReadOnly() and not (picker is not None and picker.isAncestorOf(edit))
                and not isinstance(edit.parent(), QAbstractSpinBox)]

    def draft(self) -> dict[str, Any]:
        return {"texts": [e.toPlainText() if isinstance(e, QPlainTextEdit) else e.text() for e in self._draft_edits()]}

    def restore_draft(self, draft: dict[str, Any]) -> None:
        texts = draft.get("texts")
        if not isinstance(texts, list) or not any(isinstance(text, str) and text for text in texts):
            return  # nothing was typed (Speed: the usual start; finding the fields takes ~2.5 ms)
        edits = self._draft_edits()
        if not isinstance(texts, list) or len(texts) != len(edits):
            return  # the form changed shape since (another version): start clean
        for edit, text in zip(edits, texts, strict=True):
            if isinstance(text, str) and text:
                if isinstance(edit, QPlainTextEdit):
                    edit.setPlainText(text)
                    edit.moveCursor(QTextCursor.MoveOperation.End)  # typing goes on where it stopped
                else:
                    edit.setText(text)
