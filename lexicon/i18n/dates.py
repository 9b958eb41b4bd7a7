"""Dates in the current language, at the precision the data has.

English keeps the wording the bot has always used (lexicon/dates.py); other languages use
Babel's CLDR formats: '28 de noviembre de 2026', and a date known to the month
'noviembre de 2026', never a day the data does not know.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_skeleton

from lexicon.dates import date_parts, full_date, month_year, precision_of
from lexicon.i18n.current import current
from lexicon.i18n.locales import DEFAULT, PSEUDO, cldr_locale
from lexicon.i18n.pseudo import pseudo


def format_day(day: dt.date) -> str:
    """A whole date in words: 'November 28, 2026' / '28 de noviembre de 2026'."""
    locale = current()
    if locale in (DEFAULT, PSEUDO):
        return _pseudo_if(full_date(day.isoformat()), locale)
    return format_date(day, format="long", locale=cldr_locale(locale))


def format_fact_date(iso: str, precision: str | None = None, *, iso_days: bool = False) -> str:
    """'2019', 'September 2020' / 'septiembre de 2020', or the day: in English as the ISO date
    when `iso_days` (how the fact commands have always shown a day), in words otherwise."""
    precision = precision or precision_of(iso)
    if precision == "year":
        return iso[:4]
    locale = current()
    if locale not in (DEFAULT, PSEUDO):
        year, month, day = date_parts(iso)
        if precision == "month":
            return format_skeleton("yMMMM", dt.date(year, month, 1), locale=cldr_locale(locale))
        return format_date(dt.date(year, month, day), format="long", locale=cldr_locale(locale))
    if precision == "month":
        return _pseudo_if(month_year(iso), locale)
    return _pseudo_if(iso[:10] if iso_days else full_date(iso), locale)


def _pseudo_if(text: str, locale: str) -> str:
    return pseudo(text) if locale == PSEUDO else text


def format_moment(stamp: str) -> str:
    """A stored UTC moment ('2026-11-28T07:49:20Z') to the minute: '2026-11-28 07:49 UTC' in
    English, as it has always read; elsewhere its day in words ('28 de noviembre de 2026,
    07:49 UTC')."""
    locale = current()
    if locale in (DEFAULT, PSEUDO) or len(stamp) < 16:
        return _pseudo_if(f"{stamp.replace('T', ' ')[:16]} UTC", locale)
    return f"{format_fact_date(stamp[:10], 'day')}, {stamp[11:16]} UTC"


def format_stamp(stamp: str) -> str:
    """A stored moment ('2026-11-26T12:00:00Z', '2026-11-26') as English has always shown
    it, as stored; in other languages its day in words ('26 de noviembre de 2026')."""
    locale = current()
    if locale in (DEFAULT, PSEUDO) or len(stamp) < 10:
        return _pseudo_if(stamp, locale)
    return format_fact_date(stamp[:10], "day")
