"""Where to send work: server profiles, API keys in the system keyring (never on disk in
plain text) and the connection check. Not here: the HTTP client itself (api)."""
from gui import lazy_exports

__getattr__, __all__ = lazy_exports(__name__, {"Profile": "profile", "ProfileStore": "profile", "KeyStore": "keys"})
