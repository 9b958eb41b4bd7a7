"""The IFF table of US local facial-recognition laws (#ProjectPanoptic, May 2021).

`parse_laws(data)` reads the CSV (free-text dates with their precision, "City, State" to
city and state code) and applies the known corrections listed in docs/data.md; it never
touches the database. `import_laws(db, parsed)` writes in one job, keyed on the same
natural keys as the seed (`storage.importers.keys.law_key`): a jurisdiction already on
record, seeded or imported, is left as it is, so the seed's checked facts win.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from lexicon.i18n import _
from lexicon.states import state_code
from storage.facts.models import LAWS_DATASET
from storage.facts.write import name_key, record_dataset, upsert_law, upsert_source
from storage.importers.cells import clean, field_problem
from storage.importers.dates import parse_loose_date
from storage.importers.issues import ImportRefused, Issue
from storage.importers.keys import law_key
from storage.importers.laws_es import CORRECTIONS_ES, stance_es
from storage.importers.summary_lines import laws_lines
from storage.importers.upload import DEFAULT_MAX_BYTES, read_upload
from storage.sql import Conn, Db

IFF_AS_OF = "2021-05-03"  # the date of the IFF post the table comes from
LAWS_COLUMNS = ("jurisdiction", "date_of_action", "action_link_text", "stance_text", "source_url")
# Every row the table gives is its compiler's word of May 2021: the row is marked so
# (`reported_by`, migration 0021) and each reply says it in the reader's language.


@dataclass(frozen=True)
class LawRow:
    line: int
    jurisdiction: str
    city: str
    county: str
    state: str
    level: str
    kind: str
    scope: str
    enacted: str
    precision: str
    status: str
    status_changed: str | None
    status_note: str
    source_url: str
    place: str = ""
    scope_es: str = ""
    status_note_es: str = ""
    reported_by: str = LAWS_DATASET  # '' once corrected from a source (not the table's word)

    @property
    def natural_key(self) -> str:
        return law_key(self.state, self.level, self.place)


@dataclass
class LawsParse:
    rows: list[LawRow] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    rows_read: int = 0
    corrected: list[str] = field(default_factory=list)  # jurisdictions corrected


# Known errors in the table (docs/data.md, with the sources in each correction), keyed on
# the table's own jurisdiction text.
CORRECTIONS: dict[str, dict[str, str | None]] = {
    "baltimore, maryland": {
        "kind": "moratorium",
        "enacted": "2021-08-09",
        "precision": "day",
        "status": "expired",
        "status_changed": "2022-12-31",
        "scope": "Private use and most city use of face surveillance; city police exempt.",
        "status_note": "Corrected: the table's 'Ban, 2020-09-30' links to a bill's"
        " introduction. Passed June 2021, signed 2021-08-09, ran to the end of 2022.",
        "reported_by": "",
    },
    "portland, maine": {
        "enacted": "2020-08-03",
        "precision": "day",
        "status_note": "Corrected: the council voted on 2020-08-03 (the table copies"
        " Portland, Oregon's date).",
        "reported_by": "",
    },
    "california": {
        "kind": "ban",
        "enacted": "2019-10-08",
        "precision": "day",
        "status": "expired",
        "status_changed": "2023-01-01",
        "scope": "AB 1215: no biometric surveillance with police body cameras; not a general"
        " police ban.",
        "status_note": "Corrected: signed 2019-10-08 (the table says 19 Oct); a three-year"
        " ban on body cameras only, lapsed 2023-01-01.",
        "reported_by": "",
    },
    "texas": {
        "kind": "regulation",
        "scope": "Private-sector biometric consent rule (Business and Commerce Code 503.001);"
        " not a ban.",
        # The table's date (2017-09-01) is not the statute's enactment: it stays the table's
        # word, and the row says so (it keeps `reported_by`: commands.facts.text).
        "status_note": "Corrected: the table lists it among bans; it is a consent rule.",
    },
}
BART_ROW = "san francisco bay area, california"
# The linked story: BART's policy on surveillance technology in general.
BART_SCOPE = (
    "Transparency and accountability rules for surveillance technology (a BART policy, not"
    " specific to facial recognition)"
)


def is_laws_header(header: list[str]) -> bool:
    """Whether a CSV's first line is the laws table's (column order and extras aside)."""
    names = {h.strip().lstrip("\ufeff").lower() for h in header}
    return set(LAWS_COLUMNS) <= names


def parse_laws(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LawsParse:
    parsed = LawsParse()
    table = read_upload(data, max_bytes=max_bytes)
    if isinstance(table, Issue):
        parsed.errors.append(table)
        return parsed
    header = [h.lower() for h in table.header]
    missing = [c for c in LAWS_COLUMNS if c not in header]
    if missing:
        parsed.errors.append(
            Issue(1, _("missing columns: {names}").format(names=", ".join(missing)))
        )
        return parsed
    index = {c: header.index(c) for c in LAWS_COLUMNS}
    for line, fields in table.records:
        parsed.rows_read += 1
        if len(fields) != len(header):
            parsed.errors.append(
                Issue(
                    line,
                    _("expected {n} fields, found {found}").format(
                        n=len(header), found=len(fields)
                    ),
                )
            )
            continue
        problem = next((p for c in LAWS_COLUMNS if (p := field_problem(c, fields[index[c]]))), None)
        if problem:
            parsed.errors.append(Issue(line, problem))
            continue
        row = _row(line, {c: clean(fields[index[c]]) for c in LAWS_COLUMNS}, parsed)
        if row is not None:
            parsed.rows.append(row)
    if not parsed.errors and not parsed.rows_read:
        parsed.errors.append(Issue(None, _("the file has a header but no rows")))
    return parsed


def _row(line: int, cell: dict[str, str], parsed: LawsParse) -> LawRow | None:
    raw = cell["jurisdiction"]
    place, _comma, state_name = raw.rpartition(",")
    state = state_code(state_name)
    if state is None:
        parsed.errors.append(
            Issue(line, _("unknown state {typed!r}").format(typed=state_name.strip()[:40]))
        )
        return None
    date = parse_loose_date(cell["date_of_action"])
    if date is None:
        parsed.errors.append(
            Issue(line, _("unreadable date {typed!r}").format(typed=cell["date_of_action"][:40]))
        )
        return None
    place = place.strip()
    level = "state" if not place else "county" if place.lower().endswith(" county") else "city"
    link = cell["action_link_text"].lower()
    kind = "ban" if link == "ban" else "moratorium" if link == "moratorium" else "oversight"
    stance = cell["stance_text"]
    row = LawRow(
        line=line,
        jurisdiction=f"{place}, {state}" if place else state_name.strip(),
        city=place if level == "city" else "",
        county=place if level == "county" else "",
        state=state,
        level=level,
        kind=kind,
        # The table often says only "Ban": store what it says, never a scope it does not give.
        scope="" if stance.lower() == link else stance,
        enacted=date.value,
        precision=date.precision,
        status="in-force",
        status_changed=None,
        status_note="",
        source_url=cell["source_url"],
        place=place,
        scope_es="" if stance.lower() == link else stance_es(stance),
    )
    return _corrected(raw.lower(), row, parsed)


def _corrected(raw: str, row: LawRow, parsed: LawsParse) -> LawRow:
    if raw == BART_ROW:  # the link is about BART, the transit agency, not the whole area
        parsed.corrected.append(row.jurisdiction)
        row = replace(row, scope_es=CORRECTIONS_ES[BART_ROW]["scope_es"])
        return replace(row, jurisdiction="BART (San Francisco Bay Area), CA", city="",
                       level="agency", place="BART", kind="oversight",
                       scope=BART_SCOPE)  # fmt: skip
    fix = CORRECTIONS.get(raw)
    if fix is None:
        return row
    parsed.corrected.append(row.jurisdiction)
    return replace(row, **fix, **CORRECTIONS_ES.get(raw, {}))  # type: ignore[arg-type]


@dataclass(frozen=True)
class LawsImportSummary:
    rows_read: int
    created: tuple[str, ...]  # jurisdictions
    kept_existing: tuple[str, ...]  # already on record (the seed wins)
    corrected: tuple[str, ...]
    created_ids: tuple[int, ...]

    def lines(self) -> list[str]:
        """What the import did, kept as structure (storage/importers/summary_lines.py)."""
        return laws_lines(LAWS_DATASET, self.rows_read, len(self.created), self.kept_existing,
                          self.corrected)  # fmt: skip


async def import_laws(
    db: Db,
    parsed: LawsParse,
    *,
    as_of: str = IFF_AS_OF,
    origin: str = "import",
    imported_at: dt.datetime,
) -> LawsImportSummary:
    """Write a clean parse in its own write job (the CLI's import-laws)."""
    if parsed.errors:
        raise ImportRefused(parsed.errors)

    async def job(conn: Conn) -> LawsImportSummary:
        return await write_laws(conn, parsed, as_of=as_of, origin=origin, imported_at=imported_at)

    return await db.write(job)


async def write_laws(
    conn: Conn,
    parsed: LawsParse,
    *,
    as_of: str,
    origin: str,
    imported_at: dt.datetime,
) -> LawsImportSummary:
    """The laws write on `conn`, inside the caller's job (with its audit entry, for
    /facts import): a jurisdiction already on record is kept as it is."""
    if parsed.errors:
        raise ImportRefused(parsed.errors)
    dt.date.fromisoformat(as_of)
    created, kept, ids = [], [], []
    for row in parsed.rows:
        async with conn.execute(
            "SELECT 1 FROM laws WHERE natural_key = ?", (row.natural_key,)
        ) as cursor:
            if await cursor.fetchone() is not None:
                kept.append(row.jurisdiction)
                continue
        source_id = await upsert_source(conn, row.source_url, _publisher(row.source_url))
        ids.append(await _write_law(conn, row, source_id, as_of, origin))
        created.append(row.jurisdiction)
    description = "IFF #ProjectPanoptic table of US local FRT laws (CC BY 4.0)"
    when = imported_at.isoformat(timespec="seconds")
    await record_dataset(conn, LAWS_DATASET, as_of, when, parsed.rows_read, description)
    corrected = tuple(parsed.corrected)
    return LawsImportSummary(parsed.rows_read, tuple(created), tuple(kept), corrected, tuple(ids))


async def _write_law(conn: Conn, row: LawRow, source_id: int, as_of: str, origin: str) -> int:
    return await upsert_law(
        conn, jurisdiction=row.jurisdiction, state=row.state, level=row.level, kind=row.kind,
        scope=row.scope, enacted=row.enacted, status=row.status, source_id=source_id,
        as_of=max(as_of, row.status_changed or ""), natural_key=row.natural_key, city=row.city,
        county=row.county, enacted_precision=row.precision, status_changed=row.status_changed,
        status_note=row.status_note, origin=origin, scope_es=row.scope_es,
        status_note_es=row.status_note_es, reported_by=row.reported_by,
    )  # fmt: skip


def _publisher(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or name_key(url)[:60]
