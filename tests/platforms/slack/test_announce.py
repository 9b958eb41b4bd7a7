"""/campaign announce over Slack's wire: DMs opened with conversations.open and posted with
chat.postMessage on the fake Slack; a member whose DM is refused is counted, not retried."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from notifications.delivery import deliver_due
from tests.conftest import FIXED_NOW
from tests.platforms.slack.conftest import ORGANIZER, HttpSlack


async def test_announce_reaches_open_dms_and_counts_refused_ones(http_slack: HttpSlack) -> None:
    created = await http_slack.run("/campaign", 'create vote "Vote no" goal:10', user_id=ORGANIZER)
    assert "vote" in created["text"]
    for member in ("U5", "U6"):
        await http_slack.run("/campaign", "join vote", user_id=member)
    preview = await http_slack.run("/campaign", "announce vote Hearing Tuesday", user_id=ORGANIZER)
    assert preview["response_type"] == "ephemeral"
    shown = json.dumps(preview)
    assert "2 members" in shown and "/campaign mute vote" in shown
    code = shown.split("confirm:")[1].split()[0].strip('\\".,')
    queued = await http_slack.run(
        "/campaign", f"announce vote Hearing Tuesday confirm:{code}", user_id=ORGANIZER
    )
    assert "Queued 2 direct messages" in queued["text"]

    fake = http_slack.fake
    fake.refused_channels.add("DU6")
    deps = http_slack.running.dispatcher.deps
    report = await deliver_due(deps, pace={})
    assert (report.delivered, report.gave_up) == (1, 1)
    posts = [c.body for c in fake.calls("chat.postMessage") if c.body["channel"] == "DU5"]
    [post] = posts
    assert "Hearing Tuesday" in post["text"] and "/campaign mute vote" in post["text"]
    opened = len(fake.calls("conversations.open"))
    later = replace(deps, clock=lambda: FIXED_NOW + dt.timedelta(days=1))
    assert (await deliver_due(later, pace={})).failed == 0
    assert len(fake.calls("conversations.open")) == opened  # U6 is not tried again

    muted = await http_slack.run("/campaign", "mute vote", user_id="U5")
    assert "no more messages about vote" in muted["text"]
    again = await http_slack.run("/campaign", "announce vote Again", user_id=ORGANIZER)
    assert "1 member" in json.dumps(again)
