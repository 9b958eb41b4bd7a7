"""/facts set-spanish: fill or correct the Spanish of an event (E45) or a law (L7).

The facts' own text is stored in English and, beside it, in Spanish (migration 0021); a fact
added without its Spanish is said in Spanish replies from its kind, date and status alone
until an admin writes it here. Audited and undoable (/facts undo) like every edit.
"""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.errors import UserError
from bot.core.models import Reply, Role
from bot.core.registry import CommandSet
from bot.core.signatures import Opt
from commands.admin.authoring import committed, edit_of
from commands.admin.checks import fact_id
from commands.admin.wording import notices, recorded_title
from lexicon.i18n import _
from lexicon.stored import say
from storage.fact_edits.models import SpanishText

COMMANDS = CommandSet(group="facts", role=Role.FACTS_ADMIN, private=True)
MAX_TEXT = 300

# Named as typed, with the underscore (`text_es:`), like the columns they fill.
TextEs = Annotated[
    str,
    Opt(
        "The summary or scope in Spanish, kept to what the English says",
        max_length=MAX_TEXT,
        name="text_es",
    ),
]
StatusEs = Annotated[
    str, Opt("The status (event) or note (law) in Spanish", max_length=MAX_TEXT, name="status_es")
]


def spanish_text(text: str) -> str:
    """As stored: one line, no final full stop (replies punctuate it; letters quote it)."""
    return " ".join(text.split()).rstrip(".").strip()


@COMMANDS.command(
    "set-spanish", "Fill or correct the Spanish of an event (E45) or a law (L7)",
    examples=('/facts set-spanish E45 text_es:"Amazon prorrogó la moratoria hasta nuevo aviso"',
              '/facts set-spanish L7 text_es:"la policía no puede usar reconocimiento facial"'),
)  # fmt: skip
async def set_spanish(
    ctx: Ctx,
    fact: Annotated[str, Opt("Event or law id as shown in answers, e.g. E45 or L7", max_length=20)],
    text_es: TextEs,
    status_es: StatusEs = "",
) -> Reply:
    deps = ctx.deps
    ref = fact_id(fact)
    if ref.kind not in ("E", "L"):
        raise UserError(
            _("{fact} has no text to say in Spanish: give an event (E45) or a law (L7).").format(
                fact=ref
            )
        )
    text = spanish_text(text_es)
    if not text:
        raise UserError(_('Give the Spanish text: text_es:"...".'))
    if not await deps.storage.fact_edits.fact_exists(ref):
        raise UserError(
            _("There is no fact {fact} (already removed?). See /facts history.").format(fact=ref)
        )
    edit = edit_of(ctx, deps, "", notices(""))
    change = SpanishText(edit, ref, text, spanish_text(status_es))
    outcome = await deps.storage.fact_edits.set_spanish(change)
    await committed(deps)
    done = _("Updated {fact}: {summary}.").format(fact=outcome.fact, summary=say(outcome.summary))
    quiet = _("Only its wording changed: followers are not told.")
    by = _("By {name}.").format(name=ctx.user_name)
    undo = _("Undo: /facts undo C{change}").format(change=outcome.change_id)
    return Reply(title=recorded_title(outcome.change_id), text=f"{done}\n{quiet} {by} {undo}")
