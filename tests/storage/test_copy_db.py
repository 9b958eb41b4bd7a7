"""`copy-db`: the real Atlas import, the laws table and campaigns with their sign-ups, follows
and an audited admin edit, copied SQLite -> PostgreSQL -> SQLite with every row equal; ids
go on after the copy; a non-empty destination is refused and a failing copy leaves the
destination empty; the command line (skipped without ../shared/data; a real server)."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from bot.core.settings import Settings
from commands import build_registry
from commands.admin.refusals import refusal_recorder
from places.index import place_index
from storage.copying.copy import copy_database
from storage.copying.schema import CopyRefused, Table, foreign_key_order
from storage.db import Database
from storage.importers.atlas import parse_atlas
from storage.importers.atlas_write import import_atlas
from storage.importers.laws import IFF_AS_OF, import_laws, parse_laws
from storage.open import open_database
from storage.seed import ensure_seed
from storage.sql import Db
from tests.conftest import FIXED_NOW, identity, shared_data_file
from tests.db_tables import table_columns
from wiring import wire_deps

ATLAS = "eff_atlas_of_surveillance_2020-10-07.csv"
LAWS = "us_facial_recognition_local_laws_iff_2021-05.csv"
ROOT = Path(__file__).parents[2]
ADMIN = identity(Role.ADMIN, user_id="A1")
ORGANIZER = identity(Role.ORGANIZER, user_id="U-org")
GREENFIELD = '"Greenfield Police Department, WI"'
LOOKUPS = (
    "/ring lookup Greenfield, WI",
    "/ring lookup Chicago Police Department, IL",
    "/moratorium amazon",
    "/laws Oakland, CA",
    "/local Greenfield, WI",
    "/campaign list",
)


async def dispatcher_on(db: Db, path: str = "unused.db") -> Dispatcher:
    deps = await wire_deps(db, Settings(db_path=path), lambda: FIXED_NOW)
    await place_index(deps).reload()
    return Dispatcher(build_registry(), deps, on_refusal=refusal_recorder(deps))


async def ok(disp: Dispatcher, who: Any, line: str) -> str:
    reply = await disp.run_text(who, line)
    assert not reply.error, (line, reply.text)
    return reply.as_text()


async def populate(path: Path) -> None:
    """The real Atlas export and laws table, two campaigns with sign-ups, follows, an admin
    edit and its undo (an undone change points at a later one), a refusal whose row was
    deleted (AUTOINCREMENT's high-water mark is past the highest id left)."""
    db = await Database.open(path)
    try:
        await ensure_seed(db, now=FIXED_NOW)
        atlas = parse_atlas(shared_data_file(ATLAS).read_bytes())
        await import_atlas(db, atlas, as_of="2020-10-07", imported_at=FIXED_NOW)
        laws = parse_laws(shared_data_file(LAWS).read_bytes())
        await import_laws(db, laws, as_of=IFF_AS_OF, imported_at=FIXED_NOW)
        disp = await dispatcher_on(db, str(path))
        await ok(disp, ORGANIZER, '/campaign create ring-limits "Ask for Ring limits" 100')
        await ok(disp, ORGANIZER, '/campaign create no-rekognition "No Rekognition here" 50')
        for n in range(12):
            await ok(disp, identity(user_id=f"M{n}"), "/campaign join ring-limits")
        for n in range(5):
            await ok(disp, identity(user_id=f"M{n}"), "/campaign join no-rekognition")
        await ok(disp, identity(user_id="M1"), "/follow Greenfield, WI")
        await ok(disp, identity(user_id="M2"), "/follow Milwaukee County, WI")
        await ok(disp, ADMIN, f"/facts set-partnership {GREENFIELD} 2019-06-01 https://ex.org/a")
        await ok(
            disp, ADMIN, '/facts add-law "King County, WA" ban 2021-06-01 in-force https://ex.org/k'
        )
        newest = (await db.fetchall("SELECT max(id) FROM changes"))[0][0]
        await ok(disp, ADMIN, f"/facts undo C{newest}")
        await disp.run_text(identity(user_id="M3"), "/facts undo C1")  # refused, recorded
        await disp.run_text(identity(user_id="M4"), "/facts undo C1")  # refused, recorded
        await db.write_statement("DELETE FROM refusals WHERE id = (SELECT max(id) FROM refusals)")
    finally:
        await db.close()


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The populated SQLite file, built once; a test copies it before changing it."""
    path = tmp_path_factory.mktemp("copydb") / "source.db"
    asyncio.run(populate(path))
    return path


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


async def dump(db: Db) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, ordered by primary key (or every column), as plain tuples."""
    found = {}
    for table, columns in (await table_columns(db)).items():
        if table == "schema_version":
            continue
        names = ", ".join(columns)
        rows = await db.fetchall(f"SELECT {names} FROM {table} ORDER BY {names}")
        found[table] = [tuple(row) for row in rows]
    return found


async def dump_columns(url: str) -> dict[str, list[str]]:
    db = await open_database(url)
    try:
        return await table_columns(db)
    finally:
        await db.close()


async def dump_url(url: str) -> dict[str, list[tuple[Any, ...]]]:
    db = await open_database(url)
    try:
        return await dump(db)
    finally:
        await db.close()


async def test_round_trip_sqlite_postgres_sqlite_keeps_every_row(
    populated: Path, pg_url: str, tmp_path: Path
) -> None:
    back = tmp_path / "back.db"
    to_pg = await copy_database(sqlite_url(populated), pg_url)
    to_sqlite = await copy_database(pg_url, sqlite_url(back))
    original, on_pg, on_sqlite = (
        await dump_url(sqlite_url(populated)),
        await dump_url(pg_url),
        await dump_url(sqlite_url(back)),
    )
    assert set(original) == set(on_pg) == set(on_sqlite)
    for table in original:
        assert on_pg[table] == original[table], table
        assert on_sqlite[table] == original[table], table
    counts = {table: len(rows) for table, rows in original.items()}
    assert dict(to_pg.counts) == dict(to_sqlite.counts) == counts
    assert to_pg.total > 10_000 and counts["deployments"] > 5_000 and counts["laws"] > 10
    assert counts["signups"] == 17 and counts["follows"] == 2 and counts["change_rows"] > 0
    # An undone change points at the later change that undid it: copied all the same.
    columns = (await dump_columns(sqlite_url(back)))["changes"]
    undone = [row for row in on_sqlite["changes"] if row[columns.index("undone_by")]]
    assert undone and all(row[columns.index("undone_by")] > row[0] for row in undone)
    # Copied in an order the foreign keys allow: each table after those it references.
    order = [table for table, _ in to_pg.counts]
    for parent, child in [("campaigns", "signups"), ("sources", "deployments"),
                          ("agencies", "deployments"), ("changes", "change_rows"),
                          ("campaign_announcements", "notifications")]:  # fmt: skip
        assert order.index(parent) < order.index(child), (parent, child)


async def test_ids_go_on_past_every_copied_id(populated: Path, pg_url: str, tmp_path: Path) -> None:
    source = await Database.open(populated)
    try:
        max_refusal = (await source.fetchall("SELECT max(id) FROM refusals"))[0][0]
        high_water = (
            await source.fetchall("SELECT seq FROM sqlite_sequence WHERE name = 'refusals'")
        )[0][0]
        max_campaign = (await source.fetchall("SELECT max(id) FROM campaigns"))[0][0]
    finally:
        await source.close()
    assert high_water == max_refusal + 1  # the deleted refusal's id was handed out

    await copy_database(sqlite_url(populated), pg_url)
    pg = await open_database(pg_url)
    try:
        disp = await dispatcher_on(pg)
        await ok(disp, ORGANIZER, '/campaign create fresh "A fresh one" 10')
        await disp.run_text(identity(user_id="M9"), "/facts undo C1")  # refused, recorded
        campaign = await pg.fetchall("SELECT id FROM campaigns WHERE slug = 'fresh'")
        refusal = await pg.fetchall("SELECT max(id) FROM refusals")
        assert campaign[0][0] == max_campaign + 1
        assert refusal[0][0] == high_water + 1  # never the deleted one's id again
    finally:
        await pg.close()

    # And back into SQLite: sqlite_sequence carries the high-water mark on.
    back = tmp_path / "back.db"
    await copy_database(pg_url, sqlite_url(back))
    db = await Database.open(back)
    try:
        disp = await dispatcher_on(db, str(back))
        await disp.run_text(identity(user_id="M8"), "/facts undo C1")  # refused, recorded
        assert (await db.fetchall("SELECT max(id) FROM refusals"))[0][0] == high_water + 2
    finally:
        await db.close()


async def test_lookups_answer_the_same_on_the_postgres_copy(populated: Path, pg_url: str) -> None:
    await copy_database(sqlite_url(populated), pg_url)
    answers = {}
    for url in (sqlite_url(populated), pg_url):
        db = await open_database(url)
        try:
            disp = await dispatcher_on(db, str(populated))
            answers[url] = [await ok(disp, ORGANIZER, line) for line in LOOKUPS]
        finally:
            await db.close()
    assert answers[pg_url] == answers[sqlite_url(populated)]
    assert "Greenfield" in answers[pg_url][0] and "ring-limits" in answers[pg_url][-1]


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


def test_tables_come_after_the_tables_they_reference() -> None:
    def table(name: str, *parents: str) -> Table:
        return Table(name, ("id",), ("integer",), ("id",), frozenset(parents), "id")

    tables = {t.name: t for t in [table("b", "a"), table("c", "b", "a"), table("a")]}
    assert [t.name for t in foreign_key_order(tables)] == ["a", "b", "c"]
    tables["a"] = table("a", "c")
    with pytest.raises(CopyRefused, match="foreign keys of a, b, c form a cycle"):
        foreign_key_order(tables)


async def all_counts(url: str) -> dict[str, int]:
    return {table: len(rows) for table, rows in (await dump_url(url)).items()}


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


def copy_db(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COUNTERWATCH_DATABASE",))}
    return subprocess.run(
        [sys.executable, "main.py", "copy-db", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_command_copies_and_prints_each_table(populated: Path, pg_url: str) -> None:
    done = copy_db(sqlite_url(populated), pg_url)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.split() == ["campaigns:", "2", "rows"] for line in lines), lines
    assert any(line.split() == ["signups:", "17", "rows"] for line in lines), lines
    assert lines[-1].startswith("copied ") and "(one transaction)" in lines[-1]
    assert len(lines) == len(asyncio.run(all_counts(pg_url))) + 1

    again = copy_db(sqlite_url(populated), pg_url)  # now it holds data
    assert again.returncode == 1
    assert "already holds data" in again.stderr and len(again.stderr.splitlines()) == 1


@pytest.fixture
def free_port() -> Iterator[int]:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    yield port


def test_bad_input_is_one_line_and_changes_nothing(
    populated: Path, tmp_path: Path, free_port: int
) -> None:
    new = tmp_path / "new.db"
    unreachable = f"postgresql://cw:s3cr3t-pw@127.0.0.1:{free_port}/counterwatch"
    cases = [
        (("mysql://cw:s3cr3t-pw@db/cw", sqlite_url(new)), 2, "unknown scheme 'mysql'"),
        ((sqlite_url(tmp_path / "absent.db"), sqlite_url(new)), 2, "no such file"),
        ((sqlite_url(populated), sqlite_url(populated)), 2, "the same database"),
        ((sqlite_url(populated), "counterwatch.db"), 2, "not a database URL"),
        ((unreachable, sqlite_url(new)), 1, f"postgresql://cw@127.0.0.1:{free_port}/counterwatch"),
        ((sqlite_url(populated), unreachable), 1, "nothing was copied"),
    ]
    for args, code, says in cases:
        done = copy_db(*args)
        assert done.returncode == code, (args, done.stderr)
        assert says in done.stderr, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "s3cr3t" not in done.stderr + done.stdout
        assert not new.exists(), args
