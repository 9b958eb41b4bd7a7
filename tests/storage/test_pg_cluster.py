"""The throwaway PostgreSQL server the tests run on: its own port, fsync on, a fresh
database per test; and, without server programs, a skip saying why (a failure under CI)."""

from __future__ import annotations

import asyncpg
import pytest

from storage.migrate import migration_files
from storage.postgres.migrate import POSTGRES_MIGRATIONS_DIR
from testkit import pg_cluster as cluster_module
from testkit.pg_cluster import ClusterUnavailable, PgCluster, TestDatabases
from tests.pg_fixtures import _unavailable

NEWEST = len(migration_files(POSTGRES_MIGRATIONS_DIR))
SYSTEM_CLUSTER_PORT = 5432  # Debian's package starts its own cluster there: never ours


async def test_the_cluster_is_ours_with_fsync_on(pg_cluster: PgCluster) -> None:
    assert pg_cluster.port != SYSTEM_CLUSTER_PORT
    conn = await asyncpg.connect(pg_cluster.url())
    try:
        settings = {
            name: await conn.fetchval(f"SHOW {name}")
            for name in ("fsync", "server_encoding", "listen_addresses", "lc_collate")
        }
    finally:
        await conn.close()
    assert settings == {
        "fsync": "on",
        "server_encoding": "UTF8",
        "listen_addresses": "127.0.0.1",
        "lc_collate": "C",  # text sorts byte-wise, as SQLite's BINARY collation does
    }


async def count(url: str, sql: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval(sql))
    finally:
        await conn.close()


async def test_a_test_database_is_migrated_and_empty(pg_url: str) -> None:
    assert await count(pg_url, "SELECT max(version) FROM schema_version") == NEWEST
    assert await count(pg_url, "SELECT count(*) FROM campaigns") == 0


async def test_each_test_database_starts_fresh(pg_databases: TestDatabases) -> None:
    first = pg_databases.create()
    conn = await asyncpg.connect(first)
    try:
        await conn.execute(
            "INSERT INTO campaigns (workspace, slug, title, created_on)"
            " VALUES ('W1', 'left-behind', 'Left behind?', '2026-11-26')"
        )
    finally:
        await conn.close()
    second = pg_databases.create()
    try:
        assert await count(first, "SELECT count(*) FROM campaigns") == 1
        assert await count(second, "SELECT count(*) FROM campaigns") == 0
    finally:
        pg_databases.drop(first)
        pg_databases.drop(second)


def test_without_server_programs_the_reason_is_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster_module, "server_bin_dir", lambda: None)
    with pytest.raises(ClusterUnavailable, match=r"no PostgreSQL server binaries \(initdb"):
        cluster_module.start_cluster(say=lambda line: None)


@pytest.mark.parametrize(
    ("ci", "outcome"), [("", pytest.skip.Exception), ("true", pytest.fail.Exception)]
)
def test_unavailable_skips_except_under_ci(
    monkeypatch: pytest.MonkeyPatch, ci: str, outcome: type[BaseException]
) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="no server here"):
        _unavailable("no server here")
