from __future__ import annotations

import pytest

from kg.facts import as_dict
from kg.normalize import normalize
from kg.pipeline import recognize_sentences
from kg.recognize import find_agencies, find_places, resolve_places
from kg.relate import deadlines_in, relate_document, split_matters, transfers_in
from kg.ruleset import load_rules
from kg.segment import segment
from kg.types import Article

RULES = load_rules()


def _relate(doc):
    sentences = segment(doc)
    return relate_document(doc, sentences, recognize_sentences(sentences, RULES), RULES)


def _facts(text: str, name: str = "t.txt"):
    doc = normalize(Article(name, name, text, 0, len(text)), RULES)
    return _relate(doc)


def _bodies(text: str):
    """The bodies the recognize stage finds in a text of its own."""
    return find_agencies(text, RULES, resolve_places(find_places(text, RULES)))


def _t(text, **kw):
    if "next_text" in kw:
        kw["next_agencies"] = _bodies(kw["next_text"])
    return [
        (t["source"], t["source_sector"], t["power"], t["matter"], t["target"], t["target_sector"])
        for t in transfers_in(text, _bodies(text), RULES, **kw)
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "将区水务局向河道倾倒垃圾的行政处罚权调整至区城市管理局。",
            [("区水务局", "水务", "行政处罚权", "向河道倾倒垃圾", "区城市管理局", "城市管理")],
        ),
        (
            "将县公安局违法停放车辆、占道经营方面的行政处罚权,归并到县综合行政执法局。",
            [
                ("县公安局", "公安", "行政处罚权", "违法停放车辆", "县综合行政执法局", "城市管理"),
                ("县公安局", "公安", "行政处罚权", "占道经营", "县综合行政执法局", "城市管理"),
            ],
        ),
        (
            "将州园林局的全部职责和州住建局市政设施和路灯养护管理职责划转到州城市管理局。",
            [
                ("州园林局", "城市管理", "管理职责", "全部职责", "州城市管理局", "城市管理"),
                ("州住建局", "住房城乡建设", "管理职责", "市政设施", "州城市管理局", "城市管理"),
                ("州住建局", "住房城乡建设", "管理职责", "路灯养护管理", "州城市管理局", "城市管理"),
            ],
        ),
        (
            "由市城市管理行政执法局集中行使水务管理方面河道采砂的行政处罚权。",
            [(None, "水务", "行政处罚权", "河道采砂", "市城市管理行政执法局", "城市管理")],
        ),
        (
            "有关管理和执法职责划转城市管理综合执法部门后,原主管部门不再行使。",
            [("原主管部门", None, "管理和执法职责", None, "城市管理综合执法部门", "城市管理")],
        ),
        (
            "赋予区城市管理局参与处置城市管理领域各类突发事件应急管理的职责。",
            [(None, None, "管理职责", "突发事件应急管理", "区城市管理局", "城市管理")],
        ),
    ],
)
def test_relate_transfers(text, expected):
    assert _t(text) == expected


def test_relate_transfer_receiver_from_next_sentence():
    first = "具体范围是:工商管理方面户外公共场所无照经营的行政处罚权;交通管理方面违法停放车辆等的行政处罚权。"
    got = _t(first, next_text="城市管理部门可以实施与上述范围有关的行政强制措施。")
    assert got == [
        (None, "工商行政管理", "行政处罚权", "户外公共场所无照经营", "城市管理部门", "城市管理"),
        (None, "公安", "行政处罚权", "违法停放车辆", "城市管理部门", "城市管理"),
    ]


def test_relate_transfer_header_carries_receiver_to_items():
    text = (
        "某市实施方案\n三、推进综合执法\n区城市管理局集中行使城市管理领域3个方面的行政处罚权:\n"
        "一是环境保护管理方面露天烧烤污染的行政处罚权。\n二是工商管理方面违规设置户外广告的行政处罚权。"
    )
    transfers = [f for f in _facts(text) if f.kind == "transfer"]
    assert [(f.get("matter"), f.get("target"), f.get("domain")) for f in transfers] == [
        ("露天烧烤污染", "区城市管理局", "环境保护管理"),
        ("违规设置户外广告", "区城市管理局", "工商管理"),
    ]
    assert all(f.rule_id == "transfer.scope_list.v1" and f.start >= 0 for f in transfers)


@pytest.mark.parametrize(
    "text,he,expected",
    [
        (
            "户外公共场所食品销售和餐饮摊点无证经营,以及违法回收贩卖药品等",
            False,
            ["户外公共场所食品销售和餐饮摊点无证经营", "违法回收贩卖药品"],
        ),
        (
            "城市焚烧沥青塑料垃圾等烟尘和恶臭污染、燃放烟花爆竹污染",
            False,
            ["城市焚烧沥青塑料垃圾等烟尘和恶臭污染", "燃放烟花爆竹污染"],
        ),
        ("道路照明和城市排水设施管理", True, ["道路照明", "城市排水设施管理"]),
    ],
)
def test_relate_split_matters(text, he, expected):
    assert split_matters(text, RULES.frames.scope_sectors, split_he=he) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2018年3月底前,各区完成机构组建。", [("2018-03-31", "各区完成机构组建")]),
        ("到2019年年底,建成智慧城管平台。", [("2019-12-31", "建成智慧城管平台")]),
        ("2018年上半年完成网格划定。", [("2018-06-30", "完成网格划定")]),
        ("2016年9月30日前出台配备标准。", [("2016-09-30", "出台配备标准")]),
        ("2019年起全面执行执法公示制度。", [("2019-01-01", "全面执行执法公示制度")]),
        ("到20xx年基本建立制度。", [(None, "基本建立制度")]),  # a masked year: no date (masked_deadline)
        ("1999年4月1日发布的办法。", []),
        # a second deliverable after 并 is a task; ongoing work after 并 (加强, 做好) is none
        (
            "2021年底前完成事项交接，并公布执法事项清单。",
            [("2021-12-31", "完成事项交接"), ("2021-12-31", "并公布执法事项清单")],
        ),
        ("2022年5月底前完成人员划转，并加强业务培训。", [("2022-05-31", "完成人员划转")]),
        # a bare "完成": what is done is the subject before the date
        ("以上调整于2019年3月底前完成。", [("2019-03-31", "以上调整完成")]),
        ("（二）人员划转工作要在2020年6月底前全部到位。", [("2020-06-30", "人员划转工作全部到位")]),
        # the state of things as of a date (截至, 截止到): no deadline
        ("截至2020年6月底，已完成执法人员划转。", []),
        ("截止到2021年底，全市已建成数字城管平台。", []),
    ],
)
def test_relate_deadlines(text, expected):
    assert [(d, t) for d, t, _, _ in deadlines_in(text)] == expected


def test_relate_deadline_month_takes_year_of_phase():
    text = "某省方案\n(一)试点阶段(2018年3月-9月)。5月底前制定试点方案,9月底前完成试点任务。"
    got = sorted(f.get("date") for f in _facts(text) if f.kind == "deadline")
    assert got == ["2018-05-31", "2018-09-30"]


def test_relate_pilots_lead_and_bodies():
    text = (
        "中共河南省委河南省人民政府关于推进城市执法体制改革的实施意见\n"
        "确定洛阳、许昌市和兰考县为改革试点。\n"
        "省住房城乡建设厅牵头,省编办、省财政厅等省直有关部门配合。\n"
        "成立由省政府分管负责同志任召集人的省城市管理工作联席会议,办公室设在省住房城乡建设厅。"
    )
    facts = _facts(text)
    pilots = sorted(f.get("jurisdiction") for f in facts if f.kind == "pilot")
    assert pilots == ["兰考县", "洛阳市", "许昌市"]
    lead = next(f for f in facts if f.kind == "lead")
    assert lead.get("lead") == ("省住房城乡建设厅",) and lead.get("cooperate") == ("省编办", "省财政厅")
    body = next(f for f in facts if f.kind == "body_established")
    assert (body.get("name"), body.get("chair"), body.get("office_at")) == (
        "省城市管理工作联席会议",
        "省政府分管负责同志",
        "省住房城乡建设厅",
    )
    doc = next(f for f in facts if f.kind == "document")
    assert doc.get("jurisdiction") == "河南省" and doc.get("level") == "province"
    assert doc.get("issuer") == ("中共河南省委", "河南省人民政府")


def test_relate_document_jurisdiction_inferred_from_places():
    text = "深化改革实施方案\n结合我省实际,选择淄博市、曲阜市作为试点,济南市跟进。"
    doc = next(f for f in _facts(text) if f.kind == "document")
    assert doc.get("jurisdiction") == "山东省" and doc.get("jurisdiction_inferred") is True
    masked = next(f for f in _facts("XX市城市管理实施方案\n推进我市改革。") if f.kind == "document")
    assert masked.get("jurisdiction") == "XX市" and masked.get("level") == "city"


def test_relate_every_fact_has_evidence_in_text():
    text = "某市方案\n将市环保局露天烧烤污染的行政处罚权划转到市城管执法局。2018年底前完成。"
    doc = normalize(Article("t.txt", "t.txt", text, 0, len(text)), RULES)
    for f in _relate(doc):
        if f.kind == "document":
            continue
        assert f.rule_id and f.sentence_id.startswith("t.txt#s")
        assert doc.text[f.start : f.end].startswith(f.evidence[:5])


def test_relate_header_receiver_carries_over_numbered_item_lines():
    # the items are numbered like headings, "(一)…": the header's receiver still applies, and
    # stops applying after the list
    text = (
        "某省实施意见\n(五)推进综合执法。\n城市管理执法部门集中行使以下行政处罚权:\n"
        "(一)环境保护管理方面露天烧烤污染的行政处罚权;\n(二)水务管理方面河道违法采砂的行政处罚权。\n"
        "(六)加强队伍建设。工商管理方面的执法要规范。"
    )
    transfers = [f for f in _facts(text) if f.kind == "transfer"]
    assert [(f.get("matter"), f.get("target"), f.get("source_sector")) for f in transfers] == [
        ("露天烧烤污染", "城市管理执法部门", "环境保护"),
        ("河道违法采砂", "城市管理执法部门", "水务"),
    ]


def test_relate_notice_with_several_givers_each_with_own_power(fixtures_dir):
    from kg.pipeline import extract

    facts = extract([fixtures_dir / "notice_multi_giver.txt"])[0].facts
    doc = next(f for f in facts if f.kind == "document")
    assert doc.get("issuer") == ("广州市人民政府办公厅",)
    assert (doc.get("doc_number"), doc.get("date"), doc.get("jurisdiction")) == (
        "穗府办〔2017〕12号",
        "2017-03-01",
        "广州市",
    )
    transfers = [(f.get("source"), f.get("matter")) for f in facts if f.kind == "transfer"]
    assert transfers == [
        ("市环境保护局", "社会生活噪声污染"),
        ("市环境保护局", "建筑施工噪声污染"),
        ("市工商行政管理局", "户外公共场所无照经营"),
        ("市交通委员会", "侵占城市道路"),
    ]
    lead = next(f for f in facts if f.kind == "lead")
    assert lead.get("task") == "成立市城市管理综合执法体制改革领导小组"


