"""A fact's own text in the reply's language (migration 0021): the stored English, the
stored Spanish, or, where nobody wrote the Spanish (an admin's fact, an IFF table row),
words from the fact's structured fields alone. Never the English inside a Spanish reply.

Stored Spanish is written to follow a colon (lower-case, no final full stop: the seed's
header says why); a reply starting a sentence with it capitalises it.
"""

from __future__ import annotations

from lexicon.i18n import N_, _, current
from storage.facts.models import CompanyEvent, Law

# A Spanish event with no Spanish text is named by its kind; the details are its source's.
_EVENT_KIND = {
    "moratorium": N_("A moratorium"),
    "extension": N_("An extension of a moratorium"),
    "moratorium-ended": N_("The end of a moratorium"),
    "exit": N_("An exit from the business"),
    "restriction": N_("A restriction"),
    "shutdown": N_("A shutdown"),
    "program": N_("A change to a program"),
    "settlement": N_("A settlement"),
    "other": N_("An event"),
}
AS_REPORTED = N_(
    "as reported by the Internet Freedom Foundation's table of May 2021; not re-checked since"
)
# A corrected row whose date is still the table's: the correction, then whose word the rest is.
CORRECTED_AS_REPORTED = N_(
    "{note}. Its date and the rest are as reported by the Internet Freedom Foundation's table"
    " of May 2021; not re-checked since"
)


def in_spanish(language: str | None = None) -> bool:
    """Whether the facts are said in Spanish: the language given, else the request's."""
    return (language or current()) == "es"


def stored(english: str, spanish: str, language: str | None = None) -> str:
    """The stored text in the reply's language ('' when the Spanish was never written)."""
    return spanish if in_spanish(language) else english


def sentence(text: str) -> str:
    """Stored text as a sentence of its own: a capital, one final full stop."""
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "." if text else ""


def _by_kind(event: CompanyEvent) -> str:
    kind = _EVENT_KIND.get(event.kind, _EVENT_KIND["other"])
    # TRANSLATORS: an event with no text in this language: its kind, and where to read it.
    return _("{kind}; the details are in its source.").format(kind=_(kind))


def event_summary(event: CompanyEvent) -> str:
    """What happened, as a sentence, in the reply's language."""
    text = stored(event.summary, event.summary_es)
    return sentence(text) if text else _by_kind(event)


def event_status(event: CompanyEvent) -> str:
    """What the event makes the company's status (what happened, if it sets none)."""
    if not event.status:
        return event_summary(event)
    text = stored(event.status, event.status_es or event.summary_es)
    return sentence(text) if text else _by_kind(event)


def law_scope(law: Law) -> str:
    """What the law covers, in the reply's language; '' when not on record in it."""
    return stored(law.scope, law.scope_es).strip().rstrip(".")


def law_note(law: Law) -> str:
    """The note after a law's status: the stored note in the reply's language, and whose
    unchecked word the row is (the IFF table's), said from the catalog."""
    note = stored(law.status_note, law.status_note_es).strip().rstrip(".")
    if not law.reported_by:
        return note
    return _(CORRECTED_AS_REPORTED).format(note=note) if note else _(AS_REPORTED)
