"""Which language a page is in: the reader's switch (?lang=, the form's lang) over the
campaign's own language (/campaign language) over the browser's Accept-Language, read by
its q-values, over English; the words come from the chat's catalog, and a typo'd city is
refused in the page's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.platforms.web.pages.words import WORDS, accepted, choose_language, page_words
from places.index import place_index
from storage.seed import ensure_seed
from storage.sql import Db
from testkit.letters_facts import letters_agencies as hand_written_agencies
from testkit.pseudo import MISSING, untranslated_words
from tests.commands.campaigns.helpers import ORGANIZER, run_ok
from tests.conftest import FIXED_NOW
from tests.platforms.web_pages.helpers import Site, campaign, site


def test_every_word_of_the_pages_is_in_the_catalog() -> None:
    """In the pseudo-locale a word that skipped the catalog stays plain English, one never
    extracted comes out MISSING (docs/languages.md)."""
    pseudo = page_words("qps")
    assert pseudo.keys() == WORDS.keys()
    for key, said in pseudo.items():
        assert MISSING not in said and not untranslated_words(said, {"count", "goal"}), key
    spanish = page_words("es")
    assert not [key for key, said in spanish.items() if said == WORDS[key]]


async def lang_of(s: Site, path: str, accept: str) -> str:
    body = await (await s.client.get(path, headers={"Accept-Language": accept})).text()
    return body.split('<html lang="', 1)[1].split('"', 1)[0]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("en;q=0.4, es;q=0.8", "es"),  # the higher q wins, not the first listed
        ("es-419;q=0.3, fr, de;q=0.9", "es"),  # the languages we lack are skipped
        ("es;q=0, en;q=0.2", "en"),  # q=0: not acceptable
        ("es;q=0", "en"),
        ("es;q=abc, en;q=0.1", "en"),  # a malformed q is left out
        ("fr-CA, *;q=0.5", "en"),  # the wildcard names no language
        ("ES-mx", "es"),
        ("", "en"),
    ],
)
def test_accept_language_by_q_values(header: str, expected: str) -> None:
    assert choose_language("", "", header) == expected


def test_accepted_keeps_the_header_order_among_equal_q() -> None:
    assert accepted("da, en-gb;q=0.8, en;q=0.8, es;q=0.9") == ["da", "es", "en-gb", "en"]


def test_the_switch_beats_the_campaign_which_beats_the_browser() -> None:
    assert choose_language("en", "es", "es") == "en"
    assert choose_language("", "es", "en") == "es"
    assert choose_language("", "", "es") == "es"
    assert choose_language("xx", "", "") == "en"  # an unknown switch is no choice


async def test_the_campaigns_language_is_the_pages_default(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        assert await lang_of(s, path, "en-US,en;q=0.9") == "en"
        reply = await run_ok(s.dispatcher, ORGANIZER, "/campaign language ring-free es")
        assert "ring-free is in español now" in reply.text
        row = await db.fetchone("SELECT language FROM campaigns WHERE slug = 'ring-free'")
        assert row is not None and row[0] == "es"
        body = await (await s.client.get(path, headers={"Accept-Language": "en"})).text()
        assert '<html lang="es">' in body
        # Every word from the catalog's Spanish: the form, the count, the switch.
        for spanish in ("Firmar la petición", "Su ciudad o código postal", "Firmas: 0 de una"):
            assert spanish in body, spanish
        assert f'href="{path}?lang=en" hreflang="en">English</a>' in body
        assert await lang_of(s, path + "?lang=en", "es") == "en"  # the reader's switch wins
        await run_ok(s.dispatcher, ORGANIZER, "/campaign language ring-free auto")
        assert await lang_of(s, path, "en;q=0.5, es") == "es"  # the browser again
        assert await lang_of(s, path, "en") == "en"


async def test_the_form_keeps_the_language_it_was_shown_in(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        status, body = await s.sign(path, name="Ana", city="Reno", lang="es")
        assert status == 200 and "Su firma en Ring-free Greenfield cuenta" in body
        assert '<html lang="es">' in body
        status, body = await s.sign(path, name="", city="Reno", lang="es")
        assert status == 400 and "Escriba su nombre, por favor." in body


async def test_a_typo_city_is_refused_in_the_pages_language(db: Db, tmp_path: Path) -> None:
    await ensure_seed(db, now=FIXED_NOW)
    await db.write(hand_written_agencies)  # Greenfield, WI among them
    async with site(db, tmp_path) as s:
        await place_index(s.deps).reload()
        path = await campaign(s)
        status, body = await s.sign(path, name="Ana", city="Greenfeild, WI", lang="es")
        assert status == 400
        assert "Ningún lugar se llama exactamente &#x27;Greenfeild, WI&#x27;" in body
        assert "Los más cercanos: Greenfield, WI" in body
        status, body = await s.sign(path, name="Ana", city="Greenfeild, WI", lang="en")
        assert status == 400 and "No place is called exactly" in body
        assert await db.fetchone("SELECT id FROM signups") is None
