"""Everything the running app remembers between requests: knobs, log, counters, jobs, files."""
from __future__ import annotations

import collections
import itertools
import random
import threading
from dataclasses import dataclass, field
from typing import Any

from gui.sandbox.config import SandboxConfig, reset_config
from gui.sandbox.jobs import JobStore
from gui.sandbox.seeds import short_id

REQUEST_LOG_LIMIT = 100_000


@dataclass
class RequestRecord:
    """One request in the sandbox's log: method, path, status, what was sent (JSON body or multipart
    field names, query, headers) and when it came and how long it took."""
    method: str
    path: str
    status: int
    json: Any = None  # the parsed JSON body, for JSON requests
    fields: list[str] | None = None  # multipart field names in the order sent, for uploads
    query: str = ""
    headers: dict[str, str] = field(default_factory=dict)  # Authorization redacted
    started: float = 0.0  # time.time() when the request arrived
    duration: float = 0.0  # seconds until the answer was complete


class SandboxState:
    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        # Bounded: a long-running sandbox (demos, benchmarks) must not grow without end.
        self.requests: collections.deque[RequestRecord] = collections.deque(maxlen=REQUEST_LOG_LIMIT)
        self.jobs = JobStore()
        self.files: dict[str, bytes] = {}  # images served by /files/<id>.png (response_format=url)
        self._lock = threading.Lock()
        # Never reset, so ids stay unique for the server's lifetime even across reset().
        self._sequence = itertools.count(1)
        self.generation = 0  # counts resets; see record()
        self._reset_counters()

    def _reset_counters(self) -> None:
        self._rng = random.Random(self.config.seed)
        self._rng_seed = self.config.seed
        self._fault_rng: random.Random | None = None
        self._posts = 0
        self._rate_every = self.config.rate_limit_every

    def reset(self) -> None:
        with self._lock:
            self.generation += 1
            reset_config(self.config)
            self.requests.clear()  # in place: callers may hold the list
            self.jobs.clear()
            self.files.clear()
            self._reset_counters()

    def record(self, entry: RequestRecord, generation: int | None = None) -> None:
        """Log a request. One that arrived before the last reset is not logged (a request
        held by latency finishes after the test that sent it, into the next test's log)."""
        with self._lock:
            if generation is None or generation == self.generation:
                self.requests.append(entry)

    def new_id(self, prefix: str, *parts: Any) -> str:
        """Deterministic for a given request sequence, unique for the server's lifetime."""
        number = next(self._sequence)
        return f"{prefix}{short_id(number, *parts, length=16)}"

    def rate_limited(self) -> bool:
        """Whether this POST is the Nth since the knob was last set (or reset)."""
        every = self.config.rate_limit_every
        with self._lock:
            if every != self._rate_every:  # knob flipped live: count afresh from here
                self._rate_every, self._posts = every, 0
            if every <= 0:
                return False
            self._posts += 1
            return self._posts % every == 0

    def pick_fault(self) -> str | None:
        """The network fault this POST meets, if any (its own seeded sequence)."""
        with self._lock:
            if self.config.fault_rate <= 0:
                return None
            if self._fault_rng is None:
                self._fault_rng = random.Random(self.config.seed + 1)
            if self._fault_rng.random() >= self.config.fault_rate:
                return None
            kinds = [k.strip() for k in self.config.faults.split(",") if k.strip()]
            return self._fault_rng.choice(kinds) if kinds else None

    def should_fail(self) -> bool:
        with self._lock:
            if self.config.seed != self._rng_seed:  # seed flipped live: restart its sequence
                self._rng = random.Random(self.config.seed)
                self._rng_seed = self.config.seed
            # Draw on every POST so the failure pattern depends only on the POST order.
            return self._rng.random() < self.config.failure_rate
