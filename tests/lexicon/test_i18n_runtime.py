"""Saying things in a language: locale tags, plurals by the catalog's rule, dates at their
precision in each language's words, the pseudo-locale, and the locale of the moment."""

from __future__ import annotations

import asyncio
import datetime as dt
import gettext
import io

import pytest
from babel.support import Translations

from lexicon.i18n import (
    _,
    current,
    format_day,
    format_fact_date,
    format_moment,
    ngettext,
    normalize,
    using,
)
from lexicon.i18n.catalogs import _compiled_in_memory, catalog_for, catalog_path
from lexicon.i18n.pseudo import pseudo


@pytest.mark.parametrize(
    ("tag", "locale"),
    [("es-ES", "es"), ("es-419", "es"), ("es-LA", "es"), ("es_MX.UTF-8", "es"), ("ES", "es"),
     ("en-US", "en"), ("en-GB", "en"), ("en", "en"), ("qps", "qps"),
     ("fr", None), ("C", None), ("C.UTF-8", None), ("POSIX", None), ("", None)],
)  # fmt: skip
def test_platform_tags_read_as_a_language(tag: str, locale: str | None) -> None:
    assert normalize(tag) == locale


def test_english_is_the_code_itself_and_spanish_the_catalog() -> None:
    assert _("Unknown command /{name}.") == "Unknown command /{name}."
    with using("es"):
        assert _("Unknown command /{name}.").format(name="x") == "No existe el comando /x."
        assert _("a string no catalog holds") == "a string no catalog holds"
    assert current() == "en"


@pytest.mark.parametrize(("n", "english", "spanish"), [
    (1, "1 more is for admins.", "1 más es para administradores."),
    (2, "2 more are for admins.", "2 más son para administradores."),
    (0, "0 more are for admins.", "0 más son para administradores."),
])  # fmt: skip
def test_plurals_follow_each_language(n: int, english: str, spanish: str) -> None:
    said = ("{n} more is for admins.", "{n} more are for admins.")
    assert ngettext(*said, n).format(n=n) == english
    with using("es"):
        assert ngettext(*said, n).format(n=n) == spanish


def test_dates_in_spanish_keep_their_precision() -> None:
    with using("es"):
        assert format_day(dt.date(2026, 11, 28)) == "28 de noviembre de 2026"
        assert format_fact_date("2026-11-28") == "28 de noviembre de 2026"
        assert format_fact_date("2026-11-28", iso_days=True) == "28 de noviembre de 2026"
        assert format_fact_date("2026-11") == "noviembre de 2026"
        assert format_fact_date("2026-11-01", "month") == "noviembre de 2026"
        assert format_fact_date("2026") == "2026"


def test_dates_in_english_are_worded_as_before() -> None:
    assert format_day(dt.date(2026, 11, 28)) == "November 28, 2026"
    assert format_fact_date("2026-11-28", iso_days=True) == "2026-11-28"
    assert format_fact_date("2020-09") == "September 2020"
    assert format_fact_date("2019") == "2019"


def test_the_pseudo_locale_marks_catalog_strings_and_keeps_placeholders() -> None:
    assert pseudo("Unknown command /{name}.").format(name="x") == "⟦Ûñķñöŵñ çöɱɱåñð /x.⟧"
    assert pseudo("{n:,} of {{x}}").format(n=1500) == "⟦1,500 öƒ {ẋ}⟧"  # a literal brace is text
    with using("qps"):
        assert _("Unknown command /{name}.").startswith("⟦")
        assert _("not extracted from the code") == "⟪MISSING: not extracted from the code⟫"


async def test_each_task_keeps_the_locale_of_its_request() -> None:
    async def answer(locale: str) -> str:
        with using(locale):
            await asyncio.sleep(0)  # the other request runs meanwhile
            return _("Your data")

    assert list(await asyncio.gather(answer("es"), answer("en"))) == ["Sus datos", "Your data"]


def test_a_tree_without_the_compiled_catalog_reads_the_po() -> None:
    po = catalog_path("es", ".po")
    from_po = Translations(io.BytesIO(_compiled_in_memory(po)))
    assert from_po.gettext("Your data") == catalog_for("es").gettext("Your data") == "Sus datos"
    assert isinstance(catalog_for("en"), gettext.NullTranslations)


def test_a_moment_reads_as_always_in_english_and_in_words_in_spanish() -> None:
    with using("en"):
        assert format_moment("2026-11-28T07:49:20Z") == "2026-11-28 07:49 UTC"
    with using("es"):
        assert format_moment("2026-11-28T07:49:20Z") == "28 de noviembre de 2026, 07:49 UTC"
        assert format_moment("2026-11") == "2026-11 UTC"  # too short to be a moment: as stored
