"""The signer's private removal link: a confirmation page (GET changes nothing), then the
signature goes, leaving no trace in the database, the export or the petition PDF."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from storage.sql import Db
from tests.commands.campaigns.helpers import ORGANIZER, run_error, run_ok
from tests.conftest import identity
from tests.db_tables import table_columns
from tests.platforms.web_pages.helpers import REMOVAL, TOKEN_FIELD, campaign, site

SECRET_BITS = ("Zoë Quintero", "Ypsilanti", "zoe@example.org")


async def _traces(db: Db) -> list[tuple[str, str]]:
    found = []
    for table, columns in (await table_columns(db)).items():
        for column in columns:
            for bit in SECRET_BITS:
                row = await db.fetchone(
                    f"SELECT count(*) FROM {table} WHERE CAST({column} AS TEXT) LIKE ?",
                    (f"%{bit}%",),
                )
                if row is not None and row[0]:
                    found.append((table, column))
    return found


async def test_the_removal_link_leaves_no_trace(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        await s.sign(path, name="Kept Signer", city="Reno")
        status, body = await s.sign(
            path, name=SECRET_BITS[0], city=SECRET_BITS[1], email=SECRET_BITS[2], optin="yes"
        )
        found = REMOVAL.search(body)
        assert status == 200 and found, body
        removal = found.group(1)
        assert set(await _traces(db)) == {
            ("signups", "display_name"), ("signups", "city"), ("web_signatures", "email")
        }  # fmt: skip
        confirm = await s.client.get(removal)
        text = await confirm.text()
        assert confirm.status == 200 and "Remove my signature" in text
        assert confirm.headers["Referrer-Policy"] == "no-referrer"
        assert await _traces(db)  # looking at the link removed nothing
        token = TOKEN_FIELD.search(text)
        assert token
        refused = await s.client.post(removal, data={"token": "1.2"})
        assert refused.status == 400 and await _traces(db)
        done = await s.client.post(removal, data={"token": token.group(1)})
        assert done.status == 200 and "Your signature was removed" in await done.text()
        assert await _traces(db) == []
        again = await s.client.get(removal)
        assert again.status == 404
        export = await run_ok(s.dispatcher, ORGANIZER, "/campaign export ring-free")
        assert export.file is not None
        csv_text = export.file.content.decode()
        assert "Kept Signer" in csv_text and not any(b in csv_text for b in SECRET_BITS)
        petition = await run_ok(s.dispatcher, ORGANIZER, "/campaign petition ring-free")
        assert petition.file is not None
        reader = PdfReader(io.BytesIO(petition.file.content))
        pdf_text = "\n".join(page.extract_text() for page in reader.pages)
        assert "Kept Signer" in pdf_text and not any(b in pdf_text for b in SECRET_BITS)
        assert "1 of a goal of 50 signed" in await (await s.client.get(path)).text()


async def test_a_made_up_removal_link_is_404(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        await campaign(s)
        assert (await s.client.get("/r/not-a-real-link")).status == 404


async def test_an_organizer_strikes_a_web_signature_and_it_is_recorded(
    db: Db, tmp_path: Path
) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        await run_ok(s.dispatcher, identity(user_id="U-chat"), "/campaign join ring-free")
        await s.sign(path, name="Mickey Mouse", city="Reno")
        refused = await run_error(s.dispatcher, ORGANIZER, "/campaign strike ring-free 1")
        assert "signed up in the chat" in refused
        assert "no signer number 3" in await run_error(
            s.dispatcher, ORGANIZER, "/campaign strike ring-free 3"
        )
        member = await run_error(s.dispatcher, identity(), "/campaign strike ring-free 2")
        assert "organizer" in member.lower()
        done = await run_ok(s.dispatcher, ORGANIZER, "/campaign strike ring-free 2")
        assert "a web signature of 2026-11-26" in done.text
        rows = await db.fetchall("SELECT platform FROM signups")
        assert [r[0] for r in rows] == ["test"]
        left = await db.fetchone("SELECT count(*) FROM web_signatures")
        assert left is not None and left[0] == 0
        struck = await db.fetchall(
            "SELECT signer_number, signed_on, platform, user_id FROM campaign_strikes"
        )
        assert [tuple(r) for r in struck] == [(2, "2026-11-26", "test", "U-org")]
        mydata = await run_ok(s.dispatcher, ORGANIZER, "/mydata")
        assert "You struck 1 web signatures" in mydata.text + str(mydata.fields)
