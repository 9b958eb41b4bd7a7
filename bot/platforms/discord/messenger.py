"""Direct messages on Discord (follow notifications), as a `bot.core.messengers.DirectMessenger`,
and edits of the campaign cards posted earlier (a `bot.core.messengers.CardEditor`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import discord

from bot.core.messengers import CardEditFailed, CardGone, DeliveryError
from bot.core.models import Reply
from bot.platforms.discord import limits
from bot.platforms.discord.handling import NO_MENTIONS
from bot.platforms.discord.markdown import split_escaped
from bot.platforms.discord.render import render
from lexicon.i18n import N_
from lexicon.stored import store


class DiscordMessenger:
    platform = "discord"

    def __init__(self, client: discord.Client) -> None:
        self._client = client

    async def send_direct(self, workspace: str, user_id: str, text: str) -> None:
        """Open (or reuse) the DM channel and send `text`, split at 2,000 characters.

        Closed DMs (403) and unknown users raise a permanent DeliveryError (the delivery loop
        then tries the notify channel); outages a transient one. The caller retries both.
        """
        if not user_id.isdigit():
            raise DeliveryError(
                store(N_("not a Discord user id: {id}"), id=repr(user_id[:30])), permanent=True
            )
        with _delivery_errors(
            forbidden=store(N_("the user does not accept direct messages")),
            not_found=store(N_("Discord knows no such user")),
        ):
            channel = await self._client.create_dm(discord.Object(id=int(user_id)))
            await _send(channel, text)

    async def send_channel(self, workspace: str, channel_id: str, text: str) -> None:
        """Post `text` in a text channel of the server `workspace`, mentions off.

        The channel must belong to that server: a follower's name never goes to another one.
        """
        if not channel_id.isdigit():
            raise DeliveryError(
                store(N_("not a Discord channel id: {id}"), id=repr(channel_id[:30])),
                permanent=True,
            )
        with _delivery_errors(
            forbidden=store(N_("no permission to post in the notify channel")),
            not_found=store(N_("the notify channel does not exist")),
        ):
            channel = self._client.get_channel(int(channel_id)) or await self._client.fetch_channel(
                int(channel_id)
            )
            guild = getattr(channel, "guild", None)
            if guild is None or str(guild.id) != workspace:
                raise DeliveryError(
                    store(N_("the notify channel is not in that server")), permanent=True
                )
            if not isinstance(channel, discord.abc.Messageable):
                raise DeliveryError(
                    store(N_("the notify channel takes no messages")), permanent=True
                )
            await _send(channel, text)

    async def edit_card(self, workspace: str, channel: str, message_id: str, reply: Reply) -> None:
        """PATCH the channel message (REST, no cache needed) with the card as it is now.

        Unknown Message (10008) and Unknown Channel (10003) are 404s: the card is gone. A rate
        limit discord.py would rather not sleep through comes back with its retry_after."""
        if not (channel.isdigit() and message_id.isdigit()):
            raise CardGone("not a Discord message id")
        outgoing = render(reply)
        target = self._client.get_partial_messageable(int(channel))
        try:
            await target.get_partial_message(int(message_id)).edit(
                content=outgoing.content,
                embeds=list(outgoing.embeds),
                view=outgoing.discord_view(),
                allowed_mentions=NO_MENTIONS,
            )
        except discord.NotFound:
            raise CardGone("Discord knows no such message") from None
        except discord.RateLimited as exc:
            raise CardEditFailed("rate limited", retry_after=exc.retry_after) from None
        except (discord.HTTPException, OSError) as exc:
            status = getattr(exc, "status", type(exc).__name__)
            raise CardEditFailed(f"Discord did not take the edit: {status}") from None


@contextmanager
def _delivery_errors(*, forbidden: str, not_found: str) -> Iterator[None]:
    """Discord's refusals as DeliveryErrors: 403/404 will not change (permanent: the delivery
    loop tries the notify channel), anything else is an outage to retry."""
    try:
        yield
    except discord.Forbidden:
        raise DeliveryError(forbidden, permanent=True) from None
    except discord.NotFound:
        raise DeliveryError(not_found, permanent=True) from None
    except (discord.HTTPException, OSError) as exc:
        raise DeliveryError(
            store(N_("Discord did not take the message: {error}"), error=type(exc).__name__)
        ) from None


async def _send(channel: discord.abc.Messageable, text: str) -> None:
    # Notifications carry fact text and display names: escaped like every reply, so a
    # name such as "**x**" or "[a](https://evil)" shows as typed.
    for piece in split_escaped(text, limits.CONTENT_MAX) or ["(empty message)"]:
        await channel.send(piece, allowed_mentions=NO_MENTIONS)
