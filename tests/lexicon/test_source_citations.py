"""A source as a reply cites it: as stored in English, as always; in Spanish the outlet's
name only (the stored parenthetical is an English note) and the date in words."""

from __future__ import annotations

import pytest

from lexicon.i18n import using
from lexicon.sources import citation, outlet, said_date
from storage.facts.models import Source
from testkit.english import english_sentences

# Publishers as the seed writes them (storage/seed/facts.toml) and the outlet each names.
SEED_PUBLISHERS = [
    ("Reuters (Nasdaq copy)", "Reuters"),
    ("CFO.com (citing CNBC)", "CFO.com"),
    ("Ring (help page for public safety agencies)", "Ring"),
    ("Morning Brew (citing the Financial Times)", "Morning Brew"),
    ("Telecoms.com (reporting The Verge and Liberty Investigates)", "Telecoms.com"),
    ("Edmonton Police Service (media release 25R088)", "Edmonton Police Service"),
    ("WTVR (AP)", "WTVR"),
    ("Atlas of Surveillance (EFF & UNR Reynolds School of Journalism)", "Atlas of Surveillance"),
    ("Note (a (nested) aside)", "Note"),
    ("FedScoop", "FedScoop"),
    ("(only a parenthetical)", "(only a parenthetical)"),
]


@pytest.mark.parametrize(("stored", "name"), SEED_PUBLISHERS)
def test_the_outlet_is_the_name_before_the_trailing_note(stored: str, name: str) -> None:
    assert outlet(stored) == name


def test_english_cites_as_stored() -> None:
    source = Source("https://x.org/a", "Reuters (Nasdaq copy)", "2021-05-18")
    assert source.cite() == "Reuters (Nasdaq copy), 2021-05-18: https://x.org/a"
    assert Source("https://x.org/b", "CNET", "2021-06").cite() == "CNET, 2021-06: https://x.org/b"
    assert (
        Source("https://x.org/c", "Ring (help page)").cite() == "Ring (help page): https://x.org/c"
    )
    assert Source("https://x.org/d").cite() == "https://x.org/d"


def test_spanish_cites_the_outlet_and_the_date_in_words() -> None:
    with using("es"):
        assert Source("https://x.org/a", "Reuters (Nasdaq copy)", "2021-05-18").cite() == (
            "Reuters, 18 de mayo de 2021: https://x.org/a"
        )
        # A date known to the month stays a month; a year a year.
        assert (
            citation("https://x.org/b", "CNET", "2021-06") == "CNET, junio de 2021: https://x.org/b"
        )
        assert citation("https://x.org/c", "", "2019") == "2019: https://x.org/c"
        assert citation("https://x.org/d", "Ring (help page for public safety agencies)") == (
            "Ring: https://x.org/d"
        )
        # A date an import kept as the source wrote it is shown as written, never guessed.
        assert said_date("sometime 2019") == "sometime 2019"
        for stored, _name in SEED_PUBLISHERS:
            line = "Fuente: " + citation("https://x.org/e", stored, "2020-06-09") + "."
            assert not english_sentences(line), line
