"""Abuse controls without surveillance, over HTTP on 127.0.0.1: the signed form token, the
honeypot, the per-address and per-campaign limits, the body cap; unpublished pages and other
workspaces' campaigns answer 404; no address is stored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.core.models import Role
from bot.platforms.web.pages.guard import TOKEN_TTL_S, Limits
from storage.sql import Db
from tests.commands.campaigns.helpers import ORGANIZER, create, run_ok
from tests.conftest import identity
from tests.db_tables import table_columns
from tests.platforms.web_pages.helpers import campaign, site


async def _signups(db: Db) -> int:
    row = await db.fetchone("SELECT count(*) FROM signups")
    assert row is not None
    return int(row[0])


async def test_a_missing_forged_or_expired_token_saves_nothing(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        good = await s.form_token(path)
        other = await campaign(s, 'other-one "Other"')
        for token in ("", "123.abc", good.replace(".", ".0"), await s.form_token(other)):
            form = {"token": token, "name": "Ana", "city": "Reno", "consent": "yes"}
            response = await s.client.post(path + "/sign", data=form)
            assert response.status == 400, token
            assert "This form had expired" in await response.text()
        s.clock.now += dt.timedelta(seconds=TOKEN_TTL_S + 1)
        form = {"token": good, "name": "Ana", "city": "Reno", "consent": "yes"}
        response = await s.client.post(path + "/sign", data=form)
        assert response.status == 400
        body = await response.text()
        assert 'value="Ana"' in body  # what was typed comes back with a fresh token
        assert await _signups(db) == 0
        form["token"] = await s.form_token(path)
        assert (await s.client.post(path + "/sign", data=form)).status == 200


async def test_the_honeypot_looks_like_success_and_saves_nothing(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        status, body = await s.sign(path, name="Bot", city="Reno", website="http://spam")
        assert status == 200 and "Thank you" in body and 'id="removal"' not in body
        assert await _signups(db) == 0


async def test_per_address_limit_then_try_again(db: Db, tmp_path: Path) -> None:
    limits = Limits(per_address=3, address_window_s=600)
    async with site(db, tmp_path, limits) as s:
        path = await campaign(s)
        for n in range(3):
            status, _ = await s.sign(path, name=f"Signer {n}", city="Reno")
            assert status == 200
        form = {"token": await s.form_token(path), "name": "Four", "city": "Reno", "consent": "yes"}
        response = await s.client.post(path + "/sign", data=form)
        assert response.status == 429 and response.headers["Retry-After"] == "60"
        assert "Try again shortly" in await response.text()
        assert await _signups(db) == 3


async def test_per_campaign_cap_says_try_again_shortly(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path, Limits(per_campaign_minute=2)) as s:
        path = await campaign(s)
        other = await campaign(s, 'other-one "Other"')
        assert (await s.sign(path, name="A", city="Reno"))[0] == 200
        assert (await s.sign(path, name="B", city="Reno"))[0] == 200
        status, body = await s.sign(path, name="C", city="Reno")
        assert status == 429 and "Many people are signing right now" in body
        assert (await s.sign(other, name="C", city="Reno"))[0] == 200  # per campaign
        assert await _signups(db) == 3


async def test_an_oversized_body_is_refused(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        form = {"token": await s.form_token(path), "name": "A" * 20_000, "city": "Reno"}
        response = await s.client.post(path + "/sign", data=form)
        assert response.status == 413
        assert await _signups(db) == 0


async def test_unpublished_and_unknown_pages_answer_404(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        token = await s.form_token(path)
        await run_ok(s.dispatcher, ORGANIZER, "/campaign unpublish ring-free")
        assert (await s.client.get(path)).status == 404
        form = {"token": token, "name": "Ana", "city": "Reno", "consent": "yes"}
        assert (await s.client.post(path + "/sign", data=form)).status == 404
        assert (await s.client.get("/c/ring-free")).status == 404  # the slug is no address
        assert (await s.client.get("/c/" + "x" * 500)).status == 404


async def test_another_workspaces_slug_is_another_page(db: Db, tmp_path: Path) -> None:
    other = identity(Role.ORGANIZER, user_id="U-o2", workspace="W2")
    async with site(db, tmp_path) as s:
        ours = await campaign(s)
        await create(s.dispatcher, 'ring-free "Theirs"', who=other)
        theirs = await s.publish("ring-free", who=other)
        assert ours != theirs
        assert "<h1>Theirs</h1>" in await (await s.client.get(theirs)).text()
        await s.sign(theirs, name="Ana", city="Reno")
        rows = await db.fetchall(
            "SELECT c.workspace FROM signups s JOIN campaigns c ON c.id = s.campaign_id"
        )
        assert [r[0] for r in rows] == ["W2"]
        assert "0 of a goal of 50 signed" in await (await s.client.get(ours)).text()


async def test_no_address_is_stored_anywhere(db: Db, tmp_path: Path) -> None:
    async with site(db, tmp_path) as s:
        path = await campaign(s)
        await s.sign(path, name="Ana", city="Reno", email="a@example.org", optin="yes")
        for table, columns in (await table_columns(db)).items():
            for column in columns:
                found = await db.fetchone(
                    f"SELECT count(*) FROM {table} WHERE CAST({column} AS TEXT) LIKE ?",
                    ("%127.0.0.1%",),
                )
                assert found is not None and found[0] == 0, (table, column)
