"""Charts attached to replies: /campaign stats (sign-ups against the goal) and /ring stats
(agencies joining per month and, nationally, a tile map of the states).

Each builder reads what it draws through storage, hands plain values to charts/ (which draws
in a worker process) and returns the file with its alt text, or None when the renderer is
busy or failed: the reply's text already carries every figure, so a missing picture loses
nothing a person needs.
"""

from __future__ import annotations

import datetime as dt
import logging

from bot.core import tracebacks
from bot.core.deps import Deps
from bot.core.models import ReplyFile
from charts import ChartBusy, ChartJob, MonthsChart, SignupsChart, StateTiles, render_png
from lexicon.i18n import DEFAULT, _, current, format_fact_date, ngettext
from lexicon.sources import said_date
from storage.campaigns.models import Campaign

log = logging.getLogger("counterwatch.charts")

ALL_DAYS = 100_000  # every day a campaign had sign-ups (a campaign lives at most 5 years)
# The EFF Atlas snapshot (Oct 2020) holds partnerships from 2018 on; drawn month by month.
RING_FIRST_MONTH = "2018-01"
RING_LAST_MONTH = "2020-12"  # used when no snapshot is loaded to say where it ends


async def _png(job: ChartJob) -> bytes | None:
    try:
        return await render_png(job)
    except ChartBusy:
        log.info("chart skipped: the renderer is busy")
    except Exception as exc:  # a broken chart must not cost the reply its text
        log.error("chart failed: %s", tracebacks.describe(exc))
    return None


def cumulative(by_day_newest_first: list[tuple[str, int]], total: int) -> list[tuple[str, int]]:
    """Running totals by day, oldest first; what lies before the listed days (if any was cut)
    is counted in from `total`, so the last point is always the true count."""
    days = list(reversed(by_day_newest_first))
    running = total - sum(n for _, n in days)
    points: list[tuple[str, int]] = []
    for day, n in days:
        running += n
        points.append((day, running))
    return points


async def signups_chart(deps: Deps, campaign: Campaign, total: int) -> ReplyFile | None:
    by_day = await deps.storage.campaigns.signups_by_day(campaign.id, ALL_DAYS)
    points = cumulative(by_day, total)
    if not points:
        return None
    goal = campaign.goal or 0
    job = SignupsChart(
        _("{title}: sign-ups").format(title=campaign.title),
        tuple(points),
        goal,
        axis=_("people signed up"),
        legend=_("signed up"),
        goal_label=_("goal {goal:,}").format(goal=goal),
    )
    png = await _png(job)
    if png is None:
        return None
    alt = signups_alt_text(campaign.title, points, goal)
    return ReplyFile(f"{campaign.slug}-signups.png", png, mime="image/png", alt_text=alt)


def signups_alt_text(title: str, points: list[tuple[str, int]], goal: int) -> str:
    (first_day, first), (last_day, last) = points[0], points[-1]
    if first_day == last_day:  # one day of sign-ups: no "from 2 on a day to 2 on that day"
        if goal:
            said = ngettext(
                "Line chart of sign-ups to {title} against a goal of {goal:,}: {n:,} sign-up,"
                " on {day}.",
                "Line chart of sign-ups to {title} against a goal of {goal:,}: {n:,} sign-ups,"
                " all on {day}.",
                last,
            )
        else:
            said = ngettext(
                "Line chart of sign-ups to {title}: {n:,} sign-up, on {day}.",
                "Line chart of sign-ups to {title}: {n:,} sign-ups, all on {day}.",
                last,
            )
        return said.format(title=title, goal=goal, n=last, day=said_date(last_day))
    said = (
        _(
            "Line chart of sign-ups to {title} over time against a goal of {goal:,}: from"
            " {first:,} on {first_day} to {last:,} on {last_day}."
        )
        if goal
        else _(
            "Line chart of sign-ups to {title} over time: from {first:,} on {first_day} to"
            " {last:,} on {last_day}."
        )
    )
    return said.format(
        title=title, goal=goal, first=first, first_day=said_date(first_day), last=last,
        last_day=said_date(last_day),
    )  # fmt: skip


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months: list[str] = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _month_name(month: str) -> str:
    """'Jan 2018' in English, as always; 'enero de 2018' in other languages."""
    if current() == DEFAULT:
        return dt.date(int(month[:4]), int(month[5:7]), 1).strftime("%b %Y")
    return format_fact_date(month, "month")


async def ring_chart(deps: Deps, state: str | None, snapshot: str) -> ReplyFile | None:
    """`snapshot` is the loaded Atlas snapshot's date ('' when none): the months drawn end
    with it, and the picture says so, so nobody reads the empty months after it as news."""
    last = snapshot[:7] if len(snapshot) >= 7 else RING_LAST_MONTH
    found = dict((c.key, c.count) for c in await deps.storage.facts.ring_counts_by_month(state))
    months = tuple((m, found.get(m, 0)) for m in _months(RING_FIRST_MONTH, last))
    span = _("{first} to {last}").format(
        first=_month_name(RING_FIRST_MONTH), last=_month_name(last)
    )
    source = (
        _("the EFF Atlas snapshot of {day}").format(day=said_date(snapshot))
        if snapshot
        else _("no Atlas snapshot loaded")
    )
    where = state or _("all states")
    caption = _("{span}: the span of {source}. Agencies dated only to the year are not drawn.")
    caption = caption.format(span=span, source=source)
    caption = caption[:1].upper() + caption[1:]  # 'de enero de 2018 a ...' opens it in Spanish
    title = _("Agencies joining Ring partnerships by month ({where})").format(where=where)
    chart = MonthsChart(title, months, caption, axis=_("agencies that joined"))
    joined = sum(n for _month, n in months)
    busiest = max(months, key=lambda m: m[1])
    alt = _(
        "Bar chart of agencies ({where}) joining Ring partnerships per month, {span}, the span"
        " of {source}: {joined:,} in all, most in {month} ({most:,})."
    ).format(
        where=where, span=span, source=source, joined=joined, month=_month_name(busiest[0]),
        most=busiest[1],
    )  # fmt: skip
    job: ChartJob = chart
    if state is None:
        by_state = await deps.storage.facts.ring_counts_by_state()
        counts = tuple((c.key, c.count) for c in by_state if c.key)
        tiles = StateTiles(
            _("Agencies with a Ring partnership, by state"), counts, scale=_("agencies")
        )
        job = (chart, tiles)
        top = ", ".join(f"{k} {n:,}" for k, n in counts[:5])
        alt += " " + _(
            "Below, a tile map of the states shaded by agency count; most: {top}."
        ).format(top=top)
    png = await _png(job)
    if png is None:
        return None
    name = f"ring-stats-{(state or 'us').lower()}.png"
    return ReplyFile(name, png, mime="image/png", alt_text=alt)
