"""/facts remove: a wrong fact goes (and comes back exactly with /facts undo)."""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.errors import UserError
from bot.core.models import Reply, Request, Role
from bot.core.registry import CommandSet, Option
from commands.admin.authoring import committed, edit_of
from commands.admin.checks import fact_id, source_url
from commands.admin.options import SOURCE
from commands.admin.wording import notice_template, outcome_reply
from storage.interfaces.fact_edits import FactRemoval

COMMANDS = CommandSet(group="facts", role=Role.FACTS_ADMIN, private=True)


@COMMANDS.command(
    "remove", "Remove a wrong fact (D123, E45 or L7)",
    Option("fact", "Fact id as shown in answers, e.g. D123", max_length=20), SOURCE,
    examples=("/facts remove D123 https://example.org/correction",),
)  # fmt: skip
async def remove_fact(request: Request, deps: Deps) -> Reply:
    fact = fact_id(request.text("fact"))
    url = source_url(request.text("source"))
    if not await deps.storage.fact_edits.fact_exists(fact):
        raise UserError(f"There is no fact {fact} (already removed?). See /facts history.")
    edit = edit_of(request, deps, url, notice_template(url))
    outcome = await deps.storage.fact_edits.remove_fact(FactRemoval(edit, fact))
    await committed(deps)
    return outcome_reply(request, outcome, url)
