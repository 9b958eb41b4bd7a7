"""Reply -> Discord message shapes at the edges of Discord's limits."""

from __future__ import annotations

from bot.core.models import Field, Reply, ReplyFile
from bot.platforms.discord import limits
from bot.platforms.discord.render import FULL_REPLY_FILENAME, render, safe_filename


def test_text_at_the_limit_stays_a_message_and_one_more_char_becomes_an_embed() -> None:
    assert render(Reply(text="x" * limits.CONTENT_MAX)).content == "x" * limits.CONTENT_MAX
    longer = render(Reply(text="x" * (limits.CONTENT_MAX + 1)))
    assert longer.content is None and len(longer.embeds) == 1


def test_oversized_field_value_is_attached_whole_rather_than_cut() -> None:
    value = "v" * (limits.FIELD_VALUE_MAX + 1)
    out = render(Reply(text="t", fields=(Field("f", value),)))
    assert out.embeds == ()
    assert out.content is not None and len(out.content) <= limits.CONTENT_MAX
    name, data = out.files[0]
    assert name == FULL_REPLY_FILENAME and value in data.decode()


def test_reply_file_is_kept_alongside_the_text() -> None:
    out = render(Reply(text="Your letter", file=ReplyFile("../../etc/letter draft.txt", b"Dear")))
    assert out.content == "Your letter"
    assert out.files == (("letter_draft.txt", b"Dear"),)


def test_safe_filename_never_empty() -> None:
    assert safe_filename("...") == "file.txt"


def test_text_after_the_fields_is_shown_under_them() -> None:
    out = render(Reply(text="Answer", fields=(Field("Agency", "joined"),), after="Context"))
    assert [e.description for e in out.embeds] == ["Answer", "Context"]
    assert [f.name for f in out.embeds[0].fields] == ["Agency"] and not out.embeds[1].fields
    plain = render(Reply(text="Answer", after="Context"))
    assert plain.content == "Answer\nContext"
