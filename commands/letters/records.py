"""What a records request cites: the state's public-records law with its citation, the
response deadline where a source states it, the statute's fee waiver where it has one, the
requester's contact, and the date the request asks from (never a day still to come)."""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.errors import UserError
from commands.letters.dates import date_text
from commands.letters.views import agency_view, clean
from lexicon.dates import period_start, precision_of
from lexicon.i18n import _
from storage.facts.models import Agency
from storage.seed.records_laws import RecordsLaw

# Ring's police portal was taking partners by March 2018 (seed: ring:2018-03-22:portal);
# a request that does not name a date asks for everything since the start of that year.
DEFAULT_SINCE = "2018-01-01"
MAX_CONTACT = 200

_UNIT = {
    "en": {"business": "business days", "working": "working days", "calendar": "days"},
    "es": {"business": "días hábiles", "working": "días laborables", "calendar": "días naturales"},
}


def deadline_text(law: RecordsLaw | None, language: str) -> str:
    """'10 business days', or '' when the law sets none or no source read for it says."""
    if law is None or not law.deadline_days:
        return ""
    unit = _UNIT[language].get(law.deadline_unit, _UNIT[language]["calendar"])
    return f"{law.deadline_days} {unit}"


def check_since(since: str, today: str) -> None:
    """A request asks for records that exist: a start date still to come is refused (a
    month or year, YYYY-MM or YYYY, counts from its first day: the current one has begun)."""
    if since and period_start(since).isoformat() > today:
        raise UserError(
            _("since:{since} is after today ({today}): give a date that has passed.").format(
                since=since, today=today
            )
        )


def since_from(iso: str, language: str) -> str:
    """'since May 2019' / 'desde mayo de 2019'; a day takes Spanish's article: 'desde el
    1 de enero de 2018' (a month or year does not: never 'desde el mayo de 2019')."""
    precision = precision_of(iso)
    text = date_text(iso, precision, language)
    if language != "es":
        return f"since {text}"
    return f"desde el {text}" if precision == "day" else f"desde {text}"


async def records_view(
    deps: Deps, agency: Agency, since: str, language: str, contact: str = ""
) -> dict[str, object]:
    check_since(since, deps.today().isoformat())
    view = agency_view(agency, language)
    start = since or DEFAULT_SINCE
    law = await deps.storage.letters.records_law(agency.state)
    name = "" if law is None else (law.name if language == "en" else law.name_es)
    known = law is not None and bool(name)
    return {
        "law": clean(name, 200),
        "citation": clean(law.citation, 200) if law and known else "",
        "law_source_url": clean(law.law_url, 400) if law and known else "",
        "deadline": deadline_text(law, language) if known else "",
        # The seed words what a deadline is for in English: a Spanish letter points to the law.
        "deadline_note": clean(law.deadline_note, 300)
        if law and known and language == "en"
        else "",
        "no_deadline": known and law is not None and law.deadline_days == 0,
        "fee_waiver": clean(law.fee_waiver, 120) if law and known else "",
        "appeal": clean(law.appeal, 300) if law and known else "",
        "contact": clean(contact, MAX_CONTACT),
        "since": date_text(start, precision_of(start), language),
        "since_from": since_from(start, language),
        "agency": clean(agency.name, 160),
        # With its preposition, in the letter's language (commands/letters/views.agency_view).
        "of_agency": view["of_short"],
        "of_agency_first": view["of_first"],
    }
