"""/campaign create, list, info and close."""

from __future__ import annotations

from bot.deps import Deps
from bot.errors import UserError
from bot.models import Field, Reply, Request
from bot.registry import MAX_CHOICES
from commands.campaigns import links
from commands.campaigns.checks import (
    TITLE_MAX,
    future_end,
    parse_slug,
    plain_text,
    require_campaign,
)
from commands.campaigns.report import progress_bar
from storage import campaigns as store


async def create(request: Request, deps: Deps) -> Reply:
    today = deps.today()
    goal = request.option("goal")
    new = store.NewCampaign(
        workspace=request.workspace,
        slug=parse_slug(request.text("slug")),
        title=plain_text(request.text("title"), "title", TITLE_MAX),
        goal=goal if isinstance(goal, int) else None,
        template=await links.check_template(deps, request.text("template"), request.workspace),
        place=await links.campaign_place(deps, request.text("place")),
        ends=future_end(request.option("ends"), today),
        created_on=today.isoformat(),
    )
    if not new.title:
        raise UserError("Give the campaign a title.")
    created = await deps.db.write(lambda conn: store.create_campaign(conn, new))
    deps.campaigns.forget(new.workspace)
    if not created:
        raise UserError(f"A campaign called {new.slug} already exists here; pick another name.")
    return Reply(
        title=f"Campaign created: {new.title}",
        text=f"Members join with /campaign join {new.slug}",
        fields=_describe(new.goal, new.template, new.place, new.ends),
    )


async def close(request: Request, deps: Deps) -> Reply:
    campaign = await require_campaign(deps, request)
    today = deps.today().isoformat()
    closed = await deps.db.write(lambda conn: store.close_campaign(conn, campaign.id, today))
    deps.campaigns.forget(campaign.workspace)
    if not closed:
        raise UserError(f"The campaign {campaign.slug} is already closed.")
    count = await store.count_signups(deps.db, campaign.id)
    return Reply(text=f"Closed {campaign.slug} with {count:,} sign-ups. It takes no new ones.")


async def list_all(request: Request, deps: Deps) -> Reply:
    found = await store.list_campaigns(deps.db, request.workspace, MAX_CHOICES)
    if not found:
        return Reply(text="No campaigns here yet. Organizers start one with /campaign create.")
    today = deps.today().isoformat()
    lines = []
    for campaign, count in found:
        state = campaign.refusal(today)
        note = " (closed)" if campaign.closed_on else " (ended)" if state else ""
        lines.append(f"{campaign.slug} - {campaign.title}: {count:,} signed up{note}")
    return Reply(title="Campaigns", text="\n".join(lines))


async def info(request: Request, deps: Deps) -> Reply:
    campaign = await require_campaign(deps, request)
    count = await store.count_signups(deps.db, campaign.id)
    mine = await store.signup_of(deps.db, campaign.id, request.platform, request.user_id)
    status = campaign.refusal(deps.today().isoformat()) or "Open: /campaign join " + campaign.slug
    fields = [Field("Status", status), Field("Signed up", _progress(count, campaign.goal))]
    fields.extend(_describe(None, campaign.template, campaign.place, campaign.ends))
    fields.append(Field("Started", campaign.created_on))
    if mine is not None:
        fields.append(Field("You", f"signed up on {mine}"))
    return Reply(title=campaign.title, text=f"Campaign {campaign.slug}", fields=tuple(fields))


def _progress(count: int, goal: int | None) -> str:
    return progress_bar(count, goal) if goal else f"{count:,}"


def _describe(goal: int | None, template: str, place: str, ends: str | None) -> tuple[Field, ...]:
    fields = []
    if goal:
        fields.append(Field("Goal", f"{goal:,} sign-ups"))
    if template:
        fields.append(Field("Petition", template))
    if place:
        fields.append(Field("Place", place))
    fields.append(Field("Ends", ends or "when an organizer closes it"))
    return tuple(fields)
