"""The page: server-rendered, bilingual, private (no cookie, a strict CSP), and signing it
counts once, as a sign-up from the web, in stats, the export and the petition PDF."""

from __future__ import annotations

from pathlib import Path

from storage.sql import Db
from tests.commands.campaigns.helpers import ORGANIZER, run_ok
from tests.platforms.web_pages.helpers import campaign, site


async def test_the_page_is_complete_without_javascript_or_cookies(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        response = await s.client.get(path)
        body = await response.text()
        assert response.status == 200
        assert "Set-Cookie" not in response.headers
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp
        assert '<html lang="en">' in body and "<h1>Ring-free Greenfield</h1>" in body
        assert "0 of a goal of 50 signed" in body
        assert '<meta property="og:title" content="Ring-free Greenfield">' in body
        assert 'og:description" content="0 of a goal of 50 signed"' in body
        for field in ("name", "city", "email", "optin", "consent"):
            assert f'<label for="{field}"' in body or f'for="{field}">' in body, field
        assert 'name="optin" value="yes">' in body  # the opt-in is never ticked for anyone
        assert "<script" not in body and "http" not in body.split("<main>")[1].split("og:")[0]
        assert "//" not in body.replace("http://pages.test/c/", "").split("<body>")[1]


async def test_spanish_by_accept_language_and_by_the_switch(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        spanish = await s.client.get(path, headers={"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"})
        body = await spanish.text()
        assert '<html lang="es">' in body and "Firmar la petición" in body
        assert f'href="{path}?lang=en"' in body  # the switch back
        chosen = await s.client.get(path + "?lang=es", headers={"Accept-Language": "en"})
        assert '<html lang="es">' in await chosen.text()
        english = await s.client.get(path, headers={"Accept-Language": "fr, en;q=0.1"})
        assert '<html lang="en">' in await english.text()


async def test_a_signature_counts_once_and_is_everywhere(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        status, body = await s.sign(path, name="Ana  Díaz", city="Springfield, IL")
        assert status == 200 and "Signatures so far: 1" in body
        status, body = await s.sign(path, name="ana díaz", city="springfield, il")
        assert status == 200 and "already made on 2026-11-26" in body
        rows = await db.fetchall("SELECT platform, display_name, city FROM signups")
        assert [tuple(r) for r in rows] == [("web", "Ana Díaz", "Springfield, IL")]
        page = await (await s.client.get(path)).text()
        assert "1 of a goal of 50 signed" in page
        stats = await run_ok(s.dispatcher, ORGANIZER, "/campaign stats ring-free")
        assert stats.title == "Ring-free Greenfield: 1 signed up"
        export = await run_ok(s.dispatcher, ORGANIZER, "/campaign export ring-free")
        assert (
            export.file is not None and 'Ana Díaz,"Springfield, IL"' in export.file.content.decode()
        )
        petition = await run_ok(s.dispatcher, ORGANIZER, "/campaign petition ring-free")
        assert petition.file is not None and "1 signer" in petition.text


async def test_email_is_kept_only_with_the_opt_in(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        _, body = await s.sign(path, name="No Optin", city="Reno", email="a@example.org")
        assert "Your email was not kept" in body
        await s.sign(path, name="Opted In", city="Reno", email="B@Example.org", optin="yes")
        rows = await db.fetchall("SELECT email FROM web_signatures ORDER BY email")
        assert [r[0] for r in rows] == ["", "b@example.org"]
        status, body = await s.sign(path, name="Nobody", city="Reno", optin="yes")
        assert status == 400 and "Please give your email address" in body


async def test_hostile_input_is_refused_and_formulas_are_defused(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        for name in ("Ana\u200bDíaz", "Bell\x07", "@everyone", ""):
            status, body = await s.sign(path, name=name, city="Reno")
            assert status == 400 and 'role="alert"' in body, repr(name)
        status, body = await s.sign(path, name="Ana", city="Reno")  # no consent box
        assert status == 200
        status, body = await s.sign(path, name="Eve", city="Reno", consent="")
        assert status == 400 and "Please tick the box" in body
        status, _ = await s.sign(path, name='=HYPERLINK("http://x")', city="+1 Reno")
        assert status == 200
        export = await run_ok(s.dispatcher, ORGANIZER, "/campaign export ring-free")
        assert export.file is not None
        text = export.file.content.decode()
        assert "'=HYPERLINK" in text and "'+1 Reno" in text
        count = await db.fetchone("SELECT count(*) FROM signups")
        assert count is not None and count[0] == 2


async def test_a_closed_campaign_shows_but_takes_no_signature(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        token = await s.form_token(path)
        await run_ok(s.dispatcher, ORGANIZER, "/campaign close ring-free")
        page = await (await s.client.get(path)).text()
        assert "takes no more signatures" in page and "<form" not in page
        form = {"token": token, "name": "Late", "city": "Reno", "consent": "yes"}
        response = await s.client.post(path + "/sign", data=form)
        assert response.status == 409
        count = await db.fetchone("SELECT count(*) FROM signups")
        assert count is not None and count[0] == 0
