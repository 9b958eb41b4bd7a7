"""Is this fact already on record? The same subject, kind, date and source is one fact, so
entering or importing it again adds nothing (and says so) instead of a second copy."""

from __future__ import annotations

from storage.sql import Conn


async def event_on_record(
    conn: Conn, company_id: int, happened: str, kind: str, url: str
) -> int | None:
    return await _id(
        conn,
        "SELECT e.id FROM company_events e JOIN sources s ON s.id = e.source_id"
        " WHERE e.company_id = ? AND e.happened = ? AND e.kind = ? AND s.url = ?",
        (company_id, happened, kind, url),
    )


async def law_on_record(
    conn: Conn, jurisdiction_key: str, kind: str, enacted: str, url: str
) -> int | None:
    return await _id(
        conn,
        "SELECT l.id FROM laws l JOIN sources s ON s.id = l.source_id"
        " WHERE l.jurisdiction_key = ? AND l.kind = ? AND l.enacted = ? AND s.url = ?",
        (jurisdiction_key, kind, enacted, url),
    )


async def _id(conn: Conn, sql: str, params: tuple[object, ...]) -> int | None:
    async with conn.execute(sql, params) as cursor:
        row = await cursor.fetchone()
    return None if row is None else int(row[0])
