"""Facts turned into the plain values a template reads: strings, booleans, lists, dicts.

Templates see no model objects, only these dicts: nothing with methods or attributes
to reach through. Every string is cleaned (control characters out, length capped),
even though it comes from our own database: admins edit facts from chat.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from commands.letters.addressee import Body, agency_body, place_body
from commands.letters.dates import LAW_KIND, LAW_STATUS, date_text, when_text
from commands.letters.law_words import as_reported, law_event, law_reversal
from commands.letters.spanish import a, agency_es, de, law_place_es, place_es, state_es
from lexicon.sources import outlet
from lexicon.words import shorten
from places.snapshot import Place
from storage.facts.models import Agency, CompanyEvent, Deployment, Law, Source

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MAX_FACT_CHARS = 600
IN_FORCE = frozenset({"in-force"})
_ARTICLE = {"en": ("a", "an"), "es": ("una", "una")}


def clean(text: str, limit: int = MAX_FACT_CHARS) -> str:
    """One line of plain text: control characters become spaces, runs of space collapse."""
    return shorten(" ".join(_CONTROL.sub(" ", text).split()), limit)


def sentence(text: str) -> str:
    """A summary without its final full stop, so templates can punctuate it."""
    return clean(text).rstrip(" .")


def source_name(source: Source, language: str = "en") -> str:
    """The publisher; in Spanish the outlet's name only (the stored note on what kind of
    page it is, "(help page for public safety agencies)", is English)."""
    if source.publisher:
        name = source.publisher if language == "en" else outlet(source.publisher)
        return clean(name, 120)
    return urlsplit(source.url).hostname or clean(source.url, 120)


def _sourced(source: Source, language: str = "en") -> dict[str, object]:
    return {"source": source_name(source, language), "source_url": clean(source.url, 400)}


def place_view(place: Place | None, language: str, body: Body | None = None) -> dict[str, object]:
    """`body`: who passes an ordinance there as on record (letters/on_record.py), else
    the rule-derived one."""
    if place is None:
        keys = ("label", "where", "city", "county", "state", "state_name", "council")
        return {k: "" for k in keys}
    city = place.city or place.county or place.label
    spanish = language == "es"
    return {
        "label": clean(place.label, 120),
        # Where it is, in the letter's language: "el condado de Cook, IL".
        "where": clean(place_es(place) if spanish else place.label, 120),
        "city": clean(city, 120),
        "county": clean(place.county, 200),
        "state": place.state,
        "state_name": clean(state_es(place.state_name) if spanish else place.state_name, 60),
        "council": clean(body.name(language), 200) if body else council_name(place, language),
    }


def council_name(place: Place, language: str) -> str:
    """Who passes a local ordinance there: a city council, or a county board."""
    return clean(place_body(place).name(language), 200)


def agency_view(
    agency: Agency, language: str = "en", body: Body | None = None
) -> dict[str, object]:
    """`first` names it on first mention, `short` afterwards; `of_*`/`to_*` with their
    preposition (Spanish contracts it: "del Departamento", "al Departamento")."""
    named = agency_es(agency)
    first, short = (named.first, named.short) if language == "es" else (agency.name,) * 2
    of, to = (de, a) if language == "es" else (lambda n: f"of {n}", lambda n: f"to {n}")
    return {
        "name": clean(agency.name, 160),
        "first": clean(first, 300),
        "short": clean(short, 200),
        "short_cap": clean(short[:1].upper() + short[1:], 200),
        "of_first": clean(of(first), 300),
        "of_short": clean(of(short), 200),
        "to_short": clean(to(short), 200),
        "body": clean((body or agency_body(agency)).name(language), 200),
        "kind": clean(agency.kind, 60),
        "city": clean(agency.city, 120),
        "state": agency.state,
    }


def partnership_view(
    deployment: Deployment, language: str, rows: list[Deployment] | None = None
) -> dict[str, object]:
    """`rows`: every row of the same agency; other dates are named ('also_dated')."""
    started, precision = deployment.started, deployment.started_precision
    also = sorted(
        {(d.started, d.started_precision) for d in rows or [] if d.started} - {(started, precision)}
    )
    return {
        "also_dated": " / ".join(when_text(iso, p, language) for iso, p in also),
        "joined": date_text(started, precision, language),
        "joined_when": when_text(started, precision, language),
        "as_of": date_text(deployment.as_of, "day", language),
        "summary": sentence(deployment.summary),
        "status": "ended" if deployment.ended else "active",
        **_sourced(deployment.source, language),
    }


# An event with no Spanish text of its own is named by its kind; the details are its source's.
_KIND_ES = {
    "moratorium": "una moratoria",
    "extension": "una prórroga",
    "moratorium-ended": "el fin de una moratoria",
    "exit": "un retiro del negocio",
    "shutdown": "un cierre",
    "restriction": "una restricción",
    "program": "un cambio en el programa",
    "settlement": "un acuerdo legal",
}


def event_es(event: CompanyEvent, text: str) -> str:
    """Stored Spanish (`text`), or the event's kind; 'según se informa' when reported."""
    text = text.strip().rstrip(".") or f"{_KIND_ES.get(event.kind, 'un cambio')} (ver la fuente)"
    return f"según se informa, {text}" if event.reported else text


