"""What the copy-db tests share: a SQLite file populated with the real Atlas import, the
laws table and campaigns with their sign-ups, follows and an audited admin edit; every
table's rows to compare; and the `main.py copy-db` command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from bot.core.settings import Settings
from commands import build_registry
from commands.admin.refusals import refusal_recorder
from places.index import place_index
from storage.db import Database
from storage.importers.atlas_write import import_atlas
from storage.importers.laws import IFF_AS_OF, import_laws
from storage.open import open_database
from storage.seed import ensure_seed
from storage.sql import Db
from tests.conftest import FIXED_NOW, identity
from tests.db_tables import table_columns
from tests.real_data import atlas_parse, laws_parse
from wiring import wire_deps

ROOT = Path(__file__).parents[3]
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
        # The parses this test process may already hold (tests/real_data.py): read-only.
        await import_atlas(db, atlas_parse(), as_of="2020-10-07", imported_at=FIXED_NOW)
        await import_laws(db, laws_parse(), as_of=IFF_AS_OF, imported_at=FIXED_NOW)
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


async def all_counts(url: str) -> dict[str, int]:
    return {table: len(rows) for table, rows in (await dump_url(url)).items()}


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
