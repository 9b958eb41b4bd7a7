"""/language <code> workspace:yes: a workspace's default language, set by its own admins
only (a member, an organizer and a direct message are refused in one line, nothing stored),
and the audience rule (bot/core/language.py): a card follows the campaign's language, else
the workspace's stored default, else what the platform says of the workspace, else English;
the asker's own replies stay in theirs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher, Identity
from bot.core.models import DIRECT_MESSAGES, Posted, Reply, Role
from commands.campaigns.cards import current_card
from storage.workspaces.models import Workspace
from tests.conftest import identity

W1 = Workspace("test", "W1")


def first_label(card: Reply) -> str:
    return card.buttons[0].label


async def test_a_member_or_organizer_is_refused_and_nothing_is_stored(
    dispatcher: Dispatcher, deps: Deps, member: Identity, organizer: Identity
) -> None:
    for who in (member, organizer):
        reply = await dispatcher.run_text(who, "/language es workspace:yes")
        assert reply.error and reply.private
        assert reply.text == (
            "Only an admin of this workspace can set its language; nothing was changed."
            " /language es alone sets yours."
        )
    assert await deps.storage.workspace_languages.current(W1) is None
    assert await deps.storage.languages.chosen("test", member.user_id) is None  # not theirs either


async def test_a_member_is_refused_in_their_own_language(
    dispatcher: Dispatcher, member: Identity
) -> None:
    spanish = replace(member, locale="es-419")
    reply = await dispatcher.run_text(spanish, "/language en workspace:yes")
    assert reply.error and reply.text.startswith("Solo un administrador de este espacio de trabajo")


async def test_a_direct_message_has_no_workspace_to_set(dispatcher: Dispatcher, deps: Deps) -> None:
    alone = identity(Role.ADMIN, user_id="U-admin", workspace=DIRECT_MESSAGES)
    reply = await dispatcher.run_text(alone, "/language es workspace:yes")
    assert reply.error and reply.text.startswith("A direct message belongs to no workspace")
    assert await deps.storage.workspace_languages.current(Workspace("test", "dm")) is None


async def test_an_admin_sets_it_for_their_workspace_only_and_auto_removes_it(
    dispatcher: Dispatcher, deps: Deps, admin: Identity
) -> None:
    reply = await dispatcher.run_text(admin, "/language es workspace:yes")
    # Answered in the admin's own language, not the one they chose for the workspace.
    assert reply.private and reply.text.startswith(
        "Cards and channel posts in this workspace are in español, as its admins chose"
    )
    stored = await deps.storage.workspace_languages.current(W1)
    assert stored is not None and (stored.language, stored.set_by) == ("es", "U-admin")
    assert await deps.storage.workspace_languages.current(Workspace("test", "W2")) is None
    assert await deps.storage.languages.chosen("test", "U-admin") is None  # theirs unchanged
    assert (await dispatcher.run_text(admin, "/help")).title == "Counterwatch commands"
    auto = await dispatcher.run_text(admin, "/language auto workspace:yes")
    assert "are in English, its platform's language" in auto.text
    assert await deps.storage.workspace_languages.current(W1) is None


async def test_mydata_shows_who_set_it_and_not_the_language_as_theirs(
    dispatcher: Dispatcher, admin: Identity
) -> None:
    await dispatcher.run_text(admin, "/language es workspace:yes")
    mine = await dispatcher.run_text(admin, "/mydata")
    assert [(f.name, f.value) for f in mine.fields] == [
        ("Workspace languages you set", "2026-11-26: workspace W1 set to español")
    ]


async def test_a_card_follows_campaign_then_workspace_then_platform(
    dispatcher: Dispatcher, organizer: Identity, admin: Identity
) -> None:
    await dispatcher.run_text(organizer, '/campaign create ring-free "Ring-free" 10')
    english = await dispatcher.run_text(organizer, "/campaign post ring-free")
    assert [b.label for b in english.buttons] == ["Join", "Leave", "Details"]
    spanish_server = replace(organizer, workspace_locale="es-ES")
    said = await dispatcher.run_text(spanish_server, "/campaign post ring-free")
    assert not said.private and first_label(said) == "Inscribirse"
    await dispatcher.run_text(admin, "/language en workspace:yes")
    stored = await dispatcher.run_text(spanish_server, "/campaign post ring-free")
    assert first_label(stored) == "Join"  # the stored default wins
    await dispatcher.run_text(organizer, "/campaign language ring-free es")
    own = await dispatcher.run_text(organizer, "/campaign post ring-free")
    assert first_label(own) == "Inscribirse"  # the campaign's own first


@pytest.mark.real_data("seed", "atlas")
async def test_a_shared_answer_is_the_channel_s_and_in_a_direct_message_the_asker_s(
    dispatcher: Dispatcher,
) -> None:
    """Posted for a server's channel: the server's language; a direct message's channel is
    the asker's alone: theirs, whatever any server says."""
    asker = replace(identity(user_id="U-share"), workspace_locale="es-ES")
    mine = await dispatcher.run_text(asker, "/ring lookup Greenfield, WI")
    assert mine.private and mine.title == "Ring police partnerships: Greenfield, WI"
    shared = await dispatcher.run_text(asker, "/ring lookup Greenfield, WI share:true")
    assert not shared.private and shared.title == "Acuerdos de la policía con Ring: Greenfield, WI"
    alone = replace(asker, workspace=DIRECT_MESSAGES)
    in_dm = await dispatcher.run_text(alone, "/ring lookup Greenfield, WI share:true")
    assert in_dm.title == "Ring police partnerships: Greenfield, WI"


async def test_the_refresher_says_what_the_post_said_and_then_the_stored_default(
    dispatcher: Dispatcher, deps: Deps, organizer: Identity, admin: Identity
) -> None:
    """The card row keeps what the platform said of the workspace when it was posted; a
    default stored later applies to the next edit."""
    spanish_server = replace(organizer, workspace_locale="es-ES")
    await dispatcher.run_text(organizer, '/campaign create ring-free "Ring-free" 10')
    card = await dispatcher.run_text(spanish_server, "/campaign post ring-free")
    assert card.on_posted is not None
    await card.on_posted(Posted("C1", "M1"))
    campaign = await deps.storage.campaigns.find("W1", "ring-free")
    assert campaign is not None
    [posted] = await deps.storage.cards.of_campaign(campaign.id)
    assert posted.workspace_locale == "es-ES"
    edit = await current_card(deps, posted)
    assert edit is not None and first_label(edit) == "Inscribirse"
    await dispatcher.run_text(admin, "/language en workspace:yes")
    edit = await current_card(deps, posted)
    assert edit is not None and first_label(edit) == "Join"
