"""Validation of option values, shared by every platform.

Discord hands us typed values, Slack and the console hand us text: both pass
through here, so the caps and the control-character rule hold everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from bot.core.errors import UsageError, UserError
from bot.core.models import Attachment
from bot.core.registry import Command, Option, OptionType
from lexicon.dates import partial_date
from lexicon.i18n import N_, _

# C0/C1 controls, DEL, and bidi overrides (which can disguise text in chat).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_SINGLE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Lone UTF-16 surrogates: a JSON payload can carry one (an escaped \udcff) and Python keeps
# it in a str, but it is not text: SQLite (UTF-8) cannot even bind it, so a query would crash.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
MAX_FILE_NAME = 255  # what file systems allow


_NOT_A_DATE = N_("{text} is not a real calendar date.")


def has_control_characters(text: str, *, multiline: bool = False) -> bool:
    pattern = _CONTROL if multiline else _CONTROL_SINGLE_LINE
    return pattern.search(text) is not None


def parse_iso_date(text: str, what: str = "date") -> dt.date:
    """A real calendar date in YYYY-MM-DD form (no 31 February)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        shown = text.strip()[:20]
        raise UserError(
            _("{what} must be a date written YYYY-MM-DD (e.g. 2020-06-10): {shown!r}.").format(
                what=what, shown=shown
            )
        )
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(_NOT_A_DATE.format(text=text.strip())) from None


def coerce_options(
    command: Command,
    raw: Mapping[str, object],
    attachments: tuple[Attachment, ...] = (),
) -> dict[str, object]:
    """Validate raw option values against the declaration; return typed values."""
    unknown = [key for key in raw if command.option(key) is None]
    if unknown:
        name = str(unknown[0])[:40]  # a forged name may be any length: echo a little of it
        raise UsageError(
            _("/{command} has no option {name!r}. Usage: {usage}").format(
                command=command.name, name=name, usage=command.usage()
            )
        )
    for attachment in attachments:
        _check_file_name(attachment.filename)
    values: dict[str, object] = {}
    for option in command.options:
        if option.type is OptionType.ATTACHMENT:
            if option.required and not attachments:
                raise UsageError(
                    _("/{command} needs an attached file. Usage: {usage}").format(
                        command=command.name, usage=command.usage()
                    )
                )
            continue
        value = raw.get(option.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if option.required:
                raise UsageError(
                    _("Missing {option}. Usage: {usage}").format(
                        option=option.name, usage=command.usage()
                    )
                )
            continue
        values[option.name] = _coerce(command, option, value)
    return values


def _check_file_name(name: str) -> None:
    """A file's name is user text too: it is shown in replies and kept in the audit log, so
    the same rules hold (a lone surrogate in it crashed /facts import's audit insert)."""
    if len(name) > MAX_FILE_NAME:
        raise UserError(
            _("The attached file's name is too long (at most {most}).").format(most=MAX_FILE_NAME)
        )
    if has_control_characters(name) or _SURROGATE.search(name):
        raise UserError(_("The attached file's name contains control characters; rename it."))


def _coerce(command: Command, option: Option, value: object) -> object:
    if option.type is OptionType.INTEGER:
        return _coerce_int(option, value)
    text = _as_text(option, value).strip()
    if len(text) > option.max_length:
        raise UserError(
            _("{option} is too long ({length} characters; at most {most}).").format(
                option=option.name, length=len(text), most=option.max_length
            )
        )
    if has_control_characters(text, multiline=option.multiline):
        raise UserError(
            _("{option} contains control characters; type plain text.").format(option=option.name)
        )
    if _SURROGATE.search(text):
        raise UserError(
            _("{option} contains characters that are not text; type plain text.").format(
                option=option.name
            )
        )
    if option.type is OptionType.DATE:
        return parse_iso_date(text, option.name)
    if option.type is OptionType.FACT_DATE:
        found = partial_date(text)
        if found is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            raise UserError(_NOT_A_DATE.format(text=text.strip()))
        if found is None:
            shown = text.strip()[:20]
            raise UserError(
                _(
                    "{option} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, at the"
                    " precision the source gives (e.g. 2019-05): {shown!r}."
                ).format(option=option.name, shown=shown)
            )
        return found
    if option.type is OptionType.BOOLEAN:  # offered as the choices "true" and "false"
        return _match_choice(command, option, text) == "true"
    if option.choices:
        return _match_choice(command, option, text)
    return text


def _as_text(option: Option, value: object) -> str:
    """Adapters hand over text, or an int for a number. Anything else is a forged or broken
    payload: say so rather than validate its repr. str() of an int past 4,300 digits raises
    ValueError (CPython's conversion limit); such a value is too long anyway."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return str(value)
        except ValueError:
            raise UserError(
                _("{option} is too long (at most {most}).").format(
                    option=option.name, most=option.max_length
                )
            ) from None
    raise UserError(_("{option} must be text.").format(option=option.name))


def _coerce_int(option: Option, value: object) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise UserError(_("{option} must be a whole number.").format(option=option.name)) from None
    if option.min_value is not None and number < option.min_value:
        raise UserError(
            _("{option} must be at least {least}.").format(
                option=option.name, least=option.min_value
            )
        )
    if option.max_value is not None and number > option.max_value:
        raise UserError(
            _("{option} must be at most {most}.").format(option=option.name, most=option.max_value)
        )
    return number


def _match_choice(command: Command, option: Option, text: str) -> str:
    for choice in option.choices:
        if choice.lower() == text.lower():
            return choice
    raise UsageError(
        _("{option} must be one of: {choices}.").format(
            option=option.name, choices=", ".join(option.choices)
        )
    )
