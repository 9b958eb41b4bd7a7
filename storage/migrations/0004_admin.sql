-- Admin upkeep of the facts: every change (and every refused attempt) in an audit log with
-- its author, source and the exact before/after of each row it wrote; members' follows; and
-- an outbox of follow notifications delivered at least once, never dropped silently.

CREATE TABLE changes (
    -- AUTOINCREMENT: a change id shown in chat ("C12") must never name another change later.
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            TEXT NOT NULL,                 -- ISO UTC timestamp
    platform      TEXT NOT NULL,
    workspace     TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    user_name     TEXT NOT NULL,
    command       TEXT NOT NULL,                 -- 'facts set-partnership'
    action        TEXT NOT NULL CHECK (action IN
                      ('create', 'update', 'delete', 'import', 'undo', 'refused')),
    target_table  TEXT NOT NULL DEFAULT '',      -- 'deployments', 'company_events', 'laws'
    target_id     INTEGER,
    before_json   TEXT,                          -- the target before (NULL: it did not exist)
    after_json    TEXT,                          -- the target after (NULL: it was removed)
    source_url    TEXT NOT NULL DEFAULT '',
    summary       TEXT NOT NULL DEFAULT '',      -- one neutral line: what changed
    undoes        INTEGER REFERENCES changes (id),
    undone_by     INTEGER REFERENCES changes (id)
);
CREATE INDEX changes_by_target ON changes (target_table, target_id);

-- Every row one change wrote, in order, with its full state before and after (JSON).
CREATE TABLE change_rows (
    change_id    INTEGER NOT NULL REFERENCES changes (id),
    seq          INTEGER NOT NULL,
    table_name   TEXT NOT NULL,
    row_id       INTEGER NOT NULL,
    before_json  TEXT,
    after_json   TEXT,
    PRIMARY KEY (change_id, seq)
);
CREATE INDEX change_rows_by_row ON change_rows (table_name, row_id);

-- Ids of the rows an import created (thousands: ids only), so its undo deletes exactly those.
CREATE TABLE change_created (
    change_id   INTEGER NOT NULL REFERENCES changes (id),
    table_name  TEXT NOT NULL,
    row_id      INTEGER NOT NULL,
    PRIMARY KEY (change_id, table_name, row_id)
) WITHOUT ROWID;
CREATE INDEX change_created_by_row ON change_created (table_name, row_id);

-- What a change is about: 'city:greenfield:WI', 'county:king county:WA', 'state:VA',
-- 'company:amazon'. /facts history and follow notifications look changes up by these.
CREATE TABLE change_subjects (
    change_id    INTEGER NOT NULL REFERENCES changes (id),
    subject_key  TEXT NOT NULL,
    PRIMARY KEY (change_id, subject_key)
) WITHOUT ROWID;
CREATE INDEX change_subjects_by_key ON change_subjects (subject_key, change_id);

-- A member follows a place; personal data (see the privacy provider), so only ids and the place.
CREATE TABLE follows (
    id           INTEGER PRIMARY KEY,
    platform     TEXT NOT NULL,
    workspace    TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    place_key    TEXT NOT NULL,
    place_label  TEXT NOT NULL,
    state        TEXT NOT NULL,
    -- '|county-wide:milwaukee county:WI|...|': a county's laws reach the cities in it.
    county_keys  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    UNIQUE (platform, workspace, user_id, place_key)
);
CREATE INDEX follows_by_place ON follows (place_key);
CREATE INDEX follows_by_state ON follows (state);

-- One row per (change, follower): written in the change's own transaction, so a committed
-- change always has its notifications queued, and the UNIQUE key tells each follower once.
CREATE TABLE notifications (
    id               INTEGER PRIMARY KEY,
    change_id        INTEGER NOT NULL REFERENCES changes (id),
    platform         TEXT NOT NULL,
    workspace        TEXT NOT NULL,
    user_id          TEXT NOT NULL,
    text             TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    delivered_at     TEXT,
    last_error       TEXT NOT NULL DEFAULT '',
    UNIQUE (change_id, platform, workspace, user_id)
);
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE delivered_at IS NULL;

-- Undoing a large import deletes the sources it created unless a fact still cites them;
-- without these indexes each such check (and each foreign-key check) scans a whole table.
CREATE INDEX IF NOT EXISTS deployments_by_source ON deployments (source_id);
CREATE INDEX IF NOT EXISTS company_events_by_source ON company_events (source_id);
CREATE INDEX IF NOT EXISTS laws_by_source ON laws (source_id);
