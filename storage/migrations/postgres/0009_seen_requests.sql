-- PostgreSQL twin of storage/migrations/0009_seen_requests.sql: same tables, columns and constraints
-- (conventions in storage/postgres/migrate.py).
-- Requests already handled (Slack retries and replays, keyed by their retry key or
-- signature), kept across restarts for a TTL so a replayed request has one effect. The key
-- is stored as a SHA-256 digest: some keys are built from submitted values (user text).
CREATE TABLE seen_requests (
    key_hash    TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL
);
CREATE INDEX seen_requests_by_age ON seen_requests (created_at);
