"""Hostile input: a fixed corpus (reproducible, named cases) and hypothesis strategies."""

from __future__ import annotations

from hypothesis import strategies as st

from bot.core.models import Attachment
from storage.importers.atlas import ATLAS_COLUMNS

# (name, value): the name shows in a failure report.
HOSTILE_TEXT: tuple[tuple[str, str], ...] = (
    ("empty", ""),
    ("spaces", "   "),
    ("tab", "\t"),
    ("huge", "x" * 10_001),
    ("huge-words", "word " * 2_500),
    ("nul", "a\x00b"),
    ("bell", "a\x07b"),
    ("newline", "first\nsecond"),
    ("crlf", "a\r\nb"),
    ("del-c1", "a\x7f\x85b"),
    ("bidi-override", "\u202egnp.exe"),
    ("bidi-isolate", "\u2066x\u2069"),
    ("zero-width", "\u200b\u200d\ufeff"),
    ("lone-surrogate", "a\udcffb"),
    ("jinja-expr", "{{ 7*7 }}"),
    ("jinja-expr-big", "{{ 12345*6789 }}"),
    ("jinja-for", "{% for x in y %}"),
    ("jinja-globals", "{{ self.__init__.__globals__ }}"),
    ("jinja-comment", "{# x"),
    ("jinja-raw", "{% raw %}{{ 7*7 }}{% endraw %}"),
    ("jinja-autoescape", "{% autoescape false %}{{ signer }}{% endautoescape %}"),
    ("jinja-deep-parens", "{{ " + "(" * 300 + "signer" + ")" * 300 + " }}"),
    ("jinja-deep-filters", "{{ signer" + "|upper" * 300 + " }}"),
    ("jinja-deep-ifs", "{% if signer %}" * 120 + "x" + "{% endif %}" * 120),
    ("jinja-elifs", "{% if signer %}a" + "{% elif recipient %}b" * 60 + "{% endif %}"),
    (
        "jinja-most-blocks",
        "{% for a in laws %}"
        + "{% if a %}" * 6
        + "{% for b in nearby_laws %}{{ b.status }}{% endfor %}"
        + "{% endif %}" * 6
        + "{% endfor %}",
    ),
    ("everyone", "@everyone"),
    ("here", "@here"),
    ("user-mention", "<@123>"),
    ("role-mention", "<@&456>"),
    ("slack-channel", "<!channel>"),
    ("slack-link", "<http://evil|good>"),
    ("md-link", "[a](http://evil)"),
    ("double-quote", '"'),
    ("single-quote", "'"),
    ("unbalanced", 'say "hello'),
    ("backslash", "\\"),
    ("empty-key", "place:"),
    ("unknown-key", "nosuch:value"),
    ("sql", "'; DROP TABLE campaigns; --"),
    ("sql-like", "%_%"),
    ("rtl", "مرحبا بالعالم"),
    ("hebrew", "שלום"),
    ("emoji", "🚫📷👁️‍🗨️"),
    ("combining", "e\u0301\u0301\u0301\u0301"),
    ("huge-int", "9" * 40),
    ("int64", str(2**63)),
    ("too-many-digits", "9" * 5_000),
    ("negative", "-1"),
    ("negative-big", "-9999999999"),
    ("zero", "0"),
    ("float", "1.5"),
    ("impossible-date", "2023-02-31"),
    ("future-date", "2099-01-01"),
    ("year-zero", "0000-01-01"),
    ("max-date", "9999-12-31"),
    ("path", "../../etc/passwd"),
    ("format", "%s%n{0}{}"),
    ("ids", "C99999999999999999999"),
    ("id-negative", "D-1"),
    ("url-js", "javascript:alert(1)"),
    ("url-file", "file:///etc/passwd"),
)

