"""Every reply in the asker's language: gettext catalogs, plurals and dates per locale.

A string the bot says is written in English in the code, wrapped where it is written:
`_("Unknown command /{name}.").format(name=...)`, `ngettext("{n} agency", "{n} agencies", n)`,
`N_("...")` for a constant translated later with `_(constant)`. The language is the one of the
request being answered (`using(locale)` around it, set by the dispatcher), so code deep inside
a command needs no argument for it. How to convert a module and add a language:
docs/languages.md.
"""

from __future__ import annotations

from lexicon.i18n.catalogs import CATALOG_DOMAIN, LOCALE_DIR, catalog_for
from lexicon.i18n.current import current, using
from lexicon.i18n.dates import format_day, format_fact_date, format_moment, format_stamp
from lexicon.i18n.locales import DEFAULT, PSEUDO, SUPPORTED, language_name, normalize
from lexicon.i18n.translate import N_, _, ngettext

__all__ = [
    "CATALOG_DOMAIN",
    "DEFAULT",
    "LOCALE_DIR",
    "N_",
    "PSEUDO",
    "SUPPORTED",
    "_",
    "catalog_for",
    "current",
    "format_day",
    "format_fact_date",
    "format_moment",
    "format_stamp",
    "language_name",
    "ngettext",
    "normalize",
    "using",
]
