"""Child process for test_pg_migrations: connect to the database, print CONNECTED, wait for a
line on stdin (so that both children migrate at once), migrate, print AT <version>; the
migration's log line goes to stderr.

Usage: python pg_migrate_child.py <postgresql url>
"""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import asyncpg

from storage.postgres.migrate import apply_migrations


async def main(url: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        print("CONNECTED", flush=True)
        await asyncio.to_thread(sys.stdin.readline)
        print(f"AT {await apply_migrations(conn)}", flush=True)
    finally:
        await conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    asyncio.run(main(sys.argv[1]))
