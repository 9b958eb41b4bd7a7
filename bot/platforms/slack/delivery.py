"""Getting a rendered reply to the person: response_url, chat.postEphemeral, files.

Slash commands answer through their `response_url` (ephemeral or in_channel).
Modal submissions have no response_url, so they answer in the channel the modal
was opened from (ephemeral to the user when the reply is private), falling back
to a direct message when the bot cannot post there.
Files (letters, CSV exports, over-long replies) go up with `files_upload_v2`:
to the channel when the reply is public, to the user's DM when it is private,
because a file shared in a channel is visible to everyone in it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.core.models import Posted, Reply, ReplyFile
from bot.platforms.slack.render import SlackMessage, escape, render_reply

log = logging.getLogger("counterwatch.slack")

ALT_TEXT_MAX = 1000  # Slack refuses a longer alt_txt
UPLOAD_FAILED = (
    "Counterwatch could not attach {filename} here. Invite the app to this channel "
    "(or open a DM with it) and run the command again."
)


@dataclass(frozen=True)
class ReplyTarget:
    """Where a reply goes: a response_url when there is one, else channel + user."""

    user_id: str
    channel: str
    response_url: str = ""


class Delivery:
    def __init__(self, client: AsyncWebClient, session: aiohttp.ClientSession) -> None:
        self._client = client
        self._session = session

    async def send(self, target: ReplyTarget, reply: Reply) -> None:
        message = render_reply(reply)
        if wants_ids(reply) and not message.files and await self._post_card(target, message, reply):
            return
        await self._post(target, message)
        for file in message.files:
            channel = await self._file_channel(target, message.ephemeral)
            try:
                await self._client.files_upload_v2(
                    channel=channel,
                    file_uploads=[_upload(file)],
                )
            except (SlackClientError, aiohttp.ClientError) as exc:
                log.warning("file upload failed: %s", _error_code(exc))
                note = UPLOAD_FAILED.format(filename=file.filename)
                await self._post(target, render_reply(Reply(text=note, private=True, error=True)))

    async def _post_card(self, target: ReplyTarget, message: SlackMessage, reply: Reply) -> bool:
        """A reply that wants to know where it landed (a campaign card) is posted with
        chat.postMessage, whose answer names the message (a response_url post does not);
        False when the app may not post there (then it goes out untracked, as before)."""
        if not target.channel or reply.on_posted is None:
            return False
        try:
            response = await self._client.chat_postMessage(
                channel=target.channel, text=message.text, blocks=message.blocks
            )
        except SlackApiError as exc:
            log.info("card not posted by the app (%s); its count will not update", slack_error(exc))
            return False
        channel = str(response.get("channel") or target.channel)
        try:
            await reply.on_posted(Posted(channel, str(response.get("ts") or "")))
        except Exception as exc:  # the card is out: a failure to remember it is not the user's
            log.warning("could not remember where a card was posted: %s", type(exc).__name__)
        return True

    async def _post(self, target: ReplyTarget, message: SlackMessage) -> None:
        if target.response_url:
            await self._post_to_response_url(target.response_url, message)
        else:
            await self._post_to_channel(target, message)

    async def _post_to_response_url(self, url: str, message: SlackMessage) -> None:
        webhook = AsyncWebhookClient(url=url, session=self._session)
        response = await webhook.send_dict(message.payload())
        if response.status_code != 200:
            log.warning("response_url post answered HTTP %s", response.status_code)

    async def _post_to_channel(self, target: ReplyTarget, message: SlackMessage) -> None:
        try:
            if message.ephemeral and target.channel:
                await self._client.chat_postEphemeral(
                    channel=target.channel,
                    user=target.user_id,
                    text=message.text,
                    blocks=message.blocks,
                )
            elif target.channel:
                await self._client.chat_postMessage(
                    channel=target.channel, text=message.text, blocks=message.blocks
                )
            else:
                await self._post_direct(target.user_id, message)
        except SlackApiError as exc:
            # Not in that channel, or it was archived: tell the person directly instead.
            log.info("posting to the channel failed (%s); sending a DM", _error_code(exc))
            await self._post_direct(target.user_id, message)

    async def _post_direct(self, user_id: str, message: SlackMessage) -> None:
        channel = await self.open_dm(user_id)
        await self._client.chat_postMessage(
            channel=channel, text=message.text, blocks=message.blocks
        )

    async def open_dm(self, user_id: str) -> str:
        response = await self._client.conversations_open(users=user_id)
        return str((response.get("channel") or {}).get("id", ""))

    async def _file_channel(self, target: ReplyTarget, private: bool) -> str:
        if private or not target.channel:
            return await self.open_dm(target.user_id)
        return target.channel

    async def send_direct_text(self, user_id: str, text: str) -> None:
        """A plain DM (follow notifications); the text is escaped here."""
        channel = await self.open_dm(user_id)
        await self._client.chat_postMessage(channel=channel, text=escape(text))

    async def update_message(self, channel: str, ts: str, message: SlackMessage) -> None:
        """Replace a message the app posted (a campaign card) with `message`."""
        await self._client.chat_update(
            channel=channel, ts=ts, text=message.text, blocks=message.blocks
        )

    async def send_channel_text(self, channel: str, text: str) -> None:
        """A plain post in a channel (follow notifications when DMs are closed); escaped here."""
        await self._client.chat_postMessage(channel=channel, text=escape(text))


def wants_ids(reply: Reply) -> bool:
    """A public reply that asks where it landed: it must go out by chat.postMessage."""
    return reply.on_posted is not None and not reply.private


def _error_code(exc: Exception) -> str:
    return slack_error(exc)


def slack_error(exc: Exception) -> str:
    """Slack's error code (`not_in_channel`), or the HTTP status / exception type."""
    if isinstance(exc, SlackApiError):
        data = exc.response.data
        if isinstance(data, dict) and data.get("error"):
            return str(data["error"])
        return f"HTTP {exc.response.status_code}"
    return type(exc).__name__


def _upload(file: ReplyFile) -> dict[str, object]:
    """One file for files_upload_v2; a picture's alt text goes as Slack's alt_txt."""
    upload: dict[str, object] = {
        "content": file.content,
        "filename": file.filename,
        "title": file.filename,
    }
    if file.alt_text:
        upload["alt_txt"] = file.alt_text[:ALT_TEXT_MAX]
    return upload
