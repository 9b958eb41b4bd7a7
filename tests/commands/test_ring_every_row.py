"""Every Ring row of the real Atlas export, looked up by its own City and State.

`/ring lookup <City>, <State>` must list the row's agency with the row's date, for all
1,501 rows; the exceptions are listed below with the reason. Skipped when the export is
absent (tests/conftest.py, shared_data_file).
"""

from __future__ import annotations

import calendar
import csv
import io

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.errors import UserError
from places.index import NotExact, place_index
from places.jurisdiction import jurisdiction_of
from storage.importers.atlas import RING
from storage.importers.dates import LooseDate, date_in_sentence, parse_loose_date
from tests.conftest import shared_data_file

ATLAS = "eff_atlas_of_surveillance_2020-10-07.csv"

# Rows whose Summary names another agency than the Agency cell: the Summary's agency signed.
SUMMARY_NAMES = {
    "AOS3909": "Kalamazoo Department of Public Safety",
    "AOS4963": "Town of Madison Police Department",
}

# Rows that cannot be found by their own City cell, and why. Empty: every row is found.
EXCEPTIONS: dict[str, str] = {}


def expected_date(row: dict[str, str]) -> str:
    """The row's date as an answer words it: 2019-04-02, 'September 2020', '2019'."""
    found: LooseDate | None = parse_loose_date(row["Link 1 Date"])
    if found is None:
        found = date_in_sentence(" ".join(row["Summary"].split()))
    assert found is not None, row["AOSNUMBER"]
    if found.precision == "day":
        return found.value
    year, month = found.value[:4], int(found.value[5:7])
    return year if found.precision == "year" else f"{calendar.month_name[month]} {year}"


pytestmark = pytest.mark.real_data("atlas")  # the `db` fixture opens with the export


@pytest.fixture
def atlas(dispatcher: Dispatcher) -> Dispatcher:
    return dispatcher


async def test_every_ring_row_is_found_by_its_own_city(
    atlas: Dispatcher, member: Identity, capsys: pytest.CaptureFixture[str]
) -> None:
    text = shared_data_file(ATLAS).read_text(encoding="utf-8")
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["Technology"] == RING]
    assert len(rows) == 1501
    missed: dict[str, str] = {}
    for row in rows:
        record = row["AOSNUMBER"]
        city, state = " ".join(row["City"].split()), row["State"].strip()
        agency = SUMMARY_NAMES.get(record, " ".join(row["Agency"].split()))
        # Quoted: a bare apostrophe (Lee's Summit) is the grammar's business, not this test's.
        reply = await atlas.run_text(member, f'/ring lookup "{city}, {state}"')
        # Names compare case-insensitively: the Atlas spells one agency 'Sheriff'S Office'.
        # Its own field, or (not the city's own police: a county's, another town's with an
        # address there) named with its date in a labelled field.
        fields = [f for f in reply.fields if f.name.lower() == f"{agency}, {state}".lower()]
        date = expected_date(row)
        listed = any(f"{agency} (".lower() in f.value.lower() for f in reply.fields)
        if reply.error or not (any(date in f.value for f in fields) or listed):
            missed[record] = f"{city}, {state}: {reply.text[:80]}"
    found = len(rows) - len(missed)
    with capsys.disabled():
        print(f"\nRing rows found by their own city: {found}/{len(rows)}"
              f" ({100 * found / len(rows):.1f}%)")  # fmt: skip
    assert {k: v for k, v in missed.items() if k not in EXCEPTIONS} == {}


@pytest.mark.parametrize("place", ["Paris, France", "São Paulo"])
async def test_a_place_outside_the_data_is_not_corrected_into_one(
    atlas: Dispatcher, member: Identity, place: str
) -> None:
    reply = await atlas.run_text(member, f'/ring lookup "{place}"')
    assert reply.error, reply.text
    assert "Paris, TN" not in reply.text and "Ring partnerships" not in reply.text


async def test_a_correction_is_never_stored(atlas: Dispatcher, deps: Deps) -> None:
    index = place_index(deps)
    assert index.exact("greenfield,  wi").label == "Greenfield, WI"
    assert not index.match("Greenfeild, WI").exact  # a read may show the closest ...
    with pytest.raises(NotExact, match=r"Closest: Greenfield, WI"):
        index.exact("Greenfeild, WI")  # ... a write never stores it