def test_relate_regulation_articles(fixtures_dir):
    from kg.pipeline import extract

    facts = extract([fixtures_dir / "regulation_articles.txt"])[0].facts
    doc = next(f for f in facts if f.kind == "document")
    assert (doc.get("jurisdiction"), doc.get("level")) == ("某某市", "city")
    transfers = [(f.get("matter"), f.get("source_sector"), f.get("domain")) for f in facts if f.kind == "transfer"]
    assert transfers[0] == ("住房城乡建设管理", "住房城乡建设", "住房城乡建设管理")  # the legal basis is no matter
    assert ("违法停放车辆", "公安", "公安交通管理") in transfers and len(transfers) == 5
    assert not [f for f in facts if f.kind == "deadline"]  # "自…起施行" is entry into force, no obligation


def test_relate_one_record_per_body_with_aliases():
    text = (
        "某市实施方案\n由县(区)城市管理行政执法局负责,县(区)城管执法局配合。市建设部门、市建管部门和市商务部门、"
        "市供销部门参与。市委、机关工委负责宣传。中共淄博市委领导。"
    )
    agencies = {f.get("name"): f.get("aliases") for f in _facts(text) if f.kind == "agency"}
    assert agencies["县(区)城市管理行政执法局"] == ("县(区)城管执法局",)  # an abbreviation is the same body
    assert "市建设部门" in agencies and "市建管部门" in agencies  # 建管 does not abbreviate 建设
    assert "市商务部门" in agencies and "市供销部门" in agencies  # no known sector: never merged
    assert "机关工委" in agencies and agencies["机关工委"] == ()
    assert agencies["中共淄博市委"] == ("市委",)


@pytest.mark.parametrize(
    "text, body, alias",
    [
        # an abbreviation that ends in its organ (编办, 城管委) names the body its full name does
        ("攸县机构编制委员会办公室关于调整职责的通知\n县编办负责解释。", "攸县机构编制委员会办公室", "县编办"),
        ("某市实施方案\n成立株洲市城市管理委员会。\n市城管委办公室设在市城市管理局，市城管委每季度召开会议。",
         "株洲市城市管理委员会", "市城管委"),
        ("某区方案\n区编委办会同区司法局负责督导。\n芙蓉区机构编制委员会办公室负责解释。",
         "芙蓉区机构编制委员会办公室", "区编委办"),
    ],
)  # fmt: skip
def test_relate_an_abbreviation_ending_in_its_organ_is_the_same_body(text, body, alias):
    agencies = {f.get("name"): f.get("aliases") for f in _facts(text) if f.kind == "agency"}
    assert alias in agencies[body], agencies


@pytest.mark.parametrize(
    "sentence, bodies",
    [
        # two names written apart in one sentence: two bodies, though one abbreviates the other's core
        ("组建县城市管理综合执法局，归口县城市管理局管理。", {"县城市管理综合执法局": (), "县城市管理局": ()}),
        ("区城市管理综合执法局受区城市管理局领导。", {"区城市管理综合执法局": (), "区城市管理局": ()}),
        # a bracketed other name is the same body
        ("由市城市管理综合执法局（市城市管理局）负责。", {"市城市管理综合执法局": ("市城市管理局",)}),
        ("由市城市管理综合执法局(挂市城市管理局牌子)负责。", {"市城市管理综合执法局": ("市城市管理局",)}),
    ],
)
def test_relate_names_written_apart_in_one_sentence_are_two_bodies(sentence, bodies):
    agencies = {f.get("name"): f.get("aliases") for f in _facts("某市实施方案\n" + sentence) if f.kind == "agency"}
    assert {n: agencies.get(n) for n in bodies} == bodies


@pytest.mark.parametrize(
    "sentence, name",
    [
        # the body right after the verb is the one set up, though a committee is named further on
        ("县人民政府设立县行政审批局，集中行使县发展和改革委员会等部门的行政许可事项。", "县行政审批局"),
        ("组建区综合行政执法局，承担区卫生健康委员会的部分执法职责。", "区综合行政执法局"),
        # no body right after it: the council named further on
        ("成立以市长为主任的市城市管理委员会。", "市城市管理委员会"),
    ],
)
def test_relate_the_body_set_up_is_the_one_right_after_the_verb(sentence, name):
    assert [f.get("name") for f in _facts("某市实施方案\n" + sentence) if f.kind == "body_established"] == [name]


def test_relate_targets_and_transfer_deadlines():
    text = (
        "某市方案\n到2020年,各区40%以上的主次干路达到深度保洁作业标准。城镇化率为53.7%。\n"
        "2018年底前,生活垃圾无害化处理率达到95%以上。\n2017年6月底前,将市规划局违法建设的行政处罚权划入市城管局。"
    )
    facts = _facts(text)
    targets = [(f.get("value"), f.get("object"), f.get("date")) for f in facts if f.kind == "target"]
    assert targets == [
        ("40%以上", "主次干路达到深度保洁作业标准", "2020-12-31"),
        ("95%以上", "生活垃圾无害化处理率", "2018-12-31"),
    ]
    transfer = next(f for f in facts if f.kind == "transfer")
    assert transfer.get("deadline") == "2017-06-30"
    assert transfer.evidence.startswith("2017年6月底前")


@pytest.mark.parametrize(
    "text,name,chair,office",
    [
        ("组建海淀区城市综合管理委员会,统筹全区工作。", "海淀区城市综合管理委员会", None, None),
        ("组建区城市管理综合执法局,负责全区城市管理执法。", "区城市管理综合执法局", None, None),
        (
            "县政府建立由县长主持的县城市管理工作联席会议制度。联席会议办公室设在县城市管理局。",
            "县城市管理工作联席会议",
            "县长",
            "县城市管理局",
        ),
        ("成立西城区城市管理专家顾问团,参与决策。", "西城区城市管理专家顾问团", None, None),
    ],
)
def test_relate_bodies_established(text, name, chair, office):
    body = next(f for f in _facts("某方案\n" + text) if f.kind == "body_established")
    assert (body.get("name"), body.get("chair"), body.get("office_at")) == (name, chair, office)


def test_relate_mechanism_without_chair_or_office_is_no_body():
    assert not [f for f in _facts("某方案\n建立城市管理联席会议制度,加强协调。") if f.kind == "body_established"]


def test_relate_internal_units_of_a_bureau():
    text = "某区方案\n二、区城市管理局内设机构\n1、内设四个机构:综合科、环卫监管处、数字城管指挥中心、执法大队。"
    units = {
        f.get("name"): (f.get("sector"), f.get("level")) for f in _facts(text) if f.rule_id == "agency.internal_unit.v1"
    }
    assert units == {
        "综合科": ("城市管理", "district"),
        "环卫监管处": ("城市管理", "district"),
        "数字城管指挥中心": ("城市管理", "district"),
        "执法大队": ("城市管理", "district"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "县城市管理局行使行政处罚权时,应当出示执法证件。",
        "依法行使职权,规范执法行为。",
        "各部门要按照职责分工行使职权。",
    ],
)
def test_relate_exercising_a_power_without_a_matter_is_no_transfer(text):
    assert _t(text) == []


