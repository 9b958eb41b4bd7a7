"""What a real PostgreSQL server costs the tests: starting the throwaway cluster
(initdb + pg_ctl -w start), migrating the template once, and one test's database
(CREATE DATABASE ... TEMPLATE, then DROP DATABASE), the same steps tests/pg_fixtures.py takes.
Baseline beside it: an empty database cloned from template0 (what the template's 13
migrations add to each test).

Run: .venv/bin/python -m bench pg_cluster   (needs Debian's postgresql package)
"""

from __future__ import annotations

import time

from bench.stats import describe_ms
from testkit.pg_cluster import ClusterUnavailable, TestDatabases, start_cluster

DATABASES = 20


def _per_database(databases: TestDatabases, migrated: bool) -> tuple[list[float], list[float]]:
    creates, drops = [], []
    for _ in range(DATABASES):
        started = time.monotonic()
        url = databases.create(migrated=migrated)
        creates.append(time.monotonic() - started)
        started = time.monotonic()
        databases.drop(url)
        drops.append(time.monotonic() - started)
    return creates, drops


async def main() -> None:
    started = time.monotonic()
    try:
        cluster = start_cluster()
    except ClusterUnavailable as exc:
        print(f"skipped: {exc}")
        return
    try:
        print(f"cluster start (initdb + pg_ctl -w start): {time.monotonic() - started:.2f} s")
        databases = TestDatabases(cluster)
        started = time.monotonic()
        databases.prepare_template()
        print(f"template migrated once: {time.monotonic() - started:.2f} s")
        for label, migrated in (("migrated (template)", True), ("empty (template0)", False)):
            creates, drops = _per_database(databases, migrated)
            print(describe_ms(f"create {label}", creates))
            print(describe_ms(f"drop {label}", drops))
    finally:
        cluster.stop()
