"""/help, generated from the registry: what exists and how to type it."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.errors import UserError
from bot.core.models import Field, Reply, Role, may_run
from bot.core.registry import Command, Option, Registry, declare
from bot.core.signatures import Opt

ROLE_NOTE = {0: "", 1: " (organizers)", 2: " (admins)", 3: " (facts admins)"}
# Slack keeps one slash command per top-level name and calls help /counterwatch, so that
# Counterwatch never competes with another app for a generic /help.
HELP_COMMAND_BY_PLATFORM = {"slack": "/counterwatch"}


def help_command_for(platform: str) -> str:
    return HELP_COMMAND_BY_PLATFORM.get(platform, "/help")


def register(registry: Registry) -> None:
    async def show_help(
        ctx: Ctx,
        command: Annotated[
            str, Opt("A command or group, e.g. 'ring lookup'", max_length=60, greedy=True)
        ] = "",
    ) -> Reply:
        return help_reply(
            registry, command, help_command_for(ctx.platform), ctx.role, ctx.facts_admin
        )

    registry.add(
        declare(
            ("help",),
            "List the commands, or explain one: /help ring lookup",
            show_help,
            private=True,
            examples=("/help", "/help ring lookup"),
            writes=False,
        )
    )


def help_reply(
    registry: Registry,
    topic: str,
    help_command: str = "/help",
    role: Role = Role.ADMIN,
    facts_admin: bool = True,
) -> Reply:
    words = tuple(w.lower() for w in topic.replace("/", " ").split())
    if not words:
        return _overview(registry, help_command, role, facts_admin=facts_admin)
    command = registry.get(words[:2]) or registry.get(words[:1])
    if command is not None:
        return _describe(command)
    if registry.is_group(words[0]):
        return _overview(registry, help_command, role, only=words[0], facts_admin=facts_admin)
    raise UserError(f"No command called /{' '.join(words)[:40]}. Type {help_command} to list them.")


def _overview(
    registry: Registry, help_command: str, role: Role, only: str = "", facts_admin: bool = True
) -> Reply:
    """The commands this person can run (as Discord's own menu shows them), and a word that
    organizers and admins have more."""
    lines, hidden = [], 0
    for command in registry.commands():
        if only and command.path[0] != only:
            continue
        if not may_run(command.role, role, facts_admin):
            hidden += 1
            continue
        lines.append(f"{command.usage()} - {command.description}{ROLE_NOTE[int(command.role)]}")
    title = f"/{only} commands" if only else "Counterwatch commands"
    more = f"\n\nType {help_command} <command> for details."
    if hidden:
        who = {Role.MEMBER: "organizers and admins", Role.ORGANIZER: "admins"}.get(
            role, "the operator's facts admins"
        )
        more += f" {hidden} more {'is' if hidden == 1 else 'are'} for {who}."
    if not lines:
        return Reply(title=title, text=f"These commands are for {_who(registry, only)}.")
    return Reply(title=title, text="\n".join(lines) + more)


def _who(registry: Registry, group: str) -> str:
    lowest = min(int(c.role) for c in registry.group(group))
    return {1: "organizers", 2: "admins", 3: "facts admins"}.get(lowest, "everyone")


def _describe(command: Command) -> Reply:
    fields = [
        Field(f"{o.name}{'' if o.required else ' (optional)'}", _describe_option(o))
        for o in command.options
    ]
    if command.examples:
        fields.append(Field("Examples", "\n".join(command.examples)))
    who = ROLE_NOTE[int(command.role)].strip(" ()") or "everyone"
    return Reply(
        title=f"/{command.name}",
        text=f"{command.description}\nUsage: {command.usage()}\nFor: {who}",
        fields=tuple(fields),
    )


def _describe_option(option: Option) -> str:
    text = option.description
    if option.choices:
        text += f" (one of: {', '.join(option.choices)})"
    return text
