"""/language <es|en|auto> workspace:yes: the workspace's default language (docs/languages.md).

What a card or a channel post is said in there (bot/core/language.py), set by an admin of
that workspace: an admin's rank reaches their own workspace only (the platform tells the
rank where they type), and anyone else is refused in one line, nothing changed. `auto`
removes the default: the platform's word for the workspace applies again (Discord's server
language; nothing on Slack and the console: English). Each change is logged with its author
(storage/workspaces/). Anyone may ask which language the workspace's posts are in.

The replies are the asker's alone, in their own language: not in the one they set for the
workspace (a `language:` option otherwise makes the dispatcher answer in it).
"""

from __future__ import annotations

from bot.core.context import Ctx
from bot.core.errors import UserError
from bot.core.language import request_locale, workspace_language
from bot.core.models import DIRECT_MESSAGES, Reply, Role
from lexicon.i18n import _, format_stamp, language_name, using
from storage.workspaces.models import LanguageSetting, Workspace

AUTO = "auto"


async def workspace_choice(ctx: Ctx, language: str) -> Reply:
    """Show, set or clear the workspace's default language, answered in the asker's own."""
    asker = await request_locale(
        ctx.deps, ctx.platform, ctx.user_id, ctx.platform_locale, ctx.workspace
    )
    with using(asker):
        if ctx.workspace == DIRECT_MESSAGES:
            raise UserError(
                _(
                    "A direct message belongs to no workspace: set a workspace's language"
                    " from one of its channels."
                )
            )
        if not language:
            return Reply(text=await _in_force(ctx))
        if ctx.role < Role.ADMIN:
            raise UserError(
                _(
                    "Only an admin of this workspace can set its language; nothing was"
                    " changed. /language {language} alone sets yours."
                ).format(language=language)
            )
        stored = "" if language == AUTO else language
        setting = LanguageSetting(
            Workspace(ctx.platform, ctx.workspace),
            stored,
            ctx.user_id,
            ctx.deps.clock().isoformat(),
        )
        await ctx.deps.storage.workspace_languages.change(setting)
        return Reply(text=await _in_force(ctx))


async def _in_force(ctx: Ctx) -> str:
    where = Workspace(ctx.platform, ctx.workspace)
    stored = await ctx.deps.storage.workspace_languages.current(where)
    if stored is not None:
        return _(
            "Cards and channel posts in this workspace are in {language}, as its admins"
            " chose (on {day}); each member's own replies stay in their language."
        ).format(language=language_name(stored.language), day=format_stamp(stored.set_at[:10]))
    followed = await workspace_language(ctx.deps, ctx.platform, ctx.workspace, ctx.workspace_locale)
    return _(
        "Cards and channel posts in this workspace are in {language}, its platform's"
        " language; an admin can choose another with /language es workspace:yes."
    ).format(language=language_name(followed))
