"""Sign-ups per second and acknowledgement latency, the stack beside its baselines.

Every line writes sign-ups into its own file in a temp dir, WAL + synchronous=FULL, and
(except the limit) has 100 concurrent members, each sign-up acknowledged when its await
returns, which for the stack and the naive lines is after its COMMIT:
- stack/options: `/campaign join` through Dispatcher.run_options, the entry point of the
  Discord adapter (options arrive split): option checks, role, handler, group commit.
- stack/text: the same through Dispatcher.run_text, as Slack and the console call it
  (the line is tokenized and parsed first).
- storage: no dispatcher: each member calls CampaignStore.join (the handler's write)
  directly, so the storage strategy can be compared with the naive storage pattern.
- naive-literal: the issue's naive pattern as usually written: each member's own INSERT
  then `await conn.commit()` on one shared aiosqlite connection (implicit transactions).
  This groups by accident (see bench/signup_baselines.py): its commit count is printed.
- naive-own: the same with one transaction per sign-up enforced (a lock around each
  INSERT + COMMIT pair): one fsync per sign-up. Fewer sign-ups, it is slow.
- limit: plain sqlite3, 1,000 rows per commit (executemany), one thread, no members.
The whole set runs ROUNDS times, in a rotated order, each round on fresh files; ratios are
taken within a round (adjacent in time on a shared, noisy machine), then summarized.

Run: .venv/bin/python -m bench signups
     (SIGNUPS_BENCH_N: sign-ups per line, default 5000; SIGNUPS_BENCH_ROUNDS, default 3)
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

from bench.clock import NOW
from bench.signup_baselines import LIMIT_BATCH, MEMBERS, Result, limit, naive, run_members
from bench.stats import describe_ms, percentile
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Role
from bot.core.settings import Settings
from commands import build_registry
from storage.campaigns.models import JoinStatus, Member
from storage.db import Database
from wiring import wire_deps

SIGNUPS = int(os.environ.get("SIGNUPS_BENCH_N", "5000"))
ROUNDS = int(os.environ.get("SIGNUPS_BENCH_ROUNDS", "3"))
NAIVE_OWN_SIGNUPS = min(SIGNUPS, 1000)  # one fsync each
LABELS = {
    "stack/options": "stack, Dispatcher.run_options (Discord's entry point) + group commit",
    "stack/text": "stack, Dispatcher.run_text (Slack's and the console's) + group commit",
    "storage": "storage strategy alone: CampaignStore.join, no dispatcher",
    "naive-literal": "naive as the issue words it: own INSERT + await commit(), shared conn",
    "naive-own": "naive, one transaction per sign-up (INSERT + COMMIT under a lock)",
    "limit": f"limit: plain sqlite3, {LIMIT_BATCH:,} rows per commit",
}


def member(i: int, role: Role = Role.MEMBER) -> Identity:
    return Identity("bench", "W1", f"u{i}", f"Member {i}", role)


async def stack(path: Path, key: str) -> Result:
    db = await Database.open(path)
    try:
        deps = await wire_deps(db, Settings(db_path=str(path)), lambda: NOW)
        dispatcher = Dispatcher(build_registry(), deps)
        made = await dispatcher.run_text(member(0, Role.ORGANIZER), "/campaign create bench B")
        assert not made.error, made.text
        command = dispatcher.registry.get(("campaign", "join"))
        assert command is not None
        campaign = await deps.storage.campaigns.find("W1", "bench")
        assert campaign is not None
        today, stamp = NOW.date().isoformat(), NOW.strftime("%Y-%m-%dT%H:%M:%SZ")

        async def by_options(i: int) -> None:
            reply = await dispatcher.run_options(member(i), command, {"slug": "bench"})
            if reply.error:
                raise RuntimeError(reply.text)

        async def by_text(i: int) -> None:
            reply = await dispatcher.run_text(member(i), "/campaign join bench")
            if reply.error:
                raise RuntimeError(reply.text)

        async def by_storage(i: int) -> None:
            who = Member("bench", f"u{i}", f"Member {i}")
            outcome = await deps.storage.campaigns.join(campaign.id, who, stamp, today)
            if outcome.status is not JoinStatus.JOINED:
                raise RuntimeError(outcome)

        signup: dict[str, Callable[[int], Awaitable[None]]] = {
            "stack/options": by_options,
            "stack/text": by_text,
            "storage": by_storage,
        }
        commits_before = db.commits
        seconds, latencies = await run_members(SIGNUPS, signup[key])
        row = await db.fetchone("SELECT count(*) FROM signups")
        assert row is not None and row[0] == SIGNUPS
        return Result(key, SIGNUPS, seconds, latencies, db.commits - commits_before)
    finally:
        await db.close()


async def run_one(key: str, directory: Path) -> Result:
    path = directory / f"{key.replace('/', '-')}.db"
    cpu = time.process_time()  # includes set-up (open, migrations): small beside 5,000 writes
    if key.startswith("stack") or key == "storage":
        result = await stack(path, key)
    elif key == "naive-literal":
        result = await naive(path, SIGNUPS, own_transaction=False)
    elif key == "naive-own":
        result = await naive(path, NAIVE_OWN_SIGNUPS, own_transaction=True)
    else:
        result = limit(path, SIGNUPS)
    return replace(result, cpu=time.process_time() - cpu)


def show(result: Result) -> None:
    per_commit = result.count / max(result.commits, 1)
    print(f"  {LABELS[result.key]}")
    what = "commit of 1,000" if result.key == "limit" else "ack latency"
    print(
        f"    {result.rate:10,.0f} sign-ups/s  {result.cpu / result.count * 1e6:5.1f} µs CPU each"
        f"  {result.commits:5,} commits ({per_commit:.1f} per commit)"
    )
    print(f"    {describe_ms(what, result.latencies)}")


def p99_ms(result: Result) -> float:
    return percentile([s * 1000 for s in result.latencies], 99)


def ratios(r: dict[str, Result]) -> dict[str, float]:
    stack_rate = r["stack/options"].rate
    return {
        "stack/options vs naive-literal (target >= 2.5x)": stack_rate / r["naive-literal"].rate,
        "stack/options vs naive-own     (target >= 2.5x)": stack_rate / r["naive-own"].rate,
        "stack/options vs limit         (target >= 0.30)": stack_rate / r["limit"].rate,
        "storage       vs naive-literal": r["storage"].rate / r["naive-literal"].rate,
        "storage       vs limit": r["storage"].rate / r["limit"].rate,
        "stack/options p99 ms           (target < 50)": p99_ms(r["stack/options"]),
    }


def spread(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):8.2f}  [min {min(values):.2f}, max {max(values):.2f}]"
    )


async def main() -> None:
    print(
        f"{SIGNUPS:,} sign-ups per line ({NAIVE_OWN_SIGNUPS:,} for naive-own), {MEMBERS}"
        f" concurrent members, WAL + synchronous=FULL, temp files, {ROUNDS} rounds"
    )
    keys = list(LABELS)
    summary: dict[str, list[float]] = {}
    rates: dict[str, list[float]] = {key: [] for key in keys}
    cpu: dict[str, list[float]] = {key: [] for key in keys}
    for round_no in range(ROUNDS):
        order = keys[round_no % len(keys) :] + keys[: round_no % len(keys)]
        with tempfile.TemporaryDirectory(prefix="cw-bench-") as tmp:
            results = {key: await run_one(key, Path(tmp)) for key in order}
        print(f"round {round_no + 1} (order: {', '.join(order)})")
        for key in keys:
            show(results[key])
            rates[key].append(results[key].rate)
            cpu[key].append(results[key].cpu / results[key].count * 1e6)
        for name, value in ratios(results).items():
            print(f"    {name}: {value:.2f}")
            summary.setdefault(name, []).append(value)
    print(f"summary over {ROUNDS} rounds (ratios taken within each round):")
    for key in keys:
        print(f"  {key:14s} sign-ups/s {spread(rates[key])}")
        print(f"  {'':14s} µs CPU each {spread(cpu[key])}")
    for name, values in summary.items():
        print(f"  {name}: {spread(values)}")
