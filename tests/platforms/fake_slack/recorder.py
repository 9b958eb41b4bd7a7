"""Recorded calls, and waiting for them on events rather than sleeping."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

WAIT_SECONDS = 10.0  # a safety net against hangs; tests never assert on time


@dataclass(frozen=True)
class Call:
    """One request the fake received: a Web API method, 'upload', or 'response'."""

    name: str
    path: str
    body: dict[str, Any]
    raw: bytes = b""
    token: str = ""


class Recorder:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._changed = asyncio.Condition()

    async def add(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def named(self, name: str) -> list[Call]:
        return [c for c in self.calls if c.name == name]

    async def wait_for(self, name: str, count: int = 1, path: str = "") -> list[Call]:
        """Wait until `count` calls named `name` (and at `path`, if given) arrived."""

        def matching() -> list[Call]:
            return [c for c in self.named(name) if not path or c.path == path]

        async with asyncio.timeout(WAIT_SECONDS), self._changed:
            await self._changed.wait_for(lambda: len(matching()) >= count)
        return matching()
