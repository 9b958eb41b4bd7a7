"""PostgreSQL's migrations against SQLite's, on a real server: same numbers and names, the
same schema once applied, one migration run when two processes start together, and a failed
migration that leaves nothing behind."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from pathlib import Path

import asyncpg
import pytest

from storage.db import Database
from storage.migrate import MIGRATIONS_DIR, migration_files
from storage.postgres.migrate import (
    MIGRATION_LOCK_KEY,
    POSTGRES_MIGRATIONS_DIR,
    apply_migrations,
    schema_version,
)
from testkit.waiting import eventually
from tests.storage.schema_shapes import postgres_shape, sqlite_shape

CHILD = Path(__file__).with_name("pg_migrate_child.py")
NEWEST = len(migration_files(POSTGRES_MIGRATIONS_DIR))


def names(folder: Path) -> list[str]:
    return [path.name for _, path in migration_files(folder)]


def test_every_sqlite_migration_has_a_postgres_twin_of_the_same_name() -> None:
    assert names(POSTGRES_MIGRATIONS_DIR) == names(MIGRATIONS_DIR)


@pytest.mark.sqlite_only("`db` is the SQLite side of the comparison")
async def test_both_backends_have_the_same_tables_columns_keys_and_indexes(
    db: Database, pg_url: str
) -> None:
    conn = await asyncpg.connect(pg_url)
    try:
        postgres = await postgres_shape(conn)
    finally:
        await conn.close()
    sqlite = await sqlite_shape(db)
    assert sqlite.keys and sqlite.foreign_keys and sqlite.indexes  # read, not vacuous
    assert sorted(postgres.columns) == sorted(sqlite.columns)
    for table, columns in sqlite.columns.items():
        assert postgres.columns[table] == columns, table
    assert postgres.keys == sqlite.keys
    assert postgres.foreign_keys == sqlite.foreign_keys
    assert postgres.indexes == sqlite.indexes


async def test_migrating_again_changes_nothing(pg_url: str) -> None:
    conn = await asyncpg.connect(pg_url)
    try:
        assert await apply_migrations(conn) == NEWEST
        rows = await conn.fetchval("SELECT count(*) FROM schema_version")
    finally:
        await conn.close()
    assert rows == NEWEST


def start_child(url: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "CONNECTED"
    return child


def say_go(child: subprocess.Popen[str]) -> None:
    assert child.stdin is not None
    child.stdin.write("go\n")
    child.stdin.flush()


async def wait_for_waiters(conn: asyncpg.Connection, count: int) -> None:
    """Until `count` sessions wait for the migration lock (a bound, not a timing claim)."""

    async def all_waiting() -> bool:
        waiting = await conn.fetchval(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
        )
        return bool(waiting == count)

    await eventually(all_waiting, timeout_s=60)


# A server (or database) may default to a stricter isolation, where a transaction's snapshot
# would predate the lock it waited for: the migration must still read the version afresh.
@pytest.mark.parametrize("isolation", ["read committed", "serializable"])
async def test_two_processes_starting_together_migrate_once(
    pg_empty_url: str, isolation: str
) -> None:
    database = pg_empty_url.rsplit("/", 1)[1]
    conn = await asyncpg.connect(pg_empty_url)
    try:
        await conn.execute(f"ALTER DATABASE {database} SET default_transaction_isolation = "
                           f"'{isolation}'")  # fmt: skip
        children = [await asyncio.to_thread(start_child, pg_empty_url) for _ in range(2)]
        # We hold the lock while both start migrating: they queue behind it, together.
        async with conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK_KEY)
            for child in children:
                say_go(child)
            await wait_for_waiters(conn, 2)
        outputs = [await asyncio.to_thread(child.communicate, timeout=60) for child in children]
        versions = await conn.fetch("SELECT version FROM schema_version ORDER BY version")
    finally:
        await conn.close()
    assert [child.returncode for child in children] == [0, 0], outputs
    assert [out.strip() for out, _ in outputs] == [f"AT {NEWEST}", f"AT {NEWEST}"]
    logs = "".join(err for _, err in outputs)
    assert logs.count("database migrated") == 1, logs
    assert f"database migrated from version 0 to {NEWEST}" in logs
    assert [row["version"] for row in versions] == list(range(1, NEWEST + 1))  # each once


async def test_a_failing_migration_changes_nothing(pg_empty_url: str, tmp_path: Path) -> None:
    for _, path in migration_files(POSTGRES_MIGRATIONS_DIR):
        shutil.copy(path, tmp_path)
    broken = tmp_path / f"{NEWEST + 1:04d}_broken.sql"
    broken.write_text("CREATE TABLE half_done (id BIGINT);\nSELECT 1 / 0;\n")
    conn = await asyncpg.connect(pg_empty_url)
    try:
        with pytest.raises(asyncpg.DivisionByZeroError) as failed:
            await apply_migrations(conn, tmp_path)
        assert f"in migration {broken.name}, statement 2" in failed.value.__notes__
        tables = await conn.fetchval(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        )
        assert tables == 0  # not the 13 good ones, not half_done, not even schema_version
        assert await apply_migrations(conn) == NEWEST  # the good ones still apply afterwards
        assert await schema_version(conn) == NEWEST
    finally:
        await conn.close()


def migrations_up_to(last: int, folder: Path) -> Path:
    for number, path in migration_files(POSTGRES_MIGRATIONS_DIR):
        if number <= last:
            shutil.copy(path, folder)
    return folder


async def test_data_migrations_carry_rows_over(pg_empty_url: str, tmp_path: Path) -> None:
    """0010 moves refused attempts out of `changes`; 0011 rebuilds `notifications` keeping
    its rows and ids, and new rows then get ids past them (as SQLite's rowids do)."""
    conn = await asyncpg.connect(pg_empty_url)
    try:
        await apply_migrations(conn, migrations_up_to(9, tmp_path))
        await conn.execute(
            "INSERT INTO changes (at, platform, workspace, user_id, user_name, command, action)"
            " VALUES ('2026-11-26T12:00:00Z', 'test', 'W1', 'U1', 'user U1', 'facts set', $1)",
            "refused",
        )
        await conn.execute(
            "INSERT INTO changes (id, at, platform, workspace, user_id, user_name, command,"
            " action) VALUES (7, '2026-11-26T12:01:00Z', 'test', 'W1', 'U2', 'user U2',"
            " 'facts set', 'update')"
        )
        await conn.execute(
            "INSERT INTO notifications (id, change_id, platform, workspace, user_id, text,"
            " created_at, next_attempt_at) VALUES (41, 7, 'test', 'W1', 'U3', 'changed',"
            " '2026-11-26T12:01:00Z', '2026-11-26T12:01:00Z')"
        )
        assert await apply_migrations(conn) == NEWEST
        refusals = await conn.fetch("SELECT user_id, command FROM refusals")
        changes = await conn.fetch("SELECT id, action FROM changes")
        kept = await conn.fetchrow("SELECT id, change_id, text FROM notifications")
        new_id = await conn.fetchval(
            "INSERT INTO notifications (change_id, platform, workspace, user_id, text,"
            " created_at, next_attempt_at) VALUES (7, 'test', 'W1', 'U4', 'changed',"
            " '2026-11-26T12:01:00Z', '2026-11-26T12:01:00Z') RETURNING id"
        )
    finally:
        await conn.close()
    assert [tuple(row) for row in refusals] == [("U1", "facts set")]
    assert [tuple(row) for row in changes] == [(7, "update")]
    assert kept is not None and tuple(kept) == (41, 7, "changed")
    assert new_id == 42
