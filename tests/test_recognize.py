from __future__ import annotations

import pytest

from kg.recognize import find_agencies, find_dates, find_doc_numbers, find_places, recognize, resolve_places
from kg.ruleset import load_rules

RULES = load_rules()


@pytest.mark.parametrize(
    "text,expected",
    [
        # unseen bodies found by composition: place/level + sector core + organ suffix
        ("由广东省生态环境厅负责", [("广东省生态环境厅", "环境保护", "province")]),
        ("报州人力资源和社会保障局备案", [("州人力资源和社会保障局", "人力资源社会保障", "city")]),
        ("区市场监督管理局配合", [("区市场监督管理局", "市场监管", "district")]),
        ("县(市)住建局牵头", [("县(市)住建局", "住房城乡建设", "county")]),
        ("由乡镇城管办负责", [("乡镇城管办", "城市管理", "street")]),
        ("镇综合行政执法队负责", [("镇综合行政执法队", "街道乡镇", "street")]),
        ("县综合行政执法大队负责", [("县综合行政执法大队", "城市管理", "county")]),
        # the centre's general offices co-issuing a document
        (
            "中共中央办公厅、国务院办公厅印发",
            [("中共中央办公厅", "党委", "central"), ("国务院办公厅", "人民政府", "central")],
        ),
        # a town's government a letter is addressed to: its line names it whole, whatever jieba reads
        ("塘厦镇人民政府：", [("塘厦镇人民政府", "街道乡镇", "street")]),
        # a merged bureau named by its portfolios glued together: one body, its first portfolio's sector
        ("将县文化旅游广电体育局的职责划入", [("县文化旅游广电体育局", "文化广电", "county")]),
        ("区教育体育局配合", [("区教育体育局", "教育", "district")]),
        ("由市住建交通局负责", [("市住建交通局", "住房城乡建设", "city")]),
        # a township or a street, as the text names both: the body of each (as 市县 names two)
        (
            "由镇(街道)综合行政执法队实施",
            [("镇综合行政执法队", "街道乡镇", "street"), ("街道综合行政执法队", "街道乡镇", "street")],
        ),
        (
            "乡镇(街道)综合执法办公室负责",
            [("乡镇综合执法办公室", "街道乡镇", "street"), ("街道综合执法办公室", "街道乡镇", "street")],
        ),
        # … and named by their first characters (镇街)
        (
            "由镇街综合执法办负责",
            [("镇综合执法办", "街道乡镇", "street"), ("街道综合执法办", "街道乡镇", "street")],
        ),
        # … and their governments: a street's own body is its office
        (
            "由乡镇(街道)人民政府负责",
            [("乡镇人民政府", "街道乡镇", "street"), ("街道办事处", "街道乡镇", "street")],
        ),
        # merged and pastoral portfolios of counties (农林, 畜牧兽医, 林草)
        ("由区农林局负责", [("区农林局", "其他", "district")]),
        ("旗畜牧兽医局配合", [("旗畜牧兽医局", "其他", "county")]),
        # a county's or prefecture's own name for city management (城镇管理, 城乡管理)
        ("由旗城镇管理局处以罚款", [("旗城镇管理局", "城市管理", "county")]),
        ("州人民政府城乡管理主管部门负责", [("州人民政府城乡管理主管部门", "城市管理", "city")]),
        # coordinations expand
        (
            "将省、市、县交通运输部门的职责",
            [
                ("省交通运输部门", "交通运输", "province"),
                ("市交通运输部门", "交通运输", "city"),
                ("县交通运输部门", "交通运输", "county"),
            ],
        ),
        ("财政、审计等市级相关部门", [("市财政部门", "财政", "city"), ("市审计部门", "审计", "city")]),
        (
            "经信、商务、文旅国资等区级有关部门",
            [
                ("区经信部门", "其他", "district"),
                ("区商务部门", "其他", "district"),
                ("区文旅国资部门", "其他", "district"),
            ],
        ),
        ("省编办、省财政厅配合", [("省编办", "机构编制", "province"), ("省财政厅", "财政", "province")]),
        # sectors sharing one head, some beyond the lexicon
        (
            "区财政、人民防空、审计等有关部门",
            [
                ("区财政部门", "财政", "district"),
                ("区人民防空部门", "其他", "district"),
                ("区审计部门", "审计", "district"),
            ],
        ),
        # legislatures with their session ordinal; central departments under 国务院
        (
            "经河南省第十四届人民代表大会常务委员会第五次会议批准",
            [("河南省第十四届人民代表大会常务委员会", "其他", "province")],
        ),
        ("州第九届人民代表大会通过", [("州第九届人民代表大会", "其他", "city")]),
        ("报国务院法制办公室审查", [("国务院法制办公室", "法制", "central")]),
        ("由县法制办公室审核", [("县法制办公室", "法制", "county")]),
        ("乡(镇)人民政府负责", [("乡(镇)人民政府", "街道乡镇", "street")]),
        # two level words written as one: both levels' bodies
        ("督促各市州政府落实", [("市政府", "人民政府", "city"), ("州政府", "人民政府", "city")]),
        ("市县城管部门负责", [("市城管部门", "城市管理", "city"), ("县城管部门", "城市管理", "county")]),
        ("由州市场监管局负责", [("州市场监管局", "市场监管", "city")]),
        # a party committee before its own organs; beside a government it is a body of its own
        ("报省委编办审核", [("省委编办", "机构编制", "province")]),
        ("县委宣传部牵头", [("县委宣传部", "宣传", "county")]),
        ("市委、市政府印发", [("市委", "党委", "city"), ("市政府", "人民政府", "city")]),
        (
            "中共湖北省委 湖北省人民政府",
            [("中共湖北省委", "党委", "province"), ("湖北省人民政府", "人民政府", "province")],
        ),
        # party committees' bodies spelled out, community bodies, cores of other sectors
        ("在本镇党的工作委员会领导下", [("镇党的工作委员会", "党委", "street")]),
        ("支持社区服务站开展工作", [("社区服务站", "社区", "community")]),
        ("由县政务服务部门办理", [("县政务服务部门", "其他", "county")]),
        # 司法厅/局 administer justice; 司法机关 are the courts
        ("由区司法局指导", [("区司法局", "法制", "district")]),
        # a sector's inspection and enforcement teams are that sector's
        ("县劳动保障监察大队", [("县劳动保障监察大队", "人力资源社会保障", "county")]),
        ("由市卫生监督所查处", [("市卫生监督所", "卫生计生", "city")]),
        ("区文化市场综合执法大队", [("区文化市场综合执法大队", "文化广电", "district")]),
        ("省国土资源执法监察总队", [("省国土资源执法监察总队", "国土资源", "province")]),
        ("县交通运输综合行政执法大队", [("县交通运输综合行政执法大队", "交通运输", "county")]),
        # a merged bureau's core keeps its 和 inside a list of sectors
        (
            "自然资源和规划、交通运输等行政主管部门",
            [("自然资源和规划行政主管部门", "国土资源", None), ("交通运输行政主管部门", "交通运输", None)],
        ),
        # bodies of several levels under one head: each level's own
        ("县、乡两级政府共同负责", [("县政府", "人民政府", "county"), ("乡政府", "街道乡镇", "street")]),
        (
            "市、区两级市场监管部门",
            [("市市场监管部门", "市场监管", "city"), ("区市场监管部门", "市场监管", "district")],
        ),
        # a unit written after its bureau is a body of the bureau's sector and level
        ("由县公安局交通管理大队负责", [("县公安局", "公安", "county"), ("交通管理大队", "公安", "county")]),
        ("市自然资源局执法监察支队", [("市自然资源局", "国土资源", "city"), ("执法监察支队", "国土资源", "city")]),
        # 重庆's county-level divisions, and a bureau of government data
        ("各区县(自治县)人民政府", [("区县(自治县)人民政府", "人民政府", "county")]),
        ("区政务服务数据管理局", [("区政务服务数据管理局", "其他", "district")]),
        # generic kinds of body
        ("交由城市管理部门行使", [("城市管理部门", "城市管理", None)]),
        ("公安机关和检察机关", [("公安机关", "公安", None), ("检察机关", "检察", None)]),
    ],
)
def test_recognize_agencies(text, expected):
    assert [(a.name, a.sector, a.level) for a in find_agencies(text, RULES)] == expected


