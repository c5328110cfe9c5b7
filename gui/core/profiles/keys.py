"""The API key of each profile, in the OS keyring (service "queue-desk", user = profile
name), with OPENAI_API_KEY as the fallback.

Without a usable keyring (no Secret Service, a locked or refused keyring) a key the user
types is kept in this process's memory for the session only and the user is told so in
plain words. It is never written to a file."""
from __future__ import annotations

import enum
import logging
import os
from dataclasses import dataclass

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from gui.core.errors import InputProblem
from gui.core.i18n import translate

log = logging.getLogger(__name__)

SERVICE = "queue-desk"
ENV_KEY = "OPENAI_API_KEY"


class KeySource(enum.Enum):
    KEYRING = "the system keyring"
    SESSION = "memory, for this session only"
    ENVIRONMENT = "the OPENAI_API_KEY environment variable"


@dataclass(frozen=True)
class FoundKey:
    """An API key and where it was found (keyring, session memory or the environment)."""
    value: str
    source: KeySource


def _explain(exc: BaseException) -> str:
    if isinstance(exc, NoKeyringError):
        return translate("keys", "No system keyring (password store) is available on this computer, so the API key "
                                 "is kept in memory until Queue Desk closes and is not saved anywhere. To keep it, "
                                 "unlock or install a keyring (GNOME Keyring, KWallet, macOS Keychain, Windows "
                                 "Credential Manager), or set OPENAI_API_KEY.")
    return translate("keys", "The system keyring could not be used ({reason}), so the API key is kept in memory "
                             "until Queue Desk closes and is not saved anywhere. To keep it, unlock or install a "
                             "keyring (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), or set "
                             "OPENAI_API_KEY.").format(reason=exc or type(exc).__name__)


class KeyStore:
    """Keys per profile. One instance per process (`key_store()`), so that keys kept in
    memory survive a profile switch within the session."""

    def __init__(self) -> None:
        self._session: dict[str, str] = {}
        self.problem: str | None = None  # why the keyring is not being used, in plain words

    def get(self, profile: str) -> FoundKey | None:
        """The profile's own key (keyring, else memory), else OPENAI_API_KEY, else None."""
        try:
            value = keyring.get_password(SERVICE, profile)
        except KeyringError as exc:  # includes NoKeyringError and InitError
            self._failed(exc)
            value = None
        if value:
            return FoundKey(value, KeySource.KEYRING)
        if self._session.get(profile):
            return FoundKey(self._session[profile], KeySource.SESSION)
        env = os.environ.get(ENV_KEY, "").strip()
        if env:
            return FoundKey(env, KeySource.ENVIRONMENT)
        return None

    def require(self, profile: str) -> FoundKey:
        found = self.get(profile)
        if found is None:
            raise InputProblem(translate("keys", "No API key for the profile {profile}: store one in Profiles, or set "
                                  "OPENAI_API_KEY to the key from the provider's API key portal.").format(
                    profile=repr(profile)))
        return found

    def secrets(self, *profiles: str) -> tuple[str, ...]:
        """The keys a server's answer must never bring to disk, whichever is in use: the named
        profiles' own keys (keyring, else memory) and OPENAI_API_KEY. Looked up once, when an
        engine is made, not per job; no keyring lookup without `profiles`."""
        found = []
        for profile in dict.fromkeys(profiles):
            try:
                found.append(keyring.get_password(SERVICE, profile) or self._session.get(profile) or "")
            except KeyringError as exc:
                self._failed(exc)
                found.append(self._session.get(profile, ""))
        found.append(os.environ.get(ENV_KEY, "").strip())
        return tuple(k for k in dict.fromkeys(found) if k)

    def set(self, profile: str, value: str) -> KeySource:
        """Store the key; returns where it went (SESSION means the keyring refused, see
        `problem`)."""
        if not value:
            raise InputProblem(translate("keys", "The API key is empty."))
        try:
            keyring.set_password(SERVICE, profile, value)
        except KeyringError as exc:
            self._failed(exc)
            self._session[profile] = value
            return KeySource.SESSION
        self._session.pop(profile, None)
        self.problem = None
        return KeySource.KEYRING

    def delete(self, profile: str) -> None:
        """Forget the profile's key everywhere Queue Desk keeps it (not OPENAI_API_KEY)."""
        self._session.pop(profile, None)
        try:
            keyring.delete_password(SERVICE, profile)
        except PasswordDeleteError:
            pass  # there was none
        except KeyringError as exc:
            self._failed(exc)

    def rename(self, old: str, new: str) -> None:
        found = self.get(old)
        if found is not None and found.source is not KeySource.ENVIRONMENT:
            self.set(new, found.value)
            self.delete(old)

    def _failed(self, exc: BaseException) -> None:
        self.problem = _explain(exc)
        log.warning("keyring unavailable: %s", type(exc).__name__)  # never the key itself


_store: KeyStore | None = None


def key_store() -> KeyStore:
    global _store
    if _store is None:
        _store = KeyStore()
    return _store
