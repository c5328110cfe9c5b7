"""The selected job in detail: its header (job_header.py: state, timings, the error in
plain words, the timeline, folding away on request) and its result, for chat/completion
jobs the answer rendered as markdown, for the other kinds a view of their own; "Save as…"
writes it out as txt, md or the raw JSON response."""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.endpoints import Endpoint, ResultKind
from gui.core.jobs.job import Job, JobState
from gui.core.jobs.results import read_text
from gui.core.jobs.store import JobStore
from gui.ui.preview.job_header import JobHeader
from gui.ui.runtime import settings as app_settings
from gui.ui.runtime import theme
from gui.ui.runtime.icons import set_line_icon
from gui.ui.runtime.settings import Key

if TYPE_CHECKING:  # Speed: the Python types of what a first frame's preview does not use, made when used
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage

    from gui.ui.preview.embeddings import EmbeddingsView
    from gui.ui.preview.images import ImageGallery
    from gui.ui.preview.transcript import TranscriptView
    from gui.ui.widgets.models_table import ModelsView

MAX_PREVIEW_BYTES = 2_000_000  # bigger results are saved, not rendered


class SafeBrowser(QTextBrowser):
    """Shows API output without fetching anything: markdown images pointing at local
    files (or anywhere) are not loaded. Only an empty QImage blocks them; returning
    None or an empty QByteArray still loads the file."""

    def loadResource(self, _type: int, _name: QUrl) -> QImage:  # noqa: N802 - Qt override
        from PySide6.QtGui import QImage

        return QImage()