@pytest.mark.parametrize(
    "text",
    ["有关部门要加强配合", "各相关部门", "制定《甲市城市管理办法》", "加强队伍建设部署", "科学界定职责"],
)
def test_recognize_no_agency_in_vague_or_unrelated_text(text):
    names = [a.name for a in find_agencies(text, RULES)]
    assert not any(n.endswith(("办", "部", "科")) for n in names), names
    assert "有关部门" not in names and "相关部门" not in names


@pytest.mark.parametrize(
    "text",
    [
        "听取人大代表、政协委员的意见",
        "深化国务院机构改革",
        "各级人大代表",
        "由县委副书记牵头",
        "州纪委书记出席",
        "相关链接：某县人民政府门户网站",  # a body's website, page chrome
        "关注县城市管理局微信公众号",
    ],
)
def test_recognize_people_and_topics_are_not_bodies(text):
    assert find_agencies(text, RULES) == []


def test_recognize_party_and_government():
    got = [
        (a.name, a.sector, a.level)
        for a in find_agencies("中共湖南省委湖南省人民政府关于实施意见,县(区)人民政府负责", RULES)
    ]
    assert got == [
        ("中共湖南省委", "党委", "province"),
        ("湖南省人民政府", "人民政府", "province"),
        ("县(区)人民政府", "人民政府", "county"),
    ]


def test_recognize_places_full_short_and_lists():
    got = [
        (p.text, p.place.standard_name, p.place.parent)
        for p in find_places("在洛阳、开封和许昌市开展试点,西湖区跟进,广西先行", RULES)
    ]
    assert got == [
        ("洛阳", "洛阳市", "河南省"),
        ("开封", "开封市", "河南省"),
        ("许昌市", "许昌市", "河南省"),
        ("西湖区", "杭州市西湖区", "杭州市"),
        ("广西", "广西壮族自治区", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "主城区和辖区内",
        "县(区)城管执法局",
        "城乡一体化",
        "江南区域协调",
        "大同小异",
        "在市区和县城范围内",
        "城区和县政府确定的区域",
    ],
)
def test_recognize_not_places(text):
    assert [p.text for p in find_places(text, RULES) if p.place is not None] == []


def test_recognize_same_name_resolved_by_context():
    spans = resolve_places(find_places("朝阳区与东城区、海淀区协同", RULES))
    assert spans[0].place.standard_name == "北京市朝阳区"
    spans = resolve_places(find_places("朝阳区与南关区、宽城区协同", RULES))
    assert spans[0].place.standard_name == "长春市朝阳区"


