"""/facts set-law-status: a ban is reversed, repealed or expires (or comes back into force)."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.models import Reply, Role
from bot.core.registry import CommandSet
from bot.core.signatures import FactDate, Opt
from commands.admin.authoring import committed, edit_of
from commands.admin.checks import fact_id, past_date, source_url
from commands.admin.facts_edits import LAW_STATUSES
from commands.admin.options import Source
from commands.admin.wording import notices, outcome_reply
from lexicon.i18n import N_, _
from storage.fact_edits.models import FactRef, LawStatusChange

MAX_NOTE = 200

COMMANDS = CommandSet(group="facts", role=Role.FACTS_ADMIN, private=True)


async def choose_law(deps: Deps, text: str) -> int:
    """A law id ('L7'), or the one law on record for a jurisdiction ('Oakland, CA')."""
    typed = text.strip()
    if typed[:1].upper() in "DEL" and typed[1:].isdigit():
        fact = fact_id(typed)
        if fact.kind != "L":
            raise UserError(
                _("{typed} is not a law: law ids look like L7.").format(typed=typed[:20])
            )
        return fact.id
    found = await deps.storage.fact_edits.laws_of_jurisdiction(typed)
    if not found:
        raise UserError(
            _(
                "No law is on record for {typed!r}: give its id (L7) or its jurisdiction"
                " as /laws shows it, e.g. 'Oakland, CA'."
            ).format(typed=typed[:60])
        )
    if len(found) > 1:
        listed = "; ".join(
            _("L{id}: {kind} of {enacted}, {status}").format(
                id=law.id, kind=law.kind, enacted=law.enacted, status=law.status
            )
            for law in found
        )
        raise UserError(
            _("{typed} has {n} laws on record; give one id: {listed}.").format(
                typed=typed[:60], n=len(found), listed=listed
            )
        )
    return found[0].id


@COMMANDS.command(
    "set-law-status", "A law was reversed, repealed, expired (or is in force again)",
    examples=("/facts set-law-status L7 repealed 2023-03-01 https://example.org/repeal"
              " Repealed by the council",),
)  # fmt: skip
async def set_law_status(
    ctx: Ctx,
    law: Annotated[
        str,
        Opt(
            "Law id (L7) or its jurisdiction ('Oakland, CA')", autocomplete="place", max_length=120
        ),
    ],
    status: Annotated[str, Opt("Its status now", choices=LAW_STATUSES)],
    date: Annotated[FactDate, Opt("Date the status changed (YYYY-MM-DD, YYYY-MM or YYYY)")],
    source: Source,
    note: Annotated[
        str, Opt("A few words on what happened", max_length=MAX_NOTE, greedy=True)
    ] = "",
) -> Reply:
    deps = ctx.deps
    law_id = await choose_law(deps, law)
    changed = past_date(deps, date, N_("date of the status change"))
    url = source_url(source)
    note = " ".join(note.split())
    if len(note) > MAX_NOTE:
        raise UserError(
            _("The note is too long ({n} characters; at most {limit}).").format(
                n=len(note), limit=MAX_NOTE
            )
        )
    if not await deps.storage.fact_edits.fact_exists(FactRef("L", law_id)):
        raise UserError(
            _("There is no law L{id} (removed?). /laws lists them with their ids.").format(
                id=law_id
            )
        )
    edit = edit_of(ctx, deps, url, notices(url))
    change = LawStatusChange(edit, law_id, status, changed, note)
    outcome = await deps.storage.fact_edits.set_law_status(change)
    await committed(deps)
    return outcome_reply(ctx, outcome, url)
