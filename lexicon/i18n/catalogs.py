"""Each locale's compiled catalog, loaded once from the package's own locale folder.

`make catalogs` compiles `locale/<lang>/LC_MESSAGES/counterwatch.po` into the `.mo` beside it,
and `make` does it before running or testing (the Makefile's `.mo` rule), so what runs is
the compiled catalog, shipped as package data. A tree where make never ran (a wheel built
straight from a clean clone) has no `.mo`: the `.po` is then compiled in memory at first use,
so the bot never answers in the wrong language for want of a build step.
"""

from __future__ import annotations

import functools
import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from lexicon.i18n.locales import DEFAULT, PSEUDO
from lexicon.i18n.pseudo import PseudoTranslations

CATALOG_DOMAIN = "counterwatch"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
TEMPLATE = LOCALE_DIR / f"{CATALOG_DOMAIN}.pot"


def catalog_path(locale: str, suffix: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{CATALOG_DOMAIN}{suffix}"


@functools.cache
def catalog_for(locale: str) -> gettext.NullTranslations:
    """The translations of `locale`: English (the source) is the strings as written; an
    unknown locale is English too (normalize() keeps them out; this is the last guard)."""
    if locale == PSEUDO:
        return PseudoTranslations(template_ids())
    if locale == DEFAULT or not catalog_path(locale, ".po").exists():
        return gettext.NullTranslations()
    compiled = catalog_path(locale, ".mo")
    if compiled.exists():
        with compiled.open("rb") as handle:
            return Translations(handle, domain=CATALOG_DOMAIN)
    return Translations(io.BytesIO(_compiled_in_memory(catalog_path(locale, ".po"))))


def _compiled_in_memory(po: Path) -> bytes:
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=po.parent.parent.name)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


@functools.cache
def template_ids() -> frozenset[str]:
    """Every msgid extracted from the code (the .pot that `make catalogs` writes)."""
    with TEMPLATE.open("rb") as handle:
        template = read_po(handle)
    forms = (m.id if isinstance(m.id, tuple) else (m.id,) for m in template if m.id)
    return frozenset(str(form) for each in forms for form in each)
