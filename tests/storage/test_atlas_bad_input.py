"""Bad Atlas uploads: clear line-numbered errors, and nothing written."""

from __future__ import annotations

import csv
import io

import aiosqlite
import asyncpg
import pytest

from storage.db import Database
from storage.importers.atlas import ATLAS_COLUMNS, parse_atlas
from storage.importers.atlas_write import import_atlas
from storage.importers.issues import ImportRefused
from storage.sql import Conn
from tests.conftest import FIXED_NOW


def atlas_csv(rows: list[dict[str, str]], columns: tuple[str, ...] = ATLAS_COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), quoting=csv.QUOTE_ALL)
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
    return out.getvalue()


def row(n: int, **fields: str) -> dict[str, str]:
    base = {
        "AOSNUMBER": f"AOS{n:04d}",
        "City": "Greenfield",
        "State": "WI",
        "Agency": f"Agency {n} Police Department",
        "Technology": "Drones",
        "Summary": "Uses drones.",
        "Link 1": f"https://example.org/{n}",
        "Link 1 Date": "3/22/18",
    }
    return base | fields


async def table_counts(db: Database) -> tuple[int, ...]:
    counts = []
    for table in ("agencies", "sources", "deployments", "datasets"):
        found = await db.fetchone(f"SELECT count(*) FROM {table}")
        assert found is not None
        counts.append(int(found[0]))
    return tuple(counts)


async def test_a_bad_row_in_the_middle_changes_nothing(db: Database) -> None:
    rows = [row(n) for n in range(1, 6)]
    rows[2]["State"] = "ZZ"  # third data row: line 4 (the header is line 1)
    rows[3]["Agency"] = "  "  # line 5
    parsed = parse_atlas(atlas_csv(rows))
    assert [str(e) for e in parsed.errors] == [
        "line 4: unknown state code 'ZZ'",
        "line 5: Agency is empty",
    ]
    with pytest.raises(ImportRefused) as refused:
        await import_atlas(db, parsed, as_of="2020-10-07", imported_at=FIXED_NOW)
    assert refused.value.issues == parsed.errors
    assert await table_counts(db) == (0, 0, 0, 0)


# A trigger that refuses one row in the middle of an import, in each backend's dialect.
TRAPS = {
    "sqlite": (
        "CREATE TRIGGER trap BEFORE INSERT ON deployments WHEN NEW.summary = 'boom'"
        " BEGIN SELECT RAISE(ABORT, 'refused by trigger'); END",
    ),
    "postgres": (
        "CREATE FUNCTION trap() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        " IF NEW.summary = 'boom' THEN RAISE EXCEPTION 'refused by trigger'"
        " USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$",
        "CREATE TRIGGER trap BEFORE INSERT ON deployments FOR EACH ROW EXECUTE FUNCTION trap()",
    ),
}


async def test_a_failure_during_the_write_rolls_everything_back(db: Database) -> None:
    async def trap(conn: Conn) -> None:
        for statement in TRAPS[db.dialect]:
            await conn.execute(statement)

    await db.write(trap)
    rows = [row(n) for n in range(1, 50)]
    rows[40]["Summary"] = "boom"
    parsed = parse_atlas(atlas_csv(rows))
    assert parsed.ok
    with pytest.raises((aiosqlite.IntegrityError, asyncpg.IntegrityConstraintViolationError)):
        await import_atlas(db, parsed, as_of="2020-10-07", imported_at=FIXED_NOW)
    assert await table_counts(db) == (0, 0, 0, 0)


def test_line_numbers_count_embedded_newlines() -> None:
    rows = [row(1, Summary="two\nlines\nhere"), row(2, State="XX")]
    parsed = parse_atlas(atlas_csv(rows))
    assert [str(e) for e in parsed.errors] == ["line 5: unknown state code 'XX'"]


def test_wrong_field_count_and_unterminated_quote() -> None:
    text = atlas_csv([row(1)]) + '"AOS0002","only three","fields"\n'
    assert [str(e) for e in parse_atlas(text).errors] == ["line 3: expected 25 fields, found 3"]
    broken = atlas_csv([row(1)]) + '"AOS0002","unterminated\n'
    errors = parse_atlas(broken).errors
    assert len(errors) == 1 and errors[0].line == 3 and "cannot be read" in errors[0].message


def test_wrong_columns() -> None:
    errors = parse_atlas("name,city,state\nGreenfield PD,Greenfield,WI\n").errors
    assert len(errors) == 1 and errors[0].line == 1
    assert errors[0].message.startswith("missing columns: AOSNUMBER, County, Agency,")
    assert "City," not in errors[0].message  # names match whatever their case
    repeated = parse_atlas(atlas_csv([row(1)]).replace('"Vendor"', '"Agency"', 1)).errors
    assert [str(e) for e in repeated] == [
        "line 1: repeated columns: Agency",
        "line 1: missing columns: Vendor (is this an Atlas of Surveillance CSV export?)",
    ]


def test_a_hostile_header_is_refused_in_one_line() -> None:
    # A million columns: refused by their number, before any name is compared.
    header = ",".join(f"c{i}" for i in range(1_000_000))
    errors = parse_atlas(f"{header}\n").errors
    assert [str(e) for e in errors] == [
        "line 1: the header has 1,000,000 columns; an Atlas export has at most 200"
        " (is this an Atlas of Surveillance CSV export?)"
    ]
    # Many repeated names under the bound are still each reported once.
    twice = ",".join([*ATLAS_COLUMNS, *(["Extra"] * 150)])
    assert [str(e) for e in parse_atlas(f"{twice}\n").errors] == ["line 1: repeated columns: Extra"]


def test_later_exports_with_extra_columns_are_accepted() -> None:
    columns = (*ATLAS_COLUMNS, "Other Links", "Year Created", "Lat", "Long", "TECH ABV")
    parsed = parse_atlas(atlas_csv([row(1, Lat="43.0")], columns))
    assert parsed.ok and len(parsed.rows) == 1
    assert parsed.extra_columns == ["Other Links", "Year Created", "Lat", "Long", "TECH ABV"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "line 3: the file looks binary"),
        (atlas_csv([row(1)]).encode() + b'"AOS2","\xff\xfe"\n', "line 3: the file is not UTF-8"),
        (atlas_csv([]).encode(), "the file has a header but no rows"),
    ],
)
def test_unreadable_files(data: bytes, message: str) -> None:
    errors = parse_atlas(data).errors
    assert len(errors) == 1 and str(errors[0]).startswith(message)


def test_oversized_file_and_field() -> None:
    text = atlas_csv([row(n) for n in range(1, 200)])
    errors = parse_atlas(text, max_bytes=10_000).errors
    assert len(errors) == 1 and "the limit is 10,000 bytes" in str(errors[0])
    long_field = parse_atlas(atlas_csv([row(1, Summary="x" * 6000)])).errors
    assert [str(e) for e in long_field] == [
        "line 2: Summary is 6,000 characters long (the limit is 5,000)"
    ]


async def test_as_of_must_be_a_date(db: Database) -> None:
    parsed = parse_atlas(atlas_csv([row(1)]))
    with pytest.raises(ValueError):
        await import_atlas(db, parsed, as_of="last week", imported_at=FIXED_NOW)
    assert await table_counts(db) == (0, 0, 0, 0)
