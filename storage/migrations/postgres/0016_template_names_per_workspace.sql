-- PostgreSQL twin of storage/migrations/0016_template_names_per_workspace.sql.
-- A template's name belongs to its workspace: two workspaces may each have `ban-petition`
-- (a name unique across workspaces told an organizer what another community works on).
ALTER TABLE letter_templates DROP CONSTRAINT letter_templates_name_language_key;
ALTER TABLE letter_templates ADD CONSTRAINT letter_templates_workspace_name_language_key
    UNIQUE (workspace, name, language);
-- The unique key's index leads with (workspace, name): the old index repeats it.
DROP INDEX letter_templates_by_workspace;
