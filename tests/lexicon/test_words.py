"""The small words every reply uses."""

from __future__ import annotations

import pytest

from lexicon.words import listing, plural, shorten


@pytest.mark.parametrize(
    ("count", "word", "many", "said"),
    [(1, "sign-up", "", "1 sign-up"), (2, "sign-up", "", "2 sign-ups"),
     (1, "agency", "agencies", "1 agency"), (1500, "agency", "agencies", "1,500 agencies"),
     (0, "row", "", "0 rows")],
)  # fmt: skip
def test_plural(count: int, word: str, many: str, said: str) -> None:
    assert plural(count, word, many) == said


def test_listing() -> None:
    assert listing([]) == "" and listing(["a"]) == "a"
    assert listing(["a", "b"]) == "a and b" and listing(["a", "b", "c"], "or") == "a, b or c"


def test_shorten_never_cuts_a_word_or_leaves_a_parenthesis_open() -> None:
    text = "An ACLU test wrongly matched 28 members of Congress (about 40% were people of color)"
    assert shorten(text, 200) == text
    short = shorten(text, 40)
    assert short == "An ACLU test wrongly matched 28 members…" and len(short) <= 40
    assert shorten(text, 70) == "An ACLU test wrongly matched 28 members of Congress…"
    assert shorten("x" * 50, 10) == "x" * 9 + "…"
