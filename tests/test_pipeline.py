"""End to end over tests/fixtures: files of several encodings and formats → facts."""

from __future__ import annotations

from kg.pipeline import extract
from kg.ruleset import load_rules

RULES = load_rules()


def test_pipeline_traditional_html_with_glosses_and_chrome(fixtures_dir):
    (ex,) = extract([fixtures_dir / "hunan_traditional.html"])
    assert "關(guān)" not in ex.document.text and "版权所有" not in ex.document.text
    doc = next(f for f in ex.facts if f.kind == "document")
    assert doc.get("title") == "湖南省人民政府关于推进城市管理执法体制改革的实施意见"
    assert (doc.get("doc_number"), doc.get("date"), doc.get("jurisdiction")) == (
        "湘政发〔2017〕8号",
        "2017-03-20",
        "湖南省",
    )
    transfers = [(f.get("matter"), f.get("source_sector"), f.get("target")) for f in ex.facts if f.kind == "transfer"]
    assert ("露天烧烤污染", "环境保护", "市、县(市、区)城市管理部门") in transfers
    assert ("违法停放车辆", "公安", "市、县(市、区)城市管理部门") in transfers
    assert sorted(f.get("jurisdiction") for f in ex.facts if f.kind == "pilot") == ["浏阳市", "长沙市"]
    assert [f.get("date") for f in ex.facts if f.kind == "deadline"] == ["2017-12-31", "2018-06-30"]
    agencies = {f.get("name") for f in ex.facts if f.kind == "agency"}
    assert not any(n.endswith("机构") for n in agencies)  # "城市管理机构综合设置" names no body
    # the evidence of each fact stands in the original (Traditional, glossed) text
    from kg.normalize import strip_glosses, to_simplified

    raw = ex.document.raw
    for f in ex.facts:
        if f.start >= 0:
            s, e = ex.document.source_span(f.start, f.end)
            original = to_simplified(strip_glosses(raw[s:e])).replace("（", "(").replace("）", ")")
            assert original.replace("，", ",").replace("：", ":").startswith(f.evidence[:4]), (original, f.evidence)


def test_pipeline_whole_fixtures_folder(fixtures_dir):
    errors: list[str] = []
    results = extract([fixtures_dir], errors=errors)
    assert errors == []
    ids = [r.document.id for r in results]
    assert "lanshan_gbk.txt" in ids and "broken.html" in ids and "hunan_traditional.html" in ids
    gbk = next(r for r in results if r.document.id == "lanshan_gbk.txt")
    assert gbk.document.title == "临沂市兰山区城市管理综合执法实施方案"


def test_pipeline_a_file_sent_as_bytes_is_read_where_it_is_not(tmp_path):
    """A cluster's worker on another machine gets a file's bytes, not its path: the same articles
    as a worker that reads the file itself; an unreadable file is one error line either way."""
    from kg.pipeline import FileJob, read_and_extract

    text = "某市实施方案\n将市环保局露天烧烤污染的行政处罚权划转到市城管执法局。"
    path = tmp_path / "甲.txt"
    path.write_text(text, encoding="gbk")
    here = read_and_extract(FileJob(path), RULES)
    job = FileJob(path).with_data()
    path.unlink()
    there = read_and_extract(job, RULES)
    assert [a.extraction for a in there.articles] == [a.extraction for a in here.articles]
    assert "露天烧烤污染" in there.articles[0].facts and not there.errors
    gone = read_and_extract(FileJob(path).with_data(), RULES)
    assert gone.unreadable and len(gone.errors) == 1 and "甲.txt" in gone.errors[0]


def test_pipeline_a_place_inside_a_towns_name_is_no_place(tmp_path):
    # "北京庄镇", "上海庙镇": towns named after other places; the province is not named here
    path = tmp_path / "decision.txt"
    path.write_text(
        "某旗人民政府决定\n将部分旗级行政执法权限赋予城川镇、北京庄镇、上海庙镇人民政府。\n", encoding="utf-8"
    )
    (ex,) = extract([path])
    places = {f.get("standard_name") for f in ex.facts if f.kind == "jurisdiction"}
    assert not places & {"北京市", "上海市"}, places
    agencies = {f.get("name") for f in ex.facts if f.kind == "agency"}
    assert {"北京庄镇人民政府", "上海庙镇人民政府"} <= agencies, agencies
