"""Running a pressed button: the action line, dispatched as the person who clicked.

Answered privately, within Discord's 3 s: at once when the command is quick, else a
private "thinking…" first and the answer as a follow-up, as slash commands are.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

import discord

from bot.core.dispatch import Dispatcher
from bot.platforms.discord.handling import (
    FAST_BUDGET_S,
    NO_MENTIONS,
    STOPPING_MESSAGE,
    Gate,
    send_reply,
)
from bot.platforms.discord.identity import identity_of

log = logging.getLogger("counterwatch.discord")


class ButtonPresses:
    """The `PressRunner` that `components.CardButton` finds on the client."""

    def __init__(self, dispatcher: Dispatcher, gate: Gate) -> None:
        self._dispatcher = dispatcher
        self._gate = gate

    async def press(self, interaction: discord.Interaction, action: str) -> None:
        if not self._gate.is_open:
            await interaction.response.send_message(
                STOPPING_MESSAGE, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        with self._gate.hold():
            log.info("discord button in %s", interaction.guild_id or "dm")
            identity = identity_of(interaction, self._dispatcher.deps.settings)
            task = asyncio.ensure_future(self._dispatcher.run_text(identity, action))
            deferred: bool | None = None
            try:
                done, _ = await asyncio.wait({task}, timeout=FAST_BUDGET_S)
                if not done:
                    await interaction.response.defer(ephemeral=True, thinking=True)
                    deferred = True
            finally:
                reply = await task
            await send_reply(interaction, replace(reply, private=True), deferred)
