"""EFF Atlas of Surveillance CSV: the pure parse step (no database).

`parse_atlas(data)` reads an export into `AtlasRow`s, line-numbered errors and skipped
rows with reasons. The write step is `storage.importers.atlas_write.import_atlas`.

Decisions about the data (docs/data.md says what the export holds):
- Agencies are keyed on (name, state): 'Miami Police Department' exists in FL and OK.
  Deployments are keyed on (agency, state, technology, vendor); a later row with the same
  key is skipped, saying which line it repeats, and the first row in the file wins. Ring
  rows are the exception: every Ring row is a partnership, so a repeated one is kept
  (Oviedo's two dates) unless it is identical; and where a Summary names another signer
  than the Agency cell, the signer is the agency (storage.importers.atlas_places).
- An agency belongs to every city its rows name, not only its first row's.
- State 'NA' (one row, AOS0851) is not a state code: it is stored as '' (unknown) rather
  than guessed; territories (GU, PR, VI) are kept. Any other unknown code is an error.
- For Ring rows `Link 1 Date` is the day the agency joined Ring's portal; 170 rows have it
  only in the Summary ("in September 2020"), read with month precision. For other
  technologies the date is that of the first dated source: on record since, not a start.
- A Ring row whose Vendor is not Ring (AOS4790 names a police department) gets 'Ring'.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

from lexicon.i18n import _
from lexicon.states import STATES
from storage.importers.atlas_places import agency_places, split_signers
from storage.importers.atlas_rows import RING, AtlasRow, deployment_key

__all__ = ["RING", "AtlasParse", "AtlasRow", "deployment_key", "parse_atlas"]
from storage.importers.cells import clean, field_problem
from storage.importers.dates import LooseDate, date_in_sentence, parse_loose_date
from storage.importers.issues import Issue, SkippedRow
from storage.importers.upload import DEFAULT_MAX_BYTES, CsvTable, read_upload

ATLAS_PUBLISHER = "Atlas of Surveillance (EFF & UNR Reynolds School of Journalism)"
ATLAS_URL = "https://atlasofsurveillance.org/"

# The 2020-10-07 export's 25 columns, all required. Later exports add columns (Other Links,
# Year Created, Lat, Long, NEWAOSNUMBER (ORI9), TECH ABV): accepted and ignored.
ATLAS_COLUMNS = (
    "AOSNUMBER", "City", "County", "State", "Agency", "Type of LEA", "Summary",
    "Type of Juris", "Technology", "Vendor",
    *(
        f"Link {n} {part}".rstrip()
        for n in (1, 2, 3)
        for part in ("", "Snapshot", "Source", "Type", "Date")
    ),
)  # fmt: skip
UNKNOWN_STATES = {"", "NA", "N/A"}
# Exports so far have 25 to 31 columns; far more is not an Atlas export, and a header of a
# million names should be refused at once rather than compared.
MAX_COLUMNS = 200


@dataclass
class AtlasParse:
    rows: list[AtlasRow] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    rows_read: int = 0
    extra_columns: list[str] = field(default_factory=list)
    unknown_state_rows: int = 0
    vendor_corrected_rows: int = 0
    unreadable_dates: int = 0  # non-empty date cells that could not be read honestly
    # Every agency's cities (its city of record first) and other names (the Atlas's name
    # where a Summary names the signer): storage.importers.atlas_places.
    places: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    aliases: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_atlas(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> AtlasParse:
    parsed = AtlasParse()
    table = read_upload(data, max_bytes=max_bytes)
    if isinstance(table, Issue):
        parsed.errors.append(table)
        return parsed
    columns = _column_index(table, parsed)
    if columns is None:
        return parsed
    read: list[tuple[AtlasRow, tuple[str, ...]]] = []
    for line, fields in table.records:
        parsed.rows_read += 1
        row = _row(line, fields, columns, len(table.header), parsed)
        if row is not None:
            read.append((row, tuple(fields)))
    seen: dict[str, tuple[int, str, tuple[str, ...]]] = {}
    signed = split_signers([row for row, _line in read])
    for row, (_line, cells) in zip(signed, read, strict=True):
        _keep_first(row, cells, seen, parsed)
    parsed.places = agency_places(parsed.rows)
    for row in parsed.rows:
        if row.atlas_name:
            parsed.aliases[row.agency_key] = (row.atlas_name,)
    if not parsed.errors and not parsed.rows_read:
        parsed.errors.append(Issue(None, _("the file has a header but no rows")))
    return parsed


def _column_index(table: CsvTable, parsed: AtlasParse) -> dict[str, int] | None:
    """Where each Atlas column is; names match case-insensitively (spreadsheets re-case).
    One pass over the header: a count per name, not a scan of the header per column."""
    if len(table.header) > MAX_COLUMNS:
        parsed.errors.append(
            Issue(1, _("the header has {n:,} columns; an Atlas export has at most {most} (is"
                       " this an Atlas of Surveillance CSV export?)").format(
                           n=len(table.header), most=MAX_COLUMNS))
        )  # fmt: skip
        return None
    position: dict[str, int] = {}
    repeated: set[str] = set()  # lower-cased names seen more than once
    for i, name in enumerate(table.header):
        key = name.lower()
        if key in position:
            repeated.add(key)
        else:
            position[key] = i
    missing = [c for c in ATLAS_COLUMNS if c.lower() not in position]
    if repeated:
        names = sorted({h for h in table.header if h.lower() in repeated})
        parsed.errors.append(
            Issue(1, _("repeated columns: {names}").format(names=", ".join(names)))
        )
    if missing:
        parsed.errors.append(
            Issue(
                1,
                _("missing columns: {names} (is this an Atlas of Surveillance CSV export?)").format(
                    names=", ".join(missing)
                ),
            )
        )
    if parsed.errors:
        return None
    known = {c.lower() for c in ATLAS_COLUMNS}
    parsed.extra_columns = [h for h in table.header if h.lower() not in known]
    return {name: position[name.lower()] for name in ATLAS_COLUMNS}


def _row(
    line: int, fields: list[str], columns: dict[str, int], width: int, parsed: AtlasParse
) -> AtlasRow | None:
    if len(fields) != width:
        parsed.errors.append(
            Issue(
                line,
                _("expected {n} fields, found {found}").format(n=width, found=len(fields)),
            )
        )
        return None

    def get(name: str) -> str:
        return clean(fields[columns[name]])

    for name in ATLAS_COLUMNS:
        if problem := field_problem(name, fields[columns[name]]):
            parsed.errors.append(Issue(line, problem))
            return None
    agency, technology = get("Agency"), get("Technology")
    if not agency or not technology:
        missing = "Agency" if not agency else "Technology"
        parsed.errors.append(Issue(line, _("{column} is empty").format(column=missing)))
        return None
    state = _state(line, get("State"), parsed)
    if state is None:
        return None
    vendor = get("Vendor")
    if technology == RING and vendor != "Ring":
        vendor = "Ring"
        parsed.vendor_corrected_rows += 1
    url, publisher, source_date = _source(get, parsed)
    started, from_summary = source_date, False
    if started is None and technology == RING:
        started = date_in_sentence(get("Summary"))
        from_summary = started is not None
    return AtlasRow(
        line=line,
        record_id=get("AOSNUMBER"),
        agency=agency,
        state=state,
        city=get("City"),
        county=get("County"),
        kind=get("Type of LEA"),
        jurisdiction_type=get("Type of Juris"),
        technology=technology,
        vendor=vendor,
        summary=get("Summary"),
        source_url=url,
        source_publisher=publisher,
        source_date=source_date,
        started=started,
        dated_from_summary=from_summary,
    )


def _state(line: int, raw: str, parsed: AtlasParse) -> str | None:
    code = raw.upper()
    if code in UNKNOWN_STATES:
        parsed.unknown_state_rows += bool(code)
        return ""
    if code not in STATES:
        parsed.errors.append(Issue(line, _("unknown state code {typed!r}").format(typed=raw[:10])))
        return None
    return code


def _source(get: Callable[[str], str], parsed: AtlasParse) -> tuple[str, str, LooseDate | None]:
    """The first link that has a URL (with its publisher and date); the Atlas otherwise."""
    for n in (1, 2, 3):
        url = get(f"Link {n}")
        if url:
            raw_date = get(f"Link {n} Date")
            date = parse_loose_date(raw_date)
            parsed.unreadable_dates += bool(raw_date) and date is None
            return url, get(f"Link {n} Source"), date
    return ATLAS_URL, ATLAS_PUBLISHER, None


def _keep_first(
    row: AtlasRow,
    fields: tuple[str, ...],
    seen: dict[str, tuple[int, str, tuple[str, ...]]],
    parsed: AtlasParse,
) -> None:
    first = seen.get(row.natural_key)
    if first is not None and row.technology == RING and fields != first[2]:
        # Every Ring row is a partnership: an agency listed twice (Oviedo: 2019-10-08 and
        # 2020-04-13) keeps both dates.
        row = dataclasses.replace(row, repeat_of=first[1])
        first = seen.get(row.natural_key)
    if first is None:
        seen[row.natural_key] = (row.line, row.record_id, fields)
        parsed.rows.append(row)
        return
    first_line, first_id, first_fields = first
    if fields == first_fields:
        category, reason = "identical row", f"identical to line {first_line} ({first_id})"
    else:
        category = "repeated agency and technology"
        reason = (
            f"same agency, state, technology and vendor as line {first_line} ({first_id});"
            " the first row is kept"
        )
    parsed.skipped.append(SkippedRow(row.line, row.record_id, category, reason))