def test_recognize_masked_place():
    spans = find_places("XX市推进改革", RULES)
    assert spans[0].text == "XX市" and spans[0].place is None


def test_recognize_dates_and_numbers():
    assert [d[2] for d in find_dates("2016年12月5日印发,2017年3月起")] == ["2016-12-05", "2017-03"]
    assert [n[2] for n in find_doc_numbers("按照湘发〔2016〕21号和国办发[2017]5号")] == [
        "湘发〔2016〕21号",
        "国办发[2017]5号",
    ]


def test_recognize_mentions_have_offsets():
    text = "由杭州市城市管理局负责"
    for m in recognize(text, RULES, "d#s1"):
        assert text[m.start : m.end] == m.text
        assert m.sentence_id == "d#s1" and m.rule_id


def test_recognize_spacy_pipeline_keeps_names_whole(nlp):
    doc = nlp("由市住建局牵头,区城管执法局和县(区)环保局配合")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("市住建局", "AGENCY"),
        ("区城管执法局", "AGENCY"),
        ("县(区)环保局", "AGENCY"),
    ]
    # tokens never straddle an entity edge
    for e in doc.ents:
        assert doc[e.start : e.end].text == e.text


@pytest.mark.parametrize(
    "name,canonical",
    [
        ("市住建局", "市住房和城乡建设局"),
        ("县编办", "县机构编制委员会办公室"),
        ("区城管执法局", "区城市管理行政执法局"),
        ("市食药监局", "市食品药品监督管理局"),
        ("城市规划部门", "城市规划部门"),  # 规划 inside 城市规划 is no abbreviation
        ("湖北省住房和城乡建设厅", "湖北省住房和城乡建设厅"),
    ],
)
def test_recognize_abbreviations_spelled_out(name, canonical):

    assert RULES.canonical_name(name) == canonical


@pytest.mark.parametrize(
    "text, name",
    [
        ("将县农业农村局的部分职责划入综合执法队。", "县农业农村局"),
        ("市文化和旅游局负责指导。", "市文化和旅游局"),
        ("会同区林业和草原局开展巡查。", "区林业和草原局"),
        ("由县行政审批服务局统一办理。", "县行政审批服务局"),
    ],
)
def test_recognize_bodies_named_after_the_2018_reform(text, name):
    assert name in [a.name for a in find_agencies(text, RULES)]


@pytest.mark.parametrize("name", ["市道路运输管理处", "县运输管理局", "区运管所", "省地方海事局", "市港航管理局"])
def test_recognize_road_transport_and_maritime_bodies_are_transport(name):
    assert [(a.name, a.sector) for a in find_agencies(f"将{name}的处罚职能划入执法支队", RULES)] == [(name, "交通运输")]


@pytest.mark.parametrize("name", ["市政设施管理部门", "县市政管理局", "市政工程管理处"])
def test_recognize_municipal_works_bodies_are_housing_and_construction(name):
    assert [(a.name, a.sector) for a in find_agencies(f"由{name}予以处罚", RULES)] == [(name, "住房城乡建设")]


@pytest.mark.parametrize(
    "name, level",
    [
        ("市委机构编制委员会办公室", "city"),
        ("县机构编制委员会办公室", "county"),
        ("自治区党委机构编制委员会办公室", "province"),
        ("自治区党委编办", "province"),
        ("旗委编办", "county"),
    ],
)
def test_recognize_the_staffing_office_spelled_out(name, level):
    assert [(a.name, a.sector, a.level) for a in find_agencies(f"{name}牵头", RULES)] == [(name, "机构编制", level)]


@pytest.mark.parametrize(
    "text, names",
    [
        ("旗委、旗政府加强领导", [("旗委", "county"), ("旗政府", "county")]),
        ("盟委统筹推进", [("盟委", "city")]),
        ("州委、州人民政府负责", [("州委", "city"), ("州人民政府", "city")]),
        ("由县委牵头", [("县委", "county")]),
        ("该联盟委员会成立", []),  # a committee of something else, not a league's party committee
    ],
)
def test_recognize_party_committees_of_every_level_word(text, names):
    assert [(a.name, a.level) for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text, names",
    [
        # a level word and, in brackets, the others it stands with
        ("市、区(县)城管局负责", [("市城管局", "city"), ("区(县)城管局", "district")]),
        ("由区(市、县)综合行政执法部门查处", [("区(市、县)综合行政执法部门", "district")]),
        ("县(市、区)卫生健康部门配合", [("县(市、区)卫生健康部门", "county")]),
        ("旗(县)人民政府负责", [("旗(县)人民政府", "county")]),
    ],
)
def test_recognize_bracketed_level_words(text, names):
    assert [(a.name, a.level) for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text, name",
    [
        # the bodies of functional areas the gazetteer does not hold, named after the area
        ("由天府新区城市管理局集中行使", "天府新区城市管理局"),
        ("经济技术开发区综合执法局负责", "经济技术开发区综合执法局"),
        ("成立某某工业园区管委会", "某某工业园区管委会"),
        ("由开发区管委会统一管理", "开发区管委会"),
        ("在成都市天府新区城管局设立", "成都市天府新区城管局"),
        # an area's committee named after its city, with or without 市
        ("乌兰察布经济技术开发区管理委员会负责", "乌兰察布经济技术开发区管理委员会"),
        ("由淮安市高新技术产业开发区管委会统一管理", "淮安市高新技术产业开发区管委会"),
        # a committee after the verb that grants to it, its area named by its kind alone
        ("将执法事项委托园区管委会实施", "园区管委会"),
        ("相关检查权交由示范区管理委员会行使", "示范区管理委员会"),
    ],
)
def test_recognize_bodies_of_functional_areas(text, name):
    assert [(a.name, a.level) for a in find_agencies(text, RULES)] == [(name, "district")]


