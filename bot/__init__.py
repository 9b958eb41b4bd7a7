"""Counterwatch core: platform-neutral models, registry, grammar and dispatcher."""
