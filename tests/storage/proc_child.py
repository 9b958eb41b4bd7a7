"""Child process for the two-process storage tests: real processes on one SQLite file.

Usage: python proc_child.py <mode> <db path> [args]
  open          open (create and migrate) the database, print OPENED <user_version>
  hold-lock     take the write lock, print LOCKED, hold it until stdin closes
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from storage.db import Database


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


def main(mode: str, path: str, *args: str) -> None:
    if mode == "open":
        asyncio.run(open_once(path))
    elif mode == "hold-lock":
        hold_lock(path)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(*sys.argv[1:])
