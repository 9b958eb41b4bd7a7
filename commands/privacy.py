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
from storage.privacy.models import Erasure, Section

COMMANDS = CommandSet(private=True)


@COMMANDS.command(
    "mydata", "Everything this bot holds about you", examples=("/mydata",), writes=False
)
async def show_my_data(ctx: Ctx) -> Reply:
    deps = ctx.deps
    sections = await deps.storage.privacy.describe(ctx.platform, ctx.user_id)
    held = [s for s in sections if s.lines]
    header = f"You are {ctx.platform} user {ctx.user_id}."
    if not held:
        return Reply(title="Your data", text=f"{header} The bot holds nothing about you.")
    return Reply(
        title="Your data",
        text=f"{header} This is everything the bot holds about you. /forgetme erases it.",
        fields=tuple(Field(s.name, "\n".join(s.lines)) for s in held),
    )


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
    sections = [*await privacy.describe(ctx.platform, ctx.user_id), _files_section(ctx, files)]
    held = [s for s in sections if s.lines]
    if not held:
        return Reply(text="The bot holds nothing about you: there is nothing to erase.")
    code = privacy.erase_code(ctx.platform, ctx.user_id, deps.today().isoformat(), held)
    typed = confirm.strip().lower()
    kept = "".join(f"\n{s.erase_note}" for s in held if s.erase_note)
    if not typed:
        return Reply(
            title="Erase everything about you?",
            text=f"Nothing has been erased yet. To erase all of this, type: /forgetme {code}"
            + kept,
            fields=tuple(Field(s.name, "\n".join(s.lines)) for s in held),
        )
    if typed != code:
        raise UserError(
            "That code does not match (codes expire at midnight UTC and change when your"
            " data does). Nothing was erased; type /forgetme for a fresh code."
        )
    erasure = await privacy.erase(ctx.platform, ctx.user_id)
    # After the database's erasure committed: a failure there leaves the files too.
    deleted = files.erase(ctx.platform, ctx.user_id) if files is not None else []
    counts = {**erasure.counts, FILES_SECTION: len(deleted)}
    summary = ", ".join(f"{name}: {count}" for name, count in counts.items() if count)
    gone = f"\nFiles deleted: {', '.join(str(p) for p in deleted)}." if deleted else ""
    return Reply(
        text=f"Erased everything the bot held about you ({summary}).{gone}{kept}"
        f"\n{_copies(erasure)}"
    )


FILES_SECTION = "Files saved on the bot's machine that name you"


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
        "Files saved on the bot's machine that name you (exports, petitions, letters) are"
        " deleted; an organizer can export again without you.",
    )


def _copies(erasure: Erasure) -> str:
    """What may still hold a copy, said plainly (docs/privacy.md has the detail)."""
    if erasure.left:
        now = (
            f"The database could not yet clear its old copies in: {', '.join(erasure.left)};"
            " the operator's log names them and what clears them."
        )
    else:
        now = "The database's own files hold no copy of it."
    return f"{now} Backups made before now keep it until they expire."
