"""/campaign announce, mute and deliveries through the dispatcher and the outbox loop.

(The same over Discord's and Slack's wire: tests/platforms/*/test_announce.py.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.core.messengers import DeliveryError
from bot.core.models import Role
from notifications.delivery import ANNOUNCE_ATTEMPTS, deliver_due
from storage.db import Database
from tests.commands.campaigns.helpers import ORGANIZER, create, run_error, run_ok
from tests.conftest import FIXED_NOW, identity

NO_PACE: dict[str, float] = {}


class Recording:
    """A DirectMessenger for the dispatcher's 'test' platform: records, or refuses some."""

    platform = "test"

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.closed: set[str] = set()
        self.flaky: set[str] = set()

    async def send_direct(self, workspace: str, user_id: str, text: str) -> None:
        if user_id in self.closed:
            raise DeliveryError("dms closed", permanent=True)
        if user_id in self.flaky:
            raise DeliveryError("timeout")
        self.sent.append((user_id, text))

    async def send_channel(self, workspace: str, channel_id: str, text: str) -> None:
        raise AssertionError("an announcement never goes to a channel")


async def setup(dispatcher: Dispatcher, deps: Deps, members: int = 3) -> Recording:
    messenger = Recording()
    deps.messengers.register(messenger)
    await create(dispatcher, 'vote "Vote no on Ring" 100')
    for n in range(members):
        await run_ok(dispatcher, identity(user_id=f"M{n}"), "/campaign join vote")
    return messenger


def at_hour(deps: Deps, hour: int) -> Deps:
    moment = FIXED_NOW + dt.timedelta(hours=hour)
    return replace(deps, clock=lambda: moment)


def code_in(text: str) -> str:
    return text.split("confirm:")[1].split()[0]


async def test_preview_then_confirmed_send_then_counts(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    messenger = await setup(dispatcher, deps)
    preview = await run_ok(dispatcher, ORGANIZER, "/campaign announce vote Hearing Tuesday 6 pm")
    assert preview.title == "Send this to 3 members?" and preview.private
    assert "/campaign mute vote" in preview.fields[0].value
    assert await db.fetchone("SELECT 1 FROM notifications") is None  # nothing queued yet
    wrong = await run_error(
        dispatcher, ORGANIZER, "/campaign announce vote Hearing Tuesday 6 pm confirm:00000000"
    )
    assert "Nothing was sent" in wrong
    code = code_in(preview.text)
    line = f"/campaign announce vote Hearing Tuesday 6 pm confirm:{code}"
    queued = await run_ok(dispatcher, ORGANIZER, line)
    assert queued.text.startswith("Queued 3 direct messages")
    # The same code does not send twice (it included the announcements sent before), and
    # the organizer is told why rather than that the code is wrong.
    assert "just used" in await run_error(dispatcher, ORGANIZER, line)
    # A code from before that is plainly wrong: "does not match".
    other = f"/campaign announce vote Hearing Wednesday confirm:{code}"
    assert "does not match" in await run_error(dispatcher, ORGANIZER, other)

    messenger.closed.add("M1")
    report = await deliver_due(deps, pace=NO_PACE)
    assert (report.delivered, report.failed, report.gave_up) == (2, 1, 1)
    assert sorted(user for user, _ in messenger.sent) == ["M0", "M2"]
    text = messenger.sent[0][1]
    assert "Hearing Tuesday 6 pm" in text and text.endswith("/campaign mute vote")
    counts = await run_ok(dispatcher, ORGANIZER, "/campaign deliveries vote")
    assert [f.value for f in counts.fields] == ["2", "0", "1"]
    # The closed DM is counted, not tried again, however late it gets.
    later = replace(deps, clock=lambda: FIXED_NOW + dt.timedelta(days=2))
    assert (await deliver_due(later, pace=NO_PACE)).failed == 0


async def test_a_failing_member_is_given_up_after_the_retries(
    dispatcher: Dispatcher, deps: Deps
) -> None:
    messenger = await setup(dispatcher, deps, members=1)
    messenger.flaky.add("M0")
    preview = await run_ok(dispatcher, ORGANIZER, "/campaign announce vote hi")
    await run_ok(
        dispatcher, ORGANIZER, f"/campaign announce vote hi confirm:{code_in(preview.text)}"
    )
    failures = 0
    for hour in range(ANNOUNCE_ATTEMPTS + 3):
        failures += (await deliver_due(at_hour(deps, hour), pace=NO_PACE)).failed
    assert failures == ANNOUNCE_ATTEMPTS
    counts = await run_ok(dispatcher, ORGANIZER, "/campaign deliveries vote")
    assert [f.value for f in counts.fields] == ["0", "0", "1"]
    # The operator's outbox counts it as a campaign message given up, not a follow notification.
    outbox = await run_ok(dispatcher, identity(Role.ADMIN, user_id="A"), "/facts outbox")
    assert outbox.text.splitlines()[:2] == [
        "Follow notifications: pending 0 (failing 0); delivered 0.",
        "Campaign messages: pending 0 (failing 0); delivered 0;"
        " given up 1 (DMs closed or kept failing).",
    ]


async def test_mute_stops_messages_and_shows_in_mydata_and_forgetme_erases_it(
    dispatcher: Dispatcher, deps: Deps, db: Database
) -> None:
    messenger = await setup(dispatcher, deps, members=2)
    preview = await run_ok(dispatcher, ORGANIZER, "/campaign announce vote first")
    await run_ok(
        dispatcher, ORGANIZER, f"/campaign announce vote first confirm:{code_in(preview.text)}"
    )
    muted = await run_ok(dispatcher, identity(user_id="M0"), "/campaign mute vote")
    assert "no more messages about vote" in muted.text
    again = await run_ok(dispatcher, identity(user_id="M0"), "/campaign mute vote")
    assert "already muted" in again.text
    await deliver_due(deps, pace=NO_PACE)  # the waiting message to M0 went with the mute
    assert [user for user, _ in messenger.sent] == ["M1"]
    preview = await run_ok(dispatcher, ORGANIZER, "/campaign announce vote second")
    assert preview.title == "Send this to 1 member?"

    mydata = await run_ok(dispatcher, identity(user_id="M0"), "/mydata")
    fields = {f.name: f.value for f in mydata.fields}
    assert fields["Campaign messages you muted"].startswith("vote in workspace W1: muted ")
    ask = await run_ok(dispatcher, identity(user_id="M0"), "/forgetme")
    code = ask.text.rsplit(" ", 1)[1].split("\n")[0]
    await run_ok(dispatcher, identity(user_id="M0"), f"/forgetme {code}")
    assert await db.fetchone("SELECT 1 FROM campaign_mutes") is None


async def test_members_cannot_announce(dispatcher: Dispatcher, deps: Deps) -> None:
    await setup(dispatcher, deps, members=1)
    refusal = await run_error(dispatcher, identity(user_id="M0"), "/campaign announce vote hi")
    assert "organizers" in refusal
    assert "mentions" in await run_error(dispatcher, ORGANIZER, "/campaign announce vote @everyone")
