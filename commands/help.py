"""/help, generated from the registry: what exists and how to type it."""

from __future__ import annotations

from typing import Annotated

from bot.core.context import Ctx
from bot.core.errors import UserError
from bot.core.models import Field, Reply, Role, may_run
from bot.core.registry import Command, Option, Registry, declare
from bot.core.signatures import Opt
from lexicon.i18n import N_, _, ngettext

# Who a command is for, as /help marks it (members' commands carry no mark).
ROLE_NOTE = {1: N_("organizers"), 2: N_("admins"), 3: N_("facts admins")}
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
    raise UserError(
        _("No command called /{name}. Type {help} to list them.").format(
            name=" ".join(words)[:40], help=help_command
        )
    )


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
        lines.append(f"{command.usage()} - {_(command.description)}{_role_note(command)}")
    title = _("/{group} commands").format(group=only) if only else _("Counterwatch commands")
    more = "\n\n" + _("Type {help} <command> for details.").format(help=help_command)
    if hidden:
        more += " " + _more_for(role, hidden)
    if not lines:
        who = _(WHO[_lowest(registry, only)])
        return Reply(title=title, text=_("These commands are for {who}.").format(who=who))
    return Reply(title=title, text="\n".join(lines) + more)


def _role_note(command: Command) -> str:
    note = ROLE_NOTE.get(int(command.role))
    return f" ({_(note)})" if note else ""


def _more_for(role: Role, hidden: int) -> str:
    """How many commands this person does not see, and who has them (the plural by CLDR)."""
    if role is Role.MEMBER:
        said = ngettext(
            "{n} more is for organizers and admins.",
            "{n} more are for organizers and admins.",
            hidden,
        )
    elif role is Role.ORGANIZER:
        said = ngettext("{n} more is for admins.", "{n} more are for admins.", hidden)
    else:
        said = ngettext(
            "{n} more is for the operator's facts admins.",
            "{n} more are for the operator's facts admins.",
            hidden,
        )
    return said.format(n=hidden)


WHO = {0: N_("everyone"), **ROLE_NOTE}


def _lowest(registry: Registry, group: str) -> int:
    return min(int(c.role) for c in registry.group(group))


def _describe(command: Command) -> Reply:
    fields = [
        Field(o.name if o.required else _("{option} (optional)").format(option=o.name), _option(o))
        for o in command.options
    ]
    if command.examples:
        fields.append(Field(_("Examples"), "\n".join(command.examples)))
    text = _("{description}\nUsage: {usage}\nFor: {who}").format(
        description=_(command.description), usage=command.usage(), who=_(WHO[int(command.role)])
    )
    return Reply(title=f"/{command.name}", text=text, fields=tuple(fields))


def _option(option: Option) -> str:
    text = _(option.description)
    if option.choices:
        text += " " + _("(one of: {choices})").format(choices=", ".join(option.choices))
    return text
