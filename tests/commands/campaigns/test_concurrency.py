from __future__ import annotations

import asyncio

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from storage.db import Database
from tests.commands.campaigns.helpers import create, signup_count
from tests.conftest import identity

MEMBERS = 1000
DUPLICATES = 100


async def test_a_thousand_members_at_once_plus_duplicates(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await create(dispatcher, 'rush "Everyone at once" 1000')
    commits_before = db.commits
    lines = [(identity(user_id=f"M{i}"), "/campaign join rush") for i in range(MEMBERS)]
    # The first hundred members send their join a second time, at the same moment.
    lines += [(identity(user_id=f"M{i}"), "/campaign join rush") for i in range(DUPLICATES)]
    replies = await asyncio.gather(*(dispatcher.run_text(who, line) for who, line in lines))
    assert not [r.text for r in replies if r.error]
    joined = [r for r in replies if r.text.startswith("You are signed up")]
    already = [r for r in replies if r.text.startswith("You are already signed up")]
    assert len(joined) == MEMBERS and len(already) == DUPLICATES
    assert await signup_count(db, "rush") == MEMBERS
    row = await db.fetchone("SELECT count(DISTINCT user_id) FROM signups")
    assert row is not None and row[0] == MEMBERS
    assert db.commits - commits_before < MEMBERS  # sign-ups shared commits
    stats = await dispatcher.run_text(identity(), "/campaign stats rush")
    assert stats.title.endswith(": 1,000 signed up")
