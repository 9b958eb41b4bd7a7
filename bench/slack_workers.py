"""Slack over HTTP with one worker, then two (SLACK_WORKERS=2), in one run.

The bot runs as deployed: `main.py run` (pacing, metrics, the retry dedupe in the database
and all), on the real EFF Atlas export from ../shared/data. Signed `/ring lookup <city>`
slash commands come from a SEPARATE process at 50 keep-alive connections, each request from
one of 5,000 members (so that no one is paced); auth.test goes to a fake Slack sink in a
third process. The load generator is bench/lean_load.py (plain HTTP on asyncio streams:
see there why), or bench/slack_load.py's aiohttp client with BENCH_WORKERS_LOADER=aiohttp.
The two setups are measured in alternating order over several rounds (the machine is shared)
and the median ratio is printed with its spread. Each line says how many cores the workers,
the load generator and everything else on the machine used: on a small shared machine that,
not the bot, is what caps the ratio.

    .venv/bin/python -m bench slack_workers
    # BENCH_WORKERS_SECONDS=8 a run, BENCH_WORKERS_ROUNDS=2, BENCH_WORKERS_LOADER=lean
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from bench.bench_slack import SECRET, prepare, start_sink
from bench.stats import percentile
from storage.db import Database

SECONDS = float(os.environ.get("BENCH_WORKERS_SECONDS", "8"))
ROUNDS = int(os.environ.get("BENCH_WORKERS_ROUNDS", "2"))
LOADER = os.environ.get("BENCH_WORKERS_LOADER", "lean")
HEALTH_TOKEN = "bench-health-token"
LOADERS = {"lean": ["bench.lean_load"], "aiohttp": ["bench.slack_load", "load"]}
CONCURRENCY = 50
USERS = 5000  # members the requests come from: each well under its pacing rate
TARGET = 1.6
REPO = Path(__file__).parents[1]
START_S = 120.0
TICKS = os.sysconf("SC_CLK_TCK")
COMMANDS = re.compile(r"^counterwatch_commands_total\{([^}]*)\} ([0-9.e+-]+)$", re.MULTILINE)


@dataclass(frozen=True)
class Result:
    rate: float  # requests/s acknowledged with the answer
    p50_ms: float
    p99_ms: float
    server_cores: float  # CPU seconds of the workers per second of load
    loader_cores: float
    machine_cores: float  # every process on the machine, ours included
    split: list[float]  # each worker's share of the commands
    empty_acks: int  # acknowledged without the answer (it followed on response_url)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has been busy (every core, /proc/stat)."""
    ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = ticks[3] + ticks[4]  # idle + iowait
    return (sum(ticks[:8]) - idle) / TICKS


