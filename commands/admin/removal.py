"""/facts remove: a wrong fact goes (and comes back exactly with /facts undo)."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.errors import UserError
from bot.core.models import Reply, Role
from bot.core.registry import CommandSet
from bot.core.signatures import Opt
from commands.admin.authoring import committed, edit_of
from commands.admin.checks import fact_id, source_url
from commands.admin.options import Source
from commands.admin.wording import notices, outcome_reply
from lexicon.i18n import _
from storage.fact_edits.models import FactRemoval

COMMANDS = CommandSet(group="facts", role=Role.FACTS_ADMIN, private=True)


@COMMANDS.command(
    "remove", "Remove a wrong fact (D123, E45, L7, B12 or O7)",
    examples=("/facts remove D123 https://example.org/correction",),
)  # fmt: skip
async def remove_fact(
    ctx: Ctx,
    fact: Annotated[str, Opt("Fact id as shown in answers, e.g. D123", max_length=20)],
    source: Source,
) -> Reply:
    deps = ctx.deps
    ref = fact_id(fact)
    url = source_url(source)
    if not await deps.storage.fact_edits.fact_exists(ref):
        raise UserError(
            _("There is no fact {fact} (already removed?). See /facts history.").format(fact=ref)
        )
    edit = edit_of(ctx, deps, url, notices(url))
    outcome = await deps.storage.fact_edits.remove_fact(FactRemoval(edit, ref))
    await committed(deps)
    return outcome_reply(ctx, outcome, url)
