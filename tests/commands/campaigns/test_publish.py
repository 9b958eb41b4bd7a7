"""/campaign publish and unpublish: organizers only, an unguessable address per campaign."""

from __future__ import annotations

import re

from bot.core.dispatch import Dispatcher
from bot.core.models import Role
from storage.sql import Db
from tests.commands.campaigns.helpers import ORGANIZER, create, run_error, run_ok
from tests.conftest import identity

URL = re.compile(r"http://127\.0\.0\.1:0/c/([A-Za-z0-9_-]{20,})")


async def test_publish_gives_a_token_url_kept_until_unpublished(
    dispatcher: Dispatcher, db: Db
) -> None:
    await create(dispatcher, 'ring-free "Ring-free Greenfield"')
    first = await run_ok(dispatcher, ORGANIZER, "/campaign publish ring-free")
    found = URL.search(first.text)
    assert found, first.text
    assert "ring-free" not in found.group(0)  # the slug is not the address
    info = await run_ok(dispatcher, identity(), "/campaign info ring-free")
    assert ("Public page", found.group(0)) in [(f.name, f.value) for f in info.fields]
    again = await run_ok(dispatcher, ORGANIZER, "/campaign publish ring-free")
    assert found.group(0) in again.text and "already published" in again.text
    down = await run_ok(dispatcher, ORGANIZER, "/campaign unpublish ring-free")
    assert "not found" in down.text
    assert await db.fetchone("SELECT 1 FROM campaign_pages") is None
    refused = await run_error(dispatcher, ORGANIZER, "/campaign unpublish ring-free")
    assert "no public page" in refused
    renewed = await run_ok(dispatcher, ORGANIZER, "/campaign publish ring-free")
    assert (new := URL.search(renewed.text)) and new.group(1) != found.group(1)


async def test_two_workspaces_same_slug_get_different_pages(dispatcher: Dispatcher) -> None:
    other = identity(Role.ORGANIZER, user_id="U-o2", workspace="W2")
    await create(dispatcher, 'ring-free "Ours"')
    await create(dispatcher, 'ring-free "Theirs"', who=other)
    ours = URL.search((await run_ok(dispatcher, ORGANIZER, "/campaign publish ring-free")).text)
    theirs = URL.search((await run_ok(dispatcher, other, "/campaign publish ring-free")).text)
    assert ours and theirs and ours.group(1) != theirs.group(1)


async def test_members_cannot_publish_and_closed_campaigns_are_refused(
    dispatcher: Dispatcher, db: Db
) -> None:
    await create(dispatcher, 'ring-free "Ring-free"')
    refused = await run_error(dispatcher, identity(Role.MEMBER), "/campaign publish ring-free")
    assert "organizer" in refused.lower()
    await run_ok(dispatcher, ORGANIZER, "/campaign close ring-free")
    refused = await run_error(dispatcher, ORGANIZER, "/campaign publish ring-free")
    assert "closed" in refused
    assert await db.fetchone("SELECT 1 FROM campaign_pages") is None
    missing = await run_error(dispatcher, ORGANIZER, "/campaign publish nope-nope")
    assert "No campaign called nope-nope" in missing
