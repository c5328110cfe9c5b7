"""The job table: its model, view, columns and column chooser, progress delegate, the details
text, row actions, the auto-saver and the look at jobs other processes write. Not here: a
job's result view (preview) or the queue itself (gui/core/jobs)."""
