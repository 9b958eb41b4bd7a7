-- A campaign's public page and the signatures made there. The page's URL carries an
-- unguessable token (never the slug: two workspaces may both have `ring-free`); deleting the
-- row unpublishes it (the URL answers 404, the sign-ups stay). A web signature is a sign-up
-- (platform 'web', user_id a hash of the normalized name + city + email) plus what only the
-- web needs: the hash of the signer's private removal link, and the email only when the
-- signer ticked the opt-in. It goes with its sign-up (ON DELETE CASCADE), so removing or
-- striking the sign-up leaves nothing behind. No IP address is stored anywhere.
CREATE TABLE campaign_pages (
    campaign_id   INTEGER PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    token         TEXT NOT NULL UNIQUE,
    published_at  TEXT NOT NULL
);

CREATE TABLE web_signatures (
    signup_id     INTEGER PRIMARY KEY REFERENCES signups(id) ON DELETE CASCADE,
    removal_hash  TEXT NOT NULL UNIQUE,
    email         TEXT NOT NULL DEFAULT ''
);

-- An organizer struck an obviously fraudulent web signature (/campaign strike): the sign-up
-- is deleted (its web row with it); what stays is that signer number N, signed on that day,
-- was struck, when and by whom. Nothing of the struck signer is kept.
CREATE TABLE campaign_strikes (
    id             INTEGER PRIMARY KEY,
    campaign_id    INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    signer_number  INTEGER NOT NULL,
    signed_on      TEXT NOT NULL,
    struck_at      TEXT NOT NULL,
    platform       TEXT NOT NULL,                -- the organizer who struck it
    user_id        TEXT NOT NULL
);
CREATE INDEX campaign_strikes_by_author ON campaign_strikes (platform, user_id);
