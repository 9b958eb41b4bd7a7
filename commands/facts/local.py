"""/local <place>: everything on record for a place, Ring, other technology and laws."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Annotated

from bot.core.context import Ctx
from bot.core.language import for_audience
from bot.core.models import Field, Reply
from bot.core.registry import CommandSet
from commands.facts.options import Share, place_opt
from commands.facts.ring import partnership_line, today_lines
from commands.facts.ring_era import coverage_line
from commands.facts.text import atlas_as_of, deployment_line, law_line
from lexicon.i18n import N_, _, ngettext
from lexicon.names import normalize
from lexicon.technologies import technology_name
from places.index import place_index
from places.lookup_facts import LookupFacts
from storage.facts.models import RING_TECHNOLOGY, Dataset, Deployment

COMMANDS = CommandSet()
_NO_RING = N_(
    "None of the agencies here is in the EFF Atlas snapshot's Ring list, and no later"
    " partnership is on record (not the same as never having partnered)."
)
_RING_HEADING = N_("Ring/Neighbors partnership")


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
    # With share:yes the answer is posted for the channel: said in the workspace's language
    # (bot/core/language.py), while an error stays the asker's, in theirs.
    return await for_audience(ctx, share, lambda: _local(ctx, typed, share))


async def _local(ctx: Ctx, typed: str, share: bool) -> Reply:
    deps = ctx.deps
    match = place_index(deps).match(typed)
    place = match.place
    counties = [c.county for c in place_index(deps).counties_of(place)] or list(place.counties)
    deployments = await deps.storage.facts.deployments_for_agencies(place.agency_ids)
    laws = await deps.storage.facts.laws_for_place(place.state, place.city, counties)
    datasets = await deps.storage.facts.datasets()
    lines = []
    if not match.exact:
        lines.append(
            _("No exact match for {typed!r}; showing the closest: {place}.").format(
                typed=typed[:60], place=place.label
            )
        )
    lines.append(_counts(place.label, len(place.agency_ids), len(deployments), len(laws), datasets))
    known = place_index(deps).facts
    fields = [*_technology_fields(known, deployments)]
    laws_heading = _("Facial-recognition and biometric-privacy laws that apply")
    if laws:
        fields.append(
            Field(laws_heading, "\n".join(f"- {law_line(law, with_place=True)}" for law in laws))
        )
    else:
        fields.append(
            Field(
                laws_heading,
                _("None on record for the city, county or state ({state}).").format(
                    state=place.state_name
                ),
            )
        )
    found = any(d.technology == RING_TECHNOLOGY for d in deployments)
    if not found:  # how much the snapshot holds: part of reading "no partnership"
        lines.append(coverage_line(known))
    return Reply(
        title=_("On record: {place}").format(place=place.label),
        text="\n".join(lines),
        fields=tuple(fields),
        after="\n".join(today_lines(known, found=found)),  # under the answer, not above it
        private=not share,
    )


def _counts(
    label: str, agencies: int, deployments: int, laws: int, datasets: Mapping[str, Dataset]
) -> str:
    """'On record for X: 3 agencies, 2 technologies or partnerships, 1 law; ...'."""
    return _(
        "On record for {place}: {agencies}, {technologies}, {laws}; surveillance data: {data}."
    ).format(
        place=label,
        agencies=ngettext("{n:,} agency", "{n:,} agencies", agencies).format(n=agencies),
        technologies=ngettext(
            "{n:,} technology or partnership", "{n:,} technologies or partnerships", deployments
        ).format(n=deployments),
        laws=ngettext("{n:,} law", "{n:,} laws", laws).format(n=laws),
        data=atlas_as_of(datasets),
    )


def _technology_fields(facts: LookupFacts, deployments: list[Deployment]) -> list[Field]:
    """One field per technology, one line per agency; Ring first, as people ask about it."""
    grouped: defaultdict[str, list[Deployment]] = defaultdict(list)
    for deployment in deployments:
        grouped[deployment.technology].append(deployment)
    fields = []
    if RING_TECHNOLOGY not in grouped:
        fields.append(Field(_(_RING_HEADING), _(_NO_RING)))
    if not grouped:
        none = _("None on record for the agencies here.")
        return [*fields, Field(_("Surveillance technology"), none)]
    # Alphabetical as the reader reads the names, accents aside ('Cámaras' before 'Centro').
    order = sorted(grouped, key=lambda t: (t != RING_TECHNOLOGY, normalize(technology_name(t))))
    for technology in order:
        if technology == RING_TECHNOLOGY:
            lines = [f"{d.agency.name}: {partnership_line(facts, d)}" for d in grouped[technology]]
            fields.append(Field(_(_RING_HEADING), "\n".join(lines)))
        else:
            lines = [deployment_line(d) for d in grouped[technology]]
            fields.append(Field(technology_name(technology), "\n".join(lines)))
    return fields
