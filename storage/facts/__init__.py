"""Reads of the facts: companies and their timelines, agencies, Ring partnerships, laws,
datasets. `SqlFacts` is the FactsStore (storage.interfaces.facts), on either backend."""

from storage.facts.reads import SqlFacts

__all__ = ["FACT_TABLES", "SqlFacts"]

# What the facts a process keeps in memory (the place index, the facts a lookup shows) are
# read from: a change to one of them in another process reloads them; a change to a
# campaign or a letter template does not (storage/postgres/watch.py).
FACT_TABLES = frozenset(
    {
        "sources",
        "datasets",
        "companies",
        "company_aliases",
        "company_events",
        "agencies",
        "agency_names",
        "deployments",
        "laws",
    }
)
