"""A command's options, read from its handler's signature (as discord.py and Typer do).

    Place = Annotated[str, Opt("City, ST", max_length=120, autocomplete="place", greedy=True)]

    async def lookup(ctx: Ctx, place: Place, share: Share = False) -> Reply: ...

The first parameter is the `Ctx`; every other one is an option, in order: its name is the
parameter's (`as_of` is typed `as-of`), its type the annotation's (`str`, `int`, `bool`,
`datetime.date`, `FactDate`, `Attachment`, each optionally `| None`), required unless it has
a default, and the rest (help, limits, choices, autocomplete) says the `Opt` in its
`Annotated` metadata. A parameter this cannot read raises SpecError when the command is
declared, naming the handler and the parameter.
"""

from __future__ import annotations

import datetime as dt
import inspect
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, NewType

from bot.core.context import Ctx
from bot.core.models import Attachment
from bot.core.spec import Handler, Option, OptionType, SpecError

# A fact's date as the source gives it: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (never padded).
FactDate = NewType("FactDate", str)

_TYPES: dict[object, OptionType] = {
    str: OptionType.STRING,
    int: OptionType.INTEGER,
    bool: OptionType.BOOLEAN,
    dt.date: OptionType.DATE,
    FactDate: OptionType.FACT_DATE,
    Attachment: OptionType.ATTACHMENT,
}
_BOOLEAN_CHOICES = ("true", "false")


@dataclass(frozen=True)
class Opt:
    """The metadata of one option, beside its type: `Annotated[str, Opt("help", ...)]`."""

    description: str
    max_length: int = 200
    min_value: int | None = None
    max_value: int | None = None
    choices: tuple[str, ...] = ()
    autocomplete: str | None = None  # a source's name; the registry checks that it exists
    greedy: bool = False  # in text grammars, takes the remaining words (no quotes needed)
    multiline: bool = False  # may hold newlines and tabs (a template body)
    # The option's name where it is not the parameter's (a handler whose body calls the
    # place it found `place` takes the typed one as `typed: Annotated[str, Opt(name="place")]`).
    name: str = ""


def options_of(handler: Handler) -> tuple[Option, ...]:
    """The options a handler's signature declares (SpecError when it cannot be read)."""
    where = f"{handler.__module__}.{handler.__qualname__}"
    try:
        hints = typing.get_type_hints(handler, include_extras=True)
    except NameError as exc:  # an annotation naming something its module does not import
        raise SpecError(f"{where}: cannot read the annotations ({exc})") from None
    parameters = list(inspect.signature(handler).parameters.values())
    if not parameters or hints.get(parameters[0].name) is not Ctx:
        raise SpecError(f"{where}: the first parameter must be `ctx: Ctx`")
    options = tuple(_option(where, p, hints.get(p.name)) for p in parameters[1:])
    names = [o.name for o in options]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise SpecError(f"{where}: option {twice[0]!r} declared twice")
    return options


def _option(where: str, parameter: inspect.Parameter, hint: object) -> Option:
    name = parameter.name
    if parameter.kind not in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY):
        raise SpecError(f"{where}: parameter {name!r} must be a plain named parameter")
    if typing.get_origin(hint) is not Annotated:
        raise SpecError(
            f"{where}: parameter {name!r} has no option spec; annotate it"
            " Annotated[<type>, Opt(<description>, ...)]"
        )
    base, *extras = typing.get_args(hint)
    specs = [e for e in extras if isinstance(e, Opt)]
    if len(specs) != 1:
        raise SpecError(f"{where}: parameter {name!r} needs exactly one Opt(...), has {len(specs)}")
    spec, kind = specs[0], _option_type(where, name, base)
    if not spec.description.strip():  # Discord refuses an option without one
        raise SpecError(f"{where}: parameter {name!r} needs a description in its Opt")
    boolean = kind is OptionType.BOOLEAN
    return Option(
        name=spec.name or name.replace("_", "-"),
        description=spec.description,
        type=kind,
        required=parameter.default is inspect.Parameter.empty,
        max_length=len("false") if boolean else spec.max_length,
        min_value=spec.min_value,
        max_value=spec.max_value,
        choices=_BOOLEAN_CHOICES if boolean else spec.choices,
        autocomplete=spec.autocomplete,
        greedy=spec.greedy,
        multiline=spec.multiline,
        parameter_name=name,
    )


def _option_type(where: str, name: str, base: Any) -> OptionType:
    """str, int, bool, date, FactDate or Attachment, or one of them `| None`."""
    if typing.get_origin(base) in (typing.Union, types.UnionType):
        kept = [a for a in typing.get_args(base) if a is not type(None)]
        base = kept[0] if len(kept) == 1 else base
    kind = _TYPES.get(base)
    if kind is None:
        known = "str, int, bool, datetime.date, FactDate, Attachment"
        raise SpecError(f"{where}: parameter {name!r} has type {base!r}; options are {known}")
    return kind
