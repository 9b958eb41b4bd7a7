"""The real bot (run_discord, unmodified discord.py) against the fake Discord on 127.0.0.1.

The registry is the production one plus a `probe` group of test-only commands
that exercise what no production command may do on demand (be slow, crash,
answer at length, take a file).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.errors import UserError
from bot.core.models import Attachment, Field, Reply, ReplyFile, Role
from bot.core.registry import AutocompleteContext, Choice, Command, Option, OptionType, Registry
from bot.core.settings import Settings
from bot.platforms.discord import run_discord
from bot.platforms.discord.handling import Gate
from commands import build_registry
from commands.admin.refusals import refusal_recorder
from testkit.fake_discord import FakeDiscord, payloads

LONG_LINES = 400  # "line NNN: ..." x 400 is far beyond 2,000 characters


@dataclass
class RunningBot:
    fake: FakeDiscord
    dispatcher: Dispatcher
    stop: asyncio.Event
    task: asyncio.Task[None]
    slow_release: asyncio.Event
    gate: Gate


def probe_commands(slow_release: asyncio.Event) -> list[Command]:
    # Declared as Commands by hand (the registry's low-level form): each handler takes the
    # Ctx and its options by keyword, as the dispatcher passes them.
    async def echo(ctx: Ctx, words: str, n: int | None = None) -> Reply:
        return Reply(text=f"You said: {words}")

    async def slow(ctx: Ctx) -> Reply:
        await slow_release.wait()
        return Reply(text="slow work done")

    async def sluggish(ctx: Ctx, fail: int | None = None) -> Reply:
        await slow_release.wait()  # not declared slow: the adapter must defer on its own
        if fail:
            raise UserError("That did not work.")
        return Reply(text="got there")

    async def boom(ctx: Ctx) -> Reply:
        raise RuntimeError("handler bug")

    async def long(ctx: Ctx, fields: int | None = None) -> Reply:
        lines = [f"line {i:03d}: partnership record with its source" for i in range(LONG_LINES)]
        if fields:
            many = tuple(Field(f"field {i}", "value " * 10) for i in range(30))
            return Reply(title="Long", text="\n".join(lines[:40]), fields=many)
        return Reply(title="Long", text="\n".join(lines))

    async def upload(ctx: Ctx, file: Attachment | None = None) -> Reply:
        if file is None:
            raise UserError("no file")
        got = file
        content = got.content.decode()
        return Reply(
            text=f"{got.filename}: {len(got.content)} bytes",
            file=ReplyFile("echo.csv", content.upper().encode(), "text/csv"),
            private=True,
        )

    async def organize(ctx: Ctx) -> Reply:
        return Reply(text="organizer work")

    async def wipe(ctx: Ctx) -> Reply:
        return Reply(text="admin work")

    async def markup(ctx: Ctx, text: str, shape: str = "message") -> Reply:
        """User text (markdown and all) as a message, an embed or a preview plus a file."""
        if shape == "embed":
            first = text.split("\n", 1)[0]
            return Reply(title=first, text=text, fields=(Field(first, text),))
        if shape == "file":
            return Reply(text="\n".join([text] * 40))
        return Reply(text=text)

    words = Option(
        "words", "What to echo back", max_length=300, greedy=True, autocomplete="probe-many"
    )
    text = Option("text", "Text with markdown", max_length=1000, multiline=True)
    shape = Option("shape", "How to answer", required=False, choices=("message", "embed", "file"))
    number = Option("n", "A number", OptionType.INTEGER, required=False, min_value=1, max_value=9)
    return [
        Command(("probe", "echo"), "Echo words back", echo, options=(words, number)),
        Command(("probe", "slow"), "Take a while", slow, slow=True, private=True),
        Command(
            ("probe", "sluggish"),
            "Slower than it admits",
            sluggish,
            options=(Option("fail", "Fail at the end", OptionType.INTEGER, required=False),),
        ),
        Command(("probe", "boom"), "Raise", boom),
        Command(
            ("probe", "long"),
            "Answer at length",
            long,
            options=(Option("fields", "Add fields", OptionType.INTEGER, required=False),),
        ),
        Command(
            ("probe", "upload"),
            "Take a file",
            upload,
            options=(Option("file", "A CSV", OptionType.ATTACHMENT),),
        ),
        Command(("probe", "markup"), "Show text as typed", markup, options=(text, shape)),
        Command(("probe", "markup-later"), "Same, deferred", markup, options=(text,), slow=True),
        Command(("probe", "organize"), "Organizers only", organize, role=Role.ORGANIZER),
        Command(("probe", "wipe"), "Admins only", wipe, role=Role.ADMIN),
    ]


async def many_suggestions(deps: Deps, ctx: AutocompleteContext, typed: str) -> list[Choice]:
    """More suggestions than Discord takes, some with values Discord would refuse."""
    many = [Choice(f"{typed} option {i}", f"{typed}-{i}") for i in range(40)]
    return [Choice("too long", "x" * 150), *many]


def registry_with_probes(slow_release: asyncio.Event) -> Registry:
    registry = build_registry()
    registry.add_all(probe_commands(slow_release))
    registry.add_autocomplete("probe-many", many_suggestions)
    return registry


def discord_settings(fake: FakeDiscord, tmp_path: Path, guild: bool = True) -> Settings:
    return Settings(
        db_path=str(tmp_path / "discord.db"),
        discord_token="fake-token",
        discord_api_base=fake.api_base,
        discord_guild_id=payloads.GUILD_ID if guild else "",
        discord_admin_role_ids=frozenset({payloads.ADMIN_ROLE_ID}),
        discord_organizer_role_ids=frozenset({payloads.ORGANIZER_ROLE_ID}),
        # The fake's guild is the operator's home: its admins change the shared facts.
        discord_home_guild_ids=frozenset({payloads.GUILD_ID}),
        # The fake gateway has no IDENTIFY limit (a reconnect need not wait Discord's 5 s)
        # and sends every guild at once (no need to wait 2 s for more before ready).
        discord_identify_pause_s=0.05,
        discord_guild_ready_timeout_s=0.05,
    )


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
    await server.start()
    try:
        yield server
    finally:
        await server.close()


@contextlib.asynccontextmanager
async def running_bot(
    fake: FakeDiscord,
    deps: Deps,
    tmp_path: Path,
    *,
    guild: bool = True,
    extra: tuple[Command, ...] = (),
    **settings: Any,
) -> AsyncIterator[RunningBot]:
    """run_discord against `fake` until the block ends; `guild=False` syncs globally,
    `extra` commands join the registry, `settings` override discord_settings'."""
    slow_release = asyncio.Event()
    deps = replace(
        deps, settings=replace(discord_settings(fake, tmp_path, guild=guild), **settings)
    )
    registry = registry_with_probes(slow_release)
    registry.add_all(extra)
    # Refused attempts are recorded, as wiring.py does for the running bot.
    dispatcher = Dispatcher(registry, deps, on_refusal=refusal_recorder(deps))
    stop = asyncio.Event()
    gate = Gate()
    fake.gateway.connected.clear()
    task = asyncio.create_task(run_discord(dispatcher, stop, gate=gate))
    running = RunningBot(fake, dispatcher, stop, task, slow_release, gate)
    connected = asyncio.create_task(fake.gateway.connected.wait())
    await asyncio.wait({task, connected}, timeout=15, return_when=asyncio.FIRST_COMPLETED)
    connected.cancel()
    if task.done():
        task.result()  # startup failed: show why
    assert fake.gateway.connected.is_set(), "the bot never completed IDENTIFY"
    try:
        yield running
    finally:
        slow_release.set()
        stop.set()
        await asyncio.wait_for(task, 15)


@pytest.fixture
async def bot(fake: FakeDiscord, deps: Deps, tmp_path: Path) -> AsyncIterator[RunningBot]:
    async with running_bot(fake, deps, tmp_path) as running:
        yield running
