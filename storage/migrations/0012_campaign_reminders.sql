-- /campaign remind: an announcement scheduled for a moment (stored in UTC, shown as typed,
-- with its zone). Sending it queues its messages in the outbox and sets sent_at in the same
-- transaction, so a reminder is sent once, whichever process or restart gets there first.
CREATE TABLE campaign_reminders (
    id               INTEGER PRIMARY KEY,
    campaign_id      INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    workspace        TEXT NOT NULL,
    author_platform  TEXT NOT NULL,
    author_id        TEXT NOT NULL,
    due_at           TEXT NOT NULL,   -- UTC, the outbox's stamp format
    shown_when       TEXT NOT NULL,   -- as the organizer gave it: 2027-03-02 18:00 America/Chicago
    text             TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    sent_at          TEXT,
    cancelled_at     TEXT,
    announcement_id  INTEGER REFERENCES campaign_announcements (id) ON DELETE SET NULL
);
CREATE INDEX campaign_reminders_due ON campaign_reminders (due_at)
    WHERE sent_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX campaign_reminders_by_campaign ON campaign_reminders (campaign_id);