def event_en(event: CompanyEvent) -> str:
    """The event in English, as /ring lookup words it: 'Reported: ...' when reported."""
    text = (event.status or event.summary).strip().rstrip(".")
    return f"Reported: {text}" if event.reported else text


def event_view(event: CompanyEvent, language: str) -> dict[str, object]:
    """An event in the letter's language: its stored Spanish (migration 0021), else its kind,
    never the English text."""
    if language == "es":
        summary = clean(event_es(event, event.summary_es))
        status = clean(event_es(event, event.status_es or event.summary_es)) if event.status else ""
    else:
        summary = clean(event_en(replace(event, status="")))
        status = clean(event_en(event)) if event.status else ""
    return {
        "date": date_text(event.happened, event.precision, language),
        "when": when_text(event.happened, event.precision, language),
        "kind": event.kind,
        "summary": summary,
        "status": status,
        **_sourced(event.source, language),
    }


def company_view(
    name: str, timeline: list[CompanyEvent], latest: CompanyEvent | None, language: str
) -> dict[str, object]:
    view: dict[str, object] = {
        "name": clean(name, 120),
        "timeline": [event_view(e, language) for e in timeline],
        "status": "",
        "status_date": "",
        "status_when": "",
        "summary": "",
        "source": "",
        "source_url": "",
    }
    if latest is not None:
        current = event_view(latest, language)
        view |= {
            "status": current["status"],
            "status_date": current["date"],
            "status_when": current["when"],
            "summary": current["summary"],
            "source": current["source"],
            "source_url": current["source_url"],
        }
    return view


def law_view(law: Law, language: str) -> dict[str, object]:
    kind = LAW_KIND[language].get(law.kind, law.kind)
    article = _ARTICLE[language][1 if kind[:1] in "aeiou" else 0]
    spanish = language == "es"
    return {
        "jurisdiction": clean(law.jurisdiction, 120),
        "where": clean(law_place_es(law.jurisdiction) if spanish else law.jurisdiction, 120),
        "level": law.level,
        "kind": kind,
        "a_kind": f"{article} {kind}",
        # A Spanish letter quotes the stored Spanish scope (migration 0021), never the
        # English; none is left out, and the law named by its kind, place and date.
        "scope": sentence(law.scope_es if spanish else law.scope),
        "enacted": date_text(law.enacted, law.enacted_precision, language),
        "enacted_when": when_text(law.enacted, law.enacted_precision, language),
        # The event the date records ("signed on ...", "that took effect in ..."), never
        # "passed" for a law that was signed, took effect or is still pending.
        "event": law_event(law, language),
        "as_reported": as_reported(law),
        "reversal": law_reversal(law, language),
        "status": LAW_STATUS[language].get(law.status, law.status),
        "in_force": law.status in IN_FORCE,
        "pending": law.status == "pending",
        "restricts": law.kind != "regulation",
        "status_note": sentence(law.status_note_es if spanish else law.status_note),
        "summary": sentence(law.scope_es if spanish else law.scope),
        **_sourced(law.source, language),
    }
