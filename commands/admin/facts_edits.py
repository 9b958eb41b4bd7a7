"""/facts add-event and /facts add-law."""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.models import Reply, Request, Role
from bot.core.registry import CommandSet, Option, OptionType
from commands.admin.authoring import committed, edit_of
from commands.admin.checks import past_date, source_url
from commands.admin.options import SOURCE
from commands.admin.wording import notice_template, outcome_reply
from lexicon.names import normalize
from lexicon.states import STATES, state_code
from places.index import NotExact, place_index
from storage.interfaces.fact_edits import Jurisdiction, NewEvent, NewLaw

EVENT_KINDS = (
    "moratorium", "extension", "moratorium-ended", "exit",
    "restriction", "shutdown", "program", "settlement", "other",
)  # fmt: skip
LAW_KINDS = ("ban", "moratorium", "oversight", "regulation", "other")
LAW_STATUSES = ("in-force", "expired", "repealed", "partly-reversed", "reversed", "pending")

COMMANDS = CommandSet(group="facts", role=Role.FACTS_ADMIN, private=True)


@COMMANDS.command(
    "add-event", "Add a company event (moratorium, exit, ...)",
    Option("company", "Company, e.g. Amazon", autocomplete="company", max_length=80),
    Option("date", "When it happened (YYYY-MM-DD, YYYY-MM or YYYY)", type=OptionType.FACT_DATE),
    Option("kind", "What kind of event", choices=EVENT_KINDS),
    Option("summary", "One sentence, in your own words", max_length=300), SOURCE,
    Option("status", "The company's status after it, if it changes",
           required=False, max_length=200),
    Option("confidence", "reported: a source reports it, a detail is unconfirmed",
           required=False, max_length=9, choices=("confirmed", "reported")),
    examples=('/facts add-event Amazon 2021-05-18 extension "Moratorium extended'
              ' indefinitely" https://example.org/reuters',),
)  # fmt: skip
async def add_event(request: Request, deps: Deps) -> Reply:
    happened = past_date(deps, request.option("date"), "date")
    url = source_url(request.text("source"))
    company = await deps.storage.fact_edits.company(request.text("company"))
    if company is None:
        known = ", ".join(await deps.storage.fact_edits.company_names()) or "none yet"
        raise UserError(f"No company called {request.text('company')[:40]!r}. Known: {known}.")
    event = NewEvent(
        edit_of(request, deps, url, notice_template(url)), company, happened,
        request.text("kind"), request.text("status"), request.text("summary"),
        request.text("confidence") or "confirmed",
    )  # fmt: skip
    outcome = await deps.storage.fact_edits.add_event(event)
    await committed(deps)
    return outcome_reply(request, outcome, url)


def parse_jurisdiction(text: str) -> Jurisdiction:
    """'Oakland, CA' (a city), 'King County, WA' (a county) or 'Virginia' (a state)."""
    typed = " ".join(text.split())
    code = state_code(typed)
    if code:
        return Jurisdiction(STATES[code], "state", "", "", code)
    left, _, right = typed.rpartition(",")
    code = state_code(right) if left else None
    if code is None or not normalize(left):
        raise UserError(
            "Give the jurisdiction with its state: 'Oakland, CA', 'King County, WA' or 'Virginia'."
        )
    name = left.strip()
    if normalize(name).split()[-1] in ("county", "parish", "borough"):
        return Jurisdiction(f"{name}, {code}", "county", "", name, code)
    return Jurisdiction(f"{name}, {code}", "city", name, "", code)


def known_jurisdiction(deps: Deps, where: Jurisdiction) -> Jurisdiction:
    """A city or county is named exactly as on record: a fact is never filed under a
    guess ('Greenfeild, WI' is refused with the closest places). A place with nothing
    close on record is new to the data and is taken as typed (a law adds its place)."""
    index = place_index(deps)
    if where.level == "state" or len(index) == 0:
        return where
    try:
        index.exact(where.label)
    except NotExact:
        raise
    except UserError:
        pass  # not on record and nothing close: a new place
    return where


@COMMANDS.command(
    "add-law", "Add a local or state facial-recognition law",
    Option("jurisdiction", "'Oakland, CA', 'King County, WA' or a state",
           autocomplete="place", max_length=120),
    Option("kind", "Kind of law", choices=LAW_KINDS),
    Option("date", "Date enacted (YYYY-MM-DD, YYYY-MM or YYYY)", type=OptionType.FACT_DATE),
    Option("status", "Its status now", choices=LAW_STATUSES), SOURCE,
    Option("changed", "Date of the expiry/repeal/reversal", type=OptionType.FACT_DATE,
           required=False),
    Option("scope", "What it covers, in a sentence", required=False, max_length=300),
    examples=('/facts add-law "King County, WA" ban 2021-06-01 in-force'
              " https://example.org/ap",),
)  # fmt: skip
async def add_law(request: Request, deps: Deps) -> Reply:
    enacted = past_date(deps, request.option("date"), "date")
    url = source_url(request.text("source"))
    where = known_jurisdiction(deps, parse_jurisdiction(request.text("jurisdiction")))
    kind, status = request.text("kind"), request.text("status")
    changed = request.option("changed")
    status_changed = past_date(deps, changed, "status change date") if changed else None
    if status_changed and status_changed < enacted:
        raise UserError("The status cannot change before the law was enacted.")
    if status != "in-force" and status != "pending" and not status_changed:
        raise UserError(f"A law that is {status} needs the date: changed:YYYY-MM-DD.")
    scope = request.text("scope") or f"Facial recognition {kind} ({where.label})"
    law = NewLaw(
        edit_of(request, deps, url, notice_template(url)), where, kind, scope, enacted, status,
        status_changed,
    )  # fmt: skip
    outcome = await deps.storage.fact_edits.add_law(law)
    await committed(deps)
    return outcome_reply(request, outcome, url)
