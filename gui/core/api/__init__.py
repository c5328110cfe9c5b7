"""Talking to the Queue API over HTTP: the client (send, poll, fetch), the request and reply
types (wire), uploads, URL rules, the network stack (httpx over aiohttp, proxies, TLS) and the
model list. Not here: what a request body contains (builders) or what becomes of an answer
(jobs, export). Importing this package loads no network library; the client does on its
first request."""
from gui import lazy_exports

__getattr__, __all__ = lazy_exports(__name__, {
    "QueueClient": "client",
    "Request": "wire", "Reply": "wire", "Upload": "wire", "Hooks": "wire", "Timeouts": "wire",
})
