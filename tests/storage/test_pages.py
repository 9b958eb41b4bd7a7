"""PageStore on both backends: one token per campaign, web signatures counted once, and a
removal (or any deletion of the sign-up) taking the web row with it."""

from __future__ import annotations

from storage.campaigns.models import JoinStatus, Member, NewCampaign
from storage.campaigns.repository import CampaignStore
from storage.pages.repository import PageStore
from storage.pages.strikes import erase_strikes
from storage.sql import Conn, Db

NOW, TODAY = "2026-11-26T12:00:00Z", "2026-11-26"


async def _campaign(db: Db, workspace: str = "W1") -> int:
    campaigns = CampaignStore(db)
    await campaigns.create(NewCampaign(workspace, "ring-free", "T", None, "", "", None, TODAY))
    found = await campaigns.find(workspace, "ring-free")
    assert found is not None
    return found.id


async def test_publish_keeps_one_token_and_unpublish_hides_it(db: Db) -> None:
    pages, campaign_id = PageStore(db), await _campaign(db)
    assert await pages.publish(campaign_id, "tok-1", NOW) == "tok-1"
    assert await pages.publish(campaign_id, "tok-2", NOW) == "tok-1"
    found = await pages.campaign_by_token("tok-1")
    assert found is not None and found.id == campaign_id and found.workspace == "W1"
    assert await pages.unpublish(campaign_id) and not await pages.unpublish(campaign_id)
    assert await pages.campaign_by_token("tok-1") is None


async def test_sign_once_and_remove_without_trace(db: Db) -> None:
    pages, campaign_id = PageStore(db), await _campaign(db)
    member = Member("web", "key-1", "Ana", "Reno")
    first = await pages.sign(campaign_id, member, "a@example.org", "hash-1", NOW, TODAY)
    again = await pages.sign(campaign_id, member, "", "hash-2", NOW, TODAY)
    assert first.status is JoinStatus.JOINED and again.status is JoinStatus.ALREADY
    assert await CampaignStore(db).count_signups(campaign_id) == 1
    assert await pages.removal_campaign("hash-2") is None  # a repeat gets no link of its own
    assert (found := await pages.removal_campaign("hash-1")) and found.id == campaign_id
    assert await pages.remove("hash-1") and not await pages.remove("hash-1")
    for table in ("signups", "web_signatures"):
        row = await db.fetchone(f"SELECT count(*) FROM {table}")
        assert row is not None and row[0] == 0, table


async def test_a_sign_up_deleted_otherwise_takes_its_web_row(db: Db) -> None:
    pages, campaign_id = PageStore(db), await _campaign(db)
    await pages.sign(campaign_id, Member("web", "k", "Ana", "Reno"), "", "h", NOW, TODAY)
    assert await CampaignStore(db).leave(campaign_id, "web", "k")
    row = await db.fetchone("SELECT count(*) FROM web_signatures")
    assert row is not None and row[0] == 0


async def test_a_closed_campaign_refuses(db: Db) -> None:
    pages, campaign_id = PageStore(db), await _campaign(db)
    campaigns = CampaignStore(db)
    found = await campaigns.find("W1", "ring-free")
    assert found is not None and await campaigns.close(found, TODAY)
    outcome = await pages.sign(campaign_id, Member("web", "k", "A", "B"), "", "h", NOW, TODAY)
    assert outcome.status is JoinStatus.REFUSED and "closed" in outcome.reason


async def test_strike_takes_only_web_signatures_and_records_who(db: Db) -> None:
    pages, campaign_id = PageStore(db), await _campaign(db)
    await CampaignStore(db).join(campaign_id, Member("test", "U1", "Chat"), NOW, TODAY)
    await pages.sign(campaign_id, Member("web", "k", "Fake", "Reno"), "", "h", NOW, TODAY)
    assert (await pages.strike(campaign_id, 1, "test", "U-org", NOW)).why_not == "chat"
    assert (await pages.strike(campaign_id, 3, "test", "U-org", NOW)).why_not == "missing"
    done = await pages.strike(campaign_id, 2, "test", "U-org", NOW)
    assert done.struck and done.signed_on == TODAY
    assert await CampaignStore(db).count_signups(campaign_id) == 1

    async def erase(conn: Conn) -> int:
        return await erase_strikes(conn, "test", "U-org")

    assert await db.write(erase) == 1
    row = await db.fetchone("SELECT signer_number, platform, user_id FROM campaign_strikes")
    assert row is not None and tuple(row) == (2, "", "erased")
