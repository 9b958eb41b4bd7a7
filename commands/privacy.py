"""/mydata shows everything the bot holds about the caller; /forgetme erases it.

/forgetme is two steps so that an accidental call erases nothing: the bare
command lists what would be erased and a confirmation code; only
`/forgetme <code>` erases. The code comes from storage (PrivacyStore.erase_code):
derived from the caller, the day and the data itself, it expires at midnight UTC
and changes when the data does, so a confirmation always matches what was shown.
"""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.errors import UserError
from bot.core.models import Field, Reply
from bot.core.registry import CommandSet
from bot.core.signatures import Opt
from lexicon.i18n import DEFAULT, _, using
from storage.privacy.models import Section

COMMANDS = CommandSet(private=True)


@COMMANDS.command(
    "mydata", "Everything this bot holds about you", examples=("/mydata",), writes=False
)
async def show_my_data(ctx: Ctx) -> Reply:
    deps = ctx.deps
    sections = await deps.storage.privacy.describe(ctx.platform, ctx.user_id)
    held = [s for s in sections if s.lines]
    header = _("You are {platform} user {user}.").format(platform=ctx.platform, user=ctx.user_id)
    if not held:
        text = header + " " + _("The bot holds nothing about you.")
        return Reply(title=_("Your data"), text=text)
    return Reply(
        title=_("Your data"),
        text=header + " " + _("This is everything the bot holds about you. /forgetme erases it."),
        fields=_fields(held),
    )


def _fields(held: list[Section]) -> tuple[Field, ...]:
    return tuple(Field(_(s.name), "\n".join(s.lines)) for s in held)


def _kept(held: list[Section]) -> str:
    """What /forgetme keeps, one line per section that keeps something."""
    return "".join("\n" + _(s.erase_note).format(**s.note_fields) for s in held if s.erase_note)


@COMMANDS.command(
    "forgetme",
    "Erase everything this bot holds about you (asks you to confirm first)",
    examples=("/forgetme", "/forgetme 1a2b3c4d"),
)
async def forget_me(
    ctx: Ctx,
    confirm: Annotated[str, Opt("The confirmation code /forgetme showed you", max_length=20)] = "",
) -> Reply:
    deps = ctx.deps
    privacy = deps.storage.privacy
    sections = await privacy.describe(ctx.platform, ctx.user_id)
    held = [s for s in sections if s.lines]
    if not held:
        return Reply(text=_("The bot holds nothing about you: there is nothing to erase."))
    code = await _erase_code(ctx)
    typed = confirm.strip().lower()
    kept = _kept(held)
    if not typed:
        return Reply(
            title=_("Erase everything about you?"),
            text=_(
                "Nothing has been erased yet. To erase all of this, type: /forgetme {code}"
            ).format(code=code)
            + kept,
            fields=_fields(held),
        )
    if typed != code:
        raise UserError(
            _(
                "That code does not match (codes expire at midnight UTC and change when your"
                " data does). Nothing was erased; type /forgetme for a fresh code."
            )
        )
    erased = await privacy.erase(ctx.platform, ctx.user_id)
    deps.storage.languages.erased(ctx.platform, ctx.user_id)
    summary = ", ".join(f"{_(name)}: {count}" for name, count in erased.items() if count)
    return Reply(
        text=_("Erased everything the bot held about you ({summary}).").format(summary=summary)
        + kept
    )


async def _erase_code(ctx: Ctx) -> str:
    """The code is made from what is held as worded in English, so that it does not change
    with the language it was shown in (a Discord member's locale differs between devices)."""
    privacy = ctx.deps.storage.privacy
    with using(DEFAULT):
        held = [s for s in await privacy.describe(ctx.platform, ctx.user_id) if s.lines]
    return privacy.erase_code(ctx.platform, ctx.user_id, ctx.deps.today().isoformat(), held)
