-- /campaign announce: one direct message per signed-up member, delivered through the same
-- outbox as follow notifications (claimed, retried, never dropped silently), and
-- /campaign mute: a member stops a campaign's messages.
CREATE TABLE campaign_announcements (
    id               INTEGER PRIMARY KEY,
    campaign_id      INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    author_platform  TEXT NOT NULL,
    author_id        TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    recipients       INTEGER NOT NULL
);
CREATE INDEX campaign_announcements_by_campaign ON campaign_announcements (campaign_id);

CREATE TABLE campaign_mutes (
    campaign_id  INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    platform     TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    muted_at     TEXT NOT NULL,
    PRIMARY KEY (campaign_id, platform, user_id)
);
CREATE INDEX campaign_mutes_by_member ON campaign_mutes (platform, user_id);

-- The outbox takes announcements beside fact changes: a row names exactly one of the two.
-- SQLite cannot drop NOT NULL from a column, so the table is rebuilt with its rows.
-- `gave_up_at`: an announcement to a member whose DMs are closed (or that kept failing) is
-- counted as failed and left, not retried forever; follow notifications never give up.
CREATE TABLE notifications_rebuilt (
    id               INTEGER PRIMARY KEY,
    change_id        INTEGER REFERENCES changes (id),
    announcement_id  INTEGER REFERENCES campaign_announcements (id) ON DELETE CASCADE,
    platform         TEXT NOT NULL,
    workspace        TEXT NOT NULL,
    user_id          TEXT NOT NULL,
    user_name        TEXT NOT NULL DEFAULT '',
    text             TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    delivered_at     TEXT,
    gave_up_at       TEXT,
    last_error       TEXT NOT NULL DEFAULT '',
    claimed_by       TEXT NOT NULL DEFAULT '',
    claimed_until    TEXT NOT NULL DEFAULT '',
    CHECK ((change_id IS NULL) <> (announcement_id IS NULL)),
    UNIQUE (change_id, platform, workspace, user_id),
    UNIQUE (announcement_id, platform, workspace, user_id)
);
INSERT INTO notifications_rebuilt (id, change_id, platform, workspace, user_id, user_name, text,
    created_at, attempts, next_attempt_at, delivered_at, last_error, claimed_by, claimed_until)
SELECT id, change_id, platform, workspace, user_id, user_name, text, created_at, attempts,
    next_attempt_at, delivered_at, last_error, claimed_by, claimed_until
FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_rebuilt RENAME TO notifications;
CREATE INDEX notifications_due ON notifications (next_attempt_at)
    WHERE delivered_at IS NULL AND gave_up_at IS NULL;
CREATE INDEX notifications_by_announcement ON notifications (announcement_id)
    WHERE announcement_id IS NOT NULL;
