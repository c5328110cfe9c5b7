"""A batch's states and its rows': what the window, the exports and the command line show."""
from __future__ import annotations

import enum
from dataclasses import dataclass

from gui.core.jobs.job import JobState


class RunState(enum.Enum):
    IDLE = "idle"  # opened (or restored after a restart); nothing handed over
    RUNNING = "running"
    PAUSED = "paused"  # no new rows are handed over; handed-over rows finish
    CANCELLING = "cancelling"
    FINISHED = "finished"  # every row has an outcome
    CANCELLED = "cancelled"  # stopped by the user; rows never sent have none
    INTERRUPTED = "interrupted"  # the engine shut down (the app quit) while the batch ran

    @property
    def active(self) -> bool:
        return self in (RunState.RUNNING, RunState.PAUSED, RunState.CANCELLING)


class RowState(enum.Enum):
    """A row's outcome in this batch, as exports and the window show it."""
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"
    RUNNING = "running"
    NOT_RUN = "not run"


# A row's outcome as one byte (a run keeps one per row): 0 none, else its index here.
NO_OUTCOME = 0
OUTCOME_CODES = (None, RowState.SUCCEEDED, RowState.FAILED, RowState.CANCELLED, RowState.INTERRUPTED)


def state_of_code(code: int) -> RowState:
    """A row's state from `BatchRun.row_states()` codes (a row without an outcome: not run)."""
    return OUTCOME_CODES[code] or RowState.NOT_RUN


ROW_STATE_OF_JOB = {JobState.CANCELLED: RowState.CANCELLED, JobState.INTERRUPTED: RowState.INTERRUPTED}


@dataclass(frozen=True)
class Progress:
    total: int
    done: int
    failed: int  # failed, cancelled or interrupted
    remaining: int
    in_flight: int
    rate: float  # rows per second over the last minute
    eta: float | None  # seconds

    @property
    def finished(self) -> int:
        return self.done + self.failed
