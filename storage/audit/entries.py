"""Writing audit entries: a change with its row writes, an import's created ids, a refusal.

A change is written inside the same `Db.write` job as the fact rows it touches, so a
fact never changes without its audit entry (and vice versa).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from storage.audit.models import (
    SOURCE_URL_KEY,
    Author,
    ChangeEntry,
    Row,
    RowWrite,
    check_table,
    dumps,
)
from storage.sql import Conn, Db, returned_id


async def record_change(conn: Conn, entry: ChangeEntry, writes: Iterable[RowWrite] = ()) -> int:
    """Insert the audit entry and its row writes; returns the change id."""
    writes = list(writes)
    target = next(
        (w for w in writes if w.table == entry.target_table and w.row_id == entry.target_id), None
    )
    author = entry.author
    before = await _as_shown(conn, target.before if target else entry.before, writes)
    after = await _as_shown(conn, target.after if target else entry.after, writes)
    cursor = await conn.execute(
        "INSERT INTO changes (at, platform, workspace, user_id, user_name, command, action,"
        " target_table, target_id, before_json, after_json, source_url, summary, undoes)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            entry.at,
            author.platform,
            author.workspace,
            author.user_id,
            author.user_name,
            entry.command,
            entry.action,
            entry.target_table,
            entry.target_id,
            dumps(before),
            dumps(after),
            entry.source_url,
            entry.summary,
            entry.undoes,
        ),
    )
    change_id = await returned_id(cursor)
    await conn.executemany(
        "INSERT INTO change_rows (change_id, seq, table_name, row_id, before_json, after_json)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (change_id, seq, w.table, w.row_id, dumps(w.before), dumps(w.after))
            for seq, w in enumerate(writes)
        ],
    )
    await record_subjects(conn, change_id, entry.subjects)
    if entry.undoes is not None:
        await conn.execute(
            "UPDATE changes SET undone_by = ? WHERE id = ?", (change_id, entry.undoes)
        )
    return change_id


async def _as_shown(conn: Conn, row: Row | None, writes: list[RowWrite]) -> Row | None:
    """The row with the URL its source_id names now, inside the change's transaction: the
    entry then reads the same whatever later happens to that source row."""
    if row is None or row.get("source_id") is None:
        return row
    source_id = int(str(row["source_id"]))
    # A source this change created or deleted (an undo deletes its change's new source
    # before the entry is written) is in the change's own writes.
    written = (
        w.after or w.before for w in writes if w.table == "sources" and w.row_id == source_id
    )
    url = next((str(r["url"]) for r in written if r is not None), None)
    if url is None:
        async with conn.execute("SELECT url FROM sources WHERE id = ?", (source_id,)) as cursor:
            found = await cursor.fetchone()
        url = None if found is None else str(found[0])
    return row if url is None else {**row, SOURCE_URL_KEY: url}


async def record_created(conn: Conn, change_id: int, created: Mapping[str, Iterable[int]]) -> int:
    """Remember the ids an import created (one executemany per table); returns the count."""
    total = 0
    for table, ids in created.items():
        rows = [(change_id, check_table(table), int(row_id)) for row_id in ids]
        await conn.executemany(
            "INSERT INTO change_created (change_id, table_name, row_id) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            rows,
        )
        total += len(rows)
    return total


async def record_subjects(conn: Conn, change_id: int, keys: Iterable[str]) -> None:
    await conn.executemany(
        "INSERT INTO change_subjects (change_id, subject_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(change_id, key) for key in dict.fromkeys(keys)],
    )


async def record_refusal(db: Db, author: Author, at: str, command: str) -> int:
    """A refused attempt (wrong role), numbered apart from changes (R1, R2, ...)."""
    rows = await db.write_statement(
        "INSERT INTO refusals (at, platform, workspace, user_id, user_name, command)"
        " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        (at, author.platform, author.workspace, author.user_id, author.user_name, command),
    )
    return int(rows[0][0])
