-- How a process learns that another one changed what it keeps in memory (the facts behind
-- the place index, the campaigns): after any statement that changed one of these tables, a
-- notification on 'counterwatch_changes' naming the table. PostgreSQL sends it only when the
-- transaction commits, and once per transaction and table however many rows changed;
-- storage/postgres/watch.py listens. (SQLite's twin is empty: there, PRAGMA data_version.)
CREATE FUNCTION counterwatch_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('counterwatch_changes', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER sources_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sources
    FOR EACH STATEMENT EXECUTE FUNCTION counterwatch_notify_change();
CREATE TRIGGER datasets_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON datasets
    FOR EACH STATEMENT EXECUTE FUNCTION counterwatch_notify_change();
CREATE TRIGGER companies_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON companies
    FOR EACH STATEMENT EXECUTE FUNCTION counterwatch_notify_change();
CREATE TRIGGER company_aliases_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON company_aliases FOR EACH STATEMENT EXECUTE FUNCTION counterwatch_notify_change();
CREATE TRIGGER company_events_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON company_events FOR EACH STATEMENT EXECUTE FUNCTION counterwatch_notify_change();
CREATE TRIGGER agencies_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agencies
    FOR EACH STATEMENT EXECUTE FUNCTION counterwatch_notify_change();
CREATE TRIGGER agency_names_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON agency_names FOR EACH STATEMENT EXECUTE FUNCTION counterwatch_notify_change();
CREATE TRIGGER deployments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON deployments
    FOR EACH STATEMENT EXECUTE FUNCTION counterwatch_notify_change();
CREATE TRIGGER laws_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON laws
    FOR EACH STATEMENT EXECUTE FUNCTION counterwatch_notify_change();
CREATE TRIGGER campaigns_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON campaigns
    FOR EACH STATEMENT EXECUTE FUNCTION counterwatch_notify_change();
CREATE TRIGGER letter_templates_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON letter_templates FOR EACH STATEMENT EXECUTE FUNCTION counterwatch_notify_change();

-- SQLite's instr(text, needle) under its own name, so that the repositories' SQL (a follow's
-- county keys '|k1|k2|' tested for one key) runs unchanged on both backends.
CREATE FUNCTION instr(haystack TEXT, needle TEXT) RETURNS INTEGER
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN strpos(haystack, needle);
