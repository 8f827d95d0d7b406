"""Clause frames (kg/frames.py, kg/rules/frames.yaml): every rule's examples pass through the whole
extraction, sentences of our own vary each pattern, and bad rule files fail loudly."""

from __future__ import annotations

import pytest

from kg.errors import RuleError
from kg.frames import series_powers, split_acts
from kg.normalize import normalize
from kg.pipeline import extract_document
from kg.ruleset import load_rules
from kg.types import Article

RULES = load_rules()


def _transfers(text: str) -> list[dict]:
    document = normalize(Article("t.txt", "t.txt", text, 0, len(text)), RULES)
    return [f.as_record(provenance=True) for f in extract_document(document, RULES).facts if f.kind == "transfer"]


def _has(found: list[dict], want: dict) -> bool:
    return any(all(r.get(k) == v for k, v in want.items()) for r in found)


def _assert_found(text: str, want: list[dict]) -> None:
    found = _transfers("某市实施方案\n" + text)
    for w in want:
        assert _has(found, w), f"missing {w}; found {[(r['matter'], r['target'], r['source']) for r in found]}"


def _assert_exactly(text: str, want: list[dict]) -> None:
    """The transfers of ``text`` are those ``want`` describes, no more."""
    found = _transfers(text)
    for w in want:
        assert _has(found, w), f"missing {w}; found {[(r['matter'], r['source'], r['target']) for r in found]}"
    assert len(found) == len(want), [(r["matter"], r["target"]) for r in found]


def _examples():
    for rule_id, rule in RULES.frames.rules.items():
        for i, example in enumerate(rule["examples"]):
            yield pytest.param(rule_id, example, id=f"{rule_id}[{i}]")


@pytest.mark.parametrize("rule_id,example", list(_examples()))
def test_frames_examples_pass(rule_id, example):
    text = (example.get("context", "某地实施办法") + "\n") + example["text"]
    found = _transfers(text)
    assert any(r["rule"] == rule_id for r in found), f"{rule_id}: nothing from this rule in {found}"
    for want in example["expect"]:
        assert _has(found, want), (
            f"{rule_id}: missing {want}; found {[(r['matter'], r['target'], r['power']) for r in found]}"
        )
    assert len([r for r in found if r["rule"] == rule_id]) == len(
        [w for w in example["expect"] if not w.get("rule") or w["rule"] == rule_id]
    ) or rule_id in ("transfer.catalogue.v1", "transfer.accompany.v1")


@pytest.mark.parametrize(
    "text,want",
    [
        # a lead-in naming its receiver; items of one line each, another place, body and matters
        (
            "第五条 县（市）综合执法局行使下列行政处罚权：\n（一）城市供水管理方面擅自连接公共供水管网的行政处罚权；\n"
            "（二）环境保护管理方面露天焚烧秸秆的行政处罚权。",
            [
                {"matter": "擅自连接公共供水管网", "target_sector": "城市管理", "source_sector": "住房城乡建设"},
                {"matter": "露天焚烧秸秆", "source_sector": "环境保护"},
            ],
        ),
        # the receiver is set up in one sentence and named by 其 in the lead-in
        (
            "州人民政府设立城市综合执法支队。其职责是：\n（一）行使市政管理方面法律、法规、规章规定的行政处罚权；",
            [{"matter": "市政管理", "target": "城市综合执法支队", "source_sector": "住房城乡建设"}],
        ),
        # the verbal power with the subject first
        (
            "镇综合执法队依据燃气管理方面法律、法规的规定，对擅自改装燃气设施的违法行为实施行政处罚。",
            [{"matter": "擅自改装燃气设施", "target": "镇综合执法队", "power": "行政处罚权"}],
        ),
        # enforcement powers named without 权, in another order and joined by 、; the matter a domain
        (
            "由区综合执法局行使城市排水管理方面的行政检查、行政处罚和行政强制措施。",
            [
                {"power": "行政检查权", "matter": "城市排水管理", "target": "区综合执法局"},
                {"power": "行政处罚权", "matter": "城市排水管理", "target": "区综合执法局"},
                {"power": "行政强制权", "matter": "城市排水管理", "target": "区综合执法局"},
            ],
        ),
        (
            "街道综合行政执法队依法行使本辖区内的行政处罚权及相关的行政强制权。",
            [
                {"power": "行政处罚权", "target_sector": "街道乡镇"},
                {"power": "行政强制权", "target_sector": "街道乡镇"},
            ],
        ),
        # a catalogue table: the kind of power in a cell of its own (another order of columns), the
        # basis cell cites a law, the receiver from the lead-in when no cell names a body
        (
            "本市将下列事项赋予街道办事处:\n1\t对违法设置户外广告的行政处罚\t行政处罚\t《某市市容条例》第十条\n"
            "2\t行政检查类\t对建筑垃圾处置的检查\t《某市建筑垃圾管理办法》",
            [
                {"power": "行政处罚权", "matter": "违法设置户外广告", "target": "街道办事处"},
                {"power": "行政检查权", "matter": "建筑垃圾处置", "target": "街道办事处"},
            ],
        ),
        # a whole team moves (another giver, team and receiver)
        (
            "将市生态环境局环境监察支队整建制划入市综合行政执法局。",
            [{"power": "编制", "matter": "环境监察支队", "source": "市生态环境局", "target": "市综合行政执法局"}],
        ),
    ],
)
def test_frames_variations(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # a trigger word inside a cited title is no clause of the sentence; the one outside is
        (
            "根据《关于赋予街道部分管理权限的通知》，市人民政府赋予街道办事处在环境卫生、园林绿化方面的行政处罚权。",
            [{"matter": "环境卫生", "target": "街道办事处"}, {"matter": "园林绿化", "target": "街道办事处"}],
        ),
        # the body that writes (我局) names itself in a heading; bodies inside 在…区域内 are not the subject
        (
            "一、南湖区城市管理局的职责来源\n依据有关规定，我局在城区和镇政府划定的区域内行使市容环境卫生、园林绿化、殡葬管理等职责。",
            [{"matter": "殡葬管理", "target": "南湖区城市管理局", "source_sector": "民政"}],
        ),
        # a restatement written giver first: the receiver is the body the list was about
        (
            "市人民政府设立城市管理执法支队。其职责是：\n（一）行使城市绿化管理方面的行政处罚权；\n"
            "四、处罚权集中后，有关部门不得再行使已经统一由一个行政机关行使的行政处罚权。",
            [{"matter": None, "source": "有关部门", "target": "城市管理执法支队"}],
        ),
    ],
)
def test_frames_context(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # the lead-in names the giver and the receiver; items name only matters
        (
            "将市林业局的下列行政处罚权交由各镇人民政府行使：\n（一）对擅自移植古树的；\n（二）对在林地内取土的。",
            [
                {"matter": "擅自移植古树", "source": "市林业局", "target": "镇人民政府"},
                {"matter": "在林地内取土", "source": "市林业局", "target": "镇人民政府"},
            ],
        ),
        # an item's own giver wins over the lead-in's
        (
            "把以下职权调整至街道综合执法中心：\n一、区市场监管局承担的无照经营的行政处罚权；\n二、区城管局承担的违法搭建的行政处罚权。",
            [
                {"matter": "无照经营", "source": "区市场监管局", "target": "街道综合执法中心"},
                {"matter": "违法搭建", "source": "区城管局", "target": "街道综合执法中心"},
            ],
        ),
        # the lead-in's power, items written as "D方面对M的", numbered 1.
        (
            "乡镇人民政府可以行使下列行政处罚权：\n1.农业管理方面对违规使用农药的；\n2.畜牧管理方面对随意丢弃病死畜禽的。",
            [
                {"matter": "违规使用农药", "target": "乡镇人民政府", "domain": "农业管理"},
                {"matter": "随意丢弃病死畜禽", "target": "乡镇人民政府", "domain": "畜牧管理"},
            ],
        ),
    ],
)
def test_frames_list_lead_in_roles(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # a counted grant of several bodies' powers, and the related powers that go with them
        (
            "将区城管局、区市场监管局等部门的36项行政处罚权及与之相关的行政检查权，赋予各街道办事处行使。",
            [
                {"power": "行政处罚权", "matter": "行政处罚权", "source": "区市场监管局", "target": "街道办事处"},
                {"power": "行政检查权", "matter": None, "source": "区城管局", "target": "街道办事处"},
            ],
        ),
        # a heading names the granted items; each item opens with the body that gave them
        (
            "将县水利局等部门的部分行政处罚权赋予各乡镇人民政府。\n二、下放事项\n"
            "（一）县水利局：对在河道内违法采砂的处罚；对擅自取水的处罚。",
            [
                {"matter": "在河道内违法采砂", "source": "县水利局", "target": "乡镇人民政府"},
                {"matter": "擅自取水", "source": "县水利局", "target": "乡镇人民政府"},
            ],
        ),
        # "调整由/改由 R 承担": the object first, with the body that held it
        (
            "将区交通运输局承担的出租车违规揽客的处罚职责，改由区综合行政执法局承担。",
            [{"power": "行政处罚权", "matter": "出租车违规揽客", "source": "区交通运输局"}],
        ),
        # "G承担的M的P，移交R": no 将
        (
            "县住建局承担的城市供水监管职责，移交县城市管理局。",
            [{"matter": "城市供水", "source": "县住建局", "target": "县城市管理局"}],
        ),
    ],
)
def test_frames_grants_and_hand_overs_of_other_wordings(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # the header names the columns: the matter is in 职权名称, not in the code before it; the
        # receiver is the 行使主体, not the office that handles the case
        (
            "权责清单\n职权编码\t职权名称\t职权类别\t行使主体\t承办机构\n"
            "A-01\t对擅自设置户外广告的处罚\t行政处罚\t县综合执法局\t市容管理科",
            [{"matter": "擅自设置户外广告", "target": "县综合执法局", "power": "行政处罚权"}],
        ),
        # columns in another order, and the body that held the power before
        (
            "赋权事项目录\n序号\t类别\t事项名称\t原实施部门\t实施主体\n"
            "1\t行政处罚\t对在禁渔区内捕捞的处罚\t县农业农村局\t镇人民政府",
            [{"matter": "在禁渔区内捕捞", "source": "县农业农村局", "target": "镇人民政府"}],
        ),
        # a catalogue of moves: what moves (划转事项), from whom (原主管部门), to whom (承接部门)
        (
            "某区执法事项划转清单\n序号\t划转事项\t原主管部门\t承接部门\n"
            "1\t对违规占用人行道停放车辆的行政处罚\t区公安分局\t区城市管理局",
            [{"matter": "违规占用人行道停放车辆", "source": "区公安分局", "target": "区城市管理局"}],
        ),
        (
            "移交清单\n编号\t移交事项\t职权类别\t移交部门\t承接单位\n"
            "B2\t对破坏城市排水设施的处罚\t行政处罚\t县水利局\t县综合执法局",
            [{"matter": "破坏城市排水设施", "source": "县水利局", "target": "县综合执法局"}],
        ),
        # a decision's table of adjustments: who held it (原承担部门), who holds it after (调整后承担部门)
        (
            "序号\t调整事项\t原承担部门\t调整后承担部门\n2\t对在公园内擅自设摊的处罚\t区园林局\t区综合行政执法局",
            [{"matter": "在公园内擅自设摊", "source": "区园林局", "target": "区综合行政执法局"}],
        ),
        # a remark naming the former holder, when no column does
        (
            "权责清单\n序号\t职权类型\t职权名称\t实施主体\t备注\n"
            "3\t行政处罚\t对损毁城市供水管道的处罚\t区城市管理局\t原由区水务局行使\n"
            "4\t行政处罚\t对占用绿地的处罚\t区城市管理局\t",
            [
                {"matter": "损毁城市供水管道", "source": "区水务局", "source_sector": "水务", "target": "区城市管理局"},
                {"matter": "占用绿地", "source": None, "target": "区城市管理局"},
            ],
        ),
    ],
)
def test_frames_catalogue_columns_named_by_the_header(text, want):
    _assert_found(text, want)


def test_frames_a_towns_catalogue_with_no_receiver_column_is_carried_out_by_the_towns():
    text = (
        "某县镇(街道)行政执法事项目录\n序号\t事项名称\t职权类型\t原实施部门\n"
        "1\t对违规饲养犬只的处罚\t行政处罚\t县公安局\n"
        "2\t对燃气经营企业的监督检查\t行政检查\t县住房和城乡建设局"
    )
    _assert_exactly(
        text,
        [
            {"matter": "违规饲养犬只", "power": "行政处罚权", "source": "县公安局", "target": "镇(街道)"},
            {"matter": "燃气经营企业", "power": "行政检查权", "source": "县住房和城乡建设局", "target": "镇(街道)"},
        ],
    )


@pytest.mark.parametrize(
    "text,want",
    [
        (
            "某省决定\n省政府决定，将县级人民政府及其部门的部分行政权力事项调整由乡镇人民政府实施。",
            {"power": "职权", "matter": "部分行政权力事项", "source": "县级人民政府", "target": "乡镇人民政府"},
        ),
        (
            "某市决定\n将市人民政府及其工作部门的30项行政权力事项交由区人民政府实施。",
            {"power": "职权", "matter": "行政权力事项", "source": "市人民政府", "target": "区人民政府"},
        ),
    ],
)
def test_frames_a_government_and_its_departments_give_as_the_government(text, want):
    _assert_exactly(text, [want])


