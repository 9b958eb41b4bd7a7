"""Discord application commands generated from the registry.

Every registry command becomes an `app_commands.Command` (inside an
`app_commands.Group` when its path has two words). The callback is generic:
its signature is synthesised from the declared options, so discord.py builds
the typed option payload (lengths, ranges, choices, attachments, autocomplete)
and converts the values it receives, exactly as for a hand-written command.
"""

from __future__ import annotations

import inspect
import logging
from typing import Any, Protocol

import discord
from discord import app_commands

from bot.core.models import Role
from bot.core.registry import Command, Option, OptionType, Registry
from bot.platforms.discord import limits

log = logging.getLogger("counterwatch.discord")

# Hidden from members in Discord's client; the dispatcher checks the role regardless.
ROLE_PERMISSIONS = {
    Role.ORGANIZER: discord.Permissions(manage_messages=True),
    Role.ADMIN: discord.Permissions(manage_guild=True),
    # A home server's admins hold Manage Server; people listed by id may need the server's
    # Integrations settings to show them the command (it runs for them regardless).
    Role.FACTS_ADMIN: discord.Permissions(manage_guild=True),
}


class InteractionRunner(Protocol):
    """What the generated callbacks call: runs a command, answers autocomplete."""

    async def invoke(
        self, interaction: discord.Interaction, command: Command, values: dict[str, object]
    ) -> None: ...

    async def complete(
        self, interaction: discord.Interaction, source: str, typed: str
    ) -> list[app_commands.Choice[str]]: ...


def add_registry_commands(
    tree: app_commands.CommandTree[Any], registry: Registry, runner: InteractionRunner
) -> list[str]:
    """Add one top-level command or group per registry name; return the Discord names."""
    added: list[str] = []
    for top in registry.top_level_names():
        if len(added) >= limits.MAX_TOP_LEVEL_COMMANDS:
            log.error("more than %d top-level commands; /%s left out", len(added), top)
            continue
        name = limits.command_name(top)
        if name in added:
            log.error("/%s collides with another command once made Discord-safe; left out", top)
            continue
        if registry.is_group(top):
            if registry.get((top,)) is not None:
                log.error("/%s is both a command and a group; Discord takes the group", top)
            tree.add_command(_group(top, registry.group(top), runner))
        else:
            command = registry.get((top,))
            if command is None:  # pragma: no cover - top_level_names comes from the registry
                continue
            tree.add_command(_command(command, runner, parent=None))
        added.append(name)
    return added


def _group(top: str, members: list[Command], runner: InteractionRunner) -> app_commands.Group:
    names = ", ".join(limits.command_name(c.path[1]) for c in members)
    group = app_commands.Group(
        name=limits.command_name(top),
        description=limits.shorten(f"/{top}: {names}", limits.DESCRIPTION_MAX),
        # Subcommands cannot carry their own permissions: the group is hidden only when
        # every subcommand needs at least that role.
        default_permissions=ROLE_PERMISSIONS.get(min(c.role for c in members)),
    )
    for command in members[: limits.MAX_SUBCOMMANDS]:
        group.add_command(_command(command, runner, parent=group))
    for command in members[limits.MAX_SUBCOMMANDS :]:
        log.error("/%s: more than %d subcommands; left out", command.name, limits.MAX_SUBCOMMANDS)
    return group


def _command(
    command: Command, runner: InteractionRunner, parent: app_commands.Group | None
) -> app_commands.Command[Any, ..., None]:
    options = list(command.options[: limits.MAX_OPTIONS])
    if len(command.options) > limits.MAX_OPTIONS:
        log.error("/%s: more than %d options; extras left out", command.name, limits.MAX_OPTIONS)
    # Python parameter names are generated; Discord sees the option names via rename.
    params = {f"option_{i}": option for i, option in enumerate(options)}
    callback = _callback(command, runner, params)
    _decorate(callback, params, runner)
    if parent is None and command.role in ROLE_PERMISSIONS:
        app_commands.default_permissions(ROLE_PERMISSIONS[command.role])(callback)
    return app_commands.Command(
        name=limits.command_name(command.path[-1]),
        description=limits.shorten(command.description, limits.DESCRIPTION_MAX),
        callback=callback,
        parent=parent,
        extras={"registry_path": command.path},
    )


def _callback(command: Command, runner: InteractionRunner, params: dict[str, Option]) -> Any:
    async def callback(interaction: discord.Interaction, **values: Any) -> None:
        named = {params[key].name: value for key, value in values.items() if value is not None}
        await runner.invoke(interaction, command, named)

    signature = [
        inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        *(
            inspect.Parameter(
                key,
                inspect.Parameter.KEYWORD_ONLY,
                annotation=_annotation(option),
                default=inspect.Parameter.empty if option.required else None,
            )
            for key, option in params.items()
        ),
    ]
    callback.__signature__ = inspect.Signature(signature)  # type: ignore[attr-defined]
    return callback


def _annotation(option: Option) -> Any:
    if option.type is OptionType.ATTACHMENT:
        return discord.Attachment
    if option.type is OptionType.INTEGER:
        if option.min_value is None and option.max_value is None:
            return int
        return app_commands.Range[int, option.min_value, option.max_value]
    if _static_choices(option):
        return str  # the choice list bounds the value
    max_length = 10 if option.type in (OptionType.DATE, OptionType.FACT_DATE) else option.max_length
    return app_commands.Range[str, None, max(1, min(max_length, limits.STRING_OPTION_MAX))]


def _static_choices(option: Option) -> list[app_commands.Choice[str]]:
    """Discord takes at most 25 choices; with more, the dispatcher alone validates."""
    if not option.choices or len(option.choices) > limits.MAX_STATIC_CHOICES:
        return []
    if any(len(c) > limits.CHOICE_TEXT_MAX for c in option.choices):
        return []
    return [app_commands.Choice(name=c, value=c) for c in option.choices]


def _decorate(callback: Any, params: dict[str, Option], runner: InteractionRunner) -> None:
    """Descriptions, Discord names, choices and autocomplete, via discord.py's decorators."""
    app_commands.describe(
        **{key: limits.shorten(o.description, limits.DESCRIPTION_MAX) for key, o in params.items()}
    )(callback)
    app_commands.rename(**{key: limits.command_name(o.name) for key, o in params.items()})(callback)
    choices = {key: _static_choices(o) for key, o in params.items()}
    app_commands.choices(**{key: c for key, c in choices.items() if c})(callback)
    completers = {
        key: _completer(runner, o.autocomplete)
        for key, o in params.items()
        if o.autocomplete and not choices[key] and o.type is not OptionType.ATTACHMENT
    }
    if completers:
        app_commands.autocomplete(**completers)(callback)


def _completer(runner: InteractionRunner, source: str) -> Any:
    async def complete(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await runner.complete(interaction, source, current)

    return complete
