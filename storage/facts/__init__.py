"""The facts members read: companies and their timelines, agencies, Ring partnerships, laws,
datasets. `models` holds the values, `repository` the `FactsStore` (its reads, on either
backend), `write` the upserts the seed and the importers share."""

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
