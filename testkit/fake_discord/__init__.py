"""A fake Discord (REST + gateway) that unmodified discord.py can talk to on 127.0.0.1."""

from testkit.fake_discord.interactions import Invoker
from testkit.fake_discord.rest import Received
from testkit.fake_discord.server import FakeDiscord

__all__ = ["FakeDiscord", "Invoker", "Received"]
