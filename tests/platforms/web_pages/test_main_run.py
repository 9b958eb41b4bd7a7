"""`main.py run` (the console, as `make run` starts it) serves the published pages on
127.0.0.1 when COUNTERWATCH_WEB_PORT is set: the URL /campaign publish printed opens."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import sys
import urllib.request
from pathlib import Path

REPO = Path(__file__).parents[3]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _main(env: dict[str, str], *args: str) -> str:
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(REPO / "main.py"), "--as", "organizer", *args,
        env={**os.environ, **env}, cwd=REPO,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    out, _ = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, out.decode()
    return out.decode()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except OSError:
        return 0, ""


async def test_main_run_serves_the_published_page(tmp_path: Path) -> None:
    port = _free_port()
    env = {"COUNTERWATCH_DB": str(tmp_path / "run.db"), "COUNTERWATCH_WEB_PORT": str(port)}
    env["COUNTERWATCH_SHARED_DATA"] = str(tmp_path)  # no shared data: a quick first start
    await _main(env, "ask", '/campaign create ring-free "Ring-free here"')
    published = await _main(env, "ask", "/campaign publish ring-free")
    found = re.search(rf"http://127\.0\.0\.1:{port}/c/[A-Za-z0-9_-]+", published)
    assert found, published
    console = await asyncio.create_subprocess_exec(
        sys.executable, str(REPO / "main.py"), "--as", "organizer", "run",
        env={**os.environ, **env}, cwd=REPO, stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        status, body = 0, ""
        for _ in range(300):  # until the server listens (the console starts in ~1 s)
            status, body = await asyncio.to_thread(_get, found.group(0))
            if status:
                break
            await asyncio.sleep(0.1)
        assert status == 200 and "<h1>Ring-free here</h1>" in body
    finally:
        assert console.stdin is not None
        console.stdin.write(b"/quit\n")
        await console.stdin.drain()
        console.stdin.close()
        await asyncio.wait_for(console.wait(), 30)
