"""Counterwatch entry point: the command line (wiring.py builds the app it runs).

settings -> database + migrations (+ seed on first start) -> Deps -> registry and
dispatcher -> the platforms that are configured, side by side in one TaskGroup.
With no chat token set, the console runs on an embedded SQLite file.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Callable, Coroutine
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.core.deps import utc_now
from bot.core.dispatch import Identity
from bot.core.models import Role
from bot.core.preflight import PlatformStartError, database_problem, disk_full
from bot.core.setting_values import SettingsError
from bot.core.settings import (
    Settings,
    check_slack_complete,
    check_slack_workers,
    load_settings,
)
from bot.core.urls import redacted
from bot.platforms import console
from bot.platforms.cli.copy_db import copy_db_command
from bot.platforms.cli.import_file import import_file
from commands import build_registry
from storage.errors import DiskFull, Refused
from wiring import (
    chat_platforms,
    configure_logging,
    open_app,
    serve_chat,
    serve_console,
    stop_on_signals,
)

log = logging.getLogger("counterwatch")


async def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    if settings.slack_workers > 1:
        return await run_slack_workers(settings)
    return await serve(settings, args)


async def run_slack_workers(settings: Settings) -> int:
    """SLACK_WORKERS=N: this process only supervises N `slack-worker` processes."""
    from bot.platforms.slack.workers import supervise_workers

    # Migrate and seed a new database once, before N processes open it at the same moment.
    async with open_app(settings):
        pass
    stop = asyncio.Event()
    stop_on_signals(stop)
    worker = [sys.executable, str(Path(__file__).resolve()), "slack-worker"]
    return await supervise_workers(worker, settings.slack_workers, stop)


async def cmd_slack_worker(settings: Settings, args: argparse.Namespace) -> int:
    """One of SLACK_WORKERS: serves Slack on SLACK_PORT beside the others (SO_REUSEPORT).
    Its /healthz and /metrics are on that port, behind COUNTERWATCH_HEALTH_TOKEN:
    COUNTERWATCH_HEALTH_PORT would clash."""
    from bot.platforms.slack.workers import stop_with_parent

    stop_with_parent()
    log.info("slack worker %d serving (pid %d)", args.number, os.getpid())
    # The campaign pages' port is one socket: worker 1 serves them, the others do not.
    web_port = settings.web_port if args.number == 1 else 0
    return await serve(replace(settings, health_port=0, web_port=web_port), args)


async def serve(settings: Settings, args: argparse.Namespace) -> int:
    async with open_app(settings) as app:
        runners = chat_platforms(settings)
        if runners:
            await serve_chat(app, runners)
        else:
            await serve_console(app, _console_identity(args))
        return 0


def _console_identity(args: argparse.Namespace) -> Identity:
    locale = console.console_locale(args.lang, os.environ)
    return console.console_identity(Role.parse(args.role), args.user, locale)


async def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    async with open_app(settings) as app:
        identity = _console_identity(args)
        reply = await console.ask(app.dispatcher, identity, args.line)
        print(console.shown(identity, reply))  # its own lines in the console's language
        return 1 if reply.error else 0


async def cmd_slack_manifest(settings: Settings, args: argparse.Namespace) -> int:
    from bot.platforms.slack.manifest import manifest_text

    print(manifest_text(build_registry(), socket_mode=not args.http, url=args.http or ""))
    return 0


async def cmd_discord_sync(settings: Settings, args: argparse.Namespace) -> int:
    if not settings.discord_enabled:
        print("counterwatch: set DISCORD_TOKEN to sync Discord commands", file=sys.stderr)
        return 2
    from bot.platforms.discord import sync_only

    async with open_app(settings) as app:
        return await sync_only(app.dispatcher)


async def cmd_import_atlas(settings: Settings, args: argparse.Namespace) -> int:
    return await import_file("atlas", args.file, args.as_of, settings.database, utc_now())


async def cmd_import_laws(settings: Settings, args: argparse.Namespace) -> int:
    return await import_file("laws", args.file, args.as_of, settings.database, utc_now())


async def cmd_copy_db(settings: Settings, args: argparse.Namespace) -> int:
    return await copy_db_command(args.src, args.dst)


Subcommand = Callable[[Settings, argparse.Namespace], Coroutine[Any, Any, int]]


def global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    """--as and --user, accepted before or after the subcommand. After it they are declared
    again without defaults, so that a value given before the subcommand is not overwritten."""

    def default(value: str) -> str:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument(
        "--as",
        dest="role",
        default=default("admin"),
        help="console role: member, organizer or admin (default admin)",
    )
    parser.add_argument(
        "--user",
        default=default(console.DEFAULT_USER),
        metavar="NAME",
        help="who types at the console; each name is its own member (default operator)",
    )
    parser.add_argument(
        "--lang",
        default=default(""),
        metavar="CODE",
        help="the console's language (es, en) unless /language chose one (default: LANG)",
    )


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Subcommand]]:
    parser = argparse.ArgumentParser(prog="counterwatch", description=__doc__.splitlines()[0])
    global_options(parser, defaults=True)
    later = argparse.ArgumentParser(add_help=False)
    global_options(later, defaults=False)
    sub = parser.add_subparsers(dest="subcommand")
    sub.add_parser("run", parents=[later], help="run the bot (console when no chat token is set)")
    ask_parser = sub.add_parser("ask", parents=[later], help="run one command and print the reply")
    ask_parser.add_argument("line", help='e.g. "/moratorium amazon"')
    manifest_parser = sub.add_parser(
        "slack-manifest",
        parents=[later],
        help="print the Slack app manifest generated from the commands",
    )
    mode = manifest_parser.add_mutually_exclusive_group()
    mode.add_argument("--socket-mode", action="store_true", help="Socket Mode (the default)")
    mode.add_argument("--http", metavar="URL", help="HTTP mode: public URL of /slack/events")
    sub.add_parser(
        "discord-sync", parents=[later], help="sync the slash commands to Discord, then exit"
    )
    # Started by `run` itself when SLACK_WORKERS > 1; not for people to type.
    worker_parser = sub.add_parser("slack-worker", parents=[later])
    worker_parser.add_argument("number", type=int)
    for kind, what in (("atlas", "an EFF Atlas of Surveillance CSV export"),
                       ("laws", "the IFF local facial-recognition laws CSV")):  # fmt: skip
        importer = sub.add_parser(f"import-{kind}", parents=[later], help=f"import {what}")
        importer.add_argument("file", type=Path)
        importer.add_argument("--as-of", help="the date the data describes (YYYY-MM-DD)")
    copy = sub.add_parser(
        "copy-db",
        parents=[later],
        help="copy a database into an empty one (SQLite to PostgreSQL or back), all or nothing",
    )
    copy.add_argument(
        "src", metavar="SRC", help="sqlite:///path/to/counterwatch.db or postgresql://..."
    )
    copy.add_argument("dst", metavar="DST", help="an empty database (a new SQLite file is created)")
    handlers: dict[str, Subcommand] = {
        "import-atlas": cmd_import_atlas,
        "import-laws": cmd_import_laws,
        "run": cmd_run,
        "ask": cmd_ask,
        "slack-manifest": cmd_slack_manifest,
        "discord-sync": cmd_discord_sync,
        "slack-worker": cmd_slack_worker,
        "copy-db": cmd_copy_db,
    }
    return parser, handlers


def main(argv: list[str] | None = None) -> int:
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
        Role.parse(args.role)
        console.check_name(args.user)
        if args.subcommand not in ("slack-manifest", "copy-db"):  # these need no tokens
            check_slack_complete(settings)
            check_slack_workers(settings)
    except (SettingsError, ValueError) as exc:  # a bad role or --user name is a ValueError
        print(f"counterwatch: {exc}", file=sys.stderr)
        return 2
    subcommand = args.subcommand or "run"
    if subcommand in USES_DATABASE and not settings.uses_postgres:
        problem = database_problem(settings.db_path)
        if problem is not None:
            print(f"counterwatch: {problem}", file=sys.stderr)
            return 2
        if disk_full(settings.db_path):
            return said_disk_full(settings)
    at_console = subcommand == "run" and not (settings.discord_enabled or settings.slack_enabled)
    configure_logging(settings, at_terminal=at_console or subcommand == "ask")
    try:
        return asyncio.run(handler_for(handlers[subcommand])(settings, args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return reader_went_away()
    except PlatformStartError as exc:
        print(f"counterwatch: {exc}", file=sys.stderr)
        return 2
    except DiskFull:
        return said_disk_full(settings)
    except Refused as exc:  # the database refused at start (another process holds it)
        print(f"counterwatch: {exc.message} (database: {where(settings)})", file=sys.stderr)
        return 1


def said_disk_full(settings: Settings) -> int:
    print(f"counterwatch: the disk holding {where(settings)} is full; free space and start"
          " again (nothing was changed).", file=sys.stderr)  # fmt: skip
    return 1


def where(settings: Settings) -> str:
    """The database named for a person: the file, or the server (never its password)."""
    if not settings.uses_postgres:
        return settings.db_path
    return "PostgreSQL at " + redacted(settings.database_url).rsplit("@", 1)[-1]


def reader_went_away() -> int:
    """`main.py slack-manifest | head`: the reader closed the pipe, which is its choice, not a
    failure to report. Python's advice: point stdout at devnull so that the flush at exit does
    not raise again, and exit 1."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1


# Every subcommand but the manifest opens the database.
USES_DATABASE = frozenset(
    {"run", "ask", "discord-sync", "import-atlas", "import-laws", "slack-worker"}
)


def handler_for(handler: Subcommand) -> Subcommand:
    """A platform that cannot start (bad token, API unreachable) ends the run with its one
    line; the TaskGroup wraps it in an ExceptionGroup, unwrapped here."""

    async def run(settings: Settings, args: argparse.Namespace) -> int:
        try:
            return await handler(settings, args)
        except* PlatformStartError as group:
            raise _first(group) from None

    return run


def _first(group: BaseExceptionGroup[PlatformStartError]) -> PlatformStartError:
    found = group.exceptions[0]
    return found if isinstance(found, PlatformStartError) else _first(found)


if __name__ == "__main__":
    sys.exit(main())
