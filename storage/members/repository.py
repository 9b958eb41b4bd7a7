"""Each member's chosen language (/language): read for every request, set, cleared, and shown
and erased with the rest of their data (a provider of storage/privacy/repository.py)."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict

from lexicon.i18n import _, format_stamp, language_name
from storage.errors import Refused
from storage.sql import Conn, Db

# Every request asks for its member's language, and look-ups answer from memory (no database
# trip, and still during a database fault): a choice is remembered for a while, per process.
# This process's own /language and /forgetme take effect at once; another process's (a second
# bot, a Slack worker) within CACHE_FOR.
CACHE_FOR = dt.timedelta(seconds=30)
CACHE_SIZE = 10_000
Key = tuple[str, str]


class LanguageStore:
    """The language a member chose; no row means they follow their platform's locale."""

    def __init__(self, db: Db) -> None:
        self._db = db
        self._cache: OrderedDict[Key, tuple[str | None, dt.datetime]] = OrderedDict()

    async def chosen(self, platform: str, user_id: str) -> str | None:
        row = await self._db.fetchone(
            "SELECT language FROM member_languages WHERE platform = ? AND user_id = ?",
            (platform, user_id),
        )
        return None if row is None else str(row[0])

    async def remembered(self, platform: str, user_id: str, now: dt.datetime) -> str | None:
        """`chosen`, from memory when read within CACHE_FOR; when the database cannot answer,
        what was last read (else None: the platform's locale applies)."""
        key = (platform, user_id)
        held = self._cache.get(key)
        if held is not None and now - held[1] < CACHE_FOR:
            return held[0]
        try:
            language = await self.chosen(platform, user_id)
        except Refused:  # unavailable or busy: answer in the language last known
            return held[0] if held is not None else None
        self._cache[key] = (language, now)
        self._cache.move_to_end(key)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return language

    def _forget_cached(self, platform: str, user_id: str) -> None:
        self._cache.pop((platform, user_id), None)

    async def choose(self, platform: str, user_id: str, language: str, now: str) -> None:
        async def job(conn: Conn) -> None:
            await conn.execute(
                "INSERT INTO member_languages (platform, user_id, language, chosen_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (platform, user_id)"
                " DO UPDATE SET language = excluded.language, chosen_at = excluded.chosen_at",
                (platform, user_id, language, now),
            )

        await self._db.write(job)
        self._forget_cached(platform, user_id)

    async def forget(self, platform: str, user_id: str) -> bool:
        """Back to the platform's locale (/language auto); whether a choice was stored."""

        async def job(conn: Conn) -> int:
            return await erase_member(conn, platform, user_id)

        erased = bool(await self._db.write(job))
        self._forget_cached(platform, user_id)
        return erased

    def erased(self, platform: str, user_id: str) -> None:
        """/forgetme erased the member's row with everything else: stop remembering it."""
        self._forget_cached(platform, user_id)


async def describe_member(db: Db, platform: str, user_id: str) -> list[str]:
    """/mydata's line: the language chosen, in its own name, and the day it was chosen."""
    row = await db.fetchone(
        "SELECT language, chosen_at FROM member_languages WHERE platform = ? AND user_id = ?",
        (platform, user_id),
    )
    if row is None:
        return []
    return [
        _("{language} (chosen on {day})").format(
            language=language_name(str(row["language"])),
            day=format_stamp(str(row["chosen_at"])[:10]),
        )
    ]


async def erase_member(conn: Conn, platform: str, user_id: str) -> int:
    cursor = await conn.execute(
        "DELETE FROM member_languages WHERE platform = ? AND user_id = ?", (platform, user_id)
    )
    return max(cursor.rowcount, 0)
