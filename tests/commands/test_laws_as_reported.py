"""Laws as the sources report them: the IFF table imported through /facts import says whose
word it is and invents no scope; a pending law is not 'no longer in force'; Virginia says
when its ban took effect and when its reversal was signed and took effect."""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Attachment, Role
from places.index import place_index
from storage.db import Database
from storage.facts import write as w
from storage.seed import ensure_seed
from storage.sql import Conn
from tests.conftest import FIXED_NOW, identity, shared_data_file

ADMIN = identity(Role.ADMIN, user_id="A1")
LAWS = "us_facial_recognition_local_laws_iff_2021-05.csv"


async def test_facts_import_recognises_the_laws_table(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await ensure_seed(db, now=FIXED_NOW)
    content = shared_data_file(LAWS).read_bytes()
    reply = await dispatcher.run_text(ADMIN, "/facts import", (Attachment(LAWS, content),))
    assert not reply.error, reply.text
    assert "26 rows read" in reply.text and "laws created: 17" in reply.text
    assert "Undo the whole import: /facts undo C1" in reply.text
    await place_index(deps).reload()
    california = (await dispatcher.run_text(identity(), "/laws CA")).fields
    berkeley = next(f.value for f in california if f.name == "Berkeley, CA")
    # The table's date is a "date of action", never called the day a law was enacted.
    assert berkeley.startswith("Ban. Date of action in that table: 2019-10-16; status: in force")
    assert "Internet Freedom Foundation's table of May 2021; not re-checked since" in berkeley
    assert not any("Government use of facial recognition" in f.value for f in california)
    bart = next(f.value for f in california if f.name.startswith("BART"))
    assert bart.startswith("Oversight rule: Transparency and accountability rules")
    assert "not specific to facial recognition" in bart
    texas = (await dispatcher.run_text(identity(), "/laws TX")).fields[0].value
    # Corrected in kind, not in date: the table's date is still called the table's.
    assert "Date of action in that table: 2017-09-01" in texas and "Enacted" not in texas
    assert "Its date and the rest are as reported by the Internet Freedom" in texas
    undo = await dispatcher.run_text(ADMIN, "/facts undo C1")
    assert not undo.error, undo.text
    assert not any(
        f.name == "Berkeley, CA" for f in (await dispatcher.run_text(identity(), "/laws CA")).fields
    )


async def test_virginia_says_when_it_took_effect_and_was_reversed(
    dispatcher: Dispatcher, db: Database
) -> None:
    await ensure_seed(db, now=FIXED_NOW)
    virginia = (await dispatcher.run_text(identity(), "/laws VA")).fields[0].value
    assert "Took effect in July 2021; status: reversed on 2022-07-01" in virginia
    assert "signed 2022-04-27, in effect 2022-07-01" in virginia


async def test_a_pending_law_is_not_counted_as_no_longer_in_force(
    dispatcher: Dispatcher, db: Database
) -> None:
    async def pending(conn: Conn) -> None:
        source = await w.upsert_source(conn, "https://news.example/bill", "News")
        await w.upsert_law(
            conn, jurisdiction="New York", state="NY", level="state", kind="ban",
            scope="A bill to ban police use.", enacted="2026-03-01", status="pending",
            source_id=source, as_of="2026-03-02", natural_key="t:ny", origin="import",
        )  # fmt: skip

    await db.write(pending)
    reply = await dispatcher.run_text(identity(), "/laws NY")
    assert "1 pending, not yet in force." in reply.text
    assert "no longer" not in reply.text
    assert "status: pending (not yet in force)" in reply.fields[0].value
