-- Who governs a place's police, and its officials, as admins record them from a source
-- (/facts set-body, /facts add-official): facts like any other, sourced, dated (as_of: the
-- day the source showed it as current), audited and undoable. `place_key` is the key the
-- place is followed under ('city:gates:NY', 'county:king county:WA') or 'agency:<id>' for
-- one agency (a state-appointed board); a stored body overrides the rule-derived one.
CREATE TABLE governing_bodies (
    id           INTEGER PRIMARY KEY,
    place_key    TEXT NOT NULL UNIQUE,
    place_label  TEXT NOT NULL,               -- 'Gates, NY', as the admin's reply named it
    name         TEXT NOT NULL,               -- 'the Town Board of the Town of Gates'
    -- Its public contact, from the same source and as-of date; '' when none recorded.
    web          TEXT NOT NULL DEFAULT '',    -- its contact form or page
    email        TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    meeting_on   TEXT NOT NULL DEFAULT '',    -- a public meeting's day (YYYY-MM-DD)
    meeting_place TEXT NOT NULL DEFAULT '',   -- its time and place as the source writes them
    source_id    INTEGER NOT NULL REFERENCES sources(id),
    as_of        TEXT NOT NULL,
    origin       TEXT NOT NULL DEFAULT 'seed'
);

CREATE TABLE officials (
    id           INTEGER PRIMARY KEY,
    place_key    TEXT NOT NULL,
    place_label  TEXT NOT NULL,
    name         TEXT NOT NULL,               -- 'Ana Pérez', as the source writes it
    name_key     TEXT NOT NULL,               -- normalised: one row per person and place
    title        TEXT NOT NULL,               -- 'Council Member', as the source writes it
    email        TEXT NOT NULL DEFAULT '',    -- their public email, '' when none recorded
    phone        TEXT NOT NULL DEFAULT '',    -- their public phone, as the source writes it
    source_id    INTEGER NOT NULL REFERENCES sources(id),
    as_of        TEXT NOT NULL,
    origin       TEXT NOT NULL DEFAULT 'seed',
    UNIQUE (place_key, name_key)
);
