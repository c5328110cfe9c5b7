"""Batches: many requests from one template over a table, a JSONL file or a watched folder;
planning, running and continuing them, their row files and exports; the headless command's
runner. Not here: how one job is queued and stored (jobs), the batch window (gui/ui/batch)."""
