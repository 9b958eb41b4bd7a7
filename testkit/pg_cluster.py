"""A throwaway PostgreSQL cluster for the tests and benchmarks: a real server, never a mock.

`start_cluster()` runs `initdb` in a temporary folder (UTF8, the C locale: text sorts and
case-folds byte-wise, as SQLite's does), trusts only connections from 127.0.0.1 and its own
socket, listens on a free port (never the system cluster's 5432) and starts the server with
`pg_ctl -w start`; `stop()` stops it (`pg_ctl -m fast stop`) and removes the folder.
PostgreSQL refuses to run as root: under root (CI) the server runs as the `postgres` system
user that Debian's package creates. fsync stays on: the durability the storage tests prove
must be the server's real one. `TestDatabases` hands each test a fresh database cloned from
a template migrated once (`CREATE DATABASE ... TEMPLATE`).
"""

from __future__ import annotations

import asyncio
import atexit
import itertools
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import asyncpg

from storage.postgres.migrate import apply_migrations

SUPERUSER = "counterwatch"  # the cluster's superuser, named by initdb; trusted, no password
SERVER_USER = "postgres"  # who runs the server when we are root (Debian's package creates it)
START_ATTEMPTS = 3  # a free port may be taken by another process before the server binds it
INSTALL_HINT = (
    "install Debian's postgresql package (`apt-get install postgresql`, which "
    "scripts/ensure-postgres runs under `make test` as root) or put initdb and pg_ctl on PATH"
)
_SETTINGS = """
listen_addresses = '127.0.0.1'
unix_socket_directories = '{folder}'
max_connections = 200        # the multi-process tests open many connections
shared_buffers = 16MB        # small: several engineers' clusters share one machine
fsync = on                   # stays on: the durability the tests prove is the real one
"""
_HBA = "local all all trust\nhost all all 127.0.0.1/32 trust\n"

T = TypeVar("T")


class ClusterUnavailable(RuntimeError):
    """No server binaries, or the cluster did not start: the message says which, exactly."""


@dataclass
class PgCluster:
    bin_dir: Path
    folder: Path
    port: int
    run_as: list[str]
    stopped: bool = field(default=False)
    started_in_s: float = 0.0  # how long start_cluster took (reported, never asserted)

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        """Stop the server (fast: open connections are closed) and remove its folder."""
        if self.stopped:
            return
        self.stopped = True
        pg_ctl = [str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "stop"]
        subprocess.run([*self.run_as, *pg_ctl], capture_output=True, cwd=self.folder)
        shutil.rmtree(self.folder, ignore_errors=True)