async def test_a_law_jurisdiction_is_named_exactly(atlas: Dispatcher, admin: Identity) -> None:
    for typed, closest in (("Greenfeild, WI", "Greenfield, WI"), ("Gotham City, NY", "")):
        reply = await atlas.run_text(
            admin, f'/facts add-law "{typed}" ban 2021-06-01 in-force https://example.org/a'
        )
        assert reply.error and f"Closest: {closest}" in reply.text, reply.text


async def test_the_atlas_name_of_a_signer_finds_it(atlas: Dispatcher, member: Identity) -> None:
    reply = await atlas.run_text(member, "/ring lookup Kalamazoo Township Police Department, MI")
    names = {f.name: f.value for f in reply.fields}
    assert "2019-04-29" in names["Kalamazoo Department of Public Safety, MI"]
    assert "2019-09-23" in names["Kalamazoo Township Police Department, MI"]


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("Paris France", None), ("London UK", None), ("Washington, D.C.", "Washington, DC")],
)
async def test_bare_names_are_corrected_only_when_close_as_a_whole(
    atlas: Dispatcher, member: Identity, typed: str, shown: str | None
) -> None:
    reply = await atlas.run_text(member, f'/ring lookup "{typed}"')
    if shown is None:
        assert reply.error and "is on record" in reply.text, reply.text
    else:
        assert not reply.error and reply.title.endswith(shown), reply.text


async def test_every_ring_row_is_found_by_its_jurisdictions_name(
    atlas: Dispatcher, deps: Deps, member: Identity, capsys: pytest.CaptureFixture[str]
) -> None:
    """'Gates, NY' finds the Gates police (a Rochester address), 'Mount Lebanon, PA' the
    Mount Lebanon police (a Pittsburgh one): each agency by its own jurisdiction's name."""
    index = place_index(deps)
    partnerships = index.facts.ring_partnerships(
        [i for place in index.all_places() for i in place.agency_ids]
    )
    missed: list[str] = []
    for deployment in partnerships:
        j = jurisdiction_of(deployment.agency, deployment.summary)
        if j.kind in ("special", "other", "regional", "state"):
            continue  # found by their own names (the agency place), not a municipality's
        try:
            place = index.resolve(j.label)
        except UserError as exc:
            missed.append(f"{deployment.agency.name}: {exc.message[:120]}")
            continue
        if deployment.agency.id not in place.agency_ids:
            missed.append(f"{deployment.agency.name}: {j.label} -> {place.label}")
    with capsys.disabled():
        print(f"\nRing agencies found by their jurisdiction's name: "
              f"{len(partnerships) - len(missed)}/{len(partnerships)}")  # fmt: skip
    # Left for a follow-up: each resolves to two places under one label (a place named
    # after the county from another column, and the county), so the look-up asks which.
    known = ("Grundy County Sheriff's Office:", "Metro Police Authority of Genesee County:")
    assert [m for m in missed if not m.startswith(known)] == []
    assert len(missed) <= len(known)
    for typed in ("Mount Lebanon, PA", "Gates, NY", "Stafford Township, NJ", "Upper Darby, PA"):
        reply = await atlas.run_text(member, f"/ring lookup {typed}")
        assert "Ring partnerships on record for" in reply.text, (typed, reply.text)
        assert "has no Ring partnership" not in reply.text, typed


async def test_a_city_s_own_police_apart_from_the_county_s(
    atlas: Dispatcher, member: Identity
) -> None:
    oakland = await atlas.run_text(member, "/ring lookup Oakland, CA")
    assert "Oakland, CA's own police have no Ring partnership" in oakland.text, oakland.text
    county = [f for f in oakland.fields if "Alameda County Sheriff" in f.value]
    assert county and county[0].name.startswith("County and state agencies serving parts of")
    rochester = await atlas.run_text(member, "/ring lookup Rochester, NY")
    others = [f for f in rochester.fields if "Gates Police Department" in f.value]
    assert others and "(the police of Gates, NY" in others[0].value, rochester.fields
