"""/campaign post: a card whose buttons are the typed commands, run for the clicker."""

from __future__ import annotations

from bot.dispatch import Dispatcher
from bot.models import Role
from storage.db import Database
from tests.commands.campaigns.helpers import ORGANIZER, create, run_error, run_ok, signup_count
from tests.conftest import identity


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
