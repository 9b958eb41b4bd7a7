"""Start-up time and peak memory of one bot process on SQLite beside PostgreSQL.

"Ready" here is the console answering `main.py ask "/ring lookup Greenfield, WI"`: the
process started Python, imported the bot, opened the database (SQLite: the file; PostgreSQL:
the writer connection, a read pool and the LISTEN connection, migrations checked under
their lock), loaded the place index (built on first use, from the real EFF Atlas when
../shared/data has it) and printed the answer. Two figures per run, both from exec:
- answered: the answer's first line arrived on the child's stdout;
- exited: the process closed its database and exited (what a script calling `ask` waits for).
(On a first start, before the Atlas is imported, the answer is "no place called ...": an
error reply, exit code 1, still an answer.)
CPU is the child's user + system seconds to exit, steadier than wall time on a busy
machine. Peak RSS is the child's own ru_maxrss (os.wait4); on PostgreSQL the server's backends
serving its three connections are separate processes, not counted in it.

Each database is first created by a first start (migrations and the seed facts: reported
apart), then the Atlas is imported into it, then RUNS runs alternate between the backends;
the table gives the median of each, on a throwaway PostgreSQL cluster (testkit/pg_cluster.py).

Run: .venv/bin/python -m bench startup   (STARTUP_BENCH_RUNS, default 7)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.pg_server import throwaway_cluster
from testkit.pg_cluster import TestDatabases

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("STARTUP_BENCH_RUNS", "7"))
LINE = "/ring lookup Greenfield, WI"
ATLAS = (
    Path(os.environ.get("COUNTERWATCH_SHARED_DATA", ROOT.parent / "shared" / "data"))
    / "eff_atlas_of_surveillance_2020-10-07.csv"
)


@dataclass(frozen=True)
class Start:
    answered: float  # seconds from exec to the answer's first line on stdout
    exited: float  # seconds from exec to exit
    rss_mib: float  # the child's peak resident memory
    cpu: float  # the child's CPU seconds (user + system), exec to exit: steadier under load
    answer: str


def environment(database: str) -> dict[str, str]:
    """The process's environment: one backend chosen, the other's variable cleared."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SLACK_"))}
    env["COUNTERWATCH_LOG_LEVEL"] = "WARNING"
    if database.startswith("postgresql://"):
        env |= {"COUNTERWATCH_DATABASE_URL": database, "COUNTERWATCH_DB": ""}
    else:
        env |= {"COUNTERWATCH_DB": database, "COUNTERWATCH_DATABASE_URL": ""}
    return env


def start_once(database: str, *args: str) -> Start:
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "main.py", *args], cwd=ROOT, env=environment(database),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None and child.stderr is not None
    first = child.stdout.readline()
    answered = time.perf_counter() - began
    rest, errors = child.stdout.read(), child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    exited = time.perf_counter() - began
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: the reply was an error
        raise RuntimeError(f"main.py {' '.join(args)} failed ({status}): {errors.strip()}")
    cpu = usage.ru_utime + usage.ru_stime
    return Start(answered, exited, usage.ru_maxrss / 1024, cpu, (first + rest).strip())


def first_start(label: str, database: str) -> None:
    """A fresh database: migrations and the seed facts, then the Atlas import (if any)."""
    start = start_once(database, "ask", LINE)
    print(f"  {label}: first start (migrations + seed) answered in {start.answered:.3f} s,"
          f" exited in {start.exited:.3f} s, peak RSS {start.rss_mib:.1f} MiB")  # fmt: skip
    if not ATLAS.is_file():
        print(f"  {label}: {ATLAS} absent: the place index holds the seed facts only")
        return
    imported = start_once(database, "import-atlas", str(ATLAS))
    print(f"  {label}: import-atlas of the real Atlas took {imported.exited:.3f} s"
          f" (peak RSS {imported.rss_mib:.1f} MiB)")  # fmt: skip


def median_row(label: str, starts: list[Start]) -> str:
    answered = statistics.median(s.answered for s in starts)
    exited = statistics.median(s.exited for s in starts)
    rss = statistics.median(s.rss_mib for s in starts)
    cpu = statistics.median(s.cpu for s in starts)
    spread = f"{min(s.answered for s in starts):.3f}-{max(s.answered for s in starts):.3f}"
    return (
        f"  {label:10s} {answered:10.3f} s {spread:>13s} s {exited:9.3f} s {cpu:7.3f} s"
        f" {rss:9.1f} MiB {max(s.rss_mib for s in starts):9.1f} MiB"
    )


async def main() -> None:
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(f'`main.py ask "{LINE}"`, {RUNS} runs per backend alternating; load average {load}')
    cluster = throwaway_cluster()
    if cluster is None:
        return
    try:
        databases = TestDatabases(cluster)
        with tempfile.TemporaryDirectory(prefix="cw-startup-") as tmp:
            backends = {
                "SQLite": str(Path(tmp) / "startup.db"),
                "PostgreSQL": databases.create(migrated=False),  # main.py migrates it
            }
            for label, database in backends.items():
                first_start(label, database)
            runs: dict[str, list[Start]] = {label: [] for label in backends}
            for _ in range(RUNS):
                for label, database in backends.items():
                    runs[label].append(start_once(database, "ask", LINE))
        answers = {label: starts[-1].answer.splitlines()[0] for label, starts in runs.items()}
        print(f"  answer: {answers['SQLite'][:100]}")
        if answers["SQLite"] != answers["PostgreSQL"]:
            print(f"  PostgreSQL's answer differs: {answers['PostgreSQL'][:100]}")
        print(f"  {'backend':10s} {'answered':>12s} {'(min-max)':>15s} {'exited':>11s}"
              f" {'CPU':>9s} {'peak RSS':>13s} {'(max)':>13s}")  # fmt: skip
        for label, starts in runs.items():
            print(median_row(label, starts))
    finally:
        cluster.stop()