def test_recognize_a_bare_area_word_is_no_name():
    assert [a.name for a in find_agencies("建立新区城管局", RULES)] == ["区城管局"]


@pytest.mark.parametrize(
    "text,standard",
    [
        ("大通县综合行政执法局", "大通回族土族自治县"),  # an autonomous county by its short name and 县
        ("耿马县人民政府", "耿马傣族佤族自治县"),
        ("莫力达瓦旗人民政府", "莫力达瓦达斡尔族自治旗"),  # and an autonomous banner by its short name and 旗
    ],
)
def test_recognize_an_autonomous_county_written_short_is_that_county(text, standard):
    from kg.recognize import find_places

    found = [p for p in find_places(text, RULES) if p.place is not None]
    assert found and found[0].place.name == standard, found


@pytest.mark.parametrize(
    "text,names",
    [
        # 和 after a body joins it to a body of the county level: not the county 和县
        ("县交通运输局和县文化和旅游局", ["县交通运输局", "县文化和旅游局"]),
        ("市生态环境局和县生态环境分局", ["市生态环境局", "县生态环境分局"]),
        # 和 after a power joins its owner to the next owner's power
        ("市水务局的河道保洁职责和县农业农村局的渔政执法职责", ["市水务局", "县农业农村局"]),
        ("区环保局的部分处罚权和县市场监管局", ["区环保局", "县市场监管局"]),
        # 和县 after its own city, or opening a name, is the county
        ("马鞍山市和县人民政府", ["马鞍山市和县人民政府"]),
        ("安徽省和县城市管理局", ["安徽省和县城市管理局"]),
    ],
)
def test_recognize_he_after_a_body_is_a_conjunction_not_hexian(text, names):
    assert [a.name for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text,names",
    [
        ("中共遵义市委办公室 遵义市人民政府办公室关于印发", ["中共遵义市委办公室", "遵义市人民政府办公室"]),
        ("县委办公室、县政府办公室", ["县委办公室", "县政府办公室"]),
        ("中共某县委组织部牵头", ["中共某县委组织部"]),
        ("市委、市政府", ["市委", "市政府"]),  # the committee itself stays the committee
    ],
)
def test_recognize_a_party_committees_office_is_a_body_of_its_own(text, names):
    found = find_agencies(text, RULES)
    assert [a.name for a in found] == names
    assert all(a.sector in ("党委", "人民政府") for a in found)


@pytest.mark.parametrize(
    "text,names",
    [
        ("决定由东关街道办事处、南门街道办事处统一行使", ["东关街道办事处", "南门街道办事处"]),
        ("下放至青龙镇、双河乡人民政府", ["青龙镇人民政府", "双河乡人民政府"]),
        ("新组建的清溪镇综合行政执法队", ["清溪镇综合行政执法队"]),
        # no name: a common noun, a verb, a quantifier, a place the gazetteer holds
        ("为了规范、保障街道办事处依法履职", ["街道办事处"]),
        ("加强各街道办事处建设", ["街道办事处"]),
        ("由所在地镇人民政府负责", ["镇人民政府"]),
        ("杭州市街道办事处条例", ["街道办事处"]),
    ],
)
def test_recognize_townships_named_before_their_kind(text, names):
    assert [a.name for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text,places",
    [
        ("县财政局要会同县发展改革局制定方案", []),  # 会同 joins two bodies
        ("市政府和县政府共同负责", []),
        ("由会同县人民政府负责", ["会同县"]),  # the county itself
        ("和县人民政府关于印发方案的通知", ["和县"]),
    ],
)
def test_recognize_divisions_named_like_joining_words(text, places):
    assert [p.text for p in find_places(text, RULES)] == places


