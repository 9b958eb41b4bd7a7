"""The hand-written tokenizer splits as shlex does (posix, whitespace_split, no comments),
except that an apostrophe inside a word is a letter, not a quote."""

from __future__ import annotations

import random
import shlex

import pytest

from bot.core.errors import UsageError, UserError
from bot.core.grammar import MAX_LINE, tokenize

# Every character the grammar treats specially, the whitespace shlex does and does not
# split on (a no-break space and a vertical tab are ordinary text), and some word text.
ALPHABET = [
    "a",
    "b",
    "Z",
    "é",
    ",",
    ":",
    "#",
    "'",
    '"',
    "\\",
    " ",
    "\t",
    "\n",
    "\r",
    "\xa0",
    "\x0b",
]


def shlex_split(text: str) -> list[str] | None:
    """The reference: what the grammar used to do, None for its 'unbalanced' error."""
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    try:
        return list(lexer)
    except ValueError:
        return None


def ours(text: str) -> list[str] | None:
    try:
        return tokenize(text)
    except UsageError as exc:
        assert "Unbalanced quotes" in exc.message
        return None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "/ring lookup Greenfield, WI",
        'a "b c" d',
        "a 'b \" c' d",
        'x"y z"w',
        '""',
        "'' a",
        'a "" b',
        r"a\ b",
        r'"a \" b"',
        r'"a \\ b"',
        r'"a \n b"',
        r"'a \ b'",
        "a\\",
        '"open',
        '"ends in backslash\\',
        "#hashtag and issue #12",
        "no\xa0break\x0bspace\ttab\nline\rreturn",
        "key:\"quoted value\" other:'x y'",
    ],
)
def test_known_lines_split_like_shlex(text: str) -> None:
    assert ours(text) == shlex_split(text)


def test_random_lines_without_apostrophes_split_like_shlex() -> None:
    rng = random.Random(20261126)
    alphabet = [c for c in ALPHABET if c != "'"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert ours(text) == shlex_split(text), repr(text)


def test_single_quotes_around_whole_words_split_like_shlex() -> None:
    rng = random.Random(20261128)
    words = ["a", "b c", "é,", "#1", '"x y"', "", "k:v"]
    for _ in range(2000):
        parts = [rng.choice(words) for _ in range(rng.randint(1, 5))]
        text = " ".join(f"'{w}'" if rng.random() < 0.5 and '"' not in w else w for w in parts)
        assert ours(text) == shlex_split(text), repr(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Hall County Sheriff's Office, GA", ["Hall", "County", "Sheriff's", "Office,", "GA"]),
        ("O'Fallon, MO", ["O'Fallon,", "MO"]),
        ("Lee's Summit, MO", ["Lee's", "Summit,", "MO"]),
        ("Coeur d'Alene, ID", ["Coeur", "d'Alene,", "ID"]),
        ("Prince George's County, MD", ["Prince", "George's", "County,", "MD"]),
        ("Sheriffs' Office", ["Sheriffs'", "Office"]),
        ("Lee\u2019s Summit, O\u2018Fallon", ["Lee\u2019s", "Summit,", "O\u2018Fallon"]),
        ("'Hall County Sheriff's Office, GA'", ["Hall County Sheriff's Office, GA"]),
        ("signer:'Ana O'Neil' x", ["signer:Ana O'Neil", "x"]),
        ("'open", ["'open"]),  # no closing quote: an apostrophe, not an error
        ('"Sheriff\'s" office', ["Sheriff's", "office"]),
    ],
)
def test_an_apostrophe_inside_a_word_is_a_letter(text: str, words: list[str]) -> None:
    assert tokenize(text) == words


def test_too_long_line_is_refused_before_splitting() -> None:
    with pytest.raises(UserError, match="too long"):
        tokenize('"' * (MAX_LINE + 1))