@pytest.mark.parametrize(
    "text,want",
    [
        # a regulation's Markdown title and adoption line
        (
            "# 某省物业管理条例\n\n2021年3月5日 某省第十三届人民代表大会常务委员会第二十次会议通过\n第一条 为了规范物业管理。",
            {"title": "某省物业管理条例", "date": "2021-03-05"},
        ),
        # an order signed with a date in Chinese numerals; its number alone in parentheses
        (
            "某市城市管理办法\n某市人民政府令\n(第12号)\n市长:某某\n二〇〇三年十一月二日\n第一条 为了加强管理。",
            {"date": "2003-11-02"},
        ),
        (
            "某省人民政府办公厅关于开展试点的通知\n(某政办发[2003]21号)\n各市人民政府:\n现将有关事项通知如下。",
            {"doc_number": "某政办发[2003]21号"},
        ),
        # an untitled reply opens with its salutation
        ("王某某委员:\n您提出的建议已收悉。现答复如下。", {"title": None}),
        # an issuer line above a "关于…" title, the date in parentheses under it
        (
            "中共某州委 某州人民政府\n关于加强城市管理的意见\n(2020年5月6日)\n为加强管理,提出如下意见。",
            {"title": "中共某州委 某州人民政府关于加强城市管理的意见", "date": "2020-05-06"},
        ),
        # a title broken where its 《 is still open
        (
            "某区人民政府办公室\n关于印发《某区城市管理\n实施细则》的通知\n各街道:\n现印发给你们。",
            {"title": "某区人民政府办公室关于印发《某区城市管理实施细则》的通知"},
        ),
        # amended regulation: the latest amendment is the text in force; a higher body's approval is not
        (
            "# 某市养犬管理条例\n2015年6月1日 某市第十四届人民代表大会常务委员会第九次会议通过\n"
            "2015年7月2日 某省第十二届人民代表大会常务委员会第十次会议批准\n"
            "2022年9月9日 某市第十六届人民代表大会常务委员会第三次会议《关于修改〈某市养犬管理条例〉的决定》修正\n"
            "第一条 为了规范养犬。",
            {"title": "某市养犬管理条例", "date": "2022-09-09"},
        ),
        (
            "# 某市养犬管理条例\n2015年6月1日 某市第十四届人民代表大会常务委员会第九次会议通过\n"
            "2015年7月2日 某省第十二届人民代表大会常务委员会第十次会议批准\n第一条 为了规范养犬。",
            {"date": "2015-06-01"},
        ),
        # an act about one place within the issuer's is that place's; about several, the issuer's
        (
            "湖北省人民政府关于宜昌市夷陵区开展综合执法试点的批复\n宜昌市人民政府:\n同意试点。",
            {"jurisdiction": "宜昌市夷陵区", "level": "district"},
        ),
        (
            "湖北省人民政府关于在宜昌、襄阳、荆州市开展试点的通知\n各市人民政府:\n开展试点。",
            {"jurisdiction": "湖北省", "level": "province"},
        ),
        # a government order: the government whose order it is issues it
        (
            "九江市人民政府令\n第7号\n《九江市市容管理办法》已经市人民政府常务会议通过，现予公布。\n市长 王某\n"
            "2021年5月6日\n九江市市容管理办法\n第一条 为了加强市容管理，制定本办法。",
            {"issuer": ["九江市人民政府"], "doc_number": "九江市人民政府令第7号", "date": "2021-05-06"},
        ),
        # a signature that dates the text by its month alone, in Chinese numerals or digits
        (
            "某县人民政府关于推进综合执法的意见\n各乡镇：\n现提出如下意见。\n某县人民政府\n二〇二一年十二月",
            {"date": "2021-12"},
        ),
        (
            "某区人民政府办公室关于调整职责的通知\n各街道：\n现通知如下。\n某区人民政府办公室\n2019年3月",
            {"date": "2019-03"},
        ),
        # a government rule: its adoption and entry into force in one parenthesis, parted by a comma
        (
            "某市城市管理规定\n（2020年4月9日市人民政府第12次常务会议通过，自2020年6月1日起施行）\n第一条 为了规范管理。",
            {"date": "2020-04-09", "issuer": ["市人民政府"]},
        ),
        (
            "某市市容规定\n(2016年11月2日市政府第5次常务会议通过;2016年12月1日起施行)\n第一条 为了规范管理。",
            {"date": "2016-11-02"},
        ),
        # adopted, then promulgated by an order on the same line: the order names the issuer in full
        (
            "绵阳市扬尘治理办法\n（2021年3月1日市政府第8次常务会议审议通过，2021年3月15日绵阳市人民政府令第71号公布，"
            "自2021年5月1日起施行）\n第一条 为了治理扬尘。",
            {"issuer": ["绵阳市人民政府"], "doc_number": "绵阳市人民政府令第71号", "date": "2021-03-15"},
        ),
        # a legislature's decision whose title names no place: the adopting legislature, in the
        # adoption line, issues it and gives its place (the higher body's approval does not)
        (
            "关于在部分县开展综合执法试点的决定\n（2021年6月3日江西省第十三届人民代表大会常务委员会第三十次会议通过）\n"
            "一、开展试点。",
            {"issuer": ["江西省第十三届人民代表大会常务委员会"], "jurisdiction": "江西省", "level": "province"},
        ),
        (
            "# 某市养犬管理条例\n2015年6月1日 赣州市第十四届人民代表大会常务委员会第九次会议通过\n"
            "2015年7月2日 江西省第十二届人民代表大会常务委员会第十次会议批准\n第一条 为了规范养犬。",
            {"issuer": ["赣州市第十四届人民代表大会常务委员会"]},
        ),
        # an untitled reply to a government that calls it 你市
        (
            "某政函〔2019〕5号\n襄阳市人民政府:\n你市《关于开展试点的请示》收悉。现批复如下。",
            {"title": None, "jurisdiction": "襄阳市", "level": "city"},
        ),
        # masked places, and an autonomous prefecture written short
        ("湖南省**县城市管理办法\n第一条 为了加强管理。", {"jurisdiction": "**县", "level": "county"}),
        ("**区综合执法工作总结\n今年以来,全区推进改革。", {"jurisdiction": "**区", "level": "district"}),
        ("恩施州城市管理条例\n第一条 为了加强管理。", {"jurisdiction": "恩施土家族苗族自治州", "level": "city"}),
        # a web page's date only when the text states none; a government order's number on two lines
        ("某县开展执法培训\n- 时间:2021-04-05\n- 来源:某报\n近日,县里开展培训。", {"date": "2021-04-05"}),
        ("某县开展执法培训\n发布时间:2021-04-05\n(2021年3月30日)\n近日,县里开展培训。", {"date": "2021-03-30"}),
        ("某市物业管理办法\n某市人民政府令\n(第7号)\n现予发布。", {"doc_number": "某市人民政府令第7号"}),
        # a masked city is inferred from its own districts named in the text, and marked
        (
            "XX市城市管理实施方案\n在西湖区、拱墅区先行试点,逐步推开。",
            {"jurisdiction": "XX市", "jurisdiction_inferred": True, "inferred_name": "杭州市"},
        ),
        # a city named once may be an example from elsewhere: no inference
        ("XX市城市管理实施方案\n学习杭州市的经验,推进改革。", {"jurisdiction": "XX市", "inferred_name": None}),
        # a title broken before its kind of document, under its issuer: one title, the issuer's place
        (
            "成都市武侯区人民政府\n关于推进街道综合执法的\n指导意见\n各街道办事处：\n为推进改革，提出如下意见。",
            {"title": "成都市武侯区人民政府关于推进街道综合执法的指导意见", "jurisdiction": "成都市武侯区"},
        ),
        # no place above the text: the signature names the issuer, and so the place
        (
            "关于加强市容管理的通知\n各县（市、区）人民政府：\n经市政府同意，现通知如下。\n一、加强领导。\n"
            "赣州市人民政府办公室\n2022年3月1日",
            {"issuer": ["赣州市人民政府办公室"], "jurisdiction": "赣州市", "level": "city"},
        ),
        # a headline writes a place short that the text names in full
        (
            "石狮推行镇街综合执法改革\n近日，石狮市人民政府出台方案，推进改革。",
            {"jurisdiction": "石狮市", "level": "county"},
        ),
        ("德阳城管执法队伍培训开班\n本报讯 德阳市城市管理行政执法局日前举办培训班。", {"jurisdiction": "德阳市"}),
        # an act of central bodies is national
        ("中共中央 国务院关于加强基层治理的意见\n为加强基层治理,提出如下意见。", {"level": "national"}),
        # a fragment that starts inside a list has no title
        ("(一)负责市容环境卫生管理;\n(二)法律、法规规定的其他职责。", {"title": None}),
        # with no place anywhere, the government it names by its level word alone is its own
        ("(一)负责城市照明管理;\n(二)县人民政府交办的其他事项。", {"title": None, "level": "county"}),
        ("(一)负责城市照明管理;\n(二)县人民政府和市人民政府交办的事项。", {"level": None}),  # two levels: unknown
    ],
)
def test_relate_document_header_variations(text, want):
    from kg.normalize import normalize
    from kg.pipeline import extract_document
    from kg.types import Article

    document = normalize(Article("h.txt", "h.txt", text, 0, len(text)), RULES)
    record = next(f.as_record() for f in extract_document(document, RULES).facts if f.kind == "document")
    assert {k: record.get(k) for k in want} == want


def test_relate_bodies_of_two_level_words_stay_two_and_short_names_still_merge():
    from kg.facts import Agency
    from kg.resolve import merge_aliases
    from kg.types import Fact

    def agency(name, sector="人民政府", level="city"):
        return Fact("d", Agency(name, sector, level), "")

    merged = merge_aliases([agency("市政府"), agency("州政府"), agency("盟政府")], RULES)
    assert sorted(f.get("name") for f in merged) == ["州政府", "市政府", "盟政府"]
    merged = merge_aliases([agency("区市容管理局", "城市管理", "district"), agency("市容局", "城市管理", None)], RULES)
    assert [(f.get("name"), f.get("aliases")) for f in merged] == [("区市容管理局", ("市容局",))]
    merged = merge_aliases([agency("湖州市人民政府"), agency("市政府")], RULES)
    assert [(f.get("name"), f.get("aliases")) for f in merged] == [("湖州市人民政府", ("市政府",))]
    # "县级以上X" names every such body from the county up: not the bare X, nor a government of one place
    merged = merge_aliases(
        [
            agency("环保部门", "环境保护", None),
            agency("县级以上环保部门", "环境保护", None),
            agency("市环保部门", "环境保护"),
        ],
        RULES,
    )
    assert sorted(f.get("name") for f in merged) == ["县级以上环保部门", "市环保部门", "环保部门"]
    merged = merge_aliases([agency("青海省人民政府", level="province"), agency("县级以上人民政府", level=None)], RULES)
    assert sorted(f.get("name") for f in merged) == ["县级以上人民政府", "青海省人民政府"]
    # a unit of a department (公安 + 交警) is another body; the department's enforcement named is the same one
    merged = merge_aliases([agency("公安机关", "公安", None), agency("公安交警部门", "公安", None)], RULES)
    assert sorted(f.get("name") for f in merged) == ["公安交警部门", "公安机关"]
    merged = merge_aliases(
        [agency("城市管理部门", "城市管理", None), agency("城市管理综合执法部门", "城市管理", None)], RULES
    )
    assert [(f.get("name"), f.get("aliases")) for f in merged] == [("城市管理部门", ("城市管理综合执法部门",))]


@pytest.mark.parametrize(
    "text,established",
    [
        ("某市方案\n2019年,成立了“某县综合行政执法局”,核定编制20名。", ["某县综合行政执法局"]),
        ("某市方案\n组建区城市管理局,负责全区市容管理。", ["区城市管理局"]),
        # a cited title that sets up a body is no body set up by this text
        ("某市方案\n根据《关于成立某市城市管理局的通知》,将市容监察大队划入。", []),
    ],
)
def test_relate_bodies_established_quoted_or_cited(text, established):
    names = [f.get("name") for f in _facts(text) if f.kind == "body_established"]
    assert names == established


@pytest.mark.parametrize(
    "text,pilot",
    [
        ("关于在某县开展试点的批复\n新郑市人民政府：\n你市请示收悉。同意在你市开展城市管理综合执法试点。", "新郑市"),
        ("关于开展改革试点的批复\n塘厦镇人民政府：\n你镇请示收悉。一、同意在你镇开展综合行政执法改革试点。", "塘厦镇"),
    ],
)
def test_relate_a_reply_makes_its_addressee_the_pilot(text, pilot):
    pilots = [f.get("jurisdiction") for f in _facts(text) if f.kind == "pilot"]
    assert pilots == [pilot]


def test_relate_places_whose_experience_is_borrowed_are_no_pilots():
    text = "某市方案\n我市学习借鉴杭州、宁波两市的经验,在西湖区先行开展综合执法试点。"
    pilots = [f.get("jurisdiction") for f in _facts(text) if f.kind == "pilot"]
    assert pilots == ["杭州市西湖区"]


@pytest.mark.parametrize(
    "text, pilots",
    [
        ("某省方案\n同意在南阳市卧龙区开展综合执法试点。", ["南阳市卧龙区"]),
        ("某省方案\n选择绵阳市、德阳市旌阳区作为试点。", ["绵阳市", "德阳市旌阳区"]),
    ],
)
def test_relate_a_city_naming_where_its_district_is_is_no_pilot(text, pilots):
    assert [f.get("jurisdiction") for f in _facts(text) if f.kind == "pilot"] == pilots


@pytest.mark.parametrize(
    "text, date",
    [
        ("2023年10月1日起，各镇正式行使赋予的行政执法权。", "2023-10-01"),
        ("自2021年3月起，由街道综合执法队统一行使。", "2021-03-01"),
        ("从2019年起，每年开展一次执法评议。", "2019-01-01"),
    ],
)
def test_relate_a_start_is_the_day_written(text, date):
    assert [(d, start) for d, _, _, start in deadlines_in(text, year_hint=None)] == [(date, True)]


def _doc_transfers(text: str) -> list[dict]:
    doc = normalize(Article("t.txt", "t.txt", text, 0, len(text)), RULES)
    return [as_dict(f.data) for f in _relate(doc) if f.kind == "transfer"]


@pytest.mark.parametrize(
    "sentence",
    [
        "区城市管理局依法行使上述行政处罚权。",
        "县综合执法大队行使前款规定的行政处罚权，并承担相应的法律责任。",
        "市城管执法支队集中行使下列行政处罚权：",
    ],
)
def test_relate_a_matter_that_only_points_elsewhere_is_no_transfer(sentence):
    assert not [t for t in _doc_transfers("某市实施办法\n" + sentence) if t.get("matter")]


@pytest.mark.parametrize(
    "sentence",
    [
        "各镇以综合执法办公室为执法机构，以镇人民政府名义统一行使赋予的行政执法权。",
        "街道办事处统一行使区直部门下放的行政处罚权。",
        "乡镇人民政府依法集中行使依法委托的行政处罚权。",
        "综合执法部门可以依法实施与其集中行使的行政处罚权相关的行政检查和行政强制措施。",
        "各乡镇人民政府、街道办事处可以依法行使与其行政处罚权相关的行政检查权、行政强制措施权。",
        "区综合行政执法局可以实施与之相关的行政强制措施。",
    ],
)
def test_relate_powers_named_by_the_move_that_gave_them_are_no_new_transfer(sentence):
    assert _doc_transfers("某县实施方案\n" + sentence) == []