def test_frames_a_catalogue_copied_one_cell_a_line():
    text = "序号\n事项名称\n类别\n实施主体\n1\n对在绿地内停车的处罚\n行政处罚\n县城市管理局\n2\n对损毁路灯的处罚\n行政处罚\n县城市管理局"
    want = [{"matter": "在绿地内停车", "target": "县城市管理局"}, {"matter": "损毁路灯", "target": "县城市管理局"}]
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        (
            "某县住房和城乡建设局权责清单\n序号 职权名称 职权类别 行使主体\n1 对擅自占用城市绿地的处罚 行政处罚 县城市管理局\n"
            "2 对违法户外广告的强制拆除 行政强制 县城市管理局",
            [
                {"power": "行政处罚权", "matter": "擅自占用城市绿地", "target": "县城市管理局"},
                {"power": "行政强制权", "target": "县城市管理局"},
            ],
        ),
        # the catalogue's own body receives; the columns in another order, separated by several spaces
        (
            "宜宾市综合行政执法局权责清单\n事项名称  事项类型  设定依据\n对损毁路灯的处罚  行政处罚  《某省城市照明条例》",
            [{"power": "行政处罚权", "matter": "损毁路灯", "target": "宜宾市综合行政执法局"}],
        ),
    ],
)
def test_frames_a_catalogue_with_spaces_between_its_cells(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # fields named with "与X相关的部分": the fields are the matters
        (
            "将水利、林业方面与城市管理相关的部分行政处罚权，划入县综合执法局。",
            [{"matter": "水利", "target": "县综合执法局"}, {"matter": "林业", "target": "县综合执法局"}],
        ),
        # the items on the lead-in's own line, separated by ； with no numbers
        (
            "县综合执法局集中行使下列行政处罚权：市政设施管理方面法律、法规规定的行政处罚权；"
            "水利管理方面法律、法规规定的对河道内违法采砂的行政处罚权。",
            [
                {"matter": "市政设施管理", "domain": "市政设施管理", "target": "县综合执法局"},
                {"matter": "河道内违法采砂", "domain": "水利管理", "target": "县综合执法局"},
            ],
        ),
        # a restatement naming the receiver after 已由
        (
            "处罚权集中后，有关部门不得再行使已由区城市管理局集中行使的行政处罚权。",
            [{"matter": None, "source": "有关部门", "target": "区城市管理局"}],
        ),
        # an item giver written as a unit of a body ("县公安局交通警察大队：")
        (
            "将部分行政处罚权划入县综合执法局。具体包括：\n1.县公安局交通警察大队：占用盲道停车的行政处罚权。",
            [{"matter": "占用盲道停车", "source": "县公安局交通警察大队", "target": "县综合执法局"}],
        ),
    ],
)
def test_frames_fields_inline_items_and_units(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # departments of several sectors counted ("等3个部门"), one with a long name; each gives
        (
            "将县级林业、交通运输、住房和城乡建设等3个部门的52项行政执法权下放至各镇人民政府。",
            [
                {"power": "行政执法权", "matter": "行政执法权", "source": "县级林业部门"},
                {"power": "行政执法权", "source": "县级住房和城乡建设部门", "source_sector": "住房城乡建设"},
            ],
        ),
        # a list of fields before one 方面, and 行政处罚事项 as the power
        (
            "区综合执法局实施下列行政执法事项：\n（一）燃气管理、供水管理方面的行政处罚事项；",
            [{"matter": "燃气管理", "domain": "燃气管理"}, {"matter": "供水管理", "domain": "供水管理"}],
        ),
        # a restatement after the receiver's exercise of the powers "前条规定的"
        (
            "县综合执法局依法行使前条规定的行政处罚权的，原主管部门不得再行使。",
            [{"matter": None, "source": "原主管部门", "target": "县综合执法局"}],
        ),
        # a catalogue written entry by entry, the body on a labelled line after each
        (
            "三、行政强制\n1.扣押违法摆卖的物品\n行使主体：某县城市管理局",
            [{"power": "行政强制权", "matter": "扣押违法摆卖的物品", "target": "某县城市管理局"}],
        ),
    ],
)
def test_frames_counted_departments_field_lists_and_entries(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # powers going back ("划回") and duties moved with 调整由 and no 将
        (
            "将县综合执法局承担的噪声污染行政处罚职责划回县生态环境局。",
            [{"matter": "噪声污染", "source": "县综合执法局", "target": "县生态环境局", "power": "行政处罚权"}],
        ),
        (
            "区城市管理局承担的燃气安全监管职责，调整由区住房和城乡建设局负责。",
            [{"matter": "燃气安全", "source": "区城市管理局", "target": "区住房和城乡建设局"}],
        ),
        # a team's staff posts moving up: the team moves whole (G6)
        (
            "各街道综合执法中队的人员编制整体上划至区综合行政执法大队。",
            [{"power": "编制", "matter": "街道综合执法中队", "target": "区综合行政执法大队"}],
        ),
        # a restatement after "R以自己的名义行使…P，"
        (
            "镇人民政府以自己的名义行使县人民政府赋予的行政处罚权，县级有关部门不再行使。",
            [{"matter": None, "source": "县级有关部门", "target": "镇人民政府"}],
        ),
    ],
)
def test_frames_powers_back_and_up_and_restated(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # givers joined by 、 before one object each give it
        (
            "将区水务局、区林业局的部分行政处罚权划转至区综合执法局。",
            [
                {"source": "区水务局", "matter": "部分行政处罚权", "target": "区综合执法局"},
                {"source": "区林业局", "matter": "部分行政处罚权", "target": "区综合执法局"},
            ],
        ),
        # a catalogue after a move lists what the receiver got; its rows name no subject of their own
        (
            "将县水利局、县林业局的部分行政处罚权下放至各镇人民政府。\n附件\n序号\t原实施部门\t事项名称\t类别\n"
            "1\t县水利局\t对河道内采砂的处罚\t行政处罚\n2\t县林业局\t对擅自采伐林木的处罚\t行政处罚",
            [
                {"source": "县水利局", "matter": "河道内采砂", "target": "镇人民政府"},
                {"source": "县林业局", "matter": "擅自采伐林木", "target": "镇人民政府"},
            ],
        ),
    ],
)
def test_frames_joined_givers_and_a_catalogue_after_a_move(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # the giver stops holding what the receiver takes over; a start date before it is no matter
        (
            "从2021年7月1日起，县交通运输局不再承担出租车非法营运的行政处罚职责，由县综合行政执法局承担。",
            [{"source": "县交通运输局", "matter": "出租车非法营运", "target": "县综合行政执法局"}],
        ),
        # the body that entrusts, before 委托各…
        (
            "区市场监管局委托各街道综合执法中心实施无证摊贩的行政处罚。",
            [{"source": "区市场监管局", "matter": "无证摊贩", "target": "街道综合执法中心"}],
        ),
    ],
)
def test_frames_stopping_givers_and_entrusting_bodies(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # 查处职能 is a penalty power
        (
            "县卫生健康局的公共场所控烟查处职能，整体划转县综合执法局。",
            [{"power": "行政处罚权", "matter": "公共场所控烟", "source": "县卫生健康局"}],
        ),
        # the penalty after a cited act ("依照《…》予以处罚")
        (
            "对违反燃气管理规定的行为，由区城市管理局依照《某省燃气管理条例》予以处罚。",
            [{"power": "行政处罚权", "matter": "燃气管理", "target": "区城市管理局"}],
        ),
        # 涉及 is one word, and "三个部门" counts the givers: each gives its power as written (the
        # conventions' "有关管理和执法职责划转…": a power with no matter of its own is its own matter)
        (
            "将县林业局、县水利局两个部门涉及城市管理的行政处罚权划入县综合执法局。",
            [
                {"source": "县林业局", "matter": "行政处罚权", "target": "县综合执法局"},
                {"source": "县水利局", "matter": "行政处罚权", "target": "县综合执法局"},
            ],
        ),
        (
            "将区住房和城乡建设局、区生态环境局承担的行政处罚职责整合划入区综合行政执法局。",
            [
                {"source": "区住房和城乡建设局", "matter": "行政处罚职责"},
                {"source": "区生态环境局", "matter": "行政处罚职责"},
            ],
        ),
    ],
)
def test_frames_other_words_for_penalty_powers(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # 查处权 and 处罚权 are penalty powers
        (
            "将原由县住建局行使的违法建设查处权划归县综合执法局。",
            [{"power": "行政处罚权", "matter": "违法建设", "source": "县住建局", "target": "县综合执法局"}],
        ),
        (
            "将区卫生健康部门对公共场所吸烟的处罚权移交区城市管理部门行使。",
            [{"power": "行政处罚权", "matter": "公共场所吸烟", "target": "区城市管理部门"}],
        ),
        # the former holders in a relative clause give, each its share; they are no receivers
        (
            "镇综合执法队统一行使原由县水利、林业等部门行使的部分行政处罚权。",
            [
                {"source": "县水利部门", "matter": "部分行政处罚权", "target": "镇综合执法队"},
                {"source": "县林业部门", "matter": "部分行政处罚权", "target": "镇综合执法队"},
            ],
        ),
    ],
)
def test_frames_former_holders_and_short_power_words(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text",
    [
        "行政主管部门的行政处罚权依法交由乡人民政府行使的，该行政主管部门应当加强指导。",  # conditional
        "（二）拟订全区城市管理的发展规划，编制环卫设施建设计划；",  # a duty, not a transfer
        "区城市管理局的职责是：\n（一）负责户外广告设置的审批；",  # 审批 as a duty outside a catalogue
        "县城管执法局行使行政处罚权时,应当出示执法证件。",  # exercising with no matter
        "市城管局作出行政处罚决定前,应当告知当事人。",  # a decision, not a power
        "乡镇综合执法队依法行使行政处罚法规定的职权。",  # the law's name, not a power
        "序号\t工作任务\t牵头单位\t完成时限\n1\t完善执法制度\t区城市管理局\t2020年底",  # a task table
        "当事人涉嫌犯罪的，县综合执法局应当将案件移交公安机关依法处理。",  # a case handed on, no power
        "(一)环境保护方面露天烧烤的行政处罚权;\n(五)加强执法队伍建设。",  # items with no lead-in
        "相关执法事项交由各镇综合执法队以镇人民政府名义实施。",  # which items, by what is said elsewhere
        "有关行政检查事项一并交由县综合行政执法局实施。",
        # 整合 after a body that directs others to do it: no body takes the duties over
        "省住房和城乡建设厅会同省委编办，指导各市、县整合市容环卫、园林绿化等管理职责。",
        "各街道办事处要做好承接的行政执法事项的交接。",  # what R took, named by a relative clause
        # powers over what the text stated before: no matter of their own here
        "二、综合行政执法部门行使前款规定领域内法律、法规、规章规定的行政处罚权。",
        # a government allowed to carry the work out organises it; it enforces nothing itself
        "一、某某市人民政府可以在市容环卫、园林绿化等领域开展相对集中行政处罚权工作。",
        # a body named holder of no power named ("为执法主体"), or one whose duty the role word qualifies
        "明确区综合执法大队为执法主体，加强队伍建设。",
        "确定由县城市管理局负责的道路保洁为责任主体考核内容。",
    ],
)
def test_frames_not_transfers(text):
    assert _transfers("某区实施方案\n" + text) == []


def test_frames_split_acts_on_the_strongest_separator():
    assert split_acts("擅自修剪、砍伐行道树", RULES.frames.scope_sectors) == ["擅自修剪、砍伐行道树"]
    assert split_acts("违法建设；占道经营、乱堆乱放", RULES.frames.scope_sectors) == ["违法建设", "占道经营、乱堆乱放"]


@pytest.mark.parametrize(
    "written, acts",
    [
        # verbs in a row before the object they share, the first with its manner: one act
        ("随意倾倒、抛撒或者堆放建筑垃圾", ["随意倾倒、抛撒或者堆放建筑垃圾"]),
        ("擅自占用、挖掘、损坏城市道路", ["擅自占用、挖掘、损坏城市道路"]),
        ("随地倾倒、丢弃或者焚烧生活垃圾", ["随地倾倒、丢弃或者焚烧生活垃圾"]),
        # each with a manner of its own: two acts
        ("随意倾倒污水、擅自占用绿地", ["随意倾倒污水", "擅自占用绿地"]),
        # two short acts and the consequence that closes the second: one offence
        ("擅自堆放物料、摆摊设点影响通行", ["擅自堆放物料、摆摊设点影响通行"]),
        ("违章搭建、占道洗车妨碍交通", ["违章搭建、占道洗车妨碍交通"]),
        # an act whose place opens it ("在…内") is an act of its own, not the object of the verb before
        ("违法建设、在河道内倾倒垃圾", ["违法建设", "在河道内倾倒垃圾"]),
        ("私自搭建、在绿地内焚烧树叶", ["私自搭建", "在绿地内焚烧树叶"]),
        # a longer list: the consequence stays with the last act
        ("违法建设、乱贴乱画、占道经营影响市容", ["违法建设", "乱贴乱画", "占道经营影响市容"]),
    ],
)
def test_frames_acts_joined_inside_one_offence(written, acts):
    assert split_acts(written, RULES.frames.scope_sectors) == acts


def test_frames_unknown_frame_is_a_load_error(edit_rules):
    folder = edit_rules(
        "frames.yaml",
        "version: 1\nscope_sectors: {}\nrules:\n  - id: x.v1\n    frame: guess\n    examples: [{text: a}]\n",
    )
    with pytest.raises(RuleError, match="frames.yaml: rule 'x.v1': unknown frame 'guess'"):
        load_rules(folder)
    folder = edit_rules(
        "frames.yaml",
        "version: 1\nscope_sectors: {}\nrules:\n  - id: x.v1\n    frame: list\n    trigers: []\n    examples: [{text: a}]\n",
    )
    with pytest.raises(RuleError, match="unknown key 'trigers'"):
        load_rules(folder)


@pytest.mark.parametrize(
    "written, expected",
    [
        ("行政许可、行政处罚等县级权限", [("行政许可权", "县级行政许可权"), ("行政处罚权", "县级行政处罚权")]),
        ("行政审批和行政强制措施等市级管理权限", [("行政许可权", "市级行政许可权"), ("行政强制权", "市级行政强制权")]),
        ("行政征收、行政给付、行政裁决等职权", [("行政征收权", None), ("行政给付权", None), ("行政裁决权", None)]),
        ("行政检查等事项", [("行政检查权", None)]),
        # no 等, or no kind of power listed: no series
        ("行政许可、行政处罚权限", []),
        ("占道经营、露天烧烤等事项", []),
    ],
)
def test_frames_series_of_kinds_before_a_shared_head(written, expected):
    assert series_powers(written, RULES.frames) == expected


def test_frames_series_kind_that_makes_no_power_is_a_load_error(edit_rules):
    folder = edit_rules(
        "frames.yaml",
        "version: 1\nscope_sectors: {}\npower_series: {kinds: [行政猜测], heads: [权限]}\n"
        "rules:\n  - id: x.v1\n    frame: list\n    examples: [{text: a}]\n",
    )
    with pytest.raises(RuleError, match="power_series: kind '行政猜测' makes no power noun"):
        load_rules(folder)


def test_frames_tried_only_where_their_triggers_occur_give_the_same_records(monkeypatch):
    # the trigger gate only saves time: every rule example and every seed gives the same transfers without it
    from pathlib import Path

    import kg.frames
    from kg.pipeline import extract

    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    texts = ["某地实施办法\n" + e["text"] for r in RULES.frames.rules.values() for e in r["examples"]]

    def records():
        found = [sorted(map(str, _transfers(t))) for t in texts]
        found += [sorted(str(f.as_record()) for f in ex.facts if f.kind == "transfer") for ex in extract(seeds)]
        return found

    gated = records()
    monkeypatch.setattr(kg.frames, "_GATED", frozenset())
    assert records() == gated


@pytest.mark.parametrize(
    "text,want,not_receiver",
    [
        # a notice's lead-in names the body that approved it: no receiver of the items that follow
        (
            "经市人民政府同意，现就调整部分行政执法职责有关事项通知如下：\n"
            "一、将市住房和城乡建设局承担的建筑垃圾处置的行政处罚职责，划转至市城市管理和综合执法局。",
            [{"matter": "建筑垃圾处置", "source": "市住房和城乡建设局", "target": "市城市管理和综合执法局"}],
            "市人民政府",
        ),
        (
            "经区政府研究同意，现将有关职责调整事项通知如下：\n"
            "（一）区市场监督管理局负责的餐饮服务业油烟污染的行政处罚职责，调整由区综合行政执法局行使。",
            [{"matter": "餐饮服务业油烟污染", "source": "区市场监督管理局", "target": "区综合行政执法局"}],
            "区政府",
        ),
        # an item that names its own receiver is a move, even inside a list opened by a body
        (
            "县综合行政执法局行使下列职责：\n（一）将县水利局承担的河道采砂的行政处罚权，划入县自然资源局；",
            [{"matter": "河道采砂", "source": "县水利局", "target": "县自然资源局"}],
            "县综合行政执法局",
        ),
    ],
)
def test_frames_an_approver_is_no_receiver_and_an_item_with_its_own_receiver_is_a_move(text, want, not_receiver):
    found = _transfers("某地通知\n" + text)
    for w in want:
        assert _has(found, w), f"missing {w}; found {[(r['matter'], r['source'], r['target']) for r in found]}"
    assert not any(r["target"] == not_receiver for r in found)


@pytest.mark.parametrize(
    "text,givers,matter",
    [
        # counted givers and counted items: each giver gives; a count names no matter
        (
            "将县农业农村局、县自然资源和规划局、县生态环境分局等7个部门的86项行政处罚事项下放至各乡镇人民政府。",
            ["县农业农村局", "县自然资源和规划局", "县生态环境分局"],
            "行政处罚事项",
        ),
        (
            "将区卫生健康委、区文化和旅游局等2个部门的30项行政处罚权下放至各街道办事处。",
            ["区卫生健康委", "区文化和旅游局"],
            "行政处罚权",
        ),
        # givers closed by 等部门 without a count: the power as written, as with a count
        (
            "将市林业局、市自然资源和规划局等部门的行政处罚权交由各镇人民政府行使。",
            ["市林业局", "市自然资源和规划局"],
            "行政处罚权",
        ),
    ],
)
def test_frames_counted_givers_each_give_and_a_count_is_no_matter(text, givers, matter):
    found = _transfers("某地决定\n" + text)
    assert sorted({r["source"] for r in found}) == sorted(givers), found
    assert {r["matter"] for r in found} == {matter}


def test_frames_fields_listed_before_dengfangmian_lose_the_closing_deng():
    text = "本办法所称综合执法，是指区综合执法局集中行使有关部门在园林绿化、燃气管理、环境卫生等方面的行政处罚权。"
    assert {r["matter"] for r in _transfers("某区办法\n" + text)} == {"园林绿化", "燃气管理", "环境卫生"}


@pytest.mark.parametrize(
    "text,givers,new,duties",
    [
        (
            "将市住房和城乡建设局、市水利局、市生态环境局的执法职责和执法队伍整合，组建市综合行政执法支队。",
            ["市住房和城乡建设局", "市水利局", "市生态环境局"],
            "市综合行政执法支队",
            True,
        ),
        ("整合区林业局、区水务局的执法队伍，组建区综合执法大队。", ["区林业局", "区水务局"], "区综合执法大队", False),
        (
            "将区交通运输局和区文化和旅游局的执法队伍合并组建区综合行政执法局。",
            ["区交通运输局", "区文化和旅游局"],
            "区综合行政执法局",
            False,
        ),
    ],
)
def test_frames_departments_whose_teams_merge_give_them_to_the_new_body(text, givers, new, duties):
    found = _transfers("某地方案\n" + text)
    teams = {(r["source"], r["target"]) for r in found if r["power"] == "编制" and r["matter"] == "执法队伍"}
    assert teams == {(g, new) for g in givers}, found
    assert {r["source"] for r in found if r["power"] == "执法职责"} == (set(givers) if duties else set())


@pytest.mark.parametrize(
    "text,matter",
    [
        (
            "根据《某某实施意见》，自2021年1月1日起，燃气管理领域瓶装燃气违规经营的行政处罚权由市城市管理局集中行使。",
            "瓶装燃气违规经营",
        ),
        ("按照省政府统一部署，餐饮服务业油烟污染的行政处罚权由县综合行政执法局行使。", "餐饮服务业油烟污染"),
        (
            "自2020年1月1日起，依据市政府决定，户外公共场所无照经营的行政处罚权，由区城市管理局集中行使。",
            "户外公共场所无照经营",
        ),
    ],
)
def test_frames_when_and_on_what_authority_open_a_passive_clause_and_name_no_matter(text, matter):
    found = _transfers("某地答复\n" + text)
    assert {r["matter"] for r in found} == {matter}, found


@pytest.mark.parametrize(
    "text,receivers",
    [
        # a move to bodies named together: each receives
        (
            "县级人民政府可以将违法堆放物料的行政处罚权交由乡镇人民政府、街道办事处行使。",
            {"乡镇人民政府", "街道办事处"},
        ),
        ("将区水务局河道采砂的行政处罚权划转至区城管局和区综合执法大队。", {"区城管局", "区综合执法大队"}),
        # a list lead-in whose subject is several bodies: every item is each one's
        (
            "镇人民政府、街道办事处行使下列行政处罚权：\n（一）对在公共场地违法堆放物料的处罚；",
            {"镇人民政府", "街道办事处"},
        ),
        # and one body stays one
        ("区综合行政执法局行使下列行政处罚权：\n（一）对在公共场地违法堆放物料的处罚；", {"区综合行政执法局"}),
    ],
)
def test_frames_bodies_named_together_as_receivers_each_receive(text, receivers):
    found = _transfers("某地办法\n" + text)
    assert {r["target"] for r in found} == receivers, found
    assert len(found) == len(receivers)


