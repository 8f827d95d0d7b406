from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.load import decode, iter_paths, read_source, split_articles
from kg.ruleset import load_rules
from kg.types import Source

RULES = load_rules()


@pytest.mark.parametrize(
    "data,encoding",
    [
        ("将市环保局的职责划转到市城管局。".encode("utf-8"), "utf-8"),
        ("\ufeff将市环保局的职责划转到市城管局。".encode("utf-8"), "utf-8-sig"),
        ("将市环保局的职责划转到市城管局。".encode("gbk"), "gb18030"),
        ("將市環保局的職責劃轉到市城管局。".encode("big5"), "big5"),
        ("将市环保局的职责划转到市城管局。".encode("utf-16"), "utf-16"),
    ],
)
def test_load_decode_detects_encoding(data, encoding):
    text, enc = decode(data, "x.txt")
    assert enc == encoding
    assert "市" in text and "城管局" in text


@pytest.mark.parametrize(
    "data,message",
    [(b"", "empty file"), (b"  \n ", "empty file"), (b"\x00\x01\x02binary\x00", "binary")],
)
def test_load_decode_rejects_bad_bytes(data, message):
    with pytest.raises(InputError, match=message):
        decode(data, "bad.txt")


def test_load_read_source_errors_name_the_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.txt: empty file"):
        read_source(empty)
    with pytest.raises(InputError, match="unsupported file type"):
        (tmp_path / "a.pdf").write_bytes(b"%PDF")
        read_source(tmp_path / "a.pdf")
    with pytest.raises(InputError, match="no such file"):
        list(iter_paths([tmp_path / "missing"]))
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK not a zip")
    with pytest.raises(InputError, match="not a valid .docx"):
        read_source(bad)


def test_load_html_malformed_keeps_text_drops_script(tmp_path):
    p = tmp_path / "a.html"
    p.write_text(
        "<html><body><p>甲市实施方案<script>alert(1)</script><div>将市工商局职责划入市城管局。<p>未闭合",
        encoding="utf-8",
    )
    text = read_source(p).text
    assert "甲市实施方案" in text and "划入市城管局" in text and "alert" not in text


def _docx(path, body: str) -> None:
    """A minimal .docx: only the parts Word needs to open it and our reader reads."""
    import zipfile

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {w}><w:body>{body}</w:body></w:document>')


def _p(*runs: str) -> str:
    return "<w:p>" + "".join(f"<w:r><w:t>{r}</w:t></w:r>" for r in runs) + "</w:p>"


def test_load_docx_paragraphs_runs_and_table_rows(tmp_path):
    cell = "<w:tc>{}</w:tc>"
    row = "<w:tbl><w:tr>" + cell.format(_p("1")) + cell.format(_p("河道", "采砂")) + "</w:tr></w:tbl>"
    _docx(tmp_path / "b.docx", _p("乙县城市管理实施方案") + row + _p("将县水务局", "职责划入县城管局。"))
    assert read_source(tmp_path / "b.docx").text == "乙县城市管理实施方案\n1\t河道采砂\n将县水务局职责划入县城管局。"


def test_load_docx_vertically_merged_cells_fill_the_rows_they_span(tmp_path):
    def tc(text: str, merge: str | None = None) -> str:
        props = (
            "" if merge is None else f"<w:tcPr><w:vMerge{'' if merge == 'continue' else f' w:val={merge!r}'}/></w:tcPr>"
        )
        return f"<w:tc>{props}{_p(text) if text else '<w:p/>'}</w:tc>"

    rows = (
        "<w:tr>" + tc("行政处罚", "restart") + tc("对占道经营的处罚") + tc("县城管局", "restart") + "</w:tr>"
        "<w:tr>" + tc("", "continue") + tc("对损毁绿地的处罚") + tc("", "continue") + "</w:tr>"
        "<w:tr>" + tc("行政强制") + tc("扣押摊贩工具") + tc("") + "</w:tr>"
    )
    _docx(tmp_path / "m.docx", _p("某县权责清单") + "<w:tbl>" + rows + "</w:tbl>")
    assert read_source(tmp_path / "m.docx").text.splitlines()[1:] == [
        "行政处罚\t对占道经营的处罚\t县城管局",
        "行政处罚\t对损毁绿地的处罚\t县城管局",
        "行政强制\t扣押摊贩工具",
    ]


def test_load_html_row_and_column_spans_keep_cells_in_their_columns(tmp_path):
    html = (
        "<table><tr><th>类别</th><th>名称</th><th>主体</th></tr>"
        '<tr><td rowspan="2">行政处罚</td><td>对乱贴广告的处罚</td><td rowspan="3">区城管局</td></tr>'
        "<tr><td>对乱倒垃圾的处罚</td></tr>"
        '<tr><td colspan="2">合计</td></tr>'
        '<tr><td rowspan="x">行政强制</td><td>扣押工具</td><td>区城管局</td></tr></table>'
    )
    (tmp_path / "t.html").write_text(html, encoding="utf-8")
    assert read_source(tmp_path / "t.html").text.splitlines() == [
        "类别\t名称\t主体",
        "行政处罚\t对乱贴广告的处罚\t区城管局",
        "行政处罚\t对乱倒垃圾的处罚\t区城管局",
        "合计\t\t区城管局",
        "行政强制\t扣押工具\t区城管局",
    ]


@pytest.mark.parametrize(
    "text,ids,first_lines",
    [
        (
            "合集(精选3篇)\n意见 篇1\n甲\n意见 篇2\n乙\n意见 篇3\n丙",
            ["f#1", "f#2", "f#3"],
            ["意见 篇1", "意见 篇2", "意见 篇3"],
        ),
        ("第一篇:甲方案\n正文\n第二篇:乙规划\n正文", ["f#1", "f#2"], ["第一篇:甲方案", "第二篇:乙规划"]),
        ("只有一篇\n正文。共分三篇来讲。", ["f"], ["只有一篇"]),
    ],
)
def test_load_split_articles(text, ids, first_lines):
    articles = split_articles(Source("f", "f", text, "utf-8"))
    assert [a.id for a in articles] == ids
    assert [a.raw.splitlines()[0] for a in articles] == first_lines
    for a in articles:
        assert text[a.start : a.end] == a.raw


@pytest.mark.parametrize(
    "text",
    [
        "范文精选\n【第1篇】甲市城管方案\n正文。\n【第2篇】乙县城管意见\n正文。",
        "范文精选\n篇一:甲市城管方案\n正文。\n篇二:乙县城管意见\n正文。",
    ],
)
def test_load_split_articles_other_markers(text):
    from kg.normalize import normalize

    articles = split_articles(Source("f", "f", text, "utf-8"))
    assert [a.id for a in articles] == ["f#1", "f#2"]
    assert [normalize(a, RULES).title for a in articles] == ["甲市城管方案", "乙县城管意见"]
