"""What the window runs on, before any widget: the event loop, background work off it, the
settings keys, theme, language and bundled resources. Not here: widgets, or anything that
knows about jobs."""
