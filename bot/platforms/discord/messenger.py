"""Direct messages on Discord (follow notifications), as a `bot.notify.DirectMessenger`."""

from __future__ import annotations

import discord

from bot.notify import DeliveryError
from bot.platforms.discord import limits
from bot.platforms.discord.handling import NO_MENTIONS
from bot.platforms.discord.render import split_text


class DiscordMessenger:
    platform = "discord"

    def __init__(self, client: discord.Client) -> None:
        self._client = client

    async def send_direct(self, workspace: str, user_id: str, text: str) -> None:
        """Open (or reuse) the DM channel and send `text`, split at 2,000 characters.

        Closed DMs (403), unknown users and outages raise DeliveryError; the caller retries.
        """
        if not user_id.isdigit():
            raise DeliveryError(f"not a Discord user id: {user_id[:30]!r}")
        try:
            channel = await self._client.create_dm(discord.Object(id=int(user_id)))
            for piece in split_text(text, limits.CONTENT_MAX) or ["(empty message)"]:
                await channel.send(piece, allowed_mentions=NO_MENTIONS)
        except discord.Forbidden:
            raise DeliveryError("the user does not accept direct messages") from None
        except (discord.HTTPException, OSError) as exc:
            raise DeliveryError(f"Discord did not take the message: {type(exc).__name__}") from None
