"""The engine: store, client and scheduler built once and handed to whoever drives them
(the main window or a headless command), so tests can pass in a temporary home."""
from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from gui.core.api.bounded import DEFAULT_MAX_ANSWER_MB
from gui.core.api.client import DEFAULT_POLL_DEADLINE, QueueClient
from gui.core.api.spool import SPOOL_FOLDER
from gui.core.api.urls import check_base_url, is_loopback
from gui.core.api.wire import Timeouts
from gui.core.atomic_files import remove_stale_parts
from gui.core.endpoints import DEFAULT_BASE_URL
from gui.core.errors import MAX_SERVER_WAIT, InputProblem
from gui.core.jobs.scheduler import Scheduler
from gui.core.jobs.store import JobStore

if TYPE_CHECKING:
    from gui.core.profiles.profile import Profile

SANDBOX_KEY = "sandbox"  # the sandbox accepts any key; never a real one


def api_key_from_env(base_url: str = DEFAULT_BASE_URL) -> str:
    """OPENAI_API_KEY; a server on this machine may need no key, so there its absence is
    no error (requests then go without one)."""
    key = os.environ.get("OPENAI_API_KEY", "").strip()
    if not key and not is_loopback(urlsplit(base_url).hostname or ""):
        raise InputProblem("No API key: set OPENAI_API_KEY to the key from the provider's API key portal.")
    return key


@dataclass
class Engine:
    """The store, the client and the scheduler of one profile, opened and closed together."""
    store: JobStore
    client: QueueClient
    scheduler: Scheduler
    _closing_waits_for: set[asyncio.Future[Any]] = field(default_factory=set, repr=False)

    @classmethod
    def open(
        cls,
        base_url: str = DEFAULT_BASE_URL,
        api_key: str | None = None,
        *,
        home: Path | None = None,
        concurrency: int = 8,
        per_minute: int | None = None,
        timeouts: Timeouts = Timeouts(),
        max_attempts: int = 3,
        allow_plain_http: bool = False,
        ca_bundle: str | None = None,
        max_answer_mb: int = DEFAULT_MAX_ANSWER_MB,
        max_server_wait: float = MAX_SERVER_WAIT,
        poll_deadline: float = DEFAULT_POLL_DEADLINE,
        secrets: tuple[str, ...] = (),
    ) -> Engine:
        """`secrets`: keys besides `api_key` to redact from every answer (keys.KeyStore.secrets)."""
        base_url = check_base_url(base_url, allow_plain_http=allow_plain_http)
        store = JobStore.open_default(home)
        spool = str(store.results_dir / SPOOL_FOLDER)
        remove_stale_parts(spool)  # answers a killed process was reading
        client = QueueClient(base_url, api_key if api_key is not None else api_key_from_env(base_url),
                             timeouts=timeouts, max_connections=max(concurrency, 8), ca_bundle=ca_bundle,
                             allow_plain_http=allow_plain_http, max_answer_mb=max_answer_mb,
                             max_server_wait=max_server_wait, poll_deadline=poll_deadline, spool=spool,
                             secrets=secrets)
        scheduler = Scheduler(store, client, concurrency=concurrency, per_minute=per_minute,
                              max_attempts=max_attempts)
        return cls(store, client, scheduler)

    @classmethod
    def for_profile(cls, profile: Profile, api_key: str, *, home: Path | None = None,
                    defaults: dict[str, Any] | None = None, secrets: tuple[str, ...] = ()) -> Engine:
        """An engine for a stored profile; `defaults` are the queue settings the profile may override."""
        profile.check()
        return cls.open(api_key=api_key, home=home, secrets=secrets, **profile.engine_options(defaults))

    def finish_before_closing(self, work: asyncio.Future[Any]) -> None:
        """Work that closing the engine (the app quitting) waits for: a batch's record being
        written when the batch ends, as its last rows are interrupted by the close itself."""
        self._closing_waits_for.add(work)
        work.add_done_callback(self._closing_waits_for.discard)

    async def aclose(self) -> None:
        await self.scheduler.shutdown()
        while pending := [work for work in self._closing_waits_for if not work.done()]:
            await asyncio.gather(*pending, return_exceptions=True)
        await self.client.aclose()
        self.store.close()