# Raw values of the wrong type, as a buggy or forged adapter payload might carry them.
WRONG_TYPES: tuple[tuple[str, object], ...] = (
    ("int", 7),
    ("negative-int", -1),
    ("big-int", 10**30),
    ("too-many-digits-int", 10**5_000),
    ("bool", True),
    ("float", 1.5),
    ("nan", float("nan")),
    ("inf", float("inf")),
    ("list", ["a", "b"]),
    ("empty-list", []),
    ("dict", {"a": 1}),
    ("bytes", b"bytes"),
    ("none", None),
)

FACTS_HEADER = b"fact,subject,state,city,date,kind,status,summary,source_url,create\n"
ATLAS_HEADER = ",".join(ATLAS_COLUMNS).encode() + b"\n"


def facts_row(subject: str = "Amazon", summary: str = "An event", date: str = "2021-05-19",
              url: str = "https://example.org/e") -> bytes:  # fmt: skip
    """One facts-CSV event line, quoted the way a spreadsheet would."""
    cells = ["event", subject, "", "", date, "other", "", summary, url, ""]
    return (",".join('"' + c.replace('"', '""') + '"' for c in cells) + "\n").encode()


# Malformed CSV behind a header the importer recognises, so the parser itself is attacked.
HOSTILE_CSV: tuple[tuple[str, bytes], ...] = (
    ("csv-huge-field", FACTS_HEADER + facts_row(summary="x" * 200_000)),
    ("csv-unclosed-quote", FACTS_HEADER + b'event,"Amazon,,,2021-05-19\n'),
    ("csv-many-columns", FACTS_HEADER + b",".join([b"x"] * 5_000) + b"\n"),
    ("csv-cr-only", FACTS_HEADER.replace(b"\n", b"\r") + facts_row().replace(b"\n", b"\r")),
    ("csv-newline-in-cell", FACTS_HEADER + facts_row(subject="Ama\nzon")),
    ("csv-control-in-cell", FACTS_HEADER + facts_row(summary="a\x1b[31mred")),
    ("csv-bidi-in-cell", FACTS_HEADER + facts_row(subject="\u202enozamA")),
    ("csv-bidi-in-summary", FACTS_HEADER + facts_row(summary="\u202egnp.exe")),
    ("csv-c1-in-summary", FACTS_HEADER + facts_row(summary="a\x85b\x9bc")),
    ("csv-formula", FACTS_HEADER + facts_row(summary='=HYPERLINK("http://evil")')),
    ("csv-impossible-date", FACTS_HEADER + facts_row(date="2023-02-31")),
    ("csv-future-date", FACTS_HEADER + facts_row(date="2099-01-01")),
    ("csv-sql", FACTS_HEADER + facts_row(subject="'; DROP TABLE campaigns; --")),
    ("csv-bad-url", FACTS_HEADER + facts_row(url="javascript:alert(1)")),
    ("csv-mentions", FACTS_HEADER + facts_row(summary="@everyone <!channel> {{ 7*7 }}")),
    ("csv-blank-lines", FACTS_HEADER + b"\n\n\n"),
    ("csv-many-bad-rows", FACTS_HEADER + facts_row(date="2023-02-31") * 10_000),
    ("csv-bom", b"\xef\xbb\xbf" + FACTS_HEADER + facts_row()),
    ("atlas-huge-field", ATLAS_HEADER + b"1," + b"x" * 200_000 + b"\n"),
    ("atlas-short-row", ATLAS_HEADER + b"1,Greenfield,Milwaukee County,WI\n"),
    ("atlas-bad-values", ATLAS_HEADER + b",".join([b"\xe2\x80\xae@everyone"] * 25) + b"\n"),
)

# Cases that hold control characters, bidi overrides or surrogates where they cannot be
# dropped: whatever the command, the answer must be a refusal.
MUST_REFUSE = frozenset(
    {"nul", "bell", "del-c1", "bidi-override", "bidi-isolate", "lone-surrogate",
     "csv-control-in-cell", "csv-bidi-in-summary", "csv-c1-in-summary",
     "name-newline", "name-nul", "name-surrogate", "name-bidi"}
)  # fmt: skip

