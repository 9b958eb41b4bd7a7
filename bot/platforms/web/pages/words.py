"""What the campaign pages say, through the same gettext catalog as the chat replies
(lexicon/i18n; the Spanish is in its counterwatch.po), and which language a reader gets.

The reader's explicit choice (the page's switch link, `?lang=`, the form's `lang`) wins;
then the campaign's own language (`/campaign language`); then the browser's
Accept-Language, by its q-values; English when none names a language we have.
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from babel.core import negotiate_locale
from babel.numbers import format_decimal

from lexicon.i18n import DEFAULT, N_, SUPPORTED, _, using
from lexicon.i18n.locales import cldr_locale

LANGUAGES = SUPPORTED
_ACCEPT_MAX = 20  # language ranges read from one Accept-Language header

WORDS: dict[str, str] = {
    "switch": N_("Español"),
    "to": N_("To"),
    "petition": N_("The petition"),
    "no_text": N_("This campaign has no petition text."),
    "text_unavailable": N_("The petition's text cannot be shown right now."),
    "signed": N_("Signed: {count}"),
    "signed_goal": N_("{count} of a goal of {goal} signed"),
    "sign": N_("Sign"),
    "name": N_("Your name"),
    "city": N_("Your city or ZIP code"),
    "email": N_("Email (optional)"),
    "optin": N_(
        "Send me updates about this campaign by email (your email is kept only if this box is"
        " ticked)"
    ),
    "consent": N_(
        "I agree that my name and city appear on the petition delivered for this campaign"
    ),
    "honeypot": N_("Leave this field empty"),
    "submit": N_("Sign the petition"),
    "privacy": N_(
        "Nothing else is kept: no cookie, no address, no tracking. After signing you get a "
        "private link to remove your signature."
    ),
    "thanks_title": N_("Thank you for signing"),
    "thanks": N_("Your signature on {title} counts. Signatures so far: {count}."),
    "keep_link": N_(
        "Keep this private link: it removes your signature, and nothing else can tell us it "
        "is yours."
    ),
    "email_dropped": N_("Your email was not kept: the updates box was not ticked."),
    "already": N_(
        "A signature with this name and city was already made on {since}: it counts once."
    ),
    "back": N_("Back to the campaign"),
    "closed": N_("This campaign takes no more signatures."),
    "remove_title": N_("Remove your signature"),
    "remove_ask": N_(
        "Remove your signature from {title}? Your name and city are deleted and will not "
        "appear on the petition."
    ),
    "remove_button": N_("Remove my signature"),
    "removed_title": N_("Your signature was removed"),
    "removed": N_("Nothing of it is kept."),
    "not_found_title": N_("Not found"),
    "not_found": N_("There is no page here: the link may be wrong or the page taken down."),
    "try_again_title": N_("Try again shortly"),
    "try_again": N_(
        "Many people are signing right now. Please try again in a minute: nothing was saved yet."
    ),
    "expired": N_("This form had expired, so nothing was saved. Please send it again."),
    "need_name": N_("Please give your name."),
    "need_city": N_("Please give your city or ZIP code."),
    "need_consent": N_(
        "Please tick the box agreeing that your name and city appear on the petition."
    ),
    "bad_email": N_("That email address does not look right."),
    "need_email": N_("Please give your email address, or untick the updates box."),
    "bad_name": N_("Please type plain text: the name contains control or invisible characters."),
    "bad_city": N_("Please type plain text: the city contains control or invisible characters."),
    "long_name": N_("The name is too long (at most {cap} characters)."),
    "long_city": N_("The city is too long (at most {cap} characters)."),
    "errors": N_("Please check the form"),
}


def page_words(language: str) -> dict[str, str]:
    """Every word of the pages in `language`, from the catalog."""
    with using(language):
        return {key: _(english) for key, english in WORDS.items()}


def choose_language(chosen: str, campaign_language: str, accept_language: str) -> str:
    """The reader's explicit choice, else the campaign's own language, else the first of
    ours the browser accepts (by q-value; q=0 refuses one), else English."""
    if chosen in LANGUAGES:
        return chosen
    if campaign_language in LANGUAGES:
        return campaign_language
    found = negotiate_locale(accepted(accept_language), LANGUAGES, sep="-", aliases={})
    return found if found in LANGUAGES else DEFAULT


def accepted(header: str) -> list[str]:
    """The language tags of an Accept-Language header, most wanted first (RFC 9110: the
    higher q first, equal q in the header's order); q=0 and malformed entries left out."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")[:_ACCEPT_MAX]):
        tag, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            name, _eq, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = -1.0
        if tag and tag != "*" and 0 < quality <= 1:
            ranked.append((-quality, position, tag.lower().replace("_", "-")))
    return [tag for _q, _p, tag in sorted(ranked)]


def number(count: int, language: str) -> str:
    """A count as CLDR writes it in the language: 1,234 in English and in the catalog's
    Latin American Spanish (es-419), as the chat replies write it."""
    try:
        return format_decimal(count, locale=Locale.parse(cldr_locale(language)))
    except UnknownLocaleError:
        return f"{count:,}"
