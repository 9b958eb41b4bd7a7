"""Shared fixtures: a migrated database in a temp dir, deps, a dispatcher, identities."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from bot.core.settings import Settings
from commands import build_registry
from storage.db import Database
from storage.postgres.db import PgDatabase
from storage.sql import Db
from wiring import wire_deps

if TYPE_CHECKING:
    from tests.real_data import Templates

# A real PostgreSQL server for the tests that take `pg_cluster`, `pg_url` or `pg_empty_url`.
pytest_plugins = ["tests.pg_fixtures"]

FIXED_NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)


def shared_data_dir() -> Path:
    return Path(
        os.environ.get("COUNTERWATCH_SHARED_DATA", Path(__file__).parents[2] / "shared" / "data")
    )


def shared_data_file(name: str) -> Path:
    """A file from ../shared/data; skips the test, saying so plainly, when it is absent."""
    path = shared_data_dir() / name
    if not path.is_file():
        pytest.skip(f"shared data file {path} is absent (it is not committed to this repo)")
    return path


# The storage and command suites run on both backends (a real PostgreSQL server, see
# tests/pg_fixtures.py); the others, which test platforms and the core, on SQLite only.
BOTH_BACKENDS = ("storage", "commands")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames or metafunc.definition.get_closest_marker(
        "sqlite_only"
    ):
        return
    folder = Path(metafunc.definition.path).relative_to(Path(__file__).parent).parts[0]
    if folder in BOTH_BACKENDS:
        metafunc.parametrize("backend", ["sqlite", "postgres"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """'sqlite' or 'postgres': which database the `db` fixture opens."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def real_data_templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    """This test process's template files: migrated, with the real data a test names or none
    (tests/real_data.py)."""
    from tests.real_data import Templates  # it imports this module's FIXED_NOW

    return Templates(tmp_path_factory.mktemp("real-data"))


@pytest.fixture
async def db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[Db]:
    """A migrated database of the test's own; with the data a `real_data` marker names.

    On SQLite a copy of a file migrated once per test process: migrating a new file costs
    some 20 ms of CPU and a dozen fsyncs, a copy a few ms, and a thousand tests take one."""
    from tests.real_data import load_real_data, parts_of

    parts = parts_of(request.node.get_closest_marker("real_data"))
    database: Db
    if backend == "postgres":
        database = await PgDatabase.open(request.getfixturevalue("pg_url"))
        await load_real_data(database, parts)
    else:
        templates = request.getfixturevalue("real_data_templates")
        await templates.copy(parts, tmp_path / "test.db")
        database = await Database.open(tmp_path / "test.db")
    try:
        yield database
    finally:
        await database.close()


@pytest.fixture
async def deps(db: Db, tmp_path: Path) -> Deps:
    # The place index reads the places now and builds itself on first use, as `main.py`
    # wires it (`lazy`): most tests that write facts then call
    # `await place_index(deps).reload()`, which would build it a second time.
    settings = Settings(db_path=str(tmp_path / "test.db"))
    return await wire_deps(db, settings, lambda: FIXED_NOW, lazy=True)


@pytest.fixture
def dispatcher(deps: Deps) -> Dispatcher:
    return Dispatcher(build_registry(), deps)


def identity(
    role: Role = Role.MEMBER,
    user_id: str = "U1",
    workspace: str = "W1",
    facts_admin: bool | None = None,
) -> Identity:
    """`facts_admin` defaults to the role being ADMIN: the command tests' admin is the
    operator's (tests/core/test_facts_authority.py tells the two kinds apart)."""
    return Identity(
        platform="test",
        workspace=workspace,
        user_id=user_id,
        user_name=f"user {user_id}",
        role=role,
        channel="C1",
        facts_admin=role >= Role.ADMIN if facts_admin is None else facts_admin,
    )


@pytest.fixture
def member() -> Identity:
    return identity(Role.MEMBER)


@pytest.fixture
def organizer() -> Identity:
    return identity(Role.ORGANIZER, user_id="U-org")


@pytest.fixture
def admin() -> Identity:
    return identity(Role.ADMIN, user_id="U-admin")
