"""Admins keep the facts true from chat: edit, import, audit, undo."""

from __future__ import annotations

from bot.models import Role
from bot.registry import Command, Option, OptionType, Registry
from commands.admin import facts_edits, history, imports, law_status, partnerships
from commands.admin.common import MAX_URL

_SOURCE = Option("source", "Source URL (http or https) that reports this", max_length=MAX_URL)
_AGENCY = Option(
    "agency", "Agency or place, e.g. 'Greenfield Police Department, WI'", autocomplete="place",
    max_length=150,
)  # fmt: skip
_STATE = Option("state", "Two-letter state, e.g. WI", required=False, max_length=30)


def _admin(
    path: str, description: str, handler: object, *options: Option, **extra: object
) -> Command:
    return Command(
        path=("facts", path), description=description, handler=handler,  # type: ignore[arg-type]
        options=options, role=Role.ADMIN, private=True, **extra,  # type: ignore[arg-type]
    )  # fmt: skip


def register(registry: Registry) -> None:
    registry.add_all([
        _admin(
            "set-partnership", "Record (or correct) an agency's Ring partnership",
            partnerships.set_partnership, _AGENCY,
            Option("since", "Date it began (YYYY-MM-DD)", type=OptionType.DATE), _SOURCE,
            Option("create", "yes: add the agency if it is not on record", required=False,
                   choices=("yes", "no")),
            _STATE, Option("city", "City of a new agency", required=False, max_length=80),
            examples=(
                '/facts set-partnership "Greenfield Police Department, WI" 2019-05-14'
                " https://example.org/ring-map",
                '/facts set-partnership "Smalltown Police Department" 2021-03-01'
                " https://example.org/story create:yes state:WI city:Smalltown",
            ),
        ),
        _admin(
            "end-partnership", "Record that an agency's Ring partnership ended",
            partnerships.end_partnership, _AGENCY,
            Option("date", "Date it ended (YYYY-MM-DD)", type=OptionType.DATE), _SOURCE, _STATE,
            examples=('/facts end-partnership "Greenfield Police Department, WI" 2024-01-31'
                      " https://example.org/ended",),
        ),
        _admin(
            "add-event", "Add a company event (moratorium, exit, ...)", facts_edits.add_event,
            Option("company", "Company, e.g. Amazon", autocomplete="company", max_length=80),
            Option("date", "When it happened (YYYY-MM-DD)", type=OptionType.DATE),
            Option("kind", "What kind of event", choices=facts_edits.EVENT_KINDS),
            Option("summary", "One sentence, in your own words", max_length=300), _SOURCE,
            Option("status", "The company's status after it, if it changes",
                   required=False, max_length=200),
            examples=('/facts add-event Amazon 2021-05-18 extension "Moratorium extended'
                      ' indefinitely" https://example.org/reuters',),
        ),
        _admin(
            "add-law", "Add a local or state facial-recognition law", facts_edits.add_law,
            Option("jurisdiction", "'Oakland, CA', 'King County, WA' or a state",
                   autocomplete="place", max_length=120),
            Option("kind", "Kind of law", choices=facts_edits.LAW_KINDS),
            Option("date", "Date enacted (YYYY-MM-DD)", type=OptionType.DATE),
            Option("status", "Its status now", choices=facts_edits.LAW_STATUSES), _SOURCE,
            Option("changed", "Date of the expiry/repeal/reversal", type=OptionType.DATE,
                   required=False),
            Option("scope", "What it covers, in a sentence", required=False, max_length=300),
            examples=('/facts add-law "King County, WA" ban 2021-06-01 in-force'
                      " https://example.org/ap",),
        ),
        _admin(
            "set-law-status", "A law was reversed, repealed, expired (or is in force again)",
            law_status.set_law_status,
            Option("law", "Law id (L7) or its jurisdiction ('Oakland, CA')",
                   autocomplete="place", max_length=120),
            Option("status", "Its status now", choices=facts_edits.LAW_STATUSES),
            Option("date", "Date the status changed (YYYY-MM-DD)", type=OptionType.DATE),
            _SOURCE,
            Option("note", "A few words on what happened", required=False,
                   max_length=law_status.MAX_NOTE, greedy=True),
            examples=("/facts set-law-status L7 repealed 2023-03-01 https://example.org/repeal"
                      " Repealed by the council",),
        ),
        _admin(
            "remove", "Remove a wrong fact (D123, E45 or L7)", facts_edits.remove_fact,
            Option("fact", "Fact id as shown in answers, e.g. D123", max_length=20), _SOURCE,
            examples=("/facts remove D123 https://example.org/correction",),
        ),
        _admin(
            "import", "Import a CSV: EFF Atlas export or the facts CSV", imports.import_facts,
            Option("file", "The CSV file", type=OptionType.ATTACHMENT),
            Option("as-of", "Date an Atlas export describes", type=OptionType.DATE, required=False),
            Option("source", "Source URL of the file", required=False, max_length=MAX_URL),
            slow=True, examples=("/facts import < eff_atlas_of_surveillance_2020-10-07.csv",),
        ),
        _admin(
            "history", "Who changed what, when, before and after", history.history,
            Option("target", "A place, company, fact (D123) or change (C12)", required=False,
                   autocomplete="place", max_length=120, greedy=True),
            examples=("/facts history", "/facts history Greenfield, WI", "/facts history D123"),
        ),
        _admin(
            "undo", "Undo a change (restores the facts exactly)", history.undo,
            Option("change", "Change id, e.g. C12", max_length=20),
            examples=("/facts undo C12",),
        ),
        _admin("outbox", "Follow notifications waiting or failing", history.show_outbox,
               examples=("/facts outbox",)),
    ])  # fmt: skip
