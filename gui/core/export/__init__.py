"""Results out of the app: saving a job's files under a name template (saving, naming),
transcript exports and the curl command of a request. Not here: reading a job's result
(jobs.results), batch exports (batch.export), the file formats themselves (formats)."""
from gui import lazy_exports

__getattr__, __all__ = lazy_exports(__name__, {
    "save_file": "saving", "render_name": "naming", "export_transcript": "transcripts", "curl_command": "curl",
})
