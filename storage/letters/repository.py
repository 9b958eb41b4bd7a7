"""LetterStore: the letter and petition templates organizers add, and the public-records law
a state's letters cite (from the seed). Each query is written in the method that runs it."""

from __future__ import annotations

import builtins
import tomllib
from functools import cache

from storage.errors import Refused
from storage.letters.models import (
    TEMPLATE_COLUMNS,
    RecordsLaw,
    StoredTemplate,
    template_from_row,
)
from storage.seed import SEED_FILE
from storage.sql import Conn, Db


@cache
def _records_laws() -> dict[str, RecordsLaw]:
    """Read once from the seed file: reference data beside the facts, not edited from chat,
    so it needs no table of its own (and no migration)."""
    data = tomllib.loads(SEED_FILE.read_text(encoding="utf-8"))
    return {
        entry["state"]: RecordsLaw(
            entry["state"],
            entry["name"],
            entry.get("name_es", ""),
            entry["source"]["url"],
            entry["source"].get("publisher", ""),
        )
        for entry in data.get("records_laws", [])
    }


class TemplateNameTaken(Refused):
    """The name is already used by another workspace's template (names are global so
    that campaigns can name one); the message says so to whoever tried."""


class LetterStore:
    """Letter and petition templates that organizers add."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def save(self, template: StoredTemplate) -> bool:
        """Add it, or replace the same workspace's template of that name and language.

        True when it replaced one. Raises TemplateNameTaken (a storage.errors.Refused) when
        another workspace owns the name (names are unique so that campaigns can name a
        template)."""

        async def job(conn: Conn) -> bool:
            async with conn.execute(
                "SELECT workspace FROM letter_templates WHERE name = ? AND workspace <> ? LIMIT 1",
                (template.name, template.workspace),
            ) as cursor:
                if await cursor.fetchone() is not None:
                    raise TemplateNameTaken(
                        f"Another workspace already has a template called {template.name};"
                        " choose another name."
                    )
            async with conn.execute(
                "SELECT 1 FROM letter_templates WHERE name = ? AND language = ?",
                (template.name, template.language),
            ) as cursor:
                existed = await cursor.fetchone() is not None
            await conn.execute(
                f"INSERT INTO letter_templates ({TEMPLATE_COLUMNS})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
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
        return _records_laws().get(state.upper())

    async def get(self, name: str, workspace: str | None = None) -> builtins.list[StoredTemplate]:
        """Every language of one template; in any workspace when `workspace` is None."""
        sql = f"SELECT {TEMPLATE_COLUMNS} FROM letter_templates WHERE name = ?"
        params: builtins.list[object] = [name]
        if workspace is not None:
            sql += " AND workspace = ?"
            params.append(workspace)
        rows = await self._db.fetchall(sql + " ORDER BY language", params)
        return [template_from_row(row) for row in rows]
