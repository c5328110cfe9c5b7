"""How a headless command stops: SIGTERM and SIGHUP (a service manager, a closed terminal)
end it as Ctrl+C does, cleanly, so nothing in flight is lost or sent twice."""
from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


class Stopped(Exception):
    """SIGTERM or SIGHUP arrived: handled like Ctrl+C (stop sending, flush, mark in-flight jobs
    interrupted), then the command exits with 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


def run_stoppable(main: Callable[[], Awaitable[T]]) -> T:
    """`asyncio.run(main())`, with SIGTERM and SIGHUP cancelling `main` like Ctrl+C does:
    its `finally` blocks close the engine, which marks jobs in flight interrupted and writes
    every pending change before the process exits."""
    received: list[int] = []

    async def runner() -> T:
        task = asyncio.current_task()
        loop = asyncio.get_running_loop()

        def stop(signum: int) -> None:
            if not received:  # a second signal must not cut the clean-up short
                received.append(signum)
                task.cancel()

        for signum in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)):
            if signum is not None:
                try:
                    loop.add_signal_handler(signum, stop, signum)
                except (NotImplementedError, RuntimeError):  # Windows: no signal handlers on the loop
                    pass
        try:
            return await main()
        except asyncio.CancelledError:
            if received:
                raise Stopped(received[0]) from None
            raise

    return asyncio.run(runner())
