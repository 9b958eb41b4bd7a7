"""Sign-ups on PostgreSQL: the stack in one and in two processes, beside a naive baseline
and the server's limit, in one run, on a throwaway cluster (testkit/pg_cluster.py: fsync on,
synchronous_commit on, shared_buffers 16MB, on this machine's disk).

Every line writes N sign-ups of distinct members to one campaign, in a fresh database
cloned from a migrated template; a sign-up is acknowledged when its await returns, which
is after its COMMIT:
- stack/1 process: one bot process (bench/pg_signup_child.py, the same program as below)
  with MEMBERS members in flight, `/campaign join` through Dispatcher.run_options on
  PgDatabase (group commit on one writer connection).
- stack/2 processes: two such processes, N/2 sign-ups and MEMBERS/2 members in flight each
  (the same total), started together, timed from a common start signal to the last ack.
- naive/pool, naive/sequential, limit/copy: see bench/pg_signup_baselines.py.
Beside each line, who spent the CPU (from /proc): the bot (or client) processes, the
server's processes, and how busy the machine's cores were (other work included). The set
runs ROUNDS times in a rotated order; ratios are taken within a round.

Run: .venv/bin/python -m bench pg_signups
     (PG_SIGNUPS_BENCH_N, default 5000; PG_SIGNUPS_BENCH_MEMBERS, default 200;
      PG_SIGNUPS_BENCH_ROUNDS, default 2)
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path

from bench.pg_server import throwaway_cluster
from bench.pg_signup_baselines import (
    POOL_SIZE,
    Line,
    copy_limit,
    count_signups,
    naive_pool,
    naive_sequential,
)
from bench.pg_signup_child import make_campaign
from bench.proc_cpu import postmaster_pid, snapshot, spent
from bench.stats import percentile
from testkit.pg_cluster import PgCluster, TestDatabases

SIGNUPS = int(os.environ.get("PG_SIGNUPS_BENCH_N", "5000"))
MEMBERS = int(os.environ.get("PG_SIGNUPS_BENCH_MEMBERS", "200"))
ROUNDS = int(os.environ.get("PG_SIGNUPS_BENCH_ROUNDS", "2"))
SEQUENTIAL_SIGNUPS = min(SIGNUPS, 1000)  # one commit each, one after another: slow
ROOT = Path(__file__).resolve().parents[1]
# A server backend exits a moment after its connection closed, and only then is its CPU
# added to the postmaster's children's total: waited for before and after each line.
SETTLE_S = 0.3
LABELS = {
    "stack/1": "stack, 1 process",
    "stack/2": "stack, 2 processes",
    "naive/pool": f"naive, pool of {POOL_SIZE}",
    "naive/sequential": "naive, sequential",
    "limit/copy": "limit: one COPY",
}


async def start_child(url: str, first: int, count: int, members: int) -> asyncio.subprocess.Process:
    """A bot process of bench/pg_signup_child.py, returned once it says `ready`."""
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench.pg_signup_child", url, str(first), str(count), str(members),
        cwd=ROOT, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert child.stdout is not None
    line = await child.stdout.readline()
    if line.strip() != b"ready":
        raise RuntimeError(f"the child did not start: {line!r}")
    return child


@dataclass(frozen=True)
class ChildResult:
    start: float  # time.monotonic(), the same clock in every process
    end: float
    latencies: list[float]
    commits: int
    cpu: float


async def finish_child(child: asyncio.subprocess.Process) -> ChildResult:
    assert child.stdout is not None
    output = await child.stdout.read()  # one JSON line, longer than readline's limit
    if await child.wait() != 0 or not output:
        raise RuntimeError(f"a child failed (exit {child.returncode})")
    return ChildResult(**json.loads(output))


async def stack(url: str, processes: int, postmaster: int) -> Line:
    """`processes` bot processes sharing SIGNUPS sign-ups and MEMBERS members in flight."""
    await make_campaign(url)
    share = SIGNUPS // processes
    children = [
        await start_child(url, p * share, share, MEMBERS // processes) for p in range(processes)
    ]
    before = snapshot(postmaster)
    go = time.monotonic()
    for child in children:
        assert child.stdin is not None
        child.stdin.write(b"go\n")
        await child.stdin.drain()
    results = await asyncio.gather(*(finish_child(c) for c in children))
    await asyncio.sleep(SETTLE_S)  # the children's backends exit after them
    cpu = spent(before, snapshot(postmaster))
    return Line(
        f"stack/{processes}",
        share * processes,
        max(r.end for r in results) - go,
        [s for r in results for s in r.latencies],
        sum(r.commits for r in results),
        bot_cpu=sum(r.cpu for r in results),
        server_cpu=cpu.server,
        machine_busy=cpu.machine_busy,
        processes=processes,
        notes=[f"last start {max(r.start for r in results) - go:.3f} s after the signal"],
    )


async def measured(postmaster: int, run: Callable[[], Awaitable[Line]]) -> Line:
    await asyncio.sleep(SETTLE_S)  # the set-up's backends (CREATE DATABASE) are gone
    before = snapshot(postmaster)
    line = await run()
    await asyncio.sleep(SETTLE_S)  # and the line's own backends, so that theirs counts
    cpu = spent(before, snapshot(postmaster))
    return replace(line, server_cpu=cpu.server, machine_busy=cpu.machine_busy)


async def run_line(key: str, url: str, postmaster: int) -> Line:
    if key.startswith("stack/"):
        return await stack(url, int(key.split("/")[1]), postmaster)
    runs: dict[str, Callable[[], Awaitable[Line]]] = {
        "naive/pool": lambda: naive_pool(url, SIGNUPS, MEMBERS),
        "naive/sequential": lambda: naive_sequential(url, SEQUENTIAL_SIGNUPS),
        "limit/copy": lambda: copy_limit(url, SIGNUPS),
    }
    return await measured(postmaster, runs[key])


def ms(line: Line, pct: float) -> float:
    return percentile([s * 1000 for s in line.latencies], pct)


def cores(line: Line) -> float:
    """How many cores the line itself kept busy (bot and server), out of os.cpu_count()."""
    return (line.bot_cpu + line.server_cpu) / line.seconds


def print_table(lines: dict[str, Line]) -> None:
    print(
        f"  {'line':22s} {'sign-ups':>8s} {'per s':>8s} {'p50 ms':>8s} {'p99 ms':>8s}"
        f" {'commits':>7s} {'bot CPU':>8s} {'server CPU':>10s} {'cores':>5s} {'busy':>5s}"
    )
    for key, line in lines.items():
        print(
            f"  {LABELS[key]:22s} {line.count:8,} {line.rate:8,.0f} {ms(line, 50):8.2f}"
            f" {ms(line, 99):8.2f} {line.commits:7,} {line.bot_cpu / line.count * 1e6:6.0f}µs"
            f" {line.server_cpu / line.count * 1e6:8.0f}µs {cores(line):5.2f}"
            f" {line.machine_busy:5.0%}" + (f"  ({'; '.join(line.notes)})" if line.notes else "")
        )


def ratios(lines: dict[str, Line]) -> dict[str, float]:
    one, two = lines["stack/1"].rate, lines["stack/2"].rate
    return {
        "stack/2 vs stack/1           (target >= 1.6x)": two / one,
        "stack/1 vs naive/pool        (target >= 5x)": one / lines["naive/pool"].rate,
        "stack/2 vs naive/pool": two / lines["naive/pool"].rate,
        "stack/1 vs naive/sequential": one / lines["naive/sequential"].rate,
        "stack/1 vs limit/copy": one / lines["limit/copy"].rate,
    }


def spread(values: list[float]) -> str:
    middle = statistics.median(values)
    return f"median {middle:9.2f}  [min {min(values):.2f}, max {max(values):.2f}]"


def header(cluster: PgCluster) -> None:
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(
        f"{SIGNUPS:,} sign-ups per line ({SEQUENTIAL_SIGNUPS:,} for naive/sequential),"
        f" {MEMBERS} members in flight (split between the processes), {ROUNDS} rounds;"
        f" throwaway PostgreSQL cluster on 127.0.0.1:{cluster.port} (fsync on,"
        f" synchronous_commit on, shared_buffers 16MB); {os.cpu_count()} cores,"
        f" load average {' '.join(load)} at start"
    )
    print(
        "  bot CPU: the bot (or client) processes' CPU per sign-up; server CPU: the"
        " PostgreSQL processes'; cores: the cores both kept busy; busy: share of all"
        " cores busy meanwhile (anyone's work)"
    )


async def main() -> None:
    cluster = throwaway_cluster()
    if cluster is None:
        return
    try:
        databases = TestDatabases(cluster)
        databases.prepare_template()
        postmaster = postmaster_pid(cluster.data_dir)
        header(cluster)
        await run_rounds(databases, postmaster)
    finally:
        cluster.stop()


async def run_rounds(databases: TestDatabases, postmaster: int) -> None:
    keys = list(LABELS)
    summary: dict[str, list[float]] = {}
    rates: dict[str, list[float]] = {key: [] for key in keys}
    for round_no in range(ROUNDS):
        order = keys[round_no % len(keys) :] + keys[: round_no % len(keys)]
        lines: dict[str, Line] = {}
        for key in order:
            url = databases.create()
            try:
                lines[key] = await run_line(key, url, postmaster)
                stored = await count_signups(url)
                assert stored == lines[key].count, (key, stored)
            finally:
                databases.drop(url)
        print(f"round {round_no + 1} (order: {', '.join(order)})")
        print_table({key: lines[key] for key in keys})
        for key in keys:
            rates[key].append(lines[key].rate)
        for name, value in ratios(lines).items():
            print(f"    {name}: {value:.2f}")
            summary.setdefault(name, []).append(value)
    print(f"summary over {ROUNDS} rounds (ratios taken within each round):")
    for key in keys:
        print(f"  {LABELS[key]:22s} sign-ups/s {spread(rates[key])}")
    for name, values in summary.items():
        print(f"  {name}: {spread(values)}")
