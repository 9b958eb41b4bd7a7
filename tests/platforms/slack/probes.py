"""Test-only commands added to the real registry, to exercise what no feature does yet
(a crash, a file, a modal form, a slow command) without touching commands/."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.models import Field, Reply, ReplyFile, Role
from bot.core.registry import AutocompleteContext, Choice, Command, Option, OptionType, Registry
from storage.audit.models import Author

CITIES = ("Greenfield, WI", "Green Bay, WI", "Springfield, IL", "AT&T Park <SF>")


@dataclass
class ProbeState:
    effects: Counter[str] = field(default_factory=Counter)
    slow_started: asyncio.Event = field(default_factory=asyncio.Event)
    slow_release: asyncio.Event = field(default_factory=asyncio.Event)


def add_probe_commands(registry: Registry, state: ProbeState) -> None:
    # Declared as Commands by hand (the registry's low-level form): each handler takes the
    # Ctx and its options by keyword, as the dispatcher passes them.
    async def echo(ctx: Ctx, words: str) -> Reply:
        return Reply(title=words, text=f"You said: {words}", fields=(Field(words, words),))

    async def boom(ctx: Ctx) -> Reply:
        raise RuntimeError("a bug in a handler")

    async def count(ctx: Ctx, key: str) -> Reply:
        state.effects[key] += 1
        return Reply(text=f"counted {key}")

    async def write(ctx: Ctx, key: str) -> Reply:
        # A real database write (a row each time, never merged): the effect that a replay
        # record rides on. Counted only once it committed.
        who = Author(ctx.platform, ctx.workspace, ctx.user_id, "probe")
        await ctx.deps.storage.audit.record_refusal(who, ctx.deps.clock(), "probe write")
        state.effects[key] += 1
        return Reply(text=f"wrote {key}")

    async def admin_only(ctx: Ctx) -> Reply:
        return Reply(text="admin door opened")

    async def letter(ctx: Ctx) -> Reply:
        content = b"Dear council, <!channel> please act."
        return Reply(text="Your letter is attached.", file=ReplyFile("letter.txt", content))

    async def export(ctx: Ctx) -> Reply:
        return Reply(text="Sign-ups attached.", file=ReplyFile("signups.csv", b"name\nA\n"))

    async def long(ctx: Ctx) -> Reply:
        return Reply(title="Long", text="\n".join(f"line {n} of a long answer" for n in range(400)))

    async def form(ctx: Ctx, city: str, kind: str, goal: int, ends: object = None) -> Reply:
        state.effects["form"] += 1
        return Reply(text=f"form ok: {city} / {kind} / {goal}")

    async def slow(ctx: Ctx) -> Reply:
        state.slow_started.set()
        await state.slow_release.wait()
        state.effects["slow"] += 1
        return Reply(text="slow done")

    async def cities(deps: Deps, ctx: AutocompleteContext, typed: str) -> list[Choice]:
        return [Choice(c, c) for c in CITIES if typed.lower() in c.lower()]

    words = Option("words", "anything", greedy=True, max_length=500)
    registry.add_autocomplete("probe-city", cities)
    registry.add_all(
        [
            Command(("probe", "echo"), "Echo words", echo, options=(words,)),
            Command(("probe", "boom"), "Crash", boom),
            Command(("probe", "count"), "Count an effect", count, options=(Option("key", "k"),)),
            Command(("probe", "write"), "Write a row", write, options=(Option("key", "k"),)),
            Command(("probe", "admin"), "Admins only", admin_only, role=Role.ADMIN),
            Command(("probe", "letter"), "A public file", letter),
            Command(("probe", "export"), "A private file", export, private=True),
            Command(("probe", "long"), "A long reply", long),
            Command(("probe", "slow"), "Waits for the test", slow),
            Command(
                ("probe", "form"),
                "A form with many values",
                form,
                role=Role.ORGANIZER,
                options=(
                    Option("city", "Your city", autocomplete="probe-city"),
                    Option("kind", "What kind", choices=("ring", "flock")),
                    Option("goal", "How many", type=OptionType.INTEGER, min_value=1),
                    Option("ends", "End date", type=OptionType.DATE, required=False),
                ),
            ),
        ]
    )
