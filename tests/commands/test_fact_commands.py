"""The fact commands through the dispatcher, on a small hand-written fixture."""

from __future__ import annotations

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Reply
from bot.core.registry import AutocompleteContext
from places.index import place_index
from storage.db import Database
from tests.facts_sample import load_sample

CTX = AutocompleteContext(platform="test", workspace="W1", user_id="U1")


@pytest.fixture
async def facts_dispatcher(dispatcher: Dispatcher, deps: Deps, db: Database) -> Dispatcher:
    await load_sample(db)
    await place_index(deps).reload()
    return dispatcher


async def ask(d: Dispatcher, who: Identity, line: str) -> Reply:
    return await d.run_text(who, line)


async def test_moratorium_overview_lists_every_company_with_status(
    facts_dispatcher: Dispatcher, member: Identity
) -> None:
    reply = await ask(facts_dispatcher, member, "/moratorium")
    assert not reply.error
    fields = {f.name: f.value for f in reply.fields}
    assert set(fields) == {"Acme Vision", "Amazon", "Meta", "Ring"}
    assert fields["Amazon"].startswith("Moratorium extended indefinitely (since 2021-05-18)")
    assert "Reuters, 2021-05-18: https://news.example/amazon" in fields["Amazon"]
    assert "since November 2021" in fields["Meta"]  # month precision, no invented day
    assert fields["Acme Vision"] == "No policy status on record."
    assert "as of 2024-06-01" in reply.text.lower()


@pytest.mark.parametrize("typed", ["amazon", "Amazon Rekognition", "AWS", "amazn", "Amazon Inc."])
async def test_moratorium_company_forgiving_names(
    facts_dispatcher: Dispatcher, member: Identity, typed: str
) -> None:
    reply = await ask(facts_dispatcher, member, f"/moratorium {typed}")
    assert not reply.error, reply.text
    assert reply.title.startswith("Amazon:")
    assert [f.name for f in reply.fields] == ["2020-06-10", "2021-05-18"]
    assert "BuzzFeed News" in reply.fields[0].value
    assert "Reuters" in reply.fields[1].value
    assert "Current status: Moratorium extended indefinitely" in reply.text


async def test_moratorium_facebook_alias_and_unknown(
    facts_dispatcher: Dispatcher, member: Identity
) -> None:
    reply = await ask(facts_dispatcher, member, "/moratorium facebook")
    assert reply.title.startswith("Meta:")
    unknown = await ask(facts_dispatcher, member, "/moratorium Initech")
    assert unknown.error and "No company called 'Initech'" in unknown.text
    assert "Amazon" in unknown.text and "\n" not in unknown.text
    short = await ask(facts_dispatcher, member, "/moratorium a")
    assert short.error  # one letter is not a company


async def test_ring_lookup_names_agency_date_source_and_as_of(
    facts_dispatcher: Dispatcher, member: Identity
) -> None:
    reply = await ask(facts_dispatcher, member, "/ring lookup Greenfield, WI")
    assert not reply.error
    assert reply.title == "Ring police partnerships: Greenfield, WI"
    agency = reply.fields[0]
    assert agency.name == "Greenfield Police Department, WI"
    assert "on 2019-03-05 (as recorded in the EFF Atlas snapshot of 2020-10-07)" in agency.value
    assert "Atlas of Surveillance" in agency.value
    today = reply.after.split("What that date means today:\n", 1)[1]
    assert today.startswith("- 2024-01-24: No police video requests through the app.")
    assert "Source: Consumer Reports, 2024-01-24" in today
    # The answer first, what its date means today after it (not six bullets above it).
    assert "What that date means today" not in reply.text
    shown = reply.as_text()
    assert shown.index("Greenfield Police Department, WI:") < shown.index("means today")
    assert reply.private  # where a member lives is theirs to tell: shared only on request
    shared = await ask(facts_dispatcher, member, "/ring lookup Greenfield, WI share:true")
    assert not shared.private and shared.fields == reply.fields


async def test_ring_lookup_month_precision_and_typo(
    facts_dispatcher: Dispatcher, member: Identity
) -> None:
    reply = await ask(facts_dispatcher, member, "/ring lookup West Alis WI")
    assert not reply.error
    assert "closest: West Allis, WI" in reply.text
    assert "in September 2020" in reply.fields[0].value
    assert "2020-09-01" not in reply.fields[0].value


async def test_ring_lookup_ended_partnership_says_so(
    facts_dispatcher: Dispatcher, member: Identity
) -> None:
    reply = await ask(facts_dispatcher, member, "/ring lookup Somerville Police Department, MA")
    assert "in June 2019" in reply.fields[0].value
    assert "ended on 2021-02-15" in reply.fields[0].value


async def test_ring_lookup_no_record_names_county_partners(
    facts_dispatcher: Dispatcher, member: Identity
) -> None:
    reply = await ask(facts_dispatcher, member, "/ring lookup Milwaukee, WI")
    assert not reply.error
    assert "Milwaukee, WI has no Ring partnership in the EFF Atlas snapshot of 2020-10-07" in (
        reply.text
    )
    assert "not the same as never having partnered" in reply.text
    assert "lists 3 agencies, the latest joining in September 2020" in reply.text
    county = next(f for f in reply.fields if "Milwaukee County, WI" in f.name)
    assert "Greenfield Police Department (2019-03-05)" in county.value
    assert "West Allis Police Department (September 2020)" in county.value


