"""Hostile calls for any registered command, derived from its declaration and examples.

A case is one call through `run_text` or `run_options`. Valid values (the command's own
richest example) fill every option but the one under attack, so the hostile value gets past
"Missing ..." and reaches the handler.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import Attachment, Reply
from bot.core.registry import Command
from tests.core.adversarial.corpus import (
    FORGED_KEYS,
    HOSTILE_FILE_NAMES,
    HOSTILE_FILES,
    HOSTILE_TEXT,
    MUST_REFUSE,
    NEUTRAL_FILE,
    WRONG_TYPES,
)
from tests.core.adversarial.world import has_attachment_option, text_options


@dataclass(frozen=True)
class Case:
    name: str
    hostile: str  # the hostile text, for checks on what comes back ("" when not text)
    line: str | None = None  # run_text when set, else run_options
    options: Mapping[str, object] | None = None
    attachments: tuple[Attachment, ...] = ()

    @property
    def must_refuse(self) -> bool:
        """Control characters where they cannot be dropped: only a refusal is right."""
        return any(word.split("=")[-1] in MUST_REFUSE for word in self.name.split())

    async def run(self, dispatcher: Dispatcher, who: Identity, command: Command) -> Reply:
        if self.line is not None:
            return await dispatcher.run_text(who, self.line, self.attachments)
        return await dispatcher.run_options(
            who, command, dict(self.options or {}), self.attachments
        )


def keyword_line(command: Command, options: dict[str, str]) -> str:
    words = [f"{name}:{shlex.quote(value)}" for name, value in options.items()]
    return " ".join([f"/{command.name}", *words])


def text_cases(command: Command, baseline: dict[str, str]) -> Iterator[Case]:
    for label, value in HOSTILE_TEXT:
        yield Case(f"text raw {label}", value, line=f"/{command.name} {value}")
        yield Case(f"text first {label}", value, line=f"/{command.name} {shlex.quote(value)}")
        for name in text_options(command):
            line = keyword_line(command, {**baseline, name: value})
            yield Case(f"text {name}={label}", value, line=line)
    for name in text_options(command):
        yield Case(f"text {name}: empty", "", line=f"{keyword_line(command, baseline)} {name}:")


def option_cases(command: Command, baseline: dict[str, str]) -> Iterator[Case]:
    values: list[tuple[str, object]] = [*HOSTILE_TEXT, *WRONG_TYPES]
    for name in text_options(command):
        for label, value in values:
            hostile = value if isinstance(value, str) else ""
            yield Case(f"options {name}={label}", hostile, options={**baseline, name: value})
    for label, text in HOSTILE_TEXT if text_options(command) else ():
        every = dict.fromkeys(text_options(command), text)
        yield Case(f"options all={label}", text, options=every)
    for label, forged in FORGED_KEYS:
        yield Case(f"options forged {label}", "", options={**baseline, **forged})


def file_cases(command: Command, baseline: dict[str, str]) -> Iterator[Case]:
    if not has_attachment_option(command):
        # A file sent to a command that takes none is ignored, never read.
        file = HOSTILE_FILES[1][1]
        yield Case("options stray file", "", options=dict(baseline), attachments=(file,))
        return
    for label, file in HOSTILE_FILES:
        hostile = file.content[:1000].decode("utf-8", "replace")
        yield Case(f"file {label}", hostile, options=dict(baseline), attachments=(file,))
        yield Case(f"file text {label}", hostile, line=keyword_line(command, baseline),
                   attachments=(file,))  # fmt: skip
    for label, name in HOSTILE_FILE_NAMES:
        named = (Attachment(name, NEUTRAL_FILE.content),)
        yield Case(f"file {label}", name, options=dict(baseline), attachments=named)
    two = (HOSTILE_FILES[0][1], NEUTRAL_FILE)
    yield Case("file two files", "", options=dict(baseline), attachments=two)


def with_file(command: Command, cases: Iterator[Case]) -> Iterator[Case]:
    """Hostile options beside a valid file, for commands that take one."""
    for case in cases:
        yield case
        if has_attachment_option(command):
            yield replace(case, name=f"{case.name} +file", attachments=(NEUTRAL_FILE,))


def all_cases(command: Command, baseline: dict[str, str]) -> list[Case]:
    return [
        *with_file(command, text_cases(command, baseline)),
        *with_file(command, option_cases(command, baseline)),
        *file_cases(command, baseline),
    ]


def refused_cases(command: Command, baseline: dict[str, str]) -> list[Case]:
    """Someone below the command's role: whatever they typed, one refusal."""
    picked = ("huge", "nul", "jinja-expr", "everyone", "sql")
    cases: list[Case] = []
    for label, value in HOSTILE_TEXT:
        if label not in picked:
            continue
        cases.append(Case(f"refused text {label}", value, line=f"/{command.name} {value}"))
        every = {**baseline, **dict.fromkeys(text_options(command), value)}
        cases.append(Case(f"refused options {label}", value, options=every))
    return cases
