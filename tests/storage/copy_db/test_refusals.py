"""copy-db refuses a destination holding data or of another schema, changing nothing; a
copy failing halfway leaves the destination empty."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import asyncpg
import pytest

from storage.copying.copy import copy_database
from storage.copying.schema import CopyRefused
from storage.db import Database
from storage.open import open_database
from storage.seed import ensure_seed
from tests.conftest import FIXED_NOW
from tests.storage.copy_db.world import all_counts, dump_url, sqlite_url


async def test_a_destination_holding_data_is_refused_with_nothing_changed(
    populated: Path, pg_url: str, tmp_path: Path
) -> None:
    pg = await open_database(pg_url)
    try:
        await ensure_seed(pg, now=FIXED_NOW)  # a bot already started on it
    finally:
        await pg.close()
    before = await dump_url(pg_url)
    refused = r"already holds data \(agencies: 1 row, companies: 8 rows, datasets: 1 row and 5 more"
    with pytest.raises(CopyRefused, match=refused):
        await copy_database(sqlite_url(populated), pg_url)
    assert await dump_url(pg_url) == before

    target = tmp_path / "busy.db"
    shutil.copy(populated, target)
    before = await dump_url(sqlite_url(target))
    with pytest.raises(CopyRefused, match=r"campaigns: 2 rows.*copy-db only fills an empty"):
        await copy_database(pg_url, sqlite_url(target))
    assert await dump_url(sqlite_url(target)) == before


async def test_a_schema_that_differs_is_refused(populated: Path, pg_url: str) -> None:
    conn = await asyncpg.connect(pg_url)
    try:
        await conn.execute("ALTER TABLE campaigns ADD COLUMN color TEXT")
        await conn.execute("CREATE TABLE scratch (id BIGINT PRIMARY KEY)")
    finally:
        await conn.close()
    differ = "table scratch is missing from the source; column campaigns.color is missing from"
    with pytest.raises(CopyRefused, match=re.escape(differ)):
        await copy_database(sqlite_url(populated), pg_url)
    assert set((await all_counts(pg_url)).values()) == {0}


async def test_a_failure_mid_copy_leaves_postgres_empty(populated: Path, pg_url: str) -> None:
    conn = await asyncpg.connect(pg_url)
    try:
        await conn.execute(
            "CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            " IF NEW.id = 4000 THEN RAISE EXCEPTION 'no row 4000'; END IF; RETURN NEW; END $$"
        )
        await conn.execute(
            "CREATE TRIGGER refuse_one BEFORE INSERT ON deployments"
            " FOR EACH ROW EXECUTE FUNCTION refuse_one()"
        )
    finally:
        await conn.close()
    with pytest.raises(asyncpg.RaiseError, match="no row 4000"):
        await copy_database(sqlite_url(populated), pg_url)
    assert set((await all_counts(pg_url)).values()) == {0}
    # Nothing moved the identities either: a new row is number 1.
    pg = await open_database(pg_url)
    try:
        await ensure_seed(pg, now=FIXED_NOW)
        assert (await pg.fetchall("SELECT min(id) FROM companies"))[0][0] == 1
    finally:
        await pg.close()


async def test_a_failure_mid_copy_leaves_sqlite_empty(
    populated: Path, pg_url: str, tmp_path: Path
) -> None:
    await copy_database(sqlite_url(populated), pg_url)
    target = tmp_path / "target.db"
    db = await Database.open(target)
    try:
        await db.write_statement(
            "CREATE TRIGGER refuse_one BEFORE INSERT ON deployments WHEN NEW.id = 4000"
            " BEGIN SELECT RAISE(ABORT, 'no row 4000'); END"
        )
    finally:
        await db.close()
    with pytest.raises(Exception, match="no row 4000"):
        await copy_database(pg_url, sqlite_url(target))
    assert set((await all_counts(sqlite_url(target))).values()) == {0}
