"""Letters and petitions say what the stored law facts say: the event the date records,
never "passed" for a pending law, what exists besides bans, partial reversals by name,
no broken text where a field is empty, and the IFF table's "not re-checked" flag."""

from __future__ import annotations

import re

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from commands import build_registry
from places.index import place_index
from storage.db import Database
from storage.facts.write import upsert_law, upsert_source
from storage.sql import Conn

LAWS_CSV = "us_facial_recognition_local_laws_iff_2021-05.csv"
ATLAS_CSV = "eff_atlas_of_surveillance_2020-10-07.csv"
# Text a template leaves when a field it joins is empty.
BROKEN = re.compile(r": \.|\. \.|, \.| \.")


# The letters' facts (tests/commands/letters/conftest.py), then the real export and table.
pytestmark = pytest.mark.real_data("seed", "letters", "atlas", "laws")


@pytest.fixture
async def disp(deps: Deps, db: Database) -> Dispatcher:
    await db.write(_pending_law)
    await place_index(deps).reload()
    return Dispatcher(build_registry(), deps)


async def _pending_law(conn: Conn) -> None:
    source = await upsert_source(conn, "https://example.org/pending-bill", "Example News")
    await upsert_law(
        conn,
        jurisdiction="Pendleton, WI",
        city="Pendleton",
        state="WI",
        level="city",
        kind="ban",
        scope="A proposed ordinance",
        enacted="2024-03-01",
        status="pending",
        source_id=source,
        as_of="2024-03-02",
        natural_key="test:pendleton-or",
        origin="test",
    )


async def _draft(disp: Dispatcher, who: Identity, line: str) -> str:
    reply = await disp.run_text(who, line)
    assert not reply.error, (line, reply.text)
    return reply.text


async def test_event_verbs_follow_the_stored_event(disp: Dispatcher, member: Identity) -> None:
    md = await _draft(disp, member, "/letter draft ban-petition Baltimore, MD")
    assert "Virginia: a ban that took effect in July 2021" in md, md
    assert "passed in July 2021" not in md
    md_es = await _draft(disp, member, "/letter draft ban-petition Baltimore, MD language:es")
    assert "Virginia: prohibición que entró en vigor en julio de 2021" in md_es, md_es
    assert "Baltimore, MD: a moratorium signed on August 9, 2021" in md, md
    assert "passed on August 9" not in md
    wi = await _draft(disp, member, "/letter draft ban-petition Greenfield, WI")
    line = next(ln for ln in wi.splitlines() if ln.startswith("- Pendleton"))
    assert "passed" not in line and "pending as of March 2, 2024" in line, line


async def test_non_bans_are_named_as_what_they_are(disp: Dispatcher, member: Identity) -> None:
    il = await _draft(disp, member, "/letter draft ban-petition Springfield, IL")
    assert "list no facial-recognition law passed in Illinois" not in il
    assert "Biometric Information Privacy Act" in il and "not a ban" in il, il
    tx = await _draft(disp, member, "/letter draft ban-petition Houston, TX")
    assert "consent rule" in tx and "not a ban" in tx, tx
    tx_es = await _draft(disp, member, "/letter draft ban-petition Houston, TX language:es")
    assert "no es una prohibición" in tx_es, tx_es


async def test_partial_reversal_is_named(disp: Dispatcher, member: Identity) -> None:
    refused = await disp.run_text(member, "/letter draft ban-petition New Orleans, LA")
    assert refused.error and "partly reversed on 2022-07-28" in refused.text
    assert "in force" not in refused.text
    keep = await _draft(disp, member, "/letter draft keep-ban New Orleans, LA")
    assert "Partly reversed on July 28, 2022" in keep, keep
    keep_es = await _draft(disp, member, "/letter draft keep-ban New Orleans, LA language:es")
    assert "Revertida en parte el 28 de julio de 2022" in keep_es, keep_es


@pytest.mark.parametrize("place", ["Madison, WI", "Berkeley, CA", "Alameda, CA"])
async def test_empty_fields_leave_no_broken_text(
    disp: Dispatcher, member: Identity, place: str
) -> None:
    for language in ("en", "es"):
        text = await _draft(disp, member, f"/letter draft keep-ban {place} language:{language}")
        assert not BROKEN.search(text), (place, language, BROKEN.findall(text), text)


async def test_iff_rows_carry_the_not_rechecked_flag(disp: Dispatcher, member: Identity) -> None:
    wi = await _draft(disp, member, "/letter draft ban-petition Greenfield, WI")
    line = next(ln for ln in wi.splitlines() if ln.startswith("- Madison, WI"))
    assert "passed" not in line and "not re-checked" in line, line
    assert "table of May 2021" in line
    keep = await _draft(disp, member, "/letter draft keep-ban Madison, WI")
    assert "not re-checked" in keep and "passed a ban" not in keep
    es = await _draft(disp, member, "/letter draft keep-ban Madison, WI language:es")
    assert "sin verificar" in es


async def test_only_later_changes_follow_since_then(disp: Dispatcher, member: Identity) -> None:
    """The NYPD joined on 2022-11-02: a 2021 change is context, never 'since then'."""
    for language, since in (("en", "changed since then:"), ("es", "cambiado desde entonces:")):
        line = f"/letter draft ring-council New York City Police Department, NY language:{language}"
        text = await _draft(disp, member, line)
        assert since in text, text
        after = text.split(since, 1)[1].split("\n\n", 2)[1]
        years = [int(y) for y in re.findall(r"^- [^:]*?(\d{4}):", after, re.MULTILINE)]
        assert years and min(years) >= 2022, (language, after)
        before = text.split(since, 1)[0]
        assert re.search(r"^- [^:]*2021:", before, re.MULTILINE), before


async def test_an_agency_listed_twice_keeps_its_first_date(
    disp: Dispatcher, member: Identity
) -> None:
    """Oviedo's police are in the Atlas twice (2019-10-08 and 2020-04-13)."""
    text = await _draft(disp, member, "/letter draft ring-council Oviedo, FL")
    assert "portal for police on October 8, 2019" in text, text
    assert "also lists it on April 13, 2020" in text
    es = await _draft(disp, member, "/letter draft ring-council Oviedo, FL language:es")
    assert "el 8 de octubre de 2019" in es and "otra fecha: el 13 de abril de 2020" in es
    lookup = await disp.run_text(member, "/ring lookup Oviedo, FL")
    field = next(f for f in lookup.fields if f.name.startswith("Oviedo City Police"))
    first, *rest = field.value.splitlines()
    # A renderer prints the label before the first line only: each entry says it is one.
    assert first.startswith("Listed 2 times") and len(rest) == 2
    assert all(line.startswith("- Joined") for line in rest), field.value
