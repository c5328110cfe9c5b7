"""Text search over the job history, in SQL, so a filter finds a match deep in a million
jobs without loading them.

A trigram FTS5 table (`jobs_text`) indexes the searched text columns and is kept in step
with `jobs` by triggers, so every process that writes the file keeps it current. State is
not in it (it changes on every transition) and is matched through its own index, as are
endpoints. Filters shorter than a trigram, and SQLite builds without FTS5's trigram
tokenizer, fall back to reading every row."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from gui.core.jobs.job import SEARCHED_FIELDS, JobState

INDEXED = ("summary", "model", "endpoint", "error", "custom_id")
TRIGRAM = 3  # the index finds substrings of at least three characters

_COLUMNS = ", ".join(INDEXED)
_NEW = ", ".join("new." + c for c in INDEXED)
_OLD = ", ".join("old." + c for c in INDEXED)
INDEX = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS jobs_text USING fts5({_COLUMNS}, content='jobs', content_rowid='seq', "
    "tokenize='trigram')",
    f"CREATE TRIGGER IF NOT EXISTS jobs_text_insert AFTER INSERT ON jobs BEGIN "
    f"INSERT INTO jobs_text(rowid, {_COLUMNS}) VALUES (new.seq, {_NEW}); END",
    f"CREATE TRIGGER IF NOT EXISTS jobs_text_delete AFTER DELETE ON jobs BEGIN "
    f"INSERT INTO jobs_text(jobs_text, rowid, {_COLUMNS}) VALUES ('delete', old.seq, {_OLD}); END",
    # Only when an indexed text changed: a state change (most updates) costs the index nothing.
    f"CREATE TRIGGER IF NOT EXISTS jobs_text_update AFTER UPDATE ON jobs WHEN "
    f"{' OR '.join(f'old.{c} IS NOT new.{c}' for c in INDEXED)} BEGIN "
    f"INSERT INTO jobs_text(jobs_text, rowid, {_COLUMNS}) VALUES ('delete', old.seq, {_OLD}); "
    f"INSERT INTO jobs_text(rowid, {_COLUMNS}) VALUES (new.seq, {_NEW}); END",
    "INSERT INTO jobs_text(jobs_text) VALUES ('rebuild')",  # an existing history is indexed once
]


def has_trigram(db: sqlite3.Connection) -> bool:
    """FTS5 with the trigram tokenizer (SQLite 3.34+, FTS5 compiled in): Python's own
    builds have it."""
    try:
        db.execute("CREATE VIRTUAL TABLE temp.trigram_probe USING fts5(x, tokenize='trigram')")
        db.execute("DROP TABLE temp.trigram_probe")
        return True
    except sqlite3.OperationalError:
        return False


def has_index(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name='jobs_text'").fetchone() is not None


def scan_clause(search: str, values: dict[str, Iterable[str]]) -> tuple[str, list]:
    """Every row read: a case-insensitive LIKE over the searched columns."""
    pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    matches = [f"IFNULL({c},'') LIKE ? ESCAPE '\\'" for c in SEARCHED_FIELDS]
    args: list = [pattern] * len(SEARCHED_FIELDS)
    for column, wanted in values.items():
        wanted = list(wanted)
        if wanted:
            matches.append(f"{column} IN ({','.join('?' * len(wanted))})")
            args += wanted
    return "(" + " OR ".join(matches) + ")", args


def index_clause(search: str, values: dict[str, Iterable[str]], before_seq: int | None,
                 newest: int | None) -> tuple[str, list]:
    """Through the indexes: the text in the trigram index (as a phrase, so a
    case-insensitive substring), states and endpoints whose names match through theirs. For
    a page of the newest jobs each part stops at `newest` rows, so a word found in every job
    costs no more than a rare one (the union's top rows are the page's)."""
    needle = search.casefold()
    values = {**values, "state": sorted({*values.get("state", []),
                                         *(s.value for s in JobState if needle in s.value)})}
    parts, args = [], []
    cursor = "" if before_seq is None else " AND {key} < ?"
    tail = "" if newest is None else " ORDER BY {key} DESC LIMIT ?"

    def part(sql: str, key: str, part_args: list) -> None:
        parts.append(f"SELECT seq FROM ({sql}{cursor.format(key=key)}{tail.format(key=key)})")
        args.extend(part_args + ([before_seq] if before_seq is not None else [])
                    + ([newest] if newest is not None else []))

    part("SELECT rowid AS seq FROM jobs_text WHERE jobs_text MATCH ?", "rowid", ['"' + search.replace('"', '""') + '"'])
    for column, wanted in values.items():
        wanted = list(wanted)
        if wanted:
            part(f"SELECT seq FROM jobs WHERE {column} IN ({','.join('?' * len(wanted))})", "seq", wanted)
    return f"seq IN ({' UNION '.join(parts)})", args
