"""Child process for the two-process storage tests: real processes on one SQLite file.

Usage: python proc_child.py <mode> <db path> [args]
  open          open (create and migrate) the database, print OPENED <user_version>
  hold-lock     take the write lock, print LOCKED, hold it until stdin closes
  forget        the bot's dispatcher: a member signs up, 500 more do, the member erases
                their data (/forgetme, then /forgetme <code>), 500 more sign up; print
                ERASED and wait to be killed
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
import sys
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from bot.core.settings import Settings
from commands import build_registry
from storage.db import Database
from tests.conftest import FIXED_NOW, identity
from wiring import wire_deps

SENTINEL = replace(identity(user_id="U-sentinel-4711"), user_name="Sentinel Qwxyz")
SENTINEL_CITY = "Sentineltown"


async def open_once(path: str) -> None:
    db = await Database.open(path)
    try:
        row = await db.fetchone("PRAGMA user_version")
        print(f"OPENED {row[0] if row else -1}", flush=True)
    finally:
        await db.close()


def hold_lock(path: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("LOCKED", flush=True)
    sys.stdin.read()  # until the test closes our stdin
    conn.execute("ROLLBACK")
    conn.close()


async def forget(path: str) -> None:
    db = await Database.open(path)
    deps = await wire_deps(db, Settings(db_path=path), lambda: FIXED_NOW, lazy=True)
    run = Dispatcher(build_registry(), deps).run_text

    async def ok(who: Identity, line: str) -> str:
        reply = await run(who, line)
        assert not reply.error, reply.text
        return reply.text

    try:
        await erase_between_signups(ok)
    except BaseException:
        await db.close()  # or its threads keep the process alive, and the test waits
        raise
    print("ERASED", flush=True)
    await asyncio.Event().wait()  # until killed: the files are read as a SIGKILL leaves them


async def erase_between_signups(ok: Callable[[Identity, str], Awaitable[str]]) -> None:
    await ok(
        identity(Role.ORGANIZER, user_id="O"),
        "/campaign create kept Kept",
    )
    await ok(SENTINEL, f'/campaign join kept "{SENTINEL_CITY}"')
    await asyncio.gather(
        *(ok(identity(user_id=f"B{i}"), "/campaign join kept") for i in range(500))
    )
    code = re.findall(r"/forgetme ([0-9a-f]{8})", await ok(SENTINEL, "/forgetme"))[0]
    await ok(SENTINEL, f"/forgetme {code}")
    await asyncio.gather(
        *(ok(identity(user_id=f"A{i}"), "/campaign join kept") for i in range(500))
    )


def main(mode: str, path: str, *args: str) -> None:
    if mode == "open":
        asyncio.run(open_once(path))
    elif mode == "forget":
        asyncio.run(forget(path))
    elif mode == "hold-lock":
        hold_lock(path)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(*sys.argv[1:])
