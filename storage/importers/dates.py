"""Loose dates as people type them, read with the precision they actually carry.

Researchers' date columns mix `3/22/18`, `05/14/2018`, `2016`, `04/2019`, Excel serials,
ranges, worded dates and typos. Each parser returns a `LooseDate` whose `value` is an ISO
date padded to the first day of its month or year, and whose `precision` says how much of
it is known ('day', 'month', 'year'): "in 2019" must never be shown as "on 2019-01-01".
Anything that cannot be read honestly gives None; a day is never invented.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lexicon.dates import MONTHS as _MONTH_NAMES

# Years outside this window are typos or spreadsheet artefacts (a 2024 Atlas export has
# `7/12/1905`); surveillance programmes and the laws about them are all later than 1970.
MIN_YEAR = 1970
MAX_YEAR = 2100

ENGLISH_MONTHS = _MONTH_NAMES["en"]
# English month names as written in the data, with their usual abbreviations ('Sept.').
MONTHS = {
    spelling: number
    for number, name in enumerate(ENGLISH_MONTHS, start=1)
    for spelling in {name.lower(), name[:3].lower(), *(("sept",) if number == 9 else ())}
}
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# Excel counts days from 1899-12-30 (it keeps the 1900 leap-year bug); serials in this
# window are 1982..2064, which leaves ordinary years and zip-like numbers alone.
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EXCEL_MIN, _EXCEL_MAX = 30000, 60000

_NUMERIC_DAY = re.compile(r"(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.,]\s*(\d{2}|\d{4})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC_MONTH = re.compile(r"(\d{1,2})\s*/\s*(\d{4})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"(\d{4})")
# '2017-2019', '2016-17', '2017/2018', '2010/11': the start of the range, to the year.
_YEAR_RANGE = re.compile(r"(\d{4})\s*[-/–]\s*(\d{2}|\d{4})")
# '21, 2019': a day and a year with the month lost; only the year is known.
_DAY_YEAR = re.compile(r"(\d{1,2}),\s*(\d{4})")
_SERIAL = re.compile(r"(\d{5})")
_WORDED_MDY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.IGNORECASE)
_WORDED_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})", re.IGNORECASE)
_WORDED_MY = re.compile(_MONTH + r",?\s+(\d{4})", re.IGNORECASE)


@dataclass(frozen=True)
class LooseDate:
    value: str  # ISO YYYY-MM-DD, padded to the 1st for month/year precision
    precision: str  # 'day', 'month' or 'year'

    @property
    def year(self) -> int:
        return int(self.value[:4])

    def shown(self) -> str:
        """The ISO form at its own precision: '2020', '2020-09' or '2020-09-14'."""
        return {"year": self.value[:4], "month": self.value[:7]}.get(self.precision, self.value)


def _year_ok(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _day(year: int, month: int, day: int) -> LooseDate | None:
    if not _year_ok(year):
        return None
    try:
        return LooseDate(dt.date(year, month, day).isoformat(), "day")
    except ValueError:
        return None  # 2/30/2019, 13/01/2019: not a date; the fields are never swapped


def _month(year: int, month: int) -> LooseDate | None:
    if not _year_ok(year) or not 1 <= month <= 12:
        return None
    return LooseDate(f"{year:04d}-{month:02d}-01", "month")


def _year(year: int) -> LooseDate | None:
    return LooseDate(f"{year:04d}-01-01", "year") if _year_ok(year) else None


def _full_year(digits: str) -> int:
    # Two-digit years in these data sets are all this century: '3/22/18' is 2018.
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def parse_loose_date(text: str) -> LooseDate | None:
    """Read one date cell; None when it is empty or cannot be read without guessing."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    return _numeric(cleaned) or _worded(cleaned)


def _numeric(text: str) -> LooseDate | None:
    if m := _NUMERIC_DAY.fullmatch(text):
        return _day(_full_year(m[3]), int(m[1]), int(m[2]))
    if m := _ISO_DAY.fullmatch(text):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC_MONTH.fullmatch(text):
        return _month(int(m[2]), int(m[1]))
    if m := _ISO_MONTH.fullmatch(text):
        if int(m[2]) <= 12:
            return _month(int(m[1]), int(m[2]))
        return _year_range(text)  # '2016-17' is a range, not month 17
    if m := _YEAR.fullmatch(text):
        return _year(int(m[1]))
    if _YEAR_RANGE.fullmatch(text):
        return _year_range(text)
    if m := _DAY_YEAR.fullmatch(text):
        return _year(int(m[2])) if 1 <= int(m[1]) <= 31 else None
    if (m := _SERIAL.fullmatch(text)) and _EXCEL_MIN <= int(m[1]) <= _EXCEL_MAX:
        day = _EXCEL_EPOCH + dt.timedelta(days=int(m[1]))
        return _day(day.year, day.month, day.day)
    return None


def _year_range(text: str) -> LooseDate | None:
    m = _YEAR_RANGE.fullmatch(text)
    if m is None:
        return None
    start = int(m[1])
    end = int(m[2]) if len(m[2]) == 4 else start // 100 * 100 + int(m[2])
    return _year(start) if end >= start else None


def _worded(text: str) -> LooseDate | None:
    if m := _WORDED_MDY.fullmatch(text):
        return _day(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
    if m := _WORDED_DMY.fullmatch(text):
        return _day(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    if m := _WORDED_MY.fullmatch(text):
        return _month(int(m[2]), MONTHS[m[1].lower()])
    return None


_IN_MONTH_YEAR = re.compile(r"\bin\s+(?:" + _MONTH + r"\s+)?(\d{4})\b", re.IGNORECASE)


def date_in_sentence(sentence: str) -> LooseDate | None:
    """The first 'in September 2020' / 'in 2019' phrase of a sentence, at its precision."""
    m = _IN_MONTH_YEAR.search(sentence)
    if m is None:
        return None
    year = int(m[2])
    return _month(year, MONTHS[m[1].lower()]) if m[1] else _year(year)
