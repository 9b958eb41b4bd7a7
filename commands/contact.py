"""/contact <place>: the agencies serving a place and who governs or funds each, with the
source naming that body, or an honest "not on record" and how to find it."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.models import Field, Reply
from bot.core.registry import CommandSet
from commands.facts.options import Share, place_opt
from commands.facts.serving import is_own
from commands.letters.addressee import Body
from commands.letters.on_record import agency_body_on_record
from lexicon.names import normalize
from places.index import place_index
from places.jurisdiction import jurisdiction_of
from places.snapshot import Place
from storage.facts.models import Deployment

COMMANDS = CommandSet()
_OTHER = {
    "state": "a state agency",
    "special": "a transit, university, school, port or tribal agency",
    "regional": "a regional agency",
    "other": "a federal, territorial or other agency",
}
SHOWN = 12  # agencies listed in one reply (Discord allows 25 fields; a reply stays readable)
OFFICIALS_SHOWN = 4  # per agency: a Discord field holds 1,024 characters


@COMMANDS.command(
    "contact",
    "Who governs or funds the police serving a place, with sources",
    examples=("/contact Gates, NY", "/contact Oakland, CA"),
)
async def contact(
    ctx: Ctx,
    typed: Annotated[
        str, place_opt("City, ST (Gates, NY), a county or an agency name", name="place")
    ],
    share: Share = False,
) -> Reply:
    deps = ctx.deps
    match = place_index(deps).match(typed)
    place = match.place
    found = await deps.storage.facts.deployments_for_agencies(place.agency_ids)
    agencies = _one_per_agency(found)
    agencies.sort(key=lambda d: (not is_own(place, d), d.agency.name))
    lines = [match.via] if match.via else []
    if not match.exact:
        lines.append(
            f"No exact match for {typed.strip()[:60]!r}; showing the closest: {place.label}."
        )
    if not agencies:
        lines.append(f"No police agency of {place.label} is on record.")
    else:
        lines.append(
            f"Police agencies on record for {place.label}, its own first, and who governs or"
            " funds each. A body is named only where a source names it."
        )
    fields = [await _agency_field(deps, place, d) for d in agencies[:SHOWN]]
    if len(agencies) > SHOWN:
        lines.append(f"{len(agencies) - SHOWN} more agencies are not shown; name one to see it.")
    return Reply(
        title=f"Who governs the police: {place.label}",
        text="\n".join(lines),
        fields=tuple(fields),
        private=not share,
    )


def _one_per_agency(found: list[Deployment]) -> list[Deployment]:
    """One row per agency, preferring a Ring row (its Summary may name the municipality's
    kind: 'The Town of Gates Police Department ...')."""
    chosen: dict[int, Deployment] = {}
    for d in found:
        known = chosen.get(d.agency.id)
        if known is None or ("ring" in normalize(d.technology) and known.summary != d.summary):
            chosen[d.agency.id] = d
    return list(chosen.values())


async def _agency_field(deps: Deps, place: Place, d: Deployment) -> Field:
    agency = d.agency
    j = jurisdiction_of(agency, d.summary)
    if is_own(place, d) and place.kind == "city":
        whose = f"{place.city}'s own police"
    elif j.is_county:
        whose = f"an agency of {j.label}"
    else:
        whose = _OTHER.get(j.kind, f"the police of {j.label}")
    name = f"{agency.name}, {agency.state} ({whose})"
    if j.kind in _OTHER:
        return Field(name, "Not a city's or county's agency: no source on record names who"
                     " governs it.")  # fmt: skip
    try:
        body = await agency_body_on_record(deps, agency, d.summary)
    except UserError as gone:
        return Field(name, gone.message)
    if not body.governs:  # a sheriff, asked directly
        cc = body.cc_en or "no county government (write to the sheriff)"
        text = f"A sheriff's office: write to the sheriff. The budget is voted by: {cc}."
    else:
        text = f"Governed by: {body.en}."
    if body.cite:
        text += f" Source: {body.cite}"
    else:
        text += (
            f" No source on record names the body that governs {body.where or j.label}: see"
            " its official website (council or board, and its clerk)."
        )
    return Field(name, text + _officials(body))


def _officials(body: Body) -> str:
    """' Officials on record: Council Member Ana Pérez: <url> (as of ..., O1); ...'"""
    if not body.officials:
        return ""
    shown = [
        f"{who}: {cite}" for who, cite in zip(body.officials, body.officials_cites, strict=True)
    ][:OFFICIALS_SHOWN]
    more = len(body.officials) - len(shown)
    return " Officials on record: " + "; ".join(shown) + (f"; {more} more." if more else ".")
