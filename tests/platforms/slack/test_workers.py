"""SLACK_WORKERS=2 as real processes: `main.py run` against the fake Slack, on one port.

Which worker answered is read from /healthz (its pid) on the same keep-alive connection
as the request in question: a connection stays with the process that accepted it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import socket
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest

from testkit.waiting import eventually
from tests.platforms.fake_slack.server import FakeSlack
from tests.platforms.fake_slack.signing import signed_headers, slash_body
from tests.platforms.slack.conftest import SECRET

# Several processes side by side: `make test` runs it, `make test-fast` does not.
pytestmark = pytest.mark.multiprocess

REPO = Path(__file__).parents[3]
START_S = 90.0  # two workers importing and opening the database on a busy 2-core machine
ATTEMPTS = 200  # fresh connections tried before concluding the kernel never picks a worker


@dataclass
class Workers:
    process: asyncio.subprocess.Process
    base: str
    fake: FakeSlack
    names: list[str] = field(default_factory=list)

    def slash(self, text: str = "", command: str = "/counterwatch") -> tuple[str, str]:
        """A new invocation (/counterwatch: help): (its response_url name, its form body)."""
        name = f"w{len(self.names) + 1}"
        self.names.append(name)
        body = slash_body(
            command=command,
            text=text,
            response_url=self.fake.response_url(name),
            trigger_id=f"trigger-{name}",
            user_id="U1",
        )
        return name, body


HEALTH_TOKEN = "workers-health-token"


class Connection:
    """One keep-alive connection to the shared port, hence to one worker."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=1),
            headers={"Authorization": f"Bearer {HEALTH_TOKEN}"},  # /healthz on the public port
        )

    async def pid(self) -> int:
        async with self.session.get(self.base + "/healthz") as response:
            return int((await response.json())["pid"])

    async def post(self, body: str, retry: int = 0) -> tuple[int, str]:
        headers = signed_headers(SECRET, body)
        if retry:
            headers["X-Slack-Retry-Num"] = str(retry)
        url = self.base + "/slack/events"
        async with self.session.post(url, data=body.encode(), headers=headers) as response:
            return response.status, await response.text()

    async def close(self) -> None:
        await self.session.close()


@contextlib.asynccontextmanager
async def connection(base: str) -> AsyncIterator[Connection]:
    opened = Connection(base)
    try:
        yield opened
    finally:
        await opened.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def worker_env(fake: FakeSlack, tmp_path: Path, port: int) -> dict[str, str]:
    return {
        **os.environ,
        "SLACK_WORKERS": "2",
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.api_url,
        "SLACK_PORT": str(port),
        "COUNTERWATCH_DB": str(tmp_path / "workers.db"),
        "COUNTERWATCH_HEALTH_TOKEN": HEALTH_TOKEN,
    }


@contextlib.asynccontextmanager
async def two_workers(fake: FakeSlack, tmp_path: Path) -> AsyncIterator[Workers]:
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(REPO / "main.py"),
        "run",
        env=worker_env(fake, tmp_path, port),
        cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    workers = Workers(process, f"http://127.0.0.1:{port}", fake)
    try:
        await asyncio.wait_for(pids_seen(workers.base, 2), START_S)
        yield workers
    finally:
        if process.returncode is None:
            process.terminate()
            await asyncio.wait_for(process.wait(), 60)


async def pids_seen(base: str, wanted: int, exclude: frozenset[int] = frozenset()) -> set[int]:
    """Fresh connections until `wanted` distinct worker pids (not in `exclude`) answered."""
    seen: set[int] = set()
    while len(seen) < wanted:
        try:
            async with connection(base) as fresh:
                pid = await fresh.pid()
        except aiohttp.ClientError:
            await asyncio.sleep(0.2)  # not listening yet
            continue
        if pid not in exclude:
            seen.add(pid)
    return seen


async def test_two_workers_share_the_port_and_a_retry_runs_once(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    async with two_workers(fake_slack, tmp_path) as workers:
        answered: dict[int, str] = {}  # worker pid -> a command it answered
        for _ in range(ATTEMPTS):
            async with connection(workers.base) as conn:
                before = await conn.pid()
                name, body = workers.slash()
                status, ack = await conn.post(body)
                assert status == 200 and "/ring" in ack  # the help, in the ack itself
                if await conn.pid() == before:
                    answered[before] = name
            if len(answered) == 2:
                break
        assert len(answered) == 2, "one worker never answered a command"

        # The first delivery of a command that may write reaches one worker; Slack's retry
        # of it reaches the other, which finds its replay record in the shared database.
        _, body = workers.slash(command="/forgetme")
        async with connection(workers.base) as conn:
            first_pid = await conn.pid()
            status, ack = await conn.post(body)
            assert status == 200 and "nothing to erase" in ack
        for _ in range(ATTEMPTS):
            async with connection(workers.base) as conn:
                if await conn.pid() == first_pid:
                    continue
                status, repeat = await conn.post(body, retry=1)
                break
        else:
            raise AssertionError("no connection reached the other worker")
        assert (status, repeat) == (200, "")  # acknowledged, not answered twice
        assert not fake_slack.calls("response")  # nothing followed on any response_url


async def test_a_killed_worker_is_restarted_and_sigterm_stops_all(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    async with two_workers(fake_slack, tmp_path) as workers:
        first = await pids_seen(workers.base, 2)
        victim = min(first)
        os.kill(victim, signal.SIGKILL)
        replacement = await asyncio.wait_for(
            pids_seen(workers.base, 1, exclude=frozenset(first)), START_S
        )
        workers.process.terminate()  # SIGTERM to the parent only
        out, _ = await asyncio.wait_for(workers.process.communicate(), 60)
    log = out.decode()
    assert workers.process.returncode == 0, log[-2000:]
    assert re.search(rf"pid {victim}\) exited unexpectedly \(signal SIGKILL\); restarting", log)
    assert "slack workers stopped" in log
    for pid in first - {victim} | replacement:
        assert not alive(pid), f"worker {pid} outlived the parent"


async def test_workers_do_not_outlive_a_killed_parent(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    async with two_workers(fake_slack, tmp_path) as workers:
        pids = await pids_seen(workers.base, 2)
        workers.process.kill()  # SIGKILL: the parent can forward nothing
        await workers.process.wait()
        await eventually(lambda: not any(alive(pid) for pid in pids), START_S, every_s=0.1)


async def test_a_worker_that_cannot_start_stops_the_rest_in_one_line(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    fake_slack.refuse_all_methods.add("auth.test")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(REPO / "main.py"),
        "run",
        env=worker_env(fake_slack, tmp_path, free_port()),
        cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(process.communicate(), START_S)
    assert process.returncode == 2
    assert "Slack refused SLACK_BOT_TOKEN" in out.decode()
    assert "Traceback" not in out.decode()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
