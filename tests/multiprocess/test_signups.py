"""Two real bot processes on one PostgreSQL database take sign-ups at once: each member is
signed up once, every acknowledgement is a committed row, and group commit shares commits."""

from __future__ import annotations

import asyncio
from pathlib import Path

import asyncpg

from tests.multiprocess.procs import bots

MEMBERS = [f"M{i}" for i in range(1000)]
# Each process takes 500 members of its own and 50 of the other's: 100 duplicates in all.
TO_A = MEMBERS[:500] + MEMBERS[500:550]
TO_B = MEMBERS[500:] + MEMBERS[:50]


async def signed_up(url: str, slug: str) -> list[str]:
    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch(
            "SELECT s.user_id FROM signups s JOIN campaigns c ON c.id = s.campaign_id"
            " WHERE c.slug = $1",
            slug,
        )
    finally:
        await conn.close()
    return [str(r[0]) for r in rows]


async def test_1000_joins_split_between_two_processes_sign_up_each_member_once(
    pg_url: str, tmp_path: Path
) -> None:
    async with bots(pg_url, tmp_path) as (a, b):
        await a.run_ok("organizer", "O1", "/campaign create vote Vote")
        before = [await bot.order("stats") for bot in (a, b)]
        answers = await asyncio.gather(
            a.order("joins", slug="vote", users=TO_A), b.order("joins", slug="vote", users=TO_B)
        )
    stored = await signed_up(pg_url, "vote")
    assert len(stored) == len(set(stored)) == 1000  # none twice
    assert set(stored) == set(MEMBERS)
    joined = [user for answer in answers for user in answer["joined"]]
    already = [user for answer in answers for user in answer["already"]]
    # Every "you are signed up" acknowledged a committed row, and each member got it once.
    assert sorted(joined) == sorted(MEMBERS)
    # The 100 duplicates: one process signed them up, the other said "already".
    assert sorted(already) == sorted(TO_A[500:] + TO_B[500:])
    assert [answer["errors"] for answer in answers] == [0, 0]
    commits = [x["commits"] - s["commits"] for x, s in zip(answers, before, strict=True)]
    for sent, made in zip((TO_A, TO_B), commits, strict=True):
        assert 0 < made < len(sent) / 2, (made, len(sent))
    print(f"commits per 550 joins, process A and B: {commits}")  # shown with -s