@pytest.mark.parametrize(
    "sentence,givers",
    [
        (
            "将县自然资源局、县农业农村局、县卫生健康委员会等9个县直部门的88项行政执法事项，赋予全县9个乡镇行使。",
            ["县自然资源局", "县农业农村局", "县卫生健康委员会"],
        ),
        ("将市生态环境局、市水务局等有关市级部门的部分行政处罚权下放至各区综合执法局。", ["市生态环境局", "市水务局"]),
    ],
)
def test_relate_givers_closed_by_a_count_of_a_kind_of_departments(sentence, givers):
    found = _doc_transfers("某地实施方案\n" + sentence)
    assert sorted(t["source"] for t in found) == sorted(givers)
    assert all(t["matter"] and "局" not in t["matter"] for t in found)


def test_relate_restatement_after_the_receivers_exercise_names_the_givers():
    text = "某区决定\n区综合行政执法局集中行使上述行政处罚权后，区市场监管局、区水务局不再行使。"
    found = _doc_transfers(text)
    assert {(t["target"], t["power"], t["matter"]) for t in found} == {("区综合行政执法局", "行政处罚权", None)}
    # one record per receiver (conventions G2) for each body named together that stops, as each giver
    # named together gives in a move ("由G1、G2调整到R")
    assert [t["source"] for t in found] == ["区市场监管局", "区水务局"]


@pytest.mark.parametrize(
    "header, date",
    [
        ("（2019年5月6日柳州市人民政府令第8号公布）", "2019-05-06"),
        ("(2016年11月30日某县人民政府令第3号发布　根据2021年3月2日某县人民政府令第9号修订)", "2021-03-02"),
        # 修改 as much as 修订/修正: the amended text is the one in force
        ("（2010年4月2日某州人民政府令第21号公布　根据2017年9月8日某州人民政府令第40号修改）", "2017-09-08"),
        (
            "（2014年6月5日某市第十四届人民代表大会常务委员会第十次会议通过　2019年7月1日某市第十五届人民代表大会常务委员会第三次会议修改）",
            "2019-07-01",
        ),
    ],
)
def test_relate_a_government_orders_promulgation_dates_it(header, date):
    text = f"某市城市管理综合执法办法\n{header}\n第一条 为了规范执法，制定本办法。"
    doc = normalize(Article("t.txt", "t.txt", text, 0, len(text)), RULES)
    record = as_dict(_relate(doc)[0].data)
    assert record["date"] == date


def test_relate_page_date_is_no_date_of_an_act_but_is_a_news_items():
    act = "某县综合行政执法局权责清单\n发布时间：2022-03-01\n序号\t职权名称\n1\t对占道经营的处罚"
    news = "某县城管执法改革取得新进展\n发布时间：2022-03-01\n近日，某县召开会议。"
    dates = []
    for text in (act, news):
        doc = normalize(Article("t.html", "t.html", text, 0, len(text)), RULES)
        dates.append(as_dict(_relate(doc)[0].data).get("date"))
    assert dates == [None, "2022-03-01"]


@pytest.mark.parametrize(
    "text, pairs",
    [
        # givers, matters and receivers listed, paired off by 分别
        (
            "将县自然资源局、县水利局的非法采矿查处、河道采砂查处职责分别划入县综合执法局和县水务执法大队。",
            {("县自然资源局", "非法采矿", "县综合执法局"), ("县水利局", "河道采砂", "县水务执法大队")},
        ),
        # the givers after the matters, behind 由
        (
            "将城市绿化、城市照明管理职责分别由区林业局、区住建局划入区城市管理局。",
            {("区林业局", "城市绿化", "区城市管理局"), ("区住建局", "城市照明管理", "区城市管理局")},
        ),
        # matters and receivers, no giver: the receivers after 分别
        (
            "将户外广告、城市排水管理职责分别划入州城市管理局和州水务局。",
            {(None, "户外广告", "州城市管理局"), (None, "城市排水管理", "州水务局")},
        ),
    ],
)
def test_relate_lists_paired_off_by_fenbie(text, pairs):
    assert {(t["source"], t["matter"], t["target"]) for t in _doc_transfers("某市方案\n" + text)} == pairs


@pytest.mark.parametrize(
    "title", ["某区赋予街道办事处部分区级行政执法权的实施方案", "某区向街道办事处下放部分区级行政执法权的实施方案"]
)
def test_relate_items_under_a_heading_of_what_is_granted_go_to_the_title_s_grantee(title):
    text = (
        title + "\n一、赋权事项\n"
        "（一）林业领域：对擅自开垦林地的行政处罚权。\n（二）水利领域：对在河道内违法采砂的行政处罚权。\n"
        "二、保障措施\n（一）财政领域：对违规使用资金的行政处罚权。"
    )
    got = {(t["matter"], t["target"], t["source_sector"]) for t in _doc_transfers(text)}
    # (the items under a heading of no grant stay unread: no body is named for them)
    assert got == {("擅自开垦林地", "街道办事处", "其他"), ("在河道内违法采砂", "街道办事处", "水务")}


def test_relate_receivers_named_together_each_hold_the_powers():
    text = "某市批复\n由东城区城市管理局、西城区城市管理局分别集中行使园林绿化、市政公用方面的行政处罚权。"
    got = {(t["target"], t["matter"], t["source_sector"]) for t in _doc_transfers(text)}
    assert got == {
        ("东城区城市管理局", "园林绿化", "城市管理"),
        ("东城区城市管理局", "市政公用", "住房城乡建设"),
        ("西城区城市管理局", "园林绿化", "城市管理"),
        ("西城区城市管理局", "市政公用", "住房城乡建设"),
    }


def test_relate_bodies_of_two_places_stay_two_and_a_placeless_name_joins_its_one_body():
    text = (
        "某市通知\n东胜区城市管理综合执法局、康巴什区城市管理综合执法局负责本辖区执法。\n"
        "辽宁省沈阳市人民政府决定。市人民政府负责组织。沈阳市人民政府监督。"
    )
    doc = normalize(Article("t.txt", "t.txt", text, 0, len(text)), RULES)
    agencies = {f.get("name"): f.get("aliases") for f in _relate(doc) if f.kind == "agency"}
    assert {"东胜区城市管理综合执法局", "康巴什区城市管理综合执法局"} <= set(agencies)
    governments = [n for n in agencies if n.endswith("人民政府")]
    assert len(governments) == 1, governments


@pytest.mark.parametrize(
    "text, jurisdiction, level",
    [
        (
            "关于赋予乡镇部分行政执法权的决定\n汉阴县人民政府\n(2022年3月1日)\n各镇人民政府:\n现决定如下。",
            "汉阴县",
            "county",
        ),
        ("关于调整城市管理职责的通知\n宜宾市人民政府办公室\n各区县人民政府:\n现通知如下。", "宜宾市", "city"),
    ],
)
def test_relate_issuer_line_under_an_untitled_place(text, jurisdiction, level):
    # a title with no place, the issuing body alone on the next line: the document is that body's
    doc = next(f for f in _facts(text) if f.kind == "document")
    assert (doc.get("jurisdiction"), doc.get("level")) == (jurisdiction, level)
    assert doc.get("issuer")


def test_relate_a_body_in_the_text_is_no_issuer_line():
    doc = next(f for f in _facts("关于加强城市管理的意见\n市城管局要加强对占道经营的查处。") if f.kind == "document")
    assert doc.get("issuer") == ()


@pytest.mark.parametrize(
    "sentence, written",
    [("到20XX年底,全面完成执法人员轮训。", "20XX年底"), ("力争20xx年6月底前建成数字化平台。", "20xx年6月底")],
)
def test_relate_a_masked_year_is_a_masked_deadline_not_a_date(sentence, written):
    facts = _facts("某市方案\n" + sentence)
    assert not [f for f in facts if f.kind == "deadline"]
    (masked,) = [f for f in facts if f.kind == "masked_deadline"]
    assert masked.get("written") == written and masked.get("date_type") == "due"


def test_relate_a_past_act_is_no_deadline():
    assert not [f for f in _facts("某市方案\n依据2014年出台的《某省城市管理条例》执行。") if "deadline" in f.kind]


@pytest.mark.parametrize(
    "text",
    [
        # the date for completing the moves stated after them
        "某县方案\n将县环保局的露天烧烤污染的行政处罚权划转至县综合执法局。\n各部门要在2019年9月30日前完成职责划转。",
        # a schedule that opens the document
        "某县方案\n2019年9月30日前,完成各项职责的移交。\n将县环保局的露天烧烤污染的行政处罚权划转至县综合执法局。",
    ],
)
def test_relate_a_transfer_carries_the_date_set_for_the_moves(text):
    (t,) = [f for f in _facts(text) if f.kind == "transfer"]
    assert t.get("deadline") == "2019-09-30"


def test_relate_a_deadline_of_other_work_dates_no_transfer():
    text = "某县方案\n将县环保局的露天烧烤污染的行政处罚权划转至县综合执法局。\n2019年9月30日前,建成数字化平台。"
    (t,) = [f for f in _facts(text) if f.kind == "transfer"]
    assert t.get("deadline") is None


@pytest.mark.parametrize(
    "later",
    ["下一步，全县将于2024年3月底前完成第二批事项下放工作。", "2024年6月30日前，启动下一批赋权事项的交接。"],
)
def test_relate_a_deadline_for_a_later_batch_dates_no_transfer_read(later):
    text = f"某县通知\n将县水利局的河道采砂处罚权下放至各镇人民政府。\n{later}"
    (t,) = [f for f in _facts(text) if f.kind == "transfer"]
    assert t.get("deadline") is None


def test_relate_a_defined_short_name_receives_the_list():
    text = (
        "某市办法\n第三条 区综合行政执法局(以下简称区执法局)具体实施。\n第四条 区执法局行使下列行政处罚权:\n"
        "(一)依照城市绿化法律、法规的规定,对擅自砍伐城市树木的行为实施行政处罚;"
    )
    (t,) = [f for f in _facts(text) if f.kind == "transfer"]
    assert (t.get("target"), t.get("matter"), t.get("source_sector")) == ("区执法局", "擅自砍伐城市树木", "城市管理")
    agencies = [f for f in _facts(text) if f.kind == "agency"]
    assert [(a.get("name"), a.get("aliases")) for a in agencies] == [("区综合行政执法局", ("区执法局",))]


def test_relate_a_letter_says_we_for_its_signer():
    text = "关于某建议的答复\n李代表:\n原由区环保局承担的餐饮油烟查处职责,已划转我局统一行使。\n某某区城市管理局\n2020年5月6日"
    (t,) = [f for f in _facts(text) if f.kind == "transfer"]
    # the transfer names the signer, as the agency record does ("我局" is no name of it)
    assert (t.get("source"), t.get("target"), t.get("matter")) == ("区环保局", "某某区城市管理局", "餐饮油烟")
    assert "某某区城市管理局" in [f.get("name") for f in _facts(text) if f.kind == "agency"]


def test_relate_we_without_a_signer_is_nobody():
    text = "某市方案\n原由区环保局承担的餐饮油烟查处职责,已划转我局统一行使。"
    assert not [f for f in _facts(text) if f.kind == "transfer" and f.get("target") == "我局"]


def test_relate_a_news_items_byline_dates_it():
    text = "某县下放执法权\n2023-05-06 10:20 来源：某某日报\n日前，某县向乡镇下放执法权。"
    doc = next(f for f in _facts(text) if f.kind == "document")
    assert doc.get("date") == "2023-05-06"


