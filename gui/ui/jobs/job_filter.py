"""What the filter box finds: a job's searched text as the table shows it, and the view of
the history (history.View) that a filter text and a batch stand for."""
from __future__ import annotations

import time
from dataclasses import replace

from gui.core.endpoints import Endpoint
from gui.core.jobs.history import View
from gui.core.jobs.job import SEARCHED_FIELDS, Job, JobState
from gui.ui.jobs.columns import error_text, state_text


def search_text(job: Job) -> str:
    """What the filter box searches in a job: the fields the store's search reads, state,
    endpoint and error as shown."""
    shown = {"state": state_text(job, time.time()), "endpoint": job.endpoint.label, "error": error_text(job)}
    return "\n".join(shown[f] if f in shown else getattr(job, f) or "" for f in SEARCHED_FIELDS)


def filtered(view: View, text: str, batch_id: str | None) -> View:
    """`view` through the filter box's `text` and a batch. States and endpoints whose name as
    shown (translated) contains the text match too: the database holds the English values, so
    "fehlgeschlagen" alone would find nothing."""
    text = text.strip()
    needle = text.casefold()
    values = {"state": [s.value for s in JobState if needle in s.label.casefold()],
              "endpoint": [e.value for e in Endpoint if needle in e.label.casefold()]} if needle else {}
    return replace(view, search=text, search_values=values, batch_id=batch_id)


def matches(view: View, job: Job) -> bool:
    """Whether a job that arrives passes the filter the history was read through."""
    if view.batch_id is not None and job.batch_id != view.batch_id:
        return False
    return not view.search or view.search.casefold() in search_text(job).casefold()
