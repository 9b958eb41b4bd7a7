"""Sentences storage keeps to be said later, in the language of whoever reads them.

Storage writes lines people read much later (the audit log's summary of a change, what a
follower is told): written as English text, a Spanish admin would read English. Instead it
keeps the *structure*: a catalog message (an `N_` constant) and its fields, as JSON behind a
control character no typed text can hold (the dispatcher refuses control characters). `say`
words it at reply time in the current language; any other text (rows written before, a
sentence from elsewhere) is said as stored, so old rows keep reading as they did.

A field is data shown as stored (a name, a URL, a kept sentence, itself said if it is a
stored sentence: an undo names the change it undid), a date (`date`: ISO in English, as
always, in words in other languages) or a code (`code`: a law's kind or status, an event's
kind: as stored in English, from the catalog in other languages) or an Atlas technology
category (`tech`).
"""

from __future__ import annotations

import json
from typing import Any

from lexicon.i18n import N_, _, ngettext
from lexicon.sources import said_date
from lexicon.technologies import technology_name

MARK = "\x1f"  # ASCII unit separator: never in a typed sentence

# The codes a stored sentence may name: their English is the code itself.
_CODES = frozenset(
    (
        # laws' kinds and statuses
        N_("ban"), N_("moratorium"), N_("oversight"), N_("regulation"), N_("other"),
        N_("in-force"), N_("expired"), N_("repealed"), N_("partly-reversed"), N_("reversed"),
        N_("pending"),
        # companies' events
        N_("extension"), N_("moratorium-ended"), N_("exit"), N_("restriction"), N_("shutdown"),
        N_("program"), N_("settlement"),
        # a law's level and what its date is, an event's confidence
        N_("city"), N_("county"), N_("state"), N_("agency"), N_("confirmed"), N_("reported"),
        N_("enacted"), N_("signed"), N_("voted"), N_("effective"),
    )
)  # fmt: skip

Field = str | dict[str, str]


def store(message: str, **fields: Field) -> str:
    """`message` (an N_ constant with {named} fields) and its fields, as storage keeps them."""
    return MARK + json.dumps({"m": message, "f": fields}, ensure_ascii=False, sort_keys=True)


def store_plural(singular: str, plural: str, n: int, **fields: Field) -> str:
    """A sentence whose form depends on `n` (the language's plural rule when it is said);
    {n} in it is the count. `make catalogs` extracts it as ngettext's pair."""
    kept = {"m": [singular, plural], "n": n, "f": fields}
    return MARK + json.dumps(kept, ensure_ascii=False, sort_keys=True)


def date(iso: str) -> dict[str, str]:
    return {"date": iso}


def code(value: str) -> dict[str, str]:
    return {"code": value}


def tech(value: str) -> dict[str, str]:
    """An Atlas technology category (lexicon/technologies.py)."""
    return {"tech": value}


def is_stored(text: str) -> bool:
    return text.startswith(MARK)


def say(text: str) -> str:
    """A stored sentence in the current language; any other text as it is."""
    if not is_stored(text):
        return text
    try:
        found = json.loads(text[len(MARK) :])
        fields = {name: _said(value) for name, value in found["f"].items()}
        if isinstance(found["m"], list):
            one, many = found["m"]
            n = int(found["n"])
            return ngettext(one, many, n).format(n=n, **fields)
        message = str(found["m"])
        return _(message).format(**fields)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return text[len(MARK) :]  # never expected; shown rather than lost


def _said(value: Any) -> str:
    if isinstance(value, str):
        return say(value)
    if "date" in value:
        return said_date(str(value["date"]))
    if "tech" in value:
        return technology_name(str(value["tech"]))
    return code_said(str(value["code"]))


def code_said(value: str) -> str:
    """A stored code (a law's kind, status or level, an event's kind or confidence) in the
    current language; an unknown one as stored."""
    return _(value) if value in _CODES else value
