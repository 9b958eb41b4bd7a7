"""What a records request cites: the state's public-records law (when the seed names it,
with its source) and the date the request asks from."""

from __future__ import annotations

from bot.core.deps import Deps
from commands.letters.dates import date_text
from commands.letters.views import clean
from storage.facts.models import Agency

# Ring's police portal was taking partners by March 2018 (seed: ring:2018-03-22:portal);
# a request that does not name a date asks for everything since the start of that year.
DEFAULT_SINCE = "2018-01-01"


async def records_view(deps: Deps, agency: Agency, since: str, language: str) -> dict[str, object]:
    law = await deps.storage.letters.records_law(agency.state)
    name = "" if law is None else (law.name if language == "en" else law.name_es)
    return {
        "law": clean(name, 200),
        "law_source_url": clean(law.source_url, 400) if law and name else "",
        "since": date_text(since or DEFAULT_SINCE, "day", language),
        "agency": clean(agency.name, 160),
    }
