"""Who makes a change and when, and what follows a committed one."""

from __future__ import annotations

from collections.abc import Mapping

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.models import DIRECT_MESSAGES, Request
from places.index import place_index
from storage.audit.models import Author
from storage.fact_edits.models import Edit
from storage.viewer import Viewer


def author_of(who: Ctx | Request) -> Author:
    """Who ran a command (a Request where it was refused before it ran)."""
    return Author(who.platform, who.workspace, who.user_id, who.user_name)


def viewer_of(ctx: Ctx) -> Viewer:
    """Whose people this reader may see in the history and the outbox: their workspace's.
    A direct message is nobody's workspace; the console is the operator, who holds the
    database itself (the dispatcher's pacing knows the console by the same name)."""
    workspace = "" if ctx.workspace == DIRECT_MESSAGES else ctx.workspace
    operator = ctx.platform == "console"
    return Viewer(ctx.platform, workspace, ctx.user_id, everyone=operator)


def edit_of(ctx: Ctx, deps: Deps, url: str, notice: Mapping[str, str]) -> Edit:
    """The change's author, time, command and source, and the followers' notice templates
    (one per language)."""
    return Edit(author_of(ctx), deps.clock(), " ".join(ctx.path), url, notice)


async def committed(deps: Deps) -> None:
    """After a committed change: lookups see it at once."""
    await place_index(deps).reload()
