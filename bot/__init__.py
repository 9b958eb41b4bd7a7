"""Counterwatch: the platform-neutral core (bot/core) and the chat adapters (bot/platforms)."""
