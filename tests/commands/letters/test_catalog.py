"""The shipped templates: headers, both languages, and the same checks as custom ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from commands.letters.catalog import (
    TEMPLATE_KINDS,
    TEMPLATES_DIR,
    LetterCatalog,
    TemplateInfo,
    parse_header,
)
from lexicon.dates import LANGUAGES
from templating.validate import TemplateRejected

SHIPPED = (
    "ring-council",
    "company-moratorium",
    "company-commitment",
    "ban-petition",
    "keep-ban",
    "records-request",
)


@pytest.fixture(scope="module")
def catalog() -> LetterCatalog:
    return LetterCatalog()


def _info(catalog: LetterCatalog, name: str, language: str) -> TemplateInfo:
    info = catalog.shipped(name, language)
    assert info is not None, (name, language)
    return info


def test_every_required_template_exists_in_both_languages(catalog: LetterCatalog) -> None:
    for name in SHIPPED:
        assert catalog.shipped_languages(name) == sorted(LANGUAGES), name
    assert catalog.shipped_names() == sorted(SHIPPED)
    assert _info(catalog, "ban-petition", "en").kind == "petition"
    assert _info(catalog, "ring-council", "es").kind == "letter"
    assert catalog.shipped("ring-council", "fr") is None
    assert catalog.shipped("nope", "en") is None


def test_headers_declare_exactly_the_fields_the_template_reads(catalog: LetterCatalog) -> None:
    for path in sorted(TEMPLATES_DIR.glob("*/*/*.txt.j2")):
        source = path.read_text(encoding="utf-8")
        header = parse_header(source, kinds=TEMPLATE_KINDS)
        info = _info(catalog, path.name.removesuffix(".txt.j2"), path.parent.name)
        assert header.declared_fields == info.fields, path
        # Every shipped template says what it is: a campaign takes only a petition.
        assert re.search(r"^kind: ", source, re.MULTILINE), path
        assert header.kind == info.kind, path
        assert (info.kind == "petition") == (path.parent.parent.name == "petitions"), path
        assert header.language == path.parent.name, path
        assert header.title and header.purpose, path


def test_header_parse_defaults_and_errors() -> None:
    header = parse_header("{#\ntitle: Short\nkind: petition\n#}\nHello {{ signer }}")
    assert (header.title, header.kind, header.language) == ("Short", "petition", "en")
    assert parse_header("no header").title == ""
    with pytest.raises(TemplateRejected, match="language"):
        parse_header("{# language: fr #}x")
    with pytest.raises(TemplateRejected, match="kind"):
        parse_header("{# kind: poem #}x")


def test_a_broken_shipped_template_is_refused_at_load(tmp_path: Path) -> None:
    folder = tmp_path / "letters" / "en"
    folder.mkdir(parents=True)
    (folder / "bad.txt.j2").write_text("{{ signer.__class__ }}", encoding="utf-8")
    catalog = LetterCatalog(tmp_path)
    assert catalog.shipped_names() == ["bad"]
    with pytest.raises(TemplateRejected):
        catalog.shipped("bad", "en")


def test_compiled_templates_are_reused_by_content(catalog: LetterCatalog) -> None:
    info = _info(catalog, "keep-ban", "en")
    assert catalog.compiled(info) is catalog.compiled(info)
