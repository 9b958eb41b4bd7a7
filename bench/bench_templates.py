"""Hostile organizer templates against the bot, beside the probe's figures from before.

Setup as `bench letters` (seed, and the EFF Atlas export when ../shared/data has it), plus
the health server on 127.0.0.1, polled every 20 ms all along (its slowest answer is
printed per scenario), and the bot's resident memory (peak reset before each scenario).
- add folded:   `/letter add` of the probe's 3,026-character template (three joined literals)
- signer bomb:  a template stored before the rules (straight into the database) that joins
                an 80-character signer into itself; one `/letter draft`, then five at once
- hole: time / hole: memory: jobs that render with Jinja's stock sandbox in the worker, as
                if ours had a hole: an endless loop (time limit) and the probe's template
                (the time limit comes first; then with a 30 s limit, the memory limit);
                the bot's loop must not notice
- shipped vs custom: ring-council drafted in-process (shipped) and the same source as a
                custom template (through the worker): what isolation costs a draft

Run: .venv/bin/python -m bench templates
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from tempfile import TemporaryDirectory

import aiohttp

from bench.bench_letters import WHO, _setup
from bench.clock import NOW
from bench.stats import describe_ms
from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.health import Monitor
from bot.core.models import Role
from bot.platforms.web.health import serve_health
from commands import build_registry
from storage.letters.models import StoredTemplate
from templating import IsolatedError, TemplatePool, default_pool
from testkit.hostile_templates import ENDLESS, FOLDED_BOMB, SIGNER_BOMB, unguarded_render

BEFORE = {  # the probe's figures on the code before the worker (issue 21)
    "add folded": "froze every user 21.4 s, peak 3.96 GB",
    "signer bomb x1": "froze the bot 2.5 s at 1.7 GB",
    "signer bomb x5": "froze the bot 10.4 s",
}
TARGET = "refused or rendered within 1 s, RSS growth < 100 MB, /healthz within 100 ms"
ORGANIZER = dataclasses.replace(WHO, role=Role.ORGANIZER)
SIGNER = "W" * 80
DRAFTS = 200


class HealthProbe:
    """Polls /healthz; remembers the slowest answer since the last reset."""

    def __init__(self, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}/healthz"
        self.slowest = 0.0
        self.answers = 0

    async def run(self) -> None:
        async with aiohttp.ClientSession() as session:
            while True:
                start = time.perf_counter()
                async with session.get(self.url) as response:
                    await response.read()
                self.slowest = max(self.slowest, time.perf_counter() - start)
                self.answers += 1
                await asyncio.sleep(0.02)


@contextlib.asynccontextmanager
async def health_server(deps: Deps) -> AsyncIterator[HealthProbe]:
    stop = asyncio.Event()
    ready: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    server = asyncio.create_task(
        serve_health(deps, Monitor(), "127.0.0.1", 0, stop, ready.set_result)
    )
    probe = HealthProbe(await ready)
    poller = asyncio.create_task(probe.run())
    try:
        yield probe
    finally:
        poller.cancel()
        stop.set()
        await asyncio.gather(poller, server, return_exceptions=True)


def _rss_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> None:
    with contextlib.suppress(OSError):  # Linux 4.0+: "5" resets VmHWM to the current RSS
        Path("/proc/self/clear_refs").write_text("5")


async def scenario(name: str, probe: HealthProbe, job: Callable[[], Awaitable[str]]) -> None:
    _reset_peak()
    rss = _rss_mb("VmRSS")
    probe.slowest, probe.answers = 0.0, 0
    start = time.perf_counter()
    outcome = await job()
    seconds = time.perf_counter() - start
    growth = _rss_mb("VmHWM") - rss
    print(
        f"{name}: {seconds * 1000:.0f} ms, RSS +{growth:.1f} MB, slowest /healthz"
        f" {probe.slowest * 1000:.1f} ms of {probe.answers} -> {outcome[:90]!r}"
    )
    if name in BEFORE:
        print(f"  before: {BEFORE[name]}")


async def _hole(source: str, pool: TemplatePool | None = None) -> str:
    try:
        return await (pool or default_pool()).run(unguarded_render, source)
    except IsolatedError as exc:
        return f"{type(exc).__name__}: {exc}"


def _stored(name: str, body: str) -> StoredTemplate:
    return StoredTemplate(name, "en", "letter", name, "", body, "W1", "bench", "U1", "Bench",
                          NOW.isoformat(timespec="seconds"))  # fmt: skip


async def _drafts(disp: Dispatcher, line: str) -> list[float]:
    latencies = []
    for _ in range(DRAFTS):
        start = time.perf_counter()
        reply = await disp.run_text(WHO, line)
        latencies.append(time.perf_counter() - start)
        if reply.error:
            raise SystemExit(f"draft failed: {reply.text}")
    return latencies


async def main() -> None:
    with TemporaryDirectory() as tmp:
        db, deps, place = await _setup(Path(tmp) / "bench.db")
        try:
            await _run(deps, place)
        finally:
            await db.close()
            default_pool().close()


async def _run(deps: Deps, place: str) -> None:
    disp = Dispatcher(build_registry(), deps)
    default_pool().start()
    print(f"target: {TARGET}")
    await deps.storage.letters.save(_stored("old-bomb", SIGNER_BOMB))
    source = (Path(__file__).parents[1] / "templates/letters/en/ring-council.txt.j2").read_text()
    await deps.storage.letters.save(_stored("custom-council", source))
    draft_bomb = f'/letter draft old-bomb signer:"{SIGNER}"'
    await disp.run_text(WHO, f"/letter draft custom-council {place}")  # the workers are up

    async def add_folded() -> str:
        return (await disp.run_text(ORGANIZER, "/letter add folded " + FOLDED_BOMB)).text

    async def bomb_once() -> str:
        return (await disp.run_text(WHO, draft_bomb)).text

    async def bomb_five() -> str:
        replies = await asyncio.gather(*(disp.run_text(WHO, draft_bomb) for _ in range(5)))
        return f"{sum(r.error for r in replies)} of 5 refused: {replies[0].text}"

    async with health_server(deps) as probe:
        await scenario("add folded", probe, add_folded)
        await scenario("signer bomb x1", probe, bomb_once)
        await scenario("signer bomb x5", probe, bomb_five)
        await scenario("hole: time", probe, lambda: _hole(ENDLESS))
        await scenario("hole: memory", probe, lambda: _hole(FOLDED_BOMB))
        patient = TemplatePool(workers=1, waiting=0, time_limit=30)  # the memory limit alone
        await scenario("hole: memory, 30 s", probe, lambda: _hole(FOLDED_BOMB, patient))
        patient.close()
        line = f'/letter draft {{}} {place} signer:"Ana Example"'
        shipped = await _drafts(disp, line.format("ring-council"))
        custom = await _drafts(disp, line.format("custom-council"))
        print(describe_ms("shipped ring-council, in-process", shipped))
        print(describe_ms("the same source as a custom template, in a worker", custom))
