"""User text carrying Discord markdown is shown as typed: no disguised links, no formatting,
bare links still clickable, whichever shape the reply takes on the wire."""

from __future__ import annotations

from typing import Any

from bot.core.models import Reply
from bot.platforms.discord import limits
from bot.platforms.discord.render import FULL_REPLY_FILENAME, render
from tests.platforms.discord.conftest import RunningBot
from tests.platforms.discord.wire import (
    DEFERRED,
    as_displayed,
    final_message,
    live_markdown,
    message_data,
    pings_nobody,
)

LINKS = (
    "https://www.eff.org/deeplinks/2020_ring_*report*",
    "<https://atlasofsurveillance.org/search?a_b=1>",
)
MARKDOWN = "\n".join(
    [
        "[good](https://evil.example/login) then [two](https://evil.example/2)",
        "**bold** __underline__ ~~strike~~ ||spoiler|| `code` *it* _it_ @everyone",
        "# heading",
        "### smaller",
        "-# subtext",
        "> quote",
        ">>> long quote",
        "```py",
        "print('fence')",
        "```",
        "  - indented item",
        "1. numbered",
        f"read {LINKS[0]} or {LINKS[1]}.",
        "back\\slash \\*typed escape\\*",
    ]
)


def assert_neutral(shown: str, expected: str) -> None:
    assert live_markdown(shown) == [], shown
    assert as_displayed(shown) == expected


def assert_links_intact(shown: str) -> None:
    for link in LINKS:
        assert link in shown  # unescaped: Discord still makes it a link


async def ask(bot: RunningBot, path: str, values: dict[str, object]) -> tuple[int, dict[str, Any]]:
    sent = await bot.fake.send_interaction(path, values)
    kind, received = await final_message(bot.fake, sent)
    data = message_data(received)
    assert pings_nobody(data)
    return kind, {**data, "files": received.files}


async def test_message_content_shows_markdown_as_typed(bot: RunningBot) -> None:
    _, data = await ask(bot, "/probe markup", {"text": MARKDOWN})
    assert_neutral(data["content"], MARKDOWN)
    assert_links_intact(data["content"])


async def test_embed_title_description_and_fields_show_markdown_as_typed(
    bot: RunningBot,
) -> None:
    _, data = await ask(bot, "/probe markup", {"text": MARKDOWN, "shape": "embed"})
    (embed,) = data["embeds"]
    first_line = MARKDOWN.split("\n", 1)[0]
    assert_neutral(embed["title"], first_line)
    assert_neutral(embed["description"], MARKDOWN)
    (field,) = embed["fields"]
    assert_neutral(field["name"], first_line)
    assert_neutral(field["value"], MARKDOWN)
    assert_links_intact(embed["description"])


async def test_preview_is_neutral_and_the_attached_file_is_as_written(bot: RunningBot) -> None:
    _, data = await ask(bot, "/probe markup", {"text": MARKDOWN, "shape": "file"})
    preview = data["content"]
    assert len(preview) <= limits.CONTENT_MAX
    assert live_markdown(preview) == []
    assert as_displayed(preview).startswith(MARKDOWN)
    name, content = next(iter(data["files"].values()))
    assert name == FULL_REPLY_FILENAME
    assert content.decode().count(MARKDOWN) == 40  # a text file: no escapes in it


async def test_deferred_follow_up_shows_markdown_as_typed(bot: RunningBot) -> None:
    kind, data = await ask(bot, "/probe markup-later", {"text": MARKDOWN})
    assert kind == DEFERRED
    assert_neutral(data["content"], MARKDOWN)
    assert_links_intact(data["content"])


def test_escapes_count_against_the_limits_and_are_never_split() -> None:
    # Each star doubles once escaped: the content limit is measured after escaping.
    stars = render(Reply(text="*" * limits.CONTENT_MAX))
    assert stars.content is None and len(stars.embeds) == 1
    assert as_displayed(stars.embeds[0].description or "") == "*" * limits.CONTENT_MAX
    # One long line of markup over several embeds: every piece within the limit,
    # every escape kept with its character, nothing lost.
    line = "_>" * 1900
    out = render(Reply(text=line))
    pieces = [e.description or "" for e in out.embeds]
    assert len(pieces) >= 2
    assert all(len(p) <= limits.EMBED_DESCRIPTION_MAX for p in pieces)
    assert all(live_markdown(p) == [] for p in pieces)
    assert "".join(as_displayed(p) for p in pieces) == line
