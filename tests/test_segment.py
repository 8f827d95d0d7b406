from __future__ import annotations

from kg.segment import heading_level, segment
from kg.types import Document


def _doc(text):
    return Document("d", "d", "t", text, text, tuple(range(len(text))))


def test_segment_headings_nest_and_reset():
    text = "一、总体要求\n(一)目标。到2020年完成。\n1.坚持依法。依法治理。\n二、任务\n正文一句!另一句?"
    sents = segment(_doc(text))
    by_text = {s.text: s.headings for s in sents}
    assert by_text["到2020年完成。"] == ("一、总体要求", "(一)目标")
    assert by_text["依法治理。"] == ("一、总体要求", "(一)目标", "1.坚持依法")
    assert by_text["正文一句!"] == ("二、任务",)
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_segment_heading_levels():
    assert [heading_level(x) for x in ["第三章 总则", "十二、保障", "(三)任务", "(2)细则", "2017年起施行"]] == [
        0,
        1,
        2,
        4,
        None,
    ]


def test_segment_a_table_row_is_one_sentence_whatever_its_cells_hold():
    text = "清单\n1\t对违法建设的处罚\t1.立案责任：予以审查。2.调查责任：调查取证。\t某区城管局\n说明一。说明二。"
    sentences = [s.text for s in segment(_doc(text))]
    assert sentences == [
        "清单",
        "1\t对违法建设的处罚\t1.立案责任：予以审查。2.调查责任：调查取证。\t某区城管局",
        "说明一。",
        "说明二。",
    ]