@pytest.mark.parametrize(
    "byline,date",
    [
        ("来源：某某日报 2021-11-02", "2021-11-02"),
        ("来源：某县融媒体中心　2020年7月9日 08:15", "2020-07-09"),
        ("稿源：某州新闻网 2019/4/30", "2019-04-30"),
    ],
)
def test_relate_a_news_items_byline_with_its_source_first_dates_it(byline, date):
    text = f"{byline}\n某区向街道下放执法事项\n近日，某区将部分执法事项下放至各街道办事处。"
    doc = next(f for f in _facts(text) if f.kind == "document")
    assert doc.get("date") == date


def test_relate_an_acts_page_byline_is_no_date():
    text = "某县城市管理办法\n2023-05-06 10:20 来源：某某网\n第一条 为了规范管理，制定本办法。"
    doc = next(f for f in _facts(text) if f.kind == "document")
    assert doc.get("date") is None  # conventions G7: only a news item takes its page's date


def test_relate_a_township_and_a_town_are_two_bodies():
    names = {
        f.get("name"): f.get("aliases")
        for f in _facts("某县办法\n乡人民政府和镇人民政府负责巡查。")
        if f.kind == "agency"
    }
    assert names == {"乡人民政府": (), "镇人民政府": ()}


def test_relate_an_enforcement_team_written_short_is_the_same_team():
    text = "某市规定\n区城市管理监察大队负责巡查。城管监察大队作出决定后应当告知当事人。"
    names = {f.get("name"): f.get("aliases") for f in _facts(text) if f.kind == "agency"}
    assert names == {"区城市管理监察大队": ("城管监察大队",)}


def test_relate_sentences_that_can_state_no_transfer_are_skipped_and_the_rest_are_read():
    from kg.frames import FrameState
    from kg.relate import _Context, _states_no_transfer

    open_list = FrameState(list_open=True)
    assert _states_no_transfer(RULES, "各地要高度重视，抓好落实。", [], FrameState(), _Context())
    assert not _states_no_transfer(RULES, "（二）擅自占用城市道路的；", [], FrameState(), _Context())  # an item
    assert not _states_no_transfer(RULES, "乱贴小广告的。", [], open_list, _Context())  # an open list waits for items
    assert not _states_no_transfer(RULES, "由街道负责查处。", [], FrameState(), _Context())  # a power verb
    assert not _states_no_transfer(RULES, "序号\t事项名称\t类别", [], FrameState(), _Context())  # a table row
    # the skip gives the same records as reading every sentence
    text = "某县方案\n各地要高度重视。\n县城管局集中行使下列行政处罚权：\n（一）乱贴小广告的；\n抓好落实。"
    assert [(f.get("matter"), f.get("target")) for f in _facts(text) if f.kind == "transfer"] == [
        ("乱贴小广告", "县城管局")
    ]


def test_relate_a_collective_name_the_text_defines_is_its_first_body_not_a_kind_of_body():
    text = "某市条例\n市、区城市管理局（以下统称城管部门）负责实施本条例。\n城管部门应当公开执法信息。"
    names = {f.get("name"): f.get("aliases") for f in _facts(text) if f.kind == "agency"}
    assert names == {"市城市管理局": ("城管部门",), "区城市管理局": ()}


def _header(text: str) -> dict:
    """The document record of a text of its own."""
    return next(f.as_record(provenance=False) for f in _facts(text) if f.kind == "document")


def test_relate_a_signature_on_one_line_dates_and_signs_the_text():
    header = _header(
        "某县综合行政执法局权责清单\n序号\t事项名称\n1\t对擅自占用城市道路的处罚\n某县人民政府办公室　2023年3月9日\n"
    )
    assert (header["date"], header["issuer"]) == ("2023-03-09", ["某县人民政府办公室"])


def test_relate_a_signature_in_brackets_closing_a_reposted_article_dates_and_signs_it():
    header = _header(
        "关于推进执法改革的实施方案\n一、将县林业局的林政执法职责划入县综合执法局。\n（某县人民政府　2019年8月2日）\n"
    )
    assert (header["date"], header["issuer"]) == ("2019-08-02", ["某县人民政府"])


@pytest.mark.parametrize(
    "text, jurisdiction",
    [
        # the bodies of a level suggest a county named in the text; the signature names the city that acts
        (
            "关于开展试点的通知\n决定在浦城县开展综合执法试点，组建县综合执法局。\n南平市人民政府\n2020年3月4日\n",
            "南平市",
        ),
        # a reply to the place it names as 你县 governs there, whoever signs it
        (
            "关于设立县执法局的批复\n你县《请示》收悉。同意设立浦城县综合执法局。\n南平市机构编制委员会\n2020年3月4日\n",
            "浦城县",
        ),
    ],
)
def test_relate_the_signer_s_place_governs_before_a_place_the_bodies_suggest(text, jurisdiction):
    assert _header(text)["jurisdiction"] == jurisdiction


def test_relate_a_signature_with_its_seal_mark_signs_the_text():
    header = _header(
        "行政执法委托书\n委托机关：漳县林业局\n决定委托武阳镇人民政府实施行政处罚。\n漳县林业局（盖章）\n2023年1月5日\n"
    )
    assert (header["issuer"], header["jurisdiction"]) == (["漳县林业局"], "漳县")


def test_relate_the_imprint_line_dates_the_text():
    header = _header(
        "某县关于印发某方案的通知\n各乡镇：\n现将方案印发给你们。\n某县人民政府办公室　　2022年4月6日印发\n"
    )
    assert header["date"] == "2022-04-06"


@pytest.mark.parametrize(
    "text, jurisdiction, level",
    [
        # no place of its own, bodies of one level named by the level word: the divisions it names say whose
        (
            "关于确定综合执法试点的通知\n确定江宁区、溧水区为试点区。\n各试点区要于2021年9月底前报市委编办备案。\n",
            "南京市",
            "city",
        ),
        ("关于做好赋权事项承接的通知\n各乡镇要会同县司法局做好承接，经费由县财政局保障。\n", None, "county"),
        # bodies of two levels: no one government speaks
        ("关于试点工作的通知\n确定江宁区为试点区，报市委编办和区司法局备案。\n", None, None),
    ],
)
def test_relate_a_text_with_no_place_of_its_own_takes_its_bodies_level(text, jurisdiction, level):
    header = _header(text)
    assert (header["jurisdiction"], header["level"]) == (jurisdiction, level)


@pytest.mark.parametrize(
    "line, number",
    [
        ("（2019年12月20日市人民政府令第45号公布）", "市人民政府令第45号"),
        ("(2021年3月2日兰州市人民政府令第 7 号发布)", "兰州市人民政府令第7号"),
        ("2018年5月8日省人民政府令第213号公布 自2018年7月1日起施行", "省人民政府令第213号"),
    ],
)
def test_relate_a_government_orders_number_in_its_promulgation_line(line, number):
    header = _header(f"某市城市管理综合执法办法\n{line}\n第一条 为了规范城市管理，制定本办法。\n")
    assert header["doc_number"] == number


def test_relate_bodies_of_a_county_level_citys_own_text_are_county_level():
    # 义乌市: a county-level city of the gazetteer
    text = "义乌市推进综合执法改革实施方案\n将市市场监督管理局的部分行政处罚权划转至义乌市综合行政执法局。\n市委编办负责机构编制调整。\n"
    levels = {
        f.as_record(provenance=False)["name"]: f.as_record(provenance=False)["level"]
        for f in _facts(text)
        if f.kind == "agency"
    }
    assert levels == {"市市场监督管理局": "county", "义乌市综合行政执法局": "county", "市委编办": "county"}


def test_relate_a_county_level_citys_own_government_called_市政府_is_its_government():
    text = "慈溪市人民政府关于推进综合执法的通知\n市政府决定将违法建设的处罚权交由各镇人民政府行使。\n"
    agencies = {f.get("name"): f.as_record(provenance=False) for f in _facts(text) if f.kind == "agency"}
    assert "市政府" not in agencies
    assert agencies["慈溪市人民政府"]["level"] == "county" and "市政府" in agencies["慈溪市人民政府"]["aliases"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a department that moves a power of no named owner is the giver
        (
            "县交通运输局将城市道路超限运输的处罚权整体移交县综合执法局。",
            ("县交通运输局", "交通运输", "行政处罚权", "城市道路超限运输", "县综合执法局", "城市管理"),
        ),
        (
            "市水务局应当将城市河道采砂的行政处罚权划转至市城市管理局。",
            ("市水务局", "水务", "行政处罚权", "城市河道采砂", "市城市管理局", "城市管理"),
        ),
        # a government or an establishment office moves others' powers: no giver
        (
            "区人民政府将违法建设的行政处罚权划转至区综合执法局。",
            (None, None, "行政处罚权", "违法建设", "区综合执法局", "城市管理"),
        ),
        (
            "县编办将燃气经营的行政处罚权划入县城管局。",
            (None, None, "行政处罚权", "燃气经营", "县城管局", "城市管理"),
        ),
    ],
)
def test_relate_the_subject_of_a_move_gives_when_it_is_a_department(text, expected):
    found = _t(text)
    assert [x[:1] + x[2:] for x in found] == [expected[:1] + expected[2:]]
    assert found[0][1] == expected[1] or expected[1] is None


@pytest.mark.parametrize(
    "text,power,matter",
    [
        ("将县林业局的林木采伐许可权下放至各乡镇人民政府。", "行政许可权", "林木采伐"),
        ("将市住建局的建筑工程施工许可审批权下放至各区住建局。", "行政许可权", "建筑工程施工许可"),
        ("将区卫健委的公共场所卫生检查权交由各街道办事处行使。", "行政检查权", "公共场所卫生"),
    ],
)
def test_relate_powers_named_by_their_kind_in_a_catalogue(text, power, matter):
    found = _doc_transfers("某县实施方案\n" + text)
    assert (power, matter) in {(t["power"], t["matter"]) for t in found}, found


@pytest.mark.parametrize(
    "text,want",
    [
        # the power modifies a kind of body: what the body is, no transfer
        ("某市办法\n市城市管理行政执法局是本市相对集中行使行政处罚权的行政机关。", []),
        ("某县办法\n县综合执法局是全县统一集中行使有关行政处罚权的部门。", []),
        # with a field of its own, the body holds that field's powers
        ("某县办法\n县综合执法局是全县集中行使城市管理领域行政处罚权的部门。", [("城市管理领域", "县综合执法局")]),
        # a back-reference to a scope ("上述范围内") names no matter of its own
        ("某省意见\n上述范围内的行政处罚权，由市、县城市管理部门集中行使。", []),
    ],
)
def test_relate_a_power_that_names_a_kind_of_body_or_points_back_moves_nothing(text, want):
    assert [(t["matter"], t["target"]) for t in _doc_transfers(text)] == want


@pytest.mark.parametrize(
    "title,jurisdiction,level",
    [
        ("某某自治州深化城市管理体制改革实施方案", "某某自治州", "city"),
        ("某某盟城市管理综合执法实施办法", "某某盟", "city"),
        ("某旗综合行政执法改革方案", "某旗", "county"),
        ("某某自治区城市管理条例", "某某自治区", "province"),
    ],
)
def test_relate_a_masked_place_of_every_kind_gives_the_texts_level(title, jurisdiction, level):
    header = _header(f"{title}\n第一条 为了规范执法，制定本办法。")
    assert (header["jurisdiction"], header["level"]) == (jurisdiction, level)


