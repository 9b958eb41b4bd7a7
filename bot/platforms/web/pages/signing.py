"""A web signature's fields, checked as chat input is, and the key that counts it once."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping

from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.options import has_control_characters
from bot.platforms.web.pages.html import FormValues
from bot.platforms.web.pages.words import page_words
from commands.campaigns.checks import NAME_MAX, PLACE_MAX
from commands.campaigns.links import member_city
from lexicon.i18n import using
from lexicon.invisible import has_invisible
from storage.campaigns.models import Member

PLATFORM = "web"  # a web signature's source, as a sign-up's platform
EMAIL_MAX = 254
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s.]{2,63}")
_MENTION = re.compile(r"@(everyone|here|channel)\b|<[!@#]", re.IGNORECASE)


def form_values(form: Mapping[str, str]) -> FormValues:
    """What was typed, as sent (capped so that a re-shown form stays small)."""
    return FormValues(
        name=form.get("name", "")[: NAME_MAX * 2],
        city=form.get("city", "")[: PLACE_MAX * 2],
        email=form.get("email", "")[: EMAIL_MAX + 10],
        optin=form.get("optin", "") == "yes",
        consent=form.get("consent", "") == "yes",
    )


def _text(value: str, field: str, cap: int, language: str) -> tuple[str, str]:
    """(cleaned, error): single-spaced, refused with control or invisible characters."""
    words = page_words(language)
    if has_control_characters(value) or has_invisible(value) or _MENTION.search(value):
        return "", words[f"bad_{field}"]
    cleaned = " ".join(value.split())
    if len(cleaned) > cap:
        return "", words[f"long_{field}"].format(cap=cap)
    return cleaned, ""


async def checked(deps: Deps, values: FormValues, language: str) -> tuple[Member, str, list[str]]:
    """The member to sign up, the email to keep ('' unless opted in) and the errors."""
    words = page_words(language)
    errors: list[str] = []
    name, error = _text(values.name, "name", NAME_MAX, language)
    errors += [error] if error else [] if name else [words["need_name"]]
    city, error = _text(values.city, "city", PLACE_MAX, language)
    if error or not city:
        errors.append(error or words["need_city"])
    else:
        try:
            with using(language):  # the gazetteer's refusals come from the same catalog
                city = await member_city(deps, city)  # the gazetteer's label when exact
        except UserError as exc:  # a typo the index would correct: never stored corrected
            errors.append(exc.message)
    email = " ".join(values.email.split()).lower() if values.optin else ""
    if values.optin and not email:
        errors.append(words["need_email"])
    elif email and (len(email) > EMAIL_MAX or not _EMAIL.fullmatch(email)):
        errors.append(words["bad_email"])
    if not values.consent:
        errors.append(words["need_consent"])
    member = Member(PLATFORM, signer_key(name, city, email), name, city)
    return member, email, errors


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def signer_key(name: str, city: str, email: str) -> str:
    """The sign-up's user id: one per normalized name + city (+ email when given), so the
    same person signing twice counts once. A hash: the row already holds name and city,
    and the email is kept beside it only when opted in."""
    joined = "\x1f".join((_folded(name), _folded(city), email))
    return hashlib.sha256(joined.encode()).hexdigest()


def removal_hash(token: str) -> str:
    """Only the hash of a removal link is stored: the link itself exists only with the signer."""
    return hashlib.sha256(token.encode()).hexdigest()
