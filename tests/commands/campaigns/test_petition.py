"""/campaign petition: the PDF read back with pypdf, the CSV beside it; joiners told first."""

from __future__ import annotations

import csv
import io
import logging
import math
import re

import pytest
from pypdf import PdfReader

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from commands.campaigns.petition_pdf import PetitionDoc, render_pdf
from places.index import place_index
from storage.campaigns.models import ExportRow
from storage.db import Database
from storage.seed import ensure_seed
from testkit.letters_facts import letters_agencies as hand_written_agencies
from tests.commands.campaigns.helpers import ORGANIZER, create, run_error, run_ok
from tests.conftest import FIXED_NOW, identity

NAMES = ["José Núñez", "Zoë Ångström", "Łukasz Żółć", "Δημήτρης Παπαδόπουλος", "Иван Петров"]


def _pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_every_signer_is_in_the_pdf_with_accents_and_page_numbers() -> None:
    rows = [ExportRow(f"{NAMES[i % 5]} {i}", "San José, CA", "2026-11-20") for i in range(300)]
    pdf = render_pdf(PetitionDoc("Ban it", "the Oakland City Council", "Text é", "Nov 26"), rows)
    pages, text = _pdf_text(pdf)
    for row in rows:
        assert row.display_name in text, row.display_name
    assert "San José, CA" in text and "Signers (300)" in text
    # Page 2 holds a full page of rows: the count of pages follows from it.
    per_page = PdfReader(io.BytesIO(pdf)).pages[1].extract_text().count("2026-11-20")
    assert pages == 1 + math.ceil(len(rows) / per_page)
    assert f"Page {pages} of {pages}" in text


async def test_campaign_petition_pdf_and_csv(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await ensure_seed(db, now=FIXED_NOW)
    await db.write(hand_written_agencies)  # Greenfield, WI among them (no ban)
    await place_index(deps).reload()
    refused = await run_error(
        dispatcher, ORGANIZER, '/campaign create no-fr "Ban it" template:ban-petition'
    )
    assert "needs a place" in refused  # checked at create, not shown broken to joiners
    refused = await run_error(
        dispatcher,
        ORGANIZER,
        '/campaign create no-fr "Ban it" template:ban-petition place:"San Francisco, CA"',
    )
    assert "keep-ban" in refused  # SF has a ban: the petition does not fit
    await create(dispatcher, 'no-fr "Ban it" template:ban-petition place:"Greenfield, WI"')
    members = [identity(user_id=f"U{i}") for i in range(len(NAMES))]
    for i, who in enumerate(members):
        who = who.__class__(**{**who.__dict__, "user_name": NAMES[i]})
        members[i] = who
        notice = await run_ok(dispatcher, who, "/campaign join no-fr Greenfield, WI")
        assert "will appear on it" in notice.text and "agree:yes" in notice.text
        assert "[" not in notice.text
        joined = await run_ok(dispatcher, who, "/campaign join no-fr Greenfield, WI agree:yes")
        assert "signed up" in joined.text
    await run_ok(dispatcher, members[1], "/campaign leave no-fr")
    preview = await run_ok(dispatcher, members[2], "/forgetme")
    code = re.search(r"/forgetme ([0-9a-f]{8})", preview.text)
    assert code is not None
    await run_ok(dispatcher, members[2], f"/forgetme {code.group(1)}")
    assert "organizers" in (await run_error(dispatcher, members[0], "/campaign petition no-fr"))
    reply = await run_ok(dispatcher, ORGANIZER, "/campaign petition no-fr")
    assert reply.file is not None and reply.file.filename == "no-fr-petition-en-2026-11-26.pdf"
    assert reply.file.mime == "application/pdf"
    assert "/campaign export no-fr" in reply.text  # the same signers as a spreadsheet
    pages, text = _pdf_text(reply.file.content)
    export = await run_ok(dispatcher, ORGANIZER, "/campaign export no-fr")
    assert export.file is not None
    rows = list(csv.reader(io.StringIO(export.file.content.decode("utf-8-sig"))))
    assert pages == 2 and "Page 2 of 2" in text
    assert "To: the governing body of Greenfield, WI" in text and "Ban it" in text
    assert "November 26, 2026" in text
    kept = [NAMES[0], NAMES[3], NAMES[4]]
    for name in kept:
        assert name in text
    assert NAMES[1] not in text and NAMES[2] not in text  # left, forgotten
    assert [r[0] for r in rows[1:]] == kept and rows[0] == ["name", "city", "signed_up_on"]
    es = await run_ok(
        dispatcher, identity(Role.ORGANIZER, "U-org"), "/campaign petition no-fr language:es"
    )
    assert es.file is not None and es.file.filename == "no-fr-petition-es-2026-11-26.pdf"
    assert "PETICIÓN" in _pdf_text(es.file.content)[1]


async def test_a_letter_is_refused_as_a_campaign_petition(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    await ensure_seed(db, now=FIXED_NOW)
    await db.write(hand_written_agencies)
    await place_index(deps).reload()
    for template in ("ring-council", "keep-ban", "records-request"):
        refused = await run_error(
            dispatcher,
            ORGANIZER,
            f'/campaign create no-fr "Ban it" template:{template} place:"Greenfield, WI"',
        )
        assert "not a petition" in refused and "ban-petition" in refused, refused
        assert "\n" not in refused
    # Nothing was created: the petition template is accepted under the same slug.
    await create(dispatcher, 'no-fr "Ban it" template:ban-petition place:"Greenfield, WI"')


def test_making_a_pdf_logs_nothing_at_info(caplog: pytest.LogCaptureFixture) -> None:
    # fontTools' subsetter logged ~75 INFO lines per PDF into the operator's console.
    rows = [ExportRow("José Núñez", "San José, CA", "2026-11-20")]
    with caplog.at_level(logging.INFO):
        render_pdf(PetitionDoc("Ban it", "the council", "Text é", "Nov 26"), rows)
    assert [r.name for r in caplog.records] == []