@pytest.mark.parametrize(
    "text,want,not_source",
    [
        # fields of a counted grant: each field is a record; the count names no matter
        (
            "区人民政府将卫生健康、文化旅游等领域的42项行政执法事项交由各街道办事处实施。",
            [{"matter": "卫生健康", "target_sector": "街道乡镇"}, {"matter": "文化旅游", "target_sector": "街道乡镇"}],
            None,
        ),
        # the body that issues the act or decides is not the giver
        (
            "县政府印发《通知》，将应急管理、林业等领域的17项执法事项下放至乡镇（街道）。",
            [{"matter": "应急管理", "target": "乡镇(街道)"}, {"matter": "林业", "target": "乡镇(街道)"}],
            "县政府",
        ),
        # a part of a power as written, to a collective of towns and streets
        ("将部分行政执法事项交由各镇（街道）实施。", [{"matter": "部分行政执法事项", "target": "镇(街道)"}], None),
        # a list under a decision: the lead-in moves nothing of its own, each item names the body that held it
        (
            "经研究，市人民政府决定，将下列县级行政处罚权下放至各镇人民政府：\n（一）市水利局负责的对在河道管理范围内采砂的行政处罚；"
            "\n（二）市农业农村局承担的对违规使用农药的行政处罚。",
            [
                {"matter": "在河道管理范围内采砂", "source": "市水利局", "target_sector": "街道乡镇"},
                {"matter": "违规使用农药", "source": "市农业农村局"},
            ],
            "市人民政府",
        ),
    ],
)
def test_frames_counted_fields_deciders_and_holders_of_listed_items(text, want, not_source):
    found = _transfers("某市通知\n" + text)
    for w in want:
        assert _has(found, w), f"missing {w}; found {[(r['matter'], r['target'], r['source']) for r in found]}"
    assert not any((r["matter"] or "").startswith(("下列", "42项", "17项")) for r in found)
    assert not_source is None or not any(r["source"] == not_source for r in found)


@pytest.mark.parametrize(
    "text,want",
    [
        # a unit written after its bureau gives as one body; the staff that follow the duty are no matter
        (
            "将县生态环境局环境执法大队承担的建筑施工噪声执法职责及相应编制划入县综合行政执法局。",
            [{"source": "县生态环境局环境执法大队", "matter": "建筑施工噪声", "source_sector": "环境保护"}],
        ),
        (
            "将区自然资源局国土监察中队承担的违法占地查处职责和相关人员编制划转至区城市管理局。",
            [{"source": "区自然资源局国土监察中队", "matter": "违法占地", "power": "行政处罚权"}],
        ),
        # a numbered item under a domain heading and its colon
        (
            "区综合执法局集中行使以下执法权：\n1.市政公用方面：擅自挖掘城市道路的行政处罚权；\n"
            "2.绿化管理方面： 损毁绿地的行政处罚权。",
            [{"matter": "擅自挖掘城市道路", "domain": "市政公用"}, {"matter": "损毁绿地"}],
        ),
    ],
)
def test_frames_units_of_bureaus_staff_that_follow_and_headed_items(text, want):
    _assert_exactly("某区方案\n" + text, want)


@pytest.mark.parametrize(
    "text,want,count",
    [
        # a power bundled with the first goes with each field the first was stated for
        (
            "本办法所称综合执法，是指县综合执法局集中行使有关部门在燃气管理、城市照明等方面的行政处罚权以及与之相关的行政强制权的活动。",
            [
                {"power": "行政处罚权", "matter": "燃气管理"},
                {"power": "行政处罚权", "matter": "城市照明"},
                {"power": "行政强制权", "matter": "燃气管理"},
                {"power": "行政强制权", "matter": "城市照明"},
            ],
            4,
        ),
        # departments named by kind give, and the field is the matter, in either verb
        (
            "区综合执法局依法集中行使有关行政主管部门在城市节约用水领域的行政处罚权。",
            [{"source": "有关行政主管部门", "domain": "城市节约用水", "target": "区综合执法局"}],
            1,
        ),
        (
            "镇人民政府行使相关部门在农村公路管理方面的行政处罚权。",
            [{"source": "相关部门", "matter": "农村公路管理", "target": "镇人民政府"}],
            1,
        ),
    ],
)
def test_frames_bundled_powers_per_field_and_givers_named_by_kind(text, want, count):
    found = _transfers("某县办法\n" + text)
    for w in want:
        assert _has(found, w), f"missing {w}; found {[(r['matter'], r['source'], r['power']) for r in found]}"
    assert len(found) == count


@pytest.mark.parametrize(
    "text,want",
    [
        (
            "第二十五条 违反本规定，擅自在公共场所散发小广告的，由街道办事处责令清除，并处五十元罚款。",
            [{"matter": "擅自在公共场所散发小广告", "target": "街道办事处", "power": "行政处罚权"}],
        ),
        (
            "第九条 对在城市桥梁上设置广告牌的，应当由县综合执法局依照《城市桥梁检测和养护维修管理办法》的规定处罚。",
            [{"matter": "在城市桥梁上设置广告牌", "target": "县综合执法局"}],
        ),
        (
            "违反本条例规定，有下列情形之一的，由区城市管理局没收违法所得：\n（一）占用盲道经营的；\n（二）在绿地内停放车辆的。",
            [
                {"matter": "占用盲道经营", "target": "区城市管理局"},
                {"matter": "在绿地内停放车辆", "target": "区城市管理局"},
            ],
        ),
    ],
)
def test_frames_penalty_articles_name_who_penalizes_an_act(text, want):
    _assert_exactly("某市条例\n" + text, want)


@pytest.mark.parametrize(
    "text",
    [
        "第四十条 县级人民政府有关部门未按照规定履行职责的，由县人民政府责令改正，通报批评。",
        "第四十一条 执法人员滥用职权的，由其所在单位依法给予处分。",
        "城市管理执法人员玩忽职守的，由市城市管理局责令改正。",
    ],
)
def test_frames_discipline_articles_penalize_no_act(text):
    assert _transfers("某市条例\n" + text) == []


@pytest.mark.parametrize(
    "title,owner",
    [
        ("东城区城市管理委员会权责清单", "东城区城市管理委员会"),
        ("某县市场监督管理局行政执法事项目录", "某县市场监督管理局"),
        ("关于公布权责清单的通知", None),  # no body owns it
        ("某区城市管理局综合行政执法事项清单", "某区城市管理局"),  # 综合 between the body and the catalogue
        ("某县乡镇综合行政执法事项目录", "乡镇"),  # the towns' catalogue: they carry out its entries
        ("某市街道(乡镇)行政执法事项清单", "街道(乡镇)"),
        ("某县城市管理局关于调整权责清单的通知", None),  # the body writes about a catalogue, it is no catalogue
    ],
)
def test_frames_a_catalogue_title_names_the_holder_of_its_entries(title, owner):
    from kg.frames import catalogue_owner
    from kg.recognize import find_agencies

    found = catalogue_owner(title, find_agencies(title, RULES))
    assert (found.text if found else None) == owner


@pytest.mark.parametrize(
    "text,want",
    [
        # two disposals in one sentence, joined by a comma
        (
            "将县市场监管局承担的占道经营行政处罚权划转至县城管局，将县水利局承担的河道采砂行政处罚权划转至县城管局。",
            [{"matter": "占道经营", "source": "县市场监管局"}, {"matter": "河道采砂", "source": "县水利局"}],
        ),
        # one verb over several domains' groups, each a clause of its own
        (
            "区综合执法局可以集中行使市政管理方面损坏路灯的行政处罚权，绿化管理方面毁坏树木的行政处罚权。",
            [{"matter": "损坏路灯", "domain": "市政管理"}, {"matter": "毁坏树木", "domain": "绿化管理"}],
        ),
        # a field's whole powers: the field is the matter
        (
            "县城市管理局集中行使城市供水领域法律、法规规定的全部行政处罚权。",
            [{"matter": "城市供水领域", "target": "县城市管理局"}],
        ),
    ],
)
def test_frames_disposals_joined_by_commas_groups_under_one_verb_and_whole_fields(text, want):
    _assert_exactly("某县方案\n" + text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # a bare 街道 or 乡镇 receives what is moved to it
        (
            "力争年底前将部分执法事项下放至街道。",
            [{"matter": "部分执法事项", "target": "街道", "target_sector": "街道乡镇"}],
        ),
        # one field and a count: the field is the matter
        ("将市场监管领域的15项执法事项赋予各乡镇行使。", [{"matter": "市场监管领域", "target": "乡镇"}]),
        # a grant made elsewhere, exercised here: no transfer of its own
        ("街道办事处可以依法行使市人民政府决定赋予的行政处罚权。", []),
    ],
)
def test_frames_bare_townships_single_fields_and_grants_made_elsewhere(text, want):
    _assert_exactly("某市办法\n" + text, want)


def test_frames_an_item_naming_its_own_holder_is_not_the_lead_ins():
    text = (
        "对市人大代表建议的答复\n我局高度重视，现答复如下：\n"
        "一、我县已将违规设置户外广告的行政处罚权统一由县综合执法局行使。\n二、加强宣传。"
    )
    found = _transfers(text)
    assert [(r["matter"], r["target"]) for r in found] == [("违规设置户外广告", "县综合执法局")]


@pytest.mark.parametrize(
    "text,want",
    [
        (
            "县城市管理局负责对擅自占用城市绿地行为的行政处罚。",
            [{"matter": "擅自占用城市绿地", "target": "县城市管理局"}],
        ),
        ("街道综合执法队依法对违规搭建棚架的行为进行查处。", [{"matter": "违规搭建棚架", "target": "街道综合执法队"}]),
        # "不再承担M…，改由R承担": what the giver stops holding, not the words that say so
        (
            "区水利局不再承担河道采砂的行政处罚职责，改由区综合执法局承担。",
            [{"matter": "河道采砂", "source": "区水利局", "target": "区综合执法局"}],
        ),
        # a bare 查处 is a noun here: no transfer
        ("区城管局在查处违法建设过程中需要技术鉴定的，应当移送有关部门。", []),
    ],
)
def test_frames_verbal_penalties_of_a_subject_and_what_a_giver_stops_holding(text, want):
    _assert_exactly("某区方案\n" + text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # "G行使的P" names whose the power was: G gives it, it does not hold it
        (
            "将县水利局行使的河道管理、水土保持方面法律、法规规定的行政处罚权，划归县综合执法局行使。",
            [
                {"matter": "河道管理", "source": "县水利局", "target": "县综合执法局"},
                {"matter": "水土保持", "source": "县水利局", "target": "县综合执法局"},
            ],
        ),
        # bodies named together restate as each
        (
            "清单所列事项由镇人民政府、街道办事处以自己的名义行使，县级有关部门不再行使。",
            [{"matter": None, "target": "镇人民政府"}, {"matter": None, "target": "街道办事处"}],
        ),
    ],
)
def test_frames_former_holders_that_give_and_restatements_of_bodies_named_together(text, want):
    _assert_exactly("某县决定\n" + text, want)


def test_frames_a_catalogue_with_no_kind_column_names_the_kind_in_its_entries():
    text = (
        "某县通知\n清单所列事项由镇人民政府以自己的名义行使，县级有关部门不再行使。\n某县人民政府办公室\n2024年5月6日\n"
        "序号\t原实施部门\t事项名称\n1\t县林业局\t对擅自砍伐林木的处罚\n2\t县水利局\t对河道采砂的审批"
    )
    found = _transfers(text)
    assert _has(found, {"matter": "擅自砍伐林木", "source": "县林业局", "target": "镇人民政府", "power": "行政处罚权"})
    assert _has(found, {"matter": "河道采砂", "source": "县水利局", "target": "镇人民政府", "power": "行政许可权"})
    assert not any(r["target"] in ("县林业局", "县水利局") for r in found)  # a row's first body is no subject


@pytest.mark.parametrize(
    "text,want",
    [
        # the receiver before the verb, after 向
        (
            "今年，我们将向乡镇下放县级许可事项12项。",
            [{"matter": "县级许可事项", "target": "乡镇", "power": "行政许可权"}],
        ),
        (
            "区政府向各街道办事处下放市容、绿化等方面的行政处罚权。",
            [{"matter": "市容", "target": "街道办事处"}, {"matter": "绿化", "target": "街道办事处"}],
        ),
        # fields of work listed are nouns, each its own matter
        (
            "将县住房和城乡建设局的城市供水、燃气、供热行业管理职责划入县城市管理局。",
            [{"matter": "城市供水"}, {"matter": "燃气"}, {"matter": "供热行业管理"}],
        ),
        # words that only look like moves
        ("各街道要承接好下放的执法事项，确保接得住。", []),
    ],
)
def test_frames_receivers_after_xiang_and_fields_listed_as_nouns(text, want):
    _assert_exactly("某区方案\n" + text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # fields counted before 方面: the count is no part of the last field
        (
            "现将城市照明、城市供水三个方面的行政处罚权，交由区综合执法局行使。",
            [{"matter": "城市照明"}, {"matter": "城市供水"}],
        ),
        # "对M的行为，由R依法处罚": the penalty verb alone after the receiver
        ("对擅自占用人行道的行为，由镇人民政府依法处罚。", [{"matter": "擅自占用人行道", "target": "镇人民政府"}]),
    ],
)
def test_frames_counted_fields_and_a_bare_penalty_verb_after_the_receiver(text, want):
    _assert_exactly("某区方案\n" + text, want)


def test_frames_a_scope_of_enforcement_with_no_body_named_is_the_enforcement_departments():
    text = (
        "在市容管理等领域推行综合执法。具体范围是：园林绿化领域法律法规规定的全部行政处罚权；"
        "水务管理方面向城市河道倾倒垃圾的行政处罚权。"
    )
    found = _transfers("某省实施意见\n" + text)
    assert sorted((r["matter"], r["target"], r["target_sector"]) for r in found) == [
        ("向城市河道倾倒垃圾", None, "城市管理"),
        ("园林绿化领域", None, "城市管理"),
    ]


@pytest.mark.parametrize(
    "text,want",
    [
        # a bare verb shares the object of a four-character act after it
        (
            "将县水利局负责的填埋、占用河道行政处罚职能移交县综合执法局。",
            [{"matter": "填埋、占用河道", "source": "县水利局"}],
        ),
        # one exercise over several fields: each field its own matter and domain
        (
            "区综合执法局依法统一行使市容环卫、卫生健康、文化旅游等领域的行政处罚权。",
            [
                {"matter": "市容环卫", "domain": "市容环卫"},
                {"matter": "卫生健康", "domain": "卫生健康"},
                {"matter": "文化旅游", "domain": "文化旅游"},
            ],
        ),
        # departments of a sector list give their power, as written, to the body after 由
        (
            "交通运输、自然资源等部门的行政处罚权相对集中由镇人民政府行使。",
            [
                {"matter": "行政处罚权", "source_sector": "交通运输", "target": "镇人民政府"},
                {"matter": "行政处罚权", "source_sector": "国土资源", "target": "镇人民政府"},
            ],
        ),
    ],
)
def test_frames_shared_objects_fields_of_one_exercise_and_listed_departments_giving(text, want):
    _assert_exactly("某县方案\n" + text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # powers of one field moved together: each with the field
        (
            "园林绿化领域的行政检查权、行政强制权，一并划转至县综合执法局。",
            [
                {"power": "行政检查权", "matter": "园林绿化领域"},
                {"power": "行政强制权", "matter": "园林绿化领域"},
            ],
        ),
        # a permit power named as a duty
        (
            "县住建局承担的燃气经营许可职责调整由县行政审批局承担。",
            [{"power": "行政许可权", "matter": "燃气经营", "source": "县住建局"}],
        ),
    ],
)
def test_frames_powers_of_one_field_moved_together_and_permits_named_as_duties(text, want):
    _assert_exactly("某县方案\n" + text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # the words that pick out which bodies of a kind receive stand between the verb and them
        (
            "县政府将县交通运输局、县水利局的45项行政处罚权下放至全县12个乡镇人民政府，由乡镇综合执法队统一行使。",
            [
                {"source": "县交通运输局", "target": "乡镇人民政府"},
                {"source": "县水利局", "target": "乡镇人民政府"},
            ],
        ),
        (
            "市政府将市卫生健康委员会的部分行政处罚权划转至所辖各区城市管理局。",
            [{"source": "市卫生健康委员会", "target": "区城市管理局", "target_sector": "城市管理"}],
        ),
        # three named street offices joined by 、 each receive what two bureaus give
        (
            "区政府决定将区文化和旅游局、区应急管理局的20项行政执法事项赋予西湖街道办事处、北山街道办事处、"
            "灵隐街道办事处行使。",
            [
                {"source": s, "target": t}
                for s in ("区文化和旅游局", "区应急管理局")
                for t in ("西湖街道办事处", "北山街道办事处", "灵隐街道办事处")
            ],
        ),
    ],
)
def test_frames_receivers_picked_out_by_determiners_and_named_townships(text, want):
    _assert_exactly("某地实施办法\n" + text, want)


