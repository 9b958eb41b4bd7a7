"""/letter draft through the dispatcher, on the seed plus hand-written agencies."""

from __future__ import annotations

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from commands import build_registry
from commands.letters.catalog import LetterCatalog
from lexicon.dates import LANGUAGES


@pytest.fixture
def disp(facts_deps: Deps) -> Dispatcher:
    return Dispatcher(build_registry(), facts_deps)


async def test_ring_letter_respects_month_precision(disp: Dispatcher, member: Identity) -> None:
    reply = await disp.run_text(member, "/letter draft ring-council Greenfield, WI")
    assert not reply.error, reply.text
    assert "Greenfield Police Department" in reply.text
    assert "joined Ring's Neighbors portal for police in September 2020" in reply.text
    assert "September 1" not in reply.text
    assert "https://example.org/ring-map" in reply.text
    assert "[" not in reply.text and "To: the governing body of Greenfield, WI" in reply.text
    assert "Dear Members of the governing body of Greenfield, WI," in reply.text
    assert reply.file is not None
    assert reply.file.filename == "ring-council-greenfield-police-department-en.txt"
    assert reply.file.content.decode("utf-8") == reply.text
    assert reply.private


async def test_ring_letter_day_and_year_precision_in_spanish(
    disp: Dispatcher, member: Identity
) -> None:
    day = await disp.run_text(member, "/letter draft ring-council Shelbyville, IN language:es")
    assert "el 22 de marzo de 2018" in day.text, day.text
    year = await disp.run_text(member, "/letter draft ring-council Yearton, WI language:es")
    assert "en 2019" in year.text and "enero" not in year.text


async def test_ring_letter_shows_ring_program_today(disp: Dispatcher, member: Identity) -> None:
    reply = await disp.run_text(member, "/letter draft ring-council Greenfield, WI")
    # The latest Ring status event in the seed: Flock cancelled, Axon requests remain (2026).
    assert "2026" in reply.text and "Ring's police program has changed" in reply.text
    # No snapshot is loaded here, so only Ring's current status is shown (as /ring lookup).
    assert "the Flock integration was cancelled" in reply.text


async def test_missing_partnership_says_what_to_choose(disp: Dispatcher, member: Identity) -> None:
    reply = await disp.run_text(member, "/letter draft ring-council Quietown, WI")
    assert reply.error and "No Ring partnership of Quietown, WI" in reply.text
    assert "ban-petition Quietown, WI" in reply.text
    assert "\n" not in reply.text


async def test_ended_partnership_is_not_drafted(disp: Dispatcher, member: Identity) -> None:
    reply = await disp.run_text(member, "/letter draft ring-council Endsville, WI")
    assert reply.error and "ended" in reply.text and "ban-petition" in reply.text


async def test_place_required_and_unknown(disp: Dispatcher, member: Identity) -> None:
    reply = await disp.run_text(member, "/letter draft ring-council")
    assert reply.error and "needs a place" in reply.text
    reply = await disp.run_text(member, "/letter draft ring-council Atlantis, ZZ")
    assert reply.error and "Atlantis" in reply.text


async def test_keep_ban_needs_a_ban(disp: Dispatcher, member: Identity) -> None:
    reply = await disp.run_text(member, "/letter draft keep-ban Greenfield, WI")
    assert reply.error and "No facial-recognition ban" in reply.text
    assert "ban-petition Greenfield, WI" in reply.text
    ok = await disp.run_text(member, "/letter draft keep-ban San Francisco, CA")
    assert not ok.error
    assert "San Francisco, CA's facial-recognition ban, voted on May 14, 2019" in ok.text


