"""A local, deterministic Queue API server (Starlette + uvicorn) with knobs for testing.

It answers every queue endpoint with OpenAI-shaped bodies derived from hashes of the input,
so the same request always gets the same answer. It imports no Qt.
"""
from gui.sandbox.app import create_app
from gui.sandbox.catalog import MODELS, ModelType, SandboxModel
from gui.sandbox.config import SandboxConfig
from gui.sandbox.server import SandboxServer, serve
from gui.sandbox.state import RequestRecord, SandboxState

__all__ = [
    "MODELS",
    "ModelType",
    "RequestRecord",
    "SandboxConfig",
    "SandboxModel",
    "SandboxServer",
    "SandboxState",
    "create_app",
    "serve",
]
