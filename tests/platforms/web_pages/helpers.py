"""A published campaign served by the pages' real aiohttp server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.settings import Settings
from bot.platforms.web.pages import page_application
from bot.platforms.web.pages.guard import Limits
from commands import build_registry
from storage.sql import Db
from tests.commands.campaigns.helpers import ORGANIZER, create, run_ok
from tests.conftest import FIXED_NOW
from wiring import wire_deps

PUBLIC = "http://pages.test"
TOKEN_FIELD = re.compile(r'name="token" value="([^"]+)"')
PAGE_URL = re.compile(re.escape(PUBLIC) + r"(/c/[A-Za-z0-9_-]+)")
REMOVAL = re.compile(r'id="removal" href="' + re.escape(PUBLIC) + r'(/r/[^"?]+)')


@dataclass
class Clock:
    now: dt.datetime = FIXED_NOW

    def __call__(self) -> dt.datetime:
        return self.now


@dataclass
class Site:
    client: TestClient[web.Request, web.Application]
    deps: Deps
    dispatcher: Dispatcher
    clock: Clock
    paths: dict[str, str] = field(default_factory=dict)

    async def publish(self, slug: str, who: object = ORGANIZER) -> str:
        reply = await run_ok(self.dispatcher, who, f"/campaign publish {slug}")  # type: ignore[arg-type]
        found = PAGE_URL.search(reply.text)
        assert found, reply.text
        return found.group(1)

    async def form_token(self, path: str) -> str:
        response = await self.client.get(path)
        found = TOKEN_FIELD.search(await response.text())
        assert found
        return html.unescape(found.group(1))

    async def sign(self, path: str, **fields: str) -> tuple[int, str]:
        form = {"token": await self.form_token(path), "consent": "yes", **fields}
        response = await self.client.post(path + "/sign", data=form)
        return response.status, await response.text()


@asynccontextmanager
async def site(db: Db, tmp_path: Path, limits: Limits | None = None) -> AsyncIterator[Site]:
    clock = Clock()
    settings = Settings(db_path=str(tmp_path / "t.db"), public_url=PUBLIC, web_port=8080)
    deps = await wire_deps(db, settings, clock)
    dispatcher = Dispatcher(build_registry(), deps)
    client = TestClient(TestServer(page_application(deps, limits), host="127.0.0.1"))
    await client.start_server()
    try:
        yield Site(client, deps, dispatcher, clock)
    finally:
        await client.close()


async def campaign(s: Site, line: str = 'ring-free "Ring-free Greenfield" goal:50') -> str:
    await create(s.dispatcher, line)
    return await s.publish(line.split()[0])
