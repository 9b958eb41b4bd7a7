"""Who may change the shared facts, over Slack's real protocol (unmodified slack-bolt, signed
HTTP requests, users.info on the fake Slack).

The facts are shared by every workspace: a workspace's own admins (SLACK_ADMIN_USER_IDS, or
its owners and admins with SLACK_WORKSPACE_ADMINS) change them only in the operator's home
team (SLACK_HOME_TEAM_IDS, T1 here); elsewhere they run their own workspace's campaigns.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.core.deps import Deps
from bot.core.refusals import FACTS_ADMINS_ONLY
from bot.platforms.slack.render import unescape
from storage.sql import Db
from tests.platforms.fake_slack.server import FakeSlack
from tests.platforms.fake_slack.signing import signed_headers
from tests.platforms.slack.conftest import (
    ADMIN,
    HOME_TEAM,
    SECRET,
    HttpSlack,
    slack_dispatcher,
    start,
)
from tests.platforms.slack.probes import ProbeState

OTHER_TEAM = "T2"
HOME_OWNER = "UHOME"  # an owner of the home team (users.info says so)
OTHER_OWNER = "UOUT"  # an owner of a workspace that installed the bot for itself
LISTED = "ULISTED"  # named by the operator, for team T2 only
SET_PARTNERSHIP = (
    'set-partnership "Smalltown Police Department" 2021-03-01 https://example.org/story'
    " create:yes state:WI city:Smalltown"
)
REFUSED = FACTS_ADMINS_ONLY.format(name="facts set-partnership")


@pytest.fixture
async def slack(fake_slack: FakeSlack, deps: Deps) -> AsyncIterator[HttpSlack]:
    fake_slack.workspace_admins.update({HOME_OWNER, OTHER_OWNER})
    state = ProbeState()
    dispatcher = slack_dispatcher(
        deps,
        state,
        slack_signing_secret=SECRET,
        slack_api_url=fake_slack.api_url,
        slack_workspace_admins=True,
        facts_admins=frozenset({f"slack:{OTHER_TEAM}:{LISTED}"}),
    )
    running = await start(dispatcher)
    async with aiohttp.ClientSession() as session:
        try:
            yield HttpSlack(fake_slack, running, session, state)
        finally:
            await running.stop()


async def run(slack: HttpSlack, team: str, user: str, command: str, text: str) -> str:
    """A signed slash command from `user` of `team`; what the answer shows."""
    name = slack.new_name()
    body = slack.slash(command, text, user, team_id=team, name=name)
    status, slack.acks[name] = await slack.post(body, signed_headers(SECRET, body))
    assert status == 200
    message: dict[str, Any] = await slack.reply(name)
    return unescape(json.dumps(message, ensure_ascii=False))


async def count(db: Db, sql: str) -> int:
    row = await db.fetchone(sql)
    assert row is not None
    return int(row[0])


async def test_admins_of_other_workspaces_are_refused_the_shared_facts(
    slack: HttpSlack, db: Db
) -> None:
    for outsider in (OTHER_OWNER, ADMIN):  # a workspace owner; an admin listed by user id
        shown = await run(slack, OTHER_TEAM, outsider, "/facts", SET_PARTNERSHIP)
        assert REFUSED in shown and "Change C" not in shown, outsider
    listed_elsewhere = await run(slack, "T3", LISTED, "/facts", SET_PARTNERSHIP)
    assert REFUSED in listed_elsewhere  # listed for T2, not for every team
    assert await count(db, "SELECT COUNT(*) FROM changes") == 0
    rows = await db.fetchall("SELECT workspace, user_id, command FROM refusals ORDER BY id")
    assert [tuple(r) for r in rows] == [
        (OTHER_TEAM, OTHER_OWNER, "facts set-partnership"),
        (OTHER_TEAM, ADMIN, "facts set-partnership"),
        ("T3", LISTED, "facts set-partnership"),
    ]
    kept = " ".join(str(v) for r in await db.fetchall("SELECT * FROM refusals") for v in r)
    assert "Smalltown" not in kept and "example.org" not in kept
    # Their own workspace's campaigns are still theirs.
    made = await run(slack, OTHER_TEAM, OTHER_OWNER, "/campaign", 'create ours "Our campaign"')
    assert "ours" in made and "only" not in made
    # The home team's owner (users.info) and the listed person in their team change the facts.
    assert "Change C1 recorded" in await run(
        slack, HOME_TEAM, HOME_OWNER, "/facts", SET_PARTNERSHIP
    )
    assert "Undid C1" in await run(slack, OTHER_TEAM, LISTED, "/facts", "undo C1")


async def test_history_shows_another_workspace_s_people_as_someone_elsewhere(
    slack: HttpSlack, db: Db
) -> None:
    await run(slack, HOME_TEAM, HOME_OWNER, "/facts", SET_PARTNERSHIP)  # C1
    await run(slack, OTHER_TEAM, OTHER_OWNER, "/facts", "undo C1")  # refused: R1
    # The listed facts admin of T2 sees T2's people, and T1's as someone elsewhere.
    theirs = await run(slack, OTHER_TEAM, LISTED, "/facts", "history")
    assert "C1" in theirs and "someone in another workspace · /facts set-partnership" in theirs
    assert HOME_OWNER not in theirs
    assert f"name-{OTHER_OWNER} (slack:{OTHER_OWNER}) · /facts undo" in theirs
    ours = await run(slack, HOME_TEAM, HOME_OWNER, "/facts", "history")
    assert f"name-{HOME_OWNER} (slack:{HOME_OWNER})" in ours
    assert "someone in another workspace · /facts undo" in ours and OTHER_OWNER not in ours
    # T2's own owner reads no facts log at all: it is the facts admins'.
    refused = await run(slack, OTHER_TEAM, OTHER_OWNER, "/facts", "history")
    assert FACTS_ADMINS_ONLY.format(name="facts history") in refused
