"""Every shipped template, both languages, over many real places (EFF Atlas + seed).

For each template, a sample of at least 50 places of each kind it applies to (with and
without a Ring row, with and without a ban: every place with a ban on record, there are
fewer than 50) and every company. Each draft either fits or is refused in one line naming
the template that fits; a draft holds no unsupported claim, no bracketed placeholder, no
internal note, no English sentence in Spanish, and goes to the agency's governing body.
"""

from __future__ import annotations

import re

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from commands import build_registry
from commands.letters.addressee import agency_body
from commands.letters.catalog import LetterCatalog
from commands.letters.law_words import law_event, law_reversal
from commands.letters.spanish import agency_es, de, law_place_es
from lexicon.dates import LANGUAGES
from lexicon.states import STATES
from places.index import place_index
from places.snapshot import Place
from storage.facts.models import RING_TECHNOLOGY, Law
from tests.conftest import identity

ATLAS = "eff_atlas_of_surveillance_2020-10-07.csv"
LAWS = "us_facial_recognition_local_laws_iff_2021-05.csv"
SAMPLE = 60
UNSUPPORTED = (
    "never put to a public vote",
    "never debated",
    "wrongly arrested",
    "have proved hard",
    "no federal law",
    "without any decision by this council",
    "weakened by a vote",
    "partly confirmed",
    "exact announcement",
    "was not found",
    "[Your name]",
    "[Su nombre]",
)
# Words that mark an English sentence; none is also a Spanish word.
_ENGLISH = re.compile(
    r"\b(the|and|was|were|with|police could|could|would|which|their|has|have|that|"
    r"from|into|after|before|announced|joined|ended)\b"
)
# A source's own name may be English: "Fuente: <publisher>, <url>" and "(<publisher>)" at
# the end of a line are left out of the check; everything else must be Spanish.
_CITED = re.compile(r"Fuentes?: [^\n]*|\([^()]*(?:\([^()]*\))?[^()]*\)\.?$")
_URL = re.compile(r"https?://\S+")


