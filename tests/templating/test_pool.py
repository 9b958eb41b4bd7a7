"""The worker pool contains what the sandbox might miss: memory, time, and a full queue.

The hostile jobs here render with Jinja's stock sandbox (`join` with a separator and
`range` allowed), as if a hole had been found in ours: the probe's template must then
end in the worker's memory limit, an endless loop in its time limit, and the bot's own
loop (its /healthz, over a real socket) must answer all along.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.core.deps import Deps
from bot.core.health import Monitor
from bot.platforms.web.health import serve_health
from templating import TemplateBusy, TemplatePool, TemplateRefused, TemplateStopped, jobs
from testkit.hostile_templates import ENDLESS, FOLDED_BOMB, unguarded_render

HANG_S = 60  # a safety net against a hang; never asserted


@pytest.fixture
async def pool() -> AsyncIterator[TemplatePool]:
    made = TemplatePool(workers=1, waiting=1, time_limit=HANG_S, wait_limit=HANG_S)
    yield made
    made.close()


@pytest.mark.timeout(HANG_S * 2)
async def test_the_probe_template_ends_in_the_memory_limit(pool: TemplatePool) -> None:
    with pytest.raises(TemplateStopped, match=r"needed more than 256 MB"):
        await pool.run(unguarded_render, FOLDED_BOMB)
    assert await pool.run(jobs.render_custom, "{{ signer }}", {"signer": "Ana"}) == "Ana\n"


@pytest.mark.timeout(HANG_S * 2)
async def test_an_endless_render_is_killed_and_its_worker_replaced() -> None:
    pool = TemplatePool(workers=1, waiting=0, time_limit=0.5)
    try:
        first = await pool.run(os.getpid)
        with pytest.raises(TemplateStopped, match=r"took longer than 0.5 s"):
            await pool.run(unguarded_render, ENDLESS)
        second = await pool.run(os.getpid)
        assert second != first
        assert not _alive(first)
    finally:
        pool.close()


@pytest.mark.timeout(HANG_S * 2)
async def test_a_full_queue_answers_busy_at_once(pool: TemplatePool) -> None:
    running = [asyncio.create_task(pool.run(unguarded_render, ENDLESS)) for _ in range(2)]
    while pool.in_flight < 2:
        await asyncio.sleep(0)
    with pytest.raises(TemplateBusy, match="too many templates"):
        await pool.run(jobs.fields_of, "{{ signer }}")
    for task in running:
        task.cancel()
    await asyncio.gather(*running, return_exceptions=True)
    assert await pool.run(jobs.fields_of, "{{ signer }}") == frozenset({"signer"})


@pytest.mark.timeout(HANG_S * 2)
async def test_rule_breaking_comes_back_as_its_one_line(pool: TemplatePool) -> None:
    with pytest.raises(TemplateRefused, match="join may not take a separator"):
        await pool.run(jobs.check_new, FOLDED_BOMB, "en")


@pytest.mark.timeout(HANG_S * 2)
async def test_healthz_answers_during_a_hostile_render(deps: Deps, pool: TemplatePool) -> None:
    stop = asyncio.Event()
    ready: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    server = asyncio.create_task(
        serve_health(deps, Monitor(), "127.0.0.1", 0, stop, ready.set_result)
    )
    hostile = asyncio.create_task(pool.run(unguarded_render, ENDLESS))
    try:
        port = await ready
        while pool.in_flight < 1:
            await asyncio.sleep(0)
        async with aiohttp.ClientSession() as session:
            for _ in range(5):
                async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                    assert response.status == 200
                    assert (await response.json())["status"] == "ok"
        assert not hostile.done()  # the render still runs (its limit is HANG_S)
    finally:
        hostile.cancel()
        stop.set()
        await asyncio.gather(hostile, server, return_exceptions=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
