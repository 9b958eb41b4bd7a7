"""Reads of the facts: companies and their timelines, agencies, Ring partnerships, laws,
datasets. `SqlFacts` is the FactsStore (storage.interfaces.facts), on either backend."""

from storage.facts.reads import SqlFacts

__all__ = ["SqlFacts"]
