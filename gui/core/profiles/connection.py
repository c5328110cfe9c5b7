"""The "Test connection" check: one GET of the model list with a profile's settings and key, through
the same client (proxy, trust store, CA bundle) the jobs use."""
from __future__ import annotations

from gui.core.api.client import QueueClient
from gui.core.api.model_list import ModelInfo, fetch_models
from gui.core.api.wire import Timeouts
from gui.core.i18n import translate
from gui.core.profiles.profile import Profile

# A model list is quick; a long read timeout here would only keep the user waiting.
TEST_TIMEOUTS = Timeouts(connect=10.0, read=30.0, write=30.0, pool=10.0)


async def check_connection(profile: Profile, api_key: str) -> list[ModelInfo]:
    """The server's models, or a QueueError saying in plain words what went wrong."""
    profile.check()
    options = profile.engine_options()
    async with QueueClient(options["base_url"], api_key, timeouts=TEST_TIMEOUTS, max_connections=2,
                           ca_bundle=options["ca_bundle"], allow_plain_http=options["allow_plain_http"]) as client:
        return await fetch_models(client)


def describe(profile: Profile, models: list[ModelInfo]) -> str:
    n = len(models)
    if n == 1:
        return translate("connection", "Connected to {url}: 1 model available.").format(url=profile.api_url)
    return translate("connection", "Connected to {url}: {count} models available.").format(url=profile.api_url,
                                                                                            count=n)


