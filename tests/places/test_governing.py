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
        assert "Board of Commissioners" not in to, to
        assert "City Council" not in to or body.cite, to  # only where a source names one
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
    caddo = Place("Caddo Parish, LA", "county", "", "Caddo Parish", "LA")
    assert place_body(caddo).en == "the governing body of Caddo Parish, LA"  # no source yet


def test_louisiana_parishes_each_named_by_their_own_page() -> None:
    for parish, expected, source in (
        ("Calcasieu Parish", "the Calcasieu Parish Police Jury", "calcasieu.gov"),
        ("Bossier Parish", "the Bossier Parish Police Jury", "bossierparishla.gov"),
        ("St. Tammany Parish", "the St. Tammany Parish Council", "stpgov.org"),
        ("Livingston Parish", "the Livingston Parish Council", "livingstonparishcouncil.com"),
    ):
        body = place_body(Place(f"{parish}, LA", "county", "", parish, "LA"))
        assert body.en == expected and source in body.cite and body.governs


def test_every_rule_is_sourced_and_an_unsourced_one_is_refused() -> None:
    assert all(r.url.startswith("http") and r.publisher and r.as_of for r in rules())
    with pytest.raises(ValueError, match="no url"):
        parse_rules('[[body]]\nstate="NY"\nkind="town"\nen="x"\nes="x"\nrelation="governs"\n'
                    'publisher="p"\nas_of="2020-01-01"\n')  # fmt: skip


CONSOLIDATED = (
    # (agency, city, county, state, kind, jurisdiction type, body, source)
    ("Denver Police Department", "Denver", "Denver County", "CO", "Police", "Municipal",
     "the Denver City Council", "denvergov.org"),
    ("Philadelphia Police Department", "Philadelphia", "Philadelphia County", "PA", "Police",
     "Municipal", "the Philadelphia City Council", "phlcouncil.com"),
    ("Jacksonville Police Department", "Jacksonville", "Duval County", "FL", "Police",
     "Municipal", "the Jacksonville City Council", "coj.net"),
    ("Metro Nashville Police Department", "Nashville", "Davidson County", "TN", "Police",
     "Municipal", "the Metropolitan Council of Nashville and Davidson County", "nashville.gov"),
    ("Indianapolis Metropolitan Police Department", "Indianapolis", "Marion County", "IN",
     "Police", "Municipal", "the City-County Council of Indianapolis and Marion County",
     "36-3-4-2"),
    ("New Orleans Police Department", "New Orleans", "Orleans Parish", "LA", "Police",
     "Municipal", "the New Orleans City Council", "council.nola.gov"),
    ("Baton Rouge Police Department", "Baton Rouge", "East Baton Rouge Parish", "LA", "Police",
     "Municipal", "the East Baton Rouge Parish Metropolitan Council", "brla.gov"),
    ("Metropolitan Police Department", "Washington", "", "DC", "Police", "Municipal",
     "the Council of the District of Columbia", "dccouncil.gov"),
    ("New Haven Police Department", "New Haven", "New Haven County", "CT", "Police",
     "Municipal", "the New Haven Board of Alders", "newhavenct.gov"),
    ("St. Louis Police Department", "St. Louis", "", "MO", "Police", "Municipal",
     "the St. Louis Board of Police Commissioners", "missourinet"),
)  # fmt: skip


@pytest.mark.parametrize("row", CONSOLIDATED, ids=lambda row: row[0])
def test_consolidated_and_named_bodies_each_cite_their_source(
    row: tuple[str, str, str, str, str, str, str, str],
) -> None:
    name, city, county, state, kind, juris, expected, source = row
    body = agency_body(Agency(1, name, city, county, state, kind, juris))
    assert body.en == expected and body.governs and not body.one
    assert source in body.cite


def test_a_consolidated_sheriff_is_asked_directly_and_its_council_copied() -> None:
    for name, county, state, council, source in (
        ("Jacksonville Sheriff's Office", "Duval County", "FL", "the Jacksonville City Council",
         "coj.net"),
        ("Davidson County Sheriff's Office", "Davidson County", "TN",
         "the Metropolitan Council of Nashville and Davidson County", "nashville.gov"),
        ("East Baton Rouge Parish Sheriff's Office", "East Baton Rouge Parish", "LA",
         "the East Baton Rouge Parish Metropolitan Council", "brla.gov"),
        ("Richmond County Sheriff's Office", "Richmond County", "GA", "the Augusta Commission",
         "chronicle.augusta.com"),
    ):  # fmt: skip
        body = agency_body(Agency(1, name, "", county, state, "Sheriff", "County"))
        assert body.en == f"the {name}" and body.one and not body.governs
        assert body.cc_en == council and source in body.cite


