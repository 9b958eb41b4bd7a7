"""Storage pieces of the admin feature: backoff, the facts CSV parser, import undo guards."""

from __future__ import annotations

import datetime as dt

import pytest

from lexicon.i18n import using
from lexicon.stored import say
from storage.audit import Author, ChangeEntry, ChangeRefused, record_change, record_created
from storage.db import Database
from storage.fact_edits.undo_change import undo_change
from storage.facts.write import upsert_agency, upsert_deployment, upsert_source
from storage.importers.facts_csv import parse_facts_csv
from storage.outbox import repository as outbox
from storage.sql import Conn

AUTHOR = Author("test", "W1", "A1", "admin")
HEADER = "fact,subject,state,city,date,kind,status,summary,source_url\n"
TODAY = dt.date(2026, 11, 26)


def test_backoff_doubles_and_is_capped() -> None:
    delays = [outbox.backoff(n).total_seconds() for n in (1, 2, 3, 4, 50, 10_000)]
    assert delays[:4] == [30, 60, 120, 240]
    assert delays[4] == delays[5] == 3600


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("law,Virginia,,,2021-2-1,ban,in-force,,https://e.org", "YYYY-MM-DD"),
        ("law,Virginia,,,2021-02-29,ban,in-force,,https://e.org", "not a real calendar date"),
        ("law,Virginia,,,2021-02-01,ban,maybe,,https://e.org", "law status"),
        ("event,Amazon,,,2021-02-01,exit,,,https://e.org", "needs a summary"),
        ("partnership,X Police,,,2021-02-01,,,,https://e.org", "state"),
        ("partnership,X Police,ZZ,,2021-02-01,,,,https://e.org", "not a US state"),
        ("rumour,X,,,2021-02-01,,,,https://e.org", "fact must be one of"),
        ('law,Virginia,,,2021-02-01,ban,in-force,,"https://e.org/\x07"', "control characters"),
    ],
)
def test_facts_csv_rejects_bad_lines_with_their_number(line: str, message: str) -> None:
    parsed = parse_facts_csv(HEADER + line + "\n", today=TODAY, max_bytes=10_000)
    assert not parsed.rows
    assert parsed.errors[0].line == 2 and message in parsed.errors[0].message


def test_facts_csv_reads_a_quoted_multiline_field() -> None:
    text = HEADER + 'event,Amazon,,,2021-05-18,extension,,"Extended\nindefinitely",https://e.org\n'
    parsed = parse_facts_csv(text, today=TODAY, max_bytes=10_000)
    assert not parsed.errors and parsed.rows[0].summary == "Extended indefinitely"


async def test_import_undo_refused_while_later_facts_use_its_agencies(db: Database) -> None:
    async def fake_import(conn: Conn) -> int:
        source = await upsert_source(conn, "https://e.org/a")
        agency = await upsert_agency(conn, "Imported Police Department", "WI", city="Town")
        entry = ChangeEntry(AUTHOR, "2026-11-26T12:00:00+00:00", "facts import", "import", "", "x")
        change_id = await record_change(conn, entry)
        await record_created(conn, change_id, {"agencies": [agency], "sources": [source]})
        # A fact added later (outside this import) hangs on the imported agency.
        await upsert_deployment(conn, agency, "Drones", source, "2026-01-01", natural_key="k")
        return change_id

    change_id = await db.write(fake_import)

    async def undo(conn: Conn) -> object:
        return await undo_change(conn, change_id, AUTHOR, "2026-11-26T12:01:00+00:00")

    with pytest.raises(ChangeRefused) as refused:
        await db.write(undo)
    # Worded in the writer's job, kept as structure: said in each reader's language.
    assert say(refused.value.message).startswith("1 later fact belong to agencies")
    with using("es"):
        assert say(refused.value.message).startswith("1 dato posterior pertenece a agencias")
    row = await db.fetchone("SELECT COUNT(*) FROM agencies")
    assert row is not None and row[0] == 1
    row = await db.fetchone("SELECT undone_by FROM changes WHERE id = ?", (change_id,))
    assert row is not None and row[0] is None