def test_relate_powers_bundled_after_fields_with_no_giver_take_their_fields():
    text = "某市意见\n将市场监管、交通运输等领域的行政处罚权及相关行政检查、行政强制权交由市综合行政执法局集中行使。"
    found = sorted((t["power"], t["matter"]) for t in _doc_transfers(text))
    assert found == sorted((p, m) for p in ("行政处罚权", "行政检查权", "行政强制权") for m in ("市场监管", "交通运输"))


def test_relate_a_permit_power_named_by_its_short_noun_moves():
    # 审批权 and 许可权 are the move rules' powers too
    text = "某市方案\n市政府同意将市城管局的户外广告审批权调整至市行政审批服务局。"
    assert [(t["source"], t["power"], t["matter"], t["target"]) for t in _doc_transfers(text)] == [
        ("市城管局", "行政许可权", "户外广告", "市行政审批服务局")
    ]


@pytest.mark.parametrize(
    "text, want",
    [
        # the bodies the move before made holders give the powers back (bare streets too)
        ("将已下放至各街道的违法建设查处权收回至区城管局。", ("街道", "违法建设", "区城管局")),
        ("将原下放至各镇人民政府的占道经营处罚权收回至县城管局。", ("镇人民政府", "占道经营", "县城管局")),
        ("将已划转至市综合执法局的燃气经营行政处罚权划回市住建局。", ("市综合执法局", "燃气经营", "市住建局")),
    ],
)
def test_relate_a_move_done_before_names_the_powers_moved_again(text, want):
    """ "已下放至X的P": a relative clause describing the powers, not the clause's own move."""
    (t,) = [f for f in _facts("某市通知\n" + text) if f.kind == "transfer"]
    assert (t.get("source"), t.get("matter"), t.get("target")) == want


@pytest.mark.parametrize(
    "text, date",
    [
        ("2021年第三季度前完成人员转隶。", "2021-09-30"),
        ("力争2023年一季度末完成事项交接。", "2023-03-31"),
        ("2020年4季度底前建成执法平台。", "2020-12-31"),
    ],
)
def test_relate_a_deadline_by_the_end_of_a_quarter(text, date):
    assert [d for d, _, _, _ in deadlines_in(text)] == [date]


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "由县农业农村局、县市场监管局分别承担的农药、兽药执法职责，调整由县综合执法大队承担。",
            [("县农业农村局", "农药"), ("县市场监管局", "兽药")],
        ),
        # the verb before the givers, other verbs of holding
        (
            "将市水务局、市林业局分别负责的河道采砂、林木采伐执法职责划入市综合执法局。",
            [("市水务局", "河道采砂"), ("市林业局", "林木采伐")],
        ),
        # three matters for two givers: no pairing to be read, each gives every matter as written
        (
            "将市水务局、市林业局分别负责的河道采砂、林木采伐、野生动物执法职责划入市综合执法局。",
            [(g, m) for g in ("市水务局", "市林业局") for m in ("河道采砂", "林木采伐", "野生动物")],
        ),
    ],
)
def test_relate_givers_named_together_hold_their_matters_respectively(text, want):
    assert [(s, m) for s, _, _, m, _, _ in _t(text)] == want


@pytest.mark.parametrize(
    "text, matters",
    [
        ("涉及占道经营的行政处罚权划转至县综合行政执法局行使。", ["占道经营"]),
        ("涉及城市绿化、市政设施的行政处罚权，统一由区综合执法局行使。", ["城市绿化", "市政设施"]),
        ("将涉及到燃气经营的行政处罚权交由镇人民政府行使。", ["燃气经营"]),
    ],
)
def test_relate_matters_introduced_by_sheji_are_the_matters(text, matters):
    """ "涉及M的P": 涉及 introduces the matter, it is not part of it."""
    assert [t.get("matter") for t in _facts("某县通知\n" + text) if t.kind == "transfer"] == matters


@pytest.mark.parametrize(
    "text, source, matter",
    [
        ("将县级人民政府有关部门的部分行政处罚权交由乡镇人民政府行使。", "县级人民政府有关部门", "部分行政处罚权"),
        ("将有关部门的部分行政处罚权交由街道办事处行使。", "有关部门", "部分行政处罚权"),
        ("将市直有关部门的户外广告管理职责划入市城管局。", "市直有关部门", "户外广告管理"),
        ("将各有关部门的燃气经营执法职责划转至区综合执法局。", "各有关部门", "燃气经营"),
        ("将区人民政府相关部门的占道经营行政处罚权交由镇人民政府行使。", "区人民政府相关部门", "占道经营"),
    ],
)
def test_relate_departments_named_by_their_kind_give_as_written(text, source, matter):
    """ "将(X人民政府)有关部门的P…": the departments, as written and of no one sector, give; "部门" is no matter."""
    ((s, sector, _, m, _, _),) = _t(text)
    assert (s, sector, m) == (source, None, matter)


@pytest.mark.parametrize(
    "text, matter",
    [
        ("公安交通管理方面限于侵占城市道路的行政处罚权。", "侵占城市道路"),
        ("水务管理方面仅限于向城市河道倾倒废弃物的行政处罚权。", "向城市河道倾倒废弃物"),
    ],
)
def test_relate_a_field_limited_to_one_matter_names_that_matter(text, matter):
    """ "D方面限于M的P" after a list of fields: 限于 narrows the field, it is not part of the matter."""
    lead = "某市决定\n由市城市管理行政执法局行使市容环境卫生、公安交通管理、水务管理方面的行政处罚权。\n"
    after = "\n市城市管理行政执法局是市人民政府的直属行政执法机构。"
    matters = [t.get("matter") for t in _facts(lead + text + after) if t.kind == "transfer"]
    assert matter in matters and not any("限于" in (m or "") for m in matters)


@pytest.mark.parametrize(
    "text, matters",
    [
        (
            "将水务管理、食品药品监管方面与城市管理相关部分的行政处罚权划转城市管理部门。",
            ["水务管理", "食品药品监管"],
        ),
        ("将园林绿化、市政公用领域与城市管理密切相关的全部的行政处罚权划转区城管局。", ["园林绿化", "市政公用"]),
    ],
)
def test_relate_the_part_related_to_a_field_is_no_matter(text, matters):
    """ "D1、D2方面与城市管理相关部分的P": the fields are the matters; the related part is their share."""
    assert [m for _, _, _, m, _, _ in _t(text)] == matters


@pytest.mark.parametrize(
    "text",
    [
        "关于2022年度城市管理执法体制改革工作情况的报告",
        "对于2021年完成的事项，继续做好评估。",
        "属于2023年度预算安排的事项",
    ],
)
def test_relate_yu_inside_a_word_marks_no_deadline(text):
    """关于/对于/属于 end in 于 but say no "by" (于2022年3月31日前 does)."""
    assert deadlines_in(text) == []


def _set_up(text: str) -> list[tuple]:
    return [(f.get("name"), f.get("chair"), f.get("office_at")) for f in _facts(text) if f.kind == "body_established"]


@pytest.mark.parametrize(
    "text, want",
    [
        # the title announces the body the text then names in full; chair and office in the sentences after
        (
            "某市人民政府关于成立城市管理委员会的通知\n市政府决定成立某市城市管理委员会。\n"
            "委员会主任由市长担任，副主任由分管副市长担任。\n委员会下设办公室，办公室设在市城市管理局。\n",
            [("某市城市管理委员会", "市长", "市城市管理局")],
        ),
        (
            "关于成立综合行政执法改革领导小组的通知\n县政府成立县综合行政执法改革领导小组。\n组长由县长兼任。\n",
            [("县综合行政执法改革领导小组", "县长", None)],
        ),
        # two bodies the text sets up, however alike, stay two; the chair of the second is its own
        (
            "某市实施方案\n成立市城市管理委员会，办公室设在市城管局。\n各区成立城市管理委员会。\n"
            "成立区城市管理工作领导小组，组长由区长担任。\n",
            [
                ("市城市管理委员会", None, "市城管局"),
                ("城市管理委员会", None, None),
                ("区城市管理工作领导小组", "区长", None),
            ],
        ),
    ],
)
def test_relate_a_body_set_up_is_one_record_with_its_chair_and_office(text, want):
    assert _set_up(text) == want


@pytest.mark.parametrize(
    "text, want",
    [
        ("将市农业农村局的农药经营执法权划转至市市场监管局。", ("市农业农村局", "行政执法权", "农药经营")),
        ("将原由县水利局行使的河道采砂执法权划转至县综合执法局。", ("县水利局", "行政执法权", "河道采砂")),
        ("区城管局集中行使园林绿化方面的执法权。", (None, "行政执法权", "园林绿化")),
    ],
)
def test_relate_an_enforcement_power_named_short_moves(text, want):
    """ "M执法权": the power to enforce written short is a power noun like 处罚权."""
    assert [(s, p, m) for s, _, p, m, _, _ in _t(text)][:1] == [want]


@pytest.mark.parametrize(
    "text, matter",
    [
        ("城区范围内的渣土运输管理职责由市住建局移交市城市管理局。", "渣土运输管理"),
        ("将城市建成区范围内的户外广告设置审批职责划入市城管局。", "户外广告设置"),
        ("将中心城区区域内的燃气经营行政处罚权交由区综合执法局行使。", "燃气经营"),
    ],
)
def test_relate_where_a_power_holds_is_no_part_of_its_matter(text, matter):
    """ "X范围内的M": the area the power covers, not what it is over ("上述范围内的P" points back)."""
    assert [m for _, _, _, m, _, _ in _t(text)] == [matter]


@pytest.mark.parametrize(
    "text,want",
    [
        # the title announces the grant; the text names its receivers as they are
        (
            "某省人民政府关于向乡镇(街道)下放部分县级行政处罚权的决定\n"
            "省政府决定，将部分县级行政处罚权下放至镇人民政府和街道办事处。",
            {("县级行政处罚权", "镇人民政府"), ("县级行政处罚权", "街道办事处")},
        ),
        # a headline's move, said otherwise in the text: the text's
        (
            "某县推进综合执法改革 五个部门执法权划归县综合执法局\n近日，县水利局将河道采砂的行政处罚权移交县综合执法局。",
            {("河道采砂", "县综合执法局")},
        ),
        # a title whose grant the text does not state again keeps its record
        (
            "某市关于赋予街道办事处部分区级行政许可权的通知\n各街道要做好承接工作。",
            {("区级行政许可权", "街道办事处")},
        ),
    ],
)
def test_relate_a_titles_transfer_stated_again_in_the_text_is_the_texts(text, want):
    assert {(t["matter"], t["target"]) for t in _doc_transfers(text)} == want


@pytest.mark.parametrize(
    "text",
    [
        # entry into force in the parenthesis under a rule's title
        "某市规定\n(2019年3月2日市人民政府第8次常务会议通过,自2019年5月1日起施行)",
        # the end of a period an entrustment runs for
        "某县公告\n委托期限自2024年1月1日起至2026年6月30日止。",
        "某区通知\n试行期为2022年3月1日至2023年2月28日止。",
    ],
)
def test_relate_no_deadline_in_entry_into_force_or_a_periods_end(text):
    assert not [f for f in _facts(text) if f.kind == "deadline"]


