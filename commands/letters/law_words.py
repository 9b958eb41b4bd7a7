"""What a law's stored date records, in words: the event, never a verb it does not support.

A law's `enacted` date is the day it was passed, signed, voted or took effect
(`enacted_means`); a letter names that event and no other ("signed on August 9, 2021",
not "passed"). A pending law was never passed. A row from the IFF table of May 2021
carries a "date of action" whose kind was never checked: it is quoted as the table's,
flagged "not re-checked". A partial reversal is named with its date, never left as "in
force".
"""

from __future__ import annotations

from commands.letters.dates import date_text, when_text
from storage.facts.models import Law

# Every law kind is feminine in Spanish (prohibición, moratoria, ordenanza, regulación,
# medida): the participles agree with it.
_EVENT = {
    "en": {
        "enacted": "passed {when}",
        "voted": "voted {when}",
        "signed": "signed {when}",
        "effective": "that took effect {when}",
    },
    "es": {
        "enacted": "aprobada {when}",
        "voted": "votada {when}",
        "signed": "firmada {when}",
        "effective": "que entró en vigor {when}",
    },
}
_PENDING = {
    "en": "proposed and still pending as of {as_of}",
    "es": "propuesta y aún pendiente (datos al {as_of})",
}
_REPORTED = {
    "en": (
        "with a date of action of {date} in the Internet Freedom Foundation's table of"
        " May 2021 (not re-checked since)"
    ),
    # "con fecha del 1 de diciembre de 2020", "con fecha de octubre de 2020": the table
    # dates an action whose kind it does not give (no "aprobada", no "fecha de acción").
    "es": (
        "con fecha {date} en la tabla de mayo de 2021 de la Internet Freedom Foundation (sin"
        " verificar desde entonces)"
    ),
}
_PARTLY = {
    "en": "Partly reversed {when}",
    "es": "Revertida en parte {when}",
}


def as_reported(law: Law) -> bool:
    """Whether the row is the IFF table's word of May 2021, imported as it was."""
    return bool(law.reported_by)


def law_event(law: Law, language: str) -> str:
    """The event the stored date records, as a phrase after the law's noun."""
    if law.status == "pending":
        return _PENDING[language].format(as_of=date_text(law.as_of, "day", language))
    if as_reported(law):
        dated = date_text(law.enacted, law.enacted_precision, language)
        if language == "es":
            dated = ("del " if law.enacted_precision == "day" else "de ") + dated
        return _REPORTED[language].format(date=dated)
    when = when_text(law.enacted, law.enacted_precision, language)
    return _EVENT[language].get(law.enacted_means, _EVENT[language]["enacted"]).format(when=when)


def law_reversal(law: Law, language: str) -> str:
    """'Partly reversed on July 28, 2022' (a sentence) for a partial reversal, else ''."""
    if law.status != "partly-reversed":
        return ""
    when = when_text(law.status_changed, "day", language) if law.status_changed else ""
    return _PARTLY[language].format(when=when).strip()
