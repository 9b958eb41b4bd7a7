"""A records request for every state and DC: the statute, citation, deadline and fee waiver
the letter states are the seed's (storage/seed/records_laws.toml), each seed row has a source,
a deadline is stated only where the seed has one with its own source, and a `since:` date
after today (the clock from deps, never the wall clock) is refused."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from bot.core.deps import Deps
from bot.core.errors import UserError
from commands.letters.handlers import CATALOG
from commands.letters.records import deadline_text, records_view
from lexicon.states import STATES
from storage.facts.models import Agency
from storage.seed.records_laws import RECORDS_LAWS_FILE, records_law
from templating.engine import render
from templating.sample import sample_context

ROWS: list[dict[str, Any]] = tomllib.loads(RECORDS_LAWS_FILE.read_text(encoding="utf-8"))[
    "records_laws"
]
# The 50 states and DC: the territories (American Samoa, Guam, the Northern Mariana Islands,
# Puerto Rico, the Virgin Islands) have laws of their own, not yet in the seed.
TERRITORIES = {"AS", "GU", "MP", "PR", "VI"}
EVERY = sorted(set(STATES) - TERRITORIES)


def test_the_seed_has_every_state_and_dc_once_each_with_a_source() -> None:
    assert sorted(r["state"] for r in ROWS) == EVERY
    assert len(EVERY) == 51
    for row in ROWS:
        assert row["source"]["url"].startswith("https://"), row["state"]
        assert row["name"] and row["name_es"] and row["citation"] and row["appeal"], row
        if "deadline" in row:  # a deadline is stored only with the source that states it
            assert row["deadline"]["source"]["url"].startswith(("https://", "http://")), row
            assert row["deadline"]["days"] >= 0 and row["deadline"]["note"], row
        if "fee_waiver" in row:  # likewise a fee waiver
            assert row["fee_waiver"]["source"]["url"].startswith("https://"), row
            assert row["fee_waiver"]["cite"], row
        if "statute" in row:  # the official source: the statute's text or a state page
            assert row["statute"]["url"].startswith("https://"), row["state"]
            assert row["statute"]["publisher"], row["state"]


def _letter(records: dict[str, object], language: str) -> str:
    context = sample_context(language) | {"records": records, "recipient": ""}
    info = CATALOG.shipped("records-request", language)
    assert info is not None
    return render(CATALOG.compiled(info), context)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("state", EVERY)
async def test_a_request_in_every_state_cites_the_seeds_law(
    deps: Deps, state: str, language: str
) -> None:
    agency = Agency(0, f"{state} Example Police Department", "Example", "", state)
    records = await records_view(deps, agency, "2019-01-01", language, "me@example.org")
    text = _letter(records, language)
    law = records_law(state)
    assert law is not None
    name = law.name if language == "en" else law.name_es
    opening = "Under" if language == "en" else "Conforme a"
    assert f"{opening} {name} ({law.citation})" in text
    # The letter points to the official source where the seed has one, else to the guide.
    assert (law.statute_url or law.source_url) in text
    if law.statute_url:
        assert law.source_url not in text
    stated = deadline_text(law, language)
    if stated:
        assert stated in text
    else:  # no number of days the seed does not hold
        assert "business days" not in text and "días hábiles" not in text
    if law.fee_waiver:
        assert law.fee_waiver in text
    else:
        assert "waived" not in text and "exención" not in text
    assert ("electronic form" if language == "en" else "formato electrónico") in text
    assert "me@example.org" in text


async def test_a_since_date_after_today_is_refused(deps: Deps) -> None:
    today = deps.today()
    agency = Agency(0, "Example Police Department", "Example", "", "TX")
    await records_view(deps, agency, today.isoformat(), "en")  # today itself is fine
    later = today.replace(year=today.year + 1).isoformat()
    with pytest.raises(UserError) as refused:
        await records_view(deps, agency, later, "en")
    assert f"since:{later} is after today ({today.isoformat()})" in refused.value.message
