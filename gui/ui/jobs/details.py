"""A job's details in a window of its own (non-modal): the exact request (endpoint, body,
uploaded files, the multipart fields as sent), the timings and every attempt, the HTTP
status, the usage and the raw response."""
from __future__ import annotations

import html
import json
import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.core.endpoints import BodyKind
from gui.core.export.curl import curl_command, request_parts
from gui.core.i18n import shown
from gui.core.jobs.job import Job
from gui.core.jobs.store import JobStore
from gui.ui.jobs.columns import format_duration

RAW_LIMIT = 1_000_000  # characters of the raw response shown; the file keeps it all


def _stamp(t: float | None) -> str:
    if t is None:
        return "—"
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(t)) + f".{int((t % 1) * 1000):03d}"


def _mono(text: str, parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setReadOnly(True)
    edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    edit.setPlainText(text)
    return edit


def request_text(job: Job, base_url: str) -> str:
    parts = request_parts(base_url, job)
    lines = [f"{parts.method} {parts.url}", ""]
    if parts.kind is BodyKind.MULTIPART:
        lines.append("multipart/form-data")
        for field, path in parts.files:
            try:
                size = QCoreApplication.translate("job_details", "{count} bytes").format(
                    count=f"{os.path.getsize(path):,}".replace(",", " "))
            except OSError:
                size = QCoreApplication.translate("job_details", "file missing now")
            lines.append(f"  {field} = @{path}  ({size})")
        lines += [f"  {name} = {item}" for name, item in parts.fields]
        lines += ["", QCoreApplication.translate("job_details", "Body fields (as built):")]
    elif parts.kind is BodyKind.JSON:
        lines.append("application/json")
    lines.append(json.dumps(parts.body, indent=2, ensure_ascii=False))
    return "\n".join(lines)


def timing_rows(job: Job) -> list[tuple[str, str]]:
    rows = [(QCoreApplication.translate("job_details", "Created"), _stamp(job.created_at)),
            (QCoreApplication.translate("job_details", "Started"), _stamp(job.started_at)),
            (QCoreApplication.translate("job_details", "Finished"), _stamp(job.finished_at)),
            (QCoreApplication.translate("job_details", "Elapsed"), format_duration(job.elapsed()) or "—"),
            (QCoreApplication.translate("job_details", "Attempts"), str(job.attempts)),
            (QCoreApplication.translate("job_details", "State"), job.state.label)]
    if job.server_job_id or job.status_url:
        rows += [(QCoreApplication.translate("job_details", "Server job id"), job.server_job_id or "—"),
                 (QCoreApplication.translate("job_details", "Status URL"), job.status_url or "—")]
    return rows


def raw_response(job: Job) -> str:
    if not job.result_path:
        return QCoreApplication.translate("job_details", "No response stored (the job has not succeeded).")
    try:
        data = Path(job.result_path).read_bytes()
    except OSError as exc:
        return QCoreApplication.translate("job_details", "The response file could not be read: {reason}").format(
            reason=exc.strerror or exc)
    text = data[:RAW_LIMIT].decode("utf-8", "replace")
    if job.result_path.endswith(".json") and len(data) <= RAW_LIMIT:
        try:
            text = json.dumps(json.loads(data), indent=2, ensure_ascii=False)
        except ValueError:
            pass
    if len(data) > RAW_LIMIT:
        text += "\n\n" + QCoreApplication.translate("job_details", "… {count} more bytes in {path}").format(
            count=f"{len(data) - RAW_LIMIT:,}", path=job.result_path)
    return text


class JobDetailsDialog(QDialog):
    def __init__(self, job: Job, store: JobStore, base_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self._base_url = base_url
        self.setWindowTitle(self.tr("Job {id} — {endpoint}").format(id=job.id, endpoint=job.endpoint.label))
        self.resize(760, 560)
        tabs = QTabWidget(self)
        self.request = _mono(request_text(job, base_url), self)
        tabs.addTab(self.request, self.tr("Request"))

        timings = QWidget(self)
        facts = QLabel("<table>" + "".join(f"<tr><td style='padding-right:12px'>{k}</td><td>{v}</td></tr>"
                                           for k, v in timing_rows(job)) + "</table>", timings)
        self.attempts = QTableWidget(0, 4, timings)
        self.attempts.setHorizontalHeaderLabels([self.tr("Time"), self.tr("State"), self.tr("Attempt"), self.tr("Detail")])
        self.attempts.verticalHeader().setVisible(False)
        self.attempts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.attempts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.attempts.horizontalHeader().setStretchLastSection(True)
        history = store.history(job.id)
        self.attempts.setRowCount(len(history))
        for row, t in enumerate(history):
            for col, value in enumerate((_stamp(t.at), t.state.label, str(t.attempt), shown(t.detail) or "")):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.attempts.setItem(row, col, item)
        box = QVBoxLayout(timings)
        box.addWidget(facts)
        box.addWidget(self.attempts, 1)
        tabs.addTab(timings, self.tr("Timings"))

        response = QWidget(self)
        status = str(job.http_status) if job.http_status else "—"
        usage = json.dumps(job.usage, indent=2) if job.usage else "—"
        error = shown(job.error)
        head_text = (self.tr("HTTP status: <b>{status}</b><br>Error: {error}").format(status=status,
                                                                                     error=html.escape(error))
                     if error else self.tr("HTTP status: <b>{status}</b>").format(status=status))
        self.status = head = QLabel(head_text, response)
        head.setWordWrap(True)
        self.usage = _mono(self.tr("Usage:\n{usage}").format(usage=usage), response)
        self.usage.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        self.raw = _mono(raw_response(job), response)
        box = QVBoxLayout(response)
        box.addWidget(head)
        box.addWidget(self.usage)
        box.addWidget(QLabel(self.tr("Raw response:"), response))
        box.addWidget(self.raw, 1)
        tabs.addTab(response, self.tr("Response"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(self.tr("Copy as curl"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(curl_command(self._base_url, job)))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.tabs = tabs