class PreviewPanel(QWidget):
    def __init__(self, store: JobStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.job: Job | None = None
        self.text: str | None = None  # the displayable result text of `job`
        self._loaded: object = ()  # (job id, result path) shown; () before the first show
        self._step: object = ()  # (job id, state, attempts) the timeline was read for

        self.browser = SafeBrowser(self)
        self.browser.setAccessibleName(self.tr("Job details and result"))
        self.browser.setOpenLinks(False)  # a click must not navigate the browser itself
        self.browser.anchorClicked.connect(_open_web_link)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.clicked.connect(self.ask_save_path)
        set_line_icon(self.save_button, "save")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # One view per kind of result; the text browser is the default. Speed: the others
        # are made (and their modules imported) when first needed, not at start-up.
        self.views = QStackedWidget(self)
        self.views.addWidget(self.browser)
        self._kind_views: dict[str, QWidget] = {}
        # The job header (state, times, timeline) folds away so the result can have the room;
        # the choice is kept for the next start.
        self.header_toggle = QToolButton(self, autoRaise=True,
                                         toolTip=self.tr("Show or hide the job's state, times and timeline"))
        self.header_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header_toggle.clicked.connect(self._toggle_header)
        buttons = QHBoxLayout()
        buttons.addWidget(self.header_toggle)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = JobHeader(self)
        layout.addWidget(self.header)
        layout.addWidget(self.views, 1)
        layout.addLayout(buttons)
        self.header_shown = True
        self._show_header(app_settings.get(Key.PREVIEW_HEADER))
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._render_header)
        theme.palette_applied.connect(self._render_header)  # light <-> dark: the colours are baked into the HTML
        self.show_job(None)

    def _toggle_header(self) -> None:
        self._show_header(not self.header_shown)
        app_settings.put(Key.PREVIEW_HEADER, self.header_shown)

    def _show_header(self, shown: bool) -> None:
        self.header_shown = shown
        self.header.setVisible(shown and self.job is not None)
        self.header_toggle.setText(self.tr("Hide job header") if shown else self.tr("Show job header"))
        self.header_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    @property
    def embeddings(self) -> EmbeddingsView:
        return self._kind_view("embeddings")

    @property
    def transcript(self) -> TranscriptView:
        return self._kind_view("transcript")

    @property
    def gallery(self) -> ImageGallery:
        return self._kind_view("gallery")

    @property
    def models(self) -> ModelsView:
        return self._kind_view("models")

    def _kind_view(self, name: str) -> QWidget:
        view = self._kind_views.get(name)
        if view is None:
            if name == "embeddings":
                from gui.ui.preview.embeddings import EmbeddingsView
                view = EmbeddingsView(self.message.setText, self)
            elif name == "transcript":
                from gui.ui.preview.transcript import TranscriptView
                view = TranscriptView(self.message.setText, self)
            elif name == "gallery":
                from gui.ui.preview.images import ImageGallery
                view = ImageGallery(self.message.setText, self)
            else:
                from gui.ui.widgets.models_table import ModelsView
                view = ModelsView(self)
            self._kind_views[name] = view
            self.views.addWidget(view)
        return view

    # -- showing --------------------------------------------------------------

    def show_job(self, job: Job | None) -> None:
        """Show `job` (None clears). Called on selection changes and when the shown job
        changes; the result file is read only when a new result appears."""
        same = job is not None and self.job is not None and job.id == self.job.id
        self.job = job
        if not same:
            self.message.clear()
        step = (job.id, job.state, job.attempts) if job else None
        if step != self._step:  # the timeline grew
            self._step = step
            self._history = self._store.history(job.id) if job else []
        self._render_header()
        self._load_result()
        live = job is not None and not job.state.terminal
        if live != self._ticker.isActive():
            self._ticker.start() if live else self._ticker.stop()

    def _load_result(self) -> None:
        job = self.job
        key = (job.id, job.result_path, job.state) if job else None  # the state: what the placeholder says
        if key == self._loaded:
            return
        self._loaded = key
        self.text = None
        self.browser.clear()
        self.browser.setPlaceholderText("")
        view = self._view_for(job)
        self.views.setCurrentWidget(view)
        self.save_button.setVisible(view is self.browser)
        if job is None:
            self.browser.setPlaceholderText(self.tr("Select a job to see its details and result."))
        elif view is not self.browser:
            view.show_job(job)
        elif job.state is JobState.SUCCEEDED and job.result_path:
            self._show_result(job)
        else:
            self._note(self._no_result_words(job.state))
        self.save_button.setEnabled(self.text is not None)

    def _note(self, text: str) -> None:
        """Words in place of a result (none yet, none coming, too big), greyed like a
        placeholder but wrapped: Qt draws a placeholder on one line, cut at the edge."""
        import html  # Speed: not at start-up (no job is shown yet)

        palette = self.browser.palette()
        grey, base = palette.color(QPalette.ColorRole.PlaceholderText), palette.color(QPalette.ColorRole.Base)
        a = grey.alphaF()  # the light palette's is half-transparent black: mixed with the page here
        colour = "#%02x%02x%02x" % tuple(round(g * a + b * (1 - a)) for g, b in
                                         zip(grey.getRgb()[:3], base.getRgb()[:3]))
        self.browser.setHtml(f'<p style="color: {colour}">{html.escape(text)}</p>')

    def _no_result_words(self, state: JobState) -> str:
        """Why there is no result to show: coming, or not coming (and what to do)."""
        if state is JobState.FAILED:
            return self.tr("This job failed, so it has no result; the reason is above. Resubmit sends it "
                           "again.")
        if state is JobState.CANCELLED:
            return self.tr("This job was cancelled, so it has no result. Resubmit sends it again.")
        if state is JobState.INTERRUPTED:
            return self.tr("This job stopped when the app closed, before its answer came, so it has no result. "
                           "Resubmit sends it again.")
        return self.tr("The result appears here when the job has succeeded.")

    def _view_for(self, job: Job | None) -> QWidget:
        if job is None or job.state is not JobState.SUCCEEDED or not job.result_path:
            return self.browser
        kind = job.endpoint.spec.result
        if kind is ResultKind.EMBEDDINGS:
            return self.embeddings
        if kind is ResultKind.IMAGES:
            return self.gallery
        if kind is ResultKind.TRANSCRIPT:
            return self.transcript
        if kind is ResultKind.MODEL_LIST:
            return self.models
        return self.browser

    def _show_result(self, job: Job) -> None:
        path = Path(job.result_path or "")
        try:
            size = path.stat().st_size
            if size > MAX_PREVIEW_BYTES:
                self._note(
                    self.tr("The result is {size} MB, too big to show here. Use Save as… to keep it.").format(
                        size=f"{size / 1e6:.1f}"))
                self.text = ""
                return
            self.text = read_text(path, job.endpoint)
        except (OSError, ValueError) as exc:
            self._note(self.tr("The result file could not be read: {reason}").format(reason=exc))
            return
        fields = _structured(job, self.text)
        if fields is not None:  # an answer asked for as output fields: shown as a form, not JSON
            self.browser.setHtml(_fields_html(fields))
        elif job.endpoint.spec.result is ResultKind.TEXT:
            from PySide6.QtGui import QTextDocument

            features = QTextDocument.MarkdownFeature
            self.browser.document().setMarkdown(self.text, features.MarkdownNoHTML | features.MarkdownDialectGitHub)
        else:
            self.browser.setPlainText(self.text)

    def _render_header(self) -> None:
        """The header as of now (a live job's elapsed time moves: the ticker calls this)."""
        shown = self.job is not None
        self.header_toggle.setVisible(shown)  # nothing to fold without a job
        self.header.setVisible(shown and self.header_shown)
        self.header.show_job(self.job, self._history)

    # -- saving ---------------------------------------------------------------

    def suggested_name(self) -> str:
        job = self.job
        if job is None:
            return "result.md"
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(job.created_at))
        suffix = "md" if job.endpoint in (Endpoint.CHAT, Endpoint.COMPLETIONS) else "txt"
        return f"{job.endpoint.value}-{stamp}-{job.short_id}.{suffix}"

    def save(self) -> bool:
        """Ctrl+S: the Save as… of whatever is shown (text, transcript, image, vectors).
        Every result view has save(); False when there is nothing to save."""
        view = self.views.currentWidget()
        if view is not self.browser:
            return view.save()
        if not self.save_button.isEnabled() or self.save_button.isHidden():
            return False
        self.ask_save_path()
        return True

    def ask_save_path(self) -> None:
        """Open the save dialog without blocking (never `exec()` on the event loop)."""
        if self.job is None or self.text is None:
            return
        from gui.ui.widgets.save_dialog import (
            ask_save,  # Speed: with the first save, not at start-up
        )

        name = self.suggested_name()
        text_filter = self.tr("Text ({pattern})").format(pattern="*.txt")
        filters = ["Markdown (*.md)", text_filter, self.tr("Raw response, JSON ({pattern})").format(pattern="*.json")]
        ask_save(self, self.tr("Save result as"), name, filters, self.save_as,
                 text_filter if name.endswith(".txt") else None)

    def save_as(self, path: str | Path) -> Path | None:
        """Write the shown result to `path`: .json copies the raw response, anything else
        gets the text. Atomic: a failed save never leaves half a file."""
        job, target = self.job, Path(path)
        if job is None or not job.result_path or self.text is None:
            self.message.setText(self.tr("There is no result to save yet."))
            return None
        try:
            if target.suffix.lower() == ".json":
                raw = Path(job.result_path).read_bytes()
                if Path(job.result_path).suffix != ".json":  # the server sent text: wrap it
                    raw = json.dumps({"text": raw.decode("utf-8", "replace")}, ensure_ascii=False).encode()
            else:
                raw = self.text if self.text or not job.result_path else read_text(job.result_path, job.endpoint)
        except OSError as exc:
            self.message.setText(self.tr("The result file could not be read: {reason}").format(reason=exc.strerror or exc))
            return None
        from gui.ui.widgets.save_dialog import save_and_report

        return save_and_report(target, raw, self.message.setText)


def _open_web_link(url: QUrl) -> None:
    if url.scheme() in ("http", "https"):
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(url)


def _structured(job: Job, text: str) -> dict | None:
    """The answer's fields when the request asked for JSON (json_schema or json_object)."""
    fmt = job.body.get("response_format") if isinstance(job.body, dict) else None
    if not isinstance(fmt, dict) or fmt.get("type") not in ("json_schema", "json_object"):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _fields_html(fields: dict) -> str:
    import html

    def shown(value) -> str:
        if isinstance(value, list):
            return "; ".join(shown(v) for v in value)
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    rows = "".join(f'<tr><td style="padding:2px 12px 2px 0"><b>{html.escape(str(name))}</b></td>'
                   f"<td>{html.escape(shown(value))}</td></tr>" for name, value in fields.items())
    return f"<table>{rows}</table>"
