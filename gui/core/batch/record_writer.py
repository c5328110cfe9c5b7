"""How a batch run's outcomes reach its record (record.py): each row's line waits in memory
until the job store has recorded the row's job, then goes into the file in a burst with
others, right after the store's next commit; the whole record is rewritten in input order
when the run opens (in the worker thread that loads it) and when it ends.

At the end the rewrite runs in a worker thread: at a million rows it takes seconds, which
on the event loop would freeze the window. Meanwhile nothing is appended (the run starts
nothing while it finishes), and the lines not yet in the file stay here, where exports
find them; only the renames that put the new files in place run on the event loop, where
exports take their snapshots, so an export sees the old file and these lines, or the new
file alone."""
from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gui.core.batch.cells import Cells
    from gui.core.batch.folder_lock import FolderLock
    from gui.core.batch.record import Record
    from gui.core.jobs.scheduler import Scheduler


class RecordWriter:
    def __init__(self, record: Record, folder: FolderLock, scheduler: Scheduler) -> None:
        self.record = record
        self._folder = folder  # only its holder writes the folder
        self._scheduler = scheduler
        self._unwritten: list[tuple[int, str, Cells | None]] = []  # (row, line, its cells) not yet in the file
        self._appending = False  # an append waits for the store's next commit
        self._rewriting = False

    def add(self, index: int, line: str, cells: Cells | None) -> None:
        self._unwritten.append((index, line, cells))

    def pending_lines(self) -> list[tuple[int, str]]:
        """(row, line) of outcomes not yet written to the record."""
        return [(index, line) for index, line, _ in self._unwritten]

    def append_soon(self) -> None:
        # Right after the store's next write-behind commit: the record never has a row whose
        # outcome the history lacks, and costs no transaction of its own.
        if self._unwritten and not self._appending and not self._rewriting:
            self._appending = True
            self._scheduler.after_flush(self._append)

    def _append(self) -> None:
        self._appending = False
        if not self._unwritten or not self._folder.held or self._rewriting:
            return
        lines, self._unwritten = self._unwritten, []
        self.record.append(lines)

    def _pending(self) -> dict[int, tuple[str, Cells | None]]:
        return {index: (line, cells) for index, line, cells in self._unwritten}

    def write_ordered(self) -> None:
        """The record in input order, here and now (in the worker that opens the run)."""
        if self._folder.held:
            self.record.rewrite(self._pending())
            self._unwritten = []  # all of it is in the file written now

    async def write_ordered_off_loop(self) -> None:
        """The record in input order, written in a worker thread; the caller starts
        nothing that adds lines until this returns."""
        if not self._folder.held:
            return
        loop = asyncio.get_running_loop()
        self._rewriting = True
        try:
            written = len(self._unwritten)
            ordered = await loop.run_in_executor(None, self.record.write_ordered, self._pending())
            self.record.put_in_place(ordered)
            del self._unwritten[:written]  # in the file now
            await loop.run_in_executor(None, self.record.settle, ordered)
        finally:
            self._rewriting = False
