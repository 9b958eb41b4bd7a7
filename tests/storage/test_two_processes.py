"""Several real processes on one SQLite file: creating it, and waiting for its write lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bot.core.dispatch import Dispatcher
from bot.core.settings import Settings
from bot.platforms.cli.import_file import import_file
from commands import build_registry
from storage.db import Database
from storage.errors import BUSY_MESSAGE, Busy
from storage.migrate import migration_files
from tests.commands.campaigns.helpers import ORGANIZER, run_ok
from tests.conftest import FIXED_NOW, identity, shared_data_file
from wiring import wire_deps

# Several processes side by side: `make test` runs it, `make test-fast` does not.
pytestmark = pytest.mark.multiprocess

CHILD = Path(__file__).with_name("proc_child.py")
SENTINELS = ("U-sentinel-4711", "Sentinel Qwxyz", "Sentineltown")  # proc_child.py's member


def files_holding(db_path: Path, *needles: str) -> dict[str, list[str]]:
    """Which of the database's files (main, -wal, -journal, -shm) hold a needle, raw bytes."""
    found: dict[str, list[str]] = {}
    for path in sorted(db_path.parent.glob(db_path.name + "*")):
        hits = [n for n in needles if n.encode() in path.read_bytes()]
        if hits:
            found[path.name] = hits
    return found


def child(mode: str, db_path: Path, *args: str, stdin: int | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), mode, str(db_path), *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@contextmanager
def write_lock_held_elsewhere(db_path: Path) -> Iterator[None]:
    """Another process holds the database's write lock (as a long import does) meanwhile."""
    holder = child("hold-lock", db_path, stdin=subprocess.PIPE)
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "LOCKED"
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


@pytest.mark.parametrize("trial", range(4))
def test_six_processes_create_one_new_database_at_once(tmp_path: Path, trial: int) -> None:
    db_path = tmp_path / f"fresh-{trial}.db"
    children = [child("open", db_path) for _ in range(6)]
    outcomes = [c.communicate(timeout=120) for c in children]
    failures = [
        err.strip().splitlines()[-1:]
        for (_, err), c in zip(outcomes, children, strict=True)
        if c.returncode != 0
    ]
    assert not failures, failures
    newest = len(migration_files())
    assert [out.strip() for out, _ in outcomes] == [f"OPENED {newest}"] * 6


async def test_a_write_behind_another_process_lock_is_refused_as_busy(tmp_path: Path) -> None:
    db_path = tmp_path / "busy.db"
    db = await Database.open(db_path, busy_timeout_ms=200)
    try:
        with write_lock_held_elsewhere(db_path):
            with pytest.raises(Busy) as refused:
                await db.write_statement("INSERT INTO sources (url) VALUES ('https://x')")
            assert str(refused.value) == BUSY_MESSAGE
        # Once the other process let go, the same write goes through.
        await db.write_statement("INSERT INTO sources (url) VALUES ('https://x')")
    finally:
        await db.close()


async def test_a_sign_up_behind_another_process_lock_is_one_line_not_an_incident(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "signup.db"
    db = await Database.open(db_path, busy_timeout_ms=200)
    try:
        deps = await wire_deps(db, Settings(db_path=str(db_path)), lambda: FIXED_NOW)
        dispatcher = Dispatcher(build_registry(), deps)
        await run_ok(dispatcher, ORGANIZER, "/campaign create wait Waiting")
        with write_lock_held_elsewhere(db_path):
            reply = await dispatcher.run_text(identity(), "/campaign join wait")
        assert reply.error and reply.text == BUSY_MESSAGE  # no incident id, one line
        await run_ok(dispatcher, identity(), "/campaign join wait")  # and then it works
    finally:
        await db.close()


async def test_an_import_behind_another_import_says_busy_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "import.db"
    laws = shared_data_file("us_facial_recognition_local_laws_iff_2021-05.csv")
    await (await Database.open(db_path)).close()  # an existing, migrated database
    with write_lock_held_elsewhere(db_path):  # the first import, still writing
        code = await import_file("laws", laws, None, str(db_path), FIXED_NOW, busy_timeout_ms=200)
    assert code == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [f"counterwatch: {BUSY_MESSAGE}"]
    assert captured.out == ""


def test_an_erasure_leaves_no_bytes_even_after_sigkill(tmp_path: Path) -> None:
    db_path = tmp_path / "erase.db"
    bot = child("forget", db_path)
    assert bot.stdout is not None
    try:
        assert bot.stdout.readline().strip() == "ERASED"
        # While it runs, then as a SIGKILL leaves the files (no close, no final checkpoint).
        running = files_holding(db_path, *SENTINELS)
        bot.send_signal(signal.SIGKILL)
        bot.wait(timeout=30)
    finally:
        if bot.poll() is None:
            bot.kill()
    assert running == {}
    assert files_holding(db_path, *SENTINELS) == {}
    assert any(p.name.endswith("-wal") for p in tmp_path.iterdir())  # WAL mode, as deployed


async def test_main_import_atlas_behind_another_import_prints_one_line(tmp_path: Path) -> None:
    db_path = tmp_path / "cli.db"
    atlas = shared_data_file("eff_atlas_of_surveillance_2020-10-07.csv")
    await (await Database.open(db_path)).close()
    main_py = Path(__file__).resolve().parents[2] / "main.py"
    env = {**os.environ, "COUNTERWATCH_DB": str(db_path)}
    with write_lock_held_elsewhere(db_path):  # the first import, still writing
        second = subprocess.run(
            [sys.executable, str(main_py), "import-atlas", str(atlas)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
    assert second.returncode == 1
    assert second.stderr.splitlines() == [f"counterwatch: {BUSY_MESSAGE}"]
    assert second.stdout == ""
