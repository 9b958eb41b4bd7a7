"""pytest fixtures on a real PostgreSQL server (testkit/pg_cluster.py), enabled for every test
by tests/conftest.py: `pg_cluster` (one throwaway cluster per session), `pg_url` (a fresh,
migrated, empty database per test) and `pg_empty_url` (a fresh database with no schema).

Without server binaries, or when the cluster cannot start, the tests using them are skipped
with the exact reason, except under CI (env CI set), where they fail: CI must prove both
storage backends.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import NoReturn

import pytest

from testkit.pg_cluster import ClusterUnavailable, PgCluster, TestDatabases, start_cluster


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _unavailable(reason: str) -> NoReturn:
    if under_ci():
        pytest.fail(f"PostgreSQL is required under CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL unavailable: {reason}")


def _say_uncaptured(config: pytest.Config) -> Callable[[str], None]:
    """A line on the real stderr, past pytest's capture: starting a server is news."""
    capture = config.pluginmanager.getplugin("capturemanager")

    def say(line: str) -> None:
        if capture is None:
            print(line, file=sys.stderr, flush=True)
            return
        with capture.global_and_fixture_disabled():
            print(f"\n{line}", file=sys.stderr, flush=True)

    return say


@pytest.fixture(scope="session")
def pg_say(pytestconfig: pytest.Config) -> Callable[[str], None]:
    return _say_uncaptured(pytestconfig)


@pytest.fixture(scope="session")
def pg_cluster(pg_say: Callable[[str], None]) -> Iterator[PgCluster]:
    started = time.monotonic()
    try:
        cluster = start_cluster(pg_say)
    except ClusterUnavailable as exc:
        _unavailable(str(exc))
    cluster.started_in_s = time.monotonic() - started
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_databases(pg_cluster: PgCluster, pg_say: Callable[[str], None]) -> TestDatabases:
    """The template, migrated once: a migration that fails here is an error, not a skip."""
    databases = TestDatabases(pg_cluster)
    started = time.monotonic()
    databases.prepare_template()
    pg_say(
        f"PostgreSQL: cluster up in {pg_cluster.started_in_s:.2f} s, template database "
        f"migrated in {time.monotonic() - started:.2f} s"
    )
    return databases


@pytest.fixture
def pg_url(pg_databases: TestDatabases) -> Iterator[str]:
    """A fresh, migrated, empty database of its own for the test, dropped after it."""
    url = pg_databases.create()
    try:
        yield url
    finally:
        pg_databases.drop(url)


@pytest.fixture
def pg_empty_url(pg_databases: TestDatabases) -> Iterator[str]:
    """A fresh database with no schema at all (migrations' own tests), dropped after it."""
    url = pg_databases.create(migrated=False)
    try:
        yield url
    finally:
        pg_databases.drop(url)


PG_FIXTURES = frozenset({"pg_cluster", "pg_databases", "pg_url", "pg_empty_url"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `postgres` every test that needs the server: it takes one of the fixtures above,
    or runs with backend=postgres (tests/conftest.py). `make test-fast` leaves them out by
    this marker, so a new PostgreSQL test is marked without anyone listing it."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        callspec = getattr(item, "callspec", None)
        on_postgres = callspec is not None and callspec.params.get("backend") == "postgres"
        if on_postgres or fixtures & PG_FIXTURES:
            item.add_marker(pytest.mark.postgres)
