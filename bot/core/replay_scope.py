"""A command's handler run in its replay scope (storage/replay.py), so that a platform's
redelivery of the same request changes nothing twice."""

from __future__ import annotations

import datetime as dt

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.models import Reply, Request
from bot.core.registry import Command
from storage import replay

# How long a delivery's replay record lives: longer than Slack's retries (minutes) and its
# 5-minute signature window, so a replayed signed request is still recognised.
REPLAY_TTL = dt.timedelta(minutes=15)


def is_replay(reply: Reply) -> bool:
    """The reply to a delivery whose replay record existed: an adapter that received it
    from the platform's retry answers nothing (the first delivery answers)."""
    return reply.error and reply.text == replay.REPLAYED_MESSAGE


async def run_handler(command: Command, request: Request, deps: Deps) -> Reply:
    """The handler, in its replay scope: none for a read-only command; for one that
    writes, its delivery's key rides on its first write."""
    arguments = command.arguments(request.options, request.attachments)
    ctx = Ctx.of(request, deps)
    if not command.writes:
        with replay.read_only():
            return await command.handler(ctx, **arguments)
    if not request.replay_key:
        return await command.handler(ctx, **arguments)
    claim = replay.Claim(request.replay_key, deps.clock(), REPLAY_TTL)
    with replay.claiming(claim):
        reply = await command.handler(ctx, **arguments)
    # It wrote nothing, but its reply may be the effect (a card posted from it):
    # recorded now, before the platform posts it.
    if not (claim.taken or reply.error) and not await deps.storage.dedupe.first_time(
        claim.key, claim.now, claim.ttl
    ):
        raise replay.Replayed()
    return reply
