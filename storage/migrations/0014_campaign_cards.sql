-- Where each campaign card (/campaign post) was posted, so its count can be kept true: a
-- sign-up, a leave or the campaign closing marks its cards stale (the triggers below, in the
-- same transaction as the change, whichever process made it), and the card refresher
-- (notifications/cards.py) edits a stale card at most once per CARD_EDIT_EVERY.
-- Nothing about who signed up: only where the message is.
CREATE TABLE campaign_cards (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    platform      TEXT NOT NULL,
    workspace     TEXT NOT NULL,
    channel       TEXT NOT NULL,
    message_id    TEXT NOT NULL,
    posted_at     TEXT NOT NULL,
    edited_at     TEXT,
    stale         INTEGER NOT NULL DEFAULT 0,  -- 1: the count shown is out of date
    next_edit_at  TEXT NOT NULL,               -- not edited before (pacing, retry_after, backoff)
    attempts      INTEGER NOT NULL DEFAULT 0,  -- failed edits in a row
    deleted_at    TEXT,                        -- the message was found gone: never edited again
    UNIQUE (platform, channel, message_id)
);
CREATE INDEX campaign_cards_by_campaign ON campaign_cards (campaign_id);
CREATE INDEX campaign_cards_due ON campaign_cards (next_edit_at)
    WHERE stale = 1 AND deleted_at IS NULL;

CREATE TRIGGER campaign_cards_stale_on_join AFTER INSERT ON signups
BEGIN
    UPDATE campaign_cards SET stale = 1
    WHERE campaign_id = NEW.campaign_id AND stale = 0 AND deleted_at IS NULL;
END;

CREATE TRIGGER campaign_cards_stale_on_leave AFTER DELETE ON signups
BEGIN
    UPDATE campaign_cards SET stale = 1
    WHERE campaign_id = OLD.campaign_id AND stale = 0 AND deleted_at IS NULL;
END;

CREATE TRIGGER campaign_cards_stale_on_close AFTER UPDATE OF closed_on ON campaigns
WHEN NEW.closed_on IS NOT NULL
BEGIN
    UPDATE campaign_cards SET stale = 1
    WHERE campaign_id = NEW.id AND stale = 0 AND deleted_at IS NULL;
END;
