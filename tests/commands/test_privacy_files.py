"""/forgetme leaves no readable copy in the database's own files, on both backends.

The probe reads the raw bytes of every file the database keeps: SQLite's file and its WAL;
on PostgreSQL every relation file of the test database (tables, indexes, TOAST) after a
CHECKPOINT has written every changed page to them. The member's row is the last one
written to its page on purpose: there, a plain VACUUM leaves it in the page's free space.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import asyncpg
import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from commands import build_registry
from commands.admin.refusals import refusal_recorder
from storage.db import Database
from storage.sql import Db
from testkit.pg_cluster import PgCluster
from tests.commands.campaigns.helpers import create, run_ok
from tests.conftest import identity

SENTINEL = replace(identity(user_id="U-sentinel-4711"), user_name="Sentinel Qwxyz")
NEEDLES = ("U-sentinel-4711", "Sentinel Qwxyz", "Sentineltown")


async def _pg_files(url: str, cluster: PgCluster) -> list[Path]:
    """Every file of the database's own folder, once CHECKPOINT wrote all pages there."""
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("CHECKPOINT")
        oid = await conn.fetchval("SELECT oid FROM pg_database WHERE datname = current_database()")
    finally:
        await conn.close()
    return sorted(p for p in (cluster.data_dir / "base" / str(oid)).iterdir() if p.is_file())


async def database_files(db: Db, request: pytest.FixtureRequest) -> list[Path]:
    if isinstance(db, Database):
        path = Path(db.path)
        return sorted(path.parent.glob(path.name + "*"))
    return await _pg_files(request.getfixturevalue("pg_url"), request.getfixturevalue("pg_cluster"))


def holding(files: list[Path]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in files:
        data = path.read_bytes() if path.exists() else b""  # a file may go at a checkpoint
        hits = [n for n in NEEDLES if n.encode() in data]
        if hits:
            found[path.name] = hits
    return found


async def test_forgetme_leaves_no_copy_in_the_database_files(
    deps: Deps, db: Db, request: pytest.FixtureRequest
) -> None:
    dispatcher = Dispatcher(build_registry(), deps, on_refusal=refusal_recorder(deps))
    await create(dispatcher, "bytes Bytes")
    for i in range(20):  # the erased row shares its page with rows that stay
        await run_ok(dispatcher, identity(user_id=f"U-keep-{i}"), "/campaign join bytes")
    await run_ok(dispatcher, SENTINEL, '/campaign join bytes "Sentineltown"')
    refused = await dispatcher.run_text(SENTINEL, "/facts remove D1 https://example.org/x")
    assert refused.error  # recorded in `refusals`, with the member's name and id
    before = holding(await database_files(db, request))
    assert before, "the probe does not see the rows it must see gone"
    preview = await run_ok(dispatcher, SENTINEL, "/forgetme")
    code = re.findall(r"/forgetme ([0-9a-f]{8})", preview.text)[0]
    done = await run_ok(dispatcher, SENTINEL, f"/forgetme {code}")
    assert "The database's own files hold no copy of it." in done.text
    assert holding(await database_files(db, request)) == {}
    await run_ok(dispatcher, identity(user_id="U-after"), "/campaign join bytes")
    assert holding(await database_files(db, request)) == {}
    row = await db.fetchone("SELECT count(*) FROM signups")
    assert row is not None and row[0] == 21  # the others' sign-ups survived the rewrite
