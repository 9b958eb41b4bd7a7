"""Splitting a PostgreSQL migration into statements: ';' ends one only outside quotes,
comments and dollar-quoted bodies (a plpgsql function's statements stay in its body)."""

from __future__ import annotations

import pytest

from storage.postgres.script import ScriptError, split_statements

FUNCTION = """CREATE FUNCTION touch() RETURNS trigger AS $body$
BEGIN
    NEW.note := 'a; b';
    RETURN NEW;
END
$body$ LANGUAGE plpgsql"""


def test_a_function_body_keeps_its_semicolons() -> None:
    script = f"CREATE TABLE t (note TEXT);\n{FUNCTION};\nDROP TABLE t;\n"
    assert split_statements(script) == ["CREATE TABLE t (note TEXT)", FUNCTION, "DROP TABLE t"]


def test_anonymous_dollar_quotes_and_parameters() -> None:
    script = "DO $$ BEGIN PERFORM 1; END $$;\nSELECT $1::int; SELECT a$b FROM c"
    assert split_statements(script) == [
        "DO $$ BEGIN PERFORM 1; END $$",
        "SELECT $1::int",
        "SELECT a$b FROM c",
    ]


def test_quotes_and_comments_hide_semicolons() -> None:
    script = "-- why; because\nSELECT 'it''s; fine', \"odd;name\" /* ; */ FROM t;\n-- the end;\n"
    assert split_statements(script) == [
        "-- why; because\nSELECT 'it''s; fine', \"odd;name\" /* ; */ FROM t"
    ]


def test_only_comments_make_no_statement() -> None:
    assert split_statements("-- nothing here;\n;\n/* nor; here */\n") == []


@pytest.mark.parametrize("script", ["SELECT 'open", "DO $x$ BEGIN END $y$", "/* open"])
def test_an_unclosed_quote_or_body_is_an_error(script: str) -> None:
    with pytest.raises(ScriptError):
        split_statements(script)
