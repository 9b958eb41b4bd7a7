"""/facts import through the command: the real Atlas file and its undo; bad CSVs change nothing."""

from __future__ import annotations

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Attachment, Role
from commands.admin.imports import MAX_IMPORT_BYTES
from places.index import place_index
from storage.db import Database
from tests.commands.admin.conftest import count, table_state
from tests.conftest import identity, shared_data_file

ADMIN = identity(Role.ADMIN, user_id="A1")
ATLAS = "eff_atlas_of_surveillance_2020-10-07.csv"
FACTS_HEADER = "fact,subject,state,city,date,kind,status,summary,source_url,create\n"


async def send(disp: Dispatcher, name: str, content: bytes, extra: str = "") -> tuple[bool, str]:
    reply = await disp.run_text(ADMIN, f"/facts import {extra}", (Attachment(name, content),))
    return reply.error, reply.as_text()


async def test_real_atlas_import_and_its_undo(disp: Dispatcher, fdeps: Deps, db: Database) -> None:
    content = shared_data_file(ATLAS).read_bytes()
    start = await table_state(db)
    error, text = await send(disp, ATLAS, content)
    assert not error, text
    assert "C1" in text and "5,784 rows read" in text
    ring = await count(
        db, "SELECT COUNT(*) FROM deployments WHERE technology = 'Ring/Neighbors Partnership'"
    )
    assert ring > 1400  # 1,501 Ring rows minus repeats, plus the seeded one
    created = await count(db, "SELECT COUNT(*) FROM change_created WHERE change_id = 1")
    new_rows = sum(
        len(rows) - len(start[table])
        for table, rows in (await table_state(db)).items()
        if table in ("agencies", "sources", "deployments")
    )
    assert created == new_rows
    dataset = await db.fetchone("SELECT as_of FROM datasets WHERE name = 'eff-atlas'")
    assert dataset is not None and dataset["as_of"] == "2020-10-07"
    assert place_index(fdeps).resolve("Miami, OK").state == "OK"  # the place index saw it at once
    error, text = await send(disp, ATLAS, content)  # again: nothing new, still audited
    assert not error and "C2" in text
    undo = await disp.run_text(ADMIN, "/facts undo C2")
    assert not undo.error, undo.text
    undo = await disp.run_text(ADMIN, "/facts undo C1")
    assert not undo.error, undo.text
    assert await table_state(db) == start


