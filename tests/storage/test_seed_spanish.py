"""Every seed fact in both languages (migration 0021): each event's summary and status, each
law's scope and status note has its Spanish, none of it English; what a reply reads is the
stored Spanish. And a database imported before 0021 keeps saying whose word the IFF table's
rows are, without the English sentence the importer used to store."""

from __future__ import annotations

import sqlite3
import tomllib

import pytest

from storage.db import Database
from storage.facts.models import LAWS_DATASET, Law
from storage.facts.repository import FactsStore
from storage.importers.laws_backfill import fill_imported_spanish
from storage.migrate import migration_files, statements
from storage.seed import SEED_FILE, ensure_seed
from storage.sql import Conn
from testkit.english import english_sentences
from tests.conftest import FIXED_NOW

_PAIRS = {"events": (("summary", "summary_es"), ("status", "status_es")),
          "laws": (("scope", "scope_es"), ("status_note", "status_note_es"))}  # fmt: skip


def test_every_seed_text_has_its_spanish() -> None:
    seed = tomllib.loads(SEED_FILE.read_text(encoding="utf-8"))
    checked = 0
    for part, pairs in _PAIRS.items():
        assert seed[part], part
        for fact in seed[part]:
            name = fact.get("key") or fact["jurisdiction"]
            for english, spanish in pairs:
                # Spanish exactly where there is English: none left out, none made up.
                assert bool(fact.get(english)) == bool(fact.get(spanish)), (name, spanish)
                text = " ".join(fact.get(spanish, "").split())
                assert not english_sentences(text), (name, spanish, english_sentences(text))
                assert not text.endswith("."), (name, spanish)  # it follows a colon
                checked += bool(text)
    assert checked >= 28 + 13  # every event has a summary, every law a scope


async def test_the_stored_facts_hold_the_seeds_spanish(db: Database) -> None:
    await ensure_seed(db, now=FIXED_NOW)
    rows = await db.fetchall(
        "SELECT natural_key, summary, summary_es, status, status_es FROM company_events"
    )
    assert rows and all(r["summary_es"] for r in rows)
    assert all(bool(r["status"]) == bool(r["status_es"]) for r in rows)
    laws = await db.fetchall("SELECT scope_es, status_note, status_note_es FROM laws")
    assert laws and all(r["scope_es"] for r in laws)
    assert all(bool(r["status_note"]) == bool(r["status_note_es"]) for r in laws)


_OLD_NOTE = (
    "as reported by the Internet Freedom Foundation's table of May 2021; not re-checked since"
)


@pytest.mark.sqlite_only("the migration's SQL is the same on both backends; run on SQLite")
def test_0021_marks_the_rows_the_importer_noted_in_english() -> None:
    conn = sqlite3.connect(":memory:")
    files = migration_files()
    for number, path in files:
        if number == 21:
            conn.execute("INSERT INTO sources (id, url) VALUES (1, 'https://ex.org')")
            rows = [
                ("Berkeley, CA", _OLD_NOTE),
                ("Texas", "Corrected: the table lists it among bans; it is a consent rule."
                          f" Its date and the rest are {_OLD_NOTE}"),
                ("Baltimore, MD", "Corrected: passed June 2021."),
            ]  # fmt: skip
            for i, (where, note) in enumerate(rows):
                conn.execute(
                    "INSERT INTO laws (jurisdiction, jurisdiction_key, level, kind, scope,"
                    " enacted, status, status_note, source_id, as_of, natural_key)"
                    " VALUES (?, ?, 'city', 'ban', '', '2019', 'in-force', ?, 1, '2021', ?)",
                    (where, where.lower(), note, f"k{i}"),
                )
        for statement in statements(path.read_text(encoding="utf-8")):
            conn.execute(statement)
    sql = "SELECT jurisdiction, status_note, reported_by FROM laws"
    found = {r[0]: (r[1], r[2]) for r in conn.execute(sql)}
    assert found == {
        "Berkeley, CA": ("", LAWS_DATASET),
        "Texas": ("Corrected: the table lists it among bans; it is a consent rule.", LAWS_DATASET),
        "Baltimore, MD": ("Corrected: passed June 2021.", ""),
    }


@pytest.mark.real_data("laws")
async def test_rows_imported_before_0021_get_the_importers_spanish(db: Database) -> None:
    fresh = {law.jurisdiction: law for law in await _laws(db)}
    assert sum(bool(law.scope_es) for law in fresh.values()) >= 10

    async def forget(conn: Conn) -> None:  # as an import before 0021 left them
        await conn.execute("UPDATE laws SET scope_es = '', status_note_es = ''")

    await db.write(forget)
    await db.write(fill_imported_spanish)
    again = {law.jurisdiction: law for law in await _laws(db)}
    for where, law in fresh.items():
        assert (again[where].scope_es, again[where].status_note_es) == (
            law.scope_es,
            law.status_note_es,
        ), where


async def _laws(db: Database) -> list[Law]:
    return await FactsStore(db).all_laws()
