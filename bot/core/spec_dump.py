"""Every command's spec as plain data (JSON): what Discord, Slack, the console and /help
are generated from. A test compares it with a stored copy, so a change to what users see
(an option renamed, a limit moved, a role changed) is a deliberate, reviewed change."""

from __future__ import annotations

from typing import Any

from bot.core.registry import Command, Option, Registry


def registry_spec(registry: Registry) -> dict[str, Any]:
    return {
        "commands": [command_spec(command) for command in registry.commands()],
        "autocomplete_sources": sorted(registry.autocomplete_sources),
    }


def command_spec(command: Command) -> dict[str, Any]:
    return {
        "path": list(command.path),
        "description": command.description,
        "role": command.role.name.lower(),
        "private": command.private,
        "slow": command.slow,
        "examples": list(command.examples),
        "usage": command.usage(),
        "options": [option_spec(option) for option in command.options],
    }


def option_spec(option: Option) -> dict[str, Any]:
    return {
        "name": option.name,
        "description": option.description,
        "type": option.type.value,
        "required": option.required,
        "max_length": option.max_length,
        "min_value": option.min_value,
        "max_value": option.max_value,
        "choices": list(option.choices),
        "autocomplete": option.autocomplete,
        "greedy": option.greedy,
        "multiline": option.multiline,
    }
