"""The fact commands on the real EFF Atlas export (skipped when ../shared/data is absent)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from bot.core.dispatch import Dispatcher, Identity
from bot.core.registry import AutocompleteContext
from lexicon.names import normalize
from tests.conftest import shared_data_file

ATLAS = "eff_atlas_of_surveillance_2020-10-07.csv"
RING = "Ring/Neighbors Partnership"
CTX = AutocompleteContext(platform="test", workspace="W1", user_id="U1")


pytestmark = pytest.mark.real_data("atlas")  # the `db` fixture opens with the export


@pytest.fixture
def atlas(dispatcher: Dispatcher) -> Dispatcher:
    return dispatcher


def ring_rows() -> list[dict[str, str]]:
    text = shared_data_file(ATLAS).read_text(encoding="utf-8")
    return [r for r in csv.DictReader(io.StringIO(text)) if r["Technology"] == RING]


async def test_greenfield_wi_partnership_with_its_date(atlas: Dispatcher, member: Identity) -> None:
    row = next(
        r for r in ring_rows() if r["Agency"].strip() == "Greenfield Police Department"
        and r["State"].strip() == "WI"
    )  # fmt: skip
    joined = dt.datetime.strptime(row["Link 1 Date"].strip(), "%m/%d/%y").date().isoformat()
    for line in ("/ring lookup Greenfield, WI", "/ring lookup greenfeild wi"):
        reply = await atlas.run_text(member, line)
        assert not reply.error, reply.text
        field = next(f for f in reply.fields if f.name == "Greenfield Police Department, WI")
        assert f"on {joined}" in field.value
        assert "(as recorded in the EFF Atlas snapshot of 2020-10-07)" in field.value
        assert "https://www.google.com/maps/d/viewer?mid=1eYVDPh5itXq5acDT9b0BVeQwmESBa4cB" in (
            field.value
        )


@pytest.mark.parametrize(
    "agency", ["San Francisco Police Department, CA", "Boston Police Department, MA"]
)
async def test_police_without_partnership_as_of_oct_2020(
    atlas: Dispatcher, member: Identity, agency: str
) -> None:
    reply = await atlas.run_text(member, f"/ring lookup {agency}")
    assert not reply.error, reply.text
    assert f"{agency} has no Ring partnership in the EFF Atlas snapshot of 2020-10-07" in (
        reply.text
    )
    assert "not the same as never having partnered" in reply.text


# These three were once thought to have no Ring row; the file does have one for each
# (AOS5934, AOS3776, AOS3950; docs/data.md), so the answer must say so, with the file's date.
@pytest.mark.parametrize(
    ("agency", "joined"),
    [
        ("Chicago Police Department, IL", "in September 2020"),
        ("Houston Police Department, TX", "on 2019-01-10"),
        ("Los Angeles Police Department, CA", "on 2019-05-23"),
    ],
)
async def test_big_city_partnerships_the_file_does_record(
    atlas: Dispatcher, member: Identity, agency: str, joined: str
) -> None:
    reply = await atlas.run_text(member, f"/ring lookup {agency}")
    assert not reply.error, reply.text
    assert reply.fields[0].name == agency
    joined_as_recorded = f"{joined} (as recorded in the EFF Atlas snapshot of 2020-10-07)."
    assert f"Joined Ring's Neighbors police portal {joined_as_recorded}" in reply.fields[0].value


async def test_summary_only_dates_keep_month_precision(atlas: Dispatcher, member: Identity) -> None:
    row = next(r for r in ring_rows() if not r["Link 1 Date"].strip() and "in " in r["Summary"])
    reply = await atlas.run_text(member, f"/ring lookup {row['Agency'].strip()}, {row['State']}")
    assert not reply.error, reply.text
    month_year = row["Summary"].split(", in ")[1].split(" to gain")[0]  # 'September 2020'
    assert f"in {month_year}" in reply.fields[0].value


async def test_miami_is_ambiguous_and_each_state_resolves(
    atlas: Dispatcher, member: Identity
) -> None:
    reply = await atlas.run_text(member, "/ring lookup Miami")
    assert reply.error and "Miami, FL" in reply.text and "Miami, OK" in reply.text
    for state in ("FL", "OK"):
        one = await atlas.run_text(member, f"/local Miami, {state}")
        assert not one.error and one.title == f"On record: Miami, {state}"


async def test_ring_stats_match_the_file(atlas: Dispatcher, member: Identity) -> None:
    rows = ring_rows()
    # Every Ring row is a partnership (Oviedo's two dates included): 1,501.
    reply = await atlas.run_text(member, "/ring stats")
    # 1,500 agencies: the two the Summaries name (Kalamazoo DPS, Town of Madison PD) apart.
    assert reply.text.startswith(
        f"1,500 agencies with a Ring partnership on record ({len(rows):,} partnership rows)."
    )
    assert "Agencies by state (" in reply.text and "IL 163" in reply.text
    illinois = await atlas.run_text(member, "/ring stats IL")
    assert illinois.text.startswith("163 agencies")


async def test_place_autocomplete_on_real_data(atlas: Dispatcher) -> None:
    choices = await atlas.autocomplete("place", CTX, "Greenfield, W")
    assert choices[0].value == "Greenfield, WI"
    many = await atlas.autocomplete("place", CTX, "S")
    assert len(many) == 25
    assert all(c.label.startswith("S") for c in many)


async def test_agencies_with_an_apostrophe_are_found_as_typed(
    atlas: Dispatcher, member: Identity
) -> None:
    """Over 200 Ring agencies are sheriff's offices: typed plainly, with a straight or a curly
    apostrophe, every one answers with its partnership (none 'Unbalanced quotes')."""
    named = {(r["Agency"].strip(), r["State"].strip()) for r in ring_rows() if "'" in r["Agency"]}
    assert len(named) > 200
    for agency, state in sorted(named):
        for typed in (agency, agency.replace("'", "\u2019")):
            reply = await atlas.run_text(member, f"/ring lookup {typed}, {state}")
            assert not reply.error, reply.text
            wanted = normalize(f"{agency}, {state}")  # the Atlas spells one "Sheriff'S"
            assert any(normalize(f.name) == wanted for f in reply.fields), reply.text
