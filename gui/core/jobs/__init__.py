"""Jobs from submission to result: the job record and its states, the SQLite history (store,
write-behind), the scheduler with its throttle, and reading a finished job's result (results,
result_images). Not here: the HTTP itself (api), request bodies (builders), writing results
where the user wants them (export), batches (batch)."""
from gui import lazy_exports

__getattr__, __all__ = lazy_exports(__name__, {
    "Job": "job", "JobState": "job", "JobStore": "store", "Scheduler": "scheduler",
})
