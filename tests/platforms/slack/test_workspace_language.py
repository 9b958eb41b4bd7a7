"""Over the wire: a Slack workspace's own admin (users.info says is_admin) sets its default
language with `/language es workspace:yes`; from then on a campaign card posted there is in
Spanish (Slack says nothing of a workspace's language: without a default, English), while the
admin's and the organizer's own replies stay in theirs. A member is refused in one line, and
an admin of another workspace changes only their own."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.core.deps import Deps
from bot.platforms.slack.render import unescape
from storage.workspaces.models import Workspace
from tests.platforms.fake_slack.server import FakeSlack
from tests.platforms.fake_slack.signing import signed_headers
from tests.platforms.slack.conftest import ORGANIZER, SECRET, HttpSlack, slack_dispatcher, start
from tests.platforms.slack.probes import ProbeState
from tests.platforms.slack.test_cards import buttons, post_card

OWNER = "UOWNER"  # an admin of team T1 by Slack's own account (users.info)
OTHER_OWNER = "UOTHER"  # an admin of team T2


@pytest.fixture
async def slack(fake_slack: FakeSlack, deps: Deps) -> AsyncIterator[HttpSlack]:
    fake_slack.workspace_admins.update({OWNER, OTHER_OWNER})
    state = ProbeState()
    dispatcher = slack_dispatcher(
        deps,
        state,
        slack_signing_secret=SECRET,
        slack_api_url=fake_slack.api_url,
        slack_workspace_admins=True,
    )
    running = await start(dispatcher)
    async with aiohttp.ClientSession() as session:
        try:
            yield HttpSlack(fake_slack, running, session, state)
        finally:
            await running.stop()


async def run(slack: HttpSlack, user: str, text: str, team: str = "T1") -> str:
    """`/language <text>` from `user` of `team`; what the answer shows."""
    name = slack.new_name()
    body = slack.slash("/language", text, user, team_id=team, name=name)
    status, slack.acks[name] = await slack.post(body, signed_headers(SECRET, body))
    assert status == 200
    message: dict[str, Any] = await slack.reply(name)
    return unescape(json.dumps(message, ensure_ascii=False))


async def test_an_admin_s_default_puts_the_card_in_spanish(slack: HttpSlack) -> None:
    said = await run(slack, OWNER, "es workspace:yes")
    assert "Cards and channel posts in this workspace are in español, as its admins chose" in said
    card = await post_card(slack)
    shown = unescape(json.dumps(card, ensure_ascii=False))
    assert "Inscritos" in shown and "Signed up" not in shown
    assert set(buttons(card)) == {"Inscribirse", "Retirarse", "Detalles"}
    # The organizer's own reply (not the card) stays in their language.
    info = await slack.run("/campaign", "info ring-free", user_id=ORGANIZER)
    assert "Inscritos" not in json.dumps(info, ensure_ascii=False)


async def test_without_a_default_a_slack_card_is_english(slack: HttpSlack) -> None:
    said = await run(slack, "U-member", "workspace:yes")  # anyone may ask which
    assert "are in English, its platform's language" in said
    card = await post_card(slack)
    assert set(buttons(card)) == {"Join", "Leave", "Details"}


async def test_a_member_is_refused_and_another_team_s_admin_reaches_only_theirs(
    slack: HttpSlack,
) -> None:
    store = slack.running.dispatcher.deps.storage.workspace_languages
    refused = await run(slack, "U-member", "es workspace:yes")
    assert "Only an admin of this workspace can set its language; nothing was changed." in refused
    assert await store.current(Workspace("slack", "T1")) is None
    await run(slack, OTHER_OWNER, "es workspace:yes", team="T2")
    assert await store.current(Workspace("slack", "T1")) is None
    theirs = await store.current(Workspace("slack", "T2"))
    assert theirs is not None and theirs.language == "es" and theirs.set_by == OTHER_OWNER
