"""/facts set-partnership and /facts end-partnership: an agency's Ring partnership."""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.models import Reply, Request, Role
from bot.core.registry import CommandSet, Option, OptionType
from commands.admin.agency_choice import choose_agency
from commands.admin.authoring import committed, edit_of
from commands.admin.checks import past_date, source_url
from commands.admin.options import AGENCY, SOURCE, STATE
from commands.admin.wording import notice_template, outcome_reply
from storage.interfaces.fact_edits import PartnershipChange, PartnershipEnd

COMMANDS = CommandSet(group="facts", role=Role.FACTS_ADMIN, private=True)


@COMMANDS.command(
    "set-partnership", "Record (or correct) an agency's Ring partnership",
    AGENCY,
    Option("since", "Date it began (YYYY-MM-DD, YYYY-MM or YYYY)", type=OptionType.FACT_DATE),
    SOURCE,
    Option("create", "yes: add the agency if it is not on record", required=False,
           choices=("yes", "no")),
    STATE, Option("city", "City of a new agency", required=False, max_length=80),
    examples=(
        '/facts set-partnership "Greenfield Police Department, WI" 2019-05-14'
        " https://example.org/ring-map",
        '/facts set-partnership "Smalltown Police Department" 2021-03-01'
        " https://example.org/story create:yes state:WI city:Smalltown",
    ),
)  # fmt: skip
async def set_partnership(request: Request, deps: Deps) -> Reply:
    since = past_date(deps, request.option("since"), "start date")
    url = source_url(request.text("source"))
    agency = await choose_agency(
        deps,
        request.text("agency"),
        state=request.text("state"),
        create=request.text("create").lower() == "yes",
        city=request.text("city"),
    )
    edit = edit_of(request, deps, url, notice_template(url))
    outcome = await deps.storage.fact_edits.set_partnership(PartnershipChange(edit, agency, since))
    await committed(deps)
    return outcome_reply(request, outcome, url)


@COMMANDS.command(
    "end-partnership", "Record that an agency's Ring partnership ended",
    AGENCY,
    Option("date", "Date it ended (YYYY-MM-DD, YYYY-MM or YYYY)", type=OptionType.FACT_DATE),
    SOURCE, STATE,
    examples=('/facts end-partnership "Greenfield Police Department, WI" 2024-01-31'
              " https://example.org/ended",),
)  # fmt: skip
async def end_partnership(request: Request, deps: Deps) -> Reply:
    ended = past_date(deps, request.option("date"), "end date")
    url = source_url(request.text("source"))
    agency = await choose_agency(deps, request.text("agency"), state=request.text("state"))
    edit = edit_of(request, deps, url, notice_template(url))
    outcome = await deps.storage.fact_edits.end_partnership(PartnershipEnd(edit, agency, ended))
    await committed(deps)
    return outcome_reply(request, outcome, url)
