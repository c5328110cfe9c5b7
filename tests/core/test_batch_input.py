"""Batch inputs and templates: CSV quoting, unicode, empty cells and BOMs, delimiters and
encodings detected, Excel sheets, audio folders; placeholders checked before sending;
per-row file names that cannot leave their folder."""
from __future__ import annotations

import pytest

from gui.core.batch.plan import BatchPlan, BatchSpec, read_manifest
from gui.core.batch.row_files import check_name_template, file_stem
from gui.core.batch.table import read_table
from gui.core.batch.template import (
    estimate_tokens,
    placeholders,
    problems,
    render,
    unknown_placeholders,
)
from gui.core.endpoints import Endpoint
from gui.core.errors import QueueError

TRICKY = (
    'id,question,note\r\n'
    '1,"Say ""hi"", then stop",\r\n'           # doubled quotes, a comma inside, empty last cell
    '2,"Zwei Zeilen:\r\nÄrger über Öl",ß\r\n'  # a quoted line break, German umlauts
    '3,,日本語 ☕\r\n'                          # empty middle cell, CJK and emoji
    ',,\r\n'                                    # an all-empty row is no request
    '4,"trailing space ",\r\n'
)


def test_csv_with_quoting_unicode_empty_cells_and_a_bom(tmp_path):
    path = tmp_path / "q.csv"
    path.write_bytes(b"\xef\xbb\xbf" + TRICKY.encode("utf-8"))
    table = read_table(path)
    assert table.columns == ["id", "question", "note"]  # the BOM is not part of the first name
    assert table.rows == [
        ("1", 'Say "hi", then stop', ""),
        ("2", "Zwei Zeilen:\r\nÄrger über Öl", "ß"),
        ("3", "", "日本語 ☕"),
        ("4", "trailing space ", ""),
    ]
    assert table.encoding == "UTF-8 (BOM)" and table.delimiter == ","
    assert "4 rows" in table.describe()


@pytest.mark.parametrize("encoding,delimiter,label", [
    ("utf-8", ";", "UTF-8"), ("cp1252", ";", "Windows-1252"), ("utf-8", "\t", "UTF-8"), ("utf-16", "\t", "UTF-16"),
])
def test_encoding_and_delimiter_are_detected(tmp_path, encoding, delimiter, label):
    text = delimiter.join(["Name", "Stadt", "Preis"]) + "\n"
    text += delimiter.join(["Müller", '"Köln; Innenstadt"' if delimiter == ";" else "Köln", "3,50 €"]) + "\n"
    text += delimiter.join(["Zoë", "Genève", ""]) + "\n"
    path = tmp_path / "in.csv"
    path.write_bytes(text.encode(encoding))
    table = read_table(path)
    assert table.delimiter == delimiter and table.encoding == label
    assert table.columns == ["Name", "Stadt", "Preis"]
    assert table.rows[0][0] == "Müller" and table.rows[1] == ("Zoë", "Genève", "")
    assert table.rows[0][2] == "3,50 €"


def test_tsv_single_column_and_ragged_rows(tmp_path):
    tsv = tmp_path / "a.tsv"
    tsv.write_text("q\tlang\nhello, world\ten\n")
    assert read_table(tsv).rows == [("hello, world", "en")]
    one = tmp_path / "one.csv"
    one.write_text("question\nWhat is a queue?\nWhy?\n")
    assert read_table(one).rows == [("What is a queue?",), ("Why?",)]
    ragged = tmp_path / "r.csv"
    ragged.write_text("a,b\n1\n2,3,4\n")
    table = read_table(ragged)
    assert table.columns == ["a", "b", "column_3"] and table.rows == [("1", "", ""), ("2", "3", "4")]


