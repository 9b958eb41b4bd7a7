"""Custom letter templates, and the few fact reads letters need beyond storage.facts.

Write functions run inside a `Db.write` job; reads use the read connection.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass

from storage.errors import Refused
from storage.seed.records_laws import RecordsLaw, records_law
from storage.sql import Conn, Db, Row


class TemplateNameTaken(Refused):
    """The name is already used by another workspace's template (names are global so
    that campaigns can name one); the message says so to whoever tried."""


@dataclass(frozen=True)
class StoredTemplate:
    name: str
    language: str
    kind: str
    title: str
    purpose: str
    body: str
    workspace: str
    author_platform: str
    author_id: str
    author_name: str
    created: str


_COLUMNS = (
    "name, language, kind, title, purpose, body, workspace, author_platform, author_id,"
    " author_name, created"
)


def _stored(row: Row) -> StoredTemplate:
    return StoredTemplate(*(row[i] for i in range(11)))


async def save_template(conn: Conn, template: StoredTemplate) -> bool:
    """Insert, or replace the same workspace's template of that name and language.

    Returns True when it replaced one. Raises TemplateNameTaken when the name belongs
    to another workspace (names are unique so that campaigns can name a template).
    """
    async with conn.execute(
        "SELECT workspace FROM letter_templates WHERE name = ? AND workspace <> ? LIMIT 1",
        (template.name, template.workspace),
    ) as cursor:
        if await cursor.fetchone() is not None:
            raise TemplateNameTaken(
                f"Another workspace already has a template called {template.name}; choose"
                " another name."
            )
    async with conn.execute(
        "SELECT 1 FROM letter_templates WHERE name = ? AND language = ?",
        (template.name, template.language),
    ) as cursor:
        existed = await cursor.fetchone() is not None
    await conn.execute(
        f"INSERT INTO letter_templates ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (name, language) DO UPDATE SET kind = excluded.kind,"
        " title = excluded.title, purpose = excluded.purpose, body = excluded.body,"
        " author_platform = excluded.author_platform, author_id = excluded.author_id,"
        " author_name = excluded.author_name, created = excluded.created",
        (
            template.name,
            template.language,
            template.kind,
            template.title,
            template.purpose,
            template.body,
            template.workspace,
            template.author_platform,
            template.author_id,
            template.author_name,
            template.created,
        ),
    )
    return existed


async def delete_template(conn: Conn, workspace: str, name: str) -> int:
    """Remove every language of a workspace's template; returns how many rows went."""
    cursor = await conn.execute(
        "DELETE FROM letter_templates WHERE workspace = ? AND name = ?", (workspace, name)
    )
    return cursor.rowcount


async def templates_for_workspace(db: Db, workspace: str) -> list[StoredTemplate]:
    rows = await db.fetchall(
        f"SELECT {_COLUMNS} FROM letter_templates WHERE workspace = ? ORDER BY name, language",
        (workspace,),
    )
    return [_stored(row) for row in rows]


async def find_template(db: Db, name: str, workspace: str | None = None) -> list[StoredTemplate]:
    """Every language of one template; any workspace when `workspace` is None."""
    sql = f"SELECT {_COLUMNS} FROM letter_templates WHERE name = ?"
    params: list[object] = [name]
    if workspace is not None:
        sql += " AND workspace = ?"
        params.append(workspace)
    rows = await db.fetchall(sql + " ORDER BY language", params)
    return [_stored(row) for row in rows]


async def templates_by_author(db: Db, platform: str, user_id: str) -> list[StoredTemplate]:
    """What one person added (their privacy export)."""
    rows = await db.fetchall(
        f"SELECT {_COLUMNS} FROM letter_templates WHERE author_platform = ? AND author_id = ?"
        " ORDER BY created, name, language",
        (platform, user_id),
    )
    return [_stored(row) for row in rows]


ERASED_AUTHOR = "(a former member)"


async def describe_author(db: Db, platform: str, user_id: str) -> list[str]:
    """The templates a person added, one line each (for /mydata)."""
    return [
        f"{t.name} ({t.language}, {t.kind}) in workspace {t.workspace}: added {t.created}"
        f' as "{t.author_name}"'
        for t in await templates_by_author(db, platform, user_id)
    ]


async def erase_author(conn: Conn, platform: str, user_id: str) -> int:
    """Privacy erasure: the templates stay with their workspace, the author's identity goes."""
    cursor = await conn.execute(
        "UPDATE letter_templates SET author_platform = '', author_id = '', author_name = ?"
        " WHERE author_platform = ? AND author_id = ?",
        (ERASED_AUTHOR, platform, user_id),
    )
    return max(cursor.rowcount, 0)


class SqlLetters:
    """LetterStore in SQL (SQLite or PostgreSQL)."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def save(self, template: StoredTemplate) -> bool:
        async def job(conn: Conn) -> bool:
            return await save_template(conn, template)

        return await self._db.write(job)

    async def remove(self, workspace: str, name: str) -> int:
        async def job(conn: Conn) -> int:
            return await delete_template(conn, workspace, name)

        return await self._db.write(job)

    async def list(self, workspace: str) -> builtins.list[StoredTemplate]:
        return await templates_for_workspace(self._db, workspace)

    async def records_law(self, state: str) -> RecordsLaw | None:
        return records_law(state)

    async def get(self, name: str, workspace: str | None = None) -> builtins.list[StoredTemplate]:
        return await find_template(self._db, name, workspace)
