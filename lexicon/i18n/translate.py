"""`_`, `ngettext` and `N_`: the three names code uses to say something in the asker's language.

The English text is the key (gettext's convention), so English output is exactly what the
code says. Placeholders are str.format fields, filled after translation:
`_("{place} has no partnership.").format(place=label)`, so a translator may move them.
"""

from __future__ import annotations

from lexicon.i18n.catalogs import catalog_for
from lexicon.i18n.current import current


def _(message: str) -> str:
    """`message` in the current request's language."""
    return catalog_for(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` under the language's CLDR plural rule (the catalog's Plural-Forms);
    format `{n}` yourself: `ngettext("{n} agency", "{n} agencies", n).format(n=n)`."""
    return catalog_for(current()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a constant for extraction without translating it now: translate it where it is
    said, `_(CONSTANT)`, in the language of that moment."""
    return message
