"""/contact <place>: the agencies serving a place and who governs or funds each, with the
source naming that body, or an honest "not on record" and how to find it."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.language import for_audience
from bot.core.models import Field, Reply
from bot.core.registry import CommandSet
from commands.contact_reach import body_reach
from commands.facts.options import Share, place_opt
from commands.facts.serving import is_own
from commands.letters.addressee import Body
from commands.letters.on_record import agency_body_on_record
from lexicon.i18n import N_, _, current, ngettext
from lexicon.names import normalize
from places.index import place_index
from places.jurisdiction import jurisdiction_of
from places.snapshot import Place
from storage.facts.models import Deployment

COMMANDS = CommandSet()
_OTHER = {
    "state": N_("a state agency"),
    "special": N_("a transit, university, school, port or tribal agency"),
    "regional": N_("a regional agency"),
    "other": N_("a federal, territorial or other agency"),
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
    # With share:yes the answer is posted for the channel: said in the workspace's language
    # (bot/core/language.py), while an error stays the asker's, in theirs.
    return await for_audience(ctx, share, lambda: _contact(ctx, typed, share))


async def _contact(ctx: Ctx, typed: str, share: bool) -> Reply:
    deps = ctx.deps
    match = place_index(deps).match(typed)
    place = match.place
    found = await deps.storage.facts.deployments_for_agencies(place.agency_ids)
    agencies = _one_per_agency(found)
    agencies.sort(key=lambda d: (not is_own(place, d), d.agency.name))
    lines = [match.via] if match.via else []
    if not match.exact:
        lines.append(
            _("No exact match for {typed!r}; showing the closest: {place}.").format(
                typed=typed.strip()[:60], place=place.label
            )
        )
    if not agencies:
        lines.append(_("No police agency of {place} is on record.").format(place=place.label))
    else:
        lines.append(
            _(
                "Police agencies on record for {place}, its own first, and who governs or"
                " funds each. A body is named only where a source names it."
            ).format(place=place.label)
        )
    fields = [await _agency_field(deps, place, d) for d in agencies[:SHOWN]]
    hidden = len(agencies) - SHOWN
    if hidden > 0:
        lines.append(
            ngettext(
                "{n} more agencies are not shown; name one to see it.",
                "{n} more agencies are not shown; name one to see it.",
                hidden,
            ).format(n=hidden)
        )
    return Reply(
        title=_("Who governs the police: {place}").format(place=place.label),
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
    other = _OTHER.get(j.kind)
    if is_own(place, d) and place.kind == "city":
        whose = _("{city}'s own police").format(city=place.city)
    elif j.is_county:
        whose = _("an agency of {county}").format(county=j.label)
    else:
        whose = _(other) if other else _("the police of {place}").format(place=j.label)
    name = f"{agency.name}, {agency.state} ({whose})"
    if other:
        return Field(name, _("Not a city's or county's agency: no source on record names who"
                             " governs it."))  # fmt: skip
    try:
        body = await agency_body_on_record(deps, agency, d.summary)
    except UserError as gone:
        return Field(name, gone.in_language(current()))
    reach = body_reach(body.contact, deps.today())
    return Field(name, _body_text(body, j.label) + reach + _officials(body))


def _body_text(body: Body, label: str) -> str:
    """Who governs or funds the agency, and the source naming that body (or how to find it).
    The body's name is the letters' own wording in English and Spanish."""
    spanish = current() == "es"
    if not body.governs:  # a sheriff, asked directly
        cc = (body.cc_es if spanish else body.cc_en) or _(
            "no county government (write to the sheriff)"
        )
        text = _("A sheriff's office: write to the sheriff. The budget is voted by: {cc}.").format(
            cc=cc
        )
    else:
        text = _("Governed by: {body}.").format(body=body.es if spanish else body.en)
    if body.cite:
        return text + " " + _("Source: {source}").format(source=body.cite)
    return (
        text
        + " "
        + _(
            "No source on record names the body that governs {place}: see"
            " its official website (council or board, and its clerk)."
        ).format(place=body.where or label)
    )


def _officials(body: Body) -> str:
    """' Officials on record: Council Member Ana Pérez (ana@example.org): <url> (as of
    ..., O1); ...': each with the public email and phone their source gives, if any."""
    if not body.officials:
        return ""
    reach = body.officials_reach or ("",) * len(body.officials)
    shown = [
        f"{who} ({how}): {cite}" if how else f"{who}: {cite}"
        for who, cite, how in zip(body.officials, body.officials_cites, reach, strict=True)
    ][:OFFICIALS_SHOWN]
    listed, more = "; ".join(shown), len(body.officials) - len(shown)
    if more:
        return " " + ngettext(
            "Officials on record: {listed}; {n} more.",
            "Officials on record: {listed}; {n} more.",
            more,
        ).format(listed=listed, n=more)
    return " " + _("Officials on record: {listed}.").format(listed=listed)
