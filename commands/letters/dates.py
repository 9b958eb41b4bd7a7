"""Dates and statuses in words, in English and Spanish, respecting precision.

A fact known to the month reads "in September 2020", never "on September 1, 2020".
"""

from __future__ import annotations

import datetime as dt

LANGUAGES = ("en", "es")

_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}  # fmt: skip
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


def _parts(iso: str) -> tuple[int, int, int]:
    day = dt.date.fromisoformat(iso[:10]) if len(iso) >= 10 else None
    if day is not None:
        return day.year, day.month, day.day
    pieces = [int(p) for p in iso.split("-") if p.isdigit()]
    pieces += [1] * (3 - len(pieces))
    return pieces[0], pieces[1], pieces[2]


def date_text(iso: str | None, precision: str | None, language: str) -> str:
    """'September 2020' / 'septiembre de 2020'; '' when the date is unknown."""
    if not iso:
        return ""
    year, month, day = _parts(iso)
    month_name = _MONTHS[language][month - 1]
    if precision == "year":
        return str(year)
    if precision == "month":
        return f"{month_name} {year}" if language == "en" else f"{month_name} de {year}"
    if language == "en":
        return f"{month_name} {day}, {year}"
    return f"{day} de {month_name} de {year}"


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
