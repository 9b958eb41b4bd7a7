"""/facts add-event and /facts add-law."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.models import Reply, Role
from bot.core.registry import CommandSet
from bot.core.signatures import FactDate, Opt
from commands.admin.authoring import committed, edit_of
from commands.admin.checks import past_date, source_url
from commands.admin.options import Source
from commands.admin.spanish import StatusEs, TextEs, spanish_text
from commands.admin.wording import notices, outcome_reply
from lexicon.i18n import N_, _
from lexicon.names import normalize
from lexicon.states import STATES, state_code
from places.index import NotExact, place_index
from storage.fact_edits.models import Jurisdiction, NewEvent, NewLaw

EVENT_KINDS = (
    "moratorium", "extension", "moratorium-ended", "exit",
    "restriction", "shutdown", "program", "settlement", "other",
)  # fmt: skip
LAW_KINDS = ("ban", "moratorium", "oversight", "regulation", "other")
LAW_STATUSES = ("in-force", "expired", "repealed", "partly-reversed", "reversed", "pending")

COMMANDS = CommandSet(group="facts", role=Role.FACTS_ADMIN, private=True)


@COMMANDS.command(
    "add-event", "Add a company event (moratorium, exit, ...)",
    examples=('/facts add-event Amazon 2021-05-18 extension "Moratorium extended'
              ' indefinitely" https://example.org/reuters',),
)  # fmt: skip
async def add_event(
    ctx: Ctx,
    company: Annotated[str, Opt("Company, e.g. Amazon", autocomplete="company", max_length=80)],
    date: Annotated[FactDate, Opt("When it happened (YYYY-MM-DD, YYYY-MM or YYYY)")],
    kind: Annotated[str, Opt("What kind of event", choices=EVENT_KINDS)],
    summary: Annotated[str, Opt("One sentence, in your own words", max_length=300)],
    source: Source,
    status: Annotated[
        str, Opt("The company's status after it, if it changes", max_length=200)
    ] = "",
    confidence: Annotated[
        str,
        Opt(
            "reported: a source reports it, a detail is unconfirmed",
            max_length=9,
            choices=("confirmed", "reported"),
        ),
    ] = "",
    text_es: TextEs = "",
    status_es: StatusEs = "",
) -> Reply:
    deps = ctx.deps
    happened = past_date(deps, date, N_("date"))
    url = source_url(source)
    if status_es.strip() and not status.strip():
        raise UserError(_("status_es: is the status in Spanish: give status: too."))
    found = await deps.storage.fact_edits.company(company)
    if found is None:
        known = ", ".join(await deps.storage.fact_edits.company_names()) or _("none yet")
        raise UserError(
            _("No company called {typed!r}. Known: {known}.").format(
                typed=company[:40], known=known
            )
        )
    event = NewEvent(
        edit_of(ctx, deps, url, notices(url)), found, happened,
        kind, status, summary,
        confidence or "confirmed", spanish_text(text_es), spanish_text(status_es),
    )  # fmt: skip
    outcome = await deps.storage.fact_edits.add_event(event)
    await committed(deps)
    return outcome_reply(ctx, outcome, url)


def parse_jurisdiction(text: str) -> Jurisdiction:
    """'Oakland, CA' (a city), 'King County, WA' (a county) or 'Virginia' (a state)."""
    typed = " ".join(text.split())
    code = state_code(typed)
    if code:
        return Jurisdiction(STATES[code], "state", "", "", code)
    left, _comma, right = typed.rpartition(",")
    code = state_code(right) if left else None
    if code is None or not normalize(left):
        raise UserError(
            _(
                "Give the jurisdiction with its state: 'Oakland, CA', 'King County, WA' or"
                " 'Virginia'."
            )
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
    examples=('/facts add-law "King County, WA" ban 2021-06-01 in-force'
              " https://example.org/ap",),
)  # fmt: skip
async def add_law(
    ctx: Ctx,
    jurisdiction: Annotated[
        str,
        Opt("'Oakland, CA', 'King County, WA' or a state", autocomplete="place", max_length=120),
    ],
    kind: Annotated[str, Opt("Kind of law", choices=LAW_KINDS)],
    date: Annotated[FactDate, Opt("Date enacted (YYYY-MM-DD, YYYY-MM or YYYY)")],
    status: Annotated[str, Opt("Its status now", choices=LAW_STATUSES)],
    source: Source,
    changed: Annotated[FactDate | None, Opt("Date of the expiry/repeal/reversal")] = None,
    scope: Annotated[str, Opt("What it covers, in a sentence", max_length=300)] = "",
    scope_es: Annotated[
        str,
        Opt("The scope in Spanish, kept to what the English says", max_length=300, name="scope_es"),
    ] = "",
) -> Reply:
    deps = ctx.deps
    enacted = past_date(deps, date, N_("date"))
    url = source_url(source)
    where = known_jurisdiction(deps, parse_jurisdiction(jurisdiction))
    kind, status = kind, status
    status_changed = past_date(deps, changed, N_("status change date")) if changed else None
    if status_changed and status_changed < enacted:
        raise UserError(_("The status cannot change before the law was enacted."))
    if status != "in-force" and status != "pending" and not status_changed:
        raise UserError(
            _("A law that is {status} needs the date: changed:YYYY-MM-DD.").format(status=status)
        )
    scope = scope or f"Facial recognition {kind} ({where.label})"
    law = NewLaw(
        edit_of(ctx, deps, url, notices(url)), where, kind, scope, enacted, status,
        status_changed, spanish_text(scope_es),
    )  # fmt: skip
    outcome = await deps.storage.fact_edits.add_law(law)
    await committed(deps)
    return outcome_reply(ctx, outcome, url)
