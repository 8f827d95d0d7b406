"""Pathological inputs finish or are refused quickly: caps set here are limits, not benchmarks."""

from __future__ import annotations

import pytest
from helpers import billion_laughs, docx_body, run_capped, write_docx

from kg.errors import InputError
from kg.load import MAX_FILE_BYTES, MAX_LINE_CHARS, read_source, split_articles
from kg.types import Source


def test_pathological_blank_lines_split_in_linear_time():
    # 20,000 blank lines: the old article-marker regex was cubic here (4,000 lines took 72 s)
    r = run_capped(
        "from kg.load import split_articles\nfrom kg.types import Source\n"
        "t = '标题\\n' + '\\n' * 20000 + '将市环保局的行政处罚权划转到市城管执法局。\\n' + '  \\n' * 20000\n"
        "print(len(split_articles(Source('x', 'x', t, 'utf-8'))))\n",
        seconds=10,
        mem_mb=500,
    )
    assert r.returncode == 0, r.stderr[-500:]
    assert r.stdout.strip() == "1"


def test_pathological_4000_blank_lines_extract_within_10_s(tmp_path):
    # the whole of `kg extract` on the case: 4,000 empty lines and one sentence (was 72 s)
    path = tmp_path / "blank.txt"
    path.write_text("某市实施方案\n" + "\n" * 4000 + "将市环保局的行政处罚权划转到市城管执法局。\n", encoding="utf-8")
    r = run_capped(f"from kg.pipeline import extract\nprint(len(extract([{str(path)!r}])))", seconds=10, mem_mb=2000)
    assert r.returncode == 0, r.stderr[-500:]


def test_pathological_markers_still_split_with_blank_lines_between():
    text = "合集\n\n\n第一篇：甲方案\n正文。\n\n\n\n【第2篇】乙意见\n正文。\r\n篇三 丙通知\n正文。"
    arts = split_articles(Source("x.txt", "x.txt", text, "utf-8"))
    assert [a.id for a in arts] == ["x.txt#1", "x.txt#2", "x.txt#3"]


def test_pathological_100000_nested_divs_read_within_10_s_and_500_mb(tmp_path):
    # a tree builder was quadratic here (780 s); text is now streamed whatever the depth
    n = 100_000
    (tmp_path / "deep.html").write_text(
        "<html><body><p>前言</p>" + "<div>" * n + "城管执法局负责。" + "</div>" * n + "<p>结尾</p>", encoding="utf-8"
    )
    r = run_capped(
        f"from kg.load import read_source\nprint(repr(read_source({str(tmp_path / 'deep.html')!r}).text))",
        seconds=10,
        mem_mb=500,
    )
    assert r.returncode == 0, r.stderr[-500:]
    assert r.stdout.strip() == repr("前言\n城管执法局负责。\n结尾")


def test_pathological_docx_declaring_a_huge_member_is_refused_within_10_s_and_500_mb(tmp_path):
    # 200 MB of one letter deflates to ~200 KB: the bomb is refused from its declared size
    path = write_docx(tmp_path / "bomb.docx", docx_body("<w:p><w:r><w:t>" + "A" * (200 << 20) + "</w:t></w:r></w:p>"))
    assert path.stat().st_size < 1 << 20
    r = run_capped(f"from kg.load import read_source\nread_source({str(path)!r})", seconds=10, mem_mb=500)
    assert r.returncode == 1
    assert "bomb.docx: word/document.xml declares 200 MB, over the 50 MB limit" in r.stderr


def test_pathological_docx_stream_stops_at_the_cap_whatever_the_header_says():
    # the reader counts what actually comes out of the archive, not only what the header declares
    import io

    from kg.load import _Capped

    stream = _Capped(io.BytesIO(b"x" * (3 << 16)), (2 << 16) + 5, "lie.docx")
    assert len(stream.read()) == 1 << 16 and len(stream.read(-1)) == 1 << 16
    with pytest.raises(InputError, match=r"lie\.docx: word/document\.xml inflates past"):
        stream.read()


def test_pathological_docx_large_other_members_are_never_read(tmp_path):
    # a 100 MB thumbnail beside a small document: only word/document.xml is inflated
    path = write_docx(
        tmp_path / "thumb.docx",
        docx_body("<w:p><w:r><w:t>甲市城管局负责。</w:t></w:r></w:p>"),
        **{"docProps/thumbnail.jpeg": b"\0" * (100 << 20)},
    )
    r = run_capped(f"from kg.load import read_source\nprint(read_source({str(path)!r}).text)", seconds=10, mem_mb=500)
    assert r.returncode == 0, r.stderr[-500:]
    assert r.stdout.strip() == "甲市城管局负责。"


def test_pathological_docx_billion_laughs_and_external_entity_pull_in_nothing(tmp_path):
    lol = write_docx(tmp_path / "lol.docx", billion_laughs())
    with pytest.raises(InputError, match=r"lol\.docx: not a valid \.docx file"):
        read_source(lol)
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    prolog = f'<!DOCTYPE d [<!ENTITY e SYSTEM "file://{secret}">]>'
    xxe = write_docx(tmp_path / "xxe.docx", docx_body("<w:p><w:r><w:t>甲&e;乙</w:t></w:r></w:p>", prolog))
    assert read_source(xxe).text == "甲乙"


def test_pathological_10_mb_line_is_refused_within_10_s(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text("ab" * (5 << 20), encoding="utf-8")  # 10 MB, no line end
    r = run_capped(f"from kg.load import read_source\nread_source({str(path)!r})", seconds=10, mem_mb=500)
    assert r.returncode == 1
    assert f"line.txt: a line of {10 << 20:,} characters, over the {MAX_LINE_CHARS:,} limit" in r.stderr


def test_pathological_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written, nothing may be read
    with pytest.raises(InputError, match=r"huge\.txt: 20 MB, over the 20 MB limit for one input file"):
        read_source(path)


def test_pathological_longest_allowed_line_extracts_in_bounded_time(tmp_path):
    # a paragraph at the limit, of real clauses without a full stop: extraction stays near-linear
    clause = "将市环保局露天烧烤污染的行政处罚权划转到市城管执法局，"
    path = tmp_path / "para.txt"
    path.write_text("某市实施方案\n" + clause * (MAX_LINE_CHARS // len(clause) - 1), encoding="utf-8")
    r = run_capped(f"from kg.pipeline import extract\nprint(len(extract([{str(path)!r}])))", seconds=120, mem_mb=3000)
    assert r.returncode == 0, r.stderr[-500:]
