"""Showing a finished job's result: the panel and one view per kind (images, transcript with
playback, embeddings). Each view can save() what it shows. Not here: reading result files
(gui/core/jobs.results, gui/core/formats)."""