def test_frames_a_list_of_two_receivers_and_its_back_referring_restatement():
    text = (
        "某州决定\n一、州综合行政执法局及各县综合行政执法局依法行使下列行政处罚权：\n"
        "（一）林业管理方面对擅自改变林地用途的行政处罚权；\n二、以上行政处罚权统一行使后，州林业和草原局不再行使。"
    )
    _assert_exactly(
        text,
        [
            {"matter": "擅自改变林地用途", "target": "州综合行政执法局"},
            {"matter": "擅自改变林地用途", "target": "县综合行政执法局"},
            {"matter": None, "source": "州林业和草原局", "target": "州综合行政执法局"},
            {"matter": None, "source": "州林业和草原局", "target": "县综合行政执法局"},
        ],
    )


@pytest.mark.parametrize(
    "text,want",
    [
        # two bureaus each move their own team whole; a merged bureau named after two portfolios
        (
            "将县住房和城乡建设局的城建监察大队、县水务和湖泊局的河道监察中队整建制划入县综合执法局。",
            [
                {"power": "编制", "matter": "城建监察大队", "source": "县住房和城乡建设局"},
                {"power": "编制", "matter": "河道监察中队", "source": "县水务和湖泊局", "source_sector": "水务"},
            ],
        ),
        # a share and a level of the power granted toward the receiver
        (
            "市政府关于向乡镇赋予全部市级行政许可权的通知",
            [{"matter": "市级行政许可权", "scope": "全部", "target": "乡镇"}],
        ),
    ],
)
def test_frames_teams_of_several_bureaus_and_levels_of_a_granted_power(text, want):
    _assert_exactly("某地实施办法\n" + text, want)


def test_frames_an_attachment_heading_lists_the_grant_and_remarks_name_former_holders():
    text = (
        "某县通知\n决定将县市场监督管理局的15项行政执法事项赋予凤凰镇人民政府行使。\n"
        "附件2：凤凰镇承接县级行政执法事项目录\n"
        "1.对无照经营的查处（原实施部门：县市场监督管理局）\n"
        "2.对擅自设置户外广告的处罚（原由县城市管理局行使）\n"
        "3.对占道经营的处罚"
    )
    found = [r for r in _transfers(text) if r["rule"] == "transfer.list_item.v1"]
    assert [(r["matter"], r["source"], r["target"]) for r in found] == [
        ("无照经营", "县市场监督管理局", "凤凰镇人民政府"),
        ("擅自设置户外广告", "县城市管理局", "凤凰镇人民政府"),
        ("占道经营", None, "凤凰镇人民政府"),
    ]


def test_frames_a_restatement_whose_giver_follows_a_relative_clause():
    _assert_exactly(
        "某市办法\n第九条 县综合执法局集中行使的行政处罚权，原由有关行政部门行使的，有关行政部门不得再行使。",
        [{"matter": None, "source": "有关行政部门", "target": "县综合执法局"}],
    )


def test_frames_split_acts_keeps_a_list_of_places_before_one_act():
    assert split_acts("在主干道两侧建筑物屋顶上、阳台外晾晒或者堆放物品", RULES.frames.scope_sectors) == [
        "在主干道两侧建筑物屋顶上、阳台外晾晒或者堆放物品"
    ]


@pytest.mark.parametrize(
    "text,want",
    [
        # a body entrusting fields' powers is no verbless item of a list, whatever sentence follows
        (
            "二、主要内容\n（一）下放事项。县城市管理局将市政公用、园林绿化等领域的部分行政处罚权，委托各乡人民政府行使。"
            "各乡以县城市管理局名义实施处罚。",
            [
                {"matter": "市政公用", "source": "县城市管理局", "target": "乡人民政府"},
                {"matter": "园林绿化", "source": "县城市管理局", "target": "乡人民政府"},
            ],
        ),
        # a team that is the subject of its clause moves whole
        (
            "此外，原县市政监察大队整建制划归县综合行政执法局管理。",
            [{"power": "编制", "matter": "县市政监察大队", "source": None, "target": "县综合行政执法局"}],
        ),
    ],
)
def test_frames_an_entrusting_subject_and_a_team_as_subject(text, want):
    _assert_exactly("某县方案\n" + text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # the catalogue named by a cited title, its items given by bodies after 由 to bodies after the verb
        (
            "一、将《某县赋予镇行政执法事项目录》所列的30项行政执法事项，由县市场监督管理局、县农业农村局等部门"
            "划转至各镇人民政府。",
            [
                {"matter": "行政执法事项", "source": "县市场监督管理局", "target": "镇人民政府"},
                {"matter": "行政执法事项", "source": "县农业农村局", "target": "镇人民政府"},
            ],
        ),
        # a field's share of powers with those related named bare before the last 权
        (
            "第二条 本办法所称综合执法，是指综合执法部门集中行使园林绿化、燃气管理等方面的部分行政处罚权，"
            "以及与之相关的行政检查、行政强制措施权的行为。",
            [
                {"matter": m, "power": p, "target": "综合执法部门"}
                for p in ("行政处罚权", "行政检查权", "行政强制权")
                for m in ("园林绿化", "燃气管理")
            ],
        ),
        # 有关 opens the matters of a domain, the share closes them
        (
            "第八条 区城市管理局行使下列行政处罚权：\n（一）住房城乡建设方面有关城市照明、城市道路管理的全部行政处罚权。",
            [
                {"matter": "城市照明", "scope": "全部", "target": "区城市管理局"},
                {"matter": "城市道路管理", "scope": "全部", "target": "区城市管理局"},
            ],
        ),
        # a list of acts penalized by the body after 由; a list of officials' faults penalizes nothing
        (
            "第三十条 有下列行为之一的，由镇综合行政执法队责令改正，处一百元罚款：\n（一）乱倒垃圾的；\n"
            "第三十一条 执法人员有下列行为之一的，由所在单位依法给予处分：\n（一）滥用职权的；",
            [{"matter": "乱倒垃圾", "target": "镇综合行政执法队"}],
        ),
    ],
)
def test_frames_cited_catalogues_bare_bundled_powers_shares_and_penalty_lists(text, want):
    _assert_exactly("某地实施办法\n" + text, want)


def test_frames_a_remark_under_a_catalogue_entry_names_its_former_holder():
    text = (
        "某区综合行政执法局权责清单\n一、行政处罚\n1.对擅自挖掘城市道路的处罚\n实施依据：《城市道路管理条例》\n"
        "备注：原由区交通运输局实施\n2.对乱贴广告的处罚\n实施依据：《某市市容条例》"
    )
    found = [(r["matter"], r["source"]) for r in _transfers(text)]
    assert found == [("擅自挖掘城市道路", "区交通运输局"), ("乱贴广告", None)]


@pytest.mark.parametrize(
    "text,want",
    [
        # a bundle of powers moved by the passive frame: each power over each matter
        (
            "将县文化体育和旅游局承担的文物市场、出版市场的行政处罚权，以及与之相关的行政检查、行政强制权，"
            "统一由县文化市场综合执法大队行使。",
            [
                {"matter": m, "power": p, "source": "县文化体育和旅游局"}
                for p in ("行政处罚权", "行政检查权", "行政强制权")
                for m in ("文物市场", "出版市场")
            ],
        ),
        # toward several townships picked out by a count, the bureaus after the verb own what moves
        (
            "今年共向全市9个街道下放市城市管理局、市生态环境局等部门的行政执法事项共计40项。",
            [
                {"matter": "行政执法事项", "source": "市城市管理局", "target": "街道"},
                {"matter": "行政执法事项", "source": "市生态环境局", "target": "街道"},
            ],
        ),
    ],
)
def test_frames_bundles_in_passive_moves_and_grants_toward_counted_townships(text, want):
    _assert_exactly("某地实施办法\n" + text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # the powers an act gives one body move to another where a condition holds: no matter named
        (
            "第二十条 实行相对集中行政处罚权的区域，本条例规定由城市供水主管部门行使的行政处罚权，由综合行政执法部门行使。",
            [{"matter": None, "source": "城市供水主管部门", "target": "综合行政执法部门", "power": "行政处罚权"}],
        ),
        # a penalty article naming a department by its portfolio
        (
            "第十五条 擅自移植古树名木的，由城市绿化主管部门责令改正，处一万元罚款。",
            [{"matter": "擅自移植古树名木", "target": "城市绿化主管部门", "target_sector": "城市管理"}],
        ),
        # a catalogue table whose giver column is the business department it came from
        (
            "某县综合行政执法局行政处罚事项目录\n职权编码\t事项名称\t行使主体\t原业务主管部门\n"
            "001\t对擅自占用城市绿地的行政处罚\t县综合行政执法局\t县住房和城乡建设局",
            [{"matter": "擅自占用城市绿地", "source": "县住房和城乡建设局", "target": "县综合行政执法局"}],
        ),
    ],
)
def test_frames_powers_an_act_gives_portfolio_departments_and_business_giver_columns(text, want):
    _assert_exactly("某地实施办法\n" + text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # powers handed back from the enforcement bureau; the bureau's own (集中行使的) is no matter
        (
            "一、将区综合行政执法局集中行使的建筑垃圾处置的行政处罚权，交回区住房和城乡建设局行使。",
            [{"matter": "建筑垃圾处置", "source": "区综合行政执法局", "target": "区住房和城乡建设局"}],
        ),
        # a giver that stops holding a duty, and the body now responsible for it
        (
            "二、区交通运输局不再承担非法营运的查处职责，统一由区综合行政执法局负责。",
            [{"matter": "非法营运", "source": "区交通运输局", "target": "区综合行政执法局", "power": "行政处罚权"}],
        ),
        # the body set up is the subject of the clause after it
        (
            "三、各试点镇组建综合执法队，集中行使城乡规划、林业等领域的全部或部分行政处罚权。",
            [{"matter": "城乡规划", "target": "综合执法队"}, {"matter": "林业", "target": "综合执法队"}],
        ),
    ],
)
def test_frames_powers_handed_back_duties_stopped_and_bodies_set_up_that_exercise(text, want):
    _assert_exactly("某地实施办法\n" + text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # a duties list led by the body that opens the lead-in, not the bodies its clauses name
        (
            "第三条 县综合行政执法局贯彻落实省委关于综合执法的部署，主要职责是：\n"
            "（一）负责园林绿化方面法律、法规、规章规定的行政处罚权的集中行使。\n"
            "（二）行使林业、水利等部门划转的行政处罚权及相关的行政检查、行政强制权。",
            [
                {"matter": "园林绿化", "target": "县综合行政执法局"},
                {"power": "行政处罚权", "source": "林业、水利等部门", "target": "县综合行政执法局"},
                {"power": "行政检查权", "source": "林业、水利等部门", "target": "县综合行政执法局"},
                {"power": "行政强制权", "source": "林业、水利等部门", "target": "县综合行政执法局"},
            ],
        ),
        # permits of several departments, counted, moved to an approval bureau
        (
            "将市商务局、市卫生健康委员会等8个部门承担的45项行政许可事项划转至市行政审批服务局。",
            [
                {"power": "行政许可权", "matter": "行政许可事项", "source": s, "target": "市行政审批服务局"}
                for s in ("市商务局", "市卫生健康委员会")
            ],
        ),
    ],
)
def test_frames_duties_lists_of_their_opening_body_and_permits_moved(text, want):
    _assert_exactly("某地实施办法\n" + text, want)


def test_frames_a_grant_after_a_quoted_principle_and_its_items_listed_inline():
    text = (
        "某县方案\n按照“权责一致、能放尽放”原则，将县住房和城乡建设局的部分行政执法权限，依法赋予各乡（镇）。"
        "首批下放的事项包括：违法建设、破坏绿地等。"
    )
    found = [(r["matter"], r["source"], r["target"]) for r in _transfers(text)]
    assert found == [
        ("部分行政执法权", "县住房和城乡建设局", "乡(镇)"),
        ("违法建设", None, "乡(镇)"),
        ("破坏绿地", None, "乡(镇)"),
    ]


@pytest.mark.parametrize(
    "text,want",
    [
        # how the move is made stands between the object and 由: 明确, 调整为
        (
            "区市场监督管理局承担的户外广告监督检查职责，明确由区综合行政执法局承担。",
            [{"power": "行政检查权", "matter": "户外广告", "source": "区市场监督管理局", "target": "区综合行政执法局"}],
        ),
        (
            "县城乡建设局的燃气经营处罚职责，调整为由县综合执法局承担。",
            [{"power": "行政处罚权", "matter": "燃气经营", "source": "县城乡建设局", "target": "县综合执法局"}],
        ),
    ],
)
def test_frames_how_a_move_is_made_before_its_receiver(text, want):
    _assert_exactly("某地实施办法\n" + text, want)


@pytest.mark.parametrize(
    "matter,sector",
    [
        # building as an industry is 住建's; structures, posters and piles in the street are 市容's
        ("建筑市场违法发包", "住房城乡建设"),
        ("建筑施工企业未取得安全生产许可证", "住房城乡建设"),
        ("临时性建筑物搭建", "城市管理"),
        ("在临街建筑物外墙张贴宣传品", "城市管理"),
        ("占道施工", "城市管理"),
        ("运输单位未按规定处置建筑垃圾", "城市管理"),
        ("夜间建筑施工噪声扰民", "环境保护"),
        ("违法建设", None),  # planning, city management or land: the text must say
    ],
)
def test_frames_scope_of_a_matter_without_a_field(matter, sector):
    from kg.frames import scope_sector

    assert scope_sector(matter, RULES.frames) == sector


def test_frames_a_place_after_the_acts_manner_is_shared_by_the_places_listed():
    fields = RULES.frames.scope_sectors
    assert split_acts("擅自在树木、地面、电杆、建筑物上涂写、刻画", fields) == [
        "擅自在树木、地面、电杆、建筑物上涂写、刻画"
    ]
    assert split_acts("违法在桥梁、护栏上悬挂物品、随意倾倒垃圾", fields) == [
        "违法在桥梁、护栏上悬挂物品",
        "随意倾倒垃圾",
    ]


@pytest.mark.parametrize(
    "text,want",
    [
        (
            "某区通知\n区政府决定将第二批18项区级行政执法权限赋予各街道办事处行使。",
            [{"power": "行政执法权", "matter": "区级行政执法权限", "target": "街道办事处"}],
        ),
        (
            "某县通知\n赋予乡镇以下行政执法事项：\n（一）对擅自砍伐林木的处罚（县林业局）；\n（二）对违法占用耕地建房的处罚（县自然资源局）。",
            [
                {"matter": "擅自砍伐林木", "source": "县林业局", "target": "乡镇"},
                {"matter": "违法占用耕地建房", "source": "县自然资源局", "target": "乡镇"},
            ],
        ),
    ],
)
def test_frames_grants_counted_and_items_closed_by_their_former_holder(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # a short adverbial clause before the subject of a verbal power
        (
            "某市方案\n划转后，由区城管执法大队对违法占道经营行为实施处罚。",
            [{"power": "行政处罚权", "matter": "违法占道经营", "target": "区城管执法大队"}],
        ),
        (
            "某县方案\n自2022年3月1日起，县综合执法局对擅自设置户外广告的行为进行查处。",
            [{"power": "行政处罚权", "matter": "擅自设置户外广告", "target": "县综合执法局"}],
        ),
        # the body that held the power, named in the object of 行使
        (
            "某县方案\n县城市管理局负责行使原由县水务局行使的城市排水管理方面的行政处罚权。",
            [{"matter": "城市排水管理", "source": "县水务局", "target": "县城市管理局"}],
        ),
        (
            "某区方案\n区综合执法局行使区市场监管局原行使的户外公共场所无照经营的行政处罚权。",
            [{"matter": "户外公共场所无照经营", "source": "区市场监管局", "target": "区综合执法局"}],
        ),
        # "等行为" closes a list of acts; a field of culture is 文化广电's
        (
            "某区方案\n对乱搭乱建、乱贴乱画等行为的查处职责调整至街道综合执法队。",
            [{"matter": "乱搭乱建"}, {"matter": "乱贴乱画"}],
        ),
        (
            "某县方案\n将文化市场、交通运输等领域的行政处罚权整合到县综合行政执法局。",
            [{"matter": "文化市场", "source_sector": "文化广电"}, {"matter": "交通运输", "source_sector": "交通运输"}],
        ),
    ],
)
def test_frames_subjects_after_an_adverbial_and_holders_in_the_object(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # a duty named as an enforcement function: the field is its matter
        (
            "某市方案\n市城管局环境保护管理方面的执法职能划归市生态环境局。",
            [{"power": "执法职责", "matter": "环境保护管理", "source": "市城管局", "target": "市生态环境局"}],
        ),
        # the districts or counties, bare, receive as their governments
        (
            "某市方案\n将市城管局的部分执法事项下放至各县（市、区）。",
            [{"source": "市城管局", "target": "各县(市、区)", "target_sector": "人民政府"}],
        ),
        (
            "某市方案\n将市住建局的部分行政处罚权下放至各区。",
            [{"source": "市住建局", "target": "各区", "target_sector": "人民政府"}],
        ),
    ],
)
def test_frames_enforcement_functions_and_bare_districts_receiving(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # "…划归R1，其余P下放至R2": the rest of the same giver's powers, the catch-all as written
        (
            "某州方案\n州城管局的户外广告审批职责划归州住建局，其他执法职能交由各县（市）行使。",
            [
                {"source": "州城管局", "matter": "户外广告", "target": "州住建局"},
                {"source": "州城管局", "matter": "其他执法职能", "target": "各县(市)", "target_sector": "人民政府"},
            ],
        ),
        (
            "某区方案\n将区环保局的噪声处罚权划入区城管局，其它行政处罚权移交至各街道办事处。",
            [
                {"source": "区环保局", "matter": "噪声", "target": "区城管局"},
                {"source": "区环保局", "matter": "其它行政处罚权", "target": "街道办事处"},
            ],
        ),
        (
            "某市方案\n市林业局的部分职能划入市自然资源局，其余职能划入市农业农村局。",
            [
                {"source": "市林业局", "matter": "部分职能", "target": "市自然资源局"},
                {"source": "市林业局", "matter": "其余职能", "target": "市农业农村局"},
            ],
        ),
    ],
)
def test_frames_the_rest_of_a_givers_powers_moved_elsewhere(text, want):
    _assert_exactly(text, want)


