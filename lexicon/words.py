"""Small words every reply uses, so that none says "1 sign-ups", "follower(s)" or stops
mid-word: counts with their noun, lists in prose, text shortened at a word boundary."""

from __future__ import annotations

from collections.abc import Sequence

ELLIPSIS = "…"


def plural(count: int, word: str, many: str = "") -> str:
    """'1 agency', '2 agencies', '1,500 agencies': `many` when adding an s is wrong."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def listing(items: Sequence[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def shorten(text: str, limit: int) -> str:
    """`text` if it fits; otherwise cut at the last word boundary within `limit` (the
    ellipsis included), never mid-word, and closed with an ellipsis."""
    if len(text) <= limit:
        return text
    room = max(1, limit - len(ELLIPSIS))
    cut = text[:room]
    if not text[room].isspace() and " " in cut:
        cut = cut[: cut.rindex(" ")]
    if cut.count("(") > cut.count(")"):  # never leave a parenthesis open
        cut = cut[: cut.rindex("(")]
    return cut.rstrip(" ,;:.-(") + ELLIPSIS
