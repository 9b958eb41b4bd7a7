"""/laws [place or state]: local and state facial-recognition laws, with status and dates."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.errors import UserError
from bot.core.models import Field, Reply
from bot.core.registry import CommandSet
from commands.facts.options import place_opt
from commands.facts.text import as_reported, day_text, law_line, state_label
from lexicon.i18n import _, ngettext
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
        none = _("No facial-recognition law is on record for anywhere.")
        return _reply(_("Facial-recognition laws on record"), found, none)
    state = state_code(typed)
    if state is not None:
        found = await deps.storage.facts.laws_in_state(state)
        title = _("Facial-recognition laws: {state}").format(state=state_label(state))
        return _reply(title, found, _none_for(state_label(state)))
    try:
        match = place_index(deps).match(typed)
    except UserError as exc:
        raise UserError(
            _("{error} (or give a state, e.g. /laws MA)").format(error=exc.message)
        ) from None
    place = match.place
    counties = [c.county for c in place_index(deps).counties_of(place)] or list(place.counties)
    found = await deps.storage.facts.laws_for_place(place.state, place.city, counties)
    where = _("{place} (its city, county and state)").format(place=place.label)
    title = _("Facial-recognition laws that apply to {place}").format(place=place.label)
    reply = _reply(title, found, _none_for(where))
    if match.exact:
        return reply
    note = _("No exact match for {typed!r}; showing the closest: {place}.").format(
        typed=typed[:60], place=place.label
    )
    note += "\n"
    return Reply(title=reply.title, text=note + reply.text, fields=reply.fields)


def _none_for(where: str) -> str:
    return _("No facial-recognition law is on record for {where}.").format(where=where)


def _reply(title: str, found: list[Law], none: str) -> Reply:
    if not found:
        return Reply(title=title, text=none)
    fields = tuple(Field(law.jurisdiction, law_line(law)) for law in found)
    ended = sum(1 for law in found if law.status not in ("in-force", "pending"))
    pending = sum(1 for law in found if law.status == "pending")
    counted = ngettext("{n} on record.", "{n} on record.", len(found)).format(n=len(found))
    summary = f"{counted} {_as_of(found)}"
    if ended:
        summary += " " + ngettext(
            "{n} no longer fully in force (expired, repealed or reversed).",
            "{n} no longer fully in force (expired, repealed or reversed).",
            ended,
        ).format(n=ended)
    if pending:
        summary += " " + ngettext(
            "{n} pending, not yet in force.", "{n} pending, not yet in force.", pending
        ).format(n=pending)
    return Reply(title=title, text=summary, fields=fields)


def _as_of(found: list[Law]) -> str:
    """Rows are dated one by one (a 2024 report, a May 2021 table): one date for the whole
    list would claim the old rows were checked then, so the header says how they differ."""
    dates = sorted({law.as_of for law in found})
    if len(dates) == 1:
        text = _("Each row gives its own as-of date ({day}).").format(day=day_text(dates[0]))
    else:
        text = _("Each row gives its own as-of date (from {first} to {last}).").format(
            first=day_text(dates[0]), last=day_text(dates[-1])
        )
    reported = sum(1 for law in found if as_reported(law))
    if reported:
        text += " " + ngettext(
            "{n} of them are as the Internet Freedom Foundation's table of May 2021"
            " reported them, not re-checked since.",
            "{n} of them are as the Internet Freedom Foundation's table of May 2021"
            " reported them, not re-checked since.",
            reported,
        ).format(n=reported)
    return text