@pytest.mark.parametrize(
    "text,names",
    [
        # one merged bureau of two portfolios under one organ word; a list with 、 or 等 stays several
        ("由岳阳市城市管理和综合行政执法局负责", [("岳阳市城市管理和综合行政执法局", "城市管理")]),
        ("由县发展改革和商务局负责", [("县发展改革和商务局", "发展改革")]),
        (
            "公安、交通运输和住房城乡建设等部门",
            [("公安部门", "公安"), ("交通运输部门", "交通运输"), ("住房城乡建设部门", "住房城乡建设")],
        ),
        ("公安交管部门和市场监管部门", [("公安交管部门", "公安"), ("市场监管部门", "市场监管")]),
        # … and with 管理 before its organ word ("X和Y管理局")
        ("由县环保和水利管理局负责", [("县环保和水利管理局", "环境保护")]),
        # 旗市区: the banners, county-level cities and districts, each
        ("将旗市区水利局承担的", [("旗水利局", "水务"), ("市水利局", "水务"), ("区水利局", "水务")]),
        # a merged bureau named without 和: one body, the first portfolio's sector
        ("由区规划自然资源局、区生态环境局负责", [("区规划自然资源局", "规划"), ("区生态环境局", "环境保护")]),
        ("交县自然资源规划局办理", [("县自然资源规划局", "国土资源")]),
        # towns and streets named bare after a verb that gives them powers
        (
            "将20项事项下放至柳林镇、红桥乡和西大街街道",
            [("柳林镇", "街道乡镇"), ("红桥乡", "街道乡镇"), ("西大街街道", "街道乡镇")],
        ),
        ("在柳林镇开展试点", []),
    ],
)
def test_recognize_merged_bureaus_and_towns_named_bare(text, names):
    assert [(a.name, a.sector) for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text,names",
    [
        # one portfolio named in full by two cores of one sector; 城镇 before it is no level
        ("由城镇市容和环境卫生主管部门责令改正", [("城镇市容和环境卫生主管部门", "城市管理", None)]),
        (
            "市人民政府城镇市容和环境卫生行政主管部门负责",
            [("市人民政府城镇市容和环境卫生行政主管部门", "城市管理", "city")],
        ),
        ("由市容和环卫部门负责", [("市容和环卫部门", "城市管理", None)]),
        ("公安和交通运输部门", [("公安部门", "公安", None), ("交通运输部门", "交通运输", None)]),
        # the provincial-level divisions named together, as the laws write them: one body of each kind
        (
            "各省、自治区、直辖市住房城乡建设主管部门",
            [("省、自治区、直辖市住房城乡建设主管部门", "住房城乡建设", "province")],
        ),
    ],
)
def test_recognize_one_portfolio_named_in_full(text, names):
    assert [(a.name, a.sector, a.level) for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text,places",
    [
        ("同意在新城区、莲湖区开展试点", ["新城区", "莲湖区"]),  # a district named like a word, in a list
        ("加快新城区建设", []),
        ("城区、郊区环境整治", []),
        ("本办法适用于西安市莲湖区", ["西安市", "莲湖区"]),  # a district that ends the text
        # a district named like a word, right after its city (in full or short); a city's short name of
        # two characters, right before one of its districts
        ("南宁市城区开展试点", ["南宁市"]),
        ("呼和浩特市新城区开展试点", ["呼和浩特市", "新城区"]),
        ("西安新城区首批下放", ["西安", "新城区"]),
        ("西安碑林区首批下放", ["西安", "碑林区"]),
        ("西安人的城区生活", []),
        # a place that opens the name of a newspaper or a station is no place of the text
        ("据福建日报报道，福州市将执法权下放", ["福州市"]),
        ("泉州晚报记者获悉", []),
    ],
)
def test_recognize_districts_named_like_words_and_at_the_end(text, places):
    assert [p.text for p in find_places(text, RULES)] == places


@pytest.mark.parametrize(
    "text,names",
    [
        ("各省辖市、省直管县(市)人民政府", [("省辖市人民政府", "city"), ("省直管县(市)人民政府", "county")]),
        ("市文化广电旅游局", [("市文化广电旅游局", "city")]),
        ("由县文化体育和旅游局负责", [("县文化体育和旅游局", "county")]),
    ],
)
def test_recognize_prefecture_words_and_merged_culture_bureaus(text, names):
    assert [(a.name, a.level) for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text,names",
    [
        ("由县纪委监委、县信访局、县机关事务管理局配合", ["县纪委监委", "县信访局", "县机关事务管理局"]),
        ("区城市管理工作领导小组办公室设在区城管局", ["区城市管理工作领导小组办公室", "区城管局"]),
        ("县消防救援大队、村委会做好衔接", ["县消防救援大队", "村委会"]),
    ],
)
def test_recognize_more_bodies_of_the_genre(text, names):
    assert [a.name for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text,names",
    [
        ("区委常委、副区长张某主持会议，区委编办参加", ["区委编办"]),  # a member is no committee
        ("县委委员李某", []),
        ("对县十八届人大二次会议第15号建议的答复", ["县十八届人大"]),  # a session ordinal without 第
        ("每月召开一次联席会议", []),  # a meeting held, not a body
        ("建立由区城管局牵头的城市管理联席会议", ["区城管局", "城市管理联席会议"]),
    ],
)
def test_recognize_members_sessions_and_meetings_held(text, names):
    assert [a.name for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text,names",
    [
        ("各县市区人民政府要抓好落实", [("县人民政府", "county"), ("市人民政府", "city"), ("区人民政府", "district")]),
        ("县市城管部门负责", [("县城管部门", "county"), ("市城管部门", "city")]),
    ],
)
def test_recognize_county_city_district_written_as_one(text, names):
    assert [(a.name, a.level) for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text,name,sector,level",
    [
        # the standard departments of a government, full and short names, at each level
        ("由甘肃省科学技术厅牵头", "甘肃省科学技术厅", "其他", "province"),
        ("市工业和信息化局配合", "市工业和信息化局", "其他", "city"),
        ("会同区文旅局开展检查", "区文旅局", "其他", "district"),
        ("县档案局负责指导", "县档案局", "其他", "county"),
        ("报请州地震局备案", "州地震局", "其他", "city"),
        ("由市药品监督管理局实施", "市药品监督管理局", "食品药品监管", "city"),
        ("县疾病预防控制中心协助", "县疾病预防控制中心", "卫生计生", "county"),
        ("区应急局、区市监局按职责分工负责", "区应急局", "安全生产监管", "district"),
        ("由镇殡葬管理所承担", "镇殡葬管理所", "民政", "street"),
        ("区不动产登记中心办理", "区不动产登记中心", "国土资源", "district"),
        ("省广播电视局监督", "省广播电视局", "文化广电", "province"),
        ("县文化广电旅游体育局执法大队", "县文化广电旅游体育局", "文化广电", "county"),
        # people's organisations and courts by their short names
        ("市残联、市总工会参与", "市残联", "群团", "city"),
        ("县供销合作社改革", "县供销合作社", "其他", "county"),
        ("移送县法院强制执行", "县法院", "审判", "county"),
        ("申请州中级人民法院强制执行", "州中级人民法院", "审判", "city"),
        ("省高级人民法院指导", "省高级人民法院", "审判", "province"),
        ("团县委、县妇联做好宣传", "团县委", "群团", "county"),
        # a standalone name that holds composed ones is one body
        ("由县公安机关交通管理部门依法处罚", "县公安机关交通管理部门", "公安", "county"),
    ],
)
def test_recognize_standard_departments_of_a_government(text, name, sector, level):
    found = {(a.name, a.sector, a.level) for a in find_agencies(text, RULES)}
    assert (name, sector, level) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "支持金融机构发展",
        "建设体育中心",
        "加强档案管理工作",
        "做好粮食安全",
        "发展海洋经济",
        "科技创新",
        "应急处置",
        "移民搬迁",
    ],
)
def test_recognize_a_departments_field_named_alone_is_no_body(text):
    assert find_agencies(text, RULES) == []


