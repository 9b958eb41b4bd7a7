"""What /mydata shows of the templates a person added, and /forgetme's erasure of their name
from them (providers of storage/privacy/repository.py): the templates stay with their
workspace."""

from __future__ import annotations

from lexicon.i18n import _
from lexicon.sources import said_date
from storage.letters.models import TEMPLATE_COLUMNS, StoredTemplate, template_from_row
from storage.sql import Conn, Db


async def templates_by_author(db: Db, platform: str, user_id: str) -> list[StoredTemplate]:
    """What one person added (their privacy export)."""
    rows = await db.fetchall(
        f"SELECT {TEMPLATE_COLUMNS} FROM letter_templates"
        " WHERE author_platform = ? AND author_id = ? ORDER BY created, name, language",
        (platform, user_id),
    )
    return [template_from_row(row) for row in rows]


ERASED_AUTHOR = "(a former member)"


async def describe_author(db: Db, platform: str, user_id: str) -> list[str]:
    """The templates a person added, one line each (for /mydata)."""
    return [
        _('{name} ({language}, {kind}) in workspace {workspace}: added {day} as "{author}"').format(
            name=t.name,
            language=t.language,
            kind=t.kind,
            workspace=t.workspace,
            day=said_date(t.created),
            author=t.author_name,
        )
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
