from __future__ import annotations

import pytest

from kg.normalize import normalize, strip_glosses, to_simplified
from kg.ruleset import load_rules
from kg.types import Article

RULES = load_rules()


def _doc(raw: str, start: int = 0):
    return normalize(Article("t.txt", "t.txt", raw, start, start + len(raw)), RULES)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("關(guān)於劃轉執(zhí)法職責", "关于划转执法职责"),
        ("县(区)城管执法局", "县(区)城管执法局"),
        ("政府和社会资本合作(PPP)模式", "政府和社会资本合作(PPP)模式"),
        ("(以下简称《意见》)發(fā)布", "(以下简称《意见》)发布"),
        ("整合到城管部门", "整合到城管部门"),  # t2s, not tw2sp: 整合 is not rewritten to 集成
        ("陜西省", "陕西省"),
        # a word glossed whole, its syllables apart; full-width brackets; a neutral syllable
        ("劃轉(huà zhuǎn)至市城管局", "划转至市城管局"),
        ("由鄉鎮（xiāng zhèn）負責", "由乡镇负责"),
        ("執法的(de shí hòu)時候", "执法的时候"),
        ("罚款(fine)和(PPP)", "罚款(fine)和(PPP)"),  # no tone mark: English, not pinyin
    ],
)
def test_normalize_simplified_without_glosses(raw, expected):
    assert _doc(raw).text == expected


def test_normalize_fullwidth_to_halfwidth_keeps_cjk_punctuation():
    d = _doc("（一）工作目标：２０１７年底前完成。《意见》〔2015〕")
    assert d.text == "(一)工作目标:2017年底前完成。《意见》〔2015〕"


def test_normalize_offsets_round_trip_to_source():
    raw = (
        "廣告\n關(guān)於城市執(zhí)法體制改革的意見\n本文链接:http://x.y/z\n免费咨询热线:15601075665\n將環保局職責劃轉"
    )
    d = _doc(raw, start=100)
    assert "本文链接" not in d.text and "15601075665" not in d.text
    i = d.text.index("执法")
    s, e = d.source_span(i, i + 2)
    assert raw[s - 100 : e - 100] == "執(zhí)法"
    j = d.text.index("划转")
    s, e = d.source_span(j, j + 2)
    assert to_simplified(raw[s - 100 : e - 100]) == "划转"


def test_normalize_strip_glosses_only_tone_marked_pinyin():
    assert strip_glosses("現(xiàn)代(ABC)(de)") == "現代(ABC)(de)"


@pytest.mark.parametrize(
    "raw,title",
    [
        (
            "黑发〔2017〕3号《X》\n中共甲省委甲省人民政府关于推进改革的实施意见\n为贯彻落实,制定本意见。",
            "中共甲省委甲省人民政府关于推进改革的实施意见",
        ),
        (
            "热线:13800000000\n乙市人民政府关于印发城市管理办法的通知\n各区人民政府:\n现将办法印发给你们。",
            "乙市人民政府关于印发城市管理办法的通知",
        ),
        ("某集 篇2\n新闻标题:城管改革启动\n正文。", "新闻标题:城管改革启动"),
    ],
)
def test_normalize_title(raw, title):
    assert _doc(raw).title == title


def test_normalize_title_after_a_table_of_contents():
    raw = (
        "第二篇:某区规划\n目录\n序言\n一、回顾……………1二、目标……3\n(一)原则………4\n"
        "5海淀区“十三五”时期城市管理规划\n(征求意见稿)\n根据区委部署,制定本规划。"
    )
    assert _doc(raw).title == "海淀区“十三五”时期城市管理规划"


@pytest.mark.parametrize(
    "crumb",
    [
        "当前位置：首页 > 政策法规 > 某市城市管理局",
        "您的位置: 首页 » 法规库 » 地方法规 »",
        "首页 > 新闻中心 > 通知公告",
    ],
)
def test_normalize_breadcrumbs_are_page_chrome(crumb):
    from kg.types import Article

    raw = crumb + "\n某省关于加强城市管理的意见\n正文。"
    doc = normalize(Article("a", "a", raw, 0, len(raw)), RULES)
    assert doc.text.split("\n")[0] == "某省关于加强城市管理的意见"


@pytest.mark.parametrize(
    "footer",
    ["主办：某县人民政府办公室　技术支持：某某科技公司", "承办单位: 某市大数据局", "网站标识码：4401000001"],
)
def test_normalize_a_site_footer_is_page_chrome(footer):
    from kg.types import Article

    raw = "某省关于加强城市管理的意见\n正文。\n" + footer
    doc = normalize(Article("a", "a", raw, 0, len(raw)), RULES)
    assert doc.text.rstrip().split("\n")[-1] == "正文。"