def test_xlsx_first_or_chosen_sheet_with_typed_cells(tmp_path):
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.title = "Fragen"
    first.append(["question", "count", "when"])
    first.append(["Wie geht's?", 3, dt.date(2026, 1, 2)])
    first.append(["Empty next", None, None])
    other = book.create_sheet("Other")
    other.append(["x"])
    other.append(["from the second sheet"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.sheet == "Fragen" and table.sheets == ["Fragen", "Other"]
    assert table.rows[0][1] == 3  # kept typed, for an unchanged export
    assert table.row_text(0) == {"question": "Wie geht's?", "count": "3", "when": "2026-01-02"}
    assert table.row_text(1)["count"] == ""
    assert read_table(path, "Other").rows == [("from the second sheet",)]
    with pytest.raises(QueueError, match="no sheet 'Nope'"):
        read_table(path, "Nope")


def test_audio_folder_and_unreadable_inputs(tmp_path):
    (tmp_path / "b.wav").write_bytes(b"RIFF")
    (tmp_path / "A.mp3").write_bytes(b"ID3")
    (tmp_path / "notes.txt").write_text("not audio")
    table = read_table(tmp_path)
    assert [r[1] for r in table.rows] == ["A.mp3", "b.wav"] and table.columns == ["file", "name"]
    (tmp_path / "silent").mkdir()
    with pytest.raises(QueueError, match="no audio files"):
        read_table(tmp_path / "silent")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(QueueError, match="empty"):
        read_table(empty)
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf")
    with pytest.raises(QueueError, match="save it as .xlsx"):
        read_table(tmp_path / "old.xls")


def test_templates_render_columns_with_any_name_and_flag_unknown_ones():
    values = {"Customer name": "Zoë", "Q1.answer": "yes", "x": "1"}
    assert render("Hi {Customer name}, you said {Q1.answer}.", values) == "Hi Zoë, you said yes."
    assert render('JSON: {{"x": {x}}}', values) == 'JSON: {"x": 1}'
    assert placeholders("{a} {b} {a}") == ["a", "b"]
    assert unknown_placeholders("{question} {questoin}", ["question"]) == ["questoin"]
    found = problems("{questoin}", ["question", "topic"], "prompt template")
    assert len(found) == 1 and "{questoin}" in found[0] and "question, topic" in found[0]
    assert problems("lone { brace", ["a"]) and not problems("{{ok}}", [])
    assert estimate_tokens("a" * 40) == 10 + 4 and estimate_tokens("", "") == 0


def test_plan_checks_before_sending_and_builds_bodies(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text("question,lang\nWhat is a queue?,en\n,de\n")
    table = read_table(path)
    plan = BatchPlan(table, BatchSpec(Endpoint.CHAT, "m", "Answer in {lang}: {question}", "You speak {lang}."), tmp_path / "o")
    assert plan.problems() == [] and plan.custom_ids == ["row-1", "row-2"]
    assert plan.empty_rows() == []  # "Answer in de: " is not empty
    job = plan.job(0)
    assert job.body == {"model": "m", "messages": [{"role": "system", "content": "You speak en."},
                                                   {"role": "user", "content": "Answer in en: What is a queue?"}]}
    assert job.custom_id == "row-1" and job.batch_id == plan.batch_id
    assert plan.estimate_tokens() > 0
    bad = BatchPlan(table, BatchSpec(Endpoint.CHAT, "", "{nope}", "{also_nope}"), tmp_path / "o")
    assert len(bad.problems()) == 3
    emb = BatchPlan(table, BatchSpec(Endpoint.EMBEDDINGS, "e", "{question}", params={"dimensions": 8}), tmp_path / "o")
    assert emb.job(1).body == {"model": "e", "input": "", "dimensions": 8} and emb.empty_rows() == [1]
    audio = BatchPlan(table, BatchSpec(Endpoint.TRANSCRIPTIONS, "w", file_column="question"), tmp_path / "o")
    assert "cannot be found" in " ".join(audio.problems())


def test_file_name_templates_cannot_leave_the_folder():
    columns = ["title", "lang"]
    assert check_name_template("{row}-{title}", columns) == []
    assert check_name_template("by-lang/{lang}/{row}", columns) == []
    for bad in ("../{title}", "/tmp/{title}", "C:\\x\\{row}", "a/../../{row}", "~/{row}", "", "{unknown}"):
        assert check_name_template(bad, columns), bad
    # Cell values are flattened: they cannot add folders or climb out.
    assert file_stem("{row}-{title}", {"row": "01", "title": "../../etc/passwd"}) == "01-_.._etc_passwd"  # no folder, no leading dot
    assert file_stem("{title}", {"title": ".."}) == "_"
    assert file_stem("{lang}/{row}", {"lang": "de", "row": "7"}) == "de/7"


@pytest.mark.parametrize("rows", [0, 1, 9_999, 10_000, 20_000, 20_001])
def test_the_manifest_is_written_in_pieces_and_reads_back_whole(tmp_path, rows):
    source = tmp_path / "q.csv"
    source.write_text("question\nwhy?\n")
    plan = BatchPlan(read_table(source), BatchSpec(Endpoint.CHAT, "m", "{question}"), tmp_path / "out")
    fingerprints = {f"row-{i}": f"{i:016x}" for i in range(1, rows + 1)}
    plan.save_manifest(iter(fingerprints.items()))
    assert read_manifest(tmp_path / "out")["rows"] == fingerprints  # at whole pieces of rows too
