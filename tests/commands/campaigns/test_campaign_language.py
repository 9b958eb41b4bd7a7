"""/campaign language: an organizer of the campaign's workspace sets its own language, the
default of its petition PDF and its cards (the page's: tests/platforms/web_pages); the
gazetteer's refusals come in the chat member's language."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from commands.campaigns import links
from commands.campaigns.cards import excerpt
from places.index import place_index
from storage.db import Database
from storage.seed import ensure_seed
from testkit.letters_facts import letters_agencies as hand_written_agencies
from tests.commands.campaigns.helpers import ORGANIZER, create, run_error, run_ok
from tests.conftest import FIXED_NOW, identity
from tests.facts_sample import load_sample


async def _language(db: Database, slug: str) -> str:
    row = await db.fetchone("SELECT language FROM campaigns WHERE slug = ?", (slug,))
    assert row is not None
    return str(row[0])


async def test_only_its_workspaces_organizers_set_it(dispatcher: Dispatcher, db: Database) -> None:
    await create(dispatcher, 'drive "Drive" 10')
    assert await _language(db, "drive") == ""  # none chosen: readers' browsers decide
    member = await run_error(dispatcher, identity(user_id="M"), "/campaign language drive es")
    assert "organizers" in member
    elsewhere = identity(Role.ORGANIZER, "U-other", workspace="W2")
    assert "No campaign called drive" in await run_error(
        dispatcher, elsewhere, "/campaign language drive es"
    )
    bad = await run_error(dispatcher, ORGANIZER, "/campaign language drive fr")
    assert "en, es, auto" in bad and await _language(db, "drive") == ""
    reply = await run_ok(dispatcher, ORGANIZER, "/campaign language drive es")
    assert reply.text.startswith("drive is in español now") and reply.private
    assert await _language(db, "drive") == "es"
    reply = await run_ok(dispatcher, ORGANIZER, "/campaign language drive auto")
    assert "follows each reader's browser" in reply.text
    assert await _language(db, "drive") == ""


async def test_the_petition_pdf_and_the_card_follow_it(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await ensure_seed(db, now=FIXED_NOW)
    await db.write(hand_written_agencies)  # Greenfield, WI among them (no ban)
    await place_index(deps).reload()
    await create(dispatcher, 'no-fr "Ban it" template:ban-petition place:"Greenfield, WI"')
    english = await run_ok(dispatcher, ORGANIZER, "/campaign post no-fr")
    await run_ok(dispatcher, ORGANIZER, "/campaign language no-fr es")
    pdf = await run_ok(dispatcher, ORGANIZER, "/campaign petition no-fr")
    assert pdf.file is not None and pdf.file.filename == "no-fr-petition-es-2026-11-26.pdf"
    reader = PdfReader(io.BytesIO(pdf.file.content))
    assert "PETICIÓN" in "\n".join(page.extract_text() for page in reader.pages)
    asked = await run_ok(dispatcher, ORGANIZER, "/campaign petition no-fr language:en")
    assert asked.file is not None and "-petition-en-" in asked.file.filename
    campaign = await deps.storage.campaigns.find("W1", "no-fr")
    assert campaign is not None and campaign.language == "es"
    card = await run_ok(dispatcher, ORGANIZER, "/campaign post no-fr")
    spanish = await links.petition_for(deps, campaign, "es")
    assert card.text == excerpt(spanish) and card.text != english.text


async def test_the_gazetteers_refusals_in_spanish_in_the_chat(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await load_sample(db)
    await place_index(deps).reload()
    await create(dispatcher, 'drive "Drive" 10')
    spanish = replace(identity(user_id="A"), locale="es-419")
    typo = await run_error(dispatcher, spanish, "/campaign join drive Greenfeild, WI")
    assert typo.startswith("Ningún lugar se llama exactamente 'Greenfeild, WI'")
    assert "Los más cercanos: Greenfield, WI" in typo
    organizer = replace(ORGANIZER, locale="es-419")
    no_zip = await run_error(dispatcher, organizer, '/campaign create zz "Z" 10 place:00000')
    assert no_zip.startswith("00000 no es un código postal de EE. UU. del nomenclátor.")
