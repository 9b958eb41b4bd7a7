"""The project's one read of a library's private attribute, isolated here.

A slash command's role check must use the role ids the interaction payload lists for the
member: `Member.roles` resolves them through the guild's role cache, which is empty before
GUILD_CREATE (or for a guild that never sends one), so an admin would pass for a member.
discord.py keeps those ids, as sent, in `Member._roles` and offers no public accessor for
them (`Member.get_role` also goes through the cache). Nothing else in the project may touch
a private attribute: `tests/platforms/discord/test_payload_roles.py` and the uncached-guild
test in `test_interactions.py` fail at once if an upgrade of discord.py changes it, and this
module refuses to load rather than let admins silently become members.
"""

from __future__ import annotations

from collections.abc import Iterable

import discord

_PRIVATE = "_roles"  # discord.py 2.x: a SnowflakeList of the payload's role ids


def library_supported() -> bool:
    """True when discord.py still keeps the payload's role ids where we read them."""
    return _PRIVATE in getattr(discord.Member, "__slots__", ())


if not library_supported():  # fail at start-up, loudly, never per command
    raise ImportError(
        f"discord.py {discord.__version__} no longer keeps Member.{_PRIVATE}: role checks"
        " would go wrong; pin discord.py to the version in pyproject.toml"
    )


def payload_role_ids(member: discord.Member) -> set[str]:
    """The role ids the interaction payload listed for this member."""
    ids: Iterable[int] = getattr(member, _PRIVATE)
    return {str(role_id) for role_id in ids}