@pytest.mark.parametrize(
    "text,names",
    [
        # Inner Mongolia's levels written together: a body of each
        (
            "旗县区城市管理综合执法部门负责辖区内的管理",
            [
                ("旗城市管理综合执法部门", "county"),
                ("县城市管理综合执法部门", "county"),
                ("区城市管理综合执法部门", "district"),
            ],
        ),
        ("各盟市人民政府要加强领导", [("盟人民政府", "city"), ("市人民政府", "city")]),
    ],
)
def test_recognize_levels_of_inner_mongolia_written_together(text, names):
    assert [(a.name, a.level) for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text,sector",
    [
        ("由公安机关交通管理部门依法处理", "公安"),
        ("县交通管理部门负责违法停车的处罚", "公安"),
        ("市交通运输管理部门负责出租车的管理", "交通运输"),
    ],
)
def test_recognize_traffic_administration_is_the_polices(text, sector):
    assert find_agencies(text, RULES)[-1].sector == sector


@pytest.mark.parametrize(
    "text,name,sector,level",
    [
        # a township's stations: the justice bureau's (司法行政, not a court) and the police's
        ("由青石镇司法所负责人民调解", "青石镇司法所", "法制", "street"),
        ("各乡镇司法所要做好法律援助", "乡镇司法所", "法制", "street"),
        ("镇派出所配合查处", "镇派出所", "公安", "street"),
    ],
)
def test_recognize_township_stations(text, name, sector, level):
    assert (name, sector, level) in {(a.name, a.sector, a.level) for a in find_agencies(text, RULES)}


@pytest.mark.parametrize(
    "text,places",
    [
        ("各乡镇和县级相关部门要及时报告", []),  # 和 joins a level word: no county 和县
        ("街道办事处和市级有关部门配合", []),
        ("马鞍山市和县人民政府", ["马鞍山市", "和县"]),
    ],
)
def test_recognize_a_conjunction_before_a_level_word_is_no_place(text, places):
    assert [p.text for p in find_places(text, RULES)] == places


@pytest.mark.parametrize(
    "text,name,level",
    [
        # a body of no level that one government sets up is of that government's level
        ("州人民政府确定的综合执法协调机构负责统筹", "综合执法协调机构", "city"),
        ("镇政府设立的综合执法办公室负责日常巡查", "综合执法办公室", "street"),
        ("市、区人民政府确定的城市管理协调机构负责", "城市管理协调机构", None),  # two levels: each level's
    ],
)
def test_recognize_a_body_set_up_by_a_government_is_of_its_level(text, name, level):
    assert (name, level) in {(a.name, a.level) for a in find_agencies(text, RULES)}


@pytest.mark.parametrize(
    "text,name",
    [
        # a functional area's administrative committee in full acts as the area's government
        ("由经济技术开发区管理委员会负责", "经济技术开发区管理委员会"),
        ("赣江新区管理委员会统一行使", "赣江新区管理委员会"),
        ("高新技术产业开发区管委会负责", "高新技术产业开发区管委会"),
    ],
)
def test_recognize_a_zones_administrative_committee(text, name):
    assert [(a.name, a.sector, a.level) for a in find_agencies(text, RULES)] == [(name, "人民政府", "district")]


@pytest.mark.parametrize("text", ["小区业主管理委员会", "成立物业管理委员会", "业主大会和业主管理委员会"])
def test_recognize_a_committee_of_no_area_is_no_government(text):
    assert [a for a in find_agencies(text, RULES) if a.sector == "人民政府"] == []


