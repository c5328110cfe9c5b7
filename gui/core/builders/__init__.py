"""Request bodies from what the user gave: the form fields of each endpoint (bodies, with
media_bodies for audio and image uploads) and the command line's arguments (cli_args),
checked before anything is sent. Not here: sending (api), the endpoint catalogue (endpoints)."""
from gui import lazy_exports

__getattr__, __all__ = lazy_exports(__name__, {"build_jobs": "cli_args", "finish": "bodies"})
