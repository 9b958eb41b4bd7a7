"""Commands that exist today, end to end through Discord: /ring with the real Atlas, campaigns."""

from __future__ import annotations

from pathlib import Path

import pytest

from places.index import place_index
from testkit.fake_discord import Invoker, payloads
from tests.conftest import shared_data_file
from tests.platforms.discord.conftest import RunningBot
from tests.platforms.discord.wire import (
    AUTOCOMPLETE_RESULT,
    DEFERRED,
    final_message,
    is_ephemeral,
    message_data,
    pings_nobody,
    visible_text,
)

ATLAS_FILE = "eff_atlas_of_surveillance_2020-10-07.csv"
ORGANIZER = Invoker(user_id="600000000000000002", roles=(payloads.ORGANIZER_ROLE_ID,))
MEMBER = Invoker(user_id="600000000000000011", name="ada")


# The bot's database opens with the real export (tests/real_data.py).
real_atlas = pytest.mark.real_data("atlas")


@real_atlas
async def test_ring_lookup_answers_from_the_atlas(bot: RunningBot) -> None:
    sent = await bot.fake.send_interaction("/ring lookup", {"place": "Greenfield, WI"})
    _, received = await final_message(bot.fake, sent)
    data = message_data(received)
    text = visible_text(data)
    assert "Greenfield" in text and "2020-10-07" in text
    # A lookup says where its asker lives: ephemeral unless they share it.
    assert pings_nobody(data) and is_ephemeral(data)
    sent = await bot.fake.send_interaction(
        "/ring lookup", {"place": "Greenfield, WI", "share": "true"}
    )
    _, received = await final_message(bot.fake, sent)
    shared = message_data(received)
    assert "Greenfield" in visible_text(shared) and not is_ephemeral(shared)
    assert pings_nobody(shared)


@real_atlas
async def test_place_autocomplete_suggests_atlas_places(bot: RunningBot) -> None:
    sent = await bot.fake.send_interaction("/ring lookup", {"place": "Greenfi"}, focused="place")
    callback = await bot.fake.callback(sent)
    assert callback.body["type"] == AUTOCOMPLETE_RESULT
    choices = callback.body["data"]["choices"]
    assert 1 <= len(choices) <= 25
    assert any("Greenfield" in c["name"] for c in choices)


async def test_campaign_signup_and_csv_export_arrives_as_a_file(bot: RunningBot) -> None:
    pinging = await bot.fake.send_interaction(
        "/campaign create", {"slug": "ring-free", "title": "Join @everyone", "goal": 10}, ORGANIZER
    )
    _, refused_title = await final_message(bot.fake, pinging)
    assert is_ephemeral(message_data(refused_title)) and pings_nobody(message_data(refused_title))

    create = await bot.fake.send_interaction(
        "/campaign create",
        {"slug": "ring-free", "title": "End the Ring partnership", "goal": 10},
        ORGANIZER,
    )
    _, created = await final_message(bot.fake, create)
    assert "ring-free" in visible_text(message_data(created))
    assert pings_nobody(message_data(created))

    slugs = await bot.fake.send_interaction(
        "/campaign join", {"slug": "ring"}, MEMBER, focused="slug"
    )
    choices = (await bot.fake.callback(slugs)).body["data"]["choices"]
    assert "ring-free" in [c["value"] for c in choices]

    join = await bot.fake.send_interaction("/campaign join", {"slug": "ring-free"}, MEMBER)
    _, joined = await final_message(bot.fake, join)
    assert "End the Ring partnership" in visible_text(message_data(joined))

    refused = await bot.fake.send_interaction("/campaign export", {"slug": "ring-free"}, MEMBER)
    _, refusal = await final_message(bot.fake, refused)
    assert is_ephemeral(message_data(refusal))
    assert message_data(refusal)["content"] == "/campaign export is for organizers only."

    export = await bot.fake.send_interaction("/campaign export", {"slug": "ring-free"}, ORGANIZER)
    kind, exported = await final_message(bot.fake, export)
    assert kind == DEFERRED  # declared slow
    assert is_ephemeral(exported.body)
    ((name, content),) = exported.files.values()
    assert name.endswith(".csv")
    assert "ada" in content.decode().lower()


ADMIN = Invoker(user_id="600000000000000012", name="steward", roles=(payloads.ADMIN_ROLE_ID,))


def atlas_excerpt() -> bytes:
    """The header and the Ring rows for Wisconsin from the real export."""
    lines = Path(shared_data_file(ATLAS_FILE)).read_bytes().decode("utf-8").splitlines()
    rows = [line for line in lines[1:] if '"WI"' in line and "Ring/Neighbors" in line]
    return "\n".join([lines[0], *rows]).encode() + b"\n"


async def test_facts_import_takes_an_attached_csv_then_letters_arrive_as_files(
    bot: RunningBot,
) -> None:
    excerpt = atlas_excerpt()
    imported = await bot.fake.send_interaction(
        "/facts import", {"as-of": "2020-10-07"}, ADMIN, files={"file": ("atlas-wi.csv", excerpt)}
    )
    kind, summary = await final_message(bot.fake, imported)
    assert kind == DEFERRED
    assert "Greenfield" not in visible_text(summary.body)  # a summary, not a dump
    await place_index(bot.dispatcher.deps).reload()

    lookup = await bot.fake.send_interaction("/ring lookup", {"place": "Greenfield, WI"})
    _, answer = await final_message(bot.fake, lookup)
    assert "Greenfield" in visible_text(message_data(answer))

    draft = await bot.fake.send_interaction(
        "/letter draft", {"template": "ban-petition", "place": "Greenfield, WI"}, MEMBER
    )
    _, letter = await final_message(bot.fake, draft)
    data = message_data(letter)
    assert is_ephemeral(data) and pings_nobody(data)
    assert letter.files, visible_text(data)
    ((name, content),) = letter.files.values()
    assert name.endswith(".txt") and "Greenfield" in content.decode()


async def test_campaign_stats_attaches_a_chart_with_its_description(bot: RunningBot) -> None:
    create = await bot.fake.send_interaction(
        "/campaign create", {"slug": "charted", "title": "Chart me", "goal": 10}, ORGANIZER
    )
    await final_message(bot.fake, create)
    join = await bot.fake.send_interaction("/campaign join", {"slug": "charted"}, MEMBER)
    await final_message(bot.fake, join)
    stats = await bot.fake.send_interaction("/campaign stats", {"slug": "charted"}, MEMBER)
    _, received = await final_message(bot.fake, stats)
    ((name, content),) = received.files.values()
    assert name == "charted-signups.png" and content.startswith(b"\x89PNG")
    [attachment] = message_data(received)["attachments"]
    assert attachment["filename"] == name
    assert "against a goal of 10" in attachment["description"]


@real_atlas
async def test_contact_answers_privately_with_sources(bot: RunningBot) -> None:
    sent = await bot.fake.send_interaction("/contact", {"place": "Gates, NY"})
    _, received = await final_message(bot.fake, sent)
    data = message_data(received)
    text = visible_text(data)
    assert "Gates Police Department" in text and "the Town Board of the Town of Gates" in text
    assert "nysenate.gov" in text and "Rochester" not in text
    assert pings_nobody(data) and is_ephemeral(data)