def server_bin_dir() -> Path | None:
    """Where initdb and pg_ctl are: Debian's /usr/lib/postgresql/<newest>/bin, else PATH."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_major, reverse=True)
    for bin_dir in versions:
        if (bin_dir / "initdb").is_file() and (bin_dir / "pg_ctl").is_file():
            return bin_dir
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).parent == Path(pg_ctl).parent:
        return Path(initdb).parent
    return None


def _major(bin_dir: Path) -> int:
    name = bin_dir.parent.name
    return int(name) if name.isdigit() else 0


def start_cluster(say: Callable[[str], None] | None = None) -> PgCluster:
    """A started throwaway cluster; raises ClusterUnavailable saying exactly why not."""
    say = say or (lambda line: print(line, file=sys.stderr, flush=True))
    bin_dir = server_bin_dir()
    if bin_dir is None:
        raise ClusterUnavailable(
            "no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin "
            f"or on PATH: {INSTALL_HINT}"
        )
    run_as = _run_as()
    folder = Path(tempfile.mkdtemp(prefix="counterwatch-pg-", dir=_temp_parent(run_as)))
    try:
        cluster = _init(bin_dir, folder, run_as)
        _start(cluster, say)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    atexit.register(cluster.stop)  # also when the run is interrupted
    return cluster


def _run_as() -> list[str]:
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise ClusterUnavailable(
            f"running as root and there is no '{SERVER_USER}' system user to run the server "
            f"as (PostgreSQL refuses root): {INSTALL_HINT}"
        ) from None
    return ["runuser", "-u", SERVER_USER, "--"]


def _temp_parent(run_as: list[str]) -> str | None:
    """TMPDIR, unless the server's user could not reach a folder in it (a TMPDIR under
    /root, when we run the server as `postgres`): then /tmp."""
    parent = Path(tempfile.gettempdir()).resolve()
    reachable = all(os.stat(folder).st_mode & 0o001 for folder in (parent, *parent.parents))
    return None if reachable or not run_as else "/tmp"


def _init(bin_dir: Path, folder: Path, run_as: list[str]) -> PgCluster:
    if run_as:
        shutil.chown(folder, SERVER_USER, SERVER_USER)
    cluster = PgCluster(bin_dir, folder, 0, run_as)
    # --no-sync only skips flushing initdb's own files: the server then runs with fsync on.
    _run(cluster, "initdb", "-D", str(cluster.data_dir), "-U", SUPERUSER, "-E", "UTF8",
         "--no-locale", "--no-sync", "--auth=trust")  # fmt: skip
    (cluster.data_dir / "pg_hba.conf").write_text(_HBA)
    with (cluster.data_dir / "postgresql.conf").open("a") as conf:
        conf.write(_SETTINGS.format(folder=folder))
    return cluster


def _start(cluster: PgCluster, say: Callable[[str], None]) -> None:
    log = cluster.folder / "server.log"
    version = _version(cluster.bin_dir)
    for attempt in range(1, START_ATTEMPTS + 1):
        cluster.port = _free_port()
        if attempt == 1:
            say(f"starting a throwaway PostgreSQL {version} cluster on "
                f"127.0.0.1:{cluster.port} in {cluster.folder}")  # fmt: skip
        else:
            say(f"the port was taken; starting it on 127.0.0.1:{cluster.port} instead")
        try:
            _run(cluster, "pg_ctl", "-D", str(cluster.data_dir), "-l", str(log), "-w",
                 "-t", "60", "-o", f"-p {cluster.port}", "start")  # fmt: skip
            return
        except ClusterUnavailable:
            if attempt == START_ATTEMPTS or "could not bind" not in _tail(log):
                raise ClusterUnavailable(
                    f"the PostgreSQL server in {cluster.folder} did not start: {_tail(log)}"
                ) from None


def _run(cluster: PgCluster, program: str, *args: str) -> None:
    command = [*cluster.run_as, str(cluster.bin_dir / program), *args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=cluster.folder)
    if done.returncode != 0:
        output = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise ClusterUnavailable(f"{program} failed ({done.returncode}): {' / '.join(output)}")


def _version(bin_dir: Path) -> str:
    done = subprocess.run([str(bin_dir / "pg_ctl"), "--version"], capture_output=True, text=True)
    found = re.search(r"(\d+)(?:\.\d+)?", done.stdout)
    return found.group(1) if found else "(unknown version)"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _tail(log: Path) -> str:
    lines = log.read_text(errors="replace").strip().splitlines() if log.exists() else []
    return " / ".join(lines[-3:]) or "no server log"


def run_async(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to its end on a loop of its own, in a thread: callable from sync code
    and from inside a running loop (a fixture, a benchmark) without touching that loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make())).result()


async def _execute(url: str, *statements: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


async def _migrate(url: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await apply_migrations(conn)
    finally:
        await conn.close()


class TestDatabases:
    """Fresh databases on a cluster: migrated ones cloned from a template, or empty ones."""

    __test__ = False  # a helper, not a test class
    TEMPLATE = "counterwatch_template"

    def __init__(self, cluster: PgCluster) -> None:
        self.cluster = cluster
        self._numbers = itertools.count(1)

    def prepare_template(self) -> None:
        """Create and migrate the template once; then forbid connections to it, so that no
        stray one can block cloning it."""
        run_async(lambda: _execute(self.cluster.url(), f"CREATE DATABASE {self.TEMPLATE}"))
        run_async(lambda: _migrate(self.cluster.url(self.TEMPLATE)))
        run_async(
            lambda: _execute(
                self.cluster.url(),
                f"ALTER DATABASE {self.TEMPLATE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false",
            )
        )

    def create(self, migrated: bool = True) -> str:
        """A new database's URL: migrated (a clone of the template) or empty."""
        name = f"t_{next(self._numbers)}"
        source = self.TEMPLATE if migrated else "template0"
        sql = f"CREATE DATABASE {name} TEMPLATE {source}"
        run_async(lambda: _execute(self.cluster.url(), sql))
        return self.cluster.url(name)

    def drop(self, url: str) -> None:
        """Drop a database made by create(), closing connections a test left open."""
        name = url.rsplit("/", 1)[1]
        sql = f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"
        run_async(lambda: _execute(self.cluster.url(), sql))
