"""The IFF local-laws table: dates with precision, places, corrections, and the seed wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.db import Database
from storage.facts.models import LAWS_DATASET
from storage.importers.issues import ImportRefused
from storage.importers.laws import import_laws, parse_laws
from storage.seed import ensure_seed
from tests.conftest import FIXED_NOW, shared_data_file

LAWS_FILE = "us_facial_recognition_local_laws_iff_2021-05.csv"


def real_file() -> bytes:
    return Path(shared_data_file(LAWS_FILE)).read_bytes()


def test_parse_real_table() -> None:
    parsed = parse_laws(real_file())
    assert parsed.errors == [] and parsed.rows_read == 26 and len(parsed.rows) == 26
    by_place = {r.jurisdiction: r for r in parsed.rows}
    berkeley = by_place["Berkeley, CA"]  # "October 16th, 2019"
    assert (berkeley.enacted, berkeley.precision, berkeley.level) == ("2019-10-16", "day", "city")
    # The table says only "Ban": no scope is invented, and the row says whose word it is
    # (marked, not stored in English: each reply says it in the reader's language).
    assert (berkeley.kind, berkeley.scope, berkeley.scope_es) == ("ban", "", "")
    assert (berkeley.status_note, berkeley.reported_by) == ("", LAWS_DATASET)
    davis = by_place["Davis, CA"]  # "March, 2018"
    assert (davis.enacted, davis.precision, davis.kind) == ("2018-03-01", "month", "oversight")
    assert by_place["Santa Clara County, CA"].level == "county"
    assert by_place["Santa Clara County, CA"].county == "Santa Clara County"
    assert by_place["Vermont"].level == "state" and by_place["Vermont"].precision == "month"
    # Corrections from the provenance notes (docs/data.md).
    assert sorted(parsed.corrected) == sorted(
        ["Baltimore, MD", "Portland, ME", "California", "Texas", "San Francisco Bay Area, CA"]
    )
    baltimore = by_place["Baltimore, MD"]
    assert (baltimore.kind, baltimore.enacted, baltimore.status) == (
        "moratorium",
        "2021-08-09",
        "expired",
    )
    assert by_place["Portland, ME"].enacted == "2020-08-03"
    assert by_place["Portland, OR"].enacted == "2020-09-09"
    california = by_place["California"]
    assert (california.enacted, california.status, california.status_changed) == (
        "2019-10-08",
        "expired",
        "2023-01-01",
    )
    assert "body cameras" in california.scope and "cámaras corporales" in california.scope_es
    # Corrected from a source: no longer the table's word, its note in both languages.
    assert california.reported_by == "" and california.status_note_es.startswith("corregido")
    # Texas is corrected in kind only: its date is still the table's.
    assert by_place["Texas"].reported_by == LAWS_DATASET and by_place["Texas"].scope_es
    # A stance the table words is stored with its Spanish.
    assert by_place["Davis, CA"].scope and by_place["Davis, CA"].scope_es
    assert by_place["Texas"].kind == "regulation"
    bart = by_place["BART (San Francisco Bay Area), CA"]
    assert (bart.level, bart.kind, bart.city) == ("agency", "oversight", "")
    assert "not specific to facial recognition" in bart.scope


async def test_import_keeps_seeded_laws_and_is_idempotent(db: Database) -> None:
    await ensure_seed(db, now=FIXED_NOW)
    seeded = await db.fetchone("SELECT status, origin FROM laws WHERE jurisdiction = ?",
                               ("New Orleans, LA",))  # fmt: skip
    first = await import_laws(db, parse_laws(real_file()), imported_at=FIXED_NOW)
    # Seeded jurisdictions in the table: SF, Somerville, California, Boston, Portland ME,
    # Portland OR, New Orleans, Baltimore, New York (its 2023 school ban replaced the 2020
    # pause the table lists). The other 17 rows are new.
    assert sorted(first.kept_existing) == sorted(
        ["San Francisco, CA", "Somerville, MA", "California", "Boston, MA", "Portland, ME",
         "Portland, OR", "New Orleans, LA", "Baltimore, MD", "New York"]
    )  # fmt: skip
    assert len(first.created) == len(first.created_ids) == 17
    after = await db.fetchone("SELECT status, origin FROM laws WHERE jurisdiction = ?",
                              ("New Orleans, LA",))  # fmt: skip
    assert seeded is not None and after is not None
    assert tuple(after) == tuple(seeded) == ("partly-reversed", "seed")
    total = await db.fetchone("SELECT count(*) FROM laws")
    assert total is not None and total[0] == 13 + 17  # 13 seeded (Illinois BIPA among them)
    second = await import_laws(db, parse_laws(real_file()), imported_at=FIXED_NOW)
    assert second.created == () and len(second.kept_existing) == 26


async def test_bad_table_changes_nothing(db: Database) -> None:
    text = (
        "jurisdiction,date_of_action,action_link_text,stance_text,source_url,md_line\n"
        '"Alameda, California","December 17, 2019",Ban,Ban,https://a.example/1,1\n'
        '"Atlantis, Neverland","June 1, 2020",Ban,Ban,https://a.example/2,2\n'
        '"Davis, California","someday",Ban,Ban,https://a.example/3,3\n'
    )
    parsed = parse_laws(text)
    assert [str(e) for e in parsed.errors] == [
        "line 3: unknown state 'Neverland'",
        "line 4: unreadable date 'someday'",
    ]
    with pytest.raises(ImportRefused):
        await import_laws(db, parsed, imported_at=FIXED_NOW)
    count = await db.fetchone("SELECT count(*) FROM laws")
    assert count is not None and count[0] == 0
    wrong = [str(e) for e in parse_laws("a,b\n1,2\n").errors]
    assert len(wrong) == 1 and wrong[0].startswith("line 1: missing columns: jurisdiction")
