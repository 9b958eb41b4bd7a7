"""/local <place>: everything on record for a place, Ring, other technology and laws."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

from bot.core.context import Ctx
from bot.core.models import Field, Reply
from bot.core.registry import CommandSet
from commands.facts.options import Share, place_opt
from commands.facts.ring import partnership_line, today_lines
from commands.facts.ring_era import coverage_line
from commands.facts.text import atlas_as_of, deployment_line, law_line
from lexicon.words import plural
from places.index import place_index
from places.lookup_facts import LookupFacts
from storage.facts.models import RING_TECHNOLOGY, Deployment

COMMANDS = CommandSet()
_NO_RING = (
    "None of the agencies here is in the EFF Atlas snapshot's Ring list, and no later"
    " partnership is on record (not the same as never having partnered)."
)


@COMMANDS.command(
    "local",
    "Everything on record for a place: Ring, other surveillance tech, laws",
    examples=("/local Oakland, CA", "/local Milwaukee County, WI"),
    writes=False,
)
async def local(
    ctx: Ctx,
    typed: Annotated[
        str, place_opt("City, ST (Oakland, CA), a county or an agency name", name="place")
    ],
    share: Share = False,
) -> Reply:
    deps = ctx.deps
    match = place_index(deps).match(typed)
    place = match.place
    counties = [c.county for c in place_index(deps).counties_of(place)] or list(place.counties)
    deployments = await deps.storage.facts.deployments_for_agencies(place.agency_ids)
    laws = await deps.storage.facts.laws_for_place(place.state, place.city, counties)
    datasets = await deps.storage.facts.datasets()
    lines = []
    if not match.exact:
        lines.append(f"No exact match for {typed[:60]!r}; showing the closest: {place.label}.")
    lines.append(
        f"On record for {place.label}: {plural(len(place.agency_ids), 'agency', 'agencies')},"
        f" {plural(len(deployments), 'technology or partnership', 'technologies or partnerships')},"
        f" {plural(len(laws), 'law')}; surveillance data: {atlas_as_of(datasets)}."
    )
    known = place_index(deps).facts
    fields = [*_technology_fields(known, deployments)]
    laws_heading = "Facial-recognition and biometric-privacy laws that apply"
    if laws:
        fields.append(
            Field(laws_heading, "\n".join(f"- {law_line(law, with_place=True)}" for law in laws))
        )
    else:
        fields.append(
            Field(
                laws_heading, f"None on record for the city, county or state ({place.state_name})."
            )
        )
    found = any(d.technology == RING_TECHNOLOGY for d in deployments)
    if not found:  # how much the snapshot holds: part of reading "no partnership"
        lines.append(coverage_line(known))
    return Reply(
        title=f"On record: {place.label}",
        text="\n".join(lines),
        fields=tuple(fields),
        after="\n".join(today_lines(known, found=found)),  # under the answer, not above it
        private=not share,
    )


def _technology_fields(facts: LookupFacts, deployments: list[Deployment]) -> list[Field]:
    """One field per technology, one line per agency; Ring first, as people ask about it."""
    grouped: defaultdict[str, list[Deployment]] = defaultdict(list)
    for deployment in deployments:
        grouped[deployment.technology].append(deployment)
    fields = []
    if RING_TECHNOLOGY not in grouped:
        fields.append(Field("Ring/Neighbors partnership", _NO_RING))
    if not grouped:
        return [*fields, Field("Surveillance technology", "None on record for the agencies here.")]
    order = sorted(grouped, key=lambda t: (t != RING_TECHNOLOGY, t))
    for technology in order:
        if technology == RING_TECHNOLOGY:
            lines = [f"{d.agency.name}: {partnership_line(facts, d)}" for d in grouped[technology]]
            fields.append(Field("Ring/Neighbors partnership", "\n".join(lines)))
        else:
            lines = [deployment_line(d) for d in grouped[technology]]
            fields.append(Field(technology, "\n".join(lines)))
    return fields
