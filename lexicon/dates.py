"""Dates in words at the precision a fact has, in every language the bot writes.

A fact known to the month reads "September 2020", never "September 1, 2020": a date is
stored as YYYY, YYYY-MM or YYYY-MM-DD with its precision, and worded at that precision.
"""

from __future__ import annotations

import datetime as dt
import re

LANGUAGES = ("en", "es")

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
}  # fmt: skip


def date_parts(iso: str) -> tuple[int, int, int]:
    """'2020-09-14' -> (2020, 9, 14); '2020-09' -> (2020, 9, 1); '2020' -> (2020, 1, 1)."""
    day = dt.date.fromisoformat(iso[:10]) if len(iso) >= 10 else None
    if day is not None:
        return day.year, day.month, day.day
    pieces = [int(p) for p in iso.split("-") if p.isdigit()]
    pieces += [1] * (3 - len(pieces))
    return pieces[0], pieces[1], pieces[2]


def month_year(iso: str, language: str = "en") -> str:
    """'September 2020' / 'septiembre de 2020'."""
    year, month, _ = date_parts(iso)
    name = MONTHS[language][month - 1]
    return f"{name} {year}" if language == "en" else f"{name} de {year}"


def full_date(iso: str, language: str = "en") -> str:
    """'September 14, 2020' / '14 de septiembre de 2020'."""
    year, month, day = date_parts(iso)
    name = MONTHS[language][month - 1]
    return f"{name} {day}, {year}" if language == "en" else f"{day} de {name} de {year}"


def precision_of(iso: str) -> str:
    """'2019' -> 'year', '2019-05' -> 'month', '2019-05-14' -> 'day'."""
    return {4: "year", 7: "month"}.get(len(iso), "day")


def partial_date(text: str) -> str | None:
    """'2019', '2019-05' or '2019-05-14' (a real calendar date) as typed; None otherwise."""
    typed = text.strip()
    if re.fullmatch(r"\d{4}", typed):
        return typed
    if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", typed):
        return typed
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", typed):
        try:
            return dt.date.fromisoformat(typed).isoformat()
        except ValueError:
            return None
    return None


def period_start(iso: str) -> dt.date:
    """The first day a date of any precision covers: '2019' -> 2019-01-01."""
    year, month, day = date_parts(iso)
    return dt.date(year, month, day)
