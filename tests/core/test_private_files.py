"""Private files: the app's data folder is 0700 and every file it writes there 0600,
whatever the umask; an export the user saves elsewhere follows the umask."""
from __future__ import annotations

import logging
import os
import stat

import pytest
import pytest_asyncio
from hostile import Hostile, json_answer

from gui.core.atomic_files import write_atomic
from gui.core.endpoints import Endpoint
from gui.core.engine import Engine
from gui.core.jobs.job import Job
from gui.core.logs import setup_file_logging
from gui.core.profiles.profile import Profile, ProfileStore

pytestmark = [pytest.mark.asyncio, pytest.mark.skipif(os.name != "posix", reason="POSIX modes")]


@pytest.fixture
def open_umask():
    old = os.umask(0)
    yield
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest_asyncio.fixture
async def engine(home, open_umask):
    with Hostile() as server:
        server.on("/queue/chat/completions", json_answer(
            b'{"choices": [{"message": {"role": "assistant", "content": "secret answer"}}]}'))
        engine = Engine.open(server.origin + "/queue", "sk-test", home=home)
        yield engine
        await engine.aclose()


async def test_the_data_folder_and_everything_in_it_are_private(engine, home):
    handler = setup_file_logging(home)
    try:
        engine.scheduler.submit_many([Job(Endpoint.CHAT, {"model": "m", "messages": [{"role": "user",
                                                                                       "content": "x"}]})])
        await engine.scheduler.wait()
        logging.getLogger("test").warning("a line")
        ProfileStore(home).save(Profile("Gateway", "https://gw.example.com/v1"))
        engine.store.flush()
    finally:
        root = logging.getLogger()
        for h in [h for h in root.handlers if getattr(h, "baseFilename", "").startswith(str(home))]:
            root.removeHandler(h)
            h.close()
    assert handler is not None
    checked = 0
    for path in [home, *home.rglob("*")]:
        if path.is_dir():
            assert mode(path) == 0o700, path
        else:
            assert mode(path) == 0o600, path
            checked += 1
    assert checked >= 4  # the store, the log, the profiles, the answer


async def test_an_export_elsewhere_follows_the_umask(tmp_path, open_umask):
    os.umask(0o022)
    assert mode(write_atomic(tmp_path / "out.csv", "a,b\n")) == 0o644