def test_frames_a_clause_of_its_own_opened_by_其_is_no_rest():
    # "撤销X，将其承担的…": 其 points back to the body named before (not "其他", the rest)
    _assert_exactly(
        "某县方案\n撤销县城管局，将其承担的执法职责划入县综合执法局。",
        [{"source": "县城管局", "target": "县综合执法局"}],
    )


@pytest.mark.parametrize(
    "text,want",
    [
        # the body that sets up the subject modifies it; fields listed inline each get their record
        (
            "某市条例\n市、区人民政府确定的综合执法部门，在下列领域集中行使行政处罚权：交通运输领域、文化市场领域。",
            [
                {"matter": "交通运输", "domain": "交通运输", "target": "综合执法部门"},
                {"matter": "文化市场", "domain": "文化市场", "target": "综合执法部门"},
            ],
        ),
        (
            "某县规定\n县人民政府确定的综合行政执法部门行使下列行政处罚权：\n（一）市容环境卫生管理方面的全部行政处罚权；\n（二）园林绿化管理方面的全部行政处罚权。",
            [
                {"matter": "市容环境卫生管理", "target": "综合行政执法部门"},
                {"matter": "园林绿化管理", "target": "综合行政执法部门"},
            ],
        ),
        # a definition's penalty power "以及相应的" coercive power: the coercive power over the same fields
        (
            "某市条例\n本条例所称综合执法，是指综合执法部门依法集中行使市政公用、园林绿化等方面的行政处罚权以及相应的行政强制措施权的行为。",
            [
                {"power": "行政强制权", "matter": "市政公用", "target": "综合执法部门"},
                {"power": "行政强制权", "matter": "园林绿化", "target": "综合执法部门"},
            ],
        ),
    ],
)
def test_frames_regulation_lead_ins_fields_and_bundled_powers(text, want):
    _assert_found(text, want)
    assert all(t["target"] != "市、区人民政府" for t in _transfers(text))


@pytest.mark.parametrize(
    "text,want",
    [
        (
            "某区条例\n街道办事处可以行使与居民日常生活密切相关、基层迫切需要的行政处罚权。",
            {
                "power": "行政处罚权",
                "matter": "与居民日常生活密切相关、基层迫切需要的行政处罚权",
                "target": "街道办事处",
            },
        ),
        (
            "某县方案\n将县农业农村局点多面广、乡镇能够有效承接的行政处罚权下放至各乡人民政府。",
            {"matter": "点多面广、乡镇能够有效承接的行政处罚权", "source": "县农业农村局", "target": "乡人民政府"},
        ),
        (
            "某市决定\n市人民政府将群众反映强烈、直接面向基层的执法事项交由各镇人民政府实施。",
            {"matter": "群众反映强烈、直接面向基层的执法事项", "target": "镇人民政府"},
        ),
    ],
)
def test_frames_a_description_of_which_powers_is_one_matter(text, want):
    # the words of a description (frames.yaml descriptions) keep it whole: no matter per comma
    _assert_exactly(text, [want])


@pytest.mark.parametrize(
    "text,want",
    [
        (
            "某市三定规定\n市城市管理局主要职责是：\n（一）负责全市城市管理执法工作，集中行使市容环境卫生、园林绿化等方面法律法规规章规定的行政处罚权。",
            [
                {"matter": "市容环境卫生", "target": "市城市管理局"},
                {"matter": "园林绿化", "target": "市城市管理局"},
            ],
        ),
        (
            "某区城市管理局职责规定\n区城市管理局的主要职责是：\n（二）组织城市管理执法，依法统一行使燃气管理方面违法倾倒燃气残液的行政处罚权。",
            [{"matter": "违法倾倒燃气残液", "domain": "燃气管理", "target": "区城市管理局"}],
        ),
    ],
)
def test_frames_an_item_of_duties_moves_the_object_of_its_exercise_clause_only(text, want):
    # "负责X工作，集中行使M的P": the duty before the comma is no matter of the power
    found = _transfers(text)
    assert sorted(r["matter"] for r in found) == sorted(w["matter"] for w in want), found
    for w in want:
        if w.get("target"):
            assert _has(found, w)


@pytest.mark.parametrize(
    "text,want",
    [
        # into a named body's enforcement scope: each field a record
        (
            "某县方案\n将交通运输、文化市场等领域的行政处罚事项纳入县综合行政执法局的执法范围。",
            [
                {"matter": "交通运输", "target": "县综合行政执法局", "power": "行政处罚权"},
                {"matter": "文化市场", "target": "县综合行政执法局", "power": "行政处罚权"},
            ],
        ),
        # into comprehensive enforcement with no body written: no target, only its kind's sector
        (
            "某州条例\n州人民政府可以将水利、林业等领域的部分执法事项纳入综合执法范围。",
            [
                {"matter": "水利", "target": None, "target_sector": "城市管理"},
                {"matter": "林业", "target": None, "target_sector": "城市管理"},
            ],
        ),
        # the object in the clause before the verb
        (
            "某市意见\n乡镇市场监管领域的行政检查事项，逐步纳入综合行政执法范围。",
            [{"matter": "乡镇市场监管领域", "power": "行政检查权", "target": None}],
        ),
        # 纳入 a budget or an assessment moves no power
        ("某市意见\n将城市管理执法经费纳入市财政预算，将执法工作纳入市政府绩效考核。", []),
        ("某县方案\n将县城管局的执法人员纳入县委组织部统一管理。", []),
    ],
)
def test_frames_powers_included_in_a_bodys_enforcement_scope(text, want):
    _assert_exactly(text, want)


def test_frames_a_list_of_criteria_under_an_inclusion_lead_in_moves_nothing():
    # "（一）与群众生活密切相关的": which items qualify, not items (frames.yaml descriptions)
    text = (
        "某省条例\n第九条 下列行政执法事项，可以纳入综合行政执法范围：\n"
        "（一）与群众生产生活密切相关、基层迫切需要的；\n（二）多头执法问题突出的。"
    )
    _assert_exactly(text, [])


def test_frames_an_inclusion_lead_in_gives_its_items_to_the_unnamed_comprehensive_body():
    text = (
        "某省条例\n第八条 下列行政执法事项可以纳入综合行政执法范围：\n"
        "（一）住房城乡建设领域的行政处罚事项；\n（二）自然资源领域违法占用土地的行政处罚事项。"
    )
    found = _transfers(text)
    assert sorted(r["matter"] for r in found) == ["住房城乡建设领域", "违法占用土地"], found
    assert {(r["target"], r["target_sector"]) for r in found} == {(None, "城市管理")}


def test_frames_groups_of_one_passive_verb_each_with_its_giver():
    # "G1的P1，G2在D2方面的P2，G3在D3方面的P3，由R集中行使": each group its giver and matter
    _assert_exactly(
        "某县方案\n县住建局的全部行政处罚权，县林业局在古树名木保护方面的行政处罚权，"
        "县水利局在河道采砂方面的行政处罚权，以及与之相关的行政检查权，由县综合执法局集中行使。",
        [
            {"source": "县住建局", "matter": "全部行政处罚权", "target": "县综合执法局"},
            {"source": "县林业局", "matter": "古树名木保护", "target": "县综合执法局"},
            {"source": "县水利局", "matter": "河道采砂", "target": "县综合执法局", "power": "行政处罚权"},
            {"source": "县水利局", "matter": "河道采砂", "target": "县综合执法局", "power": "行政检查权"},
        ],
    )


@pytest.mark.parametrize(
    "text",
    [
        # powers that stay with the body that has them
        "某区方案\n区交通运输局承担的道路运输违法行为的行政处罚职能，继续由区交通运输局行使。",
        "某市方案\n城市道路超限运输的行政处罚权，仍由市公安局行使。",
        # when, not what: the powers concentrated before what the sentence says
        "某区方案\n区综合行政执法局集中行使行政处罚权后，原主管部门仍负责相关行政许可和日常监管工作。",
    ],
)
def test_frames_powers_that_stay_and_a_clause_of_time_move_nothing(text):
    _assert_exactly(text, [])


def test_frames_departments_as_subjects_of_a_grant_give_to_the_bodies_granted_to():
    text = (
        "某县通知\n县人民政府决定向全县9个乡镇下放第二批县级行政执法权20项。"
        "县市场监管局下放无照经营查处等5项行政处罚权；县水利局下放河道采砂等3项行政处罚权。"
    )
    _assert_exactly(
        text,
        [
            {"matter": "县级行政执法权", "source": None, "target": "乡镇"},
            {"matter": "无照经营", "source": "县市场监管局", "target": "乡镇", "power": "行政处罚权"},
            {"matter": "河道采砂", "source": "县水利局", "target": "乡镇", "power": "行政处罚权"},
        ],
    )


def test_frames_a_grant_made_elsewhere_is_no_giving_subject():
    # "承接G赋予的M": whose grant it was, a modifier; nothing moves here
    text = "某县条例\n县政府向各乡镇赋予部分行政处罚权。乡镇人民政府可以承接县级人民政府赋予的行政执法事项。"
    found = _transfers(text)
    assert all(r["source"] != "县级人民政府" for r in found), found


def test_frames_a_grant_of_the_departments_own_powers_to_a_zone_names_each_giver():
    text = "某市决定\n市人民政府决定，将市交通运输局、市水利局等部门的30项市级行政管理权限赋予某某高新区管理委员会。"
    found = _transfers(text)
    assert sorted((r["source"], r["matter"]) for r in found) == [
        ("市交通运输局", "市级行政管理权限"),
        ("市水利局", "市级行政管理权限"),
    ], found


@pytest.mark.parametrize(
    "lines,want",
    [
        # the former holder's line after the holder's
        (
            [
                "事项名称：对擅自占用城市绿地的处罚",
                "职权类型：行政处罚",
                "实施主体：街道办事处",
                "原实施部门：区住房和城乡建设局",
            ],
            {"matter": "擅自占用城市绿地", "source": "区住房和城乡建设局", "target": "街道办事处"},
        ),
        # before it
        (
            ["事项名称：对违法捕捞的处罚", "原实施部门：县农业农村局", "职权类型：行政处罚", "实施主体：镇人民政府"],
            {"matter": "违法捕捞", "source": "县农业农村局", "target": "镇人民政府"},
        ),
    ],
)
def test_frames_a_labelled_entry_names_its_former_holder(lines, want):
    _assert_exactly("某县行政执法事项清单\n" + "\n".join(lines), [want])


def test_frames_a_labelled_entry_of_a_bodys_catalogue_waits_for_its_former_holder():
    # no holder line: the catalogue's own body holds it, once the former holder's line is read
    text = (
        "某县城市管理局权责清单\n事项名称：对擅自占用城市绿地的处罚\n职权类型：行政处罚\n原实施部门：县住房和城乡建设局"
    )
    _assert_exactly(text, [{"matter": "擅自占用城市绿地", "source": "县住房和城乡建设局", "target": "某县城市管理局"}])


@pytest.mark.parametrize(
    "text,matters",
    [
        # 管理 glued to the field belongs to the matter; "的管理职责" is the duty whole
        (
            "某州方案\n将州住建局承担的园林绿化管理、路灯养护管理职责，调整为由州城市管理局承担。",
            ["园林绿化管理", "路灯养护管理"],
        ),
        ("某县方案\n县水利局承担的城市河道管理职责，统一由县综合执法局承担。", ["城市河道管理"]),
    ],
)
def test_frames_management_glued_to_its_field_is_the_matters(text, matters):
    assert sorted(r["matter"] for r in _transfers(text)) == sorted(matters)


@pytest.mark.parametrize(
    "title,receiver",
    [
        ("某区赋予街道办事处行政执法事项目录", "街道办事处"),
        ("某县下放至乡镇人民政府的行政处罚事项清单", "乡镇人民政府"),
    ],
)
def test_frames_a_catalogue_titled_as_a_grant_reads_its_department_column_as_the_giver(title, receiver):
    text = f"{title}\n序号\t部门\t事项名称\t事项类型\n1\t区市场监管局\t对无照经营的处罚\t行政处罚\n"
    _assert_exactly(text, [{"matter": "无照经营", "source": "区市场监管局", "target": receiver}])


def test_frames_a_catalogue_of_a_bodys_own_powers_keeps_its_body_column_as_the_holder():
    # no grant in the title: the body of a row holds the power (a 权责清单 of several departments)
    text = "某县权责清单\n序号\t部门\t事项名称\t事项类型\n1\t县市场监管局\t对无照经营的处罚\t行政处罚\n"
    _assert_exactly(text, [{"matter": "无照经营", "source": None, "target": "县市场监管局"}])


@pytest.mark.parametrize(
    "text,want",
    [
        # an act's powers held by a named authority, moved where the concentration applies
        (
            "某市条例\n第三十三条 本条例规定的由园林绿化行政主管部门实施的行政处罚，在实行相对集中行政处罚权的区域，"
            "由城市管理综合执法部门实施。",
            [
                {
                    "power": "行政处罚权",
                    "matter": None,
                    "source": "园林绿化行政主管部门",
                    "target": "城市管理综合执法部门",
                }
            ],
        ),
        (
            "某县办法\n本办法规定由水行政主管部门行使的行政处罚权，在县城规划区范围内，由县综合行政执法局行使。",
            [{"power": "行政处罚权", "matter": None, "source": "水行政主管部门", "target": "县综合行政执法局"}],
        ),
        # the act's own penalties with no holder named point to its articles: no transfer of their own
        ("某市条例\n第五十条 本条例规定的行政处罚，由城市管理综合执法部门实施。", []),
    ],
)
def test_frames_an_acts_powers_held_by_an_authority_and_moved_where_concentration_applies(text, want):
    _assert_exactly(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # a body charged with investigating acts: each act a matter, the list's 等 closed
        (
            "某市方案\n由区城管执法局负责查处占道经营、乱搭乱建等违法行为。",
            [{"matter": "占道经营", "target": "区城管执法局"}, {"matter": "乱搭乱建", "target": "区城管执法局"}],
        ),
        # the body that takes over what was formerly another's (承接原由G承担的P)
        (
            "某县方案\n县综合执法局承接原由县住建局承担的燃气经营监管职责。",
            [{"matter": "燃气经营", "source": "县住建局", "target": "县综合执法局"}],
        ),
        # a duty of supervision moves its field's
        (
            "某区方案\n区市场监管局的食品摊贩监管职责移交给各街道办事处。",
            [{"matter": "食品摊贩", "source": "区市场监管局", "target": "街道办事处"}],
        ),
        # a count closing the object names no matter
        (
            "某市方案\n将城市道路挖掘许可等3项行政许可事项划转至市行政审批局。",
            [{"matter": "城市道路挖掘", "power": "行政许可权", "target": "市行政审批局"}],
        ),
    ],
)
def test_frames_charged_bodies_former_holders_glued_duties_and_counts(text, want):
    _assert_exactly(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        (
            "某市决定\n镇人民政府可以行使区农业农村局的部分行政执法权。",
            [{"matter": "部分行政执法权", "source": "区农业农村局", "target": "镇人民政府"}],
        ),
        (
            "某省条例\n街道办事处和乡人民政府依法行使市、县人民政府有关部门的部分行政执法事项。",
            [
                {"matter": "部分行政执法事项", "source": "市、县人民政府有关部门", "target": "街道办事处"},
                {"matter": "部分行政执法事项", "source": "市、县人民政府有关部门", "target": "乡人民政府"},
            ],
        ),
        # a modifier of whose powers they were is no holder: "行使…赋予的行政执法权" stays elsewhere's
        ("某县条例\n乡镇人民政府行使县人民政府赋予的行政执法权。", []),
    ],
)
def test_frames_a_holders_enforcement_powers_exercised_by_each_body_of_the_subject(text, want):
    _assert_exactly(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        (  # each giver's group after 以及 is taken over too; "等12项" counts, names no matter
            "自2025年3月1日起，平江县综合行政执法大队正式承接县交通运输局移交的超限运输、擅自占用公路等12项行政处罚事项，"
            "以及县文化广电和旅游局移交的无证经营网吧等4项行政处罚事项。",
            [
                {"matter": "超限运输", "source": "县交通运输局", "target": "平江县综合行政执法大队"},
                {"matter": "擅自占用公路", "source": "县交通运输局", "target": "平江县综合行政执法大队"},
                {"matter": "无证经营网吧", "source": "县文化广电和旅游局", "target": "平江县综合行政执法大队"},
            ],
        ),
        (
            "区城管执法局已承接区卫生健康局划转的公共场所控烟行政处罚事项和区商务局划转的成品油零售违法经营行政处罚事项。",
            [
                {"matter": "公共场所控烟", "source": "区卫生健康局", "target": "区城管执法局"},
                {"matter": "成品油零售违法经营", "source": "区商务局", "target": "区城管执法局"},
            ],
        ),
    ],
)
def test_frames_an_assume_clause_takes_over_each_givers_group(text, want):
    _assert_exactly(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        (  # a verb before the first body makes it an object: the receiver is the body named before 集中行使
            "整合区环保、水务、农业等部门的执法力量，组建区综合执法局，以区综合执法局名义集中行使下列行政处罚权：\n"
            "1.区水务局承担的河道管理、城市排水方面的行政处罚权；\n"
            "2.区农业农村局承担的农药、化肥管理方面的行政处罚权。",
            [
                {"matter": "河道管理", "source": "区水务局", "target": "区综合执法局"},
                {"matter": "城市排水", "source": "区水务局", "target": "区综合执法局"},
                {"matter": "农药", "source": "区农业农村局", "target": "区综合执法局"},
                {"matter": "化肥管理", "source": "区农业农村局", "target": "区综合执法局"},
            ],
        ),
        (  # the lead-in under its own outline number: its sibling "（三）" closes the list
            "（二）理顺执法体制。\n"
            "合并县市容、园林等执法队伍，设立县城市管理综合执法大队，由县城市管理综合执法大队集中行使下列处罚权：\n"
            "1.县住房和城乡建设局承担的燃气、供热方面的行政处罚权。\n"
            "（三）落实执法保障。\n"
            "加强执法车辆和装备配备。",
            [
                {"matter": "燃气", "source": "县住房和城乡建设局", "target": "县城市管理综合执法大队"},
                {"matter": "供热", "source": "县住房和城乡建设局", "target": "县城市管理综合执法大队"},
            ],
        ),
    ],
)
def test_frames_a_lead_in_opened_by_a_verb_and_closed_by_its_sibling(text, want):
    _assert_exactly(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        (  # the group after 以及 names its fields without the joiner
            "区综合执法局集中行使城市绿化领域的全部行政处罚权，以及公安交通、水利方面与城市管理相关的部分行政处罚权。",
            [
                {"matter": "城市绿化领域", "target": "区综合执法局"},
                {"matter": "公安交通", "domain": "公安交通", "target": "区综合执法局"},
                {"matter": "水利", "domain": "水利", "target": "区综合执法局"},
            ],
        ),
        (  # the law a subject acts under stands between it and 行使
            "第五条 县城市管理行政执法局依据本办法的规定，行使园林绿化管理方面的行政处罚权。",
            [{"matter": "园林绿化管理", "target": "县城市管理行政执法局"}],
        ),
        (  # when the holder takes over, said before 由
            "市商务局对成品油零售违规经营的行政处罚权，自2026年1月1日起由市综合行政执法局行使。",
            [{"matter": "成品油零售违规经营", "source": "市商务局", "target": "市综合行政执法局"}],
        ),
        (  # the former holder named after 原由, the new one after 现由
            "原由县水利局行使的河道采砂行政处罚权，现由县综合行政执法局统一行使。",
            [{"matter": "河道采砂", "source": "县水利局", "target": "县综合行政执法局"}],
        ),
        (
            "州卫生健康委公共场所控烟的行政处罚权，即日起由州城市管理局统一行使。",
            [{"matter": "公共场所控烟", "source": "州卫生健康委", "target": "州城市管理局"}],
        ),
    ],
)
def test_frames_joined_groups_a_law_before_the_verb_and_a_time_before_the_holder(text, want):
    _assert_exactly(text, want)


