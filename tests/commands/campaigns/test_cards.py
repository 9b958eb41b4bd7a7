"""/campaign post: a card whose buttons are the typed commands, run for the clicker."""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from commands.campaigns import links
from commands.campaigns.cards import EXCERPT_MAX
from places.index import place_index
from storage.db import Database
from storage.seed import ensure_seed
from testkit.letters_facts import letters_agencies as hand_written_agencies
from tests.commands.campaigns.helpers import ORGANIZER, create, run_error, run_ok, signup_count
from tests.conftest import FIXED_NOW, identity


async def test_card_shows_progress_and_its_buttons_run_the_commands(
    dispatcher: Dispatcher, db: Database
) -> None:
    await create(dispatcher, 'ring-free "End the Ring partnership" 500 ends:2027-01-31')
    await run_ok(dispatcher, identity(user_id="A"), "/campaign join ring-free")
    card = await run_ok(dispatcher, ORGANIZER, "/campaign post ring-free")
    assert card.title == "End the Ring partnership" and not card.private
    values = {f.name: f.value for f in card.fields}
    assert values["Signed up"] == "[....................] 0% (1 of 500)"
    assert values["Sign-ups until"] == "2027-01-31"
    actions = {b.label: b.action for b in card.buttons}
    assert actions == {
        "Join": "/campaign join ring-free",
        "Leave": "/campaign leave ring-free",
        "Details": "/campaign info ring-free",
    }
    assert "[Join] /campaign join ring-free" in card.as_text()
    # A button is its command line, run as whoever pressed it: twice still counts once.
    for _ in range(2):
        await run_ok(dispatcher, identity(user_id="B"), actions["Join"])
    assert await signup_count(db, "ring-free") == 2
    await run_ok(dispatcher, identity(user_id="B"), actions["Leave"])
    assert await signup_count(db, "ring-free") == 1


async def test_only_organizers_post_cards_and_not_for_closed_campaigns(
    dispatcher: Dispatcher,
) -> None:
    await create(dispatcher, "shut Shut")
    assert "organizers" in await run_error(
        dispatcher, identity(role=Role.MEMBER), "/campaign post shut"
    )
    await run_ok(dispatcher, ORGANIZER, "/campaign close shut")
    assert "closed" in await run_error(dispatcher, ORGANIZER, "/campaign post shut")


async def test_petition_card_shows_an_excerpt_and_join_tells_before_signing(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await ensure_seed(db, now=FIXED_NOW)
    await db.write(hand_written_agencies)  # Greenfield, WI among them (no ban)
    await place_index(deps).reload()
    await create(dispatcher, 'no-fr "Ban it" template:ban-petition place:"Greenfield, WI"')
    card = await run_ok(dispatcher, ORGANIZER, "/campaign post no-fr")
    assert card.text and len(card.text) <= EXCERPT_MAX
    assert {f.name: f.value for f in card.fields}["Where"] == "Greenfield, WI"
    actions = {b.label: b.action for b in card.buttons}
    assert actions["Read the petition"] == "/campaign read no-fr"
    # It reads the petition in full, not the campaign's status and goal.
    read = await run_ok(dispatcher, identity(user_id="P"), actions["Read the petition"])
    campaign = await deps.storage.campaigns.find("W1", "no-fr")
    assert campaign is not None
    full = await links.petition_for(deps, campaign)
    assert len(full) > EXCERPT_MAX and read.text.startswith(full) and not read.fields
    assert read.text.endswith("/campaign join no-fr agree:yes") and read.private
    # Join shows the privacy notice first; its button signs, as agree:yes typed does.
    notice = await run_ok(dispatcher, identity(user_id="P"), actions["Join"])
    assert "will appear on it" in notice.text and await signup_count(db, "no-fr") == 0
    [sign] = notice.buttons
    assert sign.action == "/campaign join no-fr agree:yes"
    signed = await run_ok(dispatcher, identity(user_id="P"), sign.action)
    assert "signed up" in signed.text and await signup_count(db, "no-fr") == 1


async def test_read_says_when_there_is_no_petition_and_who_signed(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await create(dispatcher, 'plain "No petition here"')
    assert "has no petition to read" in await run_error(
        dispatcher, identity(), "/campaign read plain"
    )
    await ensure_seed(db, now=FIXED_NOW)
    await db.write(hand_written_agencies)
    await place_index(deps).reload()
    await create(dispatcher, 'no-fr "Ban it" template:ban-petition place:"Greenfield, WI"')
    await run_ok(dispatcher, identity(user_id="P"), "/campaign join no-fr agree:yes")
    read = await run_ok(dispatcher, identity(user_id="P"), "/campaign read no-fr")
    assert read.text.endswith(
        "You signed it on 2026-11-26. /campaign leave no-fr takes your name off any petition"
        " delivered later."
    )
