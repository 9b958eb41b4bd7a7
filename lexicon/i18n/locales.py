"""Which languages the bot speaks, and a platform's locale tag read as one of them."""

from __future__ import annotations

import re

DEFAULT = "en"
# The languages members may choose (/language). English is the source: its catalog is the
# code itself.
SUPPORTED = ("en", "es")
# A made-up locale for tests: every catalog string comes out bracketed and accented, so a
# test can see which words of a reply did not go through the catalog (lexicon/i18n/pseudo.py).
PSEUDO = "qps"

# The CLDR locale whose dates and numbers a language uses: the neutral Latin American Spanish
# of the catalog writes numbers 1,500 (es-419) where Spain writes 1.500.
_CLDR = {"es": "es_419"}
_NAMES = {"en": "English", "es": "español", PSEUDO: "pseudo"}


def normalize(tag: str) -> str | None:
    """A platform's or the system's locale tag as a language the bot speaks, else None.

    Discord sends 'es-ES' and 'es-419', Slack 'es-LA' or 'es-ES', a shell 'es_MX.UTF-8':
    every Spanish is the one neutral Latin American Spanish catalog. 'C' and 'POSIX' say
    nothing about a person's language: None.
    """
    base = re.split(r"[-_.@]", tag.strip(), maxsplit=1)[0].lower()
    if base in SUPPORTED or base == PSEUDO:
        return base
    return None


def language_name(locale: str) -> str:
    """The language's own name ('español'), as /language and /mydata show it."""
    return _NAMES.get(locale, locale)


def cldr_locale(locale: str) -> str:
    """The Babel locale that formats `locale`'s dates and numbers."""
    return _CLDR.get(locale, locale)
