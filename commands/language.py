"""/language: which language the bot answers a member in (docs/languages.md).

Stored with the member's data (shown by /mydata, erased by /forgetme); `auto` deletes the
choice, so their platform's language applies again (Discord's client language, Slack's
locale, the console's --lang or LANG), else English. With `workspace:yes` it is the
workspace's default instead, for its cards and channel posts (commands/workspace_language.py).
"""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.models import Reply
from bot.core.registry import CommandSet
from bot.core.signatures import Opt
from commands.workspace_language import workspace_choice
from lexicon.i18n import DEFAULT, SUPPORTED, _, language_name, normalize, using

COMMANDS = CommandSet(private=True)
AUTO = "auto"

Language = Annotated[
    str,
    Opt(
        "es (español), en (English), or auto: your platform's language",
        choices=(*SUPPORTED, AUTO),
        max_length=10,
    ),
]

ForWorkspace = Annotated[
    str,
    Opt(
        "yes: the workspace's language, for its cards and channel posts (its admins set it)",
        choices=("yes", "no"),
    ),
]


@COMMANDS.command(
    "language",
    "Choose the language the bot answers you in, or see which it uses",
    examples=(
        "/language es",
        "/language en",
        "/language auto",
        "/language",
        "/language es workspace:yes",
    ),
)
async def choose_language(
    ctx: Ctx, language: Language = "", workspace: ForWorkspace = "no"
) -> Reply:
    if workspace == "yes":
        return await workspace_choice(ctx, language)
    languages = ctx.deps.storage.languages
    if not language:
        chosen = await languages.chosen(ctx.platform, ctx.user_id)
        return Reply(text=_now_answering(ctx.locale, chosen is not None))
    if language == AUTO:
        await languages.forget(ctx.platform, ctx.user_id)
        with using(normalize(ctx.platform_locale) or DEFAULT) as locale:
            return Reply(text=_now_answering(locale, chosen=False))
    await languages.choose(ctx.platform, ctx.user_id, language, ctx.deps.clock().isoformat())
    with using(language):
        return Reply(text=_now_answering(language, chosen=True))


def _now_answering(locale: str, chosen: bool) -> str:
    if chosen:
        said = _(
            "Counterwatch answers you in {language}, as you chose; /language auto follows"
            " your platform's language."
        )
    else:
        said = _(
            "Counterwatch answers you in {language}, your platform's language; choose"
            " another with /language es or /language en."
        )
    return said.format(language=language_name(locale))
