"""Bad files among good ones: each is reported in one line, the good ones are still built."""

from __future__ import annotations

import os

from helpers import TEXT, billion_laughs, kg, write_docx

from kg.load import decode


def _no_traceback(r) -> None:
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, r.stderr[-2000:]


def test_bad_inputs_are_listed_and_the_good_ones_built(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(TEXT, encoding="utf-8")
    (docs / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    write_docx(docs / "laughs.docx", billion_laughs())
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.html").write_bytes(b"\x00\x01\x02\x03" * 100)
    odd = os.fsencode(docs) + b"/\xff\xfe-gbk-name.txt"  # a file name that is not UTF-8
    with open(odd, "wb") as handle:
        handle.write("乙县实施方案\n将县水务局河道采砂的行政处罚权划转到县城管局。".encode("gb18030"))
    out = tmp_path / "out"
    r = kg("build", docs, "--out", out, "--no-html")
    _no_traceback(r)
    assert r.returncode == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 4, r.stderr
    for name, problem in [
        ("broken.docx", "not a valid .docx"),
        ("laughs.docx", "not a valid .docx"),
        ("empty.txt", "empty file"),
        ("binary.html", "binary"),
    ]:
        assert any(name in e and problem in e for e in errors), (name, errors)
    assert "built 2 articles" in r.stdout
    report = (out / "report.md").read_text(encoding="utf-8")
    assert report.count("broken.docx") == 1 and "laughs.docx" in report and "\ufffd\ufffd-gbk-name.txt" in report
    facts = (out / "facts.jsonl").read_text(encoding="utf-8")
    assert "露天烧烤" in facts and "河道采砂" in facts


def test_bad_inputs_empty_folder_is_an_error_not_silence(tmp_path):
    (tmp_path / "empty").mkdir()
    for command in ("extract", "build"):
        r = kg(command, tmp_path / "empty", *(["--out", tmp_path / "out"] if command == "build" else []))
        _no_traceback(r)
        assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1, (command, r.stderr)
        assert f"{tmp_path / 'empty'}: no input file" in r.stderr


def test_bad_inputs_short_gb18030_text_with_pinyin_glosses_is_not_read_as_big5():
    text = "关(guān)于加强城市管理执(zhí)法工作的意见"
    assert decode(text.encode("gb18030"), "a.txt") == (text, "gb18030")
    big5 = "關於城市管理執法的意見"
    assert decode(big5.encode("big5"), "b.txt") == (big5, "big5")


def test_bad_inputs_titles_are_escaped_in_report_and_csv(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    hostile = "<script>alert(1)</script>[x](javascript:alert(2))|甲市实施方案"
    (docs / "a.txt").write_text(hostile + "\n" + TEXT.split("\n", 1)[1], encoding="utf-8")
    out = tmp_path / "out"
    r = kg("build", docs, "--out", out, "--no-html")
    assert r.returncode == 0, r.stderr
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "<script" not in report and "](javascript" not in report.replace("\\](", "")
    row = next(line for line in report.splitlines() if "alert(1)" in line)
    assert row.count(" | ") == 3  # the pipe in the title does not add a column
    r = kg("query", 'SELECT ("=HYPERLINK(1)" AS ?v) WHERE {}', "--out", out, "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[1] == "'=HYPERLINK(1)"
