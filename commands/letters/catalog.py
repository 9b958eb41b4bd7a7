"""Which templates exist: the shipped ones under templates/ and the workspace's own.

A shipped template is `templates/<letters|petitions>/<language>/<name>.txt.j2` and
starts with a Jinja comment holding its header:

    {#-
    title: End the Ring partnership
    purpose: Ask the city council to end the police department's Ring partnership
    language: en
    kind: letter
    fields: agency, partnership, place, recipient, ring, signer, today
    -#}
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jinja2 import Template

from commands.letters.fit import APPLIES
from lexicon.dates import LANGUAGES
from templating.engine import LetterEnvironment, compile_template, make_environment
from templating.validate import TemplateRejected, check_source

# The `templates` package, in the checkout or installed beside this code (a wheel is installed
# unzipped, so its folder is a real one), wherever the command is started from.
TEMPLATES_DIR = Path(str(resources.files("templates")))
KINDS = {"letters": "letter", "petitions": "petition"}
# What a template is: its header's `kind:` (a campaign takes only a petition). An
# organizer's own template is a letter or a petition; the records request is shipped.
TEMPLATE_KINDS = ("letter", "petition", "records-request")
CUSTOM_KINDS = ("letter", "petition")
SUFFIX = ".txt.j2"
_HEADER = re.compile(r"\A\s*\{#-?(.*?)-?#\}", re.DOTALL)
_HEADER_LINE = re.compile(r"^\s*([a-z_]+)\s*:\s*(.*?)\s*$")
MAX_TITLE = 80
MAX_PURPOSE = 200


@dataclass(frozen=True)
class Header:
    title: str
    purpose: str
    language: str
    kind: str
    declared_fields: frozenset[str]
    applies: frozenset[str] = frozenset()  # when it fits the facts (commands/letters/fit.py)


@dataclass(frozen=True)
class TemplateInfo:
    """One template in one language, ready to compile."""

    name: str
    language: str
    kind: str  # 'letter', 'petition' or 'records-request' (TEMPLATE_KINDS)
    title: str
    purpose: str
    fields: frozenset[str]  # what the template reads, from its AST
    source: str
    custom: bool = False
    author: str = ""  # display name of whoever added a custom template
    applies: frozenset[str] = frozenset()  # empty: fits any facts

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.source.encode()).hexdigest()[:16]


def parse_header(
    source: str,
    *,
    default_language: str = "en",
    default_kind: str = "letter",
    kinds: tuple[str, ...] = CUSTOM_KINDS,
) -> Header:
    """Read the leading comment's `key: value` lines; missing keys take the defaults."""
    values: dict[str, str] = {}
    match = _HEADER.match(source)
    if match:
        for line in match.group(1).splitlines():
            found = _HEADER_LINE.match(line)
            if found:
                values[found.group(1)] = found.group(2)
    language = values.get("language", default_language).lower()
    if language not in LANGUAGES:
        raise TemplateRejected(f"language must be one of: {', '.join(LANGUAGES)}.")
    kind = values.get("kind", default_kind).lower()
    if kind not in kinds:
        raise TemplateRejected(f"kind must be {' or '.join(kinds)}.")
    title = values.get("title", "")
    purpose = values.get("purpose", "")
    if len(title) > MAX_TITLE or len(purpose) > MAX_PURPOSE:
        raise TemplateRejected(
            f"Keep the title under {MAX_TITLE} characters and the purpose under {MAX_PURPOSE}."
        )
    declared = frozenset(f.strip() for f in values.get("fields", "").split(",") if f.strip())
    applies = frozenset(a.strip() for a in values.get("applies", "").split(",") if a.strip())
    if applies - APPLIES:
        raise TemplateRejected(f"applies may list: {', '.join(sorted(APPLIES))}.")
    return Header(title, purpose, language, kind, declared, applies)


def find_shipped(root: Path = TEMPLATES_DIR) -> dict[str, dict[str, Path]]:
    """name -> language -> file, for every file under templates/letters|petitions."""
    found: dict[str, dict[str, Path]] = {}
    for folder in KINDS:
        for path in sorted((root / folder).glob(f"*/*{SUFFIX}")):
            found.setdefault(path.name.removesuffix(SUFFIX), {})[path.parent.name] = path
    return found


def load_shipped(env: LetterEnvironment, path: Path) -> TemplateInfo:
    """Read, parse and validate one shipped file (the same checks as a custom template)."""
    language = path.parent.name
    kind = KINDS[path.parent.parent.name]
    source = path.read_text(encoding="utf-8")
    header = parse_header(
        source, default_language=language, default_kind=kind, kinds=TEMPLATE_KINDS
    )
    checked = check_source(env, source)
    return TemplateInfo(
        name=path.name.removesuffix(SUFFIX),
        language=header.language,
        kind=header.kind,
        title=header.title or path.name,
        purpose=header.purpose,
        fields=checked.fields,
        source=source,
        applies=header.applies,
    )


class LetterCatalog:
    """The environment, the shipped templates, and compiled templates by content.

    Built where commands are registered and passed to the handlers. Construction only
    lists files; a template is read, validated and compiled the first time it is used.
    Shipped templates are compiled here, kept by content digest; custom ones are compiled and
    rendered only in a worker (templating/pool.py), so only their fields are kept here.
    """

    MAX_COMPILED = 256

    def __init__(self, root: Path = TEMPLATES_DIR) -> None:
        self.env = make_environment()
        self.files = find_shipped(root)
        self._infos: dict[tuple[str, str], TemplateInfo] = {}
        self._compiled: dict[str, Template] = {}
        # Custom templates' fields by content digest, as a worker read them (drafting.py).
        self.custom_fields: dict[str, frozenset[str]] = {}

    def shipped_names(self) -> list[str]:
        return sorted(self.files)

    def shipped(self, name: str, language: str) -> TemplateInfo | None:
        path = self.files.get(name, {}).get(language)
        if path is None:
            return None
        key = (name, language)
        info = self._infos.get(key)
        if info is None:
            info = self._infos[key] = load_shipped(self.env, path)
        return info

    def shipped_languages(self, name: str) -> list[str]:
        return sorted(self.files.get(name, {}))

    def remember_fields(self, digest: str, fields: frozenset[str]) -> frozenset[str]:
        if len(self.custom_fields) >= self.MAX_COMPILED:
            self.custom_fields.pop(next(iter(self.custom_fields)))
        self.custom_fields[digest] = fields
        return fields

    def compiled(self, info: TemplateInfo) -> Template:
        key = info.digest
        template = self._compiled.get(key)
        if template is None:
            if len(self._compiled) >= self.MAX_COMPILED:
                self._compiled.pop(next(iter(self._compiled)))
            template = compile_template(self.env, info.source)
            self._compiled[key] = template
        return template