@pytest.mark.parametrize(
    "text,names",
    [
        # the 2018 reform's culture bureaus hold the culture market's powers
        ("由市文化和旅游局移交", [("市文化和旅游局", "文化广电", "city")]),
        ("县级以上人民政府文化和旅游主管部门", [("县级以上人民政府文化和旅游主管部门", "文化广电", None)]),
        # levels from one up, 地方 included: one generic body of every such government, not a bare government
        ("县级以上地方人民政府城市管理主管部门", [("县级以上地方人民政府城市管理主管部门", "城市管理", None)]),
        ("市级以上人民政府应当", [("市级以上人民政府", "人民政府", None)]),
        # the water authority as the laws name it
        ("水行政主管部门依法查处", [("水行政主管部门", "水务", None)]),
        # a city management bureau named with its enforcement, by 和
        ("区城市管理和行政执法局负责", [("区城市管理和行政执法局", "城市管理", "district")]),
        # a prefecture's or league's government office, and the data bureaus of 2023
        ("兴安盟行政公署决定", [("兴安盟行政公署", "人民政府", "city")]),
        ("市数据局、市统计局配合", [("市数据局", "其他", "city"), ("市统计局", "其他", "city")]),
    ],
)
def test_recognize_culture_water_and_data_bodies_and_prefecture_offices(text, names):
    assert [(a.name, a.sector, a.level) for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text,name",
    [
        # a zone's name starts after the words of the genre before it (赋予, 关于, 交由…)
        ("将45项市级行政管理权限赋予宁波经济技术开发区管理委员会", "宁波经济技术开发区管理委员会"),
        ("关于赋予长沙高新技术产业开发区管理委员会部分权限的决定", "长沙高新技术产业开发区管理委员会"),
        ("交由苏州工业园区管理委员会统一行使", "苏州工业园区管理委员会"),
        ("由南昌市红谷滩新区城市管理局负责", "南昌市红谷滩新区城市管理局"),
        ("经研究，决定授予开发区管理委员会行使", "开发区管理委员会"),
        ("将部分市级权限下沉至临港新区管理委员会", "临港新区管理委员会"),
    ],
)
def test_recognize_a_zone_named_after_a_verb_of_the_genre(text, name):
    assert [a.name for a in find_agencies(text, RULES)][-1] == name


@pytest.mark.parametrize(
    "text,names",
    [
        # a town's name may open with a one-character word of the genre (新, 原): 新华镇 is a town
        ("下放至城关镇、新华镇和东城街道", ["城关镇", "新华镇", "东城街道"]),
        ("交由新华街道办事处行使", ["新华街道办事处"]),
        # a word of the genre glued before a body is no name ("建立健全街道办事处", "各乡镇")
        ("建立健全街道办事处工作机制", ["街道办事处"]),
        ("赋予各乡镇行使", []),
    ],
)
def test_recognize_town_names_opening_with_a_word_of_the_genre(text, names):
    assert [a.name for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text,names",
    [
        # a ministry needs no place: the State Council's; a party's 部 takes its committee's level
        (
            "住房和城乡建设部、公安部联合印发",
            [("住房和城乡建设部", "住房城乡建设", "central"), ("公安部", "公安", "central")],
        ),
        ("市委宣传部牵头", [("市委宣传部", "宣传", "city")]),
        # a bureau's branch named by the area it serves is one body, of the bureau's sector and level
        ("县自然资源局城关分局负责", [("县自然资源局城关分局", "国土资源", "county")]),
        (
            "由区市场监督管理局高新分局和区城管局配合",
            [("区市场监督管理局高新分局", "市场监管", "district"), ("区城管局", "城市管理", "district")],
        ),
        ("市城管局和区分局", [("市城管局", "城市管理", "city")]),
    ],
)
def test_recognize_ministries_and_branches_of_bureaus(text, names):
    assert [(a.name, a.sector, a.level) for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text,name",
    [
        # a street's name jieba would read across the kind's boundary (城东街 → 城/东街) is read with
        # the kind whole
        ("城东街道办事处负责", "城东街道办事处"),
        ("由河西街道综合执法中队负责", "河西街道综合执法中队"),
        ("下放至桥北街道办事处", "桥北街道办事处"),
    ],
)
def test_recognize_a_street_name_read_with_its_whole_kind(text, name):
    assert [a.name for a in find_agencies(text, RULES)] == [name]


@pytest.mark.parametrize(
    "text, name, level",
    [
        # bare names sharing the last one's 市: one kind, the city (not the county-level 泰州市 of 扬州 before 1996)
        ("南通、扬州、泰州市人民政府", "泰州市人民政府", "city"),
        ("扬州、泰州市城市管理局", "泰州市城市管理局", "city"),
    ],
)
def test_recognize_places_named_together_under_one_head_are_of_one_kind(text, name, level):
    got = {a.name: a.level for a in find_agencies(text, RULES, resolve_places(find_places(text, RULES)))}
    assert got[name] == level


def test_recognize_places_each_with_its_own_kind_keep_their_own_reading():
    """ "临沂市、泗水县": a city and a county named each with its kind; the city is today's, its
    province's — not the county-level 临沂市 of the former 临沂地区."""
    (city, _county) = resolve_places(find_places("选择临沂市、泗水县作为试点", RULES))
    assert (city.place.parent, city.place.level) == ("山东省", "city")


@pytest.mark.parametrize(
    "text, names",
    [
        ("南通、扬州、泰州市人民政府", ["南通市人民政府", "扬州市人民政府", "泰州市人民政府"]),
        ("宜宾、泸州市城市管理局", ["宜宾市城市管理局", "泸州市城市管理局"]),
        # each with its own kind: as written
        ("临沂市、泗水县人民政府", ["临沂市人民政府", "泗水县人民政府"]),
    ],
)
def test_recognize_bare_places_sharing_one_head_take_their_full_names(text, names):
    """ "南通、扬州、泰州市人民政府": three governments, each named in full (conventions G9)."""
    found = find_agencies(text, RULES, resolve_places(find_places(text, RULES)))
    assert [a.name for a in found] == names


