"""Reading what the bot put on the wire for one interaction."""

from __future__ import annotations

import re
from typing import Any

from testkit.fake_discord import FakeDiscord, Received

MESSAGE, DEFERRED, AUTOCOMPLETE_RESULT = 4, 5, 8
EPHEMERAL = 64
INCIDENT_WORDS = "Something went wrong on our side"


async def final_message(fake: FakeDiscord, interaction: dict[str, Any]) -> tuple[int, Received]:
    """(callback type, the request that carried the message: callback or first follow-up)."""
    callback = await fake.callback(interaction)
    if callback.body["type"] == DEFERRED:
        return DEFERRED, await fake.followup(interaction)
    return callback.body["type"], callback


def message_data(received: Received) -> dict[str, Any]:
    """The message fields, whether sent as a callback (`data`) or a follow-up (top level)."""
    body: dict[str, Any] = received.body
    return body["data"] if "data" in body and "type" in body else body


def visible_text(data: dict[str, Any]) -> str:
    """Everything a reader sees: content, embed titles, descriptions and fields."""
    parts = [data.get("content") or ""]
    for embed in data.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [f"{f['name']} {f['value']}" for f in embed.get("fields") or []]
    return "\n".join(parts)


def pings_nobody(data: dict[str, Any]) -> bool:
    mentions = data.get("allowed_mentions")
    return mentions is not None and mentions.get("parse") == [] and not mentions.get("users")


def is_ephemeral(data: dict[str, Any]) -> bool:
    return bool((data.get("flags") or 0) & EPHEMERAL)


# How Discord reads markdown, as far as these tests need: a backslash before any
# punctuation shows that character; links (<https://...> and bare https://...) are
# taken whole; *, _, ~, |, ` and brackets elsewhere are markup; so are >, #, -, +
# and "1." at the start of a line.
_ESCAPED = re.compile(r"\\([^0-9A-Za-z\s])")
_LINK = r"<https?://[^ >]+>|https?://[^\s<]+[^<.,:;\"')\]\s]"
_TOKEN = re.compile(rf"\\[^0-9A-Za-z\s]|{_LINK}|(?P<markup>[*_~|`\[\]])")
_BLOCK = re.compile(r"\s*(?:[>#+-]|\d+\.(?:\s|$))")


def as_displayed(text: str) -> str:
    """What a reader sees once Discord has consumed the escapes."""
    return _ESCAPED.sub(r"\1", text)


def live_markdown(text: str) -> list[str]:
    """Every piece of `text` Discord would still read as formatting (empty when neutral)."""
    inline = [m.group("markup") for m in _TOKEN.finditer(text) if m.group("markup")]
    return inline + [line for line in text.split("\n") if _BLOCK.match(line)]
