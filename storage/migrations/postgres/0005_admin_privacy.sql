-- PostgreSQL twin of storage/migrations/0005_admin_privacy.sql: same tables, columns and constraints
-- (conventions in storage/postgres/migrate.py).
-- /mydata and /forgetme look the audit log up by its author.
CREATE INDEX changes_by_author ON changes (platform, user_id);

-- A follower whose direct messages are closed is told in a configured channel instead,
-- named by display name (never pinged). Personal data: shown by /mydata, erased by
-- /forgetme with the follow and its notifications.
ALTER TABLE follows ADD COLUMN user_name TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN user_name TEXT NOT NULL DEFAULT '';
