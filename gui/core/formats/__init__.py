"""The formats answers come in, read and written without Qt: image headers (image_info),
transcripts and subtitles, embedding vectors. Not here: where files are saved (export) or
how a job's result is found (jobs.results)."""
from gui import lazy_exports

__getattr__, __all__ = lazy_exports(__name__, {
    "Transcript": "subtitles", "Embeddings": "vectors", "image_format": "image_info",
})
