"""Queue Desk: send long-running AI work to an OpenAI-compatible Queue API, watch it, keep its results."""
__version__ = "0.1.0"
