"""Who is acting, read from a Slack payload: the user, the team, their role and whether
they may change the shared facts."""

from __future__ import annotations

from typing import Any

from bot.core.dispatch import Identity
from bot.core.home import slack_facts_admin
from bot.core.models import Role
from bot.core.settings import Settings
from bot.platforms.slack.locales import LocaleResolver
from bot.platforms.slack.roles import RoleResolver

PLATFORM = "slack"
Body = dict[str, Any]


def team_id(body: Body) -> str:
    return str(body.get("team_id") or (body.get("team") or {}).get("id") or "")


async def build_identity(
    roles: RoleResolver,
    settings: Settings,
    body: Body,
    channel: str,
    replay_key: str = "",
    locales: LocaleResolver | None = None,
) -> Identity:
    """Slash commands carry `user_id`/`user_name`; views and actions carry a `user` object;
    none carries a locale: `locales` asks Slack for it (users.info, cached)."""
    user = body.get("user") or {}
    user_id = str(body.get("user_id") or user.get("id") or "")
    user_name = str(body.get("user_name") or user.get("username") or user.get("name") or "")
    team = team_id(body)
    role = await roles.role_of(user_id, team)
    return Identity(
        platform=PLATFORM,
        workspace=team,
        user_id=user_id,
        user_name=user_name,
        role=role,
        channel=channel,
        replay_key=replay_key,
        facts_admin=slack_facts_admin(settings, team, user_id, role >= Role.ADMIN),
        locale=await locales.locale_of(user_id, team) if locales is not None else "",
    )
