"""Why a typed place was not taken: the refusals callers tell apart (a read may show the
closest place; a write of a place never stores a correction)."""

from __future__ import annotations

from bot.core.errors import UserError

ECHO = 60  # characters of the user's text echoed back


class NotOnRecord(UserError):
    """No place is called that; `closest` are the places offered instead (maybe none)."""

    def __init__(self, message: str, closest: tuple[str, ...] = (), *, es: str = "") -> None:
        super().__init__(message, es=es)
        self.closest = closest


class NotExact(UserError):
    """What was typed is a near miss: a read may show the closest place, a write may not."""

    def __init__(self, typed: str, closest: tuple[str, ...], *, corrected: bool) -> None:
        super().__init__(
            f"No place is called exactly {typed.strip()[:ECHO]!r}; nothing was saved."
            f" Closest: {'; '.join(closest)}."
        )
        self.closest = closest
        self.corrected = corrected  # a read would have taken closest[0] as meant