@pytest.mark.parametrize(
    "text,want",
    [
        # 市政 is a portfolio (住房城乡建设) before an organ, at any level
        (
            "将区市政局的养护职责划入区城管局。",
            [("区市政局", "住房城乡建设", "district"), ("区城管局", "城市管理", "district")],
        ),
        ("县市政局和县水务局负责", [("县市政局", "住房城乡建设", "county"), ("县水务局", "水务", "county")]),
        # but no portfolio in 市政府, 市政务…, 市政法委: the level word 市 and the words after it
        ("由市政府统一部署", [("市政府", "人民政府", "city")]),
        ("市政务服务中心负责受理", [("市政务服务中心", "其他", "city")]),
    ],
)
def test_recognize_市政_is_a_portfolio_only_where_no_other_word_goes_on(text, want):
    assert [(a.text, a.sector, a.level) for a in find_agencies(text, RULES)] == want


def test_recognize_a_guard_on_a_core_that_is_no_core_is_a_load_error(tmp_path):
    import shutil

    from kg.errors import RuleError
    from kg.ruleset import default_rules_dir

    shutil.copytree(default_rules_dir(), tmp_path / "rules")
    path = tmp_path / "rules" / "agencies.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{市政: 府务法}", "{没有: 府}"), encoding="utf-8")
    with pytest.raises(RuleError, match="core_not_before"):
        load_rules(tmp_path / "rules")


@pytest.mark.parametrize("name, level", [("县农牧局", "county"), ("旗农牧和科技局", "county"), ("盟农牧业局", "city")])
def test_recognize_farming_and_herding_bureaus(name, level):
    assert [(a.name, a.level) for a in find_agencies(f"{name}负责", RULES)] == [(name, level)]


def test_recognize_a_city_and_its_county_level_divisions_in_brackets():
    text = "市、区县(市)人民政府城市管理综合执法部门是本行政区域内城市管理综合执法的主管部门"
    assert [(a.name, a.level) for a in find_agencies(text, RULES)] == [
        ("市人民政府城市管理综合执法部门", "city"),
        ("区县(市)人民政府城市管理综合执法部门", "county"),
    ]


@pytest.mark.parametrize(
    "text, names",
    [
        ("苏州工业园区、苏州高新区管委会", ["苏州工业园区管委会", "苏州高新区管委会"]),
        (
            "请经济技术开发区、高新技术产业开发区管理委员会负责",
            ["经济技术开发区管理委员会", "高新技术产业开发区管理委员会"],
        ),
    ],
)
def test_recognize_areas_sharing_one_committee_word_are_each_a_body(text, names):
    assert sorted(a.name for a in find_agencies(text, RULES)) == sorted(names)


@pytest.mark.parametrize(
    "text,names",
    [
        # Inner Mongolia's townships: 苏木 (herders'), alone or written with 乡镇 as one kind of body
        ("由苏木乡镇人民政府责令停止建设", ["苏木乡镇人民政府"]),
        ("各苏木镇人民政府，旗直各部门", ["苏木镇人民政府"]),
        ("旗人民政府和苏木人民政府", ["旗人民政府", "苏木人民政府"]),
    ],
)
def test_recognize_inner_mongolian_townships(text, names):
    assert [a.name for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text, names",
    [
        # a township's stations listed by their sector alone: each a body
        ("将安监站、国土所、村建站等执法力量进行整合", ["安监站", "国土所", "村建站"]),
        ("整合环保所和城建站的执法人员", ["环保所", "城建站"]),
        ("由镇司法所、城建站负责", ["镇司法所", "镇城建站"]),  # the level shared, as "市、县环保局" shares its head
        # one alone, or words that only end like one: no body
        ("国土所负责办理", []),
        ("在加油站、收费站等场所", []),
    ],
)
def test_recognize_stations_listed_by_their_sector(text, names):
    assert [a.name for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text,names",
    [
        # a town jieba cannot read, listed between others, is the whole slot between 、 and its kind
        ("赋予城川镇、敖勒召其镇、上海庙镇人民政府", ["城川镇人民政府", "敖勒召其镇人民政府", "上海庙镇人民政府"]),
        ("下放至白塔镇、巴彦其乡和兴隆街道", ["白塔镇", "巴彦其乡", "兴隆街道"]),
    ],
)
def test_recognize_towns_listed_with_names_jieba_cannot_read(text, names):
    assert [a.name for a in find_agencies(text, RULES)] == names


@pytest.mark.parametrize(
    "text,names",
    [
        # a government's departments named by their kind: one vague body, of no one sector
        ("由市人民政府有关部门依法交由街道办事处行使", [("市人民政府有关部门", None), ("街道办事处", "街道乡镇")]),
        ("州政府各行政主管部门应当配合", [("州政府各行政主管部门", None)]),
        # what a body is said to be ("为/是X工作部门"): the government stays, the part is no body
        ("设立某县综合执法局，为县人民政府工作部门", [("某县综合执法局", "城市管理"), ("县人民政府", "人民政府")]),
        ("区城管局是区政府工作部门", [("区城管局", "城市管理"), ("区政府", "人民政府")]),
    ],
)
def test_recognize_a_governments_departments_named_by_their_kind(text, names):
    assert [(a.name, a.sector) for a in find_agencies(text, RULES)] == names
