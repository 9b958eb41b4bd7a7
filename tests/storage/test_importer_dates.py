"""Every date format found in the Atlas and IFF files, read with its honest precision."""

from __future__ import annotations

import pytest

from storage.importers.dates import date_in_sentence, parse_loose_date


@pytest.mark.parametrize(
    ("text", "shown", "precision"),
    [
        ("3/22/18", "2018-03-22", "day"),  # m/d/yy: two-digit years are 20yy
        ("10/1/19", "2019-10-01", "day"),
        ("5/14/2018", "2018-05-14", "day"),  # m/d/yyyy
        ("05/14/2018", "2018-05-14", "day"),  # mm/dd/yyyy
        ("08/05/2016 ", "2016-08-05", "day"),  # trailing space
        ("01/17,2019", "2019-01-17", "day"),  # typo: comma for slash
        ("02/18/ 2020", "2020-02-18", "day"),  # typo: space inside
        ("07-11-2019", "2019-07-11", "day"),
        ("2020-09-14", "2020-09-14", "day"),  # ISO
        ("43146", "2018-02-15", "day"),  # Excel serial
        ("June 1, 2016", "2016-06-01", "day"),
        ("January 1, 2019", "2019-01-01", "day"),
        ("October 16th, 2019", "2019-10-16", "day"),  # ordinal suffix (IFF)
        ("26 Mar 2014", "2014-03-26", "day"),
        ("04/2019", "2019-04", "month"),  # month/year
        ("March, 2018", "2018-03", "month"),  # IFF month only
        ("September 2020", "2020-09", "month"),
        ("2016", "2016", "year"),  # year only
        ("2017-2019", "2017", "year"),  # ranges: their start, to the year
        ("2016-17", "2016", "year"),
        ("2017/2018", "2017", "year"),
        ("2010/11", "2010", "year"),
        ("21, 2019", "2019", "year"),  # the month was lost: only the year is known
    ],
)
def test_formats_read_with_their_precision(text: str, shown: str, precision: str) -> None:
    parsed = parse_loose_date(text)
    assert parsed is not None
    assert (parsed.shown(), parsed.precision) == (shown, precision)
    assert len(parsed.value) == 10 and parsed.value.startswith(shown)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "10/4",  # no year: a day would be invented
        "7/12/1905",  # spreadsheet artefact, before any of this existed
        "2/30/2019",  # no such day
        "13/01/2019",  # month 13: fields are never swapped to make it fit
        "2019-2017",  # a range running backwards
        "soon",
        "12345",  # five digits but not a plausible Excel serial
    ],
)
def test_unreadable_dates_give_none(text: str) -> None:
    assert parse_loose_date(text) is None


def test_dates_in_ring_summaries() -> None:
    month = date_in_sentence("The X Police signed an agreement with Ring, in September 2020 to…")
    year = date_in_sentence("The X Police signed an agreement with Ring, in 2019 to gain access")
    assert month is not None and (month.shown(), month.precision) == ("2020-09", "month")
    assert year is not None and (year.shown(), year.precision) == ("2019", "year")
    assert date_in_sentence("No date here.") is None