@pytest.mark.parametrize(
    "text,want",
    [
        # powers bundled with the first ("以及与之相关的P2、P3") share its matter, each a record
        (
            "将县自然资源局、县林业局在乡村治理领域的行政处罚权，以及与之相关的行政检查权、行政强制权，统一划入县综合执法局。",
            {
                (power, "乡村治理领域", giver)
                for power in ("行政处罚权", "行政检查权", "行政强制权")
                for giver in ("县自然资源局", "县林业局")
            },
        ),
        (
            "将区水务局在排水管理方面的行政处罚权及相关的行政强制权划入区城管局。",
            {
                ("行政处罚权", "排水管理", "区水务局"),
                ("行政强制权", "排水管理", "区水务局"),
            },
        ),
        # two duties of one giver, not bundled: each its own matter
        (
            "将区水利局河道管理和堤防养护职责划转至区城市管理局。",
            {
                ("管理职责", "河道管理", "区水利局"),
                ("管理职责", "堤防养护", "区水利局"),
            },
        ),
    ],
)
def test_relate_powers_bundled_in_a_move_share_its_matter(text, want):
    assert {(t["power"], t["matter"], t["source"]) for t in _doc_transfers("某市方案\n" + text)} == want


@pytest.mark.parametrize(
    "text,want",
    [
        # a scope's items on lines of their own, the holder named after them
        (
            "第六条 综合执法的具体范围如下：\n（一）城市节约用水管理方面的行政处罚权；\n"
            "（二）燃气管理方面对擅自改装燃气设施的行政处罚权。\n上述行政处罚权，由县综合执法局统一行使。",
            {("城市节约用水管理", "县综合执法局"), ("擅自改装燃气设施", "县综合执法局")},
        ),
        (
            "第五条 集中行使行政处罚权的范围：\n（一）园林绿化管理方面法律、法规规定的行政处罚权；\n"
            "（二）公安交通管理方面法律、法规、规章规定的对占用人行道行为的行政处罚权。\n"
            "前款规定的行政处罚权，由区城市管理局集中行使。",
            {("园林绿化管理", "区城市管理局"), ("占用人行道", "区城市管理局")},
        ),
        # no holder named after them: the comprehensive enforcement departments' (no body of the text)
        (
            "第五条 集中行使行政处罚权的范围：\n（一）园林绿化管理方面的行政处罚权。\n第六条 本办法自公布之日起施行。",
            {("园林绿化管理", None)},
        ),
    ],
)
def test_relate_a_scopes_items_and_the_holder_named_after_them(text, want):
    assert {(t["matter"], t["target"]) for t in _doc_transfers("某市办法\n" + text)} == want


@pytest.mark.parametrize(
    "text,lead,cooperate",
    [
        # the lead body written short after its full name opened the text: the short name, where it stands
        (
            "某县方案\n组建安化县综合行政执法局。\n（一）完善协作机制。牵头单位：县综合行政执法局；配合单位：县公安局、县司法局。",
            ["县综合行政执法局"],
            ["县公安局", "县司法局"],
        ),
        (
            "某县方案\n县财政局要保障安化县城市管理局的经费。\n（二）保障经费。县城市管理局牵头，县财政局配合。",
            ["县城市管理局"],
            ["县财政局"],
        ),
    ],
)
def test_relate_lead_bodies_are_read_where_they_stand(text, lead, cooperate):
    leads = [f for f in _facts(text) if f.kind == "lead"]
    assert [(list(f.get("lead")), list(f.get("cooperate"))) for f in leads] == [(lead, cooperate)]


@pytest.mark.parametrize(
    "text,want",
    [
        # several givers' parts, each ending in its power, share one verb with no 将
        (
            "县住建局的全部行政处罚权，县水利局的河道采砂处罚权，统一划转县综合执法局。",
            {("全部行政处罚权", "县住建局"), ("河道采砂", "县水利局")},
        ),
        (
            "区市场监管局的占道经营处罚权，区交警大队的违停处罚权，一并移交区城管局。",
            {("占道经营", "区市场监管局"), ("违停", "区交警大队")},
        ),
        # the giver stops holding it in its own clause; 该项职责 moves it on
        (
            "县城市管理局不再承担城市照明设施的维护职责，该项职责交由县住房和城乡建设局承担。",
            {("城市照明设施的维护", "县城市管理局")},
        ),
        # a clause before the comma that is no giver's part is not moved
        (
            "各地要理顺部门工作职责，有关管理和执法职责划转城市管理部门。",
            {(None, None)},
        ),
    ],
)
def test_relate_givers_parts_sharing_one_verb_with_no_jiang(text, want):
    assert {(t["matter"], t["source"]) for t in _doc_transfers("某县方案\n" + text)} == want


@pytest.mark.parametrize(
    "text,want",
    [
        # 交 alone, with its receiver right after it
        (
            "市水务局负责的城市河道采砂的行政处罚权，交市城市管理综合执法局实施。",
            {("城市河道采砂", "市水务局", "市城市管理综合执法局")},
        ),
        ("将县林业局承担的滥伐林木的行政处罚权交各乡镇人民政府行使。", {("滥伐林木", "县林业局", "乡镇人民政府")}),
        # 提交, 递交, 上交: another word, no move
        ("各区将行政处罚权行使情况提交市人民政府。", set()),
        ("县城管局每季度将行政处罚案件办理情况递交县人民政府。", set()),
        # the giver after the power, behind 从
        (
            "违法停放车辆的行政处罚权，从市公安局剥离，移交市城市管理局。",
            {("违法停放车辆", "市公安局", "市城市管理局")},
        ),
        (
            "将餐饮油烟污染的处罚权从区生态环境局调整至区综合行政执法局。",
            {("餐饮油烟污染", "区生态环境局", "区综合行政执法局")},
        ),
    ],
)
def test_relate_a_bare_hand_over_and_a_giver_behind_cong(text, want):
    got = {(t["matter"], t["source"], t["target"]) for t in _doc_transfers("某市方案\n" + text)}
    assert got == want


@pytest.mark.parametrize(
    "text,want",
    [
        # a count and a level only: the level's powers, as a whole
        ("县人民政府将65项县级行政执法权下放至各乡镇。", "县级行政执法权"),
        ("将一百二十项区级行政处罚权赋予各街道办事处。", "区级行政处罚权"),
        ("市政府决定，将32项市级行政执法事项下放给各区人民政府。", "市级行政执法事项"),
    ],
)
def test_relate_a_counted_grant_of_a_levels_powers(text, want):
    assert {t["matter"] for t in _doc_transfers("某市方案\n" + text)} == {want}


@pytest.mark.parametrize(
    "text,names",
    [
        # one legislature: its session's name, the place's and the bare level's are one body
        (
            "大理州人民代表大会常务委员会关于开展综合执法的决定\n（2020年5月8日大理州第九届人民代表大会常务委员会第三次会议通过）\n"
            "州人民代表大会常务委员会决定：由大理市城市管理局集中行使市容环境卫生管理方面的行政处罚权。",
            {"大理州第九届人民代表大会常务委员会": {"大理州人民代表大会常务委员会", "州人民代表大会常务委员会"}},
        ),
        # two sessions (an amended regulation's header) are two committees
        (
            "宜宾市市容条例\n2015年3月1日宜宾市第十五届人民代表大会常务委员会第九次会议通过\n"
            "2021年6月2日宜宾市第十七届人民代表大会常务委员会第八次会议修正\n第一条 为了加强市容管理，制定本条例。",
            {"宜宾市第十五届人民代表大会常务委员会": set(), "宜宾市第十七届人民代表大会常务委员会": set()},
        ),
    ],
)
def test_relate_a_legislatures_names_are_one_body_a_session_apart_two(text, names):
    got = {
        f.get("name"): set(f.get("aliases") or ())
        for f in _facts(text)
        if f.kind == "agency" and "人民代表大会" in str(f.get("name"))
    }
    assert got == names


@pytest.mark.parametrize(
    "text,want",
    [
        # how many items a list names is no part of its last item
        ("将市容环卫、园林绿化两项职能并入市城市管理局。", {"市容环卫", "园林绿化"}),
        ("将城市供水、城市排水、城市燃气3项管理职责划入县住房和城乡建设局。", {"城市供水", "城市排水", "城市燃气"}),
    ],
)
def test_relate_a_count_after_a_list_is_no_part_of_its_items(text, want):
    assert {t["matter"] for t in _doc_transfers("某市方案\n" + text)} == want


@pytest.mark.parametrize(
    "text",
    [
        # a body in brackets after the receiver: either receives ("乡镇人民政府(街道办事处)")
        "占道经营的行政处罚权由乡镇人民政府（街道办事处）实施。",
        "将占道经营的行政处罚权交由乡镇人民政府（街道办事处）行使。",
        "赋予乡镇人民政府（街道办事处）占道经营的行政处罚权。",
    ],
)
def test_relate_a_receiver_with_another_in_brackets_both_receive(text):
    got = {(t["matter"], t["target"]) for t in _doc_transfers("某县方案\n" + text)}
    assert got == {("占道经营", "乡镇人民政府"), ("占道经营", "街道办事处")}


@pytest.mark.parametrize(
    "text,want",
    [
        # the count after the fields is no part of them
        ("将城乡建设、环境保护等领域的236项行政处罚权调整由镇人民政府实施。", {"城乡建设", "环境保护"}),
        ("将农业、水利等领域的四十五项行政处罚权下放至各镇人民政府。", {"农业", "水利"}),
    ],
)
def test_relate_a_count_after_fields_is_no_part_of_them(text, want):
    assert {t["matter"] for t in _doc_transfers("某县方案\n" + text)} == want


def test_relate_the_body_in_whose_name_one_acts_is_not_the_holder():
    text = "某县方案\n县综合行政执法局以县人民政府名义集中行使住房城乡建设、生态环境等领域的部分行政处罚权。"
    assert {t["target"] for t in _doc_transfers(text)} == {"县综合行政执法局"}


@pytest.mark.parametrize("verb", ["不再行使", "不得再行使", "停止行使"])
def test_relate_a_body_that_stops_exercising_receives_nothing(verb):
    text = f"某县实施方案\n县林业局{verb}已划转的森林防火行政处罚权。"
    assert not [t for t in _doc_transfers(text) if t["target"] == "县林业局"]


def test_relate_a_move_stated_before_its_restatement_stands_beside_it():
    text = "某市答复\n河道采砂的行政处罚权已划转市综合行政执法局集中行使，市水利局不再行使。"
    found = {(t["matter"], t["source"], t["target"]) for t in _doc_transfers(text)}
    assert ("河道采砂", "市水利局", "市综合行政执法局") in found  # the move, given by the body that stops
    assert (None, "市水利局", "市综合行政执法局") in found  # the restatement (conventions G2)


@pytest.mark.parametrize(
    "text,giver",
    [
        ("将户外广告设置的行政处罚权划转至区城市管理局，区市场监管局不再行使。", "区市场监管局"),
        ("占道洗车的行政处罚权由县综合执法局集中行使，县交通运输局不再行使。", "县交通运输局"),
        # several stop: which gave which is not written
        ("餐饮油烟的行政处罚权由区城管局集中行使，区生态环境局、区市场监管局不再行使。", None),
    ],
)
def test_relate_the_one_body_that_stops_gives_the_move_stated_beside_it(text, giver):
    found = [t for t in _doc_transfers("某市方案\n" + text) if t["matter"]]
    assert [t["source"] for t in found] == [giver], found


