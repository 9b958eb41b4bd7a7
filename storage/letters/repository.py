"""LetterStore: the letter and petition templates organizers add, and the public-records law
a state's letters cite (from the seed). Each query is written in the method that runs it."""

from __future__ import annotations

import builtins

from storage.letters.models import (
    TEMPLATE_COLUMNS,
    StoredTemplate,
    template_from_row,
)
from storage.seed.records_laws import RecordsLaw, records_law
from storage.sql import Conn, Db


class LetterStore:
    """Letter and petition templates that organizers add."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def save(self, template: StoredTemplate) -> bool:
        """Add it, or replace the same workspace's template of that name and language.

        True when it replaced one. Names are a workspace's own (migration 0016): another
        workspace's template of that name is neither touched nor revealed."""

        async def job(conn: Conn) -> bool:
            async with conn.execute(
                "SELECT 1 FROM letter_templates WHERE workspace = ? AND name = ? AND language = ?",
                (template.workspace, template.name, template.language),
            ) as cursor:
                existed = await cursor.fetchone() is not None
            await conn.execute(
                f"INSERT INTO letter_templates ({TEMPLATE_COLUMNS})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (workspace, name, language) DO UPDATE SET kind = excluded.kind,"
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

        return await self._db.write(job)

    async def remove(self, workspace: str, name: str) -> int:
        """Remove every language of a workspace's template; how many versions went."""

        async def job(conn: Conn) -> int:
            cursor = await conn.execute(
                "DELETE FROM letter_templates WHERE workspace = ? AND name = ?", (workspace, name)
            )
            return cursor.rowcount

        return await self._db.write(job)

    async def list(self, workspace: str) -> builtins.list[StoredTemplate]:
        """A workspace's templates, by name then language."""
        rows = await self._db.fetchall(
            f"SELECT {TEMPLATE_COLUMNS} FROM letter_templates WHERE workspace = ?"
            " ORDER BY name, language",
            (workspace,),
        )
        return [template_from_row(row) for row in rows]

    async def records_law(self, state: str) -> RecordsLaw | None:
        """The state's public-records law when the seed names it with a source, else None."""
        return records_law(state)

    async def get(self, name: str, workspace: str) -> builtins.list[StoredTemplate]:
        """Every language of one workspace's template (names are a workspace's own)."""
        rows = await self._db.fetchall(
            f"SELECT {TEMPLATE_COLUMNS} FROM letter_templates WHERE workspace = ? AND name = ?"
            " ORDER BY language",
            (workspace, name),
        )
        return [template_from_row(row) for row in rows]
