"""Driving real bot processes (bot_child.py) from a test: start, order, read sends, kill."""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import sys
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHILD = Path(__file__).with_name("bot_child.py")
ANSWER_TIMEOUT_S = 90.0  # a generous bound on one order, on two busy cores


@dataclass
class BotProcess:
    name: str
    proc: asyncio.subprocess.Process
    sends: Path
    pid: int = 0
    claimant: str = ""
    stderr: list[str] = field(default_factory=list)

    async def order(self, op: str, **fields: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write((json.dumps({"op": op, **fields}) + "\n").encode())
        await self.proc.stdin.drain()
        return await self._answer()

    async def run(self, role: str, user_id: str, line: str) -> dict[str, Any]:
        return await self.order("run", who=[role, user_id], line=line)

    async def run_ok(self, role: str, user_id: str, line: str) -> str:
        answer = await self.run(role, user_id, line)
        assert not answer["error"], f"{self.name}: {line} -> {answer['text']}"
        return str(answer["text"])

    async def _answer(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = await asyncio.wait_for(self.proc.stdout.readline(), ANSWER_TIMEOUT_S)
        if not line:
            err = await self._stderr_tail()
            raise AssertionError(f"{self.name} exited ({self.proc.returncode}): {err}")
        answer: dict[str, Any] = json.loads(line)
        return answer

    async def _stderr_tail(self) -> str:
        assert self.proc.stderr is not None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.proc.wait(), 10)
        return (await self.proc.stderr.read()).decode(errors="replace")[-3000:]

    def sent(self) -> list[dict[str, Any]]:
        """Every direct message this process recorded as sent, in order."""
        if not self.sends.exists():
            return []
        return [json.loads(line) for line in self.sends.read_text().splitlines() if line]

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)

    async def finish(self) -> None:
        """Close stdin (the child stops its loops and closes the database) and wait."""
        if self.proc.returncode is None and self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            await asyncio.wait_for(self.proc.wait(), 30)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()


async def start_bot(
    name: str, url: str, folder: Path, epoch: float, *, lease_s: float = 600, delay_s: float = 0
) -> BotProcess:
    sends = folder / f"sends-{name}.jsonl"
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        str(CHILD),
        url,
        str(sends),
        repr(epoch),
        repr(lease_s),
        repr(delay_s),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        limit=16 * 1024 * 1024,  # an answer listing 500 members is one long line
    )
    bot = BotProcess(name, proc, sends)
    ready = await bot._answer()
    bot.pid, bot.claimant = int(ready["ready"]), str(ready["claimant"])
    return bot


@asynccontextmanager
async def bots(
    url: str, folder: Path, count: int = 2, **options: float
) -> AsyncIterator[Sequence[BotProcess]]:
    """`count` bot processes on one database, started at once; stopped (or killed) after."""
    epoch = time.time()
    names = [chr(ord("A") + i) for i in range(count)]
    started = await asyncio.gather(
        *(start_bot(n, url, folder, epoch, **options) for n in names), return_exceptions=True
    )
    running = [b for b in started if isinstance(b, BotProcess)]
    try:
        failed = [b for b in started if not isinstance(b, BotProcess)]
        if failed:
            raise failed[0]
        yield running
    finally:
        await asyncio.gather(*(b.finish() for b in running))