HOSTILE_FILES: tuple[tuple[str, Attachment], ...] = (
    ("empty-file", Attachment("empty.csv", b"")),
    ("binary", Attachment("x.csv", bytes(range(256)) * 4)),
    ("nul-bytes", Attachment("x.csv", b"fact,subject\x00\n\x00\x00")),
    ("latin1", Attachment("x.csv", "fact,subject\nlaw,Montréal\n".encode("latin-1"))),
    ("bom-only", Attachment("x.csv", b"\xef\xbb\xbf")),
    ("header-only", Attachment("x.csv", b"fact,subject,state,city,date,kind,status,summary,"
                                        b"source_url,create\n")),
    ("ragged", Attachment("x.csv", b"fact,subject,state\npartnership,\"unclosed,WI\n")),
    ("wrong-columns", Attachment("x.csv", b"a,b,c\n1,2,3\n")),
    ("atlas-header-only", Attachment("atlas.csv", b"AOSNUMBER,City,State\n")),
    ("huge-field", Attachment("x.csv", b"fact,subject\n" + b"x" * 200_000 + b"\n")),
    ("jinja-file", Attachment("t.txt", b"{{ 7*7 }} {% for x in y %}")),
    ("jinja-unclosed", Attachment("t.txt", b"{% if place %}")),
    ("template-calls", Attachment("t.txt", b"{{ signer.__class__.__mro__ }}")),
    ("path-name", Attachment("../../etc/passwd", b"x")),
    ("too-big", Attachment("big.csv", b"x" * (16 * 1024 * 1024 + 1))),
    *((label, Attachment("facts-2021-05-19.csv", data)) for label, data in HOSTILE_CSV),
)  # fmt: skip

# A file every file-taking command accepts (a facts CSV is also a plain-text template), so that
# hostile options and file names get past "attach a file".
NEUTRAL_CSV = (
    b"fact,subject,state,city,date,kind,status,summary,source_url,create\n"
    b"event,Amazon,,,2021-05-19,other,,An example event,https://example.org/event,\n"
)
NEUTRAL_FILE = Attachment("facts-2021-05-19.csv", NEUTRAL_CSV)

HOSTILE_FILE_NAMES: tuple[tuple[str, str], ...] = (
    ("name-empty", ""),
    ("name-huge", "n" * 10_000 + ".csv"),
    ("name-newline", "a\nb.csv"),
    ("name-nul", "a\x00b.csv"),
    ("name-surrogate", "a\udcffb.csv"),
    ("name-bidi", "\u202evsc.exe"),
    ("name-everyone", "@everyone <!channel>.csv"),
    ("name-jinja", "{{ 7*7 }}.csv"),
    ("name-path", "../../etc/passwd"),
)

# Unknown, empty or absurd option names in a raw payload.
FORGED_KEYS: tuple[tuple[str, dict[str, object]], ...] = (
    ("unknown", {"nosuch": "x"}),
    ("empty-name", {"": "x"}),
    ("huge-name", {"k" * 10_000: "x"}),
    ("control-name", {"a\nb": "x"}),
)


def hostile_text() -> st.SearchStrategy[str]:
    """Text that leans on what breaks chat bots, mixed with arbitrary unicode."""
    return st.one_of(
        st.sampled_from([value for _, value in HOSTILE_TEXT]),
        st.text(max_size=60),
        st.lists(
            st.sampled_from(
                ["{{", "}}", "{%", "%}", "7*7", "12345*6789", '"', "'", "\\", ":", "@everyone",
                 "<!here>", "\x00", "\n", "\u202e", "-", "2023-02-31", " ", "é", "😀", "C1", "D1",
                 "L1", "https://example.org/x", "Greenfield, WI", "ring-free-greenfield"]
            ),
            max_size=8,
        ).map("".join),
    )  # fmt: skip


def raw_value() -> st.SearchStrategy[object]:
    """What a forged structured payload might put in one option."""
    return st.one_of(
        hostile_text(),
        st.integers(),
        st.none(),
        st.booleans(),
        st.floats(),
        st.lists(st.text(max_size=5), max_size=3),
    )
