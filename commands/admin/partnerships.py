"""/facts set-partnership and /facts end-partnership: an agency's Ring partnership."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.models import Reply, Role
from bot.core.registry import CommandSet
from bot.core.signatures import FactDate, Opt
from commands.admin.agency_choice import choose_agency
from commands.admin.authoring import committed, edit_of
from commands.admin.checks import past_date, source_url
from commands.admin.options import Agency, Source, State
from commands.admin.wording import notices, outcome_reply
from lexicon.i18n import N_
from storage.fact_edits.models import PartnershipChange, PartnershipEnd

COMMANDS = CommandSet(group="facts", role=Role.FACTS_ADMIN, private=True)


@COMMANDS.command(
    "set-partnership", "Record (or correct) an agency's Ring partnership",
    examples=(
        '/facts set-partnership "Greenfield Police Department, WI" 2019-05-14'
        " https://example.org/ring-map",
        '/facts set-partnership "Smalltown Police Department" 2021-03-01'
        " https://example.org/story create:yes state:WI city:Smalltown",
    ),
)  # fmt: skip
async def set_partnership(
    ctx: Ctx,
    agency: Agency,
    since: Annotated[FactDate, Opt("Date it began (YYYY-MM-DD, YYYY-MM or YYYY)")],
    source: Source,
    create: Annotated[
        str, Opt("yes: add the agency if it is not on record", choices=("yes", "no"))
    ] = "",
    state: State = "",
    city: Annotated[str, Opt("City of a new agency", max_length=80)] = "",
) -> Reply:
    deps = ctx.deps
    began = past_date(deps, since, N_("start date"))
    url = source_url(source)
    chosen = await choose_agency(
        deps,
        agency,
        state=state,
        create=create.lower() == "yes",
        city=city,
    )
    edit = edit_of(ctx, deps, url, notices(url))
    outcome = await deps.storage.fact_edits.set_partnership(PartnershipChange(edit, chosen, began))
    await committed(deps)
    return outcome_reply(ctx, outcome, url)


@COMMANDS.command(
    "end-partnership", "Record that an agency's Ring partnership ended",
    examples=('/facts end-partnership "Greenfield Police Department, WI" 2024-01-31'
              " https://example.org/ended",),
)  # fmt: skip
async def end_partnership(
    ctx: Ctx,
    agency: Agency,
    date: Annotated[FactDate, Opt("Date it ended (YYYY-MM-DD, YYYY-MM or YYYY)")],
    source: Source,
    state: State = "",
) -> Reply:
    deps = ctx.deps
    ended = past_date(deps, date, N_("end date"))
    url = source_url(source)
    chosen = await choose_agency(deps, agency, state=state)
    edit = edit_of(ctx, deps, url, notices(url))
    outcome = await deps.storage.fact_edits.end_partnership(PartnershipEnd(edit, chosen, ended))
    await committed(deps)
    return outcome_reply(ctx, outcome, url)
