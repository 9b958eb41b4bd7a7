"""Each workspace's default language (`/language es workspace:yes`, docs/languages.md):
read for every card and channel post, set and cleared by the workspace's admins, each
change logged with its author.

The language itself is nobody's personal data (/mydata does not list it); the author of
each change is: /mydata lists the changes a person made and /forgetme removes their id from
them (`describe_author`, `erase_author`, a provider of storage/privacy/repository.py)."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict

from lexicon.i18n import _, format_stamp, language_name
from storage.errors import Refused
from storage.sql import Conn, Db
from storage.workspaces.models import LanguageSetting, Workspace, WorkspaceLanguage

# Every card and channel post asks for its workspace's language, and the card refresher asks
# for every card it edits: a default is remembered for a while, per process, as members'
# languages are (storage/members/repository.py). This process's own change takes effect at
# once; another process's (a second bot, a Slack worker) within CACHE_FOR.
CACHE_FOR = dt.timedelta(seconds=30)
CACHE_SIZE = 10_000


class WorkspaceLanguageStore:
    """The default language of each workspace; no row: the platform's word, else English."""

    def __init__(self, db: Db) -> None:
        self._db = db
        self._cache: OrderedDict[Workspace, tuple[str | None, dt.datetime]] = OrderedDict()

    async def current(self, where: Workspace) -> WorkspaceLanguage | None:
        """The default in force, with its last author (read from the database)."""
        row = await self._db.fetchone(
            "SELECT w.language, w.set_at, COALESCE(("
            "SELECT l.user_id FROM workspace_language_log l"
            " WHERE l.platform = w.platform AND l.workspace = w.workspace"
            " ORDER BY l.id DESC LIMIT 1), '')"
            " FROM workspace_languages w WHERE w.platform = ? AND w.workspace = ?",
            (where.platform, where.workspace),
        )
        if row is None:
            return None
        return WorkspaceLanguage(str(row[0]), str(row[1]), str(row[2]))

    async def remembered(self, where: Workspace, now: dt.datetime) -> str | None:
        """The default's language, from memory when read within CACHE_FOR; when the database
        cannot answer, what was last read (else None: the platform's word applies)."""
        held = self._cache.get(where)
        if held is not None and now - held[1] < CACHE_FOR:
            return held[0]
        try:
            found = await self.current(where)
        except Refused:  # unavailable or busy: the language last known
            return held[0] if held is not None else None
        language = None if found is None else found.language
        self._cache[where] = (language, now)
        self._cache.move_to_end(where)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return language

    async def change(self, setting: LanguageSetting) -> None:
        """Set the default (or clear it: language ""), and log who did, in one transaction."""
        where = setting.where

        async def job(conn: Conn) -> None:
            if setting.language:
                await conn.execute(
                    "INSERT INTO workspace_languages (platform, workspace, language, set_at)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (platform, workspace)"
                    " DO UPDATE SET language = excluded.language, set_at = excluded.set_at",
                    (where.platform, where.workspace, setting.language, setting.at),
                )
            else:
                await conn.execute(
                    "DELETE FROM workspace_languages WHERE platform = ? AND workspace = ?",
                    (where.platform, where.workspace),
                )
            await conn.execute(
                "INSERT INTO workspace_language_log (at, platform, workspace, user_id, language)"
                " VALUES (?, ?, ?, ?, ?)",
                (setting.at, where.platform, where.workspace, setting.user_id, setting.language),
            )

        await self._db.write(job)
        self._cache.pop(where, None)


async def describe_author(db: Db, platform: str, user_id: str) -> list[str]:
    """/mydata's lines: each change of a workspace's language this person made."""
    rows = await db.fetchall(
        "SELECT at, workspace, language FROM workspace_language_log"
        " WHERE platform = ? AND user_id = ? ORDER BY id",
        (platform, user_id),
    )
    return [_author_line(str(r[0]), str(r[1]), str(r[2])) for r in rows]


def _author_line(at: str, workspace: str, language: str) -> str:
    if not language:
        return _("{day}: workspace {workspace} set back to its platform's language").format(
            day=format_stamp(at[:10]), workspace=workspace
        )
    return _("{day}: workspace {workspace} set to {language}").format(
        day=format_stamp(at[:10]), workspace=workspace, language=language_name(language)
    )


async def erase_author(conn: Conn, platform: str, user_id: str) -> int:
    """Keep each change (the workspace's history), without its author's id."""
    cursor = await conn.execute(
        "UPDATE workspace_language_log SET user_id = '' WHERE platform = ? AND user_id = ?",
        (platform, user_id),
    )
    return max(cursor.rowcount, 0)
