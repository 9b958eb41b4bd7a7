"""Why a typed place was not taken: the refusals callers tell apart (a read may show the
closest place; a write of a place never stores a correction)."""

from __future__ import annotations

from bot.core.errors import UserError
from lexicon.i18n import _

ECHO = 60  # characters of the user's text echoed back


class NotOnRecord(UserError):
    """No place is called that; `closest` are the places offered instead (maybe none)."""

    def __init__(self, message: str, closest: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.closest = closest


class NotExact(UserError):
    """What was typed is a near miss: a read may show the closest place, a write may not."""

    def __init__(self, typed: str, closest: tuple[str, ...], *, corrected: bool) -> None:
        super().__init__(
            _(
                "No place is called exactly {typed!r}; nothing was saved. Closest: {closest}."
            ).format(typed=typed.strip()[:ECHO], closest="; ".join(closest))
        )
        self.closest = closest
        self.corrected = corrected  # a read would have taken closest[0] as meant