async def test_ring_lookup_ambiguous_unknown_and_bad_input(
    facts_dispatcher: Dispatcher, member: Identity
) -> None:
    ambiguous = await ask(facts_dispatcher, member, "/ring lookup Miami")
    assert ambiguous.error and "Miami, FL" in ambiguous.text and "Miami, OK" in ambiguous.text
    unknown = await ask(facts_dispatcher, member, "/ring lookup Zzyzx, CA")
    assert unknown.error and "No place called" in unknown.text
    missing = await ask(facts_dispatcher, member, "/ring lookup")
    assert missing.error and "Usage: /ring lookup <place>" in missing.text
    long = await ask(facts_dispatcher, member, "/ring lookup " + "x" * 500)
    assert long.error and "too long" in long.text
    control = await ask(facts_dispatcher, member, "/ring lookup Green\x07field")
    assert control.error and "control characters" in control.text


async def test_empty_database_gives_clear_messages(
    dispatcher: Dispatcher, member: Identity
) -> None:
    for line in ("/ring lookup Greenfield, WI", "/local Oakland, CA", "/laws Oakland, CA"):
        reply = await ask(dispatcher, member, line)
        assert reply.error and "empty" in reply.text, line
    stats = await ask(dispatcher, member, "/ring stats")
    assert not stats.error and stats.text == "No Ring partnership is on record (all states)."
    laws = await ask(dispatcher, member, "/laws")
    assert not laws.error and "No facial-recognition law is on record" in laws.text
    moratorium = await ask(dispatcher, member, "/moratorium amazon")
    assert moratorium.error and "empty" in moratorium.text


async def test_ring_stats_by_state_and_year(facts_dispatcher: Dispatcher, member: Identity) -> None:
    reply = await ask(facts_dispatcher, member, "/ring stats")
    assert reply.text.startswith("3 agencies with a Ring partnership on record.\n")
    assert "Agencies by state (2): WI 2, MA 1." in reply.text
    assert "Of these, 1 agency recorded as ended." in reply.text
    # The dataset is cited once, by name, date and home, not by arbitrary map links.
    assert reply.text.count("Source: EFF Atlas of Surveillance snapshot of 2020-10-07") == 1
    assert "What these dates mean today:\n- 2024-01-24: No police video requests" in reply.text
    assert {f.name: f.value for f in reply.fields} == {
        "Agencies that joined in 2019": "2",
        "Agencies that joined in 2020": "1",
    }
    wisconsin = await ask(facts_dispatcher, member, "/ring stats Wisconsin")
    assert wisconsin.title.endswith("Wisconsin (WI)") and "2 agencies" in wisconsin.text
    bad = await ask(facts_dispatcher, member, "/ring stats Atlantis")
    assert bad.error and "not a US state" in bad.text


async def test_local_shows_ring_other_technology_and_laws(
    facts_dispatcher: Dispatcher, member: Identity
) -> None:
    miami = await ask(facts_dispatcher, member, "/local Miami, FL")
    names = [f.name for f in miami.fields]
    assert "Face Recognition" in names
    face = next(f.value for f in miami.fields if f.name == "Face Recognition")
    assert "vendor Clearview AI" in face and "in 2019" in face and "as of 2020-10-07" in face
    somerville = await ask(facts_dispatcher, member, "/local Somerville, MA")
    laws = next(f.value for f in somerville.fields if f.name.startswith("Facial-recognition"))
    assert "Bans city use of face surveillance." in laws and "Enacted on 2019-06-27" in laws
    assert "in December 2020" in laws  # the state law, month precision
    ring = next(f.value for f in somerville.fields if f.name.startswith("Ring"))
    assert "ended on 2021-02-15" in ring


async def test_laws_by_state_place_and_all(facts_dispatcher: Dispatcher, member: Identity) -> None:
    virginia = await ask(facts_dispatcher, member, "/laws VA")
    assert "status: reversed on 2022-07-01" in virginia.fields[0].value
    assert "1 no longer fully in force" in virginia.text
    oakland = await ask(facts_dispatcher, member, "/laws Somerville, MA")
    assert [f.name for f in oakland.fields] == ["Somerville, MA", "Massachusetts"]
    everything = await ask(facts_dispatcher, member, "/laws")
    assert len(everything.fields) == 4
    none = await ask(facts_dispatcher, member, "/laws Greenfield, WI")
    assert not none.error and "No facial-recognition law is on record" in none.text
    unknown = await ask(facts_dispatcher, member, "/laws Zzyzx")
    assert unknown.error and "give a state" in unknown.text


async def test_autocomplete_sources(facts_dispatcher: Dispatcher) -> None:
    places = await facts_dispatcher.autocomplete("place", CTX, "Greenf")
    assert [c.value for c in places][:2] == ["Greenfield, IN", "Greenfield, WI"]
    assert len(await facts_dispatcher.autocomplete("place", CTX, "x" * 1000)) <= 25
    companies = await facts_dispatcher.autocomplete("company", CTX, "am")
    assert [(c.label, c.value) for c in companies] == [("Amazon", "amazon")]
    everything = await facts_dispatcher.autocomplete("company", CTX, "")
    assert {c.value for c in everything} == {"acme", "amazon", "meta", "ring"}
    typo = await facts_dispatcher.autocomplete("company", CTX, "amazn")
    assert typo[0].value == "amazon"


async def test_fact_options_are_capped_and_use_autocomplete(dispatcher: Dispatcher) -> None:
    for path in (("ring", "lookup"), ("local",), ("laws",), ("moratorium",), ("ring", "stats")):
        command = dispatcher.registry.get(path)
        assert command is not None
        for option in command.options:
            assert option.max_length <= 120
            if option.name == "place":
                assert option.autocomplete == "place"
            if option.name == "company":
                assert option.autocomplete == "company"
