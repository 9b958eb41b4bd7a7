"""RequestDedupe in SQL (SQLite or PostgreSQL): table seen_requests (migration 0009).

Checking and recording a key is ONE statement on the writer, so two processes receiving the
same request cannot both see it as new. An expired record is taken over in that same
statement; expired records are also purged now and then, so the table stays small."""

from __future__ import annotations

import datetime as dt
import hashlib

from storage.sql import Db, stamp

PURGE_EVERY = 1000  # first_time calls between two purges

_FIRST_TIME = (
    "INSERT INTO seen_requests (key_hash, created_at) VALUES (?, ?)"
    " ON CONFLICT (key_hash) DO UPDATE SET created_at = excluded.created_at"
    " WHERE seen_requests.created_at <= ? RETURNING key_hash"
)


def key_hash(key: str) -> str:
    # Never the key itself: a modal's key is built from what the person typed.
    return hashlib.sha256(key.encode()).hexdigest()


class RequestDedupe:
    """A TTL set of request keys shared by every process on the database and surviving a
    restart: a request delivered again (a platform retry, a replay within the signature's
    validity) is recognised and handled once."""

    def __init__(self, db: Db) -> None:
        self._db = db
        self._calls = 0

    async def first_time(self, key: str, now: dt.datetime, ttl: dt.timedelta) -> bool:
        """True exactly once per key within `ttl` (the first caller, in any process)."""
        self._calls += 1
        if self._calls % PURGE_EVERY == 0:
            await self.purge(now, ttl)
        # Inserted (new key), or updated (the record had expired): a row comes back.
        rows = await self._db.write_statement(
            _FIRST_TIME, (key_hash(key), stamp(now), stamp(now - ttl))
        )
        return bool(rows)

    async def forget(self, key: str) -> None:
        """Let `key` through again (a delivery that had no effect, e.g. rejected input)."""
        await self._db.write_statement(
            "DELETE FROM seen_requests WHERE key_hash = ?", (key_hash(key),)
        )

    async def purge(self, now: dt.datetime, ttl: dt.timedelta) -> int:
        """Delete the records older than `ttl`; returns how many."""
        rows = await self._db.write_statement(
            "DELETE FROM seen_requests WHERE created_at <= ? RETURNING 1", (stamp(now - ttl),)
        )
        return len(rows)
