"""Running the Discord adapter until told to stop, and syncing commands on their own."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator

import aiohttp
import discord

from bot.core.dispatch import Dispatcher
from bot.core.preflight import PlatformStartError
from bot.platforms.discord.client import CounterwatchClient, api_base
from bot.platforms.discord.handling import Gate
from bot.platforms.discord.sync import sync_commands

log = logging.getLogger("counterwatch.discord")

# Interactions still running when asked to stop get this long to finish (their tokens
# live 15 minutes, but a stop should not hang on a stuck handler).
DRAIN_TIMEOUT_S = 30.0


async def run_discord(
    dispatcher: Dispatcher, stop: asyncio.Event, *, gate: Gate | None = None
) -> None:
    """Connect, sync commands, serve interactions until `stop` is set, then wind down:
    turn new interactions away, let those in flight finish, close the client.

    `gate` is only passed by tests that watch the wind-down.
    """
    settings = dispatcher.deps.settings
    gate = gate or Gate()
    with api_base(settings.discord_api_base):
        # Split across processes, only the one holding shard 0 syncs the commands: they are
        # one list per application, and registration is rate-limited.
        syncs = settings.discord_syncs_commands
        if not syncs:
            log.info("discord: commands are synced by the process holding shard 0, not here")
        client = CounterwatchClient(dispatcher, gate, sync_on_start=syncs)
        if dispatcher.monitor is not None:  # /healthz reads the gateway's state when asked
            dispatcher.monitor.platform("discord", lambda: _state(client))
        async with client:
            serving = asyncio.create_task(client.start(settings.discord_token), name="discord")
            stopping = asyncio.create_task(stop.wait(), name="discord-stop")
            await asyncio.wait({serving, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            if serving.done():
                with start_errors(settings.discord_api_base):
                    serving.result()  # a login failure or a fatal gateway error surfaces here
                return
            gate.close()
            log.info("discord: stopping; %d interaction(s) in flight", gate.in_flight)
            try:
                await asyncio.wait_for(gate.drained(), DRAIN_TIMEOUT_S)
            except TimeoutError:
                log.warning("discord: %d interaction(s) still running; closing", gate.in_flight)
            await client.close()
            with contextlib.suppress(asyncio.CancelledError):
                await serving
    log.info("discord: stopped")


def _state(client: CounterwatchClient) -> str:
    if client.is_closed():
        return "stopped"
    return "connected" if client.is_ready() else "connecting"


@contextlib.contextmanager
def start_errors(api_base_url: str) -> Iterator[None]:
    """A refused token or an unreachable API becomes one line for the operator (main.py
    prints it, exit 2) instead of discord.py's traceback."""
    try:
        yield
    except discord.LoginFailure:
        raise PlatformStartError("discord: Discord refused DISCORD_TOKEN") from None
    except (aiohttp.ClientError, OSError) as exc:
        raise PlatformStartError(
            f"discord: cannot reach Discord's API at {api_base_url} ({type(exc).__name__})"
        ) from None


async def sync_only(dispatcher: Dispatcher) -> int:
    """`main.py discord-sync`: log in over REST, sync (always, changed or not), close;
    the gateway is never opened."""
    settings = dispatcher.deps.settings
    with api_base(settings.discord_api_base):
        client = CounterwatchClient(dispatcher, Gate(), sync_on_start=False)
        async with client:
            with start_errors(settings.discord_api_base):
                await client.login(settings.discord_token)
            synced = (
                await sync_commands(client, client.tree, client.guild_id, only_if_changed=False)
                or []
            )
    where = f"guild {settings.discord_guild_id}" if settings.discord_guild_id else "globally"
    print(f"synced {len(synced)} commands {where}: {', '.join(c.name for c in synced)}")
    return 0
