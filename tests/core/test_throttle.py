"""The throttle on its own: FIFO slots, adaptive concurrency, requests per minute, pause."""
from __future__ import annotations

import asyncio
import time

import pytest

from gui.core.jobs.throttle import Throttle

pytestmark = pytest.mark.asyncio


async def run_jobs(throttle: Throttle, count: int, hold: float = 0.05) -> tuple[list[int], int]:
    order, peak = [], 0

    async def job(i: int) -> None:
        nonlocal peak
        async with throttle:
            order.append(i)
            peak = max(peak, throttle.active)
            await asyncio.sleep(hold)

    await asyncio.gather(*(job(i) for i in range(count)))
    return order, peak


async def test_slots_are_granted_in_submission_order_within_the_limit():
    order, peak = await run_jobs(Throttle(3), 12)
    assert order == list(range(12)) and peak == 3


async def test_pushback_halves_concurrency_holds_and_recovers():
    throttle = Throttle(8)
    throttle.pushback(retry_after=0.3)
    assert throttle.current == 4 and "Waiting" in throttle.describe()
    started = time.monotonic()
    _, peak = await run_jobs(throttle, 8)
    assert time.monotonic() - started >= 0.3 and peak == 4
    for _ in range(40):
        throttle.succeeded()
    assert throttle.current == 8 and throttle.describe() is None


async def test_requests_per_minute_limit_makes_the_rest_wait():
    throttle = Throttle(10, per_minute=3)
    waiter = asyncio.ensure_future(run_jobs(throttle, 4, hold=0))
    await asyncio.sleep(0.2)
    assert not waiter.done() and "per minute" in throttle.describe()
    waiter.cancel()


async def test_pause_stops_new_starts_until_resume():
    throttle = Throttle(2)
    throttle.pause()
    task = asyncio.ensure_future(run_jobs(throttle, 3, hold=0))
    await asyncio.sleep(0.1)
    assert throttle.active == 0 and throttle.describe() == "Queue paused"
    throttle.resume()
    order, _ = await asyncio.wait_for(task, 2)
    assert order == [0, 1, 2]


async def test_a_cancelled_waiter_gives_up_its_place():
    throttle = Throttle(1)
    await throttle.acquire()
    first = asyncio.ensure_future(throttle.acquire())
    second = asyncio.ensure_future(throttle.acquire())
    await asyncio.sleep(0)
    first.cancel()
    await asyncio.sleep(0)
    throttle.release()
    await asyncio.wait_for(second, 1)
    assert throttle.active == 1
