"""Connection profiles: where to send work and how, kept as JSON in the app home.

A profile never holds the API key; that lives in the OS keyring (keys.py). Two profiles are
built in: the provider and the local sandbox (its URL is only known while it runs). The
headless commands read the same file, so this module imports no Qt."""
from __future__ import annotations

import enum
import json
import logging
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from gui.core.api.urls import check_base_url, same_origin
from gui.core.api.wire import Timeouts
from gui.core.atomic_files import write_atomic
from gui.core.endpoints import DEFAULT_BASE_URL
from gui.core.errors import InputProblem
from gui.core.i18n import translate
from gui.core.paths import app_home

log = logging.getLogger(__name__)

PROVIDER_PROFILE = "AI Foundation Services"
SANDBOX_PROFILE = "Sandbox"
BUILT_IN = (PROVIDER_PROFILE, SANDBOX_PROFILE)
FILE_NAME = "profiles.json"
_FORMAT = 1


class PathStyle(enum.Enum):
    QUEUE = "queue"  # /queue/…: the server holds each request until the job is done (or answers 202)
    STANDARD = "standard"  # /v2/…: the provider's synchronous OpenAI-style endpoints
    EXACT = "exact"  # the base URL used as it is: any OpenAI-compatible server (…/v1 of a gateway)

    @property
    def prefix(self) -> str:
        return {PathStyle.QUEUE: "/queue", PathStyle.STANDARD: "/v2"}.get(self, "")

    @property
    def label(self) -> str:
        if self is PathStyle.QUEUE:
            return translate("profiles", "Queue (/queue)")
        if self is PathStyle.STANDARD:
            return translate("profiles", "Standard (/v2)")
        return translate("profiles", "Exactly as given (e.g. …/v1)")


@dataclass
class Profile:
    """A named connection: the base URL, its path style, and the limits that override the
    queue settings for it."""
    name: str
    base_url: str
    path_style: PathStyle = PathStyle.QUEUE
    concurrency: int | None = None  # None: the queue settings decide
    read_timeout_min: int | None = None  # None: the queue settings decide
    largest_answer_mib: int | None = None  # None: the queue settings decide
    longest_wait_h: int | None = None  # a 202 job unfinished by then fails; None: the queue settings decide
    allow_plain_http: bool = False
    ca_bundle: str = ""  # extra CA certificates (PEM), on top of the system's trust store
    built_in: bool = field(default=False, compare=False)

    @property
    def api_url(self) -> str:
        """The base URL the client uses: the server's address with the path style's prefix
        (…/queue or …/v2) in place of whichever of the two the user typed."""
        url = self.base_url.strip().rstrip("/")
        if self.path_style is PathStyle.EXACT:
            return url
        for prefix in ("/queue", "/v2"):
            if url.endswith(prefix):
                url = url[: -len(prefix)]
                break
        return url + self.path_style.prefix

    def check(self) -> None:
        """Raise QueueError(INPUT) with what to fix, or return if the profile is usable."""
        if not self.name.strip():
            raise InputProblem(translate("profiles", "The profile needs a name."))
        if not self.base_url.strip():
            raise InputProblem(translate("profiles", "The profile {name} has no base URL yet.").format(
                name=repr(self.name)))
        check_base_url(self.api_url, allow_plain_http=self.allow_plain_http)
        if self.ca_bundle and not Path(self.ca_bundle).expanduser().is_file():
            raise InputProblem(translate(
                "profiles", "The CA bundle {path} does not exist. Choose the PEM file IT gave you, or clear the "
                            "field to use the system's certificates only.").format(path=self.ca_bundle))

    def engine_options(self, defaults: dict[str, Any] | None = None) -> dict[str, Any]:
        """Keyword arguments for Engine.open: the queue settings (`defaults`), overridden
        where the profile says otherwise."""
        options = dict(defaults or {})
        if self.concurrency:
            options["concurrency"] = self.concurrency
        if self.read_timeout_min:
            timeouts = options.get("timeouts") or Timeouts()
            options["timeouts"] = replace(timeouts, read=self.read_timeout_min * 60.0)
        if self.largest_answer_mib:
            options["max_answer_mb"] = self.largest_answer_mib
        if self.longest_wait_h:
            options["poll_deadline"] = self.longest_wait_h * 3600.0
        options.update(base_url=self.api_url, allow_plain_http=self.allow_plain_http,
                       ca_bundle=str(Path(self.ca_bundle).expanduser()) if self.ca_bundle else None)
        return options

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["path_style"] = self.path_style.value
        del data["built_in"]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        def optional_int(value: Any) -> int | None:
            return int(value) if isinstance(value, (int, float)) and value > 0 else None

        return cls(
            name=str(data["name"]),
            base_url=str(data.get("base_url") or ""),
            path_style=PathStyle(data.get("path_style") or PathStyle.QUEUE.value),
            concurrency=optional_int(data.get("concurrency")),
            read_timeout_min=optional_int(data.get("read_timeout_min")),
            largest_answer_mib=optional_int(data.get("largest_answer_mib")),
            longest_wait_h=optional_int(data.get("longest_wait_h")),
            allow_plain_http=bool(data.get("allow_plain_http", False)),
            ca_bundle=str(data.get("ca_bundle") or ""),
        )


