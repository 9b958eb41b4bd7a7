"""Follows, exactly one notification per follower per change, delivery and retries."""

from __future__ import annotations

import asyncio

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from lexicon.stored import say
from notifications.delivery import deliver_due, run_delivery
from storage.db import Database
from storage.follows import privacy as follows_privacy
from storage.follows.models import FollowTarget, Member
from storage.follows.repository import MAX_FOLLOWS, FollowStore
from storage.outbox.repository import OutboxStore
from storage.privacy.repository import providers
from storage.sql import Conn
from storage.viewer import EVERYONE
from testkit.waiting import eventually
from tests.commands.admin.conftest import Clock, FakeMessenger, count
from tests.conftest import FIXED_NOW, identity

ADMIN = identity(Role.ADMIN, user_id="A1")
ALICE = identity(Role.MEMBER, user_id="alice")
BOB = identity(Role.MEMBER, user_id="bob")
CAROL = identity(Role.MEMBER, user_id="carol")
GREENFIELD_PD = '"Greenfield Police Department, WI"'


async def ok(disp: Dispatcher, who: object, line: str) -> str:
    reply = await disp.run_text(who, line)  # type: ignore[arg-type]
    assert not reply.error, reply.text
    return reply.as_text()


async def test_one_notification_per_follower(
    disp: Dispatcher, fdeps: Deps, messenger: FakeMessenger
) -> None:
    await ok(disp, ALICE, "/follow Greenfield, WI")
    await ok(disp, BOB, "/follow Greenfield, WI")
    await ok(disp, BOB, "/follow Milwaukee County, WI")  # Bob also follows the county
    await ok(disp, CAROL, "/follow Milwaukee, WI")  # a neighbour: not about her city
    text = await ok(
        disp, ADMIN, f"/facts end-partnership {GREENFIELD_PD} 2024-01-31 https://ex.org/e"
    )
    assert "2 followers" in text
    report = await deliver_due(fdeps)
    assert report.delivered == 2 and report.failed == 0
    assert sorted(user for _, user, _ in messenger.sent) == ["alice", "bob"]
    assert all("ended its Ring partnership on 2024-01-31" in t for _, _, t in messenger.sent)
    assert all("https://ex.org/e" in t for _, _, t in messenger.sent)
    assert (await deliver_due(fdeps)).delivered == 0  # told once
    assert len(messenger.sent) == 2


async def test_county_and_state_laws_reach_the_cities_in_them(
    disp: Dispatcher, fdeps: Deps, messenger: FakeMessenger
) -> None:
    await ok(disp, ALICE, "/follow Greenfield, WI")
    await ok(disp, CAROL, "/follow Milwaukee, WI")
    await ok(
        disp,
        ADMIN,
        '/facts add-law "Milwaukee County, WI" moratorium 2021-01-05 in-force https://ex.org/m',
    )
    await ok(disp, ADMIN, "/facts add-law Wisconsin ban 2021-02-05 in-force https://ex.org/w")
    await ok(disp, ADMIN, '/facts add-law "Madison, WI" ban 2021-03-05 in-force https://ex.org/x')
    await deliver_due(fdeps)
    by_user = sorted(user for _, user, _ in messenger.sent)
    assert by_user == ["alice", "alice", "carol", "carol"]


async def test_failed_delivery_is_kept_and_retried(
    disp: Dispatcher, fdeps: Deps, messenger: FakeMessenger, clock: Clock, db: Database
) -> None:
    await ok(disp, ALICE, "/follow Greenfield, WI")
    await ok(disp, ADMIN, f"/facts end-partnership {GREENFIELD_PD} 2024-01-31 https://ex.org/e")
    messenger.failures = 1
    assert (await deliver_due(fdeps)).failed == 1
    stuck = await OutboxStore(db).pending(10, EVERYONE)
    assert len(stuck) == 1 and stuck[0].attempts == 1 and "closed" in say(stuck[0].last_error)
    assert "closed" in await ok(disp, ADMIN, "/facts outbox")
    assert (await deliver_due(fdeps)).delivered == 0  # not yet due: backoff
    clock.advance(31)
    assert (await deliver_due(fdeps)).delivered == 1
    assert [u for _, u, _ in messenger.sent] == ["alice"]
    assert (await OutboxStore(db).stats()).pending == 0


