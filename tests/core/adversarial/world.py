"""A small world for registry-wide tests: the seed facts plus a few campaigns, sign-ups, a
template, follows and admin changes, built once through the dispatcher itself and copied
for every test; a cheap "did anything change?" probe; and the checks every reply must pass.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import shutil
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.incidents import INCIDENT_MESSAGE
from bot.core.models import Reply, Role
from bot.core.registry import Command, OptionType, Registry
from bot.core.settings import Settings
from commands import build_registry
from commands.admin.refusals import refusal_recorder
from storage.db import Database
from storage.seed import ensure_seed
from tests.conftest import FIXED_NOW, identity
from tests.grammar_lines import parse_line
from wiring import wire_deps

MEMBER = identity(Role.MEMBER)
ORGANIZER = identity(Role.ORGANIZER, user_id="U-org")
# The operator's facts admin (an admin of the home workspace), and an admin of a workspace
# of its own, who may not change the shared facts: every command is tried by each.
ADMIN = identity(Role.ADMIN, user_id="U-admin")
WORKSPACE_ADMIN = identity(Role.ADMIN, user_id="U-ws-admin", facts_admin=False)
IDENTITIES = {
    Role.MEMBER: MEMBER,
    Role.ORGANIZER: ORGANIZER,
    Role.ADMIN: WORKSPACE_ADMIN,
    Role.FACTS_ADMIN: ADMIN,
}

# What the world holds, made the way users make it (each line must succeed).
SETUP: tuple[tuple[Identity, str], ...] = (
    (ADMIN, '/facts set-partnership "Greenfield Police Department" 2019-05-14 '
            "https://example.org/ring-map create:yes state:WI city:Greenfield"),
    (ADMIN, '/facts set-partnership "Milwaukee Police Department" 2020-02-01 '
            "https://example.org/ring-map create:yes state:WI city:Milwaukee"),
    (ADMIN, '/facts add-event Amazon 2021-05-18 extension "Moratorium extended indefinitely" '
            "https://example.org/reuters"),
    (ORGANIZER, '/campaign create ring-free-greenfield "End the Ring partnership" 500 '
                'place:"Greenfield, WI"'),
    (ORGANIZER, '/campaign create no-face-rec "Ban face recognition" 1000 ends:2027-06-30'),
    (ORGANIZER, '/campaign create old-drive "An old drive" 10'),
    (ORGANIZER, "/campaign close old-drive"),
    (MEMBER, "/campaign join ring-free-greenfield Greenfield, WI"),
    (ORGANIZER, "/campaign join ring-free-greenfield"),
    (ADMIN, "/campaign join no-face-rec Milwaukee, WI"),
    (ORGANIZER, "/letter add thanks-council Dear {{ place.council }}, thank you. {{ signer }}"),
    (MEMBER, "/follow Greenfield, WI"),
    (ADMIN, "/follow Milwaukee, WI"),
    (MEMBER, "/facts outbox"),  # refused: the audit log's other kind of entry
)  # fmt: skip

INCIDENT_PREFIX = INCIDENT_MESSAGE.split("{id}")[0]
# `{{ 7*7 }}` evaluated anywhere would show as 49; `{{ 12345*6789 }}` as 83810205, which no
# reply has a reason to show (49 may be a length: random input checks only the big one).
EVALUATED = re.compile(r"\b(49|83810205)\b")
EVALUATED_BIG = re.compile(r"\b83810205\b")


async def build_world(path: Path) -> None:
    """Create the world's database file at `path` (closed, checkpointed)."""
    db = await Database.open(path)
    try:
        await ensure_seed(db, now=FIXED_NOW)
        deps = await make_deps(db, path)
        dispatcher = Dispatcher(build_registry(), deps, on_refusal=refusal_recorder(deps))
        for who, line in SETUP:
            reply = await dispatcher.run_text(who, line)
            refused_on_purpose = line == "/facts outbox"
            assert reply.error == refused_on_purpose, f"setup {line!r}: {reply.text}"
    finally:
        await db.close()


async def make_deps(db: Database, path: Path) -> Deps:
    return await wire_deps(db, Settings(db_path=str(path)), lambda: FIXED_NOW)


def build_world_file(path: Path) -> Path:
    asyncio.run(build_world(path))
    return path


@dataclass
class World:
    """One test's copy of the world."""

    db: Database
    deps: Deps
    dispatcher: Dispatcher
    registry: Registry
    path: Path  # the copy's file (ChangeProbe reads it)


