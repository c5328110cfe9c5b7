"""What the Batch dialog shows before launch: the first rows rendered as they will be
sent (unknown placeholders marked), and the row count with the input-token estimate."""
from __future__ import annotations

import html
import json

from PySide6.QtCore import QCoreApplication

from gui.core.batch.plan import BatchPlan
from gui.core.batch.template import CHARS_PER_TOKEN, unknown_placeholders
from gui.core.endpoints import BodyKind, Endpoint

PREVIEW_ROWS = 5
_MARK = "background: #fadbd8; color: #922b21; border-radius: 2px;"


def _marked(text: str, unknown: list[str]) -> str:
    """Escaped text with the unknown placeholders highlighted."""
    out = html.escape(text).replace("\n", "<br>")
    for name in unknown:
        token = html.escape("{" + name + "}")
        out = out.replace(token, f'<span style="{_MARK}">{token}</span>')
    return out or '<i style="color: #b9770e;">' + QCoreApplication.translate("batch_preview", "(empty)") + "</i>"


def preview_html(plan: BatchPlan, rows: int = PREVIEW_ROWS) -> str:
    columns = plan.table.columns
    spec = plan.spec
    unknown = unknown_placeholders(spec.template, columns) + unknown_placeholders(spec.system, columns)
    parts = []
    for index in range(min(rows, len(plan))):
        head = f'<p style="margin: 8px 0 2px 0;"><b>{html.escape(plan.custom_ids[index])}</b>'
        if plan.is_jsonl:
            endpoint, body, _ = plan.body(index)
            text = json.dumps(body, ensure_ascii=False, indent=1)
            parts.append(f'{head} <span style="color: gray;">{endpoint.label}</span></p>'
                         f'<pre style="margin: 0;">{html.escape(text[:600])}</pre>')
            continue
        parts.append(head + "</p>")
        if spec.endpoint.spec.body is BodyKind.MULTIPART:
            file = plan.texts(index).get(spec.file_column, "")
            label = QCoreApplication.translate("batch_preview", "file")
            parts.append(f'<p style="margin: 0;"><span style="color: gray;">{label}</span> {html.escape(file)}</p>')
        system = plan.system_text(index) if spec.endpoint is Endpoint.CHAT and spec.system.strip() else None
        if system is not None:
            label = QCoreApplication.translate("batch_preview", "system")
            parts.append(f'<p style="margin: 0; color: #566573;"><i>{label}</i> · {_marked(system, unknown)}</p>')
        user = plan.user_text(index)
        if spec.endpoint.spec.body is not BodyKind.MULTIPART or user.strip():
            if spec.endpoint is Endpoint.CHAT:
                label = QCoreApplication.translate("batch_preview", "user")
            elif spec.endpoint is Endpoint.EMBEDDINGS:
                label = QCoreApplication.translate("batch_preview", "input")
            else:
                label = QCoreApplication.translate("batch_preview", "prompt")
            parts.append(f'<p style="margin: 0;"><i style="color: gray;">{label}</i> · {_marked(user, unknown)}</p>')
    more = len(plan) - rows
    if not plan.table.complete:
        parts.append('<p style="color: gray; margin-top: 8px;">' + QCoreApplication.translate(
            "batch_preview", "… and more rows (counting)") + "</p>")
    elif more > 0:
        if more == 1:
            tail = QCoreApplication.translate("batch_preview", "… and {count} more row")
        else:
            tail = QCoreApplication.translate("batch_preview", "… and {count} more rows")
        tail = tail.format(count=f"{more:,}")
        parts.append(f'<p style="color: gray; margin-top: 8px;">{tail}</p>')
    return "".join(parts)


def summary_text(plan: BatchPlan, tokens: int | None) -> str:
    n = len(plan)
    if not plan.table.complete:
        return QCoreApplication.translate("batch_preview", "Counting rows…")
    if n == 1:
        rows = QCoreApplication.translate("batch_preview", "{count} row").format(count=f"{n:,}")
    else:
        rows = QCoreApplication.translate("batch_preview", "{count} rows").format(count=f"{n:,}")
    if plan.spec.endpoint.spec.body is BodyKind.MULTIPART and not plan.is_jsonl:
        return QCoreApplication.translate("batch_preview", "{rows} · one audio file each").format(rows=rows)
    if tokens is None:
        return QCoreApplication.translate("batch_preview", "{rows} · estimating input tokens…").format(rows=rows)
    return QCoreApplication.translate("batch_preview", "{rows} · about {tokens} input tokens").format(
        rows=rows, tokens=f"{tokens:,}")


def token_tip() -> str:
    """The tooltip on the row count: how the token estimate is made."""
    return QCoreApplication.translate(
        "batch_preview", "Estimated at about {chars} characters per token (plus a few per message), "
        "the usual rule of thumb for English text. The model's own tokenizer decides the real count.",
    ).format(chars=CHARS_PER_TOKEN)
