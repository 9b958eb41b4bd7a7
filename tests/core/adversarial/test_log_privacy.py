"""Log privacy: a session of every command, valid and invalid, with one sentinel word in
every value a user supplies (options, files, file names, display names, autocomplete), an
incident whose exception quotes the user's text, and a delivery pass through an adapter that
fails the same way; logging is captured at DEBUG for every logger, configured as main.py
configures it. The sentinel must appear in no record: message, arguments or traceback.
"""

from __future__ import annotations

import logging
import re
import shlex
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core.context import Ctx
from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Attachment, Reply, Role
from bot.core.registry import AutocompleteContext, Choice, Command, Option
from bot.core.settings import Settings
from notifications.delivery import deliver_due
from tests.core.adversarial.cases import keyword_line
from tests.core.adversarial.corpus import FACTS_HEADER, facts_row
from tests.core.adversarial.world import (
    IDENTITIES,
    World,
    baseline_options,
    has_attachment_option,
    open_world,
    text_options,
)
from wiring import configure_logging

INCIDENT_ID = re.compile(r"\b[0-9a-f]{8}\b")
SENTINEL = "zqsentinel"  # lower-case letters: it fits slugs, template names and cities too
WHO = {role: replace(who, user_name=f"Ana {SENTINEL}") for role, who in IDENTITIES.items()}
ORGANIZER, MEMBER, ADMIN = WHO[Role.ORGANIZER], WHO[Role.MEMBER], WHO[Role.FACTS_ADMIN]

# Lines that must succeed: the sentinel reaches storage, replies, files and notifications.
VALID_SESSION: tuple[tuple[Identity, str], ...] = (
    (ORGANIZER, f'/campaign create drive-{SENTINEL} "Title {SENTINEL}" 100 '
                'place:"Greenfield, WI"'),
    (MEMBER, f"/campaign join drive-{SENTINEL} {SENTINEL.title()}ville"),  # kept as typed
    (ORGANIZER, f"/campaign info drive-{SENTINEL}"),
    (ORGANIZER, f"/campaign export drive-{SENTINEL}"),
    (ORGANIZER, f"/letter add tpl-{SENTINEL} Dear {{{{ place.council }}}}, {SENTINEL}. "
                "{{ signer }}"),
    (MEMBER, f'/letter draft tpl-{SENTINEL} Greenfield, WI signer:"Ana {SENTINEL}" '
             f'recipient:"Mayor {SENTINEL}"'),
    (MEMBER, f'/letter draft ring-council Greenfield, WI signer:"Ana {SENTINEL}"'),
    (ADMIN, f'/facts add-event Amazon 2021-05-20 other "Summary {SENTINEL}" '
            f"https://example.org/{SENTINEL}"),
    (ADMIN, f'/facts set-partnership "{SENTINEL.title()} Police Department" 2020-01-01 '
            f"https://example.org/{SENTINEL} create:yes state:WI city:{SENTINEL.title()}"),
    (ADMIN, "/facts end-partnership \"Greenfield Police Department, WI\" 2024-01-31 "
            f"https://example.org/{SENTINEL}"),  # tells Greenfield's followers
    (ADMIN, f"/ring lookup {SENTINEL.title()}, WI"),
    (ADMIN, f"/facts history {SENTINEL.title()}, WI"),
    (MEMBER, "/mydata"),
    (MEMBER, f"/campaign leave drive-{SENTINEL}"),
    (ORGANIZER, f"/campaign close drive-{SENTINEL}"),
)  # fmt: skip


def sentinel_forms(value: str) -> list[str]:
    """Ways to carry the sentinel in one option: beside a valid value, or alone."""
    return [
        f"{value}-{SENTINEL}",
        f"{value} {SENTINEL}",
        SENTINEL,
        f"https://example.org/{SENTINEL}",
    ]


def sentinel_calls(
    command: Command, baseline: dict[str, str]
) -> Iterator[tuple[str, dict[str, str]]]:
    """(text line, raw options) pairs for one command, each carrying the sentinel."""
    for name in text_options(command):
        for form in sentinel_forms(baseline.get(name, "x")):
            options = {**baseline, name: form}
            yield keyword_line(command, options), options
    every = {name: f"{baseline.get(name, 'x')} {SENTINEL}" for name in text_options(command)}
    yield f"/{command.name} {shlex.quote(SENTINEL)}", every


SENTINEL_FILES = (
    Attachment(f"{SENTINEL}-2021-05-21.csv", FACTS_HEADER + facts_row(summary=SENTINEL)),
    Attachment("facts.csv", FACTS_HEADER + facts_row(subject=SENTINEL)),  # refused: no company
    Attachment("tpl.txt", f"{{{{ signer }}}} {SENTINEL} {{{{ nope.{SENTINEL} }}}}".encode()),
)


