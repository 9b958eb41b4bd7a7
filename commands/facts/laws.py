"""/laws [place or state]: local and state facial-recognition laws, with status and dates."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.errors import UserError
from bot.core.models import Field, Reply
from bot.core.registry import CommandSet
from commands.facts.options import place_opt
from commands.facts.text import as_reported, law_line, state_label
from lexicon.states import state_code
from places.index import place_index
from storage.facts.models import Law

COMMANDS = CommandSet()


@COMMANDS.command(
    "laws",
    "Facial-recognition bans, moratoriums and oversight laws, with status",
    examples=("/laws", "/laws MA", "/laws Oakland, CA"),
    writes=False,
)
async def laws(
    ctx: Ctx,
    typed: Annotated[
        str, place_opt("A state (MA, Virginia) or a place (Oakland, CA)", name="place")
    ] = "",
) -> Reply:
    deps = ctx.deps
    if not typed:
        found = await deps.storage.facts.all_laws()
        return _reply("Facial-recognition laws on record", found, "anywhere")
    state = state_code(typed)
    if state is not None:
        found = await deps.storage.facts.laws_in_state(state)
        return _reply(f"Facial-recognition laws: {state_label(state)}", found, state_label(state))
    try:
        match = place_index(deps).match(typed)
    except UserError as exc:
        raise UserError(f"{exc.message} (or give a state, e.g. /laws MA)") from None
    place = match.place
    counties = [c.county for c in place_index(deps).counties_of(place)] or list(place.counties)
    found = await deps.storage.facts.laws_for_place(place.state, place.city, counties)
    where = f"{place.label} (its city, county and state)"
    reply = _reply(f"Facial-recognition laws that apply to {place.label}", found, where)
    if match.exact:
        return reply
    note = f"No exact match for {typed[:60]!r}; showing the closest: {place.label}.\n"
    return Reply(title=reply.title, text=note + reply.text, fields=reply.fields)


def _reply(title: str, found: list[Law], where: str) -> Reply:
    if not found:
        return Reply(title=title, text=f"No facial-recognition law is on record for {where}.")
    fields = tuple(Field(law.jurisdiction, law_line(law)) for law in found)
    ended = sum(1 for law in found if law.status not in ("in-force", "pending"))
    pending = sum(1 for law in found if law.status == "pending")
    summary = f"{len(found)} on record. {_as_of(found)}"
    if ended:
        summary += f" {ended} no longer fully in force (expired, repealed or reversed)."
    if pending:
        summary += f" {pending} pending, not yet in force."
    return Reply(title=title, text=summary, fields=fields)


def _as_of(found: list[Law]) -> str:
    """Rows are dated one by one (a 2024 report, a May 2021 table): one date for the whole
    list would claim the old rows were checked then, so the header says how they differ."""
    dates = sorted({law.as_of for law in found})
    span = dates[0] if len(dates) == 1 else f"from {dates[0]} to {dates[-1]}"
    text = f"Each row gives its own as-of date ({span})."
    reported = sum(1 for law in found if as_reported(law))
    if reported:
        text += (
            f" {reported} of them are as the Internet Freedom Foundation's table of May 2021"
            " reported them, not re-checked since."
        )
    return text
