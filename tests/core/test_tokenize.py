"""The hand-written tokenizer splits exactly as shlex (posix, whitespace_split, no comments)."""

from __future__ import annotations

import random
import shlex

import pytest

from bot.errors import UsageError, UserError
from bot.grammar import MAX_LINE, tokenize

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
        "'open",
        '"ends in backslash\\',
        "#hashtag and issue #12",
        "no\xa0break\x0bspace\ttab\nline\rreturn",
        "key:\"quoted value\" other:'x y'",
    ],
)
def test_known_lines_split_like_shlex(text: str) -> None:
    assert ours(text) == shlex_split(text)


def test_random_lines_split_like_shlex() -> None:
    rng = random.Random(20261126)
    for _ in range(5000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 24)))
        assert ours(text) == shlex_split(text), repr(text)


def test_too_long_line_is_refused_before_splitting() -> None:
    with pytest.raises(UserError, match="too long"):
        tokenize('"' * (MAX_LINE + 1))
