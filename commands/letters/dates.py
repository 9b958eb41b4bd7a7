"""Dates and statuses in words, in English and Spanish, respecting precision.

A fact known to the month reads "in September 2020", never "on September 1, 2020".
"""

from __future__ import annotations

import datetime as dt

from lexicon.dates import full_date, month_year

_UNKNOWN = {"en": "at a date the record does not give", "es": "en una fecha que no consta"}

LAW_STATUS = {
    "en": {
        "in-force": "in force",
        "expired": "expired",
        "repealed": "repealed",
        "partly-reversed": "partly reversed",
        "reversed": "reversed",
        "pending": "pending",
    },
    "es": {
        "in-force": "vigente",
        "expired": "vencida",
        "repealed": "derogada",
        "partly-reversed": "revertida en parte",
        "reversed": "revertida",
        "pending": "pendiente",
    },
}
LAW_KIND = {
    "en": {
        "ban": "ban",
        "moratorium": "moratorium",
        "oversight": "oversight ordinance",
        "regulation": "regulation",
        "other": "measure",
    },
    "es": {
        "ban": "prohibición",
        "moratorium": "moratoria",
        "oversight": "ordenanza de supervisión",
        "regulation": "regulación",
        "other": "medida",
    },
}


def date_text(iso: str | None, precision: str | None, language: str) -> str:
    """'September 2020' / 'septiembre de 2020'; '' when the date is unknown."""
    if not iso:
        return ""
    if precision == "year":
        return iso[:4]
    if precision == "month":
        return month_year(iso, language)
    return full_date(iso, language)


def when_text(iso: str | None, precision: str | None, language: str) -> str:
    """The same with its preposition: 'in September 2020', 'on June 10, 2020', 'el 10 de ...'."""
    text = date_text(iso, precision, language)
    if not text:
        return _UNKNOWN[language]
    if language == "en":
        return f"on {text}" if precision not in ("month", "year") else f"in {text}"
    return f"el {text}" if precision not in ("month", "year") else f"en {text}"


def today_text(today: dt.date, language: str) -> str:
    return date_text(today.isoformat(), "day", language)
