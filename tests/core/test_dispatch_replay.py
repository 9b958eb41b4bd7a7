"""The dispatcher's replay scope (storage/replay.py), by what a command declares: one that
writes takes effect once per delivery key, whichever process gets the delivery; a look-up
keeps no record; a look-up that writes is a bug, caught."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.errors import UserError
from bot.core.incidents import INCIDENT_MESSAGE
from bot.core.models import Reply, Role
from bot.core.registry import Command, Option, Registry
from bot.core.replay_scope import is_replay
from storage.audit.models import Author
from storage.viewer import EVERYONE
from tests.conftest import FIXED_NOW, identity

# Purging what is older than a year from now deletes every record, and says how many.
FAR_FUTURE = FIXED_NOW + dt.timedelta(days=365)


def registry(effects: Counter[str]) -> Registry:
    async def write(ctx: Ctx, how: str = "") -> Reply:
        if how == "refuse":
            raise UserError("not like that")
        who = Author(ctx.platform, ctx.workspace, ctx.user_id, "someone")
        await ctx.deps.storage.audit.record_refusal(who, ctx.deps.clock(), "write")
        effects["write"] += 1
        return Reply(text="written")

    async def answer(ctx: Ctx) -> Reply:
        effects["answer"] += 1
        return Reply(text="answered")  # what the platform posts is the effect (a card)

    async def lookup(ctx: Ctx, how: str = "") -> Reply:
        effects["lookup"] += 1
        if how == "sneaky":
            who = Author(ctx.platform, ctx.workspace, ctx.user_id, "someone")
            await ctx.deps.storage.audit.record_refusal(who, ctx.deps.clock(), "sneaky")
        return Reply(text="looked up")

    how = Option("how", "how", required=False)
    commands = Registry()
    commands.add(Command(("write",), "writes", write, options=(how,)))
    commands.add(Command(("answer",), "writes nothing itself", answer))
    commands.add(Command(("lookup",), "reads", lookup, options=(how,), writes=False))
    return commands


def delivery(key: str) -> Identity:
    return dataclasses.replace(identity(Role.MEMBER), platform="slack", replay_key=key)


async def test_a_command_that_writes_takes_effect_once_per_delivery(deps: Deps) -> None:
    effects: Counter[str] = Counter()
    one, other = (Dispatcher(registry(effects), deps) for _ in range(2))  # two workers
    assert (await one.run_text(delivery("k1"), "/write")).text == "written"
    again = await other.run_text(delivery("k1"), "/write")
    assert is_replay(again) and again.private
    assert effects == {"write": 1}
    assert len(await deps.storage.audit.recent_refusals(10, EVERYONE)) == 1
    # Without a key (Discord, the console: nothing is delivered twice) it simply runs.
    assert (await one.run_text(identity(), "/write")).text == "written"


async def test_a_reply_that_is_the_effect_is_recorded_before_it_goes_out(deps: Deps) -> None:
    effects: Counter[str] = Counter()
    dispatcher = Dispatcher(registry(effects), deps)
    assert (await dispatcher.run_text(delivery("k2"), "/answer")).text == "answered"
    assert is_replay(await dispatcher.run_text(delivery("k2"), "/answer"))


async def test_a_refused_command_keeps_no_record(deps: Deps) -> None:
    effects: Counter[str] = Counter()
    dispatcher = Dispatcher(registry(effects), deps)
    refused = await dispatcher.run_text(delivery("k3"), "/write refuse")
    assert refused.error and refused.text == "not like that"
    assert (await dispatcher.run_text(delivery("k3"), "/write")).text == "written"


async def test_a_lookup_keeps_no_record_and_may_not_write(deps: Deps) -> None:
    effects: Counter[str] = Counter()
    dispatcher = Dispatcher(registry(effects), deps)
    for _ in range(2):
        assert (await dispatcher.run_text(delivery("k4"), "/lookup")).text == "looked up"
    assert await deps.storage.dedupe.purge(FAR_FUTURE, dt.timedelta(0)) == 0  # no record
    sneaky = await dispatcher.run_text(delivery("k5"), "/lookup sneaky")
    assert sneaky.text.startswith(INCIDENT_MESSAGE.split("{", 1)[0])
    assert await deps.storage.audit.recent_refusals(10, EVERYONE) == []
