"""What admins and followers read about a change: the follower's notice and the reply."""

from __future__ import annotations

from bot.core.context import Ctx
from bot.core.models import Reply
from lexicon.words import plural
from storage.fact_edits.models import Outcome

MAX_NOTICE_SUMMARY = 600


def literal(text: str) -> str:
    """`text` inside a notice template, shown as typed (a URL or file name may hold braces)."""
    return text.replace("{", "{{").replace("}", "}}")


def notice_template(url: str, summary: str = f"{{summary:.{MAX_NOTICE_SUMMARY}}}") -> str:
    """The direct message a follower gets, as a template storage fills with str.format:
    {change} (the change id), {place} (the followed place) and {summary} (what changed).
    Plain text: each platform escapes it."""
    return (
        "Counterwatch: a fact about {place}, which you follow, changed"
        f" (change C{{change}}): {summary}."
        + (f" Source: {literal(url)}" if url else "")
        + "\nTo stop these messages: /unfollow {place}"
    )


def outcome_reply(ctx: Ctx, outcome: Outcome, url: str) -> Reply:
    verb = {"create": "Added", "update": "Updated", "delete": "Removed"}[outcome.action]
    told = (
        f"{plural(outcome.queued, 'follower')} will be told once."
        if outcome.queued
        else "Nobody follows this place yet."
    )
    return Reply(
        title=f"Change C{outcome.change_id} recorded",
        text=(
            f"{verb} {outcome.fact}: {outcome.summary}.\nSource: {url}\n"
            f"By {ctx.user_name}. {told} Undo: /facts undo C{outcome.change_id}"
        ),
    )
