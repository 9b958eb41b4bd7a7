-- A template's name belongs to its workspace: two workspaces may each have `ban-petition`.
-- Names were unique across workspaces, so adding a name another workspace used was refused
-- with "another workspace already has ...", telling an organizer what a stranger's community
-- works on. Campaigns name a template within their own workspace, which is all they need.
-- SQLite cannot change a table's UNIQUE constraint, so the table is rebuilt with its rows.
CREATE TABLE letter_templates_rebuilt (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    language        TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('letter', 'petition')),
    title           TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    body            TEXT NOT NULL,
    workspace       TEXT NOT NULL,
    author_platform TEXT NOT NULL,
    author_id       TEXT NOT NULL,
    author_name     TEXT NOT NULL,
    created         TEXT NOT NULL,
    UNIQUE (workspace, name, language)
);
INSERT INTO letter_templates_rebuilt (id, name, language, kind, title, purpose, body, workspace,
    author_platform, author_id, author_name, created)
SELECT id, name, language, kind, title, purpose, body, workspace, author_platform, author_id,
    author_name, created
FROM letter_templates;
DROP TABLE letter_templates;
ALTER TABLE letter_templates_rebuilt RENAME TO letter_templates;
CREATE INDEX letter_templates_by_author ON letter_templates (author_platform, author_id);