@pytest.mark.parametrize(
    "text",
    [
        "第十一条 县综合行政执法局可以实施下列行政处罚：\n（一）警告；\n（二）罚款；\n（三）没收违法所得、没收非法财物。",
        "市城市管理局依法行使下列行政处罚权：\n1.通报批评；\n2.暂扣许可证件；\n3.责令停产停业。",
    ],
)
def test_frames_items_that_are_only_kinds_of_penalty_move_nothing(text):
    _assert_exactly(text, [])


def test_frames_a_kind_of_penalty_does_not_hide_the_matters_listed_with_it():
    _assert_exactly(
        "区城管执法局行使下列行政处罚权：\n（一）对擅自摆摊设点的罚款；\n（二）警告。",
        [{"matter": "擅自摆摊设点", "target": "区城管执法局"}],
    )


def test_frames_items_handed_over_to_the_towns_of_a_cited_catalogue_make_no_agency_of_them():
    text = (
        "某县实施方案\n《某县乡镇（街道）综合行政执法事项目录》将于2026年1月1日起实施，"
        "请县级有关部门及时做好赋权事项移交；要主动与各乡镇（街道）加强协作。"
    )
    document = normalize(Article("t.txt", "t.txt", text, 0, len(text)), RULES)
    facts = extract_document(document, RULES).facts
    transfers = [f.as_record() for f in facts if f.kind == "transfer"]
    assert [(t["source"], t["matter"], t["target"]) for t in transfers] == [("县级有关部门", "赋权事项", "乡镇(街道)")]
    assert not {"乡镇", "街道"} & {f.as_record()["name"] for f in facts if f.kind == "agency"}


def test_frames_labelled_entries_may_name_their_kind_before_their_matter():
    _assert_exactly(
        "某市某区城市管理局权责清单\n职权类型：行政处罚\n职权名称：对擅自在街道两侧晾晒衣物的处罚\n实施依据：《某市市容条例》第二十条\n"
        "职权类型：行政强制\n职权名称：对违法设置的户外广告的强制拆除\n实施依据：《某市户外广告条例》第三十条",
        [
            {"power": "行政处罚权", "matter": "擅自在街道两侧晾晒衣物"},
            {"power": "行政强制权", "matter": "违法设置的户外广告"},
        ],
    )


def test_frames_granted_items_listed_inline_each_held_by_the_department_opening_it():
    _assert_exactly(
        "区有关部门将基层管理迫切需要的行政执法事项下放至街道，由街道办事处以自己的名义实施。首批下放事项为："
        "区水务局的河道垃圾倾倒查处，区商务局的餐饮油烟检查。",
        [
            {"rule": "transfer.hand_over.v1"},
            {"matter": "河道垃圾倾倒查处", "source": "区水务局"},
            {"matter": "餐饮油烟检查", "source": "区商务局"},
        ],
    )


@pytest.mark.parametrize(
    "text,want",
    [
        # an act closed by 的 alone, its holder's penalty a verb (查处, 处罚)
        ("对擅自在人行道上停放机动车的，由县城市管理局依法予以查处。", [{"matter": "擅自在人行道上停放机动车"}]),
        ("对在河道管理范围内倾倒垃圾的，由区综合执法局依法处罚。", [{"matter": "在河道管理范围内倾倒垃圾"}]),
        # 负责 with a field's penalty powers
        (
            "市综合行政执法支队负责城市供水、城市节水方面的行政处罚。",
            [
                {"matter": "城市供水", "target": "市综合行政执法支队"},
                {"matter": "城市节水", "target": "市综合行政执法支队"},
            ],
        ),
        # "相关职责" after the duties named: the same duties, one record
        (
            "县自然资源局不再承担违法占地查处的执法职责，相关职责由县综合行政执法局承担。",
            [{"matter": "违法占地", "source": "县自然资源局", "target": "县综合行政执法局"}],
        ),
    ],
)
def test_frames_verbal_penalties_duties_of_a_field_and_related_duties(text, want):
    _assert_exactly(text, want)


@pytest.mark.parametrize(
    "text,matter",
    [
        ("将县市场监督管理局承担的无证照经营查处方面的行政处罚权，下放至各镇人民政府。", "无证照经营"),
        ("将市自然资源局承担的违法占用耕地查处方面的行政处罚权划转至市综合行政执法局。", "违法占用耕地"),
    ],
)
def test_frames_a_field_named_by_its_punishing_verb_is_its_acts(text, matter):
    assert [r["matter"] for r in _transfers("某地实施办法\n" + text)] == [matter]


@pytest.mark.parametrize(
    "text,want",
    [
        (  # a move and, after a comma, another subject taking over: each clause keeps its own record
            "将县住建局物业管理的行政处罚权划入县城管局，县城管局承接县商务局的成品油零售执法事项。",
            [
                {"matter": "物业管理", "source": "县住建局", "target": "县城管局"},
                {"matter": "成品油零售", "source": "县商务局", "target": "县城管局"},
            ],
        ),
        (  # two moves, the second with a giver of its own after a comma
            "将市水务局河道采砂的行政处罚权划转至市综合执法局，市林业局的林木采伐行政处罚权下放至各区人民政府。",
            [
                {"matter": "河道采砂", "source": "市水务局", "target": "市综合执法局"},
                {"matter": "林木采伐", "source": "市林业局"},
            ],
        ),
    ],
)
def test_frames_a_frame_overriding_one_clause_keeps_the_moves_of_the_others(text, want):
    _assert_exactly(text, want)


def test_frames_departments_granting_after_a_comma_each_give_their_counted_items():
    _assert_exactly(
        "县政府决定将县水利局、县林业局等5个部门的21项行政执法事项赋予各乡镇人民政府。"
        "其中，县水利局下放河道采砂查处等3项，县林业局下放林木采伐等2项。",
        [
            {"matter": "行政执法事项", "source": "县水利局"},
            {"matter": "行政执法事项", "source": "县林业局"},
            {"matter": "河道采砂", "source": "县水利局", "target": "乡镇人民政府"},
            {"matter": "林木采伐", "source": "县林业局", "target": "乡镇人民政府"},
        ],
    )


def test_frames_a_subject_defined_in_brackets_exercises_each_bundled_power():
    found = _transfers(
        "某市条例\n第四条 市、县人民政府综合行政执法部门（以下简称综合执法部门）依法集中行使市场监管、水利等领域的"
        "行政处罚权以及与之相关的行政检查权。"
    )
    assert sorted((r["power"], r["matter"]) for r in found) == [
        ("行政处罚权", "市场监管"),
        ("行政处罚权", "水利"),
        ("行政检查权", "市场监管"),
        ("行政检查权", "水利"),
    ]


@pytest.mark.parametrize(
    "text, want",
    [
        (  # counted departments and items, a town collective as receiver
            "区自然资源局、区生态环境局等7个部门的86项行政执法权下放至全区8个街道。",
            [
                {"power": "行政执法权", "matter": "行政执法权", "source": "区自然资源局", "target": "街道"},
                {"power": "行政执法权", "matter": "行政执法权", "source": "区生态环境局", "target": "街道"},
            ],
        ),
        (  # a time adverbial and 依法 before the object; a share of the powers
            "自2023年1月1日起，县林业局和县水利局的部分行政处罚权依法下放至各乡镇。",
            [
                {"power": "行政处罚权", "matter": "部分行政处罚权", "source": "县林业局", "target": "乡镇"},
                {"power": "行政处罚权", "matter": "部分行政处罚权", "source": "县水利局", "target": "乡镇"},
            ],
        ),
        (  # items after the count, another grant verb
            "市农业农村局、市交通运输局的42项行政执法事项赋予各镇人民政府。",
            [
                {"matter": "行政执法事项", "source": "市农业农村局", "target": "镇人民政府"},
                {"matter": "行政执法事项", "source": "市交通运输局", "target": "镇人民政府"},
            ],
        ),
    ],
)
def test_frames_powers_owned_by_departments_as_the_topic_before_a_grant_verb(text, want):
    """No 将: the departments' powers open the clause and the verb hands them down."""
    _assert_exactly(text, want)


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "市水务局、市环保局的行政处罚权，由市城管局统一行使。",
            [{"source": "市水务局", "target": "市城管局"}, {"source": "市环保局", "target": "市城管局"}],
        ),
        (  # counted, three departments, another holder's verb
            "县商务局、县文旅局和县卫健局等3个部门的行政处罚权，改由县综合行政执法局行使。",
            [
                {"source": "县商务局", "matter": "行政处罚权"},
                {"source": "县文旅局", "matter": "行政处罚权"},
                {"source": "县卫健局", "matter": "行政处罚权"},
            ],
        ),
    ],
)
def test_frames_departments_named_together_each_give_their_powers_to_the_holder(text, want):
    _assert_exactly(text, want)


def test_frames_a_team_exercising_what_its_towns_were_granted_receives_nothing_of_its_own():
    """ "…下放至街道，由街道综合行政执法队统一行使": the grant's receiver is the street; its team is
    how it exercises the powers, not a second receiver with the givers read as matters."""
    found = _transfers(
        "某区实施方案\n区水务局、区城管局等2个部门的20项行政处罚权下放至各街道，由街道综合行政执法队统一行使。"
    )
    assert sorted((r["source"], r["matter"], r["target"]) for r in found) == [
        ("区城管局", "行政处罚权", "街道"),
        ("区水务局", "行政处罚权", "街道"),
    ]


@pytest.mark.parametrize(
    "text, want",
    [
        (  # the verb's aspect (了), departments named by their sectors, their share
            "区综合执法局集中行使了住建、环保、水务等部门的部分行政处罚权。",
            [
                {"source": "住建部门", "matter": "部分行政处罚权"},
                {"source": "环保部门", "matter": "部分行政处罚权"},
                {"source": "水务部门", "matter": "部分行政处罚权"},
            ],
        ),
        (  # named bodies, no share, a count after the power
            "县城管局依法行使县市场监管局、县交通运输局的行政处罚权共计56项。",
            [
                {"source": "县市场监管局", "matter": "行政处罚权", "target": "县城管局"},
                {"source": "县交通运输局", "matter": "行政处罚权", "target": "县城管局"},
            ],
        ),
    ],
)
def test_frames_a_body_exercising_the_powers_of_departments_named_together(text, want):
    _assert_exactly(text, want)


def test_frames_a_catalogue_of_adjustments_names_the_holders_before_and_after():
    found = _transfers(
        "某县行政执法事项调整目录\n序号\t事项名称\t事项类别\t调整前实施主体\t调整后实施主体\n"
        "1\t对擅自占用城市绿地的处罚\t行政处罚\t县林业局\t县城市管理局\n"
        "2\t对违规倾倒建筑垃圾的处罚\t行政处罚\t县住建局\t县城市管理局"
    )
    assert sorted((r["source"], r["matter"], r["target"]) for r in found) == sorted(
        [("县林业局", "擅自占用城市绿地", "县城市管理局"), ("县住建局", "违规倾倒建筑垃圾", "县城市管理局")]
    )


@pytest.mark.parametrize("owned", ["所属的", "下属的", "所属", "的"])
def test_frames_a_team_moving_whole_is_named_without_the_words_tying_it_to_its_owner(owned):
    _assert_exactly(
        f"将市交通运输局{owned}运政稽查支队整建制划入市综合执法局。",
        [{"power": "编制", "matter": "运政稽查支队", "source": "市交通运输局", "target": "市综合执法局"}],
    )


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "各镇综合执法队承接县直部门下放的42项行政处罚事项。",
            {"source": "县直部门", "matter": "行政处罚事项", "target": "镇综合执法队"},
        ),
        (
            "街道办事处承接市级相关部门移交的违法建设查处职责。",
            {"source": "市级相关部门", "matter": "违法建设", "target": "街道办事处"},
        ),
        (
            "乡镇人民政府依法承接有关部门委托的部分行政许可事项。",
            {"source": "有关部门", "matter": "部分行政许可事项", "target": "乡镇人民政府"},
        ),
    ],
)
def test_frames_powers_taken_over_from_departments_named_by_their_kind(text, want):
    _assert_exactly(text, [want])


@pytest.mark.parametrize(
    "text, want",
    [
        (  # two departments, 其, fields named by 方面, another move verb
            "市水务局和市林业局分别将其河道管理、林木管理方面的行政处罚权移交市综合执法局。",
            [
                {"matter": "河道管理", "source": "市水务局", "target": "市综合执法局"},
                {"matter": "林木管理", "source": "市林业局", "target": "市综合执法局"},
            ],
        ),
        (  # no fields to pair: each gives its share
            "区住建局、区环保局分别将部分行政处罚权交由各街道办事处行使。",
            [
                {"matter": "部分行政处罚权", "source": "区住建局", "target": "街道办事处"},
                {"matter": "部分行政处罚权", "source": "区环保局", "target": "街道办事处"},
            ],
        ),
    ],
)
def test_frames_departments_giving_respectively_pair_with_the_fields_in_order(text, want):
    _assert_exactly(text, want)


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "将县住建局、县交通局等8个部门的46项行政许可事项划转至县行政审批局。划转后，原审批部门不再行使已划转的行政许可权。",
            {"power": "行政许可权", "matter": None, "source": "原审批部门", "target": "县行政审批局"},
        ),
        (
            "将市水务局的河道采砂处罚权划转至市城管局。划转后，市水务局不再行使已经划转的行政处罚权。",
            {"power": "行政处罚权", "matter": None, "source": "市水务局", "target": "市城管局"},
        ),
    ],
)
def test_frames_holders_no_longer_exercising_what_a_move_just_gave_away(text, want):
    """G2: one generic record per receiver of the move just read, the former holder as written."""
    found = [r for r in _transfers("某市方案\n" + text) if r["rule"] == "transfer.restatement.v1"]
    assert [{k: r[k] for k in want} for r in found] == [want]


