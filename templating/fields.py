"""The fields a letter template may read, and the attributes each one has.

This is the whole vocabulary of a template: validation refuses any other name, so a
typo is caught when a template is added rather than when an organizer drafts it.
"""

from __future__ import annotations

# The longest user text a draft puts in the context (the options' own caps); `/letter add`
# also tries a new template with values this long (templating/jobs.py).
MAX_SIGNER = 80
MAX_RECIPIENT = 160

# Top-level names in the render context, with what each one is.
FIELD_HELP: dict[str, str] = {
    "today": "today's date, written out (November 26, 2026 / 26 de noviembre de 2026)",
    "language": "'en' or 'es'",
    "signer": "who signs (the signer option, or a placeholder to fill in)",
    "recipient": "who it is addressed to ('' when not given: write your own default)",
    "place": (
        "label, where (the place in the letter's language: 'el condado de Cook, IL'), city,"
        " county, state, state_name, council (the city council or county board)"
    ),
    "agency": (
        "the police agency with the Ring partnership: name, kind, city, state; first (named on"
        " first mention: 'el Departamento de Policía de Greenfield (Greenfield Police"
        " Department)' in Spanish, the name in English), short (afterwards), short_cap,"
        " of_first, of_short, to_short (with 'de'/'a' contracted: 'del Departamento')"
    ),
    "partnership": (
        "its Ring partnership: joined, joined_when ('in September 2020'), summary, source,"
        " source_url, as_of, also_dated (another date the record gives for it, '' if none)"
    ),
    "ring": "Ring's police program today: status, summary, date, when, source, source_url",
    "company": (
        "the company (company option, default amazon): name, status, status_date,"
        " status_when, source, source_url, timeline (a list of events: date, when, kind,"
        " summary, status, source, source_url)"
    ),
    "laws": (
        "facial-recognition laws passed in the place's state, oldest first: jurisdiction,"
        " where (the jurisdiction in the letter's language: 'el condado de King, WA'),"
        " level, kind, scope, enacted, enacted_when, event (what the date records: 'signed on"
        " August 9, 2021', 'that took effect in July 2021', never 'passed' when pending),"
        " as_reported, reversal, status, in_force, pending, restricts, status_note, source,"
        " source_url"
    ),
    "nearby_laws": "the same, for neighbouring states",
    "other_laws": (
        "the state's laws that do not restrict government use (a biometric privacy law such"
        " as Illinois' BIPA, a consent rule): same attributes; cite them as what they are,"
        " never as a ban"
    ),
    "ban": "the place's own ban or moratorium (same attributes as a law)",
    "addressee": (
        "who the letter goes to: to (the recipient option, else the body governing the"
        " agency or place), dear (the salutation: 'Dear Mayor Jane Doe,'), cc (a body copied"
        " for its budget power, e.g. a sheriff's county), governs (whether the addressee may"
        " direct the agency: false for a sheriff), one (one person: singular verbs)"
    ),
    "ring_today": (
        "what a 2020 partnership date means today, as /ring lookup says it: a list of"
        " changes since the snapshot (date, when, text, source, source_url, today, later: whether"
        " it came after the partnership's date)"
    ),
    "snapshot": "the date of the EFF Atlas snapshot the partnership comes from, in words",
    "records": (
        "for records requests: law (the state's public-records law, '' when not on record),"
        " citation, law_source_url (the statute's text or an official state page where the"
        " seed has one, else the Open Government Guide), deadline (e.g. '5 business days',"
        " '' when none is on record), deadline_note (what it is for; English only),"
        " no_deadline (the law sets no number of days), fee_waiver (the statute's waiver"
        " provision, '' when none),"
        " appeal, contact (the requester's), since (the date asked from, at the precision"
        " given: 'May 2019'), since_from (the same with its preposition: 'since May 2019',"
        " 'desde el 1 de enero de 2018'), agency (its name), of_agency, of_agency_first"
        " (with its preposition, named as agency.of_short and agency.of_first)"
    ),
}
FIELDS = frozenset(FIELD_HELP)

_PLACE = {"label", "where", "city", "county", "state", "state_name", "council"}
_AGENCY = {
    "name", "kind", "city", "state", "body",
    "first", "short", "short_cap", "of_first", "of_short", "to_short",
}  # fmt: skip
_ADDRESSEE = {"to", "dear", "cc", "governs", "one"}
_TODAY = {"date", "when", "text", "source", "source_url", "today"}
_RECORDS = {
    "law", "citation", "law_source_url", "deadline", "deadline_note", "no_deadline",
    "fee_waiver", "appeal",
    "contact", "since", "since_from", "agency", "of_agency", "of_agency_first",
}  # fmt: skip
_SOURCED = {"source", "source_url", "summary", "status"}
_PARTNERSHIP = {"joined", "joined_when", "also_dated", "as_of", *_SOURCED}
_RING = {"date", "when", "later", *_SOURCED}
_EVENT = {"date", "when", "kind", *_SOURCED}
_COMPANY = {"name", "status_date", "status_when", "timeline", *_SOURCED}
_LAW = {
    "jurisdiction",
    "where",
    "level",
    "kind",
    "scope",
    "enacted",
    "enacted_when",
    "event",
    "as_reported",
    "reversal",
    "pending",
    "restricts",
    "a_kind",
    "in_force",
    "status_note",
    *_SOURCED,
}
FIELD_ATTRIBUTES = frozenset(
    _PLACE
    | _AGENCY
    | _PARTNERSHIP
    | _RING
    | _EVENT
    | _COMPANY
    | _LAW
    | _ADDRESSEE
    | _TODAY
    | _RECORDS
)
LOOP_ATTRIBUTES = frozenset({"index", "index0", "revindex", "revindex0", "first", "last", "length"})

# Which facts a field needs; the context builder loads only what a template reads.
NEEDS_PLACE = frozenset(
    {"place", "agency", "partnership", "laws", "nearby_laws", "other_laws", "ban", "records"}
)
NEEDS_PARTNERSHIP = frozenset({"agency", "partnership"})
NEEDS_LAWS = frozenset({"laws", "nearby_laws", "other_laws"})
