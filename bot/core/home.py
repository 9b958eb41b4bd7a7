"""Who may change the shared facts: only the operator's home decides (docs/permissions.md).

Facts are shared by every server and workspace the bot is in, and anyone can add the bot to
a server of their own, where they hold every permission. So an admin's rank counts for the
facts only in the operator's home servers and workspaces; elsewhere it reaches that
workspace's own campaigns and templates, nothing more. People the operator lists by id are
facts admins wherever they type (a Slack id only in its own team: ids are a team's).
"""

from __future__ import annotations

from bot.core.settings import Settings


def listed(settings: Settings, platform: str, *ids: str) -> bool:
    """Named in COUNTERWATCH_FACTS_ADMINS: `discord:<user>` or `slack:<team>:<user>`."""
    return ":".join((platform, *ids)) in settings.facts_admins


def discord_facts_admin(
    settings: Settings, guild_id: str | None, user_id: str, guild_admin: bool
) -> bool:
    """`guild_admin`: an admin of the server the command came from (admin role or Manage
    Server there); it counts only in a home server."""
    if listed(settings, "discord", user_id):
        return True
    return guild_admin and guild_id is not None and guild_id in settings.discord_home_guild_ids


def slack_facts_admin(
    settings: Settings, team_id: str, user_id: str, workspace_admin: bool
) -> bool:
    """`workspace_admin`: an admin of the team the command came from, as the Slack admin
    rule decides (SLACK_ADMIN_USER_IDS, or its owners and admins with
    SLACK_WORKSPACE_ADMINS); it counts only in a home team."""
    if listed(settings, "slack", team_id, user_id):
        return True
    return workspace_admin and team_id in settings.slack_home_team_ids


def home_line(settings: Settings) -> str:
    """One start-up line saying who may change the facts (never the ids themselves)."""
    servers, teams = settings.discord_home_guild_ids, settings.slack_home_team_ids
    if not (servers or teams or settings.facts_admins):
        return (
            "facts admins: nobody on chat (set DISCORD_HOME_GUILD_IDS, SLACK_HOME_TEAM_IDS or"
            " COUNTERWATCH_FACTS_ADMINS; see docs/permissions.md)"
        )
    return (
        f"facts admins: the admins of {len(servers)} home Discord server(s) and"
        f" {len(teams)} home Slack team(s), and {len(settings.facts_admins)} listed people"
    )
