"""Undo: put back exactly the rows a change wrote, as one audited change of its own.

Runs inside one `Database.write` job: either every row is restored and the undo is in the
audit log, or nothing changed. An undo is refused (nothing changes) when a later change
touched the same facts, or when a row no longer matches what the change left behind.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from lexicon.i18n import N_
from lexicon.stored import store, store_plural
from storage.audit import (
    FACT_PREFIX,
    Author,
    ChangeEntry,
    ChangeRefused,
    Row,
    RowWrite,
    loads,
    record_change,
    snapshot,
)
from storage.sql import Conn

# Facts an import may create, children before parents (deletes must not cascade into others).
_IMPORT_TABLES = ("deployments", "company_events", "laws", "agencies")


@dataclass(frozen=True)
class UndoResult:
    change_id: int  # the undo's own change id
    undone_id: int
    undone_summary: str
    subjects: tuple[str, ...]
    rows: int  # rows restored or deleted


def label(table: str, row_id: int) -> str:
    prefix = FACT_PREFIX.get(table)
    return f"{prefix}{row_id}" if prefix else f"{table} row {row_id}"


async def undo_change(conn: Conn, change_id: int, author: Author, at: str) -> UndoResult:
    # Lock the change first (a write that changes nothing): on PostgreSQL an undo of the same
    # change running in another process waits here until it committed, then reads
    # `undone_by` set and is told so, rather than undoing it twice or being refused with a
    # wrong reason. SQLite's write lock already serialises the two.
    await conn.execute("UPDATE changes SET undone_by = undone_by WHERE id = ?", (change_id,))
    async with conn.execute(
        "SELECT action, undone_by, summary, source_url, target_table, target_id,"
        " before_json, after_json"
        " FROM changes WHERE id = ?",
        (change_id,),
    ) as cursor:
        change = await cursor.fetchone()
    if change is None:
        raise ChangeRefused(store(N_("There is no change C{change}."), change=str(change_id)))
    if change["action"] == "refused":
        raise ChangeRefused(
            store(N_("C{change} is a refused attempt: it changed nothing."), change=str(change_id))
        )
    if change["action"] == "undo":
        raise ChangeRefused(
            store(
                N_("C{change} is itself an undo; to redo, run the command again."),
                change=str(change_id),
            )
        )
    if change["undone_by"] is not None:
        raise ChangeRefused(
            store(
                N_("C{change} was already undone by C{undo}."),
                change=str(change_id), undo=str(change["undone_by"]),
            )
        )  # fmt: skip
    blocker = await _later_change_touching(conn, change_id)
    if blocker is not None:
        raise ChangeRefused(
            store(
                N_("C{blocker} changed the same facts after C{change}; undo C{blocker} first."),
                blocker=str(blocker), change=str(change_id),
            )
        )  # fmt: skip
    writes: list[RowWrite] = []
    if change["action"] == "import":
        count = await _delete_imported(conn, change_id)
        if change["target_table"] == "datasets":
            await _restore_dataset(conn, loads(change["before_json"]), loads(change["after_json"]))
    else:
        writes = await _restore_rows(conn, change_id)
        count = len(writes)
    async with conn.execute(
        "SELECT subject_key FROM change_subjects WHERE change_id = ?", (change_id,)
    ) as cursor:
        subjects = tuple(str(row[0]) for row in await cursor.fetchall())
    entry = ChangeEntry(
        author=author,
        at=at,
        command="facts undo",
        action="undo",
        source_url=change["source_url"],
        summary=store(
            N_("undid C{change} ({summary})"), change=str(change_id), summary=change["summary"]
        ),
        target_table=change["target_table"],
        target_id=change["target_id"],
        subjects=subjects,
        undoes=change_id,
    )
    new_id = await record_change(conn, entry, writes)
    return UndoResult(new_id, change_id, change["summary"], subjects, count)


async def _later_change_touching(conn: Conn, change_id: int) -> int | None:
    """The first later, still-standing change that wrote a row this change wrote.

    Sources are shared by many facts and never edited in place, so they do not count.
    """
    mine = (
        "(EXISTS (SELECT 1 FROM change_rows m WHERE m.change_id = :id"
        "  AND m.table_name = x.table_name AND m.row_id = x.row_id)"
        " OR EXISTS (SELECT 1 FROM change_created m WHERE m.change_id = :id"
        "  AND m.table_name = x.table_name AND m.row_id = x.row_id))"
    )
    sql = (
        "SELECT MIN(c.id) FROM changes c WHERE c.id > :id AND c.undone_by IS NULL"
        " AND c.action IN ('create', 'update', 'delete', 'import') AND ("
        f" EXISTS (SELECT 1 FROM change_rows x WHERE x.change_id = c.id"
        f"  AND x.table_name <> 'sources' AND {mine})"
        f" OR EXISTS (SELECT 1 FROM change_created x WHERE x.change_id = c.id"
        f"  AND x.table_name <> 'sources' AND {mine}))"
    )
    async with conn.execute(sql, {"id": change_id}) as cursor:
        row = await cursor.fetchone()
    return None if row is None or row[0] is None else int(row[0])


async def _restore_rows(conn: Conn, change_id: int) -> list[RowWrite]:
    async with conn.execute(
        "SELECT table_name, row_id, before_json, after_json FROM change_rows"
        " WHERE change_id = ? ORDER BY seq DESC",
        (change_id,),
    ) as cursor:
        rows = list(await cursor.fetchall())
    writes: list[RowWrite] = []
    for row in rows:
        table, row_id = str(row["table_name"]), int(row["row_id"])
        before, after = loads(row["before_json"]), loads(row["after_json"])
        current = await snapshot(conn, table, row_id)
        if table == "sources":
            # A source the change created goes only if nothing cites it any more.
            if before is None and current is not None and not await _source_cited(conn, row_id):
                await conn.execute("DELETE FROM sources WHERE id = ?", (row_id,))
                writes.append(RowWrite(table, row_id, current, None))
            continue
        if current != after:
            raise ChangeRefused(
                store(
                    N_("{fact} changed since C{change} outside the audit log (an import or"
                       " seed?); nothing was undone."),
                    fact=label(table, row_id), change=str(change_id),
                )
            )  # fmt: skip
        await _put_back(conn, table, row_id, before, current)
        writes.append(RowWrite(table, row_id, current, before))
    return writes


async def _put_back(
    conn: Conn, table: str, row_id: int, before: Row | None, current: Row | None
) -> None:
    if before is None:
        if table == "agencies" and await _agency_has_facts(conn, row_id):
            raise ChangeRefused(
                store(
                    N_("Agency {id}, created by that change, now has other facts; remove them"
                       " first."),
                    id=str(row_id),
                )
            )  # fmt: skip
        await conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        return
    columns = [c for c in before if c != "id"]
    values = [before[c] for c in columns]
    if current is None:
        # The removed fact comes back under its own id (D123 stays D123).
        try:
            await conn.execute(
                f"INSERT INTO {table} (id, {', '.join(columns)})"
                f" VALUES (?, {', '.join('?' * len(columns))})",
                (row_id, *values),
            )
        except sqlite3.IntegrityError:
            raise ChangeRefused(
                store(
                    N_("{fact} cannot come back: an equal fact was added since."),
                    fact=label(table, row_id),
                )
            ) from None
        return
    assignments = ", ".join(f"{c} = ?" for c in columns)
    await conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", (*values, row_id))


async def _agency_has_facts(conn: Conn, agency_id: int) -> bool:
    async with conn.execute(
        "SELECT 1 FROM deployments WHERE agency_id = ? LIMIT 1", (agency_id,)
    ) as cursor:
        return await cursor.fetchone() is not None


async def _source_cited(conn: Conn, source_id: int) -> bool:
    async with conn.execute(
        "SELECT EXISTS (SELECT 1 FROM deployments WHERE source_id = :s)"
        " OR EXISTS (SELECT 1 FROM company_events WHERE source_id = :s)"
        " OR EXISTS (SELECT 1 FROM laws WHERE source_id = :s)"
        " OR EXISTS (SELECT 1 FROM governing_bodies WHERE source_id = :s)"
        " OR EXISTS (SELECT 1 FROM officials WHERE source_id = :s)",
        {"s": source_id},
    ) as cursor:
        row = await cursor.fetchone()
    return bool(row and row[0])


async def _delete_imported(conn: Conn, change_id: int) -> int:
    """Delete what an import created: set-based statements, one per table, in this job."""
    created = "SELECT row_id FROM change_created WHERE change_id = :id AND table_name = '{}'"
    async with conn.execute(
        f"SELECT COUNT(*) FROM deployments WHERE agency_id IN ({created.format('agencies')})"
        f" AND id NOT IN ({created.format('deployments')})",
        {"id": change_id},
    ) as cursor:
        row = await cursor.fetchone()
    others = int(row[0]) if row else 0
    if others:
        raise ChangeRefused(
            store_plural(
                "{n:,} later fact belong to agencies this import created; remove them first."
                " Nothing was undone.",
                "{n:,} later facts belong to agencies this import created; remove them first."
                " Nothing was undone.",
                others,
            )
        )
    total = 0
    for table in _IMPORT_TABLES:
        cursor = await conn.execute(
            f"DELETE FROM {table} WHERE id IN ({created.format(table)})", {"id": change_id}
        )
        total += max(cursor.rowcount, 0)
    # Sources are shared: only those the import created and nothing cites any more go.
    cursor = await conn.execute(
        f"DELETE FROM sources WHERE id IN ({created.format('sources')})"
        " AND NOT EXISTS (SELECT 1 FROM deployments d WHERE d.source_id = sources.id)"
        " AND NOT EXISTS (SELECT 1 FROM company_events e WHERE e.source_id = sources.id)"
        " AND NOT EXISTS (SELECT 1 FROM laws l WHERE l.source_id = sources.id)"
        " AND NOT EXISTS (SELECT 1 FROM governing_bodies b WHERE b.source_id = sources.id)"
        " AND NOT EXISTS (SELECT 1 FROM officials o WHERE o.source_id = sources.id)",
        {"id": change_id},
    )
    return total + max(cursor.rowcount, 0)


async def _restore_dataset(conn: Conn, before: Row | None, after: Row | None) -> None:
    """An import also stamps its dataset ('eff-atlas', as of): put that back too."""
    if before is None:
        if after is not None:
            await conn.execute("DELETE FROM datasets WHERE name = ?", (after["name"],))
        return
    columns = list(before)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "name")
    await conn.execute(
        f"INSERT INTO datasets ({', '.join(columns)})"
        f" VALUES ({', '.join('?' * len(columns))}) ON CONFLICT (name) DO UPDATE SET {updates}",
        [before[c] for c in columns],
    )
