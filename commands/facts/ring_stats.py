"""/ring stats [state]: Ring police partnerships counted by state and by year."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.models import Field, Reply
from bot.core.signatures import Opt
from commands.charted import ring_chart
from commands.facts.ring import COMMANDS, today_lines
from commands.facts.ring_era import snapshot_date
from commands.facts.text import ATLAS_HOME, ATLAS_NAME, day_text, parse_state, state_label
from lexicon.i18n import _, ngettext
from places.index import place_index
from places.lookup_facts import LookupFacts
from storage.facts.models import RingTotals

__all__ = ["COMMANDS", "stats"]  # COMMANDS is ring's, with /ring stats added here


@COMMANDS.command(
    "stats",
    "Ring police partnerships by state and by year",
    examples=("/ring stats", "/ring stats WI"),
    writes=False,
)
async def stats(
    ctx: Ctx,
    typed: Annotated[
        str, Opt("A state code or name (leave out for all)", max_length=40, name="state")
    ] = "",
) -> Reply:
    deps = ctx.deps
    state = parse_state(typed) if typed else None
    known = place_index(deps).facts
    totals = await deps.storage.facts.ring_totals(state)
    where = state_label(state) if state else _("all states")
    title = _("Ring police partnerships: {place}").format(place=where)
    if totals.agencies == 0:
        return Reply(
            title=title, text=_("No Ring partnership is on record ({where}).").format(where=where)
        )
    lines = [_counted(totals)]
    if totals.ended:
        lines.append(
            ngettext(
                "Of these, {n:,} agency recorded as ended.",
                "Of these, {n:,} agencies recorded as ended.",
                totals.ended,
            ).format(n=totals.ended)
        )
    if state is None:
        by_state = await deps.storage.facts.ring_counts_by_state()
        states = ", ".join(f"{c.key or '??'} {c.count}" for c in by_state)
        lines.append(_("Agencies by state ({n}): {states}.").format(n=len(by_state), states=states))
    lines.append(_dataset_citation(known))
    lines.extend(today_lines(known, found=True, many=True))
    by_year = await deps.storage.facts.ring_counts_by_year(state)
    fields = tuple(
        Field(
            _("Agencies that joined in {year}").format(year=c.key)
            if c.key
            else _("Date not on record"),
            f"{c.count:,}",
        )
        for c in by_year
    )
    chart = await ring_chart(deps, state, snapshot_date(known))
    return Reply(title=title, text="\n".join(lines), fields=fields, file=chart)


def _counted(totals: RingTotals) -> str:
    """'1,500 agencies (1,501 partnership rows)': say what is counted."""
    n = totals.agencies
    if totals.rows == totals.agencies:
        return ngettext(
            "{n:,} agency with a Ring partnership on record.",
            "{n:,} agencies with a Ring partnership on record.",
            n,
        ).format(n=n)
    rows = ngettext("{n:,} partnership row", "{n:,} partnership rows", totals.rows).format(
        n=totals.rows
    )
    return ngettext(
        "{n:,} agency with a Ring partnership on record ({rows}).",
        "{n:,} agencies with a Ring partnership on record ({rows}).",
        n,
    ).format(n=n, rows=rows)


def _dataset_citation(facts: LookupFacts) -> str:
    """The dataset, cited once: its name, date and home."""
    if not snapshot_date(facts):
        return _("No EFF Atlas snapshot is loaded; only facts from later reporting are counted.")
    return _(
        "Source: {atlas} of {day}, {home} ({n:,} of these agencies); later partnerships"
        " from reporting."
    ).format(
        atlas=_(ATLAS_NAME),
        day=day_text(snapshot_date(facts)),
        home=ATLAS_HOME,
        n=facts.snapshot_agencies,
    )
