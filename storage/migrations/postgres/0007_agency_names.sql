-- PostgreSQL twin of storage/migrations/0007_agency_names.sql: same tables, columns and constraints
-- (conventions in storage/postgres/migrate.py).
-- Other names of an agency: every city its rows name ('city'; agencies.city is the one most
-- named) and names the Atlas gave it where a Summary names the signer ('alias'). The place
-- index reads them so that an agency is found by each of them.
CREATE TABLE agency_names (
    agency_id  BIGINT NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('city', 'alias')),
    name       TEXT NOT NULL,
    PRIMARY KEY (agency_id, kind, name)
);
