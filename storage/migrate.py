"""Numbered SQL migrations (storage/migrations/NNNN_*.sql), applied at open.

The schema's version is SQLite's `PRAGMA user_version`; every migration newer than it runs
in one transaction, so a database is never left half-migrated.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

import aiosqlite

log = logging.getLogger("counterwatch.db")

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def migration_files() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        found.append((int(path.name[:4]), path))
    numbers = [n for n, _ in found]
    # Contiguous numbering: a migration added below the newest one would be skipped silently
    # on databases that are already past it.
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations must be numbered 0001.. without gaps, found {numbers}")
    return found


async def apply_migrations(conn: aiosqlite.Connection) -> int:
    """Apply every migration newer than PRAGMA user_version, all in one transaction."""
    async with conn.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    current = int(row[0]) if row else 0
    todo = [(n, p) for n, p in migration_files() if n > current]
    if not todo:
        return current
    target = todo[-1][0]
    body = "\n".join(p.read_text(encoding="utf-8") for _, p in todo)
    # executescript runs statements as written; BEGIN..COMMIT makes the whole set atomic,
    # user_version included (it lives in the database header, inside the transaction).
    try:
        await conn.executescript(f"BEGIN;\n{body}\nPRAGMA user_version = {target};\nCOMMIT;")
    except Exception:
        with contextlib.suppress(Exception):
            await conn.execute("ROLLBACK")
        raise
    log.info("database migrated from version %d to %d", current, target)
    return target