@asynccontextmanager
async def open_world(template: Path, directory: Path) -> AsyncIterator[World]:
    """A private copy of the world's file, opened with the production wiring."""
    path = directory / "world.db"
    shutil.copyfile(template, path)
    db = await Database.open(path)
    try:
        deps = await make_deps(db, path)
        registry = build_registry()
        dispatcher = Dispatcher(registry, deps, on_refusal=refusal_recorder(deps))
        yield World(db, deps, dispatcher, registry, path)
    finally:
        await db.close()


def snapshot(conn: sqlite3.Connection) -> dict[str, tuple[int, str]]:
    """Per table: row count and a hash of its rows (order-independent).

    Refused attempts are left out: recording them is the point of a refusal (the audit log),
    and they carry no user text (checked in the tests)."""
    tables = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    state: dict[str, tuple[int, str]] = {}
    for (table,) in tables:
        if table == "refusals":
            continue
        rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
        digest = hashlib.sha256()
        for line in sorted(repr(tuple(row)) for row in rows):
            digest.update(line.encode("utf-8", "surrogatepass"))
        state[table] = (len(rows), digest.hexdigest())
    return state


class ChangeProbe:
    """Tells whether the world's database changed since the last look, and how many refusals
    it records (`refused`, as of the last look). Close it when done.

    It reads the file through a plain sqlite3 connection of its own, in the test's thread:
    the corpus looks some 66,000 times, and a look then costs microseconds rather than a
    trip to the bot's database thread. `data_version` on this connection moves only when
    another connection (the bot's writer) commits, so most looks (refused early, nothing
    written) are one query, which reads the refusals' count in the same statement (one
    read, so the two agree); after a commit the full snapshot is compared.
    """

    def __init__(self, path: Path) -> None:
        # Autocommit: each read is a transaction of its own and sees every earlier commit.
        self._conn = sqlite3.connect(path, isolation_level=None)
        self.version = -1
        self.refused = -1
        self.state: dict[str, tuple[int, str]] = {}

    def start(self) -> None:
        self._look()
        self.state = snapshot(self._conn)

    def changed_tables(self) -> list[str]:
        """Tables whose rows differ from the last look (and remember the new state)."""
        before_version = self.version
        self._look()
        if self.version == before_version:
            return []
        before, self.state = self.state, snapshot(self._conn)
        return sorted(
            t for t in self.state.keys() | before.keys() if before.get(t) != self.state.get(t)
        )

    def close(self) -> None:
        self._conn.close()

    def _look(self) -> None:
        row = self._conn.execute(
            "SELECT (SELECT data_version FROM pragma_data_version), (SELECT count(*) FROM refusals)"
        ).fetchone()
        self.version, self.refused = int(row[0]), int(row[1])


def reply_text(reply: Reply) -> str:
    """Everything a reply shows, its file included."""
    text = reply.as_text()
    if reply.file is not None:
        text += "\n" + reply.file.content.decode("utf-8", "replace")
    return text


def reply_problems(
    reply: Reply, changed: list[str], hostile: str, *, small_product: bool = True
) -> list[str]:
    """What is wrong with a reply to hostile input (empty: nothing)."""
    problems: list[str] = []
    if not isinstance(reply, Reply):
        return [f"not a Reply: {reply!r:.80}"]
    if reply.text.startswith(INCIDENT_PREFIX):
        problems.append("incident")
    if reply.error:
        if not reply.text.strip():
            problems.append("empty error")
        if "\n" in reply.text or "\r" in reply.text:
            problems.append(f"multi-line error {reply.text[:120]!r}")
        if changed:
            problems.append(f"error reply but tables changed: {changed}")
    if evaluated(hostile, reply, EVALUATED if small_product else EVALUATED_BIG):
        problems.append("template expression evaluated")
    return problems


def evaluated(hostile: str, reply: Reply, products: re.Pattern[str]) -> bool:
    """Did `{{ 7*7 }}` (or the bigger product) come back computed? Numbers the input itself
    holds are echoes, not evidence."""
    if "7*7" not in hostile and "12345*6789" not in hostile:
        return False
    found = set(products.findall(reply_text(reply)))
    return any(number not in hostile for number in found)


def baseline_options(command: Command, registry: Registry) -> dict[str, str]:
    """Valid raw options for `command`: its richest example that parses, or nothing."""
    best: dict[str, str] = {}
    for example in command.examples:
        if "attach" in example or " < " in example:  # names a file: not a typed line
            continue
        try:
            parsed = parse_line(registry, example)
        except Exception:  # an example naming an attached file is not a typed line
            continue
        if parsed.command is command and len(parsed.raw_options) > len(best):
            best = dict(parsed.raw_options)
    return best


def text_options(command: Command) -> list[str]:
    return [o.name for o in command.options if o.type is not OptionType.ATTACHMENT]


def has_attachment_option(command: Command) -> bool:
    return any(o.type is OptionType.ATTACHMENT for o in command.options)
