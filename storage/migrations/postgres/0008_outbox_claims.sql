-- PostgreSQL twin of storage/migrations/0008_outbox_claims.sql: same tables, columns and constraints
-- (conventions in storage/postgres/migrate.py).
-- Two processes on one file (two bots, or a bot and a CLI) deliver from one outbox: a row
-- is claimed before it is sent, and only the claimant sends it. A claim is a lease: a
-- process killed mid-delivery leaves its rows to be claimed again once `claimed_until`
-- has passed ('' = never claimed; ISO timestamps compare as text).
ALTER TABLE notifications ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN claimed_until TEXT NOT NULL DEFAULT '';
