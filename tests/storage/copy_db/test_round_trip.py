"""copy-db copies every row both ways, in an order the foreign keys allow; ids go on after
the copy; the look-ups answer the same on the copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.copying.copy import copy_database
from storage.copying.schema import CopyRefused, Table, foreign_key_order
from storage.db import Database
from storage.open import open_database
from tests.conftest import identity
from tests.storage.copy_db.world import (
    LOOKUPS,
    ORGANIZER,
    dispatcher_on,
    dump_columns,
    dump_url,
    ok,
    sqlite_url,
)


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


def test_tables_come_after_the_tables_they_reference() -> None:
    def table(name: str, *parents: str) -> Table:
        return Table(name, ("id",), ("integer",), ("id",), frozenset(parents), "id")

    tables = {t.name: t for t in [table("b", "a"), table("c", "b", "a"), table("a")]}
    assert [t.name for t in foreign_key_order(tables)] == ["a", "b", "c"]
    tables["a"] = table("a", "c")
    with pytest.raises(CopyRefused, match="foreign keys of a, b, c form a cycle"):
        foreign_key_order(tables)
