"""What members read: every method runs on the read-only connection and returns
frozen values from `storage.facts.models`."""

from __future__ import annotations

from collections.abc import Iterable

from storage.facts.models import (
    RING_TECHNOLOGY,
    Agency,
    AgencyName,
    Company,
    CompanyEvent,
    CompanyStatus,
    Count,
    Dataset,
    Deployment,
    Law,
    LawPlace,
    RingTotals,
    deployment_order,
)
from storage.facts.rows import (
    AGENCY_COLUMNS,
    CHUNK,
    DEPLOYMENT_SQL,
    EVENT_COLUMNS,
    LAW_SQL,
    agency_of,
    company_of,
    deployment_of,
    event_of,
    law_of,
)
from storage.facts.write import name_key
from storage.sql import Db


def ring_rows(state: str | None) -> tuple[str, list[object]]:
    """The WHERE clause (deployments d joined to agencies a) of Ring partnership rows, in one
    state or all, with its parameters."""
    if state:
        return "d.technology = ? AND a.state = ?", [RING_TECHNOLOGY, state]
    return "d.technology = ?", [RING_TECHNOLOGY]


class FactsStore:
    """What members read: frozen values, never rows."""

    def __init__(self, db: Db) -> None:
        self._db = db

    # --- companies -------------------------------------------------------------------------

    async def company_by_alias(self, alias: str) -> Company | None:
        """The company a name or alias ('aws', 'Amazon Rekognition') stands for, exactly."""
        row = await self._db.fetchone(
            "SELECT c.id AS c_id, c.slug, c.name AS c_name, c.topic FROM company_aliases ca"
            " JOIN companies c ON c.id = ca.company_id WHERE ca.alias = ?",
            (name_key(alias),),
        )
        return None if row is None else company_of(row)

    async def company_aliases(self) -> list[tuple[str, Company]]:
        """Every alias with its company, for forgiving matching and autocomplete."""
        rows = await self._db.fetchall(
            "SELECT ca.alias, c.id AS c_id, c.slug, c.name AS c_name, c.topic"
            " FROM company_aliases ca"
            " JOIN companies c ON c.id = ca.company_id ORDER BY c.name, ca.alias"
        )
        return [(row["alias"], company_of(row)) for row in rows]

    async def company_timeline(self, company_id: int) -> list[CompanyEvent]:
        rows = await self._db.fetchall(
            f"SELECT {EVENT_COLUMNS} FROM company_events e"
            " JOIN companies c ON c.id = e.company_id JOIN sources s ON s.id = e.source_id"
            " WHERE e.company_id = ? ORDER BY e.happened, e.id",
            (company_id,),
        )
        return [event_of(row) for row in rows]

    async def companies_with_status(self) -> list[CompanyStatus]:
        """Every company, each with its latest event that carries a status (by date, then entry)."""
        rows = await self._db.fetchall(
            f"SELECT {EVENT_COLUMNS} FROM companies c"
            " LEFT JOIN company_events e ON e.id = ("
            "   SELECT e2.id FROM company_events e2 WHERE e2.company_id = c.id AND e2.status <> ''"
            "   ORDER BY e2.happened DESC, e2.id DESC LIMIT 1)"
            " LEFT JOIN sources s ON s.id = e.source_id ORDER BY lower(c.name), c.name"
        )
        return [
            CompanyStatus(company_of(row), None if row["happened"] is None else event_of(row))
            for row in rows
        ]

    async def current_status(self, company_id: int) -> CompanyEvent | None:
        """The latest event of one company that carries a status."""
        row = await self._db.fetchone(
            f"SELECT {EVENT_COLUMNS} FROM company_events e JOIN companies c ON c.id = e.company_id"
            " JOIN sources s ON s.id = e.source_id WHERE e.company_id = ? AND e.status <> ''"
            " ORDER BY e.happened DESC, e.id DESC LIMIT 1",
            (company_id,),
        )
        return None if row is None else event_of(row)

    # --- agencies and deployments ----------------------------------------------------------

    async def all_agencies(self) -> list[Agency]:
        """Every agency; the place index is built from these."""
        rows = await self._db.fetchall(f"SELECT {AGENCY_COLUMNS} FROM agencies a ORDER BY a.id")
        return [agency_of(row) for row in rows]

    async def deployments_for_agencies(
        self, agency_ids: Iterable[int], technology: str | None = None
    ) -> list[Deployment]:
        """Deployments of these agencies (optionally one technology), by agency then start date."""
        ids = list(dict.fromkeys(agency_ids))
        found: list[Deployment] = []
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            marks = ", ".join("?" * len(chunk))
            sql = f"{DEPLOYMENT_SQL} WHERE d.agency_id IN ({marks})"
            params: list[object] = list(chunk)
            if technology is not None:
                sql += " AND d.technology = ?"
                params.append(technology)
            found.extend(deployment_of(row) for row in await self._db.fetchall(sql, params))
        found.sort(key=deployment_order)
        return found

    async def ring_partnerships(self, state: str | None = None) -> list[Deployment]:
        """Ring/Neighbors partnership rows, optionally for one state."""
        where, params = ring_rows(state)
        rows = await self._db.fetchall(
            f"{DEPLOYMENT_SQL} WHERE {where} ORDER BY a.state, a.name, d.id", params
        )
        return [deployment_of(row) for row in rows]

    async def ring_counts_by_state(self) -> list[Count]:
        """Agencies with a Ring partnership per state, most first (an agency once however
        many rows it has)."""
        rows = await self._db.fetchall(
            "SELECT a.state AS key, COUNT(DISTINCT d.agency_id) AS n FROM deployments d"
            " JOIN agencies a ON a.id = d.agency_id WHERE d.technology = ?"
            " GROUP BY a.state ORDER BY n DESC, a.state",
            (RING_TECHNOLOGY,),
        )
        return [Count(row["key"], row["n"]) for row in rows]

    async def ring_counts_by_year(self, state: str | None = None) -> list[Count]:
        """Agencies by the year they first joined ('' when no date is on record)."""
        where, params = ring_rows(state)
        rows = await self._db.fetchall(
            "SELECT COALESCE(substr(first, 1, 4), '') AS key, COUNT(*) AS n FROM ("
            "  SELECT MIN(d.started) AS first FROM deployments d"
            f"  JOIN agencies a ON a.id = d.agency_id WHERE {where} GROUP BY d.agency_id"
            ") AS firsts GROUP BY key ORDER BY key",
            params,
        )
        return [Count(row["key"], row["n"]) for row in rows]

    async def ring_counts_by_month(self, state: str | None = None) -> list[Count]:
        """Agencies by the month (YYYY-MM) they first joined, oldest first; dates known only
        to the year (stored at their precision, 'YYYY') are left out."""
        where, params = ring_rows(state)
        rows = await self._db.fetchall(
            "SELECT substr(first, 1, 7) AS key, COUNT(*) AS n FROM ("
            "  SELECT MIN(d.started) AS first FROM deployments d"
            f"  JOIN agencies a ON a.id = d.agency_id WHERE {where} GROUP BY d.agency_id"
            ") AS firsts WHERE length(first) >= 7 GROUP BY key ORDER BY key",
            params,
        )
        return [Count(row["key"], row["n"]) for row in rows]

    async def ring_totals(self, state: str | None = None) -> RingTotals:
        """How many agencies partner with Ring, in how many rows, and how many ended."""
        where, params = ring_rows(state)
        row = await self._db.fetchone(
            "SELECT COUNT(DISTINCT d.agency_id) AS agencies, COUNT(*) AS rows_,"
            " COUNT(DISTINCT CASE WHEN d.ended IS NOT NULL THEN d.agency_id END) AS ended"
            f" FROM deployments d JOIN agencies a ON a.id = d.agency_id WHERE {where}",
            params,
        )
        if row is None:
            return RingTotals(0, 0, 0)
        return RingTotals(int(row["agencies"]), int(row["rows_"]), int(row["ended"]))

    # --- laws ------------------------------------------------------------------------------

    async def laws_for_place(
        self, state: str, city: str = "", counties: Iterable[str] = ()
    ) -> list[Law]:
        """Laws that apply to a place: its city's, its counties', and its state's."""
        county_keys = [name_key(c) for c in counties if c.strip()]
        clauses = ["l.level = 'state'"]
        params: list[object] = [state]
        if city:
            clauses.append("(l.level IN ('city', 'agency') AND lower(l.city) = ?)")
            params.append(name_key(city))
        if county_keys:
            marks = ", ".join("?" * len(county_keys))
            clauses.append(f"(l.level = 'county' AND lower(l.county) IN ({marks}))")
            params.extend(county_keys)
        rows = await self._db.fetchall(
            f"{LAW_SQL} WHERE l.state = ? AND ({' OR '.join(clauses)}) ORDER BY l.enacted, l.id",
            params,
        )
        return [law_of(row) for row in rows]

    async def laws_in_state(self, state: str) -> list[Law]:
        rows = await self._db.fetchall(
            f"{LAW_SQL} WHERE l.state = ? ORDER BY l.enacted, l.id", (state,)
        )
        return [law_of(row) for row in rows]

    async def all_laws(self) -> list[Law]:
        rows = await self._db.fetchall(f"{LAW_SQL} ORDER BY l.state, l.enacted, l.id")
        return [law_of(row) for row in rows]

    async def agency_names(self) -> list[AgencyName]:
        """Every city and alias agencies are also found by, in a stable order."""
        rows = await self._db.fetchall(
            "SELECT agency_id, kind, name FROM agency_names ORDER BY agency_id, kind, name"
        )
        return [AgencyName(row["agency_id"], row["kind"], row["name"]) for row in rows]

    async def law_places(self) -> list[LawPlace]:
        """City and county jurisdictions that have a law, so they resolve even with no agency."""
        rows = await self._db.fetchall(
            "SELECT DISTINCT level, city, county, state FROM laws"
            " WHERE level IN ('city', 'county') AND state <> ''"
        )
        return [LawPlace(row["level"], row["city"], row["county"], row["state"]) for row in rows]

    # --- datasets --------------------------------------------------------------------------

    async def datasets(self) -> dict[str, Dataset]:
        """Every named body of data ('eff-atlas', 'seed') with the date it describes."""
        rows = await self._db.fetchall(
            "SELECT name, as_of, imported_at, rows_read, description FROM datasets ORDER BY name"
        )
        return {
            row["name"]: Dataset(
                row["name"], row["as_of"], row["imported_at"], row["rows_read"], row["description"]
            )
            for row in rows
        }
