-- Requests already handled (Slack retries and replays, keyed by their retry key or
-- signature), kept across restarts for a TTL so a replayed request has one effect. The key
-- is stored as a SHA-256 digest: some keys are built from submitted values (user text).
CREATE TABLE seen_requests (
    key_hash    TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX seen_requests_by_age ON seen_requests (created_at);
