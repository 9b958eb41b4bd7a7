"""The discord.py client: sharded, mentions off, commands generated from the registry."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.core.dispatch import Dispatcher
from bot.core.incidents import incident_reply
from bot.platforms.discord.app_tree import add_registry_commands
from bot.platforms.discord.components import CardButton
from bot.platforms.discord.handling import NO_MENTIONS, Gate, InteractionHandler
from bot.platforms.discord.messenger import DiscordMessenger
from bot.platforms.discord.presses import ButtonPresses
from bot.platforms.discord.sync import sync_commands
from bot.platforms.discord.translator import CatalogTranslator

log = logging.getLogger("counterwatch.discord")


@contextlib.contextmanager
def api_base(url: str) -> Iterator[None]:
    """Point discord.py's REST base (and so `GET /gateway/bot`) at `url`, restored on exit.

    discord.py keeps the base in a class attribute, so one base holds per process. The
    fallback gateway that `CounterwatchClient.launch_shards` sets is restored here too.
    """
    previous_base, previous_gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    Route.BASE = url.rstrip("/")
    try:
        yield
    finally:
        Route.BASE = previous_base
        DiscordWebSocket.DEFAULT_GATEWAY = previous_gateway


def intents() -> discord.Intents:
    # Slash commands need no intent at all; `guilds` (not privileged) keeps the role cache
    # that organizer/admin role ids are checked against.
    wanted = discord.Intents.none()
    wanted.guilds = True
    return wanted


class CounterwatchTree(app_commands.CommandTree["CounterwatchClient"]):
    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError, /
    ) -> None:
        """Adapter failures: logged with an incident id, the user told privately, bot alive."""
        name = interaction.command.qualified_name if interaction.command else "?"
        message = incident_reply(f"discord /{name}", error).text
        try:
            if interaction.response.is_done():
                await interaction.followup.send(
                    message, ephemeral=True, allowed_mentions=NO_MENTIONS
                )
            else:
                await interaction.response.send_message(
                    message, ephemeral=True, allowed_mentions=NO_MENTIONS
                )
        except discord.HTTPException:
            log.warning("could not tell the user about an incident in /%s", name)


class CounterwatchClient(discord.AutoShardedClient):
    """Every shard in this process, or only DISCORD_SHARD_IDS of DISCORD_SHARD_COUNT when
    the shards are split across processes."""

    def __init__(self, dispatcher: Dispatcher, gate: Gate, *, sync_on_start: bool) -> None:
        settings = dispatcher.deps.settings
        # Unset, discord.py runs as many shards as Discord advises, all of them here.
        split: dict[str, Any] = {}
        if settings.discord_shard_count:
            split["shard_count"] = settings.discord_shard_count
        if settings.discord_shard_ids:
            split["shard_ids"] = list(settings.discord_shard_ids)
        super().__init__(
            intents=intents(),
            allowed_mentions=NO_MENTIONS,
            guild_ready_timeout=settings.discord_guild_ready_timeout_s,
            **split,
        )
        self.dispatcher = dispatcher
        self.gate = gate
        self.sync_on_start = sync_on_start
        self.tree = CounterwatchTree(self)
        self.command_names = add_registry_commands(
            self.tree, dispatcher.registry, InteractionHandler(dispatcher, gate)
        )
        # Buttons carry their action in the custom_id: found by `CardButton`, run here.
        self.presses = ButtonPresses(dispatcher, gate)

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        # discord.py's public hook; its default sleeps 5 s, the setting's default.
        if not initial:
            await asyncio.sleep(self.dispatcher.deps.settings.discord_identify_pause_s)

    async def setup_hook(self) -> None:
        # Descriptions in the member's client language (es-ES, es-419), read at each sync.
        await self.tree.set_translator(CatalogTranslator())
        # Registered before the gateway connects, so a click on a card posted before a
        # restart is routed like one posted since.
        self.add_dynamic_items(CardButton)
        # Card edits are REST calls: they need the login, not the gateway.
        self.dispatcher.deps.messengers.register_editor(DiscordMessenger(self))
        if self.sync_on_start:
            # At each start only when they differ from Discord's: registration is rate-limited.
            await sync_commands(self, self.tree, self.guild_id, only_if_changed=True)

    async def launch_shards(self) -> None:
        """Connect to the gateway `GET /gateway/bot` names, on every connection, not just the first.

        discord.py uses the fetched address only to launch the shards. Every later connection
        that does not RESUME (after INVALID_SESSION with d=false, or a RESUME that could not
        connect: `Shard.reidentify`/`Shard.reconnect` pass `gateway=None`) falls back to the class
        attribute `DiscordWebSocket.DEFAULT_GATEWAY`, wss://gateway.discord.gg — bypassing the
        gateway of DISCORD_API_BASE, and where that host is out of reach, never coming back.
        That attribute is the library's only knob (the shards are private), so it is set to
        the fetched address; `api_base` restores it. With `shard_count` known, the library
        skips its own fetch and launches on that same address: one `GET /gateway/bot` serves both.
        """
        if self.is_closed():
            return
        advised, url, _ = await self.http.get_bot_gateway()
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
        if self.shard_count is None:
            self.shard_count = advised
        elif advised > self.shard_count:
            log.warning(
                "discord advises %d shards; DISCORD_SHARD_COUNT is %d", advised, self.shard_count
            )
        log.info("discord: shard(s) %s of %d in this process", self._held(), self.shard_count)
        await super().launch_shards()

    def _held(self) -> str:
        return ", ".join(map(str, self.shard_ids)) if self.shard_ids else "all"

    @property
    def guild_id(self) -> str:
        """DISCORD_GUILD_ID: the one server commands sync to (development), or ''."""
        return self.dispatcher.deps.settings.discord_guild_id

    async def on_ready(self) -> None:
        # READY can come again after a fresh IDENTIFY; registering twice is harmless.
        self.dispatcher.deps.messengers.register(DiscordMessenger(self))
        log.info(
            "discord ready: shard(s) %s of %d, %d guild(s)",
            self._held(),
            self.shard_count,
            len(self.guilds),
        )
