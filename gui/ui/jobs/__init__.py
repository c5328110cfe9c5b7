"""The job table: its model, view, columns and column chooser, progress delegate, the details
text, row actions and the auto-saver. Not here: a job's result view (preview) or the queue
itself (gui/core/jobs)."""