def test_normalize_a_line_broken_inside_a_cited_title_is_one_line():
    raw = "某县通知\n依据《\n某省人民政府关于推进改革的意见》,制定本方案。"
    doc = normalize(Article("a", "a", raw, 0, len(raw)), RULES)
    assert doc.text.split("\n")[1] == "依据《某省人民政府关于推进改革的意见》,制定本方案。"
    assert doc.raw[doc.offsets[doc.text.index("某省")]] == "某"


def test_normalize_a_table_copied_one_cell_a_line_becomes_rows():
    from kg.normalize import cells_to_rows

    text = "清单\n编号\n职权名称\n行使主体\nA-1\n对甲的处罚\n某局\nA-2\n对乙的处罚\n某局\n第二条 本清单动态调整。"
    assert cells_to_rows(text, RULES) == (
        "清单\n编号\t职权名称\t行使主体\nA-1\t对甲的处罚\t某局\nA-2\t对乙的处罚\t某局\n第二条 本清单动态调整。"
    )
    prose = "事项名称\n类别\n备注\n这是一段说明。\n另一段。\n再一段。"  # the lines after it are no rows
    assert cells_to_rows(prose, RULES) == prose
    assert len(cells_to_rows(text, RULES)) == len(text)


@pytest.mark.parametrize(
    "text,want",
    [
        # one space between cells, a number column first
        (
            "清单\n序号 事项名称 职权类型\n1 对甲的处罚 行政处罚\n2 乙审批 行政许可\n附件说明。",
            "清单\n序号\t事项名称\t职权类型\n1\t对甲的处罚\t行政处罚\n2\t乙审批\t行政许可\n附件说明。",
        ),
        # several spaces between cells; the surplus words stay in the last cell; one header word unknown
        (
            "职权名称  实施部门  设定依据  办理时限\n对丙的处罚  某局  《某条例》 第三条  五日",
            "职权名称\t 实施部门\t 设定依据\t 办理时限\n对丙的处罚\t 某局\t 《某条例》\t第三条  五日",
        ),
        # a line that is not a row (a word under the number column) ends the table
        (
            "编号 事项名称 实施主体\n附 件 说明 如下\n1 对丁的处罚 某局",
            "编号\t事项名称\t实施主体\n附 件 说明 如下\n1 对丁的处罚 某局",
        ),
        # prose with spaces is no table: too few column names
        ("甲 乙 事项名称\n1 2 3", "甲 乙 事项名称\n1 2 3"),
    ],
)
def test_normalize_a_table_with_spaces_between_cells_becomes_rows(text, want):
    from kg.normalize import spaces_to_tabs

    assert spaces_to_tabs(text, RULES) == want
    assert len(want) == len(text)


def test_normalize_a_pipe_table_becomes_tab_separated_rows_and_keeps_offsets():
    raw = "清单\n| 序号 | 事项名称 |\n|---|---|\n| 1 | 对甲的处罚 |\n说明|无"
    d = _doc(raw)
    assert d.text == "清单\n序号\t事项名称\n1\t对甲的处罚\n说明|无"
    at = d.text.index("对甲")
    assert raw[d.offsets[at] : d.offsets[at] + 2] == "对甲"


def test_normalize_a_paragraph_hard_wrapped_at_one_width_is_one_line_again():
    from kg.types import Article

    raw = (
        "某市人民政府关于调整部分行政处罚权的决定\n"
        "为深化改革，市政府决定，将市水务局承担的城市河道违法采砂、违法\n"
        "倾倒垃圾方面的行政处罚权，调整由市综合执法局行使。市水务局不再\n"
        "— 2 —\n"
        "行使上述行政处罚权。\n"
        "一、对擅自占用城市道路堆放物料搭建建筑物的处罚（市交通运输局）\n"
        "二、对在城市河道管理范围内违法建设的处罚（市水务局）\n"
    )
    doc = normalize(Article("a", "a", raw, 0, len(raw)), RULES)
    lines = doc.text.split("\n")
    assert lines[1].endswith("行使上述行政处罚权。"), lines  # the wrap and the page's number are gone
    assert "违法倾倒垃圾" in lines[1]
    assert lines[2].startswith("一、") and lines[3].startswith("二、")  # items stay lines of their own
    assert doc.raw[doc.offsets[doc.text.index("倾倒")]] == "倾"  # offsets still reach the file
