"""What an admin command looks up before it changes anything (outside any write job)."""

from __future__ import annotations

from typing import Any

from storage.fact_edits.jobs import TABLE_OF_KIND
from storage.fact_edits.models import AgencyRef, CompanyRef, FactRef, LawRef
from storage.facts.write import name_key
from storage.sql import Db


def _agency(row: Any) -> AgencyRef:
    return AgencyRef(int(row["id"]), row["name"], row["state"], row["city"])


async def agency_named(db: Db, name: str, state: str) -> AgencyRef | None:
    row = await db.fetchone(
        "SELECT * FROM agencies WHERE name_key = ? AND state = ?", (name_key(name), state)
    )
    return None if row is None else _agency(row)


async def agencies(db: Db, ids: tuple[int, ...]) -> list[AgencyRef]:
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = await db.fetchall(f"SELECT * FROM agencies WHERE id IN ({marks}) ORDER BY name", ids)
    return [_agency(r) for r in rows]


async def company(db: Db, name: str) -> CompanyRef | None:
    row = await db.fetchone(
        "SELECT c.id, c.slug, c.name FROM company_aliases ca"
        " JOIN companies c ON c.id = ca.company_id WHERE ca.alias = ?",
        (name_key(name),),
    )
    return None if row is None else CompanyRef(int(row["id"]), row["slug"], row["name"])


async def company_names(db: Db) -> list[str]:
    rows = await db.fetchall("SELECT name FROM companies ORDER BY lower(name), name")
    return [str(r[0]) for r in rows]


async def fact_exists(db: Db, fact: FactRef) -> bool:
    # Only the fixed table names of TABLE_OF_KIND ever reach the SQL.
    table = TABLE_OF_KIND[fact.kind]
    row = await db.fetchone(
        f"SELECT 1 FROM {table} t JOIN sources s ON s.id = t.source_id WHERE t.id = ?",
        (fact.id,),
    )
    return row is not None


async def laws_of_jurisdiction(db: Db, jurisdiction: str) -> list[LawRef]:
    """Every writer keys laws with name_key(), so 'oakland,  ca' finds 'Oakland, CA'."""
    rows = await db.fetchall(
        "SELECT id, kind, enacted, status FROM laws WHERE jurisdiction_key = ?"
        " ORDER BY enacted, id",
        (name_key(jurisdiction),),
    )
    return [LawRef(int(r["id"]), r["kind"], str(r["enacted"]), r["status"]) for r in rows]
