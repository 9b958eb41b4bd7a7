"""1,000 button joins on one campaign card, in flight at once, over the wire.

Everything is real but Discord: unmodified discord.py against the fake Discord on
127.0.0.1 (gateway INTERACTION_CREATE for each press, REST callback for each answer), the
dispatcher, SQLite with its group-committed writer, and the card refresher running as main
runs it (CARD_EDIT_EVERY, its poll), on a clock that moves with real time.

Figures: time from a press sent on the gateway to its private confirmation received on
REST (p50/p99/max; all within Discord's 3 s?), and the number of card edits (PATCH of the
card's message) the paced refresher made for the 1,000 joins. Baseline, in the same run:
a second card whose joins each trigger their own edit at once (what a naive implementation
does), with its confirmation times and edit count. Two rounds, alternated, as the first
burst of a process is also its warm-up.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

from bench.clock import NOW
from bench.stats import describe_ms
from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.settings import Settings
from bot.platforms.discord import run_discord
from commands import build_registry
from commands.campaigns.cards import current_card
from notifications.cards import CARD_EDIT_EVERY, POLL_SECONDS, run_card_refresher
from storage.db import Database
from testkit.fake_discord import FakeDiscord, Invoker, Received, payloads
from wiring import wire_deps

JOINS = 1000
ROUNDS = 2
DEADLINE_S = 3.0
DEFERRED = 5
ORGANIZER = Invoker(user_id="600000000000000002", roles=(payloads.ORGANIZER_ROLE_ID,))


def member(card: int, n: int) -> Invoker:
    return Invoker(user_id=f"6{card}{n:016d}", name=f"member{n}")


async def confirmation(fake: FakeDiscord, sent: dict[str, object]) -> Received:
    """The private answer: the callback itself, or the follow-up after a deferral."""
    callback = await fake.callback(sent)  # type: ignore[arg-type]
    if callback.body.get("type") == DEFERRED:
        return await fake.followup(sent)  # type: ignore[arg-type]
    return callback


async def post_card(fake: FakeDiscord, deps: Deps, slug: str) -> str:
    values = {"slug": slug, "title": f"Card {slug}", "goal": JOINS}
    await fake.callback(await fake.send_interaction("/campaign create", values, ORGANIZER))
    posted = await fake.send_interaction("/campaign post", {"slug": slug}, ORGANIZER)
    await fake.callback(posted)
    card_id = fake.response_message_ids[posted["id"]]
    campaign = await deps.storage.campaigns.find(payloads.GUILD_ID, slug)
    assert campaign is not None
    while not await deps.storage.cards.of_campaign(campaign.id):  # remembered just after
        await asyncio.sleep(0.01)
    return card_id


OnConfirmed = Callable[[], Awaitable[None]]


async def press_all(
    fake: FakeDiscord, card_id: str, slug: str, card: int, on_confirmed: OnConfirmed | None
) -> list[float]:
    """JOINS presses of Join sent back to back; every confirmation collected."""
    message = fake.messages[card_id]
    custom_id = f"cw:/campaign join {slug}"

    async def one(n: int, started: float, sent: dict[str, object]) -> float:
        answer = await confirmation(fake, sent)
        if on_confirmed is not None:
            await on_confirmed()
        return answer.at - started

    waiting = []
    for n in range(JOINS):
        started = time.perf_counter()
        sent = await fake.click(message, custom_id, member(card, n))
        waiting.append(one(n, started, sent))
    return list(await asyncio.gather(*waiting))


async def shows(fake: FakeDiscord, card_id: str, text: str, timeout: float) -> float:
    """Seconds until the card (as the fake holds it) shows `text`."""
    started = time.perf_counter()
    async with asyncio.timeout(timeout):
        while text not in str(fake.messages[card_id]["embeds"]):
            await asyncio.sleep(0.05)
    return time.perf_counter() - started


def report(label: str, samples: list[float], edits: int, settle_s: float) -> None:
    late = sum(s > DEADLINE_S for s in samples)
    print(describe_ms(f"{label}: press -> private confirmation", samples))
    print(
        f"  {len(samples)}/{JOINS} confirmed, {late} after {DEADLINE_S:.0f} s"
        f" (max {max(samples):.2f} s); card edits: {edits};"
        f" the card showed {JOINS:,} {settle_s:.1f} s after the last confirmation"
    )


async def paced(fake: FakeDiscord, deps: Deps, run: int) -> None:
    slug = f"paced-{run}"
    card_id = await post_card(fake, deps, slug)
    t0 = time.monotonic()
    moving = replace(deps, clock=lambda: NOW + dt.timedelta(seconds=time.monotonic() - t0))
    stop = asyncio.Event()
    refresher = asyncio.create_task(run_card_refresher(moving, stop, current_card))
    samples = await press_all(fake, card_id, slug, 2 * run + 1, None)
    settle = await shows(fake, card_id, f"({JOINS:,} of {JOINS:,})", 60)
    stop.set()
    await refresher
    every = CARD_EDIT_EVERY.total_seconds()
    label = f"paced (at most one edit per {every:.0f} s, poll {POLL_SECONDS:.0f} s)"
    report(label, samples, len(fake.edits_of(card_id)), settle)


async def naive(fake: FakeDiscord, deps: Deps, run: int) -> None:
    """Baseline: every confirmed join edits the card at once."""
    slug = f"naive-{run}"
    card_id = await post_card(fake, deps, slug)
    campaign = await deps.storage.campaigns.find(payloads.GUILD_ID, slug)
    editor = deps.messengers.editor("discord")
    assert campaign is not None and editor is not None
    edits: set[asyncio.Task[None]] = set()

    async def edit_now() -> None:
        [posted] = await deps.storage.cards.of_campaign(campaign.id)
        card = await current_card(deps, posted)
        assert card is not None
        await editor.edit_card(payloads.GUILD_ID, payloads.CHANNEL_ID, card_id, card)

    async def on_confirmed() -> None:  # the edit runs beside the answer, as it would
        edits.add(asyncio.create_task(edit_now()))

    samples = await press_all(fake, card_id, slug, 2 * run + 2, on_confirmed)
    started = time.perf_counter()
    await asyncio.gather(*edits)
    settle = time.perf_counter() - started
    report("baseline: one edit per join", samples, len(fake.edits_of(card_id)), settle)


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(Path(tmp) / "bench.db")
        fake = FakeDiscord()
        await fake.start()
        settings = Settings(
            db_path=str(Path(tmp) / "bench.db"),
            discord_token="bench-token",
            discord_api_base=fake.api_base,
            discord_guild_id=payloads.GUILD_ID,
            discord_organizer_role_ids=frozenset({payloads.ORGANIZER_ROLE_ID}),
        )
        deps = await wire_deps(db, settings, lambda: NOW)
        stop = asyncio.Event()
        bot = asyncio.create_task(run_discord(Dispatcher(build_registry(), deps), stop))
        try:
            await asyncio.wait_for(fake.gateway.connected.wait(), 30)
            print(f"{JOINS} Join presses on one card, sent back to back over the fake gateway")
            for run in range(ROUNDS):  # alternated: the first burst also warms everything up
                print(f"-- round {run + 1} of {ROUNDS}")
                await naive(fake, deps, run)
                await paced(fake, deps, run)
        finally:
            stop.set()
            await bot
            await fake.close()
            await db.close()
