"""A fact's own text in the reply's language (migration 0021): the stored English, the
stored Spanish, or, where nobody wrote the Spanish (an admin's fact, an IFF table row),
words from the fact's structured fields alone. Never the English inside a Spanish reply.

Stored Spanish is written to follow a colon (lower-case, no final full stop: the seed's
header says why); a reply starting a sentence with it capitalises it.
"""

from __future__ import annotations

from collections.abc import Callable

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


def sentence(text: str, *, capital: bool = True) -> str:
    """Stored text as a sentence: one final full stop, a capital unless it runs on after a
    colon in a language that does not capitalise there ("Según lo informado: la policía")."""
    text = text.strip().rstrip(".")
    if not text:
        return ""
    return (text[:1].upper() if capital else text[:1]) + text[1:] + "."


def _by_kind(event: CompanyEvent, capital: bool) -> str:
    kind = _EVENT_KIND.get(event.kind, _EVENT_KIND["other"])
    # TRANSLATORS: an event with no text in this language: its kind, and where to read it.
    said = _("{kind}; the details are in its source.").format(kind=_(kind))
    return said if capital else said[:1].lower() + said[1:]


def event_summary(event: CompanyEvent, *, capital: bool = True) -> str:
    """What happened, as a sentence, in the reply's language."""
    text = stored(event.summary, event.summary_es)
    return sentence(text, capital=capital) if text else _by_kind(event, capital)


def event_status(event: CompanyEvent, *, capital: bool = True) -> str:
    """What the event makes the company's status (what happened, if it sets none)."""
    if not event.status:
        return event_summary(event, capital=capital)
    text = stored(event.status, event.status_es or event.summary_es)
    return sentence(text, capital=capital) if text else _by_kind(event, capital)


def reported(said: Callable[..., str], event: CompanyEvent) -> str:
    """'Reported: ...' around an event's words; Spanish runs on in lower case after the
    colon, English capitalises as it always has."""
    text = said(event, capital=not in_spanish())
    return _("Reported: {text}").format(text=text)


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
