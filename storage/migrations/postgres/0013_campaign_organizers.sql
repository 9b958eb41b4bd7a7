-- PostgreSQL twin of storage/migrations/0013_campaign_organizers.sql: same tables, columns and constraints
-- (conventions in storage/postgres/migrate.py).
-- Who organizes a campaign (its creator, and organizers who announced or scheduled for it):
-- they get the summary when its end date passes and it closes.
CREATE TABLE campaign_organizers (
    campaign_id  BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    platform     TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    added_at     TEXT NOT NULL,
    PRIMARY KEY (campaign_id, platform, user_id)
);
CREATE INDEX campaign_organizers_by_member ON campaign_organizers (platform, user_id);

-- 'members': an announcement to the signed-up members; 'summary': the closing summary to
-- the organizers (kept apart from what /campaign deliveries counts).
ALTER TABLE campaign_announcements ADD COLUMN kind TEXT NOT NULL DEFAULT 'members';
CREATE INDEX campaigns_to_close ON campaigns (ends) WHERE closed_on IS NULL AND ends IS NOT NULL;
