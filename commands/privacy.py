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
from bot.core.kept_files import KeptFiles
from bot.core.models import Field, Reply
from bot.core.registry import CommandSet
from bot.core.signatures import Opt
from lexicon.i18n import DEFAULT, N_, _, using
from storage.privacy.models import Erasure, Section

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
    files = _kept_files(ctx)
    held = await _held(ctx, files)
    if not held:
        return Reply(text=_("The bot holds nothing about you: there is nothing to erase."))
    code = await _erase_code(ctx, files)
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
    erasure = await privacy.erase(ctx.platform, ctx.user_id)
    deps.storage.languages.erased(ctx.platform, ctx.user_id)
    # After the database's erasure committed: a failure there leaves the files too.
    deleted = files.erase(ctx.platform, ctx.user_id) if files is not None else []
    counts = {**erasure.counts, FILES_SECTION: len(deleted)}
    summary = ", ".join(f"{_(name)}: {count}" for name, count in counts.items() if count)
    gone = (
        "\n" + _("Files deleted: {paths}.").format(paths=", ".join(str(p) for p in deleted))
        if deleted
        else ""
    )
    erased = _("Erased everything the bot held about you ({summary}).").format(summary=summary)
    return Reply(text=f"{erased}{gone}{kept}\n{_copies(erasure)}")


async def _held(ctx: Ctx, files: KeptFiles | None) -> list[Section]:
    """Every section that holds something, the files saved on this machine included."""
    described = await ctx.deps.storage.privacy.describe(ctx.platform, ctx.user_id)
    return [s for s in (*described, _files_section(ctx, files)) if s.lines]


async def _erase_code(ctx: Ctx, files: KeptFiles | None) -> str:
    """The code is made from what is held as worded in English, so that it does not change
    with the language it was shown in (a Discord member's locale differs between devices)."""
    with using(DEFAULT):
        held = await _held(ctx, files)
    privacy = ctx.deps.storage.privacy
    return privacy.erase_code(ctx.platform, ctx.user_id, ctx.deps.today().isoformat(), held)


FILES_SECTION = N_("Files saved on the bot's machine that name you")


def _kept_files(ctx: Ctx) -> KeptFiles | None:
    """The console's saved files, when this process saves any (wiring registers them)."""
    try:
        return ctx.deps.services.get(KeptFiles)
    except LookupError:
        return None


def _files_section(ctx: Ctx, files: KeptFiles | None) -> Section:
    paths = files.naming(ctx.platform, ctx.user_id) if files is not None else []
    return Section(
        FILES_SECTION,
        tuple(str(p) for p in paths),
        N_(
            "Files saved on the bot's machine that name you (exports, petitions, letters) are"
            " deleted; an organizer can export again without you."
        ),
    )


def _copies(erasure: Erasure) -> str:
    """What may still hold a copy, said plainly (docs/privacy.md has the detail)."""
    if erasure.left:
        now = _(
            "The database could not yet clear its old copies in: {tables}; the operator's log"
            " names them and what clears them."
        ).format(tables=", ".join(erasure.left))
    else:
        now = _("The database's own files hold no copy of it.")
    return now + " " + _("Backups made before now keep it until they expire.")
