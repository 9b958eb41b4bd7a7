"""A made-up but complete render context, for trying a template before it is stored.

`/letter add` renders the new template against this in both languages: a template
that would fail at draft time (a field missing from a loop item, output too long)
is refused at once, not when an organizer needs it.
"""

from __future__ import annotations

from templating.fields import MAX_RECIPIENT, MAX_SIGNER

_SOURCE = {"source": "Example News", "source_url": "https://example.org/source"}
_LAW = {
    "jurisdiction": "Example City, EX",
    "level": "city",
    "kind": "ban",
    "a_kind": "a ban",
    "scope": "Bans city use of face recognition",
    "enacted": "June 2020",
    "enacted_when": "in June 2020",
    "event": "passed in June 2020",
    "as_reported": False,
    "reversal": "",
    "pending": False,
    "restricts": True,
    "status": "in force",
    "in_force": True,
    "status_note": "",
    "summary": "Bans city use of face recognition",
    **_SOURCE,
}
_EVENT = {
    "date": "June 10, 2020",
    "when": "on June 10, 2020",
    "kind": "moratorium",
    "summary": "Announced a one-year moratorium",
    "status": "One-year moratorium",
    **_SOURCE,
}


def sample_context(language: str) -> dict[str, object]:
    context: dict[str, object] = {
        "today": "November 26, 2026",
        "language": language,
        "signer": "Ana Example",
        "recipient": "",
        "place": {
            "label": "Example City, EX",
            "city": "Example City",
            "county": "Example County",
            "state": "EX",
            "state_name": "Example State",
            "council": "the Example City Council",
        },
        "agency": {
            "name": "Example City Police Department",
            "body": "the Example City Council",
            "kind": "Police",
            "city": "Example City",
            "state": "EX",
        },
        "partnership": {
            "joined": "September 2019",
            "joined_when": "in September 2019",
            "also_dated": "",
            "as_of": "October 7, 2020",
            "summary": "Joined Ring's Neighbors portal",
            "status": "active",
            **_SOURCE,
        },
        "ring": dict(_EVENT, kind="program"),
        "company": {
            "name": "Example Corp",
            "timeline": [_EVENT, dict(_EVENT, kind="extension")],
            "status": "Moratorium extended",
            "status_date": "May 18, 2021",
            "status_when": "on May 18, 2021",
            "summary": "Extended until further notice",
            **_SOURCE,
        },
        "laws": [_LAW, dict(_LAW, in_force=False, status="reversed")],
        "nearby_laws": [_LAW],
        "other_laws": [],
        "ban": _LAW,
        "addressee": {"to": "the Example City Council", "dear": "Dear Members of the Council,"},
        "ring_today": [
            {
                "date": "January 24, 2024",
                "when": "on January 24, 2024",
                "text": "Police video requests ended",
                "today": False,
                "later": True,
                **_SOURCE,
            }
        ],
        "snapshot": "October 7, 2020",
        "records": {
            "law": "Example Public Records Act",
            "citation": "Example Code § 1-1",
            "law_source_url": "https://example.org/law",
            "deadline": "5 business days",
            "deadline_note": "to grant or deny access",
            "no_deadline": False,
            "fee_waiver": "Example Code § 1-2",
            "appeal": "the Example Records Council",
            "contact": "someone@example.org",
            "since": "January 1, 2018",
            "since_from": "since January 1, 2018",
            "agency": "Example City Police Department",
        },
    }
    return context


def longest_context(language: str) -> dict[str, object]:
    """The sample with the user's own values as long as a draft lets them be: a template
    that only fails (too long, too slow) on a long `signer:` is refused when added."""
    context = sample_context(language)
    context["signer"] = "W" * MAX_SIGNER
    context["recipient"] = "W" * MAX_RECIPIENT
    return context
