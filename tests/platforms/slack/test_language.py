"""Over the wire: a Slack member whose Slack speaks Spanish (users.info with include_locale
says es-LA) and who chose nothing is answered in Spanish; Slack is asked once per member, not
once per command; a workspace that refuses users.info gets English, not an error."""

from __future__ import annotations

import json
from typing import Any

from bot.platforms.slack.manifest import BOT_SCOPES, HELP_COMMAND
from bot.platforms.slack.render import unescape
from tests.platforms.slack.conftest import HttpSlack

SPEAKS_SPANISH = "U-lucia"


def shown(message: dict[str, Any]) -> str:
    return unescape(json.dumps(message, ensure_ascii=False))


def locale_calls(http_slack: HttpSlack, user: str) -> int:
    calls = http_slack.fake.calls("users.info")
    return sum(1 for c in calls if c.body.get("user") == user and c.body.get("include_locale"))


async def test_a_spanish_slack_user_is_answered_in_spanish(http_slack: HttpSlack) -> None:
    http_slack.fake.user_locales[SPEAKS_SPANISH] = "es-LA"
    helped = shown(await http_slack.run(HELP_COMMAND, "", user_id=SPEAKS_SPANISH))
    assert "Comandos de Counterwatch" in helped
    assert "Lista los comandos o explica uno" in helped
    language = shown(await http_slack.run("/language", "", user_id=SPEAKS_SPANISH))
    assert "Counterwatch le responde en español, el idioma de su plataforma" in language
    unknown = shown(await http_slack.run("/ring", "nosuch", user_id=SPEAKS_SPANISH))
    assert "/ring no tiene el subcomando 'nosuch'; elija uno de:" in unknown
    assert locale_calls(http_slack, SPEAKS_SPANISH) == 1  # remembered after the first


async def test_an_english_slack_user_and_a_refused_lookup_stay_english(
    http_slack: HttpSlack,
) -> None:
    http_slack.fake.user_locales["U-en"] = "en-US"
    english = shown(await http_slack.run(HELP_COMMAND, "", user_id="U-en"))
    assert "Counterwatch commands" in english and "Comandos" not in english
    http_slack.fake.refuse_all_methods.add("users.info")
    refused = shown(await http_slack.run(HELP_COMMAND, "", user_id="U-nolocale"))
    assert "Counterwatch commands" in refused


async def test_the_choice_wins_over_slack_s_locale(http_slack: HttpSlack) -> None:
    http_slack.fake.user_locales[SPEAKS_SPANISH] = "es-LA"
    chose = shown(await http_slack.run("/language", "en", user_id=SPEAKS_SPANISH))
    assert "Counterwatch answers you in English, as you chose" in chose
    assert "Counterwatch commands" in shown(
        await http_slack.run(HELP_COMMAND, "", user_id=SPEAKS_SPANISH)
    )


def test_the_manifest_asks_for_users_read() -> None:
    """users.info (the member's locale, and workspace admins) needs the users:read scope."""
    assert "users:read" in BOT_SCOPES