@pytest.mark.parametrize(
    "text, want",
    [
        (  # on whose instruction, an adverb, then a second verb sharing the subject after a comma
            "区城管局按照区委、区政府部署，积极承接区环保局移交的油烟污染执法职责，承接区市场监管局移交的占道经营执法职责。",
            [
                {"matter": "油烟污染", "source": "区环保局", "target": "区城管局"},
                {"matter": "占道经营", "source": "区市场监管局", "target": "区城管局"},
            ],
        ),
        (
            "镇综合执法队根据县政府决定，全面承接县林业局移交的林木采伐执法职责，并承接县水利局移交的河道管理执法职责。",
            [
                {"matter": "林木采伐", "source": "县林业局", "target": "镇综合执法队"},
                {"matter": "河道管理", "source": "县水利局", "target": "镇综合执法队"},
            ],
        ),
    ],
)
def test_frames_a_receiver_taking_over_on_instruction_and_again_after_a_comma(text, want):
    _assert_exactly(text, want)


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "某区城市管理局权责清单\n1. 对擅自挖掘城市道路的处罚（行政处罚）\n2、对违规堆放建筑垃圾的扣押（行政强制）",
            [
                ("行政处罚权", "擅自挖掘城市道路", "某区城市管理局"),
                ("行政强制权", "违规堆放建筑垃圾", "某区城市管理局"),
            ],
        ),
        (  # bracketed item numbers, the kind with 类
            "城关镇人民政府行政执法事项目录\n（一）对露天焚烧秸秆的处罚（行政处罚类）",
            [("行政处罚权", "露天焚烧秸秆", "城关镇人民政府")],
        ),
        # no catalogue: a numbered line with a bracket is no entry of anyone's
        ("某市工作要点\n1. 加强对违法建设的查处（行政处罚）", []),
    ],
)
def test_frames_a_catalogues_numbered_entries_with_their_kind_in_brackets(text, want):
    found = _transfers(text)
    assert sorted((r["power"], r["matter"], r["target"]) for r in found) == sorted(want)


def test_frames_a_table_written_with_pipes_is_read_as_rows():
    found = _transfers(
        "某县综合行政执法局权责清单\n| 序号 | 职权名称 | 职权类型 |\n| --- | :---: | --- |\n"
        "| 1 | 对擅自占用城市绿地的处罚 | 行政处罚 |\n| 2 | 对违法建筑的强制拆除 | 行政强制 |"
    )
    assert sorted((r["power"], r["matter"], r["target"]) for r in found) == [
        ("行政处罚权", "擅自占用城市绿地", "某县综合行政执法局"),
        ("行政强制权", "违法建筑", "某县综合行政执法局"),
    ]


@pytest.mark.parametrize(
    "text, want",
    [
        ("乱贴小广告的，由区城管局负责查处。", {"matter": "乱贴小广告", "target": "区城管局"}),
        (
            "在人行道上违法停车的，由县交通运输局依法予以查处。",
            {"matter": "在人行道上违法停车", "target": "县交通运输局"},
        ),
        ("擅自设置摊点的，由镇综合执法队进行查处。", {"matter": "擅自设置摊点", "target": "镇综合执法队"}),
        # who is charged, said before the subject
        ("明确由区城管局负责查处占道经营行为。", {"matter": "占道经营", "target": "区城管局"}),
        ("统一由市综合执法局负责查处渣土撒漏行为。", {"matter": "渣土撒漏", "target": "市综合执法局"}),
    ],
)
def test_frames_a_body_charged_with_investigating_and_punishing_an_act(text, want):
    _assert_exactly(text, [dict(want, power="行政处罚权")])


@pytest.mark.parametrize(
    "text, want",
    [
        ("占道经营行为由区城管局负责查处。", {"matter": "占道经营", "target": "区城管局"}),
        ("露天烧烤行为，由街道综合执法队依法予以查处。", {"matter": "露天烧烤", "target": "街道综合执法队"}),
    ],
)
def test_frames_an_act_named_first_then_the_body_that_punishes_it(text, want):
    _assert_exactly(text, [dict(want, power="行政处罚权")])


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "县城管执法大队更名为县综合行政执法大队，承担原县城管执法大队的全部职责。",
            {"matter": "全部职责", "source": "县城管执法大队", "target": "县综合行政执法大队"},
        ),
        (
            "组建区综合行政执法局，全面承接区城市管理局的全部职责。",
            {"matter": "全部职责", "source": "区城市管理局", "target": "区综合行政执法局"},
        ),
    ],
)
def test_frames_a_body_set_up_or_renamed_takes_over_in_the_clause_after(text, want):
    _assert_exactly(text, [want])


def test_frames_a_body_abolished_before_a_comma_takes_over_nothing():
    assert not _transfers("某市方案\n市政府撤销市城管局，承接工作另行安排。")


@pytest.mark.parametrize(
    "text, giver, matters, new",
    [
        (
            "整合交通运输部门承担的道路运输、港口航道、地方海事等执法职责，组建市交通运输综合行政执法支队。",
            "交通运输部门",
            ["道路运输", "港口航道", "地方海事"],
            "市交通运输综合行政执法支队",
        ),
        (
            "整合县市场监管局的食品、药品、特种设备等执法职责，组建县市场监管综合行政执法大队。",
            "县市场监管局",
            ["食品", "药品", "特种设备"],
            "县市场监管综合行政执法大队",
        ),
        (
            "整合区文化和旅游局负责的文物、出版执法职责，组建区文化市场综合执法大队。",
            "区文化和旅游局",
            ["文物", "出版"],
            "区文化市场综合执法大队",
        ),
    ],
)
def test_frames_duties_merged_by_a_leading_verb_into_the_body_set_up(text, giver, matters, new):
    """ "整合G承担的M1、M2等执法职责，组建R": the verb before the department; each matter moves."""
    got = [t for t in _transfers(text) if t["rule"] == "transfer.merge_units.v1"]
    assert [(t["source"], t["matter"], t["target"]) for t in got] == [(giver, m, new) for m in matters]


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "区城市管理局承接了区市场监管局移交的食品摊贩监管职责和区生态环境局移交的噪声污染执法职责。",
            [("区市场监管局", "食品摊贩"), ("区生态环境局", "噪声污染")],
        ),
        ("县综合执法局已经承接过县水利局的河道采砂执法职责。", [("县水利局", "河道采砂")]),
    ],
)
def test_frames_a_takeover_in_the_perfective_reads_as_any_other(text, want):
    """ "R承接了G移交的M职责": the verb's aspect (了/过) stands between it and what it takes over."""
    got = [t for t in _transfers(text) if t["rule"] == "transfer.assume.v1"]
    assert [(t["source"], t["matter"]) for t in got] == want


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "将属于区生态环境局职责范围内的餐饮油烟污染查处工作划归各街道办事处。",
            ("区生态环境局", "行政处罚权", "餐饮油烟污染", "街道办事处"),
        ),
        (
            "市政府决定将属于市场监管部门职权范围内的流动摊贩查处工作交由城市管理部门承担。",
            ("市场监管部门", "行政处罚权", "流动摊贩", "城市管理部门"),
        ),
        (
            "县水务局负责的河道违法采砂查处工作，一并交由县综合执法局承担。",
            ("县水务局", "行政处罚权", "河道违法采砂", "县综合执法局"),
        ),
    ],
)
def test_frames_the_scope_of_a_bodys_duties_is_no_power_and_its_investigation_work_is(text, want):
    """ "属于G职责范围内的M查处工作": 职责范围 is where G's work lies (no power noun); M's 查处工作,
    the work of investigating and punishing it, is the penalty power that moves."""
    found = _transfers("某地实施办法\n" + text)
    assert [(t["source"], t["power"], t["matter"], t["target"]) for t in found] == [want]


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "将市住房和城乡建设局的建筑垃圾处置查处工作划转至市城市管理局。此次划转还包括原由市交通运输局行使的对道路遗撒的行政处罚权。",
            ("市交通运输局", "道路遗撒", "市城市管理局"),
        ),
        # no giver named with the more: the move's own
        (
            "县林业局的古树名木保护执法职责调整至县综合行政执法局。本次调整也包括城区绿地养护的执法职责。",
            ("县林业局", "城区绿地养护", "县综合行政执法局"),
        ),
    ],
)
def test_frames_more_of_the_move_just_stated_goes_to_its_receiver(text, want):
    """ "此次/本次…还包括…": the powers added go where the move of the sentence before went."""
    got = [t for t in _transfers("某地实施办法\n" + text) if t["rule"] == "transfer.include_more.v1"]
    assert [(t["source"], t["matter"], t["target"]) for t in got] == [want]


def test_frames_more_is_read_only_after_a_move():
    """With no move in the sentence before, "还包括" adds nothing (a definition, a list of tasks)."""
    text = "某地实施办法\n城市管理的范围主要包括市容环境卫生管理。此次改革还包括原由县交通运输局行使的行政处罚权。"
    assert not [t for t in _transfers(text) if t["rule"] == "transfer.include_more.v1"]


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "决定将2020年下放至各乡镇人民政府的农村建房监管事项收回，由县自然资源局行使。",
            ("乡镇人民政府", "农村建房监管", "县自然资源局"),
        ),
        ("将此前委托街道办事处实施的燃气安全监督检查职责收回至区住房和城乡建设局。", None),
        (
            "将原赋予各乡镇的违法建设行政处罚权收回，统一由市综合行政执法局行使。",
            ("乡镇", "违法建设", "市综合行政执法局"),
        ),
    ],
)
def test_frames_powers_taken_back_come_from_the_holder_an_earlier_move_made(text, want):
    """ "将（已/原/2020年）下放至G的M收回，由R行使": G gives M back to R."""
    found = _transfers("某地实施办法\n" + text)
    if want is None:  # "收回至R" with no 由: read by the move rules, the holder giving back as well
        assert [(t["source"], t["target"]) for t in found] == [("街道办事处", "区住房和城乡建设局")]
        return
    got = [t for t in found if t["rule"] == "transfer.take_back.v1"]
    assert [(t["source"], t["matter"], t["target"]) for t in got] == [want]


@pytest.mark.parametrize(
    "text, matter",
    [
        ("镇人民政府行使下列行政处罚权：（一）对农村宅基地违法行为的行政处罚权；", "农村宅基地违法行为"),
        ("街道办事处行使下列行政处罚权：（一）对占道经营的违法行为的行政处罚权；", "占道经营"),
        ("街道办事处行使下列行政处罚权：（一）对擅自砍伐城市树木行为的行政处罚权；", "擅自砍伐城市树木"),
    ],
)
def test_frames_an_unlawful_act_named_as_such_keeps_its_name(text, matter):
    """ "对M违法行为的P": the unlawful act is the matter whole; "对M的违法行为", "对M行为": M."""
    assert [t["matter"] for t in _transfers("某地实施办法\n" + text)] == [matter]


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "日前，县综合行政执法局与县水利局办理移交手续，全面接收了原由县水利局承担的河道采砂、水土保持等5项行政处罚事项。",
            [("县水利局", "河道采砂", "县综合行政执法局"), ("县水利局", "水土保持", "县综合行政执法局")],
        ),
        (
            "市城市管理局接收市市场监督管理局移交的流动摊贩行政处罚权。",
            [("市市场监督管理局", "流动摊贩", "市城市管理局")],
        ),
        # a government opening the sentence decides; it takes over nothing
        ("县人民政府召开常务会议，接收了原由县林业局承担的古树名木保护行政处罚事项。", []),
    ],
)
def test_frames_the_body_a_sentence_opens_with_takes_over_in_its_later_clause(text, want):
    """ "R与G完成交接，正式接收了原由G承担的M等N项P": R, the sentence's subject, receives."""
    got = [t for t in _transfers("某地新闻\n" + text) if t["rule"] == "transfer.assume.v1"]
    assert [(t["source"], t["matter"], t["target"]) for t in got] == want


@pytest.mark.parametrize(
    "text, giver, power",
    [
        ("试点县设立行政审批局，集中行使本级人民政府有关部门的行政许可权。", "本级人民政府有关部门", "行政许可权"),
        ("区综合行政执法局集中行使区级人民政府相关部门的行政处罚权。", "区级人民政府相关部门", "行政处罚权"),
        ("将市政府有关部门的部分行政处罚权交由各区综合执法局行使。", "市政府有关部门", "行政处罚权"),
    ],
)
def test_frames_a_governments_departments_named_by_their_kind_give(text, giver, power):
    """ "本级人民政府有关部门的P": the departments of a government, by their kind, hold what moves;
    the government is no part of the matter."""
    found = _transfers("某地决定\n" + text)
    assert [(t["source"], t["power"]) for t in found] == [(giver, power)]
    assert not any("部门" in (t["matter"] or "") for t in found)


@pytest.mark.parametrize(
    "text, matters",
    [
        ("城市道路范围内的占道经营、店外经营的行政处罚权，统一由市综合行政执法局行使。", ["占道经营", "店外经营"]),
        ("中心城区区域内的违法停车行政处罚权，由区城市管理局行使。", ["违法停车"]),
    ],
)
def test_frames_the_area_a_power_covers_is_no_part_of_its_matter_in_a_passive_clause(text, matters):
    """ "X范围内的M的P，由R行使": as in the move rules, the area is where, M is what."""
    assert [t["matter"] for t in _transfers("某市方案\n" + text)] == matters


@pytest.mark.parametrize(
    "lines, want",
    [
        # lines of no role between the kind and the holder; the next entry opens with its number
        (
            ["编号：A01", "事项名称：对占用人行道停放车辆的处罚", "事项类型：行政处罚", "承办机构：执法一中队",
             "设定依据：《某条例》第八条", "行使主体：市城市管理综合执法局", "编号：A02",
             "事项名称：对违规排放餐饮油烟的处罚", "事项类型：行政处罚", "设定依据：《某条例》第十条",
             "行使主体：市城市管理综合执法局", "备注：原由市生态环境局实施"],
            [(None, "占用人行道停放车辆"), ("市生态环境局", "违规排放餐饮油烟")],
        ),
        # no numbers: the next entry's matter closes the one before, which takes the catalogue's holder
        (
            ["事项名称：对损坏城市照明设施的处罚", "事项类型：行政处罚", "设定依据：《某办法》第六条",
             "事项名称：对擅自迁移古树名木的处罚", "事项类型：行政处罚", "原实施部门：市林业局"],
            [(None, "损坏城市照明设施"), ("市林业局", "擅自迁移古树名木")],
        ),
    ],
)  # fmt: skip
def test_frames_a_labelled_entry_waits_for_its_holders_line_past_lines_of_no_role(lines, want):
    """A catalogue entry per labelled lines: its holder's line may come after its basis and office
    lines; a note under the entry names the body that held it before — that entry's, no other's."""
    found = _transfers("某市城市管理综合执法局权责清单\n" + "\n".join(lines))
    assert [(t["source"], t["matter"]) for t in found] == want
    assert all(t["target"].endswith("市城市管理综合执法局") for t in found)  # its own line's, else the title's


@pytest.mark.parametrize(
    "text, giver",
    [
        ("市人民政府将所属部门的部分行政处罚权委托区人民政府行使。", "所属部门"),
        ("将县人民政府所属部门的部分行政执法事项交由乡镇人民政府实施。", "县人民政府所属部门"),
        ("区政府将区级相关部门的部分行政处罚权交由街道办事处行使。", "区级相关部门"),
    ],
)
def test_frames_a_grant_of_departments_named_by_kind_is_theirs_not_the_deciding_subjects(text, giver):
    """ "X政府将所属部门的P委托R": the departments the object names by their kind give; the
    government, the subject, decides."""
    assert [t["source"] for t in _transfers("某地通知\n" + text)] == [giver]


@pytest.mark.parametrize(
    "lines, want",
    [
        (
            [
                "区住房和城乡建设局的下列职责划入区城市管理局：",
                "（一）城市供水管理职责；",
                "（二）城市照明设施管理执法。",
            ],
            [("执法职责", "城市供水管理"), ("执法职责", "城市照明设施管理")],
        ),
        (
            ["将市水务局的以下职责整合至市综合行政执法局：", "1.河道管理执法；", "2.水资源管理执法。"],
            [("执法职责", "河道管理"), ("执法职责", "水资源管理")],
        ),
    ],
)
def test_frames_the_duties_a_moving_lead_in_lists_move_with_it(lines, want):
    """ "G的下列职责划入R：（一）…执法；": each item is one of G's duties moving to R (the lead-in's
    verb moves them; a body's own duties after "其主要职责是：" stay its own)."""
    found = _transfers("某地机构改革方案\n" + "\n".join(lines))
    assert [(t["power"], t["matter"]) for t in found] == want
    assert len({(t["source"], t["target"]) for t in found}) == 1


def test_frames_a_bodys_own_duties_after_a_move_are_no_items_of_it():
    text = "某区方案\n将区住房和城乡建设局的路灯管理职责调整到区城市管理局，其主要职责是：\n（一）负责全区市容管理工作。\n（二）负责全区环境卫生管理。"
    assert [t["matter"] for t in _transfers(text)] == ["路灯管理"]


@pytest.mark.parametrize(
    "text, matter",
    [
        ("将城区内的违法建设查处职责下放到各街道办事处。", "违法建设"),
        ("建成区内的占道经营行政处罚权，由区城管局行使。", "占道经营"),
        ("将城市规划区内违法建设的行政处罚权划转至县综合执法局。", "城市规划区内违法建设"),
    ],
)
def test_frames_an_area_written_as_a_district_is_where_not_what(text, matter):
    """ "城区内的M": the area before 的 is where the power runs; glued to the act (no 的) it is the act's."""
    assert [t["matter"] for t in _transfers("某县方案\n" + text)] == [matter]


@pytest.mark.parametrize(
    "text, want",
    [
        ("将县自然资源局的违法占地查处职责交由各镇实施。", ("县自然资源局", "违法占地", "镇")),
        ("将原赋予各镇的违法建设行政处罚权收回，统一由市综合行政执法局行使。", ("镇", "违法建设", "市综合行政执法局")),
        # a town's own bodies are named whole, not as the bare 镇
        ("将县林业局的林木采伐监管职责下放至各镇人民政府。", ("县林业局", "林木采伐", "镇人民政府")),
    ],
)
def test_frames_towns_named_bare_after_a_move_to_each_receive_or_give_back(text, want):
    """ "交由各镇", "赋予各镇的": the towns, bare, as the move's receivers or the holders a move made."""
    assert [(t["source"], t["matter"], t["target"]) for t in _transfers("某县通知\n" + text)] == [want]


