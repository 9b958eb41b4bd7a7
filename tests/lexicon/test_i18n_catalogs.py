"""The catalogs themselves: extracted from the code as it is, every Spanish string written and
its placeholders kept, the compiled .mo the same as its .po, and every command's help text in
them (docs/languages.md)."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from commands import build_registry
from lexicon.i18n import DEFAULT, PSEUDO, SUPPORTED
from lexicon.i18n.catalogs import TEMPLATE, catalog_path, template_ids

REPO = Path(__file__).resolve().parents[2]
TRANSLATED = [locale for locale in SUPPORTED if locale != DEFAULT]


def keywords() -> dict[str, Any]:
    """The extraction keywords exactly as `make catalogs` passes them."""
    makefile = (REPO / "Makefile").read_text()
    line = next(x for x in makefile.splitlines() if x.startswith("EXTRACT_KEYWORDS"))
    return dict(parse_keywords(re.findall(r"-k (\S+)", line)))


def extracted_now() -> set[object]:
    with (REPO / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)  # type: ignore[no-untyped-call]
    found = extract_from_dir(
        str(REPO), method_map, options_map, keywords=keywords(), comment_tags=("TRANSLATORS:",)
    )
    return {message if isinstance(message, str) else tuple(message)
            for _file, _line, message, _comments, _context in found}  # fmt: skip


def ids(catalog_file: Path) -> set[object]:
    with catalog_file.open("rb") as handle:
        return {m.id for m in read_po(handle) if m.id}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_template_is_what_the_code_says_now() -> None:
    """A string added or changed in the code without `make catalogs` fails here."""
    now, stored = extracted_now(), ids(TEMPLATE)
    assert not now - stored, (
        f"run `make catalogs`: not in the template: {sorted(map(str, now - stored))[:5]}"
    )
    assert not stored - now, (
        f"run `make catalogs`: gone from the code: {sorted(map(str, stored - now))[:5]}"
    )


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_string_is_translated_with_its_placeholders(locale: str) -> None:
    with catalog_path(locale, ".po").open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    messages = [m for m in catalog if m.id]
    assert {m.id for m in messages} == ids(TEMPLATE)
    for message in messages:
        assert not message.fuzzy, f"fuzzy (review it): {message.id!r}"
        sources = [str(s) for s in (message.id if isinstance(message.id, tuple) else [message.id])]
        strings = message.string if isinstance(message.string, tuple) else [message.string]
        targets = [str(t or "") for t in strings]
        assert all(targets), f"untranslated: {message.id!r}"
        for target in targets:
            # A translation may drop {n} from a singular ("un lugar"), never invent a field.
            assert fields(target) <= fields(sources[-1]), f"{message.id!r} -> {target!r}"
            assert fields(sources[0]) - {"n"} <= fields(target), f"{message.id!r} -> {target!r}"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_the_compiled_catalog_is_the_po(locale: str) -> None:
    mo = catalog_path(locale, ".mo")
    if not mo.exists():
        pytest.skip("no compiled catalog here (make builds it; the .po is read instead)")
    with mo.open("rb") as handle:
        compiled = {_key(m.id): _key(m.string) for m in read_mo(handle) if m.id}
    with catalog_path(locale, ".po").open("rb") as handle:
        source = {_key(m.id): _key(m.string) for m in read_po(handle) if m.id}
    assert compiled == source, "the .mo is older than its .po: run `make catalogs`"


def _key(value: object) -> object:
    """read_mo gives a plural's forms as a list, read_po as a tuple."""
    return tuple(value) if isinstance(value, list) else value


def test_every_command_and_option_help_is_in_the_catalog() -> None:
    known = template_ids()
    for command in build_registry().commands():
        assert command.description in known, command.name
        for option in command.options:
            assert option.description in known, f"{command.name} {option.name}"


def test_the_pseudo_locale_is_not_a_language_to_choose() -> None:
    assert PSEUDO not in SUPPORTED


def test_no_catalog_call_hides_inside_an_f_string() -> None:
    """Extraction reads an f-string as one token: a literal `_("...")` inside one is never
    extracted, so it would stay English in every language. Call it outside and join the
    pieces (`_(variable)` of an N_-marked constant is fine: the constant is extracted)."""
    hidden = re.compile(r"""\bf(["']).*?\{_\(["']""")
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for folder in ("bot", "commands", "places", "notifications", "charts", "templating",
                       "storage", "lexicon")
        for path in (REPO / folder).rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if hidden.search(line)
    ]  # fmt: skip
    assert not offenders, offenders
