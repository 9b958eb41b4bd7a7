"""Running one interaction: acknowledge in time, dispatch, render, send.

Discord wants a first response within 3 s. Commands declared slow, and any
command that carries a file, are deferred at once. Any other command gets
FAST_BUDGET_S to answer directly; past that it is deferred while it keeps
running, so an unexpectedly slow handler never loses its interaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable, Iterator
from typing import Any

import aiohttp
import discord
from discord import app_commands

from bot.core.dispatch import Dispatcher
from bot.core.errors import UserError
from bot.core.models import Attachment, Posted, Reply
from bot.core.registry import Command
from bot.platforms.discord import limits
from bot.platforms.discord.identity import autocomplete_context, identity_of
from bot.platforms.discord.render import render

log = logging.getLogger("counterwatch.discord")

FAST_BUDGET_S = 1.5
AUTOCOMPLETE_BUDGET_S = 2.0
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
# A download that trickles is bounded in time as well as in size.
DOWNLOAD_TIMEOUT_S = 60.0
STOPPING_MESSAGE = "Counterwatch is restarting. Please try again in a minute."
NO_MENTIONS = discord.AllowedMentions.none()


class Gate:
    """Counts interactions in flight; once closed, new ones are turned away."""

    def __init__(self) -> None:
        self._open = True
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self.closing = asyncio.Event()  # set once new interactions are turned away

    @property
    def is_open(self) -> bool:
        return self._open

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def close(self) -> None:
        self._open = False
        self.closing.set()

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        self._in_flight += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._idle.set()

    async def drained(self) -> None:
        await self._idle.wait()


class InteractionHandler:
    """The `InteractionRunner` the generated app commands call."""

    def __init__(self, dispatcher: Dispatcher, gate: Gate) -> None:
        self._dispatcher = dispatcher
        self._gate = gate

    async def invoke(
        self, interaction: discord.Interaction, command: Command, values: dict[str, object]
    ) -> None:
        if not self._gate.is_open:
            await interaction.response.send_message(
                STOPPING_MESSAGE, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        with self._gate.hold():
            log.info("discord /%s in %s", command.name, interaction.guild_id or "dm")
            await self._run(interaction, command, values)

    async def complete(
        self, interaction: discord.Interaction, source: str, typed: str
    ) -> list[app_commands.Choice[str]]:
        """Autocomplete cannot be deferred: answer within the budget, or suggest nothing."""
        if not self._gate.is_open:
            return []
        with self._gate.hold():
            try:
                choices = await asyncio.wait_for(
                    self._dispatcher.autocomplete(source, autocomplete_context(interaction), typed),
                    AUTOCOMPLETE_BUDGET_S,
                )
            except TimeoutError:
                log.warning("autocomplete source %s took too long; no suggestions", source)
                return []
        return [
            app_commands.Choice(
                name=limits.shorten(c.label or c.value, limits.CHOICE_TEXT_MAX), value=c.value
            )
            for c in choices
            if 0 < len(c.value) <= limits.CHOICE_TEXT_MAX
        ][: limits.MAX_STATIC_CHOICES]

    async def _run(
        self, interaction: discord.Interaction, command: Command, values: dict[str, object]
    ) -> None:
        files = [v for v in values.values() if isinstance(v, discord.Attachment)]
        raw = {k: v for k, v in values.items() if not isinstance(v, discord.Attachment)}
        deferred_private: bool | None = None
        if command.slow or files:
            await interaction.response.defer(ephemeral=command.private, thinking=True)
            deferred_private = command.private
        try:
            attachments = await download(files)
        except UserError as exc:
            await send_reply(interaction, Reply(exc.message, private=True, error=True), None)
            return
        identity = identity_of(interaction, self._dispatcher.deps.settings)
        task = asyncio.ensure_future(
            self._dispatcher.run_options(identity, command, raw, attachments)
        )
        try:
            if deferred_private is None:
                done, _ = await asyncio.wait({task}, timeout=FAST_BUDGET_S)
                if not done:
                    await interaction.response.defer(ephemeral=command.private, thinking=True)
                    deferred_private = command.private
        finally:
            # Whatever happens to the acknowledgement, the command itself runs to completion.
            reply = await task
        await send_reply(interaction, reply, deferred_private)


async def download(files: Iterable[discord.Attachment]) -> tuple[Attachment, ...]:
    attachments: list[Attachment] = []
    for file in files:
        if file.size > MAX_ATTACHMENT_BYTES:
            raise UserError(
                f"{file.filename[:60]} is larger than {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB."
            )
        content = await read_capped(file.url, file.filename)
        attachments.append(Attachment(filename=file.filename, content=content))
    return tuple(attachments)


async def read_capped(url: str, filename: str) -> bytes:
    """The file's bytes, read in pieces and refused once past MAX_ATTACHMENT_BYTES: the size
    an attachment declares is not a bound on what its URL sends (discord.py's
    Attachment.read() buffers whatever comes)."""
    too_large = f"{filename[:60]} is larger than {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB."
    received = bytearray()
    try:
        timeout = aiohttp.ClientTimeout(total=DOWNLOAD_TIMEOUT_S)
        async with aiohttp.ClientSession(timeout=timeout) as session, session.get(url) as response:
            response.raise_for_status()
            async for chunk in response.content.iter_chunked(64 * 1024):
                received += chunk
                if len(received) > MAX_ATTACHMENT_BYTES:
                    raise UserError(too_large)
    except (aiohttp.ClientError, TimeoutError):
        message = "Could not download the attached file; please attach it again."
        raise UserError(message) from None
    return bytes(received)


async def send_reply(
    interaction: discord.Interaction, reply: Reply, deferred_private: bool | None
) -> None:
    """Answer directly, or follow up a deferral; mentions are off on every send."""
    outgoing = render(reply)
    kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS, "ephemeral": reply.private}
    if outgoing.content is not None:
        kwargs["content"] = outgoing.content
    if outgoing.embeds:
        kwargs["embeds"] = list(outgoing.embeds)
    if outgoing.files:
        kwargs["files"] = outgoing.discord_files()
    view = outgoing.discord_view()
    if view is not None:
        kwargs["view"] = view
    if not interaction.response.is_done():
        callback = await interaction.response.send_message(**kwargs)
        await tell_posted(interaction, reply, callback.message_id)
        return
    if reply.private and deferred_private is False:
        # A public "thinking…" message must not turn into a public copy of a private reply.
        with contextlib.suppress(discord.NotFound):
            await interaction.delete_original_response()
    message = await interaction.followup.send(**kwargs, wait=True)
    await tell_posted(interaction, reply, message.id)


async def tell_posted(
    interaction: discord.Interaction, reply: Reply, message_id: int | None
) -> None:
    """A public reply that asked where it landed (a campaign card) is told its ids; the
    message is out already, so a failure here is logged, never shown as the command's."""
    if reply.on_posted is None or reply.private or message_id is None:
        return
    if interaction.channel_id is None:
        return
    try:
        await reply.on_posted(Posted(str(interaction.channel_id), str(message_id)))
    except Exception as exc:
        log.warning("could not remember where a card was posted: %s", type(exc).__name__)