@pytest.mark.parametrize(
    "text, matter",
    [
        ("将部分市级行政处罚权划转至区城市管理局。", "市级行政处罚权"),
        ("县人民政府决定将部分县级行政执法权下放至各乡镇。", "县级行政执法权"),
        ("赋予街道办事处部分区级行政处罚权。", "区级行政处罚权"),
    ],
)
def test_frames_a_level_alone_before_a_power_names_the_levels_powers(text, matter):
    """ "部分县级P": a level word names whose powers (the level's), never a matter of its own."""
    assert [t["matter"] for t in _transfers("某地决定\n" + text)] == [matter]


@pytest.mark.parametrize(
    "text",
    [
        # under a granting catalogue's title, a numbered line that names no kind of power is no entry
        "某县赋予乡镇行政执法事项目录\n1.加强业务培训（县司法局）",
        # a bracket that is no body ("（3项）") gives no giver and no entry
        "某县赋予乡镇行政执法事项目录\n2.对违规养犬的处罚（3项）",
    ],
)
def test_frames_a_granting_catalogues_lines_that_are_no_entries(text):
    assert _transfers(text) == []


@pytest.mark.parametrize(
    "text,want",
    [
        # a decision's "作出如下决定：" opens no list: its first item is the lead-in of the powers
        (
            "县人民代表大会常务委员会作出如下决定：\n一、县综合行政执法局集中行使以下行政处罚权：\n"
            "（一）城市绿化管理方面的全部行政处罚权；\n二、本决定自公布之日起施行。",
            [("行政处罚权", "城市绿化管理", "县综合行政执法局")],
        ),
        (
            "现将有关事项通知如下：\n1.区城市管理局行使下列行政处罚权：\n（1）对占道洗车的行政处罚权。",
            [("行政处罚权", "占道洗车", "区城市管理局")],
        ),
        # an item that is a lead-in of its own, under a list of tasks
        (
            "主要任务包括：\n（一）市城市管理局集中行使下列职权：\n1.对擅自占用城市绿地的行政处罚权；\n2.对违规设置户外广告的行政处罚权。",
            [
                ("行政处罚权", "擅自占用城市绿地", "市城市管理局"),
                ("行政处罚权", "违规设置户外广告", "市城市管理局"),
            ],
        ),
    ],
)
def test_frames_lead_ins_of_what_a_text_says_next_and_nested_lead_ins(text, want):
    found = _transfers(text)
    assert sorted((r["power"], r["matter"], r["target"]) for r in found) == sorted(want)


@pytest.mark.parametrize(
    "text,want",
    [
        # the domain written decides the giving sector, not a word of the matter (规划区)
        (
            "旗综合行政执法局集中行使下列行政处罚权：\n（一）草原管理方面对在城镇规划区内非法开垦草原的行政处罚权。",
            [{"matter": "在城镇规划区内非法开垦草原", "domain": "草原管理", "source_sector": "其他"}],
        ),
        (
            "县综合执法局集中行使下列行政处罚权：\n（一）渔业管理方面对在城区河道内电鱼的行政处罚权。",
            [{"matter": "在城区河道内电鱼", "domain": "渔业管理", "source_sector": "其他"}],
        ),
    ],
)
def test_frames_the_written_domain_decides_the_giving_sector(text, want):
    _assert_found(text, want)


@pytest.mark.parametrize(
    "text,want",
    [
        # the receiver left out after 一并划入: the subject that holds the clause before
        (
            "区城市管理局统一负责违法建设的查处，原由区自然资源局承担的违法占地查处职责一并划入。",
            [("行政处罚权", "违法占地", "区自然资源局", "区城市管理局")],
        ),
        # a receiver written after the verb is that move's, read by the move rules: nothing here
        ("区城市管理局负责市容管理，经费保障一并划入区财政局预算。", []),
    ],
)
def test_frames_a_subject_takes_what_comes_along_with_no_receiver_written(text, want):
    found = _transfers(text)
    assert [(r["power"], r["matter"], r["source"], r["target"]) for r in found] == want


@pytest.mark.parametrize(
    "text,want",
    [
        # a holder's catalogue by its title: numbered entries naming their kind in their own words
        (
            "某区综合行政执法局行政处罚事项目录\n一、市场监管\n1.对户外公共场所无照经营的处罚\n二、林业\n2.对擅自移植城市树木的处罚",
            {("户外公共场所无照经营", "某区综合行政执法局"), ("擅自移植城市树木", "某区综合行政执法局")},
        ),
        (
            "太平镇人民政府权责清单\n1.对在街道两侧晾晒农作物的处罚\n2.临时占用城市绿地审批",
            {
                ("在街道两侧晾晒农作物", "太平镇人民政府"),
                ("临时占用城市绿地", "太平镇人民政府"),
            },
        ),
        # numbered lines of its preface are no entries
        ("某县城市管理局权责清单\n说明\n1.加强监督检查\n2.严格落实执法责任", set()),
    ],
)
def test_frames_a_holders_catalogue_by_its_title(text, want):
    assert {(r["matter"], r["target"]) for r in _transfers(text)} == want


@pytest.mark.parametrize(
    "text,want",
    [
        (
            "第七条 镇人民政府对下列事项依法予以处罚：\n（一）在村庄道路上堆放柴草的；\n（二）向沟渠倾倒生活垃圾的。",
            {("在村庄道路上堆放柴草", "镇人民政府"), ("向沟渠倾倒生活垃圾", "镇人民政府")},
        ),
        (
            "第九条 市城市管理局可以对以下违法行为进行查处：\n1.擅自设置户外广告的；\n2.占道经营的。",
            {("擅自设置户外广告", "市城市管理局"), ("占道经营", "市城市管理局")},
        ),
        # articles named by number are no matter: the coercive measures tied to them give no penalty power
        ("第十条 县城市管理局可以实施与前两条规定的行政处罚权相关的行政强制措施。", set()),
        ("第十二条 区综合执法局可以实施与本条例第九条规定的行政处罚权有关的行政强制措施。", set()),
    ],
)
def test_frames_a_lead_in_acting_on_the_acts_it_lists(text, want):
    assert {(r["matter"], r["target"]) for r in _transfers(text) if r["power"] == "行政处罚权"} == want


@pytest.mark.parametrize(
    "text",
    [
        # a grant made before, named by a relative clause: restated, not made again
        "下放至乡镇的行政执法事项，由乡镇人民政府以自己的名义统一行使。",
        "已赋予街道办事处的行政处罚权，由街道办事处以自己的名义行使。",
        "划转至各镇综合行政执法队的执法事项，由镇人民政府统一管理。",
    ],
)
def test_frames_a_grant_restated_by_a_relative_clause_gives_nothing(text):
    assert _transfers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # 查处 as a noun, not the subject's verb
        "在查处违法建设过程中，县城市管理局应当加强与自然资源部门的协作。",
        "县城市管理局要加大查处力度。",
    ],
)
def test_frames_punishing_as_a_noun_gives_nothing(text):
    assert _transfers(text) == []


@pytest.mark.parametrize(
    "text,want",
    [
        # the last two acts of a list joined by 和
        ("违法建设、占道经营和乱贴乱画", ["违法建设", "占道经营", "乱贴乱画"]),
        ("乱搭乱建、乱堆乱放和乱贴乱画", ["乱搭乱建", "乱堆乱放", "乱贴乱画"]),
        # one object joined by 和, or a head shared after 的: one act
        ("擅自占用、挖掘城市道路和桥梁", ["擅自占用、挖掘城市道路和桥梁"]),
        ("损坏、擅自拆除城市道路和公共场所的照明设施", ["损坏、擅自拆除城市道路和公共场所的照明设施"]),
        ("侵占城市道路和违法停放车辆", ["侵占城市道路和违法停放车辆"]),  # no list before 和: as written
    ],
)
def test_frames_the_last_two_acts_of_a_list_joined_by_he(text, want):
    assert split_acts(text, ()) == want


@pytest.mark.parametrize(
    "note, want",
    [
        ("以上事项划转后，由县综合行政执法局以自己的名义实施。", "县综合行政执法局"),
        ("前述执法事项统一由镇人民政府行使。", "镇人民政府"),
        # no note names who carries the rows out: the rows move nothing that can be told
        ("以上事项自2024年1月1日起施行。", None),
        ("", None),
    ],
)
def test_frames_a_table_with_no_receiver_takes_the_one_its_note_names(note, want):
    text = (
        "某县执法事项目录\n序号\t事项名称\t原实施部门\n1\t对在河道内倾倒垃圾的处罚\t县水利局\n"
        "2\t对违规燃放烟花爆竹的处罚\t县公安局\n" + note
    )
    rows = [r for r in _transfers(text) if r["matter"]]
    if want is None:
        assert rows == []
    else:
        assert sorted((r["source"], r["matter"], r["target"]) for r in rows) == [
            ("县公安局", "违规燃放烟花爆竹", want),
            ("县水利局", "在河道内倾倒垃圾", want),
        ]


@pytest.mark.parametrize(
    "text",
    [
        "县人民政府确定赋予街道办事处行使的具体行政处罚权。",
        "设区的市人民政府可以确定交由镇人民政府行使的具体行政执法权。",
        "市人民政府公布赋予乡人民政府行使的相关行政处罚权。",
    ],
)
def test_frames_the_powers_a_body_is_to_exercise_named_as_an_object_give_no_matter(text):
    # "R行使的P" names the powers as the object of another verb; 具体/相关 says which, naming no matter
    found = _transfers("某省条例\n" + text)
    assert all(r["matter"] in (None, "") for r in found), [(r["matter"], r["rule"]) for r in found]


@pytest.mark.parametrize(
    "item, want",
    [
        ("（一）对未取得排水许可证，擅自向城镇排水设施排放污水的处罚；", "未取得排水许可证,擅自向城镇排水设施排放污水"),
        ("（二）对单位未经批准或者以欺骗手段取得批准，占用林地的处罚；", "单位未经批准或者以欺骗手段取得批准,占用林地"),
        ("（三）对未办理临时占道手续，在人行道上设置摊点的处罚。", "未办理临时占道手续,在人行道上设置摊点"),
    ],
)
def test_frames_a_condition_and_the_act_that_breaks_it_are_one_offence(item, want):
    found = _transfers("某县条例\n第八条 县综合执法局行使下列行政处罚权：\n" + item)
    assert [r["matter"] for r in found if r["rule"] == "transfer.list_item.v1"] == [want]


@pytest.mark.parametrize(
    "text, want",
    [
        ("背街小巷的保洁职责，由区住建局负责调整为由区城管局负责。", ("区住建局", "区城管局")),
        ("背街小巷的保洁职责由区住建局承担改由区城管局承担。", ("区住建局", "区城管局")),
        # the holder's work after its verb (改造, 调整优化) is no change of holder
        ("背街小巷的保洁职责由区城管局负责改造提升。", (None, "区城管局")),
    ],
)
def test_frames_a_holder_before_a_change_gives_to_the_one_after_it(text, want):
    found = [(r["source"], r["target"]) for r in _transfers("某区方案\n" + text)]
    assert found == [want]


@pytest.mark.parametrize(
    "text, want",
    [
        # departments of several sectors own the items between them: which one gives each is not written
        (
            "某县方案\n县级水利、林业部门在乡镇的下列执法事项，交由乡镇综合行政执法队实施：\n"
            "（一）对在河道内采砂的处罚；\n（二）对滥伐林木的处罚。",
            [
                {"matter": "在河道内采砂", "source": None, "target": "乡镇综合行政执法队"},
                {"matter": "滥伐林木", "source": None, "target": "乡镇综合行政执法队"},
            ],
        ),
        # one department: it gives each item; the lead-in's 下列 is no matter of its own
        (
            "某区方案\n将区市场监管局的以下行政处罚权，下放至各街道办事处：\n1.对占道经营的处罚。",
            [{"matter": "占道经营", "source": "区市场监管局", "target": "街道办事处"}],
        ),
    ],
)
def test_frames_a_lead_in_handing_over_the_items_it_lists(text, want):
    _assert_exactly(text, want)


@pytest.mark.parametrize(
    "text",
    [
        # a place, not a body, carries out the enforcement: nothing moves to anyone
        "我省在城市管理、交通运输领域推行综合执法。",
        # the government decides that enforcement is carried out: it does not carry it out itself
        "市人民政府决定在交通运输、文化市场领域开展综合行政执法改革试点。",
        # a body that works in fields, but no kind of enforcement is what it carries out
        "县综合行政执法局在城市管理、生态环境领域开展专项整治。",
    ],
)
def test_frames_enforcement_in_fields_needs_a_body_that_carries_it_out(text):
    assert _transfers("某市决定\n" + text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a clause after the grant with a subject of its own: what it includes is not the grant's
        "将部分县级行政处罚权下放至各乡镇人民政府，县司法局的培训内容包括违法建设的处罚程序。",
        # no 包括: the clause after the grant says nothing of its items
        "将部分县级行政处罚权下放至各乡镇人民政府，并做好违法建设处罚的衔接。",
    ],
)
def test_frames_what_a_grant_includes_is_said_by_its_own_clause(text):
    found = _transfers("某县方案\n" + text)
    assert [r["matter"] for r in found] == ["县级行政处罚权"]


@pytest.mark.parametrize(
    "text, want",
    [
        # the 等 closing a two-act list lengthens no act: two acts, not a verb carried onto the next
        ("县城市管理局负责查处违法建设、占道经营等行为。", ["违法建设", "占道经营"]),
        ("镇综合执法队依法查处露天烧烤、乱贴乱画等违法行为。", ["露天烧烤", "乱贴乱画"]),
    ],
)
def test_frames_a_closing_deng_is_no_part_of_the_last_act(text, want):
    assert sorted(r["matter"] for r in _transfers("某县方案\n" + text)) == sorted(want)


@pytest.mark.parametrize(
    "text, source",
    [
        # several bodies own the list: which gives each item is not written
        ("区生态环境局、区水务局（以下统称有关部门）的下列行政处罚权，由区城市管理局集中行使：", None),
        # a lead-in that names no owner
        ("下列行政处罚权，由区城市管理局集中行使：", None),
        # the owner, and no lead-in junk as a matter of its own
        ("区水务局的下列行政处罚权由区城市管理局行使：", "区水务局"),
    ],
)
def test_frames_the_owner_of_a_passive_lead_in_gives_its_items(text, source):
    found = _transfers("某区方案\n" + text + "\n（一）对向河道倾倒垃圾的处罚；\n（二）对擅自取水的处罚。")
    assert [(r["matter"], r["source"]) for r in found] == [("向河道倾倒垃圾", source), ("擅自取水", source)]


@pytest.mark.parametrize(
    "text",
    [
        # one phrase after 涉及: what the grant touches, not what it is
        "下放事项涉及群众切身利益，各乡镇要加强监督。",
        "赋权事项涉及面广，要稳妥推进。",
    ],
)
def test_frames_what_a_grant_touches_is_no_list_of_its_matters(text):
    found = _transfers("某县方案\n将县市场监管局的部分行政执法事项下放到各乡镇。" + text)
    assert [(r["source"], r["target"]) for r in found] == [("县市场监管局", "乡镇")]


@pytest.mark.parametrize(
    "text",
    [
        # what stops names no giver: no restatement
        "将违法建设的行政处罚权划转至区城市管理局，此前已经立案的案件不再移交。",
        "将违法建设的行政处罚权划转至区城市管理局，已经受理的不再行使。",
    ],
)
def test_frames_a_stop_after_a_move_needs_a_giver(text):
    found = _transfers("某区方案\n" + text)
    assert [(r["matter"], r["source"]) for r in found] == [("违法建设", None)]


@pytest.mark.parametrize(
    "text",
    [
        # carrying out duties in general, or a time clause: no holder before, nothing moves
        "各部门要认真履行监督管理职责。",
        "县城市管理局履行职责时，应当出示执法证件。",
    ],
)
def test_frames_carrying_out_duties_in_general_moves_nothing(text):
    assert _transfers("某县方案\n" + text) == []


@pytest.mark.parametrize(
    "text,matter",
    [
        ("目前，我县餐饮油烟污染的查处职责由县综合执法局承担。", "餐饮油烟污染"),
        ("将全市范围内的户外广告设置审批职责划入市城市管理局。", "户外广告设置"),
        ("本区占道经营的行政处罚权，由区城管执法局集中行使。", "占道经营"),
    ],
)
def test_frames_the_writers_own_place_is_no_part_of_a_matter(text, matter):
    # "我县M", "全市范围内的M", "本区M": where the power runs, not what it is over
    found = _transfers("某县方案\n" + text)
    assert [r["matter"] for r in found] == [matter], found


@pytest.mark.parametrize(
    "text,want",
    [
        # the restatement before the semicolon stands; the condition after it states no move
        (
            "行政处罚权交由乡镇人民政府行使后，县级人民政府有关部门不再行使；已经交由乡镇人民政府行使的，有关部门应当加强指导。",
            [{"source": "县级人民政府有关部门", "power": "行政处罚权", "matter": None, "target": "乡镇人民政府"}],
        ),
        # the condition first, a move of its own after it
        (
            "委托街道办事处实施的，区水务局应当加强监督；将河道采砂管理的行政处罚权划转至区综合执法局。",
            [{"source": None, "power": "行政处罚权", "matter": "河道采砂管理", "target": "区综合执法局"}],
        ),
    ],
)
def test_frames_a_conditional_clause_beside_others_masks_only_itself(text, want):
    _assert_exactly("某区实施方案\n" + text, want)
