-- Facts are time-scoped and sourced: every row names its source and an as-of date.
-- Dates are ISO text (YYYY-MM-DD); *_precision says how much of it is known
-- ('day', 'month' or 'year'), so "in 2019" is never shown as "on 2019-01-01".

CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    url         TEXT NOT NULL,
    publisher   TEXT NOT NULL DEFAULT '',
    published   TEXT NOT NULL DEFAULT '',       -- ISO date of the source, '' if unknown
    title       TEXT NOT NULL DEFAULT '',
    UNIQUE (url, publisher, published)
);

-- A named body of imported data, e.g. the EFF Atlas snapshot; gives answers their "as of".
CREATE TABLE datasets (
    name         TEXT PRIMARY KEY,              -- 'eff-atlas', 'seed'
    as_of        TEXT NOT NULL,                 -- the date the data describes
    imported_at  TEXT NOT NULL,
    rows_read    INTEGER NOT NULL DEFAULT 0,
    description  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE companies (
    id    INTEGER PRIMARY KEY,
    slug  TEXT NOT NULL UNIQUE,                 -- 'amazon'
    name  TEXT NOT NULL                         -- 'Amazon'
);

-- Other names people type: 'aws', 'amazon rekognition', 'rekognition'. Lower-case.
CREATE TABLE company_aliases (
    alias       TEXT PRIMARY KEY,
    company_id  INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE
);

CREATE TABLE company_events (
    id              INTEGER PRIMARY KEY,
    company_id      INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
    happened        TEXT NOT NULL,
    happened_precision TEXT NOT NULL DEFAULT 'day' CHECK (happened_precision IN ('day', 'month', 'year')),
    kind            TEXT NOT NULL CHECK (kind IN (
                        'moratorium', 'extension', 'moratorium-ended', 'exit',
                        'restriction', 'shutdown', 'program', 'settlement', 'other')),
    -- What this event makes the company's status, when it changes it (e.g. 'Moratorium
    -- on police use of Rekognition, extended indefinitely'); '' for events that do not.
    status          TEXT NOT NULL DEFAULT '',
    summary         TEXT NOT NULL,
    source_id       INTEGER NOT NULL REFERENCES sources(id),
    as_of           TEXT NOT NULL,
    origin          TEXT NOT NULL DEFAULT 'seed',   -- 'seed', 'admin:<platform>:<user id>', 'import'
    natural_key     TEXT UNIQUE                     -- idempotent seeding/imports
);
CREATE INDEX company_events_by_company ON company_events (company_id, happened);

CREATE TABLE agencies (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,                  -- 'Greenfield Police Department'
    name_key    TEXT NOT NULL,                  -- normalised for matching: lower-case, single spaces
    city        TEXT NOT NULL DEFAULT '',
    county      TEXT NOT NULL DEFAULT '',       -- may list several: 'Ogle County, Winnebago County'
    state       TEXT NOT NULL DEFAULT '',       -- two-letter code, upper-case ('' when unknown)
    kind        TEXT NOT NULL DEFAULT '',       -- Police, Sheriff, ...
    jurisdiction_type TEXT NOT NULL DEFAULT '', -- Municipal, County, ...
    UNIQUE (name_key, state)
);
CREATE INDEX agencies_by_state_city ON agencies (state, city COLLATE NOCASE);

-- A technology an agency uses or a partnership it has (Ring/Neighbors, Face Recognition, ...).
CREATE TABLE deployments (
    id              INTEGER PRIMARY KEY,
    agency_id       INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
    technology      TEXT NOT NULL,              -- Atlas category, e.g. 'Ring/Neighbors Partnership'
    vendor          TEXT NOT NULL DEFAULT '',
    summary         TEXT NOT NULL DEFAULT '',
    started         TEXT,                       -- NULL when unknown
    started_precision TEXT CHECK (started_precision IN ('day', 'month', 'year')),
    ended           TEXT,                       -- NULL while ongoing
    source_id       INTEGER NOT NULL REFERENCES sources(id),
    as_of           TEXT NOT NULL,
    origin          TEXT NOT NULL DEFAULT 'import',
    natural_key     TEXT UNIQUE                 -- importer's key: agency, state, technology, vendor
);
CREATE INDEX deployments_by_agency ON deployments (agency_id, technology);
CREATE INDEX deployments_by_technology ON deployments (technology, started);

CREATE TABLE laws (
    id              INTEGER PRIMARY KEY,
    jurisdiction    TEXT NOT NULL,              -- 'Oakland, CA', 'Virginia', 'King County, WA'
    jurisdiction_key TEXT NOT NULL,             -- normalised for matching
    city            TEXT NOT NULL DEFAULT '',   -- '' for state-wide and county laws
    county          TEXT NOT NULL DEFAULT '',
    state           TEXT NOT NULL DEFAULT '',   -- two-letter code
    level           TEXT NOT NULL CHECK (level IN ('city', 'county', 'state', 'agency')),
    kind            TEXT NOT NULL CHECK (kind IN ('ban', 'moratorium', 'oversight', 'regulation', 'other')),
    scope           TEXT NOT NULL,              -- what it covers, in a sentence
    enacted         TEXT NOT NULL,
    enacted_precision TEXT NOT NULL DEFAULT 'day' CHECK (enacted_precision IN ('day', 'month', 'year')),
    status          TEXT NOT NULL CHECK (status IN (
                        'in-force', 'expired', 'repealed', 'partly-reversed', 'reversed', 'pending')),
    status_changed  TEXT,                       -- date of the expiry/repeal/reversal, if any
    status_note     TEXT NOT NULL DEFAULT '',
    source_id       INTEGER NOT NULL REFERENCES sources(id),
    as_of           TEXT NOT NULL,
    origin          TEXT NOT NULL DEFAULT 'seed',
    natural_key     TEXT UNIQUE
);
CREATE INDEX laws_by_state ON laws (state, level);