async def test_ban_petition_lists_state_and_nearby_laws(disp: Dispatcher, member: Identity) -> None:
    reply = await disp.run_text(member, "/letter draft ban-petition Endsville, WI")
    assert not reply.error
    assert "list no ban, moratorium or oversight law" in reply.text  # none in the seed
    # Wisconsin's neighbors hold, in the seed, only Illinois' BIPA: a consent rule for private
    # companies, not a limit on government surveillance, so it is not cited as precedent.
    assert "Neighboring states have acted too" not in reply.text and "ilga.gov" not in reply.text
    md = await disp.run_text(member, "/letter draft ban-petition Baltimore, MD")
    assert not md.error, md.text  # its moratorium lapsed; neighboring Virginia had a ban
    assert "Neighboring states have acted too" in md.text and "Virginia" in md.text
    # A place with a ban in force gets the letter that fits it, in one line.
    sf = await disp.run_text(member, "/letter draft ban-petition San Francisco, CA")
    assert sf.error and "keep-ban San Francisco, CA" in sf.text and "\n" not in sf.text


async def test_company_letter_timeline_and_unknown_company(
    disp: Dispatcher, member: Identity
) -> None:
    reply = await disp.run_text(member, "/letter draft company-moratorium")
    assert not reply.error
    assert "June 10, 2020" in reply.text and "May 18, 2021" in reply.text
    ibm = await disp.run_text(member, "/letter draft company-moratorium company:ibm language:es")
    assert ibm.error and "company-commitment company:ibm" in ibm.text
    ibm = await disp.run_text(member, "/letter draft company-commitment company:ibm language:es")
    assert "IBM" in ibm.text and "8 de junio de 2020" in ibm.text
    assert "letter to members of Congress" not in ibm.text  # Spanish, not the seed's English
    meta = await disp.run_text(member, "/letter draft company-moratorium company:meta")
    assert meta.error and "no police moratorium" in meta.text
    ring = await disp.run_text(member, "/letter draft company-commitment company:ring")
    assert ring.error and "sells no face recognition" in ring.text
    microsoft = await disp.run_text(member, "/letter draft company-moratorium company:microsoft")
    assert not microsoft.error, microsoft.text
    bad = await disp.run_text(member, "/letter draft company-moratorium company:acme")
    assert bad.error and "amazon" in bad.text


async def test_every_shipped_template_drafts_in_both_languages(
    disp: Dispatcher, member: Identity
) -> None:
    places = {
        "ring-council": "Greenfield, WI",
        "company-moratorium": "Greenfield, WI",
        "company-commitment": "Greenfield, WI company:ibm",
        "ban-petition": "Greenfield, WI",
        "keep-ban": "San Francisco, CA",
        "records-request": "Greenfield, WI",
    }
    assert sorted(places) == LetterCatalog().shipped_names()
    for name, place in places.items():
        for language in LANGUAGES:
            reply = await disp.run_text(
                member, f"/letter draft {name} {place} language:{language} signer:Ana"
            )
            assert not reply.error, (name, language, reply.text)
            assert "{{" not in reply.text and "{%" not in reply.text
            assert reply.text.count("Ana") >= 1
            assert ("Sincerely" in reply.text or "started by" in reply.text) == (language == "en")


async def test_unknown_template_and_language(disp: Dispatcher, member: Identity) -> None:
    reply = await disp.run_text(member, "/letter draft ring-counsel Greenfield, WI")
    assert reply.error and "/letter templates" in reply.text
    reply = await disp.run_text(member, "/letter draft ring-council Greenfield, WI language:fr")
    assert reply.error and "en, es" in reply.text


def test_drafting_notes_are_whole_sentences() -> None:
    """A records request without its state's law gets one note, not one per character; a
    letter to an unsourced body gets the note naming how to set it."""
    from commands.letters.drafting import _notes

    place = {"state_name": "Wisconsin"}
    notes = _notes({"records": {}, "place": place, "addressee": {"note": "Name the body."}})
    assert notes == (
        "The facts on record do not name Wisconsin's public-records law: name it in the letter"
        " (the statute and its section) before sending.",
        "Name the body.",
    )
