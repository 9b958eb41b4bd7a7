"""RequestDedupe in SQL (SQLite or PostgreSQL): table seen_requests (migration 0009).

Checking and recording a key is ONE statement on the writer, so two processes receiving the
same request cannot both see it as new. An expired record is taken over in that same
statement; expired records are also purged now and then, so the table stays small.
`record_first_time` is that statement inside a write job's own transaction: a command's replay
record rides on its first write (storage/replay.py)."""

from __future__ import annotations

import datetime as dt
import hashlib

from storage.sql import Conn, Db, stamp

PURGE_EVERY = 1000  # first_time calls between two purges

_PURGE = "DELETE FROM seen_requests WHERE created_at <= ? RETURNING 1"
_FIRST_TIME = (
    "INSERT INTO seen_requests (key_hash, created_at) VALUES (?, ?)"
    " ON CONFLICT (key_hash) DO UPDATE SET created_at = excluded.created_at"
    " WHERE seen_requests.created_at <= ? RETURNING key_hash"
)


def key_hash(key: str) -> str:
    # Never the key itself: a modal's key is built from what the person typed.
    return hashlib.sha256(key.encode()).hexdigest()


_records = 0  # record_first_time calls in this process, to purge every PURGE_EVERY


async def record_first_time(conn: Conn, key: str, now: dt.datetime, ttl: dt.timedelta) -> bool:
    """In a write job: record `key`; False when a live record of it exists already."""
    global _records
    _records += 1
    if _records % PURGE_EVERY == 0:
        await conn.execute(_PURGE, (stamp(now - ttl),))
    rows = list(await conn.execute_fetchall(_FIRST_TIME, _first_time_params(key, now, ttl)))
    return bool(rows)


def _first_time_params(key: str, now: dt.datetime, ttl: dt.timedelta) -> tuple[str, str, str]:
    return (key_hash(key), stamp(now), stamp(now - ttl))


class RequestDedupe:
    """A TTL set of request keys shared by every process on the database and surviving a
    restart: a request delivered again (a platform retry, a replay within the signature's
    validity) is recognised and handled once."""

    def __init__(self, db: Db) -> None:
        self._db = db
        self._calls = 0

    async def first_time(self, key: str, now: dt.datetime, ttl: dt.timedelta) -> bool:
        self._calls += 1
        if self._calls % PURGE_EVERY == 0:
            await self.purge(now, ttl)
        # Inserted (new key), or updated (the record had expired): a row comes back.
        rows = await self._db.write_statement(_FIRST_TIME, _first_time_params(key, now, ttl))
        return bool(rows)

    async def forget(self, key: str) -> None:
        await self._db.write_statement(
            "DELETE FROM seen_requests WHERE key_hash = ?", (key_hash(key),)
        )

    async def purge(self, now: dt.datetime, ttl: dt.timedelta) -> int:
        rows = await self._db.write_statement(_PURGE, (stamp(now - ttl),))
        return len(rows)