def test_places_typed_by_members_reach_the_same_bodies() -> None:
    for label, city, state, expected in (
        ("St. Louis, MO", "St. Louis", "MO", "the Board of Aldermen of the City of St. Louis"),
        ("Washington, DC", "Washington", "DC", "the Council of the District of Columbia"),
        ("Nashville, TN", "Nashville", "TN",
         "the Metropolitan Council of Nashville and Davidson County"),
        ("Augusta, GA", "Augusta", "GA", "the Augusta Commission"),
        ("New Haven, IN", "New Haven", "IN", "the governing body of New Haven, IN"),  # not CT's
    ):  # fmt: skip
        assert place_body(Place(label, "city", city, "", state)).en == expected


COUNTY_RULES = (
    # (sheriff's office, county, state, the county body copied, its source)
    ("Ventura County Sheriff's Office", "Ventura County", "CA",
     "the Ventura County Board of Supervisors", "gov-sect-25000"),
    ("Denton County Sheriff's Office", "Denton County", "TX",
     "the Denton County Commissioners Court", "johnsoncountytx.org"),
    ("Forsyth County Sheriff's Office", "Forsyth County", "NC",
     "the Board of Commissioners of Forsyth County", "ncpedia.org"),
    ("Will County Sheriff's Office", "Will County", "IL", "the Will County Board",
     "55_ilcs_5_2-3006"),
    ("Cook County Sheriff's Office", "Cook County", "IL",
     "the Board of Commissioners of Cook County", "55_ilcs_5_2-3006"),
    ("Manatee County Sheriff's Office", "Manatee County", "FL",
     "the Manatee County Board of County Commissioners", "articleviii_section1"),
    ("Volusia County Sheriff's Office", "Volusia County", "FL", "the Volusia County Council",
     "volusia.org"),
    ("Onondaga County Sheriff's Office", "Onondaga County", "NY",
     "the Onondaga County Legislature", "onondaga.gov"),
    ("Albany County Sheriff's Office", "Albany County", "NY", "the Albany County Legislature",
     "ecode360.com/30960549"),
    ("Washington County Sheriff's Office", "Washington County", "NY",
     "the Washington County Board of Supervisors", "washingtoncountyny.gov"),
    ("Warren County Sheriff's Office", "Warren County", "NY",
     "the Warren County Board of Supervisors", "poststar.com"),
    ("Butler County Sheriff's Office", "Butler County", "OH",
     "the Butler County Board of County Commissioners", "orc/305.01"),
    ("Summit County Sheriff's Office", "Summit County", "OH", "the Summit County Council",
     "co.summitoh.net"),
    ("Cuyahoga County Sheriff's Office", "Cuyahoga County", "OH",
     "the Cuyahoga County Council", "cuyahogacounty.gov"),
)  # fmt: skip


@pytest.mark.parametrize("row", COUNTY_RULES, ids=lambda row: row[0])
def test_a_state_wide_county_rule_names_the_county_body_with_its_statute(
    row: tuple[str, str, str, str, str],
) -> None:
    name, county, state, council, source = row
    body = agency_body(Agency(1, name, "", county, state, "Sheriff", "County"))
    assert body.en == f"the {name}" and body.one and not body.governs
    assert body.cc_en == council and source in body.cite


def test_a_county_rule_stays_in_its_state() -> None:
    place = Place("Forsyth County, GA", "county", "", "Forsyth County", "GA")
    assert place_body(place).en == "the governing body of Forsyth County, GA"
    place = Place("Denton County, TX", "county", "", "Denton County", "TX")
    assert place_body(place).en == "the Denton County Commissioners Court"
    # The county named in Spanish inside the body's name, its English name in parentheses.
    assert place_body(place).es == (
        "la Corte de Comisionados del Condado de Denton (Denton County Commissioners Court)"
    )
    place = Place("Alameda County, CA", "county", "", "Alameda County", "CA")
    assert place_body(place).es == (
        "la Junta de Supervisores del Condado de Alameda (Alameda County Board of Supervisors)"
    )
    # New York's counties differ (legislature or board of supervisors): only those with a source.
    place = Place("Monroe County, NY", "county", "", "Monroe County", "NY")
    assert place_body(place).en == "the governing body of Monroe County, NY"


def test_ohio_and_michigan_townships_take_the_board_their_statute_fixes() -> None:
    sylvania = Agency(1, "Sylvania Township Police Department", "Sylvania", "Lucas County", "OH",
                      "Police", "Municipal")  # fmt: skip
    body = agency_body(sylvania)
    assert body.en == "the Board of Township Trustees of Sylvania Township" and body.governs
    assert "ohio_code_505-01" in body.cite and "Junta de Síndicos" in body.es
    shelby = Agency(2, "Shelby Township Police Department", "Shelby Township", "Macomb County",
                    "MI", "Police", "Municipal")  # fmt: skip
    body = agency_body(shelby)
    assert body.en == "the Township Board of Shelby Township" and body.governs
    assert "bearlaketownship.org" in body.cite
    # Pennsylvania's townships are of two classes with different boards: no state-wide rule.
    penn = Agency(3, "Lower Gwynedd Township Police Department", "Spring House", "", "PA",
                  "Police", "Municipal")  # fmt: skip
    assert agency_body(penn).en == "the governing body of the Township of Lower Gwynedd, PA"
