"""The in-memory campaign cache: sign-ups skip the read, yet never join a closed campaign."""

from __future__ import annotations

import asyncio

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from storage.campaigns.cache import CampaignCache
from storage.db import Database
from storage.repositories import build_storage
from storage.sql import Conn
from tests.commands.campaigns.helpers import ORGANIZER, create, run_error, run_ok, signup_count
from tests.conftest import FIXED_NOW, identity


async def test_close_here_is_seen_at_once(dispatcher: Dispatcher, deps: Deps, db: Database) -> None:
    await create(dispatcher, "seen Seen")
    await run_ok(dispatcher, identity(user_id="A"), "/campaign join seen")  # now cached
    await run_ok(dispatcher, ORGANIZER, "/campaign close seen")
    info = await run_ok(dispatcher, identity(), "/campaign info seen")
    assert {f.name: f.value for f in info.fields}["Status"].startswith(
        "The campaign seen was closed"
    )
    assert "closed on" in await run_error(dispatcher, identity(user_id="B"), "/campaign join seen")
    assert await signup_count(db, "seen") == 1


async def test_a_stale_entry_still_refuses_in_sql(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await create(dispatcher, "stale Stale")
    await run_ok(dispatcher, identity(user_id="A"), "/campaign join stale")  # cached as open
    # Closed behind this cache's back (as another process would): the join statement
    # itself checks, so the member is refused with the reason, and nothing is inserted.
    other = Dispatcher(
        dispatcher.registry,
        Deps(settings=deps.settings, storage=build_storage(db), clock=deps.clock),
    )
    await run_ok(other, ORGANIZER, "/campaign close stale")
    text = await run_error(dispatcher, identity(user_id="B"), "/campaign join stale")
    assert f"closed on {FIXED_NOW.date().isoformat()}" in text and "no new sign-ups" in text
    assert await signup_count(db, "stale") == 1


async def test_a_campaign_gone_from_the_database_refuses(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await create(dispatcher, "gone Gone")
    await run_ok(dispatcher, identity(user_id="A"), "/campaign join gone")

    async def delete(conn: Conn) -> None:
        await conn.execute("DELETE FROM campaigns WHERE slug = 'gone'")

    await db.write(delete)
    text = await run_error(dispatcher, identity(user_id="B"), "/campaign join gone")
    assert "no longer exists" in text


async def test_a_read_racing_a_forget_is_not_kept(db: Database, dispatcher: Dispatcher) -> None:
    await create(dispatcher, "race Race")
    cache = CampaignCache()
    reading = asyncio.create_task(cache.find(db, "W1", "race"))
    await asyncio.sleep(0)  # the read is now on the reader thread
    cache.forget("W1")  # as after a close committed while the read was in flight
    assert (await reading) is not None

    async def close(conn: Conn) -> None:
        await conn.execute("UPDATE campaigns SET closed_on = '2026-11-26' WHERE slug = 'race'")

    await db.write(close)  # behind the cache's back: only a fresh read can see it
    again = await cache.find(db, "W1", "race")
    assert again is not None and again.closed_on == "2026-11-26"
    assert await cache.find(db, "W1", "race") is again  # and now it is kept
