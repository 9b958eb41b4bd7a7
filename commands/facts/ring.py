"""/ring lookup <place>: police partnerships with Amazon Ring (/ring stats: ring_stats.py)."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.language import for_audience
from bot.core.models import Field, Reply
from bot.core.registry import CommandSet
from commands.facts.options import Share, place_opt
from commands.facts.per_snapshot import PerSnapshot
from commands.facts.ring_era import coverage_line, era_lines, from_snapshot, snapshot_date
from commands.facts.serving import gone, serving_fields, split_own
from commands.facts.text import (
    NO_ATLAS_HINT,
    and_more,
    cite,
    date_text,
    day_text,
    when,
)
from lexicon.i18n import _, current
from places.index import Match, Place, place_index
from places.lookup_facts import LookupFacts
from storage.facts.models import ATLAS_DATASET, Deployment

COUNTY_NAMES_SHOWN = 15
# The busiest command: its answer about a place is built once per facts snapshot.
# Kept per language: the answer is worded once per place and language per snapshot.
ANSWERS: PerSnapshot[tuple[str, Place], tuple[tuple[str, ...], tuple[Field, ...], str]] = (
    PerSnapshot()
)


COMMANDS = CommandSet(group="ring")


@COMMANDS.command(
    "lookup",
    "Does a police department partner with Ring? Since when, what source",
    examples=(
        "/ring lookup Greenfield, WI",
        "/ring lookup Miami Police Department, OK",
        "/ring lookup Greenfield, WI share:true",
    ),
    writes=False,
)
async def lookup(
    ctx: Ctx,
    typed: Annotated[
        str, place_opt("City, ST (Greenfield, WI), a county or an agency name", name="place")
    ],
    share: Share = False,
) -> Reply:
    # With share:yes the answer is posted for the channel: said in the workspace's language
    # (bot/core/language.py), while an error stays the asker's, in theirs.
    return await for_audience(ctx, share, lambda: _lookup(ctx, typed, share))


async def _lookup(ctx: Ctx, typed: str, share: bool) -> Reply:
    deps = ctx.deps
    # Everything here comes from memory (the place index and the facts loaded with it,
    # both refreshed by every fact change): the busiest command costs no database trip.
    known = place_index(deps).facts
    try:
        match = place_index(deps).match(typed)
    except UserError as exc:
        if ATLAS_DATASET in known.datasets:
            raise
        # Only the seed is loaded: say why the place is missing and how to fix it.
        raise UserError(f"{exc.message} {_(NO_ATLAS_HINT)}") from None
    place = match.place
    lines = [_matched_line(typed, match)] if not match.exact else []
    if match.via:
        lines.append(match.via)
    about, fields, era = ANSWERS.get(
        known, (current(), place), lambda: _about_place(deps, known, place)
    )
    return Reply(
        title=_("Ring police partnerships: {place}").format(place=place.label),
        text="\n".join([*lines, *about]),
        fields=fields,
        after=era,
        private=not share,
    )


def _about_place(
    deps: Deps, known: LookupFacts, place: Place
) -> tuple[tuple[str, ...], tuple[Field, ...], str]:
    """The answer's lines and fields about `place`, then what its dates mean today (shown
    under the answer, not above it): the same for every asker until the facts change."""
    partnerships = known.ring_partnerships(place.agency_ids)
    own, serving = split_own(place, partnerships)
    lines: list[str] = []
    fields: list[Field] = []
    if own:
        listed = (
            _(
                "Ring partnerships on record for {place}'s own police are listed below, each"
                " with the date the agency joined Ring's Neighbors police portal."
            )
            if serving
            else _(
                "Ring partnerships on record for {place} are listed below, each with the"
                " date the agency joined Ring's Neighbors police portal."
            )
        )
        lines.append(listed.format(place=place.label))
        fields.extend(_agency_fields(known, own))
    else:
        lines.append(_no_record_line(place, known, own_only=bool(serving)))
    if serving:
        fields.extend(serving_fields(known, place, serving))
    elif not own:
        nearby = _county_partners(deps, place)
        if nearby is not None:
            fields.append(nearby)
    if not partnerships:  # how much the snapshot holds: part of reading "no record"
        lines.append(coverage_line(known))
    era = "\n".join(today_lines(known, found=bool(partnerships)))
    return tuple(lines), tuple(fields), era


def partnership_line(facts: LookupFacts, deployment: Deployment) -> str:
    started = deployment.started
    joined = (
        _("Joined Ring's Neighbors police portal {when}").format(
            when=when(started, deployment.started_precision)
        )
        if started
        else _("On record as a partner; the date it joined is not on record")
    )
    if from_snapshot(facts, deployment):
        joined += " " + _("(as recorded in the EFF Atlas snapshot of {day})").format(
            day=day_text(snapshot_date(facts))
        )
    joined += "."
    if deployment.ended:
        joined += " " + _("The partnership ended {when}.").format(when=when(deployment.ended))
    return _("{joined} {source} (as of {as_of}).").format(
        joined=joined, source=cite(deployment.source), as_of=day_text(deployment.as_of)
    )


def today_lines(facts: LookupFacts, *, found: bool, many: bool = False) -> list[str]:
    """What a partnership date (or its absence) means today, from Ring's dated timeline.
    (Where nothing was found, the answer also says how much the snapshot holds:
    `coverage_line`.)"""
    changes = era_lines(facts)
    meaning = _("What these dates mean today:") if many else _("What that date means today:")
    heading = meaning if found else _("Ring's police program since 2020:")
    return [heading, *(f"- {line}" for line in changes)] if changes else []


def _agency_fields(facts: LookupFacts, partnerships: list[Deployment]) -> list[Field]:
    """One field per agency: an agency listed twice (Oviedo joined twice) shows both dates."""
    by_agency: dict[str, list[str]] = {}
    for deployment in partnerships:
        lines = by_agency.setdefault(_agency_label(deployment), [])
        lines.append(partnership_line(facts, deployment))
        if gone(deployment):
            lines.append(gone(deployment))
    return [Field(label, _one_value(lines)) for label, lines in by_agency.items()]


def _one_value(lines: list[str]) -> str:
    """An agency listed more than once: each line marked as one of its entries, so that a
    renderer putting the label before the first line leaves none of the others unnamed."""
    if len(lines) == 1:
        return lines[0]
    head = _("Listed {n} times, with these entries:").format(n=len(lines))
    return "\n".join([head, *(f"- {line}" for line in lines)])


def _matched_line(typed: str, match: Match) -> str:
    return _("No exact match for {typed!r}; showing the closest: {place}.").format(
        typed=typed.strip()[:60], place=match.place.label
    )


def _agency_label(deployment: Deployment) -> str:
    return f"{deployment.agency.name}, {deployment.agency.state}".rstrip(", ")


def _no_record_line(place: Place, facts: LookupFacts, *, own_only: bool = False) -> str:
    if not snapshot_date(facts):
        return _("No Ring partnership is on record for {place} ({hint})").format(
            place=place.label, hint=_(NO_ATLAS_HINT)
        )
    if own_only:
        return _(
            "{place}'s own police have no Ring partnership in the EFF Atlas snapshot"
            " of {day}, and none later is on record. Agencies that are not"
            " {city}'s own are listed separately below."
        ).format(place=place.label, day=day_text(snapshot_date(facts)), city=place.city)
    return _(
        "{place} has no Ring partnership in the EFF Atlas snapshot of"
        " {day}, and none later is on record. That is not the same as never"
        " having partnered."
    ).format(place=place.label, day=day_text(snapshot_date(facts)))


def _county_partners(deps: Deps, place: Place) -> Field | None:
    """The agencies of the place's county (or counties) that do have a partnership."""
    counties = [c for c in place_index(deps).counties_of(place) if c != place]
    if not counties:
        return None
    ids = [i for county in counties for i in county.agency_ids]
    found = place_index(deps).facts.ring_partnerships(ids)
    where = " / ".join(c.label for c in counties)
    if not found:
        return Field(
            _("Elsewhere in {where}").format(where=where),
            _("No agency there has a partnership on record."),
        )
    names = [f"{d.agency.name} ({date_text(d.started, d.started_precision)})" for d in found]
    more = len(names) - COUNTY_NAMES_SHOWN
    text = "; ".join(names[:COUNTY_NAMES_SHOWN]) + (and_more(more) if more > 0 else "")
    return Field(_("Agencies in {where} that do partner with Ring").format(where=where), text + ".")
