"""The engine a headless command runs on: for --profile (its base URL, settings and stored
key) or for --base-url with OPENAI_API_KEY; dead processes' jobs recovered first, store
trouble said on stderr, and plain http:// to another host refused with the way out."""
from __future__ import annotations

import argparse
import sys

from gui.core.errors import InputProblem, QueueError


def open_engine(args: argparse.Namespace, **options):
    """The engine for --profile (base URL, settings and key from the stored profile) or for
    --base-url with OPENAI_API_KEY."""
    from gui.core.engine import Engine

    from gui.core.profiles.profile import SANDBOX_PROFILE, ProfileStore

    if not getattr(args, "profile", None):
        check_plain_http(args.base_url)
        # Redacted from answers besides OPENAI_API_KEY: the keys stored for that server's profiles.
        names = ProfileStore().at_origin(args.base_url)
        return headless(Engine.open(args.base_url, secrets=stored_keys().secrets(*names) if names else (),
                                    **options))
    profile = ProfileStore().require(args.profile)
    if profile.name == SANDBOX_PROFILE:
        raise InputProblem("The Sandbox profile exists only inside the app. Run `queue-desk sandbox` "
                         "and pass --base-url http://127.0.0.1:8787/queue instead.")
    keys = stored_keys()  # the profile's stored key is the one in use if it has one; and OPENAI_API_KEY
    return headless(Engine.for_profile(profile, keys.require(profile.name).value, defaults=options,
                                       secrets=keys.secrets()))


def stored_keys():
    from gui.core.profiles.keys import key_store  # Speed: keyring takes ~50 ms to import; only when needed

    return key_store()


def headless(engine):
    """Every headless command first recovers what dead processes left in flight (only theirs:
    a window or another command still running keeps its jobs), and reports a store locked by
    another program on stderr."""
    engine.store.recover()
    engine.scheduler.on_store_trouble(lambda message: message and print(f"queue-desk: {message}", file=sys.stderr))
    return engine


def check_plain_http(base_url: str) -> None:
    """The engine's own refusal tells a window user to allow plain HTTP in the profile;
    here the way out is https:// or a saved profile."""
    from urllib.parse import urlsplit

    from gui.core.api.urls import is_loopback
    from gui.core.errors import ErrorKind

    parts = urlsplit(base_url.strip())
    if parts.scheme == "http" and parts.hostname and not is_loopback(parts.hostname):
        raise QueueError(ErrorKind.INPUT, f"--base-url {base_url} is unencrypted http:// to {parts.hostname}: your "
                                          "API key and data would cross the network in clear text. Use https://, "
                                          "or a profile that allows plain HTTP (--profile NAME).")