def add_failing_parts(world: World) -> Dispatcher:
    """The world's registry plus a command and an autocomplete source that fail with the
    user's text in the exception (what a careless `raise ValueError(f"...{text}")` does)."""

    async def explode(ctx: Ctx, value: str) -> Reply:
        raise RuntimeError(f"could not handle {value!r}")

    async def explode_chained(ctx: Ctx, value: str) -> Reply:
        raise RuntimeError("wrapped") from ValueError(value)

    async def explode_nested(ctx: Ctx, value: str) -> Reply:
        try:
            raise LookupError(value)
        except LookupError:
            raise RuntimeError("second failure")  # noqa: B904 (its context is the point)

    async def explode_group(ctx: Ctx, value: str) -> Reply:
        raise ExceptionGroup("tasks failed", [ValueError(value)])

    async def bad_source(deps: Deps, ctx: AutocompleteContext, typed: str) -> list[Choice]:
        raise ValueError(f"no match for {typed}")

    value = (Option("value", "anything"),)
    registry = world.registry
    registry.add(Command(("explode",), "Fails", explode, options=value))
    registry.add(Command(("explode-chained",), "Fails", explode_chained, options=value))
    registry.add(Command(("explode-nested",), "Fails", explode_nested, options=value))
    registry.add(Command(("explode-group",), "Fails", explode_group, options=value))
    registry.add_autocomplete("explode", bad_source)
    return world.dispatcher


class LeakyMessenger:
    """An adapter with a bug: its exception quotes the text it was sending."""

    platform = "test"

    async def send_direct(self, workspace: str, user_id: str, text: str) -> None:
        raise RuntimeError(f"could not send {text!r}")

    async def send_channel(self, workspace: str, channel_id: str, text: str) -> None:
        raise RuntimeError(f"could not post {text!r}")


def leaks(record: logging.LogRecord) -> list[str]:
    """Where in a record the sentinel shows (any case), if anywhere."""
    formatter = logging.Formatter()
    places = {
        "message": record.getMessage(),
        "msg": str(record.msg),
        "args": repr(record.args),
        "exception": formatter.formatException(record.exc_info) if record.exc_info else "",
        "exc_text": record.exc_text or "",
        "stack": record.stack_info or "",
    }
    return [name for name, text in places.items() if SENTINEL in text.lower()]


@pytest.fixture
def debug_logging(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """main.py's logging set-up at DEBUG, captured at the root; logger levels restored."""
    touched = ["", *logging.root.manager.loggerDict]
    levels = {name: logging.getLogger(name).level for name in touched}
    handlers = list(logging.root.handlers)
    configure_logging(Settings(log_level="DEBUG"))
    caplog.set_level(logging.DEBUG)
    try:
        yield caplog
    finally:
        logging.root.handlers[:] = handlers
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
        for name in set(logging.root.manager.loggerDict) - set(levels):
            logging.getLogger(name).setLevel(logging.NOTSET)


async def run_session(world: World, dispatcher: Dispatcher) -> list[str]:
    """Everything a user can make the bot do, with the sentinel in every value."""
    failed_valid: list[str] = []
    for who, line in VALID_SESSION:
        reply = await dispatcher.run_text(who, line)
        if reply.error:
            failed_valid.append(f"{line}: {reply.text}")
    for command in list(world.registry.commands()):
        baseline = baseline_options(command, world.registry)
        files = SENTINEL_FILES if has_attachment_option(command) else ()
        for role in Role:
            for line, options in sentinel_calls(command, baseline):
                await dispatcher.run_text(WHO[role], line, files[:1])
                await dispatcher.run_options(WHO[role], command, dict(options), files[:1])
            for file in files:
                await dispatcher.run_options(WHO[role], command, dict(baseline), (file,))
    context = AutocompleteContext("test", "W1", "U1")
    for source in world.registry.autocomplete_sources:
        await dispatcher.autocomplete(source, context, SENTINEL)
        await dispatcher.autocomplete(source, context, f"Greenfield {SENTINEL}")
    world.deps.messengers.register(LeakyMessenger())
    report = await deliver_due(world.deps)
    assert report.failed > 0, "the session queued no follow notification to fail"
    return failed_valid


async def test_no_log_record_carries_user_text(
    world_template: Path, tmp_path: Path, debug_logging: pytest.LogCaptureFixture
) -> None:
    async with open_world(world_template, tmp_path) as world:
        dispatcher = add_failing_parts(world)
        failed_valid = await run_session(world, dispatcher)
    assert not failed_valid, "the valid session failed:\n" + "\n".join(failed_valid)
    records = debug_logging.records
    incidents = [r.getMessage() for r in records if r.getMessage().startswith("incident ")]
    # Still debuggable: each chained exception's type and the frames, down to the handler.
    for name in ("explode", "explode_chained", "explode_nested", "explode_group"):
        assert any(f"in {name}\n" in m for m in incidents), f"no frames of {name} logged"
    for kind in ("RuntimeError", "ValueError", "LookupError", "ExceptionGroup"):
        assert any(kind in m for m in incidents), f"{kind} not named in any incident"
    assert any(r.name == "counterwatch.delivery" for r in records), "no delivery was logged"
    # One line per kind of leak (logger, level, where, how the message starts), counted.
    leaked = Counter(
        f"{r.name} {r.levelname} {where}: {INCIDENT_ID.sub('<id>', r.getMessage()[:60])!r}"
        for r in records
        if (where := leaks(r))
    )
    report = "\n".join(f"{n} x {kind}" for kind, n in leaked.most_common(30))
    assert not leaked, f"{leaked.total()} log records carry user text:\n{report}"
