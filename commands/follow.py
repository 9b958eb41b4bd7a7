"""/follow, /unfollow and /following: members hear once when a fact about their place changes."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.models import Reply
from bot.core.registry import CommandSet
from bot.core.signatures import Opt
from commands.facts.text import day_text
from lexicon.i18n import _
from lexicon.names import normalize
from places.index import place_index
from places.snapshot import Place
from storage.follows.models import FollowTarget, Member
from storage.follows.repository import MAX_FOLLOWS
from storage.subjects import city_key, county_key, county_wide_keys, encode_keys

COMMANDS = CommandSet(private=True)
FollowedPlace = Annotated[
    str,
    Opt("A city or county, e.g. Greenfield, WI", autocomplete="place", max_length=120, greedy=True),
]


def follow_target(place: Place) -> FollowTarget:
    """An agency is followed through its city."""
    if place.kind == "county" or (place.kind == "agency" and not normalize(place.city)):
        county = (
            place.county if place.kind == "county" else place.counties[0] if place.counties else ""
        )
        if not county:
            raise UserError(
                _("{place} has no city or county on record to follow.").format(place=place.label)
            )
        return FollowTarget(county_key(county, place.state), place.label, place.state, "")
    label = place.label if place.kind == "city" else f"{place.city}, {place.state}"
    counties = encode_keys(county_wide_keys(place.county, place.state))
    return FollowTarget(city_key(place.city, place.state), label, place.state, counties)


def _who(ctx: Ctx) -> Member:
    return Member(ctx.platform, ctx.workspace, ctx.user_id)


def _exact_place(deps: Deps, text: str) -> Place:
    match = place_index(deps).match(text)
    if not match.exact:
        raise UserError(
            _("Did you mean {place}? Type it that way to follow it.").format(
                place=match.place.label
            )
        )
    return match.place


@COMMANDS.command(
    "follow",
    "Get one direct message when a fact about a place changes",
    examples=("/follow Greenfield, WI",),
)
async def follow(ctx: Ctx, place: FollowedPlace) -> Reply:
    deps = ctx.deps
    target = follow_target(_exact_place(deps, place))
    try:
        added = await deps.storage.follows.follow(_who(ctx), target, deps.clock(), ctx.user_name)
    except OverflowError:
        raise UserError(
            _(
                "You follow too many places (at most {n} places can be followed);"
                " /unfollow one first."
            ).format(n=MAX_FOLLOWS)
        ) from None
    label = target.label
    if not added:
        return Reply(text=_("You already follow {place}.").format(place=label))
    return Reply(
        text=_(
            "You now follow {place}. When a fact about it changes you get one direct"
            " message (if your direct messages are closed, the server's notification channel"
            " names you instead, without a ping, where one is set up). Stop with"
            " /unfollow {place}."
        ).format(place=label)
    )


@COMMANDS.command("unfollow", "Stop following a place", examples=("/unfollow Greenfield, WI",))
async def unfollow(ctx: Ctx, place: FollowedPlace) -> Reply:
    deps, typed = ctx.deps, place
    mine = await deps.storage.follows.following(_who(ctx))
    # A place followed earlier may have left the index: match the member's own labels first.
    key = next((f.place_key for f in mine if normalize(f.place_label) == normalize(typed)), None)
    not_followed = _("You do not follow {typed!r}. /following lists what you follow.").format(
        typed=typed[:60]
    )
    if key is None:
        try:
            key = follow_target(_exact_place(deps, typed)).key
        except UserError:  # not a place, or not typed exactly: either way, not one you follow
            raise UserError(not_followed) from None
    if not await deps.storage.follows.unfollow(_who(ctx), key):
        raise UserError(not_followed)
    return Reply(text=_("You no longer follow {place}.").format(place=typed[:60]))


@COMMANDS.command("following", "The places you follow", examples=("/following",), writes=False)
async def following(ctx: Ctx) -> Reply:
    mine = await ctx.deps.storage.follows.following(_who(ctx))
    if not mine:
        return Reply(text=_("You follow no place. Try /follow Greenfield, WI"))
    lines = [
        _("{place} (since {day})").format(place=f.place_label, day=day_text(f.created_at[:10]))
        for f in mine
    ]
    return Reply(title=_("Places you follow"), text="\n".join(lines))
