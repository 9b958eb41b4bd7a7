-- A workspace's default language (docs/languages.md): what a card or a channel post is said
-- in there, set by one of its admins with `/language es workspace:yes`. One row per
-- workspace, none when no admin chose (or one chose `auto`: the row is deleted), so the
-- platform's own word for the workspace applies (Discord's guild locale), else English.
-- The language of a workspace is nobody's personal data; who set it is, and is kept apart.
CREATE TABLE workspace_languages (
    platform    TEXT NOT NULL,
    workspace   TEXT NOT NULL,
    language    TEXT NOT NULL,
    set_at      TEXT NOT NULL,
    PRIMARY KEY (platform, workspace)
);

-- Who set or cleared a workspace's language, and when: every change, kept so a workspace's
-- admins can see how it came to be. language '' is `auto` (the default removed). The
-- author's id is personal data: /mydata shows it, /forgetme removes it (the entry stays).
CREATE TABLE workspace_language_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    platform    TEXT NOT NULL,
    workspace   TEXT NOT NULL,
    user_id     TEXT NOT NULL,                 -- '' once its author erased their data
    language    TEXT NOT NULL                  -- '' : set back to auto
);
CREATE INDEX workspace_language_log_by_author ON workspace_language_log (platform, user_id);
CREATE INDEX workspace_language_log_by_workspace ON workspace_language_log (platform, workspace);

-- What the platform said of the workspace's language when a card was posted (Discord's
-- guild_locale, 'es-ES'; '' on Slack and the console): the card refresher edits a card
-- outside any request, and says it in the same language the post did.
ALTER TABLE campaign_cards ADD COLUMN workspace_locale TEXT NOT NULL DEFAULT '';
