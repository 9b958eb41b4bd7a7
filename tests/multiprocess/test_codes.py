"""One-time codes, undo ids and audit entries hold whichever process takes the next
command: a code one process showed works in the other, and the same code or undo sent to
both at once takes effect once."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import asyncpg

from tests.multiprocess.procs import bots
from tests.multiprocess.test_caches import GREENFIELD, load_sample_facts


async def scalar(url: str, sql: str, *args: object) -> int:
    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval(sql, *args))
    finally:
        await conn.close()


def change_id(text: str) -> str:
    found = re.search(r"Change (C\d+) recorded", text)
    assert found, text
    return found.group(1)


async def test_a_forgetme_code_shown_by_one_process_erases_in_the_other(
    pg_url: str, tmp_path: Path
) -> None:
    async with bots(pg_url, tmp_path) as (a, b):
        await a.run_ok("organizer", "O1", "/campaign create vote Vote")
        await a.run_ok("member", "M1", "/campaign join vote")
        shown = await a.run_ok("member", "M1", "/forgetme")
        code = re.findall(r"/forgetme ([0-9a-f]{8})", shown)[0]
        await b.run_ok("member", "M1", f"/forgetme {code}")
    assert await scalar(pg_url, "SELECT count(*) FROM signups WHERE user_id = 'M1'") == 0


async def test_an_undo_id_made_in_one_process_is_undone_once_in_either(
    pg_url: str, tmp_path: Path
) -> None:
    await load_sample_facts(pg_url)
    edit = f"/facts set-partnership {GREENFIELD} 2019-06-01 https://ex.org/a"
    async with bots(pg_url, tmp_path) as (a, b):
        first = change_id(await a.run_ok("admin", "A1", edit))
        await b.run_ok("admin", "A2", f"/facts undo {first}")
        second = change_id(await a.run_ok("admin", "A1", edit))
        # The same undo typed in both processes at once: one undoes, the other is told.
        both = await asyncio.gather(
            *(bot.run("admin", "A1", f"/facts undo {second}") for bot in (a, b))
        )
    assert sorted(answer["error"] for answer in both) == [False, True], both
    refused = next(answer["text"] for answer in both if answer["error"])
    assert "already undone" in refused, refused
    undos = await scalar(pg_url, "SELECT count(*) FROM changes WHERE undoes = $1", int(second[1:]))
    assert undos == 1  # one audit entry for the one undo


async def test_an_announcement_code_from_one_process_sends_once_from_either(
    pg_url: str, tmp_path: Path
) -> None:
    announce = "/campaign announce vote The council votes Tuesday"
    async with bots(pg_url, tmp_path) as (a, b):
        await a.run_ok("organizer", "O1", "/campaign create vote Vote")
        await b.order("joins", slug="vote", users=["M1", "M2", "M3"])
        preview = await a.run_ok("organizer", "O1", announce)
        code = re.findall(r"confirm:([0-9a-f]{8})", preview)[0]
        sent = await b.run_ok("organizer", "O1", f"{announce} confirm:{code}")
        assert "Queued 3 direct messages" in sent
        # The next code, confirmed in both processes at once: sent once.
        preview = await b.run_ok("organizer", "O1", announce)
        code = re.findall(r"confirm:([0-9a-f]{8})", preview)[0]
        both = await asyncio.gather(
            *(bot.run("organizer", "O1", f"{announce} confirm:{code}") for bot in (a, b))
        )
    assert sorted(answer["error"] for answer in both) == [False, True], both
    assert "just used" in next(answer["text"] for answer in both if answer["error"])
    assert await scalar(pg_url, "SELECT count(*) FROM campaign_announcements") == 2
    assert await scalar(pg_url, "SELECT count(*) FROM notifications") == 6
