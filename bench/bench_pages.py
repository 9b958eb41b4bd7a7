"""Campaign pages: page render latency and signatures per second through the form, with 50
concurrent HTTP clients, alone and beside chat sign-ups (/campaign join) at the same time.

The pages' real server (bot/platforms/web/pages: the guarded site, the routes) on 127.0.0.1,
a SQLite file (WAL, synchronous=FULL, group commit). The clients are aiohttp sessions in the
same process and event loop as the server (one core's worth for both: the figures are a
floor). Each web signature is a GET of the page (its form token) then the POST of the form,
as a browser does; the limits are raised out of the way (they are tested elsewhere). The
campaign has no petition template: a template's text is drafted once a minute per language
and kept, so a view costs the count query and the HTML either way.

Run: .venv/bin/python -m bench pages
     (PAGES_BENCH_VIEWS: page views, default 2000; PAGES_BENCH_SIGNS: signatures, default 2000)
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import tempfile
import time
from collections.abc import Awaitable
from pathlib import Path

import aiohttp

from bench.clock import NOW
from bench.stats import describe_ms
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from bot.core.settings import Settings
from bot.platforms.web.pages import serve_pages
from bot.platforms.web.pages.guard import Limits
from commands import build_registry
from storage.db import Database
from wiring import wire_deps

VIEWS = int(os.environ.get("PAGES_BENCH_VIEWS", "2000"))
SIGNS = int(os.environ.get("PAGES_BENCH_SIGNS", "2000"))
CLIENTS = 50
OPEN = Limits(per_address=10**9, per_campaign_minute=10**9)
_TOKEN = re.compile(r'name="token" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _views(session: aiohttp.ClientSession, url: str) -> list[float]:
    took = []
    for _ in range(VIEWS):
        started = time.perf_counter()
        async with session.get(url) as response:
            await response.read()
            assert response.status == 200
        took.append(time.perf_counter() - started)
    return took


async def _web_signers(session: aiohttp.ClientSession, url: str, prefix: str) -> int:
    queue = iter(range(SIGNS))

    async def client() -> None:
        for i in queue:
            async with session.get(url) as response:
                found = _TOKEN.search(await response.text())
            assert found
            form = {"token": found.group(1), "name": f"{prefix} {i}", "city": "Reno",
                    "consent": "yes"}  # fmt: skip
            async with session.post(url + "/sign", data=form) as response:
                assert response.status == 200, response.status

    await asyncio.gather(*(client() for _ in range(CLIENTS)))
    return SIGNS


async def _chat_signers(dispatcher: Dispatcher, slug: str) -> int:
    queue = iter(range(SIGNS))

    async def member() -> None:
        for i in queue:
            who = Identity("bench", "W1", f"u{i}", f"Member {i}", Role.MEMBER)
            reply = await dispatcher.run_text(who, f"/campaign join {slug}")
            assert not reply.error, reply.text

    await asyncio.gather(*(member() for _ in range(CLIENTS)))
    return SIGNS


async def _rate(label: str, job: Awaitable[int]) -> str:
    started = time.perf_counter()
    done = await job
    seconds = time.perf_counter() - started
    return f"{label}: {done:,} in {seconds:.2f} s = {done / seconds:,.0f}/s"


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pages.db"
        db = await Database.open(path)
        stop = asyncio.Event()
        try:
            port = _free_port()
            deps = await wire_deps(db, Settings(db_path=str(path), web_port=port), lambda: NOW)
            dispatcher = Dispatcher(build_registry(), deps)
            organizer = Identity("bench", "W1", "org", "Org", Role.ORGANIZER)
            urls = []
            for slug in ("web-alone", "web-beside"):
                await dispatcher.run_text(organizer, f"/campaign create {slug} Bench goal:100000")
                reply = await dispatcher.run_text(organizer, f"/campaign publish {slug}")
                found = re.search(r"http://\S+/c/[A-Za-z0-9_-]+", reply.text)
                assert found, reply.text
                urls.append(found.group(0))
            await dispatcher.run_text(organizer, "/campaign create chat-beside Bench")
            ready = asyncio.Event()
            server = asyncio.create_task(
                serve_pages(deps, stop, limits=OPEN, ready=lambda _: ready.set())
            )
            await ready.wait()
            connector = aiohttp.TCPConnector(limit=CLIENTS)
            async with aiohttp.ClientSession(connector=connector) as session:
                print(
                    describe_ms(
                        "page render, one client (GET, 200)", await _views(session, urls[0])
                    )
                )
                print(await _rate(f"web signatures, {CLIENTS} clients, alone",
                                  _web_signers(session, urls[0], "Alone")))  # fmt: skip
                started = time.perf_counter()

                async def timed(job: Awaitable[int]) -> tuple[int, float]:
                    done = await job
                    return done, time.perf_counter() - started

                (web, web_s), (chat, chat_s) = await asyncio.gather(
                    timed(_web_signers(session, urls[1], "Beside")),
                    timed(_chat_signers(dispatcher, "chat-beside")),
                )
                print(
                    f"together: {web:,} web signatures ({CLIENTS} clients) in {web_s:.2f} s"
                    f" = {web / web_s:,.0f}/s, beside {chat:,} chat sign-ups ({CLIENTS}"
                    f" members, /campaign join) in {chat_s:.2f} s = {chat / chat_s:,.0f}/s"
                )
            stop.set()
            await server
        finally:
            stop.set()
            await db.close()


if __name__ == "__main__":
    asyncio.run(main())
