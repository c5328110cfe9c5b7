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
    FINISHING = "finishing"  # every row is over; its record is being written in input order
    FINISHED = "finished"  # every row has an outcome
    CANCELLED = "cancelled"  # stopped by the user; rows never sent have none
    INTERRUPTED = "interrupted"  # the engine shut down (the app quit) while the batch ran

    @property
    def active(self) -> bool:
        """The run holds its output folder: rows are running, or its record is being written."""
        return self in (RunState.RUNNING, RunState.PAUSED, RunState.CANCELLING, RunState.FINISHING)

    @property
    def sending(self) -> bool:
        """Rows are running or waiting to: the run can be cancelled, and ends when they do."""
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


class Outcomes:
    """Each row's outcome as one byte (a million rows: 1 MB), with counts kept as they change."""

    def __init__(self, rows: int) -> None:
        self.codes = bytearray(rows)
        self._counts = [0] * len(OUTCOME_CODES)  # (the count of NO_OUTCOME is not used)

    def set(self, index: int, state: RowState | None) -> None:
        code = NO_OUTCOME if state is None else OUTCOME_CODES.index(state)
        self._counts[self.codes[index]] -= 1
        self._counts[code] += 1
        self.codes[index] = code

    def succeeded(self, index: int) -> bool | None:
        """None: the row has no outcome now."""
        code = self.codes[index]
        return None if code == NO_OUTCOME else OUTCOME_CODES[code] is RowState.SUCCEEDED

    @property
    def done(self) -> int:
        return self._counts[OUTCOME_CODES.index(RowState.SUCCEEDED)]

    @property
    def failed(self) -> int:  # failed, cancelled or interrupted
        return sum(self._counts[1:]) - self.done


def state_of_code(code: int) -> RowState:
    """A row's state from `BatchRun.row_states()` codes (a row without an outcome: not run)."""
    return OUTCOME_CODES[code] or RowState.NOT_RUN


ROW_STATE_OF_JOB = {JobState.CANCELLED: RowState.CANCELLED, JobState.INTERRUPTED: RowState.INTERRUPTED}


@dataclass(frozen=True)
class Progress:
    """A batch's progress at one moment: row counts by outcome, rows still to run or in flight,
    the recent rate and the estimated time left."""
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
