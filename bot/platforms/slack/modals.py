"""Modals generated from a command's options, and reading their submissions back.

A slash command typed with no arguments whose command needs two or more values
opens a modal instead of a usage line: one input per option (a select for fixed
choices, an `external_select` fed by the registry's autocomplete source, a number
input, a date picker, or a text box). The submission goes through the same
validation as typed text (`Dispatcher.run_options`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.core.dispatch import Identity
from bot.core.errors import UserError
from bot.core.grammar import resolve_command, tokenize
from bot.core.models import may_run
from bot.core.registry import Command, Option, OptionType, Registry
from bot.platforms.slack.manifest import HELP_NAME
from bot.platforms.slack.render import escape, plain, truncate

CALLBACK_PREFIX = "counterwatch:"
MAX_TITLE = 24  # Slack's limit for a modal title
MAX_LABEL = 2000
MAX_OPTION_TEXT = 75
MAX_OPTION_VALUE = 150
MAX_STATIC_OPTIONS = 100
MAX_INPUT_LENGTH = 3000  # plain_text_input's own ceiling
MAX_ERROR_TEXT = 200


def wants_modal(command: Command) -> bool:
    """Two or more required typed values, and nothing only a file upload can give."""
    required = [o for o in command.options if o.required]
    if any(o.type is OptionType.ATTACHMENT for o in required):
        return False
    return len(required) >= 2


def callback_id(command: Command) -> str:
    return CALLBACK_PREFIX + command.name


def command_for_view(registry: Registry, view: dict[str, Any]) -> Command | None:
    callback = str(view.get("callback_id", ""))
    if not callback.startswith(CALLBACK_PREFIX):
        return None
    return registry.get(tuple(callback.removeprefix(CALLBACK_PREFIX).split()))


def modal_view(command: Command, channel_id: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": callback_id(command),
        "title": plain(f"/{command.name}", MAX_TITLE),
        "submit": plain("Run"),
        "close": plain("Cancel"),
        # Where the reply goes once submitted (a view submission has no response_url).
        "private_metadata": json.dumps({"channel": channel_id}),
        "blocks": [
            _input_block(option)
            for option in command.options
            if option.type is not OptionType.ATTACHMENT
        ],
    }


def view_channel(view: dict[str, Any]) -> str:
    try:
        metadata = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return ""
    return str(metadata.get("channel", "")) if isinstance(metadata, dict) else ""


def _input_block(option: Option) -> dict[str, Any]:
    block: dict[str, Any] = {
        "type": "input",
        "block_id": option.name,
        "optional": not option.required,
        "label": plain(option.name, MAX_LABEL),
        "element": _element(option),
    }
    if option.description:
        block["hint"] = plain(option.description, MAX_LABEL)
    return block


def _element(option: Option) -> dict[str, Any]:
    if option.choices:
        return {
            "type": "static_select",
            "action_id": option.name,
            "options": [choice_option(c, c) for c in option.choices[:MAX_STATIC_OPTIONS]],
        }
    if option.autocomplete:
        return {"type": "external_select", "action_id": option.name, "min_query_length": 1}
    if option.type is OptionType.INTEGER:
        element: dict[str, Any] = {
            "type": "number_input",
            "action_id": option.name,
            "is_decimal_allowed": False,
        }
        if option.min_value is not None:
            element["min_value"] = str(option.min_value)
        if option.max_value is not None:
            element["max_value"] = str(option.max_value)
        return element
    if option.type is OptionType.DATE:
        return {"type": "datepicker", "action_id": option.name}
    return {
        "type": "plain_text_input",
        "action_id": option.name,
        "multiline": option.multiline,
        "max_length": min(option.max_length, MAX_INPUT_LENGTH),
    }


def choice_option(label: str, value: str) -> dict[str, Any]:
    """One entry of a select menu (static or external)."""
    return {"text": plain(label, MAX_OPTION_TEXT), "value": value[:MAX_OPTION_VALUE]}


def submitted_options(command: Command, view: dict[str, Any]) -> dict[str, object]:
    """The raw values a submission carries, by option name (validated later by the core)."""
    values = (view.get("state") or {}).get("values") or {}
    raw: dict[str, object] = {}
    for option in command.options:
        element = (values.get(option.name) or {}).get(option.name) or {}
        value = _element_value(element)
        if value is not None:
            raw[option.name] = value
    return raw


def _element_value(element: dict[str, Any]) -> str | None:
    for key in ("value", "selected_date"):
        if isinstance(element.get(key), str):
            return str(element[key])
    selected = element.get("selected_option")
    if isinstance(selected, dict) and isinstance(selected.get("value"), str):
        return str(selected["value"])
    return None


def field_errors(command: Command, message: str) -> dict[str, str]:
    """Attach an error to the input it names (first mentioned option), else the first one."""
    inputs = [o.name for o in command.options if o.type is not OptionType.ATTACHMENT]
    if not inputs:
        return {}
    named = [n for n in inputs if re.search(rf"\b{re.escape(n)}\b", message)]
    return {(named[0] if named else inputs[0]): truncate(escape(message), MAX_ERROR_TEXT)}


def modal_command(registry: Registry, name: str, text: str, identity: Identity) -> Command | None:
    """The command to ask for in a modal: named fully, no arguments, 2+ values needed."""
    if name == HELP_NAME or len(text.split(maxsplit=1)) > 1:
        # Two words or more are never just a subcommand: a word that holds whitespace
        # once its quotes are removed names no subcommand. Skip the parse.
        return None
    try:
        command, rest = resolve_command(registry, [name, *tokenize(text)])
    except UserError:
        return None
    allowed = may_run(command.role, identity.role, identity.facts_admin)
    if rest or not wants_modal(command) or not allowed:
        return None  # the dispatcher answers: usage line, or the role refusal
    return command
