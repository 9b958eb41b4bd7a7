"""Real database faults for the platform tests: a full disk under SQLite, a PostgreSQL server
that stops. Nothing is mocked: the disk is a small tmpfs mounted for the test and filled to
its last byte, the server a throwaway cluster of its own, stopped with `pg_ctl` and started
again on the same port. (The session's shared cluster is never touched.)

`faulty` (parametrized: "disk full", "server gone") gives a `Fault`: an open database holding
the real data the test's `real_data` marker names (tests/real_data.py), ready for the test to
add what else it needs, then `await fault.start()` and `await fault.end()`.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import subprocess
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import pytest

from storage.db import Database
from storage.postgres.db import PgDatabase
from storage.sql import Db
from testkit.pg_cluster import ClusterUnavailable, PgCluster, start_cluster
from tests.pg_fixtures import under_ci
from tests.real_data import Part, Templates, load_real_data, parts_of

DISK = "64m"  # room for the seed and the real Atlas; filled to the last byte when the fault starts
_numbers = itertools.count(1)


@dataclass
class Fault:
    kind: str  # "disk full" or "server gone"
    db: Db
    start: Callable[[], Awaitable[None]]
    end: Callable[[], Awaitable[None]]


@contextlib.contextmanager
def tiny_disk(where: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `where` for the block (skipped where we may not mount)."""
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({mounted.stderr.decode()[:80].strip()})")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(junk: Path) -> None:
    """Write `junk` until the disk holding it takes not one byte more."""
    descriptor = os.open(junk, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for block in (1 << 20, 1 << 12, 1):
            while True:
                try:
                    os.write(descriptor, b"\0" * block)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
                    break
    finally:
        os.close(descriptor)


@contextlib.asynccontextmanager
async def full_disk(
    tmp_path: Path, parts: tuple[Part, ...], templates: Templates
) -> AsyncIterator[Fault]:
    with tiny_disk(tmp_path / "disk", DISK) as disk:
        # A copy of this process's template file with the data (written once, not per test).
        await templates.copy(parts, disk / "counterwatch.db")
        db = await Database.open(disk / "counterwatch.db")
        junk = disk / "junk"

        async def start() -> None:
            # The WAL to zero bytes first: every write must then grow a file.
            assert await db.checkpoint_truncate()
            fill(junk)

        async def end() -> None:
            junk.unlink()

        try:
            yield Fault("disk full", db, start, end)
        finally:
            with contextlib.suppress(FileNotFoundError):
                junk.unlink()
            await db.close()


def _pg_ctl(cluster: PgCluster, *args: str) -> None:
    command = [*cluster.run_as, str(cluster.bin_dir / "pg_ctl"), "-D", str(cluster.data_dir)]
    subprocess.run([*command, *args], capture_output=True, cwd=cluster.folder, check=True)


@contextlib.asynccontextmanager
async def stopping_server(cluster: PgCluster) -> AsyncIterator[Fault]:
    name = f"fault_{os.getpid()}_{next(_numbers)}"
    admin = await asyncpg.connect(cluster.url())
    try:
        await admin.execute(f"CREATE DATABASE {name}")
    finally:
        await admin.close()
    db = await PgDatabase.open(cluster.url(name))

    async def start() -> None:
        _pg_ctl(cluster, "-m", "fast", "stop")  # every connection is closed

    async def end() -> None:
        log = str(cluster.folder / "server.log")
        _pg_ctl(cluster, "-l", log, "-w", "-t", "60", "-o", f"-p {cluster.port}", "start")

    try:
        yield Fault("server gone", db, start, end)
    finally:
        await db.close()


@pytest.fixture(scope="module")
def own_cluster() -> Iterator[PgCluster]:
    """A cluster these tests may stop (never the session's shared one)."""
    try:
        cluster = start_cluster(lambda line: None)
    except ClusterUnavailable as exc:
        if under_ci():
            pytest.fail(f"PostgreSQL unavailable under CI: {exc}")
        pytest.skip(f"PostgreSQL unavailable: {exc}")
    try:
        yield cluster
    finally:
        cluster.stop()


# "server gone" stops a PostgreSQL server of its own: marked so that `make test-fast` leaves it
# out with the other PostgreSQL tests.
@pytest.fixture(params=["disk full", pytest.param("server gone", marks=pytest.mark.postgres)])
async def faulty(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Fault]:
    parts = parts_of(request.node.get_closest_marker("real_data"))
    if request.param == "disk full":
        templates = request.getfixturevalue("real_data_templates")
        async with full_disk(tmp_path, parts, templates) as fault:
            yield fault
        return
    cluster: PgCluster = request.getfixturevalue("own_cluster")
    async with stopping_server(cluster) as fault:
        await load_real_data(fault.db, parts)
        try:
            yield fault
        finally:
            if not _accepting(cluster):
                await fault.end()  # a test that failed midway leaves the server up for the next


def _accepting(cluster: PgCluster) -> bool:
    status = [*cluster.run_as, str(cluster.bin_dir / "pg_ctl"), "-D", str(cluster.data_dir)]
    return subprocess.run([*status, "status"], capture_output=True).returncode == 0
