"""Block Kit rendering: escaping, Slack's size limits, visibility."""

from __future__ import annotations

import json

from bot.core.models import Field, Reply, ReplyFile
from bot.platforms.slack.dedupe import SeenRequests
from bot.platforms.slack.render import (
    MAX_SECTION_TEXT,
    escape,
    render_reply,
    split_for_sections,
    unescape,
)


def test_escape_is_exactly_three_characters_ampersand_first() -> None:
    assert escape("a & <b> *c*") == "a &amp; &lt;b&gt; *c*"
    assert unescape(escape("<@U1> & &lt;")) == "<@U1> & &lt;"


def test_every_rendered_text_is_escaped() -> None:
    evil = "<!channel> <@U123> <http://evil|good>"
    reply = Reply(title=evil, text=evil, fields=(Field(evil, evil),), file=ReplyFile(evil, b"x"))
    message = render_reply(reply)
    raw = json.dumps(message.payload())
    assert "<" not in raw and ">" not in raw
    assert message.payload()["response_type"] == "in_channel"


def test_private_replies_are_ephemeral() -> None:
    assert render_reply(Reply(text="x", private=True)).payload()["response_type"] == "ephemeral"


def test_sections_are_split_within_the_limit_even_when_escaping_grows_text() -> None:
    text = ("<" * 1000 + "\n") * 5 + "x" * 7000
    chunks = split_for_sections(text)
    assert all(len(escape(c)) <= MAX_SECTION_TEXT for c in chunks)
    assert "\n".join(chunks).replace("\n", "") == text.replace("\n", "")


def test_many_fields_use_sections_of_ten() -> None:
    reply = Reply(text="t", fields=tuple(Field(f"n{i}", "v") for i in range(23)))
    sections = [b for b in render_reply(reply).blocks if "fields" in b]
    assert [len(s["fields"]) for s in sections] == [10, 10, 3]


def test_a_reply_over_slack_limits_becomes_a_file() -> None:
    reply = Reply(title="Big", text="y" * 5000, file=ReplyFile("letter.txt", b"dear"))
    message = render_reply(reply)
    assert [f.filename for f in message.files] == ["counterwatch-reply.txt", "letter.txt"]
    assert len(message.text) <= 4000
    assert message.files[0].content.decode().startswith("Big\n" + "y" * 10)


def test_seen_requests_expire_and_stay_bounded() -> None:
    now = [0.0]
    seen = SeenRequests(ttl=10, max_keys=3, clock=lambda: now[0])
    assert seen.first_time("a") and not seen.first_time("a")
    now[0] = 11
    assert seen.first_time("a"), "expired keys are forgotten"
    for key in "bcdef":
        seen.first_time(key)
    assert len(seen) <= 3
    seen.forget("f")
    assert seen.first_time("f")


def test_text_after_the_fields_is_a_section_under_them() -> None:
    message = render_reply(Reply(text="Answer", fields=(Field("Agency", "joined"),), after="<a>"))
    kinds = ["fields" if "fields" in b else b["text"]["text"] for b in message.blocks]
    assert kinds == ["Answer", "fields", "&lt;a&gt;"]
    assert message.text == "Answer\nAgency: joined\n&lt;a&gt;"
