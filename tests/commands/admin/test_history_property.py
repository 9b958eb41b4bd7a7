"""A property of the audit log: whatever sequence of edits, removals, undos and imports runs,
every entry of /facts history, once written, reads back the same after every later step
(the one line an entry gains is "undone by C<n>", once, and it never changes after); and an
undo puts the rows its change wrote back exactly as they were before that change.

Each example runs on a fresh database (SQLite, or a clone of the migrated PostgreSQL
template). Sources come from a pool of five URLs, so edits share them, undos delete the ones
they created and later steps create them again: what made an entry change before.
"""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.dispatch import Dispatcher
from bot.core.messengers import Messengers
from bot.core.models import Attachment, Role
from bot.core.settings import Settings
from commands import build_registry
from storage.db import Database
from storage.postgres.db import PgDatabase
from storage.sql import Db
from testkit.pg_cluster import TestDatabases
from tests.commands.admin.conftest import seed_small
from tests.conftest import FIXED_NOW, identity
from wiring import wire_deps

ADMIN = identity(Role.ADMIN, user_id="A1")
GREENFIELD = '"Greenfield Police Department, WI"'
MILWAUKEE = '"Milwaukee Police Department, WI"'
FACTS_HEADER = "fact,subject,state,city,date,kind,status,summary,source_url,create\n"
FACT_TABLES = ("agencies", "deployments", "company_events", "laws", "datasets")
UNDONE = "undone by C"

urls = st.integers(0, 4).map(lambda n: f"https://ex.org/s{n}")
dates = st.sampled_from(["2019-05-01", "2020-02-29", "2021-07-01", "2022-11-02", "2024-01-31"])
agencies = st.sampled_from([GREENFIELD, MILWAUKEE])
csv_rows = st.one_of(
    st.builds("law,Virginia,,,{},ban,in-force,,{},".format, dates, urls),
    st.builds("event,Amazon,,,{},extension,,Extended,{},".format, dates, urls),
)
steps = st.one_of(
    st.builds("/facts set-partnership {} {} {}".format, agencies, dates, urls),
    st.builds("/facts end-partnership {} {} {}".format, agencies, dates, urls),
    st.builds('/facts add-event aws {} extension "Extended" {}'.format, dates, urls),
    st.builds("/facts add-law Virginia ban {} in-force {}".format, dates, urls),
    st.builds("/facts set-law-status L{} repealed {} {}".format, st.integers(1, 3), dates, urls),
    st.builds("/facts remove {}{} {}".format, st.sampled_from("DEL"), st.integers(1, 3), urls),
    # Undo the latest change, or one of the three before it (a number would mostly miss).
    st.integers(0, 3).map(lambda back: ("undo", back)),
    st.lists(csv_rows, min_size=1, max_size=3).map(lambda rows: ("import", "\n".join(rows))),
)
Step = str | tuple[str, int] | tuple[str, str]


async def fact_rows(db: Db) -> dict[tuple[str, Any], dict[str, Any]]:
    """Every fact row by (table, key), as plain dicts."""
    rows: dict[tuple[str, Any], dict[str, Any]] = {}
    for table in FACT_TABLES:
        for row in await db.fetchall(f"SELECT * FROM {table}"):
            values = dict(zip(row.keys(), tuple(row), strict=True))
            rows[(table, values.get("id", values.get("name")))] = values
    return rows


async def rows_written(db: Db, change: int) -> set[tuple[str, Any]]:
    """The fact rows a change wrote or created (sources are shared by many facts: left out)."""
    found = await db.fetchall(
        "SELECT table_name, row_id FROM change_rows WHERE change_id = ?"
        " UNION SELECT table_name, row_id FROM change_created WHERE change_id = ?",
        (change, change),
    )
    return {(str(r[0]), int(r[1])) for r in found if r[0] != "sources"}


async def last_change(db: Db) -> int:
    row = await db.fetchone("SELECT coalesce(max(id), 0) FROM changes")
    return int(row[0]) if row else 0


async def history(disp: Dispatcher, count: int) -> dict[int, str]:
    entries = {}
    for change in range(1, count + 1):
        reply = await disp.run_text(ADMIN, f"/facts history C{change}")
        assert not reply.error, reply.text
        entries[change] = reply.as_text()
    return entries


def check_unchanged(before: dict[int, str], after: dict[int, str], step: str) -> None:
    for change, text in before.items():
        now = after[change]
        kept = [line for line in now.splitlines() if UNDONE not in line]
        assert kept == [line for line in text.splitlines() if UNDONE not in line], (step, now)
        if UNDONE in text:  # once undone, the line stays as it was
            assert now == text, (step, now)


async def run_step(disp: Dispatcher, step: Step, latest: int) -> str:
    """Run one step (refusals are fine: they change nothing); returns what it ran."""
    match step:
        case ("import", str(rows)):
            csv = (FACTS_HEADER + rows + "\n").encode()
            await disp.run_text(ADMIN, "/facts import", (Attachment("facts.csv", csv),))
            return f"/facts import {rows}"
        case ("undo", int(back)):
            line = f"/facts undo C{max(latest - back, 1)}"
        case str(line):
            pass
        case _:
            raise AssertionError(f"not a step: {step!r}")
    await disp.run_text(ADMIN, line)
    return line


def examples(count: int) -> settings:
    # Fewer on PostgreSQL, where each example clones a database (about 1 s on a busy machine).
    return settings(
        max_examples=count,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@examples(30)
@given(sequence=st.lists(steps, min_size=1, max_size=8))
async def test_history_never_changes_and_undo_restores_exactly_on_sqlite(
    sequence: list[Step],
) -> None:
    with TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "test.db")
        try:
            await check_sequence(db, sequence)
        finally:
            await db.close()


@examples(8)
@given(sequence=st.lists(steps, min_size=1, max_size=8))
async def test_history_never_changes_and_undo_restores_exactly_on_postgres(
    pg_databases: TestDatabases, sequence: list[Step]
) -> None:
    url = pg_databases.create()
    db = await PgDatabase.open(url)
    try:
        await check_sequence(db, sequence)
    finally:
        await db.close()
        pg_databases.drop(url)


async def check_sequence(db: Db, sequence: list[Step]) -> None:
    await db.write(seed_small)
    deps = await wire_deps(db, Settings(), lambda: FIXED_NOW, messengers=Messengers())
    disp = Dispatcher(build_registry(), deps)
    seen: dict[int, str] = {}
    before_change: dict[int, dict[tuple[str, Any], dict[str, Any]]] = {}
    for step in sequence:
        state = await fact_rows(db)
        count = await last_change(db)
        said = await run_step(disp, step, count)
        now = await last_change(db)
        for change in range(count + 1, now + 1):
            before_change[change] = state
        entries = await history(disp, now)
        check_unchanged(seen, entries, said)
        seen = entries
        if now > count and said.startswith("/facts undo C"):
            undone = int(said.removeprefix("/facts undo C"))
            restored = await fact_rows(db)
            for key in await rows_written(db, undone):
                assert restored.get(key) == before_change[undone].get(key), (said, key)
