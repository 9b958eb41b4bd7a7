"""The card refresher over the dispatcher and the real database, with a recording editor:
sign-ups coalesce into one paced edit, the close makes the last one, a gone card is
forgotten, a rate limit waits as asked. (The platforms' own editors are tested against the
fake Discord and Slack servers in tests/platforms/.)"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field, replace

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.messengers import CardEditFailed, CardGone
from bot.core.models import Posted, Reply
from commands import build_registry
from commands.campaigns.cards import current_card
from commands.campaigns.ending import summary_text
from notifications.cards import refresh_due_cards, retry_delay, run_card_refresher
from notifications.reminders import close_ended_campaigns
from storage.cards.models import Card
from testkit.waiting import eventually
from tests.commands.campaigns.helpers import ORGANIZER, create, run_ok
from tests.conftest import FIXED_NOW, identity

EVERY = dt.timedelta(seconds=5)


@dataclass
class RecordingEditor:
    """A CardEditor that keeps what each card was edited to; `failure` is raised instead."""

    platform: str = "test"
    edits: list[tuple[str, Reply]] = field(default_factory=list)
    failure: Exception | None = None

    async def edit_card(self, workspace: str, channel: str, message_id: str, reply: Reply) -> None:
        if self.failure is not None:
            raise self.failure
        self.edits.append((message_id, reply))


class Clock:
    def __init__(self) -> None:
        self.now = FIXED_NOW

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@dataclass
class Setup:
    dispatcher: Dispatcher
    deps: Deps
    clock: Clock
    editor: RecordingEditor


async def setup_card(deps: Deps, line: str = 'ring-free "End the Ring" 10') -> Setup:
    clock = Clock()
    deps = replace(deps, clock=clock)
    editor = RecordingEditor()
    deps.messengers.register_editor(editor)
    dispatcher = Dispatcher(build_registry(), deps)
    await create(dispatcher, line)
    card = await run_ok(dispatcher, ORGANIZER, "/campaign post ring-free")
    assert card.on_posted is not None
    await card.on_posted(Posted("C1", "M1"))  # what the adapter does once it has posted
    return Setup(dispatcher, deps, clock, editor)


async def join(setup: Setup, user: str) -> None:
    await run_ok(setup.dispatcher, identity(user_id=user), "/campaign join ring-free")


async def refresh(setup: Setup) -> int:
    return (await refresh_due_cards(setup.deps, current_card, EVERY)).edited


def signed_up(reply: Reply) -> str:
    return {f.name: f.value for f in reply.fields}["Signed up"]


async def the_card(setup: Setup) -> Card:
    campaign = await setup.deps.storage.campaigns.find("W1", "ring-free")
    assert campaign is not None
    [card] = await setup.deps.storage.cards.of_campaign(campaign.id)
    return card


async def test_a_fresh_card_is_not_edited(deps: Deps) -> None:
    setup = await setup_card(deps)
    assert await refresh(setup) == 0 and setup.editor.edits == []
    card = await the_card(setup)
    assert (card.platform, card.workspace, card.channel, card.message_id) == (
        "test",
        "W1",
        "C1",
        "M1",
    )


async def test_many_sign_ups_in_one_window_make_one_edit_with_the_count(deps: Deps) -> None:
    setup = await setup_card(deps)
    for n in range(7):
        await join(setup, f"U{n}")
    assert await refresh(setup) == 1
    [(message_id, reply)] = setup.editor.edits
    assert message_id == "M1" and signed_up(reply).endswith("(7 of 10)")
    assert [b.disabled for b in reply.buttons] == [False, False, False]
    # More sign-ups inside the pacing window wait for it to pass, then make one edit.
    await join(setup, "U8")
    await join(setup, "U9")
    setup.clock.advance(EVERY.total_seconds() - 1)
    assert await refresh(setup) == 0
    setup.clock.advance(1)
    assert await refresh(setup) == 1
    assert signed_up(setup.editor.edits[-1][1]).endswith("(9 of 10)")
    setup.clock.advance(60)
    assert await refresh(setup) == 0  # nothing changed since: no edit


async def test_a_leave_updates_the_count_too(deps: Deps) -> None:
    setup = await setup_card(deps)
    await join(setup, "U1")
    await refresh(setup)
    setup.clock.advance(10)
    await run_ok(setup.dispatcher, identity(user_id="U1"), "/campaign leave ring-free")
    assert await refresh(setup) == 1
    assert signed_up(setup.editor.edits[-1][1]).endswith("(0 of 10)")


async def test_closing_makes_the_last_edit_closed_with_buttons_disabled(deps: Deps) -> None:
    setup = await setup_card(deps)
    await join(setup, "U1")
    await run_ok(setup.dispatcher, ORGANIZER, "/campaign close ring-free")
    assert await refresh(setup) == 1
    [(_, closed)] = setup.editor.edits
    assert closed.note == "Closed on 2026-11-26 with 1 sign-up."
    assert closed.buttons and all(b.disabled for b in closed.buttons)
    assert "[Join]" not in closed.as_text() and "Closed on 2026-11-26" in closed.as_text()
    setup.clock.advance(3600)
    assert await refresh(setup) == 0  # the closed card is final


async def test_a_campaign_ending_by_date_closes_its_card(deps: Deps) -> None:
    setup = await setup_card(deps, 'ring-free "End the Ring" 10 ends:2026-11-30')
    await join(setup, "U1")
    setup.clock.advance(5 * 24 * 3600)  # past its last day: the reminder loop closes it
    assert await close_ended_campaigns(setup.deps, summary_text) == 1
    assert await refresh(setup) == 1
    assert setup.editor.edits[-1][1].note == "Closed on 2026-12-01 with 1 sign-up."


async def test_a_deleted_card_is_forgotten_and_never_tried_again(deps: Deps) -> None:
    setup = await setup_card(deps)
    setup.editor.failure = CardGone("Unknown Message")
    await join(setup, "U1")
    report = await refresh_due_cards(setup.deps, current_card, EVERY)
    assert report.forgotten == 1
    assert (await the_card(setup)).deleted_at is not None
    setup.editor.failure = None
    await join(setup, "U2")
    setup.clock.advance(3600)
    assert await refresh(setup) == 0 and setup.editor.edits == []


async def test_a_rate_limit_waits_as_long_as_asked(deps: Deps) -> None:
    setup = await setup_card(deps)
    setup.editor.failure = CardEditFailed("rate limited", retry_after=42)
    await join(setup, "U1")
    assert (await refresh_due_cards(setup.deps, current_card, EVERY)).failed == 1
    setup.editor.failure = None
    setup.clock.advance(41)
    assert await refresh(setup) == 0
    setup.clock.advance(1)
    assert await refresh(setup) == 1 and signed_up(setup.editor.edits[0][1]).endswith("(1 of 10)")
    assert (await the_card(setup)).attempts == 0


async def test_other_failures_back_off_capped_and_keep_the_card(deps: Deps) -> None:
    setup = await setup_card(deps)
    setup.editor.failure = CardEditFailed("HTTP 500")
    await join(setup, "U1")
    for attempt in range(1, 4):
        assert (await refresh_due_cards(setup.deps, current_card, EVERY)).failed == 1
        assert (await the_card(setup)).attempts == attempt
        setup.clock.advance(retry_delay(attempt).total_seconds())
    assert retry_delay(50) == dt.timedelta(minutes=15)
    setup.editor.failure = None
    assert await refresh(setup) == 1


async def test_a_card_of_a_platform_not_running_here_is_left_for_it(deps: Deps) -> None:
    setup = await setup_card(deps)
    await join(setup, "U1")
    slack_only = replace(setup.deps, messengers=type(setup.deps.messengers)())
    assert (await refresh_due_cards(slack_only, current_card, EVERY)).edited == 0
    assert await refresh(setup) == 1  # still stale, edited once its platform runs


async def test_the_loop_edits_until_stopped(deps: Deps) -> None:
    setup = await setup_card(deps)
    await join(setup, "U1")
    stop = asyncio.Event()
    loop = asyncio.create_task(
        run_card_refresher(setup.deps, stop, current_card, EVERY, poll_seconds=0.01)
    )
    await eventually(lambda: bool(setup.editor.edits), timeout_s=10, every_s=0.01)
    stop.set()
    await asyncio.wait_for(loop, 10)
    assert len(setup.editor.edits) == 1


async def test_a_sign_up_before_the_card_was_remembered_still_shows(deps: Deps) -> None:
    clock = Clock()
    deps = replace(deps, clock=clock)
    editor = RecordingEditor()
    deps.messengers.register_editor(editor)
    dispatcher = Dispatcher(build_registry(), deps)
    await create(dispatcher, 'ring-free "End the Ring" 10')
    card = await run_ok(dispatcher, ORGANIZER, "/campaign post ring-free")  # shows 0
    await run_ok(dispatcher, identity(user_id="U1"), "/campaign join ring-free")  # no row yet
    assert card.on_posted is not None
    await card.on_posted(Posted("C1", "M1"))
    setup = Setup(dispatcher, deps, clock, editor)
    assert await refresh(setup) == 1
    assert signed_up(editor.edits[0][1]).endswith("(1 of 10)")