def cpu_seconds(pid: int) -> float:
    """utime + stime of `pid` (Linux /proc), 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


async def worker_counts(base: str, wanted: int) -> dict[int, float]:
    """pid -> commands run, read on one connection per worker (a connection stays with
    the worker that accepted it)."""
    found: dict[int, float] = {}
    while len(found) < wanted:
        connector = aiohttp.TCPConnector(limit=1)
        try:
            bearer = {"Authorization": f"Bearer {HEALTH_TOKEN}"}  # health on the public port
            async with aiohttp.ClientSession(connector=connector, headers=bearer) as session:
                async with session.get(base + "/healthz") as answer:
                    pid = int((await answer.json())["pid"])
                async with session.get(base + "/metrics") as answer:
                    text = await answer.text()
        except aiohttp.ClientError:
            await asyncio.sleep(0.2)  # still starting
            continue
        found[pid] = sum(float(n) for labels, n in COMMANDS.findall(text) if "slack" in labels)
    return found


async def start_bot(workers: int, db_path: str, sink_base: str) -> tuple[Any, str, list[int]]:
    port = free_port()
    env = {
        **os.environ,
        "SLACK_WORKERS": str(workers),
        "COUNTERWATCH_HEALTH_TOKEN": HEALTH_TOKEN,
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": f"{sink_base}/api/",
        "SLACK_PORT": str(port),
        "COUNTERWATCH_DB": db_path,
        "COUNTERWATCH_LOG_LEVEL": "WARNING",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(REPO / "main.py"), "run", env=env, cwd=REPO
    )
    base = f"http://127.0.0.1:{port}"
    pids = await asyncio.wait_for(worker_counts(base, workers), START_S)
    return process, base, sorted(pids)


async def load(base: str, seconds: float, text: str, sink_base: str) -> dict[str, Any]:
    generator = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        *LOADERS[LOADER],
        f"{base}/slack/events",
        SECRET,
        str(seconds),
        str(CONCURRENCY),
        "/ring",
        text,
        sink_base,
        str(USERS),
        stdout=asyncio.subprocess.PIPE,
        cwd=REPO,
    )
    out, _ = await generator.communicate()
    result: dict[str, Any] = json.loads(out)
    return result


async def measure(workers: int, db_path: str, text: str, sink_base: str) -> Result:
    process, base, pids = await start_bot(workers, db_path, sink_base)
    try:
        await load(base, 1.0, text, sink_base)  # warm-up: connections, caches, code paths
        counts_before = await worker_counts(base, workers)
        before = {pid: cpu_seconds(pid) for pid in pids}
        machine = machine_busy_seconds()
        result = await load(base, SECONDS, text, sink_base)
        machine = machine_busy_seconds() - machine
        server_cpu = sum(cpu_seconds(pid) - before[pid] for pid in pids)
        counts = await worker_counts(base, workers)
    finally:
        process.send_signal(signal.SIGTERM)
        await process.wait()
    done = [counts[pid] - counts_before[pid] for pid in sorted(counts)]
    ms = [s * 1000 for s in result["latencies"]]
    return Result(
        rate=result["ok"] / result["seconds"],
        p50_ms=percentile(ms, 50),
        p99_ms=percentile(ms, 99),
        server_cores=server_cpu / result["seconds"],
        loader_cores=result["cpu_seconds"] / result["seconds"],
        machine_cores=machine / result["seconds"],
        split=[n / max(1.0, sum(done)) for n in done],
        empty_acks=result["ok"] - result["inline"],
    )


def line(workers: int, run: Result) -> str:
    split = "/".join(f"{share:.0%}" for share in run.split)
    return (
        f"  {workers} worker{'s' if workers > 1 else ' '}: {run.rate:6.0f} req/s"
        f"  p50={run.p50_ms:6.2f} ms  p99={run.p99_ms:7.2f} ms"
        f"  workers' CPU {run.server_cores / run.rate * 1e6:4.0f} us/req"
        f"  cores used: workers {run.server_cores:4.2f} ({split}),"
        f" load generator {run.loader_cores:4.2f}, whole machine {run.machine_cores:4.2f}"
        + (f"  ({run.empty_acks} answers followed the ack)" if run.empty_acks else "")
    )


async def main() -> None:
    sink, sink_base = await start_sink()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = str(Path(tmp) / "bench.db")
        db = await Database.open(db_path)
        try:
            _, text, what = await prepare(db)
        finally:
            await db.close()
        text = text.removeprefix("lookup ")
        print(f"{what}; {CONCURRENCY} connections ({LOADER} load generator), {SECONDS:.0f} s"
              f" a run, {ROUNDS} rounds, {os.cpu_count()} cores", flush=True)  # fmt: skip
        try:
            ratios = await rounds(db_path, f"lookup {text}", sink_base)
        finally:
            assert sink.stdin is not None
            sink.stdin.close()
            await sink.wait()
    verdict(ratios)


async def rounds(db_path: str, text: str, sink_base: str) -> list[float]:
    ratios = []
    for round_no in range(1, ROUNDS + 1):
        print(f"-- round {round_no}", flush=True)
        order = (1, 2) if round_no % 2 else (2, 1)  # alternate: background drift evens out
        runs: dict[int, Result] = {}
        for workers in order:
            runs[workers] = await measure(workers, db_path, text, sink_base)
            print(line(workers, runs[workers]), flush=True)
        ratios.append(runs[2].rate / runs[1].rate)
        print(f"  two workers / one: {ratios[-1]:.2f}x", flush=True)
    return ratios


def verdict(ratios: list[float]) -> None:
    median = statistics.median(ratios)
    spread = ", ".join(f"{r:.2f}x" for r in ratios)
    meets = "meets" if median >= TARGET else "MISSES"
    print(f"SLACK_WORKERS=2 serves {median:.2f}x the requests/s of one worker"
          f" (median of {len(ratios)} rounds: {spread}); {meets} the {TARGET}x target")  # fmt: skip
