-- Campaigns and sign-ups. A campaign belongs to a workspace (Discord guild, Slack team,
-- 'console'); the same slug may exist in two workspaces. Campaigns record no creator:
-- the organizer role is checked when a command runs, so no one's id is kept for it.

CREATE TABLE campaigns (
    id          INTEGER PRIMARY KEY,
    workspace   TEXT NOT NULL,
    slug        TEXT NOT NULL,                  -- [a-z0-9][a-z0-9-]{1,39}
    title       TEXT NOT NULL,
    goal        INTEGER CHECK (goal IS NULL OR goal BETWEEN 1 AND 10000000),
    template    TEXT NOT NULL DEFAULT '',       -- a letters/petition template name, '' if none
    place       TEXT NOT NULL DEFAULT '',       -- a place label, '' if none
    ends        TEXT,                           -- last ISO day sign-ups are taken; NULL: open-ended
    created_on  TEXT NOT NULL,                  -- ISO date
    closed_on   TEXT,                           -- ISO date an organizer closed it
    UNIQUE (workspace, slug)
);

-- A sign-up holds only what the member gave: who (platform + platform id), the display
-- name at sign-up, the city if they named one, and when. Leaving deletes the row.
CREATE TABLE signups (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    platform      TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    city          TEXT NOT NULL DEFAULT '',
    signed_up_at  TEXT NOT NULL,                -- ISO UTC timestamp, YYYY-MM-DDTHH:MM:SSZ
    UNIQUE (campaign_id, platform, user_id)
);
CREATE INDEX signups_by_member ON signups (platform, user_id);
CREATE INDEX signups_by_campaign_time ON signups (campaign_id, signed_up_at);
