"""How to reach an official or a body, as an admin typed it from a source: a plausible
public email and a phone number, checked before anything is stored. Bad input gets one line
and changes nothing; these are shown to members and copied into letters, so nothing hidden
(control or invisible characters) may ride along."""

from __future__ import annotations

import re

from bot.core.errors import UserError
from lexicon.i18n import _
from lexicon.invisible import has_invisible

MAX_EMAIL, MAX_PHONE = 120, 30
_EMAIL = re.compile(r"[^@\s\"<>,;]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(r"[0-9 +().\-]+")
MIN_DIGITS = 3  # '911' and '311' are real public numbers; fewer is a typo


def _hidden(text: str) -> bool:
    return has_invisible(text) or not text.isprintable()


def public_email(typed: str | None) -> str:
    """The email as typed (trimmed), '' when not given."""
    text = (typed or "").strip()
    if not text:
        return ""
    if _hidden(text):
        raise UserError(_("The email contains invisible characters; type it again without them."))
    if len(text) > MAX_EMAIL:
        raise UserError(_("The email is over {limit} characters.").format(limit=MAX_EMAIL))
    if not _EMAIL.fullmatch(text):
        raise UserError(_("{email!r} is not an email address (name@example.org).").format(
            email=text[:60]))  # fmt: skip
    return text


def public_phone(typed: str | None) -> str:
    """The phone as the source writes it (spaces collapsed), '' when not given."""
    text = " ".join((typed or "").split())
    if not text:
        return ""
    if _hidden(text):
        raise UserError(_("The phone contains invisible characters; type it again without them."))
    if len(text) > MAX_PHONE:
        raise UserError(_("The phone is over {limit} characters.").format(limit=MAX_PHONE))
    digits = sum(c.isdigit() for c in text)
    if not _PHONE.fullmatch(text) or digits < MIN_DIGITS:
        raise UserError(_("Write the phone with digits, spaces and + ( ) - . only, e.g."
                          " +1 414 555 0100."))  # fmt: skip
    return text
