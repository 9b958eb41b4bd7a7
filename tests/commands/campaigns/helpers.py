"""Shared steps for the campaign tests."""

from __future__ import annotations

from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Reply, Role
from storage.db import Database
from tests.conftest import identity

ORGANIZER = identity(Role.ORGANIZER, user_id="U-org")


async def run_ok(dispatcher: Dispatcher, who: Identity, line: str) -> Reply:
    reply = await dispatcher.run_text(who, line)
    assert not reply.error, reply.text
    return reply


async def run_error(dispatcher: Dispatcher, who: Identity, line: str) -> str:
    reply = await dispatcher.run_text(who, line)
    assert reply.error, reply.text
    return reply.text


async def create(dispatcher: Dispatcher, line: str, who: Identity = ORGANIZER) -> Reply:
    return await run_ok(dispatcher, who, f"/campaign create {line}")


async def signup_count(db: Database, slug: str, workspace: str = "W1") -> int:
    row = await db.fetchone(
        "SELECT count(*) FROM signups s JOIN campaigns c ON c.id = s.campaign_id"
        " WHERE c.slug = ? AND c.workspace = ?",
        (slug, workspace),
    )
    assert row is not None
    return int(row[0])
