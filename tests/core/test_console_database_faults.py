"""A database fault at the console (a full disk, a stopped PostgreSQL server): a look-up from
memory answers, a write prints the one line and the session goes on; once the fault ends
the same write goes through."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from bot.core.settings import Settings
from bot.platforms import console
from commands import build_registry
from places.index import place_index
from storage.errors import UNAVAILABLE_MESSAGE
from tests.conftest import FIXED_NOW
from tests.db_faults import Fault, faulty, own_cluster  # noqa: F401 (fixtures)
from wiring import console_background, wire_deps


async def session(dispatcher: Dispatcher, lines: str) -> str:
    stdout = io.StringIO()
    stdin = io.StringIO(lines)
    await console.run_console(
        dispatcher,
        console.console_identity(Role.ADMIN),
        stdin,
        stdout,
        background=console_background(dispatcher.deps),
    )
    return stdout.getvalue()


@pytest.mark.real_data("seed", "atlas")  # `faulty` opens the database with them
async def test_lookups_answer_and_writes_print_one_line(
    faulty: Fault,  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    db = faulty.db
    deps = await wire_deps(db, Settings(db_path=str(tmp_path / "unused.db")), lambda: FIXED_NOW)
    await place_index(deps).reload()
    dispatcher = Dispatcher(build_registry(), deps)
    assert "ring-free" in await session(dispatcher, "/campaign create ring-free Ring-free\n")

    await faulty.start()
    out = await session(dispatcher, "/campaign join ring-free\n/ring lookup Greenfield, WI\n")
    assert UNAVAILABLE_MESSAGE in out and "Something went wrong" not in out
    assert "Greenfield" in out.split(UNAVAILABLE_MESSAGE, 1)[1]  # the session went on

    await faulty.end()
    out = await session(dispatcher, "/campaign join ring-free\n")
    assert "ring-free" in out and UNAVAILABLE_MESSAGE not in out
