"""Every shipped template, both languages, on the real EFF Atlas export and the seed."""

from __future__ import annotations

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from commands import build_registry
from commands.letters.catalog import LetterCatalog
from commands.letters.dates import when_text
from lexicon.dates import LANGUAGES
from tests.conftest import identity

ATLAS = "eff_atlas_of_surveillance_2020-10-07.csv"
WITH_RING = "Greenfield, WI"  # Greenfield PD joined Ring's portal (Atlas, Link 1 Date)
WITHOUT_RING = "San Francisco, CA"  # no Ring row in the snapshot; a 2019 ban in the seed


pytestmark = pytest.mark.real_data("seed", "atlas")  # the `db` fixture opens with them


async def _load(deps: Deps) -> Dispatcher:
    return Dispatcher(build_registry(), deps)


async def test_every_template_with_and_without_a_partnership(deps: Deps) -> None:
    disp = await _load(deps)
    who = identity()
    # Each refusal names the template that fits (tests/commands/letters/test_every_place.py
    # does this over many places).
    expected_errors = {
        ("ring-council", WITHOUT_RING): "keep-ban",
        ("keep-ban", WITH_RING): "ban-petition",
        ("ban-petition", WITHOUT_RING): "keep-ban",
        ("company-commitment", WITH_RING): "company-moratorium",
        ("company-commitment", WITHOUT_RING): "company-moratorium",
    }
    for name in LetterCatalog().shipped_names():
        for place in (WITH_RING, WITHOUT_RING):
            for language in LANGUAGES:
                line = f"/letter draft {name} {place} language:{language} signer:Ana"
                reply = await disp.run_text(who, line)
                if (name, place) in expected_errors:
                    fits = expected_errors[name, place]
                    assert reply.error and fits in reply.text, (line, reply.text)
                    continue
                assert not reply.error, (line, reply.text)
                assert reply.file is not None and reply.file.content.decode() == reply.text
                assert place.split(",")[0] in reply.text or name.startswith("company-")


async def test_ring_letter_on_atlas_dates(deps: Deps) -> None:
    disp = await _load(deps)
    partnerships = await deps.storage.facts.ring_partnerships("WI")
    greenfield = next(d for d in partnerships if d.agency.name == "Greenfield Police Department")
    reply = await disp.run_text(identity(), f"/letter draft ring-council {WITH_RING}")
    assert "Greenfield Police Department" in reply.text
    assert greenfield.started is not None and greenfield.source.url in reply.text
    assert "October 7, 2020" in reply.text  # the snapshot's as-of date
    # A partnership dated only by month (Summary-only rows) reads "in <Month> <year>".
    monthly = [
        d
        for d in await deps.storage.facts.ring_partnerships()
        if d.started_precision == "month" and d.agency.city and d.ended is None
    ]
    checked = 0
    for deployment in monthly[:20]:
        place = f"{deployment.agency.city}, {deployment.agency.state}"
        draft = await disp.run_text(identity(), f"/letter draft ring-council {place}")
        if draft.error or deployment.agency.name not in draft.text:
            continue  # another agency of that city was chosen, or the name is ambiguous
        phrase = when_text(deployment.started, "month", "en")
        assert phrase.startswith("in ") and phrase in draft.text
        assert f"{(deployment.started or '')[:7]}-01" not in draft.text
        checked += 1
    assert checked >= 5
