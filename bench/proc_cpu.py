"""Where the CPU went during a benchmark line, read from /proc (Linux): the PostgreSQL
server's processes, and the whole machine's busy time.

On a 2-core machine the server competes with the bot processes for the same cores, so a
line's figures mean little without knowing who spent the CPU. The server's CPU is the
postmaster's own time plus its children's: those still running (read from their
/proc/PID/stat) and those already gone (a backend exits when its connection closes, and
the kernel adds its time to the postmaster's cutime/cstime once reaped).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
# /proc/PID/stat fields after the command name, counted from 0 at the state field:
_PPID, _UTIME, _STIME, _CUTIME, _CSTIME = 1, 11, 12, 13, 14


@dataclass(frozen=True)
class CpuSnapshot:
    server: float  # CPU seconds the server's processes have used so far
    machine_busy: float  # CPU seconds, all cores, the machine spent not idle so far
    machine_total: float  # CPU seconds, all cores, elapsed so far


@dataclass(frozen=True)
class CpuSpent:
    server: float  # CPU seconds spent by the server between two snapshots
    machine_busy: float  # fraction of the machine's cores busy (anyone's work) meanwhile


def postmaster_pid(data_dir: Path) -> int:
    """The server's main process, from the first line of its postmaster.pid."""
    return int((data_dir / "postmaster.pid").read_text().splitlines()[0])


def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None  # the process is gone
    return text[text.rindex(")") + 2 :].split()  # the command name may hold spaces


def _server_seconds(postmaster: int) -> float:
    own = _stat_fields(postmaster)
    if own is None:
        return 0.0
    ticks = sum(int(own[i]) for i in (_UTIME, _STIME, _CUTIME, _CSTIME))
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat_fields(int(entry.name))
        if fields is not None and int(fields[_PPID]) == postmaster:
            ticks += int(fields[_UTIME]) + int(fields[_STIME])
    return ticks / TICKS


def _machine_seconds() -> tuple[float, float]:
    """(busy, total) CPU seconds of all cores, from /proc/stat's first line."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    total = sum(values[:8])  # user .. steal (guest time is already inside user)
    return (total - idle) / TICKS, total / TICKS


def snapshot(postmaster: int) -> CpuSnapshot:
    busy, total = _machine_seconds()
    return CpuSnapshot(_server_seconds(postmaster), busy, total)


def spent(before: CpuSnapshot, after: CpuSnapshot) -> CpuSpent:
    elapsed = after.machine_total - before.machine_total
    busy = (after.machine_busy - before.machine_busy) / elapsed if elapsed > 0 else 0.0
    return CpuSpent(after.server - before.server, busy)
