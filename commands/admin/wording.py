"""What admins and followers read about a change: the follower's notice and the reply."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.context import Ctx
from bot.core.models import Reply
from lexicon.i18n import N_, SUPPORTED, _, ngettext, using
from lexicon.stored import say
from storage.fact_edits.models import Outcome

MAX_NOTICE_SUMMARY = 600
# What the admin's reply says was done; {summary} is the audit log's, said in the reply's
# language (lexicon/stored.py).
_DONE = {
    "create": N_("Added {fact}: {summary}."),
    "update": N_("Updated {fact}: {summary}."),
    "delete": N_("Removed {fact}: {summary}."),
}


def literal(text: str) -> str:
    """`text` inside a notice template, shown as typed (a URL or file name may hold braces)."""
    return text.replace("{", "{{").replace("}", "}}")


SUMMARY_FIELD = f"{{summary:.{MAX_NOTICE_SUMMARY}}}"


def notice_template(url: str, summary: str = SUMMARY_FIELD) -> str:
    """The direct message a follower gets, in the current language, as a template storage
    fills with str.format: {change} (the change id), {place} (the followed place) and
    {summary} (what changed). Plain text: each platform escapes it."""
    # The catalog strings name the fields storage fills; they are put back as fields here.
    head = _(
        "Counterwatch: a fact about {place}, which you follow, changed (change C{change}):"
        " {summary}."
    ).format(place="{place}", change="{change}", summary=summary)
    source = " " + _("Source: {source}").format(source=literal(url)) if url else ""
    tail = _("To stop these messages: /unfollow {place}").format(place="{place}")
    return f"{head}{source}\n{tail}"


def notices(url: str, summary: Callable[[], str] = lambda: SUMMARY_FIELD) -> dict[str, str]:
    """The follower's notice in every language (`summary` words what changed, called in
    each): storage picks each follower's own (their /language choice, else English) when it
    queues the notifications."""
    found = {}
    for language in SUPPORTED:
        with using(language):
            found[language] = notice_template(url, summary())
    return found


def outcome_reply(ctx: Ctx, outcome: Outcome, url: str) -> Reply:
    done = _(_DONE[outcome.action]).format(fact=outcome.fact, summary=say(outcome.summary))
    told = told_once(outcome.queued) if outcome.queued else _("Nobody follows this place yet.")
    by = _("By {name}.").format(name=ctx.user_name)
    undo = _("Undo: /facts undo C{change}").format(change=outcome.change_id)
    source = _("Source: {source}").format(source=url)
    return Reply(
        title=recorded_title(outcome.change_id),
        text=f"{done}\n{source}\n{by} {told} {undo}",
    )


def told_once(queued: int) -> str:
    """'3 followers will be told once.'"""
    return ngettext(
        "{n:,} follower will be told once.", "{n:,} followers will be told once.", queued
    ).format(n=queued)


def recorded_title(change_id: int) -> str:
    return _("Change C{change} recorded").format(change=change_id)
