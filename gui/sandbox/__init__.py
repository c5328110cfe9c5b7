"""A local, deterministic Queue API server (Starlette + uvicorn) with knobs for testing.

It answers every queue endpoint with OpenAI-shaped bodies derived from hashes of the input,
so the same request always gets the same answer. It imports no Qt.
"""
from .app import create_app
from .catalog import MODELS, ModelType, SandboxModel
from .config import SandboxConfig
from .server import SandboxServer, serve
from .state import RequestRecord, SandboxState

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