def test_relate_a_move_only_supposed_before_its_restatement_is_none():
    text = "某县条例\n县级人民政府有关部门的行政处罚权交由乡镇人民政府行使后，该部门不得再行使。"
    assert not [t for t in _doc_transfers(text) if t["matter"]]


@pytest.mark.parametrize(
    "items,reference,givers",
    [
        # 分别: the givers named with the items, in order
        (
            ["（一）对擅自占用绿地的处罚；", "（二）对违法排放油烟的处罚；", "（三）对无证运输渣土的处罚。"],
            "上述第（一）项、第（三）项由县住房和城乡建设局、县交通运输局分别委托各镇人民政府实施。",
            ["县住房和城乡建设局", None, "县交通运输局"],
        ),
        # one giver of a range of items
        (
            ["1.对擅自砍伐树木的处罚；", "2.对破坏草原植被的处罚；", "3.对违法占用林地的处罚。"],
            "第2至3项由旗林业和草原局下放至各苏木镇人民政府。",
            [None, "旗林业和草原局", "旗林业和草原局"],
        ),
        # several givers of the same items, no order written: none is given
        (
            ["（一）对违法搭建的处罚；", "（二）对占道经营的处罚。"],
            "以上第（一）项、第（二）项由区城市管理局、区市场监管局赋予街道办事处。",
            [None, None],
        ),
    ],
)
def test_relate_items_named_by_number_given_their_givers(items, reference, givers):
    text = "某区向街道赋予行政执法权的通知\n一、下列行政处罚权赋予街道办事处：\n" + "\n".join(items) + "\n" + reference
    found = [f for f in _facts(text) if f.kind == "transfer" and f.get("matter")]
    assert [f.get("source") for f in found] == givers


@pytest.mark.parametrize(
    "announcing",
    [
        "现就向街道办事处下放部分市级行政处罚权有关事项通知如下：",
        "经研究，现就委托镇人民政府实施部分行政处罚的相关问题决定如下：",
    ],
)
def test_relate_a_sentence_announcing_the_texts_subject_moves_nothing_of_its_own(announcing):
    text = (
        "某市人民政府关于调整部分行政执法权的通知\n"
        + announcing
        + "\n一、将市水务局的城市河道采砂行政处罚权交由街道办事处行使。\n"
    )
    found = [f for f in _facts(text) if f.kind == "transfer"]
    assert [(f.get("source"), f.get("matter")) for f in found] == [("市水务局", "城市河道采砂")]


def test_relate_a_task_table_gives_each_rows_lead_and_deadline():
    text = (
        "某州综合执法改革任务分工\n"
        "序号\t工作任务\t牵头单位\t责任单位\t完成时限\n"
        "1\t制定执法事项目录\t州司法局\t州农业农村局、州水利局\t2022年3月底前\n"
        "2\t开展执法人员培训\t州综合执法局\t州司法局\t长期坚持\n"
        "本表由州委编办负责解释。"
    )
    facts = _facts(text)
    leads = [(f.get("task"), f.get("lead"), f.get("cooperate")) for f in facts if f.kind == "lead"]
    assert leads == [
        ("制定执法事项目录", ("州司法局",), ("州农业农村局", "州水利局")),
        ("开展执法人员培训", ("州综合执法局",), ("州司法局",)),
    ]
    assert [(f.get("date"), f.get("task")) for f in facts if f.kind == "deadline"] == [
        ("2022-03-31", "制定执法事项目录")
    ]


@pytest.mark.parametrize(
    "breakdown,givers",
    [
        # the whole stays beside each giver's share
        ("其中，县林业局12项、县水利局8项。", [None, "县林业局", "县水利局"]),
        ("其中，区市场监管局下放20项，区交通运输局下放6项。", [None, "区市场监管局", "区交通运输局"]),
        # a breakdown by fields names no giver
        ("其中，生态环境领域23项、自然资源领域31项。", [None]),
    ],
)
def test_relate_a_breakdown_by_givers_gives_the_moves_just_read(breakdown, givers):
    text = "某县通知\n近日，某县将40项行政处罚事项下放至各镇人民政府。" + breakdown
    # (departments named by their kind give the whole: "将县直部门40项P下放至R。其中，…")
    found = [f for f in _facts(text) if f.kind == "transfer"]
    assert sorted((f.get("source") for f in found), key=str) == sorted(givers, key=str)
    assert {f.get("target") for f in found} == {"镇人民政府"}


@pytest.mark.parametrize(
    "closing",
    ["以上调整于2024年6月底前完成。", "（三）上述职责划转工作于2024年6月底前全部到位。"],
)
def test_relate_a_deadline_of_the_moves_read_before_dates_them(closing):
    text = "某县方案\n将县水利局的河道保洁职责划入县城市管理局。\n" + closing
    moves = [f for f in _facts(text) if f.kind == "transfer"]
    assert [f.get("deadline") for f in moves] == ["2024-06-30"]


def test_relate_a_breakdown_of_departments_named_by_their_kind():
    text = "某区方案\n将区级部门30项行政执法事项赋予各街道办事处。其中，区城管局18项、区水务局12项。"
    found = [f for f in _facts(text) if f.kind == "transfer"]
    assert [f.get("source") for f in found] == ["区级部门", "区城管局", "区水务局"]
    assert {f.get("matter") for f in found} == {"行政执法事项"}


@pytest.mark.parametrize(
    "closing,giver",
    [
        ("第三条 前条规定的行政处罚权，由县林业局依法交由各乡人民政府行使。", "县林业局"),
        ("上述事项由市人民政府有关部门下放至各乡人民政府。", "市人民政府有关部门"),
        # several bodies named: which gave what is not written
        ("上述事项由县林业局、县水利局依法交由各乡人民政府行使。", None),
    ],
)
def test_relate_a_list_given_back_its_giver(closing, giver):
    text = (
        "某县决定\n第二条 乡人民政府可以行使下列行政处罚权：\n（一）对擅自采伐林木的行政处罚权；\n"
        "（二）对非法占用林地的行政处罚权。\n" + closing
    )
    found = [f for f in _facts(text) if f.kind == "transfer" and f.get("matter")]
    assert len(found) == 2 and {f.get("source") for f in found} == {giver}


@pytest.mark.parametrize(
    "text,sources,target",
    [
        # towns named as examples before their count and kind receive as that kind; the departments the
        # items came from, named after the move (涉及G1、G2等N个部门), each give
        (
            "近日，某区向东湖镇、青山乡等5个乡镇下放第二批行政执法事项36项，涉及区林业局、区水务局等4个部门。",
            ["区林业局", "区水务局"],
            "乡镇",
        ),
        # … the first department named within reach of the verb, past the comma: no receiver of it
        ("某县向各乡镇下放行政执法事项20项，涉及县林业局、县水利局。", ["县林业局", "县水利局"], "乡镇"),
        # what the move involves that names no body gives nothing
        ("将燃气经营的行政处罚权划转至县综合执法局，涉及面广。", [None], "县综合执法局"),
    ],
)
def test_relate_departments_a_move_involves_give_it(text, sources, target):
    found = [f for f in _facts("某区通知\n" + text) if f.kind == "transfer"]
    assert [f.get("source") for f in found] == sources
    assert {f.get("target") for f in found} == {target}


def test_relate_a_matter_never_opens_with_its_items_number():
    text = "某市通知\n一、城市建成区内的违法建设，由区城市管理局负责查处。"
    assert [f.get("matter") for f in _facts(text) if f.kind == "transfer"] == ["城市建成区内的违法建设"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a question moves nothing; its answer, past its label, does
        (
            "某市城管执法改革政策解读\n问：哪些执法事项交由街道行使？\n答：此次共下放市级行政执法事项31项，由各街道办事处以自己的名义行使。",
            [("街道办事处", "市级行政执法事项")],
        ),
        (
            "某县赋权乡镇问答\n三、赋权后，违法建设由谁查处？\n答：县综合行政执法局负责查处城镇规划区内的违法建设。",
            [("县综合行政执法局", "城镇规划区内的违法建设")],
        ),
        # a stray mark after a full stop asks nothing ("…。?(记者…)")
        ("某区通知\n将区水务局的河道采砂处罚权划转至区城管局。?(记者 王某)", [("区城管局", "河道采砂")]),
    ],
)
def test_a_question_moves_nothing_its_answer_does(text, expected):
    found = [as_dict(f.data) for f in _facts(text) if f.kind == "transfer"]
    assert [(t["target"], t["matter"]) for t in found] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # the body that no longer holds what moved gave it ("…，相应P不再由G行使")
        (
            "将燃气管理、供水管理等方面的行政处罚权交由县综合行政执法局集中行使，相应行政处罚权不再由县住房和城乡建设局行使。",
            [("县住房和城乡建设局", "燃气管理"), ("县住房和城乡建设局", "供水管理")],
        ),
        ("对违法占用城市绿地的处罚由区城市管理局实施，不再由区园林局实施。", [("区园林局", "违法占用城市绿地")]),
        # … or as the subject of 不再 in a clause of its own ("…由R负责；G不再承担M职责")
        (
            "城区范围内占道经营的查处，由县城市管理局负责；县市场监管局不再承担占道经营查处职责。",
            [("县市场监管局", "城区范围内占道经营")],
        ),
        # the exercise verb closing its clause has no object: the moves stand, not a bare restatement
        (
            "将物业管理、人防工程等方面的行政处罚权交由市综合执法支队集中行使，相应行政处罚权不再由原主管部门行使。",
            [("原主管部门", "物业管理"), ("原主管部门", "人防工程")],
        ),
    ],
)
def test_the_body_no_longer_holding_what_moved_gave_it(text, expected):
    found = [as_dict(f.data) for f in _facts("某县实施方案\n" + text) if f.kind == "transfer"]
    assert [(t["source"], t["matter"]) for t in found] == expected


@pytest.mark.parametrize(
    "title,duties",
    [
        (
            "某市生态环境局职能配置、内设机构和人员编制规定",
            "（二）划出的职责。\n将机动车排气检测监管职责划给市公安局。",
        ),
        ("某区应急管理局主要职责内设机构和人员编制规定", "二、职责划出\n1.森林防火巡查职责划入区林业局。"),
    ],
)
def test_relate_staffing_rules_give_the_duties_they_hand_on(title, duties):
    """A body's staffing rules (三定规定): under the section of duties handed on, a move that names no
    giver is the body's own, the one the title names; under other sections givers stay as written."""
    text = f"{title}\n第三条 职责调整。\n（一）划入的职责。\n将县农业农村局的农机监理职责划入。\n{duties}"
    body = title[: title.index("局") + 1]
    moved = [as_dict(f.data) for f in _facts(text) if f.kind == "transfer"]
    handed_on = [f for f in moved if f["target"] != body]
    assert handed_on and all(f["source"] == body for f in handed_on), moved
    # (the duty moved in, no receiver written: the body's own, from the giver as written)
    assert [(f["source"], f["matter"]) for f in moved if f["target"] == body] == [("县农业农村局", "农机监理")]
