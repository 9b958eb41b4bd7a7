"""Who makes a change and when, and what follows a committed one."""

from __future__ import annotations

from bot.core.deps import Deps
from bot.core.models import Request
from places.index import place_index
from storage.audit.models import Author
from storage.fact_edits.models import Edit


def author_of(request: Request) -> Author:
    return Author(request.platform, request.workspace, request.user_id, request.user_name)


def edit_of(request: Request, deps: Deps, url: str, notice: str) -> Edit:
    """The change's author, time, command and source, and the followers' notice template."""
    return Edit(author_of(request), deps.clock(), " ".join(request.path), url, notice)


async def committed(deps: Deps) -> None:
    """After a committed change: lookups see it at once."""
    await place_index(deps).reload()
