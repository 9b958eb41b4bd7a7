"""`OfficialsStore`: the bodies and officials on record for a place's keys."""

from __future__ import annotations

from typing import Any

from storage.officials.models import StoredBody, StoredOfficial
from storage.sql import Db

MAX_OFFICIALS = 25  # per place: a council, not a directory (Discord shows 25 fields)


def _body(row: Any) -> StoredBody:
    return StoredBody(
        int(row["id"]), row["place_key"], row["place_label"], row["name"], row["url"],
        row["as_of"], row["web"], row["email"], row["phone"], row["meeting_on"],
        row["meeting_place"],
    )  # fmt: skip


def _official(row: Any) -> StoredOfficial:
    return StoredOfficial(
        int(row["id"]), row["place_key"], row["place_label"], row["name"], row["title"],
        row["url"], row["as_of"], row["email"], row["phone"],
    )  # fmt: skip


class OfficialsStore:
    def __init__(self, db: Db) -> None:
        self._db = db

    async def body(self, keys: tuple[str, ...]) -> StoredBody | None:
        """The body recorded under the first of `keys` that has one (most specific first:
        the agency's own key, then its jurisdiction's)."""
        for key in keys:
            row = await self._db.fetchone(
                "SELECT b.*, s.url FROM governing_bodies b JOIN sources s ON s.id = b.source_id"
                " WHERE b.place_key = ?",
                (key,),
            )
            if row is not None:
                return _body(row)
        return None

    async def officials(self, key: str) -> list[StoredOfficial]:
        """The officials recorded for one place key, in the order they were recorded."""
        rows = await self._db.fetchall(
            "SELECT o.*, s.url FROM officials o JOIN sources s ON s.id = o.source_id"
            " WHERE o.place_key = ? ORDER BY o.id LIMIT ?",
            (key, MAX_OFFICIALS),
        )
        return [_official(r) for r in rows]
