"""A refused Discord token or an unreachable API base is one line, exit code 2."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from tests.platforms.discord.test_main_wiring import run_main


@pytest.fixture
async def refusing_api() -> AsyncIterator[str]:
    """A Discord-shaped API that answers every request 401, as Discord does a wrong token."""

    async def unauthorized(request: web.Request) -> web.Response:
        return web.json_response({"message": "401: Unauthorized", "code": 0}, status=401)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", unauthorized)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}/api/v10"
    finally:
        await runner.cleanup()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("subcommand", ["run", "discord-sync"])
async def test_a_refused_token_is_one_line(
    refusing_api: str, tmp_path: Path, subcommand: str
) -> None:
    env = {
        "DISCORD_TOKEN": "wrong-token",
        "DISCORD_API_BASE": refusing_api,
        "COUNTERWATCH_DB": str(tmp_path / "d.db"),
    }
    code, out = await run_main(env, subcommand)
    assert code == 2, out
    # (the log lines before it are the usual start-up INFO lines)
    assert out.strip().splitlines()[-1] == "counterwatch: discord: Discord refused DISCORD_TOKEN"
    assert "Traceback" not in out


async def test_an_unreachable_api_base_is_one_line(tmp_path: Path) -> None:
    base = f"http://127.0.0.1:{closed_port()}/api/v10"
    env = {
        "DISCORD_TOKEN": "some-token",
        "DISCORD_API_BASE": base,
        "COUNTERWATCH_DB": str(tmp_path / "d.db"),
    }
    code, out = await asyncio.wait_for(run_main(env, "run"), 60)
    assert code == 2, out
    last = out.strip().splitlines()[-1]
    assert "Traceback" not in out and "cannot reach Discord's API" in last and base in last