async def test_atlas_import_needs_an_as_of_date(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    head = shared_data_file(ATLAS).read_bytes()[:20000].rsplit(b"\n", 1)[0] + b"\n"
    start = await table_state(db)
    error, text = await send(disp, "atlas.csv", head)
    assert error and "as-of" in text
    error, text = await send(disp, "atlas.csv", head, "as-of:2030-01-01")
    assert error and "future" in text
    assert await table_state(db) == start
    error, text = await send(disp, "atlas.csv", head, "as-of:2020-10-07")
    assert not error, text


def _facts(line: str) -> bytes:
    return (FACTS_HEADER + line + "\n").encode()


BAD_FILES = [
    ("wrong columns", b"name,city\nx,y\n", "unknown columns"),
    (
        "impossible date",
        _facts("law,Virginia,,,2021-02-31,ban,in-force,,https://ex.org/v,"),
        "line 2: 2021-02-31 is not a real calendar date",
    ),
    (
        "future date",
        _facts("law,Virginia,,,2031-02-01,ban,in-force,,https://ex.org/v,"),
        "line 2: 2031-02-01 is in the future",
    ),
    (
        "bad url",
        _facts("law,Virginia,,,2021-02-01,ban,in-force,,ftp://ex.org/v,"),
        "line 2: source_url",
    ),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" + bytes(range(256)), "binary"),
    ("not utf-8", b"fact,subject\n\xff\xfe caf\xe9\n", "UTF-8"),
    ("empty", b"", "empty"),
    ("header only", FACTS_HEADER.encode(), "no rows"),
    (
        "unknown agency",
        _facts("partnership,Nowhere Police Department,WI,,2020-01-01,,,,https://ex.org/n,"),
        "line 2: no agency",
    ),
]


@pytest.mark.parametrize(("what", "content", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
async def test_bad_csv_changes_nothing(
    disp: Dispatcher, fdeps: Deps, what: str, content: bytes, message: str, db: Database
) -> None:
    start = await table_state(db)
    error, text = await send(disp, "facts.csv", content)
    assert error and message in text, text
    assert "Nothing was imported" in text or "unknown columns" in text
    assert await table_state(db) == start
    assert await count(db, "SELECT COUNT(*) FROM changes") == 0


async def test_a_bad_line_after_good_ones_imports_nothing(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    start = await table_state(db)
    content = (
        FACTS_HEADER
        + "law,Virginia,,,2021-07-01,ban,in-force,,https://ex.org/v,\n"
        + "event,Amazon,,,2021-05-18,extension,,Extended,https://ex.org/a,\n"
        + "partnership,Nowhere Police Department,WI,,2020-01-01,,,,https://ex.org/n,\n"
    ).encode()
    error, text = await send(disp, "facts.csv", content)
    assert error and "line 4" in text
    assert await table_state(db) == start


async def test_oversized_file_is_refused_before_reading(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    start = await table_state(db)
    error, text = await send(disp, "big.csv", FACTS_HEADER.encode() + b"x" * MAX_IMPORT_BYTES)
    assert error and "limit" in text
    assert await table_state(db) == start


async def test_no_attachment(disp: Dispatcher) -> None:
    reply = await disp.run_text(ADMIN, "/facts import")
    assert reply.error and "attached file" in reply.text


async def test_facts_csv_import_and_undo(disp: Dispatcher, fdeps: Deps, db: Database) -> None:
    start = await table_state(db)
    content = (
        FACTS_HEADER
        + 'law,"Oakland, CA",,,2019-07-16,ban,in-force,City use banned,https://ex.org/o,\n'
        + "event,Amazon,,,2021-05-18,extension,Moratorium,Extended,https://ex.org/a,\n"
        + "partnership,Smalltown Police Department,WI,Smalltown,2021-03-01,,,,https://ex.org/s,yes\n"
    ).encode()
    error, text = await send(disp, "facts.csv", content)
    assert not error, text
    assert await count(db, "SELECT COUNT(*) FROM laws WHERE city = 'Oakland'") == 1
    assert await count(db, "SELECT COUNT(*) FROM company_events") == 1
    assert place_index(fdeps).resolve("Smalltown, WI").state == "WI"
    error, text = await send(disp, "facts.csv", content)  # the partnership is now on record
    assert error and "line 4" in text and "already has a partnership" in text
    reply = await disp.run_text(ADMIN, "/facts undo C1")
    assert not reply.error, reply.text
    assert await table_state(db) == start


async def test_member_cannot_import(disp: Dispatcher, fdeps: Deps, db: Database) -> None:
    member = identity(Role.MEMBER, user_id="M1")
    reply = await disp.run_text(member, "/facts import", (Attachment("f.csv", b"x"),))
    assert reply.error and "only the operator's facts admins" in reply.text
    assert await count(db, "SELECT COUNT(*) FROM refusals") == 1


async def test_facts_already_on_record_are_not_added_again(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    content = (
        FACTS_HEADER
        + 'law,"Oakland, CA",,,2019-07-16,ban,in-force,,https://ex.org/o,\n'
        + "event,Amazon,,,2021-05-18,extension,Moratorium,Extended,https://ex.org/a,\n"
    ).encode()
    error, text = await send(disp, "facts.csv", content)
    assert not error, text
    law = await db.fetchone("SELECT scope FROM laws WHERE city = 'Oakland'")
    assert law is not None and law["scope"] == ""  # no scope invented where the row gives none
    error, again = await send(disp, "facts.csv", content)
    assert not error, again
    assert "already on record, not added again: 2 lines (2, 3)" in again
    assert await count(db, "SELECT COUNT(*) FROM company_events") == 1
    assert await count(db, "SELECT COUNT(*) FROM laws WHERE city = 'Oakland'") == 1
    typed = await disp.run_text(
        ADMIN, '/facts add-event Amazon 2021-05-18 extension "Extended" https://ex.org/a'
    )
    assert typed.error and "already records this" in typed.text
    assert "nothing was added" in typed.text and "\n" not in typed.text
    other_source = await disp.run_text(
        ADMIN, '/facts add-event Amazon 2021-05-18 extension "Extended" https://ex.org/b'
    )
    assert not other_source.error  # a second source for the same day is a fact of its own


async def test_every_problem_of_a_facts_csv_is_told_at_once(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    start = await table_state(db)
    content = (
        FACTS_HEADER
        + "event,Amazon,,,2021-05-18,party,,Extended,https://ex.org/a,\n"  # a bad kind
        + "event,Initech,,,2021-05-18,extension,,Extended,https://ex.org/b,\n"  # no such company
        + "law,Atlantis,,,2019-07-16,ban,in-force,,https://ex.org/o,\n"  # no such jurisdiction
    ).encode()
    error, text = await send(disp, "facts.csv", content)
    assert error and "\n" not in text
    assert text.index("line 2: event kind") < text.index("line 3: no company called 'Initech'")
    assert "line 4: jurisdiction must be" in text
    assert await table_state(db) == start  # the dry run wrote nothing
