"""Ctx: what a command handler gets besides its options."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.deps import Deps
from bot.core.models import Attachment, Request, Role
from lexicon.i18n import current


@dataclass(frozen=True)
class Ctx:
    """Who asks, where, with which files, and everything a command may use (`deps`).

    `workspace` is the Discord guild, the Slack team or "console": campaigns and follows are
    scoped to it. `user_id` is the platform's own id, never a message. The options are not
    here: each is a parameter of the handler, typed by its signature.
    """

    deps: Deps
    platform: str
    workspace: str
    user_id: str
    user_name: str
    role: Role
    path: tuple[str, ...]
    attachments: tuple[Attachment, ...] = ()
    channel: str = ""
    # May change the shared facts (bot.core.models.may_run): the operator's home decides.
    facts_admin: bool = False
    # The language this reply is written in ("en", "es"): `_()` already uses it (the
    # dispatcher runs the handler in it); commands read it to store or show it.
    locale: str = "en"
    # What the platform says of the person's language ('es-419'; "" when nothing): what
    # `/language auto` goes back to.
    platform_locale: str = ""
    # What the platform says of the workspace's language (Discord's guild locale; "" when
    # nothing): what a channel post follows when its admins stored no default.
    workspace_locale: str = ""

    @classmethod
    def of(cls, request: Request, deps: Deps) -> Ctx:
        return cls(
            deps=deps,
            platform=request.platform,
            workspace=request.workspace,
            user_id=request.user_id,
            user_name=request.user_name,
            role=request.role,
            path=request.path,
            attachments=request.attachments,
            channel=request.channel,
            facts_admin=request.facts_admin,
            locale=current(),
            platform_locale=request.platform_locale,
            workspace_locale=request.workspace_locale,
        )
