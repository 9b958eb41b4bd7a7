-- Letter and petition templates added by organizers (shipped ones live in templates/).
-- A name belongs to one workspace; it may exist once per language.
CREATE TABLE letter_templates (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    language        TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('letter', 'petition')),
    title           TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    body            TEXT NOT NULL,
    workspace       TEXT NOT NULL,
    -- Who added it (shown in the listing, part of that person's privacy export).
    author_platform TEXT NOT NULL,
    author_id       TEXT NOT NULL,
    author_name     TEXT NOT NULL,
    created         TEXT NOT NULL,             -- ISO timestamp, UTC
    UNIQUE (name, language)
);
CREATE INDEX letter_templates_by_workspace ON letter_templates (workspace, name);
CREATE INDEX letter_templates_by_author ON letter_templates (author_platform, author_id);
