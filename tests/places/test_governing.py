"""Governing bodies: sourced rules or the honest fallback, over every Ring row of the Atlas."""

from __future__ import annotations

import csv

import pytest

from bot.core.errors import UserError
from commands.letters.addressee import agency_body, place_body
from lexicon.names import normalize
from places.governing import parse_rules, rules
from places.jurisdiction import jurisdiction_of
from places.snapshot import Place
from storage.facts.models import Agency
from storage.importers.atlas import RING
from tests.conftest import shared_data_file


def _ring_agencies() -> list[tuple[Agency, str]]:
    path = shared_data_file("eff_atlas_of_surveillance_2020-10-07.csv")
    with path.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["Technology"] == RING]
    return [
        (Agency(i, r["Agency"], r["City"], r["County"], r["State"], r["Type of LEA"],
                r["Type of Juris"]), r["Summary"])
        for i, r in enumerate(rows)
    ]  # fmt: skip


def test_every_ring_letter_goes_to_its_jurisdiction_never_the_mailing_town() -> None:
    sourced = fallback = refused = 0
    for agency, summary in _ring_agencies():
        j = jurisdiction_of(agency, summary)
        try:
            body = agency_body(agency, summary)
        except UserError:
            refused += 1  # the dissolved Town of Madison, WI
            continue
        to = body.en
        assert "Board of Commissioners" not in to and "City Council" not in to, to
        # Named for its own jurisdiction (Gates, not its Rochester mailing address).
        named = normalize(j.name) in normalize(to) or normalize(j.name) in normalize(body.cc_en)
        assert named or body.cite, (agency.name, agency.city, to)
        if body.cite:
            sourced += 1
        else:
            fallback += 1
            assert to.startswith("the governing body of ") or body.one, to
        if normalize(agency.kind) == "sheriff":
            assert body.one and not body.governs, agency.name
    print(f"\nRing agencies: body sourced {sourced}, honest fallback {fallback}, refused {refused}")
    assert refused == 1


def test_named_cases() -> None:
    gates = Agency(1, "Gates Police Department", "Rochester", "Monroe County", "NY", "Police",
                   "Municipal")  # fmt: skip
    summary = "The Town of Gates Police Department signed an agreement with Amazon's Ring"
    assert agency_body(gates, summary).en == "the Town Board of the Town of Gates"
    assert agency_body(gates).en == "the governing body of Gates, NY"
    scarsdale = Agency(5, "Scarsdale Village Police Department", "Scarsdale", "", "NY",
                       "Police", "Municipal")  # fmt: skip
    assert agency_body(scarsdale).en == "the Board of Trustees of the Village of Scarsdale"
    assert "VIL/3-301" in agency_body(scarsdale).cite
    slmpd = Agency(2, "St. Louis Metropolitan Police Department", "St. Louis", "", "MO",
                   "Police", "Municipal")  # fmt: skip
    assert agency_body(slmpd).en == "the St. Louis Board of Police Commissioners"
    assert "missourinet" in agency_body(slmpd).cite
    king = Agency(3, "King County Sheriff's Office", "Seattle", "King County", "WA", "Sheriff",
                  "County")  # fmt: skip
    body = agency_body(king)
    assert body.en == "the King County Sheriff's Office"
    assert body.cc_en == "the Metropolitan King County Council" and not body.governs
    madison = Agency(4, "Town of Madison Police Department", "Madison", "Dane County", "WI",
                     "Police", "Municipal")  # fmt: skip
    with pytest.raises(UserError, match="dissolved on 2022-10-31"):
        agency_body(madison)


def test_no_county_government_no_county_board() -> None:
    for county, state in (("Hartford County", "CT"), ("Providence County", "RI"),
                          ("Middlesex County", "MA")):  # fmt: skip
        place = Place(f"{county}, {state}", "county", "", county, state)
        with pytest.raises(UserError, match=r"no county government|abolished"):
            place_body(place)
    calcasieu = Place("Calcasieu Parish, LA", "county", "", "Calcasieu Parish", "LA")
    assert place_body(calcasieu).en == "the governing body of Calcasieu Parish, LA"


def test_every_rule_is_sourced_and_an_unsourced_one_is_refused() -> None:
    assert all(r.url.startswith("http") and r.publisher and r.as_of for r in rules())
    with pytest.raises(ValueError, match="no url"):
        parse_rules('[[body]]\nstate="NY"\nkind="town"\nen="x"\nes="x"\nrelation="governs"\n'
                    'publisher="p"\nas_of="2020-01-01"\n')  # fmt: skip