def spanish_without_english(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        bare = _URL.sub("", _CITED.sub("", line))
        if line.startswith(("Asunto:", "Para:")):
            continue  # names of agencies and bodies (proper nouns) only
        hit = _ENGLISH.search(bare)
        if hit:
            found.append(line)
    return found


def _spread(items: list[Place], count: int) -> list[Place]:
    """`count` places spread over the whole list (deterministic, every state represented)."""
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


pytestmark = pytest.mark.real_data("seed", "atlas", "laws")  # the `db` fixture opens with them


async def _load(deps: Deps) -> Dispatcher:
    return Dispatcher(build_registry(), deps)


def _check_law_lines(laws: list[Law], text: str, line: str, language: str) -> None:
    """No sentence contradicts a stored law: each law line names the event its date records
    (never "passed" for a pending law) and a partial reversal by name."""
    for law in laws:
        named = _named(law, language)
        for row in (ln for ln in text.splitlines() if ln.startswith(f"- {named}:")):
            assert law_event(law, language) in row, (line, row)
            if law.status == "pending":
                assert "passed" not in row and "aprobada" not in row, (line, row)
            if law.status == "partly-reversed":
                assert law_reversal(law, language) in row, (line, row)


def _named(law: Law, language: str) -> str:
    """How a letter names the law's jurisdiction ("el condado de King, WA" in Spanish)."""
    return law_place_es(law.jurisdiction) if language == "es" else law.jurisdiction


def _name_length(law: Law) -> int:
    return len(law.jurisdiction)


async def _all_laws(deps: Deps) -> list[Law]:
    return [law for state in STATES for law in await deps.storage.facts.laws_in_state(state)]


async def _kinds(deps: Deps) -> dict[str, list[Place]]:
    """Sampled cities by kind: Ring row or not, ban or not."""
    places = sorted(
        (p for p in place_index(deps).all_places() if p.kind == "city" and p.agency_ids),
        key=lambda p: p.label,
    )
    ring: list[Place] = []
    no_ring: list[Place] = []
    ban: list[Place] = []
    for place in places:
        found = await deps.storage.facts.deployments_for_agencies(place.agency_ids, RING_TECHNOLOGY)
        (ring if any(d.ended is None for d in found) else no_ring).append(place)
    for place in place_index(deps).all_places():
        laws = await deps.storage.facts.laws_for_place(place.state, place.city, place.counties)
        if place.kind in ("city", "county") and any(
            law.kind in ("ban", "moratorium") and law.level != "state" for law in laws
        ):
            ban.append(place)
    return {
        "ring": _spread(ring, SAMPLE),
        "no-ring": _spread(no_ring, SAMPLE),
        "ban": sorted(ban, key=lambda p: p.label),
    }


async def test_every_template_over_many_places(deps: Deps) -> None:
    disp = await _load(deps)
    kinds = await _kinds(deps)
    assert len(kinds["ring"]) >= 50 and len(kinds["no-ring"]) >= 50
    assert len(kinds["ban"]) >= 10  # every place with a local ban on record
    who = identity()
    laws = await _all_laws(deps)
    assert any(law.status == "partly-reversed" for law in laws)
    drafted: dict[tuple[str, str], int] = {}
    catalog = LetterCatalog()
    place_templates = [n for n in catalog.shipped_names() if not n.startswith("company-")]
    companies = [s.company.slug for s in await deps.storage.facts.companies_with_status()]
    jobs = [
        (name, f"{place.label}", kind)
        for name in place_templates
        for kind, places in kinds.items()
        for place in places
    ]
    jobs += [
        (name, f"company:{slug}", "company")
        for name in catalog.shipped_names()
        if name.startswith("company-")
        for slug in companies
    ]
    names = set(catalog.shipped_names())
    for name, where, kind in jobs:
        for language in LANGUAGES:
            line = f"/letter draft {name} {where} language:{language} signer:Ana"
            reply = await disp.run_text(who, line)
            if reply.error:
                assert "\n" not in reply.text, (line, reply.text)
                named = set(re.findall(r"/letter draft ([a-z-]+)", reply.text))
                asks = "¿cuál?" if "language:es" in line else "which one"  # errors follow it
                # A place known only by its law (Brookline, MA) has no agency to write to.
                if "No agency of" in reply.text or "No consta ninguna agencia" in reply.text:
                    asks = "nombre una" if "language:es" in line else "name one"
                assert (named and named <= names and name not in named) or asks in (reply.text), (
                    line,
                    reply.text,
                )
                continue
            drafted[name, kind] = drafted.get((name, kind), 0) + 1
            text = reply.text
            for phrase in UNSUPPORTED:
                assert phrase not in text, (line, phrase)
            assert "[" not in text and "{{" not in text, line
            if language == "es":
                assert not spanish_without_english(text), (line, spanish_without_english(text))
            if name == "ring-council":
                await _check_addressee(deps, text, line)
            _check_law_lines(laws, text, line, language)
            if name == "keep-ban":  # the place's own ban: its event, a partial reversal named
                subject = text.split("\n")[4]
                matching = [law for law in laws if _named(law, language) in subject]
                ban = max(matching, key=_name_length)
                assert law_event(ban, language) in text, line
                assert law_reversal(ban, language) in text, line
    # Each template fits somewhere: the big samples really exercise every one of them.
    for name in place_templates:
        assert sum(n for (t, _), n in drafted.items() if t == name) >= 20, (name, drafted)
    assert drafted.get(("ring-council", "no-ring"), 0) == 0  # never drafted without a row
    assert drafted.get(("ban-petition", "ban"), 0) <= 2 * len(kinds["ban"])


async def _check_addressee(deps: Deps, text: str, line: str) -> None:
    subject = next(ln for ln in text.splitlines() if ln.startswith(("Subject:", "Asunto:")))
    to = next(ln for ln in text.splitlines() if ln.startswith(("To:", "Para:")))
    state = line.split(" language:")[0][-2:]
    partnerships = await deps.storage.facts.ring_partnerships(state)
    english = re.fullmatch(r"Subject: End the (.+)'s partnership with Ring", subject)
    if english:
        agency = next(d.agency for d in partnerships if d.agency.name == english.group(1))
    else:  # "Asunto: Poner fin al acuerdo del Departamento de Policía de X con Ring"
        agency = next(
            d.agency
            for d in partnerships
            if subject == f"Asunto: Poner fin al acuerdo {de(agency_es(d.agency).short)} con Ring"
        )
    body = agency_body(agency, next(d.summary for d in partnerships if d.agency == agency))
    assert to.removeprefix("To: ").removeprefix("Para: ") in (body.en, body.es), (line, to)


async def test_known_addressees(deps: Deps) -> None:
    disp = await _load(deps)
    who = identity()
    chicago = await disp.run_text(who, "/letter draft ring-council Chicago, IL")
    assert "Chicago Police Department" in chicago.text and "Sheriff" not in chicago.text
    # No source on record names Chicago's body: the honest fallback, and a note to name it.
    assert "To: the governing body of Chicago, IL" in chicago.text
    assert any('recipient:"' in f.value for f in chicago.fields), chicago.fields
    hall = await disp.run_text(who, "/letter draft ring-council Hall County Sheriff's Office, GA")
    # A sheriff is written to directly, the county copied for its budget, never told to
    # "direct" the sheriff.
    assert "To: the Hall County Sheriff's Office" in hall.text, hall.text
    assert "Copy to: the governing body of Hall County, GA" in hall.text
    assert "Dear Sheriff," in hall.text and "direct the" not in hall.text
    assert "Gainesville" not in hall.text.split("Sincerely")[0].replace("Gainesville, GA", "")
    county = await disp.run_text(who, "/letter draft ring-council Milwaukee County, WI")
    assert county.error and "which one?" in county.text and "Greenfield Police" in county.text
    suggested = re.search(r"e\.g\. (/letter draft .+)$", county.text)
    assert suggested is not None
    chosen = await disp.run_text(who, suggested.group(1))  # the example given works as typed
    assert not chosen.error, chosen.text
    sf = await disp.run_text(who, "/letter draft ring-council San Francisco, CA")
    assert sf.error and "keep-ban San Francisco, CA" in sf.text and "ban-petition" not in sf.text
    keep = await disp.run_text(who, "/letter draft keep-ban San Francisco, CA")
    assert "To: the San Francisco Board of Supervisors" in keep.text
    mayor = await disp.run_text(
        who, '/letter draft ring-council Chicago, IL recipient:"Mayor Jane Doe"'
    )
    assert "Dear Mayor Jane Doe," in mayor.text and "Dear Members" not in mayor.text
    oakland = await disp.run_text(who, "/letter draft ban-petition Oakland, CA")
    assert oakland.error and "keep-ban Oakland, CA" in oakland.text


async def test_records_request_names_the_law_when_known(deps: Deps) -> None:
    disp = await _load(deps)
    who = identity()
    houston = await disp.run_text(
        who, '/letter draft records-request Houston, TX since:2019-01-01 contact:"a@example.org"'
    )
    assert not houston.error, houston.text
    assert (
        "Under the Texas Public Information Act (Texas Government Code, Chapter 552)"
        in houston.text
    )
    assert "To: Records Officer, Houston Police Department" in houston.text
    assert "since January 1, 2019" in houston.text and "Contact: a@example.org" in houston.text
    assert "fees be waived or reduced under Texas Government Code § 552.267" in houston.text
    assert "a deadline of 10 business days" in houston.text
    # The letter points to the statute's official source (the Texas Legislature), not the guide.
    assert "https://www.legis.state.tx.us/Resources/publicinformationpolicy.aspx" in houston.text
    notes = [f.value for f in houston.fields]
    assert len(notes) == 1 and notes[0].startswith("If the request is denied or ignored")
    es = await disp.run_text(who, "/letter draft records-request Houston, TX language:es")
    assert "Conforme a la Ley de Información Pública de Texas" in es.text.replace(
        "a la ley", "a la Ley"
    )
    assert not spanish_without_english(es.text)
    assert es.file is not None
    assert es.file.filename == "records-request-houston-police-department-es.txt"
    # Notes to the member come in Spanish too, never the seed's English appeal route.
    assert [f.name for f in es.fields] == ["Antes de enviar"]
    assert not spanish_without_english(es.fields[0].value)
    # Asked without a contact: the letter is drafted, and the note says what is missing.
    chicago = await disp.run_text(who, "/letter draft records-request Chicago, IL")
    assert "Under the Illinois Freedom of Information Act (5 ILCS 140)" in chicago.text
    assert any("contact:" in f.value for f in chicago.fields)
    assert "[" not in chicago.text


async def test_every_ring_event_a_letter_quotes_has_spanish(deps: Deps) -> None:
    await _load(deps)
    for status in await deps.storage.facts.companies_with_status():
        for event in await deps.storage.facts.company_timeline(status.company.id):
            if (
                event.kind not in ("other", "settlement")
                and event.key != "ring:2021-02:2020-counts"
            ):
                assert event.summary_es, event.key
                assert event.status_es or not event.status, event.key
