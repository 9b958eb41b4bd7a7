"""Reads of the facts: companies and their timelines, agencies, Ring partnerships, laws,
datasets. `SqliteFacts` is the FactsStore (storage.interfaces.facts) on SQLite."""

from storage.facts.reads import SqliteFacts

__all__ = ["SqliteFacts"]
