"""Delivery where DMs are closed: the configured notify channel, named not pinged, never a drop."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.messengers import Messengers
from bot.core.models import Role
from bot.core.settings import load_settings
from lexicon.stored import say
from notifications.delivery import channel_text, deliver_due, notify_channel
from storage.db import Database
from storage.outbox.repository import OutboxStore
from storage.viewer import EVERYONE
from tests.commands.admin.conftest import Clock, FakeMessenger
from tests.conftest import identity

ADMIN = identity(Role.ADMIN, user_id="A1")
CHANNEL = "C-NOTIFY"
END = '/facts end-partnership "Greenfield Police Department, WI" 2024-01-31 https://ex.org/e'


def on_discord(user_id: str, name: str) -> Identity:
    return replace(identity(Role.MEMBER, user_id=user_id), platform="discord", user_name=name)


@pytest.fixture
def discord_messenger() -> FakeMessenger:
    return FakeMessenger("discord")


def with_discord(fdeps: Deps, messenger: FakeMessenger, channel: str = CHANNEL) -> Deps:
    messengers = Messengers()
    messengers.register(messenger)
    settings = replace(fdeps.settings, discord_notify_channel_id=channel)
    return replace(fdeps, settings=settings, messengers=messengers)


async def ok(disp: Dispatcher, who: Identity, line: str) -> None:
    reply = await disp.run_text(who, line)
    assert not reply.error, reply.text


async def follow_and_change(disp: Dispatcher, *followers: Identity) -> None:
    for who in followers:
        await ok(disp, who, "/follow Greenfield, WI")
    await ok(disp, ADMIN, END)


async def test_closed_dms_go_to_the_channel_by_display_name(
    disp: Dispatcher, fdeps: Deps, discord_messenger: FakeMessenger, db: Database
) -> None:
    closed = on_discord("111", "Zed @everyone")
    open_ = on_discord("222", "Ola")
    await follow_and_change(disp, closed, open_)
    discord_messenger.closed_dms.add("111")
    deps = with_discord(fdeps, discord_messenger)
    report = await deliver_due(deps)
    assert (report.delivered, report.failed, report.in_channel) == (2, 0, 1)
    assert [user for _, user, _ in discord_messenger.sent] == ["222"]
    [(workspace, channel, text)] = discord_messenger.posts
    assert (workspace, channel) == ("W1", CHANNEL)
    first, rest = text.split("\n", 1)
    assert first == "For Zed @everyone (direct messages closed):"
    assert "ended its Ring partnership on 2024-01-31" in rest and "111" not in text
    assert (await deliver_due(deps)).delivered == 0  # told once
    assert (await OutboxStore(db).stats()).pending == 0


async def test_a_transient_failure_is_retried_not_posted(
    disp: Dispatcher, fdeps: Deps, discord_messenger: FakeMessenger, clock: Clock
) -> None:
    await follow_and_change(disp, on_discord("111", "Zed"))
    discord_messenger.failures = 1  # e.g. Discord answered 500: the DM may work next time
    deps = with_discord(fdeps, discord_messenger)
    assert (await deliver_due(deps)).failed == 1
    assert discord_messenger.posts == []
    clock.advance(31)
    report = await deliver_due(deps)
    assert (report.delivered, report.in_channel) == (1, 0)
    assert [user for _, user, _ in discord_messenger.sent] == ["111"]


async def test_closed_dms_without_a_channel_are_kept_and_shown(
    disp: Dispatcher, fdeps: Deps, discord_messenger: FakeMessenger, clock: Clock, db: Database
) -> None:
    await follow_and_change(disp, on_discord("111", "Zed"))
    discord_messenger.closed_dms.add("111")
    unconfigured = with_discord(fdeps, discord_messenger, channel="")
    for _ in range(2):
        assert (await deliver_due(unconfigured)).failed == 1
        clock.advance(3600)
    [stuck] = await OutboxStore(db).pending(10, EVERYONE)
    assert stuck.attempts == 2 and "no discord notify channel is set" in say(stuck.last_error)
    shown = await disp.run_text(ADMIN, "/facts outbox")
    assert "no discord notify channel" in shown.text
    # Configured later: the very next retry goes to the channel.
    report = await deliver_due(with_discord(fdeps, discord_messenger))
    assert (report.delivered, report.in_channel) == (1, 1)


async def test_a_failing_channel_is_retried_with_backoff(
    disp: Dispatcher, fdeps: Deps, discord_messenger: FakeMessenger, clock: Clock, db: Database
) -> None:
    await follow_and_change(disp, on_discord("111", "Zed"))
    discord_messenger.closed_dms.add("111")
    discord_messenger.channel_failures = 1
    deps = with_discord(fdeps, discord_messenger)
    assert (await deliver_due(deps)).failed == 1
    [stuck] = await OutboxStore(db).pending(10, EVERYONE)
    assert "the notify channel failed: the platform is down" in say(stuck.last_error)
    assert (await deliver_due(deps)).failed == 0  # not due yet: backoff
    clock.advance(31)
    assert (await deliver_due(deps)).in_channel == 1
    assert len(discord_messenger.posts) == 1


async def test_the_display_name_is_held_as_personal_data(
    disp: Dispatcher, fdeps: Deps, db: Database
) -> None:
    zed = on_discord("111", "Zed Quux")
    await follow_and_change(disp, zed)
    [item] = await OutboxStore(db).pending(10, EVERYONE)
    assert item.user_name == "Zed Quux"
    assert channel_text(item).startswith("For Zed Quux (direct messages closed):\n")
    shown = await disp.run_text(zed, "/mydata")
    assert 'You follow Greenfield, WI (since 2026-11-26, as "Zed Quux")' in shown.as_text()


def test_the_channel_is_per_platform_and_read_from_the_environment() -> None:
    settings = load_settings({"DISCORD_NOTIFY_CHANNEL_ID": " 42 ", "SLACK_NOTIFY_CHANNEL_ID": "C9"})
    assert notify_channel(settings, "discord") == "42"
    assert notify_channel(settings, "slack") == "C9"
    assert notify_channel(settings, "test") == ""
    assert notify_channel(load_settings({}), "discord") == ""
