"""/campaign announce over Discord's wire: the preview and its code, then DMs through the
fake Discord, a member with closed DMs counted as failed and not tried again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from notifications.delivery import deliver_due
from testkit.fake_discord import Invoker, payloads
from tests.conftest import FIXED_NOW
from tests.platforms.discord.conftest import RunningBot
from tests.platforms.discord.test_lifecycle import wait_for_messenger
from tests.platforms.discord.wire import final_message, is_ephemeral, message_data, visible_text

ORGANIZER = Invoker(user_id="600000000000000002", roles=(payloads.ORGANIZER_ROLE_ID,))
OPEN = Invoker(user_id="600000000000000021", name="ada")
CLOSED = Invoker(user_id="600000000000000022", name="bo")


async def run(bot: RunningBot, command: str, options: Mapping[str, object], who: Invoker) -> str:
    sent = await bot.fake.send_interaction(command, dict(options), who)
    _, received = await final_message(bot.fake, sent)
    assert is_ephemeral(message_data(received)) or command != "/campaign announce"
    return visible_text(message_data(received))


def dm_posts(bot: RunningBot) -> list[tuple[str, str]]:
    """(recipient, content) of every message posted in a DM channel."""
    return [
        (bot.fake.dm_channels[r.path.split("/")[-2]], r.body["content"])
        for r in bot.fake.requests
        if r.method == "POST"
        and r.path.endswith("/messages")
        and r.path.split("/")[-2] in bot.fake.dm_channels
    ]


async def test_announce_reaches_open_dms_and_counts_closed_ones(bot: RunningBot) -> None:
    await wait_for_messenger(bot)
    created = await run(
        bot, "/campaign create", {"slug": "vote", "title": "Vote no", "goal": 10}, ORGANIZER
    )
    assert "vote" in created
    for member in (OPEN, CLOSED):
        await run(bot, "/campaign join", {"slug": "vote"}, member)
    ask = {"slug": "vote", "text": "Hearing Tuesday at 6 pm"}
    preview = await run(bot, "/campaign announce", ask, ORGANIZER)
    assert "Send this to 2 members?" in preview and "/campaign mute vote" in preview
    assert not dm_posts(bot)
    code = preview.split("confirm:")[1].split()[0]
    queued = await run(bot, "/campaign announce", {**ask, "confirm": code}, ORGANIZER)
    assert "Queued 2 direct messages" in queued

    bot.fake.closed_dm_users.add(CLOSED.user_id)
    deps = bot.dispatcher.deps
    report = await deliver_due(deps, pace={})
    assert (report.delivered, report.gave_up) == (1, 1)
    delivered = [(to, text) for to, text in dm_posts(bot) if to == OPEN.user_id]
    [(_, text)] = delivered
    assert "Hearing Tuesday at 6 pm" in text and "/campaign mute vote" in text
    tried = len(dm_posts(bot))
    later = replace(deps, clock=lambda: FIXED_NOW + dt.timedelta(days=1))
    assert (await deliver_due(later, pace={})).failed == 0
    assert len(dm_posts(bot)) == tried  # the closed member is not tried again

    counts = await run(bot, "/campaign deliveries", {"slug": "vote"}, ORGANIZER)
    assert "Sent" in counts and "Failed" in counts
    campaign = await deps.storage.campaigns.find(payloads.GUILD_ID, "vote")
    assert campaign is not None
    stood = await deps.storage.announcements.delivery_counts(campaign.id)
    assert (stood.sent, stood.waiting, stood.failed) == (1, 0, 1)
