"""/moratorium [company]: corporate facial-recognition policies, dated and sourced."""

from __future__ import annotations

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.models import Field, Reply, Role
from bot.core.registry import CommandSet
from commands.facts.fact_words import event_summary, reported
from commands.facts.options import CompanyName, find_company
from commands.facts.text import cite, date_text, day_text, status_line
from lexicon.i18n import _
from lexicon.stored import code_said
from storage.facts.models import CompanyEvent

COMMANDS = CommandSet()
FACE_RECOGNITION = "face-recognition"


@COMMANDS.command(
    "moratorium",
    "Company facial-recognition moratoriums and exits, dated and sourced",
    examples=("/moratorium", "/moratorium amazon", "/moratorium Amazon Rekognition"),
    writes=False,
)
async def moratorium(ctx: Ctx, company: CompanyName = "") -> Reply:
    if company:
        return await _timeline(ctx.deps, company, ctx.role)
    return await _overview(ctx.deps)


async def _overview(deps: Deps) -> Reply:
    every = await deps.storage.facts.companies_with_status()
    # Ring's statuses are about police access to its users' video, not a facial-recognition
    # policy, so it is named apart; its own consumer face recognition is in its timeline.
    statuses = [s for s in every if s.company.topic == FACE_RECOGNITION]
    others = [s.company for s in every if s.company.topic != FACE_RECOGNITION]
    title = _("Corporate facial-recognition policies")
    if not statuses:
        return Reply(
            title=title, text=_("No companies are on record yet: the facts database is empty.")
        )
    fields = []
    for entry in statuses:
        if entry.latest is None:
            fields.append(Field(entry.company.name, _("No policy status on record.")))
        else:
            fields.append(Field(entry.company.name, status_line(entry.latest)))
    newest = max((s.latest.as_of for s in statuses if s.latest), default="")
    as_of = " " + _("Facts as of {day}.").format(day=day_text(newest)) if newest else ""
    apart = "".join(
        " "
        + _(
            "{company}'s status on record is about police access to its users' video, so it"
            " is not listed here: /moratorium {slug} shows its timeline, with any face"
            " recognition it sells to its own customers."
        ).format(company=c.name, slug=c.slug)
        for c in others
    )
    text = (
        _("Each company's current status: its latest dated policy event.")
        + as_of
        + " "
        + _("Type /moratorium <company> for the whole timeline.")
        + apart
    )
    return Reply(title=title, text=text, fields=tuple(fields))


async def _timeline(deps: Deps, typed: str, role: Role) -> Reply:
    company = await find_company(deps, typed)
    events = await deps.storage.facts.company_timeline(company.id)
    title = (
        _("{company}: facial-recognition policy timeline")
        if company.topic == FACE_RECOGNITION
        else _("{company}: police access to users' video, and its other dated events")
    ).format(company=company.name)
    if not events:
        text = _("No dated events are on record for {company}.").format(company=company.name)
        return Reply(title=title, text=text)
    current = next((e for e in reversed(events) if e.status), None)
    status = (
        _("Current status: {status}").format(status=status_line(current))
        if current is not None
        else _("No current status on record.")
    )
    newest = max(e.as_of for e in events)
    fields = tuple(
        Field(
            date_text(e.happened, e.precision), f"{_summary(e)} {cite(e.source)}{_label(e, role)}"
        )
        for e in events
    )
    as_of = _("Facts as of {day}.").format(day=day_text(newest))
    return Reply(title=title, text=f"{status}\n{as_of}", fields=fields)


def _label(event: CompanyEvent, role: Role) -> str:
    """Admins keeping the facts see each fact's confidence as stored."""
    if role < Role.ADMIN:
        return ""
    return " " + _("[confidence: {confidence}]").format(confidence=code_said(event.confidence))


def _summary(event: CompanyEvent) -> str:
    return reported(event_summary, event) if event.reported else event_summary(event)
