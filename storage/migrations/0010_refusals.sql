-- Refused attempts (a command run without the role for it) get a table and a numbering of
-- their own: they are about the person who tried, never about a fact, so they must not use
-- up change ids (a refusal before the first real change made it C3) nor sit among changes.
CREATE TABLE refusals (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,  -- shown as R1, R2, ...
    at         TEXT NOT NULL,                      -- ISO UTC timestamp
    platform   TEXT NOT NULL,
    workspace  TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    user_name  TEXT NOT NULL,
    command    TEXT NOT NULL                       -- 'facts set-partnership'
);
CREATE INDEX refusals_by_author ON refusals (platform, user_id);

INSERT INTO refusals (at, platform, workspace, user_id, user_name, command)
    SELECT at, platform, workspace, user_id, user_name, command FROM changes
    WHERE action = 'refused' ORDER BY id;
DELETE FROM change_subjects WHERE change_id IN (SELECT id FROM changes WHERE action = 'refused');
DELETE FROM changes WHERE action = 'refused';