def built_in_profiles(sandbox_url: str | None = None) -> list[Profile]:
    return [
        Profile(PROVIDER_PROFILE, DEFAULT_BASE_URL, built_in=True),
        Profile(SANDBOX_PROFILE, sandbox_url or "", built_in=True),
    ]


class ProfileStore:
    """The profiles in `<home>/profiles.json`. Built-ins come first; they cannot be deleted,
    renamed or pointed elsewhere (the sandbox's URL is whatever the running sandbox has), but
    their other settings (path style, concurrency, CA bundle …) may be changed."""

    def __init__(self, home: Path | None = None, *, sandbox_url: str | None = None) -> None:
        self.path = (home or app_home()) / FILE_NAME
        self.sandbox_url = sandbox_url
        self._profiles: list[Profile] = []
        self.reload()

    def reload(self) -> None:
        stored: dict[str, Profile] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            for item in data.get("profiles", []):
                profile = Profile.from_json(item)
                stored.setdefault(profile.name, profile)
        except FileNotFoundError:
            pass
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            # A broken file must not stop the app; the built-ins still work.
            log.warning("ignoring unreadable %s: %s", self.path, exc)
        profiles = []
        for base in built_in_profiles(self.sandbox_url):
            override = stored.pop(base.name, None)
            if override is not None:
                base = replace(override, built_in=True, base_url=base.base_url)
            profiles.append(base)
        self._profiles = profiles + list(stored.values())

    @property
    def profiles(self) -> list[Profile]:
        return list(self._profiles)

    def names(self) -> list[str]:
        return [p.name for p in self._profiles]

    def at_origin(self, url: str) -> list[str]:
        """The names of the profiles whose server is at `url`'s origin (scheme, host, port)."""
        return [p.name for p in self._profiles if p.base_url and same_origin(p.api_url, url)]

    def get(self, name: str) -> Profile | None:
        return next((p for p in self._profiles if p.name == name), None)

    def require(self, name: str) -> Profile:
        profile = self.get(name)
        if profile is None:
            raise InputProblem(translate(
                "profiles", "There is no profile called {name}. Known profiles: {names}.").format(
                name=repr(name), names=", ".join(self.names())))
        return profile

    def save(self, profile: Profile, *, replacing: str | None = None) -> None:
        """Add or update `profile` (renamed from `replacing`, if given) and write the file."""
        old_name = replacing or profile.name
        if old_name in BUILT_IN and profile.name != old_name:
            raise InputProblem(translate("profiles", "The built-in profile {name} cannot be renamed.")
                             .format(name=repr(old_name)))
        if profile.name != old_name and self.get(profile.name) is not None:
            raise InputProblem(translate("profiles", "A profile called {name} already exists.").format(
                name=repr(profile.name)))
        built_in = {p.name: p for p in built_in_profiles(self.sandbox_url)}
        if profile.name in built_in:  # their addresses are fixed
            profile = replace(profile, base_url=built_in[profile.name].base_url)
        profile = replace(profile, built_in=profile.name in BUILT_IN)
        index = next((i for i, p in enumerate(self._profiles) if p.name == old_name), None)
        if index is None:
            self._profiles.append(profile)
        else:
            self._profiles[index] = profile
        self._write()

    def delete(self, name: str) -> None:
        if name in BUILT_IN:
            raise InputProblem(translate("profiles", "The built-in profile {name} cannot be deleted.")
                             .format(name=repr(name)))
        self._profiles = [p for p in self._profiles if p.name != name]
        self._write()

    def _write(self) -> None:
        items = []
        for profile in self._profiles:
            data = profile.to_json()
            if profile.name == SANDBOX_PROFILE:
                data["base_url"] = ""  # a port from one run means nothing in the next
            items.append(data)
        text = json.dumps({"format": _FORMAT, "profiles": items}, indent=2, ensure_ascii=False)
        write_atomic(self.path, text + "\n", private=True)