async def test_no_messenger_is_a_failure_not_a_drop(
    disp: Dispatcher, fdeps: Deps, clock: Clock, db: Database
) -> None:
    slack_user = identity(Role.MEMBER, user_id="U9")
    slack_user = type(slack_user)(**{**slack_user.__dict__, "platform": "slack"})
    await ok(disp, slack_user, "/follow Greenfield, WI")
    await ok(disp, ADMIN, f"/facts end-partnership {GREENFIELD_PD} 2024-01-31 https://ex.org/e")
    for _ in range(3):
        clock.advance(3600)
        assert (await deliver_due(fdeps)).failed == 1
    stuck = await OutboxStore(db).pending(10, EVERYONE)
    assert stuck[0].attempts == 3 and "no slack connection" in say(stuck[0].last_error)


async def test_undo_tells_followers_too(
    disp: Dispatcher, fdeps: Deps, messenger: FakeMessenger
) -> None:
    await ok(disp, ALICE, "/follow Greenfield, WI")
    await ok(disp, ADMIN, "/facts remove D1 https://ex.org/wrong")
    await ok(disp, ADMIN, "/facts undo C1")
    await deliver_due(fdeps)
    assert len(messenger.sent) == 2 and "C1 was undone" in messenger.sent[1][2]


async def test_follow_input_errors(disp: Dispatcher, fdeps: Deps, db: Database) -> None:
    await ok(disp, ALICE, "/follow Greenfield, WI")
    assert "already follow" in await ok(disp, ALICE, "/follow greenfield wi")
    reply = await disp.run_text(ALICE, "/follow Greenfeild, WI")
    assert reply.error and "Did you mean Greenfield, WI" in reply.text
    reply = await disp.run_text(ALICE, "/follow Atlantis")
    assert reply.error
    reply = await disp.run_text(ALICE, "/unfollow Milwaukee, WI")
    assert reply.error and "do not follow" in reply.text
    reply = await disp.run_text(ALICE, "/follow @everyone \x00")
    assert reply.error
    assert "Greenfield, WI" in await ok(disp, ALICE, "/following")
    await ok(disp, ALICE, "/unfollow Greenfield, WI")
    assert "no place" in await ok(disp, ALICE, "/following")
    assert await count(db, "SELECT COUNT(*) FROM follows") == 0


async def test_follows_are_capped(disp: Dispatcher, fdeps: Deps, db: Database) -> None:
    store, alice = FollowStore(db), Member("test", "W1", "alice")
    for i in range(MAX_FOLLOWS):
        await store.follow(
            alice, FollowTarget(f"city:x{i}:WI", f"X{i}, WI", "WI", ""), FIXED_NOW, ""
        )
    reply = await disp.run_text(ALICE, "/follow Greenfield, WI")
    assert reply.error and "too many" in reply.text


async def test_privacy_provider_lists_and_erases_follows(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    await ok(disp, ALICE, "/follow Greenfield, WI")
    await ok(disp, ADMIN, f"/facts end-partnership {GREENFIELD_PD} 2024-01-31 https://ex.org/e")
    provider = next(p for p in providers() if p.describe is follows_privacy.describe_member)
    lines = await provider.describe(db, "test", "alice")
    assert any("Greenfield, WI" in line for line in lines)

    async def erase(conn: Conn) -> int:
        return await provider.erase(conn, "test", "alice")

    assert await db.write(erase) == 2  # the follow and the queued notification
    assert await provider.describe(db, "test", "alice") == []


async def test_run_delivery_sends_and_stops(
    disp: Dispatcher, fdeps: Deps, messenger: FakeMessenger
) -> None:
    await ok(disp, ALICE, "/follow Greenfield, WI")
    await ok(disp, ADMIN, f"/facts end-partnership {GREENFIELD_PD} 2024-01-31 https://ex.org/e")
    stop = asyncio.Event()
    task = asyncio.create_task(run_delivery(fdeps, stop, poll_seconds=0.01))
    await eventually(lambda: bool(messenger.sent), timeout_s=30, every_s=0.01)
    stop.set()
    await asyncio.wait_for(task, timeout=5)
    assert len(messenger.sent) == 1
