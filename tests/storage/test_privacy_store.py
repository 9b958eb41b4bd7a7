from __future__ import annotations

import pytest

from storage.db import Database
from storage.privacy import repository as privacy
from storage.sql import Conn, Db


async def _sign_up(db: Database, user: str) -> None:
    async def job(conn: Conn) -> None:
        await conn.execute(
            "INSERT INTO campaigns (id, workspace, slug, title, created_on)"
            " VALUES (1, 'W', 'c', 'C', '2026-01-01') ON CONFLICT DO NOTHING"
        )
        await conn.execute(
            "INSERT INTO signups (campaign_id, platform, user_id, display_name, signed_up_at)"
            " VALUES (1, 'p', ?, 'N', '2026-01-01T00:00:00Z')",
            (user,),
        )

    await db.write(job)


async def test_erasure_is_one_transaction_across_providers(db: Database) -> None:
    await _sign_up(db, "u1")

    async def nothing(db: Db, platform: str, user_id: str) -> list[str]:
        return []

    async def broken(conn: Conn, platform: str, user_id: str) -> int:
        raise RuntimeError("this provider fails")

    sources = (*privacy.providers(), privacy.PrivacyProvider("Broken", nothing, broken))
    with pytest.raises(RuntimeError):
        await privacy.erase_all(db, "p", "u1", sources)
    # The sign-up provider ran first, but its erasure was rolled back with the failure.
    row = await db.fetchone("SELECT count(*) FROM signups WHERE user_id = 'u1'")
    assert row is not None and row[0] == 1
    erased = await privacy.erase_all(db, "p", "u1", privacy.providers())
    # Other features add their own sections (one line each in providers()); only sign-ups hold data.
    assert erased["Campaign sign-ups"] == 1 and sum(erased.values()) == 1
    sections = await privacy.describe_all(db, "p", "u1", privacy.providers())
    assert all(s.lines == () for s in sections) and len(sections) == len(erased)


async def test_the_repository_describes_codes_and_erases(db: Database) -> None:
    await _sign_up(db, "u1")
    store = privacy.PrivacyStore(db)
    held = [s for s in await store.describe("p", "u1") if s.lines]
    assert [s.name for s in held] == ["Campaign sign-ups"]
    code = store.erase_code("p", "u1", "2026-11-26", held)
    assert len(code) == privacy.CODE_LENGTH
    # The code is bound to the day and to the data shown.
    assert store.erase_code("p", "u1", "2026-11-27", held) != code
    assert store.erase_code("p", "u1", "2026-11-26", []) != code
    assert (await store.erase("p", "u1")).counts["Campaign sign-ups"] == 1
    assert all(not s.lines for s in await store.describe("p", "u1"))
