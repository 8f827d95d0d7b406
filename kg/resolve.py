"""The resolve stage: which body a name stands for within one document.

recognize finds names sentence by sentence; this stage reads the whole document. Which place a
place name means is resolved by the spaCy component ``quanze_resolve`` (``kg.nlp``, over
``kg.recognize.resolve_places``). Here:

- names the document gives its bodies: short names it defines ("(以下简称区执法局)") and 我局/本局
  in a letter its signer wrote, found wherever they occur (``defined_names``, ``self_references``);
- one record per body: the names of one body (市住建局, XX市住房和城乡建设局) merged, the longest
  standing for it and the others its aliases (``merge_aliases``).

``kg.pipeline`` runs the first after recognition; the relate stage applies the second to the
bodies it records.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.lexicon import alternation
from kg.recognize import MASKED_PLACE, AgencySpan, organ_of
from kg.types import Fact

if TYPE_CHECKING:
    from kg.ruleset import Rules

__all__ = ["DEFINES_SHORT", "defined_names", "merge_aliases", "of_county_level_city", "self_references"]


# the words that define a short name in brackets after a body: "(以下简称X)", "(统称X)"
DEFINES_SHORT = "以下简称|以下统称|以下称|下称|简称|统称"
# "市城市管理行政执法局(以下简称市执法局)": a short name the document defines for the body before it
_DEFINES = re.compile(rf"[(（](?:{DEFINES_SHORT})[“\"「]?(?P<short>[^()（）“”\"「」,，;；。、]{{2,12}}?)[”\"」]?[)）]")


# a body named just before another, joined to it: "县农业农村局、" before "县水利局(以下统称X)"
_NAMED_TOGETHER = re.compile(r"(?:局|委|办|厅|部门|机关|政府|中心|队)(?:、|和|及|与)$")

# "B是本市相对集中行使行政处罚权的行政机关": what the subject is, up to the definition of its short name
_SUBJECT_IS = re.compile(r"\s*(?:是|为)[^，,。；;()（）]{2,40}")


def defined_names(texts: list[str], bodies: list[list[AgencySpan]]) -> list[list[AgencySpan]]:
    """The short names a document defines for its bodies ("(以下简称市执法局)"), found in each of
    its sentences ``texts`` where no body in ``bodies`` stands: names the composition rules cannot
    read, each with the sector, level and place of the body it stands for.

    >>> from kg.recognize import find_agencies
    >>> texts = ["市城市管理行政执法局(以下简称市执法局)主管。", "市执法局负责监督。"]
    >>> found = defined_names(texts, [find_agencies(t, rules) for t in texts])
    >>> [(a.name, a.sector, a.level, a.rule_id) for a in found[1]]
    [('市执法局', '城市管理', 'city', 'agency.defined_short.v1')]
    >>> texts = ["县农业农村局、县水利局(以下统称业务主管部门)负责。"]
    >>> defined_names(texts, [find_agencies(t, rules) for t in texts])  # several bodies: no one's name
    [[]]
    >>> texts = ["水利、林业等有关部门(以下统称有关部门)负责。", "有关部门不得再行使。"]
    >>> defined_names(texts, [find_agencies(t, rules) for t in texts])  # sectors sharing one head: several
    [[], []]
    """
    defs: dict[str, AgencySpan] = {}
    for text, found in zip(texts, bodies):
        for m in _DEFINES.finditer(text):
            # the body before it, or the subject the sentence defines ("B是…的行政机关(以下简称X)")
            before = [b for b in found if b.end == m.start()] or [
                b for b in found if b.end < m.start() and _SUBJECT_IS.fullmatch(text, b.end, m.start())
            ]
            first = min(before, key=lambda b: (b.start, found.index(b))) if before else None
            if first is not None and (
                _NAMED_TOGETHER.search(text, 0, first.start) or len({b.sector for b in before}) > 1
            ):
                # "甲局、乙局(以下统称X)", "D1、D2等有关部门(以下统称X)": X names several bodies, not one of them
                continue
            if first is not None:  # of one name spread over levels ("市、区综合执法部门(以下统称…)"), the first
                defs.setdefault(m.group("short"), first)
    if not defs:
        return [[] for _ in texts]
    names = re.compile(alternation(defs))
    out = []
    for text, found in zip(texts, bodies):
        here = []
        for m in names.finditer(text):
            same = [b for b in found if (b.start, b.end) == m.span()]
            if same and all(b.level is None for b in same):
                # a kind of body that the rules read ("综合执法部门") is here the body the text defined it as
                here.append(_standing_for(defs[m.group()], m, m.group(), "agency.defined_short.v1"))
                continue
            if any(b.start < m.end() and m.start() < b.end for b in found) or _DEFINES.match(
                text, _open_paren(text, m)
            ):
                continue  # inside a body read by the rules, or the definition itself
            here.append(_standing_for(defs[m.group()], m, m.group(), "agency.defined_short.v1"))
        out.append(here)
    return out


# how many closing lines may hold a signature ("昆明市城市管理局" over "2021年7月20日")
SIGNATURE_LINES = 3


# what follows the author's name in a report's title: "（2022年）工作总结", "关于…工作情况的报告"
_AUTHORED = re.compile(
    r"\s*(?:(?:19|20)\d{2}年(?:度|上半年|下半年)?|[一二三四]季度)?(?:[\u4e00-\u9fff]{0,16}?工作)?"
    r"(?:总结|报告|计划|要点|情况|情况汇报|述职报告)\s*"
)


def self_references(texts: list[str], bodies: list[list[AgencySpan]], words: tuple[str, ...]) -> list[list[AgencySpan]]:
    """ "我局", "本局"… in a document its signer wrote: the signer's body, wherever they occur. The
    signer is a body standing alone on one of the closing lines; none, nothing is found.

    >>> from kg.recognize import find_agencies
    >>> texts = ["已划转我局统一行使。", "昆明市城市管理局", "2021年7月20日"]
    >>> found = self_references(texts, [find_agencies(t, rules) for t in texts], ("我局",))
    >>> [(a.text, a.name, a.level) for a in found[0]]
    [('我局', '昆明市城市管理局', 'city')]
    >>> texts = ["某区城市管理局2022年工作总结", "我局承接了划转事项。"]
    >>> found = self_references(texts, [find_agencies(t, rules) for t in texts], ("我局",))
    >>> [(a.text, a.name) for a in found[1]]
    [('我局', '某区城市管理局')]
    """
    out: list[list[AgencySpan]] = [[] for _ in texts]
    signer = next(
        (
            found[0]
            for text, found in list(zip(texts, bodies))[-SIGNATURE_LINES:][::-1]
            if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.strip())
        ),
        None,
    )
    if signer is None and texts and bodies[0] and bodies[0][0].start == 0:
        # "某区城市管理局2022年工作总结": a report's title names who wrote it
        author = bodies[0][0]
        signer = author if _AUTHORED.fullmatch(texts[0], author.end) else None
    if signer is None or not words:
        return out
    rx = re.compile(alternation(words))
    for i, text in enumerate(texts):
        out[i] = [_standing_for(signer, m, signer.name, "agency.self_reference.v1") for m in rx.finditer(text)]
    return out


def _standing_for(body: AgencySpan, m: re.Match, name: str, rule: str) -> AgencySpan:
    """A mention at ``m`` of ``body`` under another name ("区执法局", "我局")."""
    return AgencySpan(m.start(), m.end(), m.group(), name, body.sector, body.level, rule, body.place, body.generic)


def _open_paren(text: str, m: re.Match) -> int:
    """Where the parenthesis that ``m`` stands in opens (or ``m``'s start when it stands in none)."""
    k = max(text.rfind("(", 0, m.start()), text.rfind("（", 0, m.start()))
    return k if k >= 0 and max(text.rfind(")", k, m.start()), text.rfind("）", k, m.start())) < 0 else m.start()


# for telling bodies apart within one document, the generic organ words are one class
_ORGAN_CLASS = {"机关": "部门", "机构": "部门"}


def _organ(name: str) -> str:
    organ = organ_of(name)
    return _ORGAN_CLASS.get(organ, organ)


def of_county_level_city(agency_facts: list[Fact], header: dict) -> list[Fact]:
    """The bodies of a county-level city's own text (its header: county level, a 市 as its place)
    named by the bare level word 市 ("市城市管理局", "市委编办"): that city's, county level, not a
    prefecture's. Other texts' bodies as they are."""
    if header.get("level") != "county" or not str(header.get("jurisdiction") or "").endswith("市"):
        return agency_facts
    return [
        replace(f, data=replace(f.data, level="county"))
        if f.get("level") == "city" and not f.get("adcode") and _BARE_CITY.match(str(f.get("name")))
        else f
        for f in agency_facts
    ]


_FUNCTION_WORDS = re.compile(r"执法|综合|行政|监察|管理")
_AND_ABOVE = re.compile(r"^[省市州县区乡镇]级以上")
_BARE_CITY = re.compile(
    r"市(?![辖场容区民]|政(?!府))"
)  # 市 as a level word (市政府 too), not 市辖区, 市场, 市政, 市容…


_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")


def merge_aliases(agency_facts: list[Fact], rules: Rules, text: str = "") -> list[Fact]:
    """One record per distinct body of a document: names that share sector, level and kind of
    organ are one body ("市住建局" = "XX市住房和城乡建设局", "省委" = "中共安徽省委"); a name without
    a level joins the one leveled body of its sector and organ, if there is exactly one. The
    longest name stands for the body; the others become its aliases. Two names written apart in one
    sentence of ``text`` (the document's) are two bodies, not one named twice.

    >>> from kg.facts import Agency
    >>> from kg.ruleset import load_rules
    >>> fs = [Fact("d", Agency(n, "住房城乡建设", "city"), "") for n in ("市住建局", "XX市住房和城乡建设局")]
    >>> [(f.get("name"), f.get("aliases")) for f in merge_aliases(fs, load_rules())]
    [('XX市住房和城乡建设局', ('市住建局',))]
    >>> town = Fact("d", Agency("青石镇", "街道乡镇", "street"), "", rule_id="agency.township_named.v1")
    >>> gov = Fact("d", Agency("青石镇人民政府", "街道乡镇", "street"), "")
    >>> [(f.get("name"), f.get("aliases")) for f in merge_aliases([town, gov], load_rules())]
    [('青石镇人民政府', ('青石镇',))]
    """
    groups: dict[tuple, list[Fact]] = {}
    for f in agency_facts:
        legislature = _LEGISLATURE.search(str(f.get("name")))
        if legislature and f.get("sector") == "其他":
            # "甲州第十四届人民代表大会常务委员会" = "甲州人大常委会" = "州人民代表大会常务委员会" (one place)
            organ = _LEGISLATURE_ORGAN.get(legislature.group("organ"), legislature.group("organ"))
            groups.setdefault(("legislature", f.get("level"), organ), []).append(f)
            continue
        if (
            f.rule_id
            in ("agency.council.v1", "agency.standalone.v1", "agency.internal_unit.v1", "agency.township_named.v1")
            or f.get("sector") == "其他"
            # "省、自治区、直辖市人民政府": each such body, none in particular ("县(市、区)政府" is one)
            or "、" in _BRACKETED.sub("", str(f.get("name")))
        ):
            key = ("council", f.get("name"))  # named whole, or of no known sector: only its own name
        else:
            # "县级以上公安机关" names every such body from the county up: another body than "公安机关"
            above = _AND_ABOVE.match(str(f.get("name")))
            # (the organ of the name spelled out: "县编办" is a 机构编制委员会办公室, as its full name is)
            organ = _organ(rules.canonical_name(str(f.get("name"))))
            key = (f.get("sector"), f.get("level"), organ + (above.group() if above else ""))
        groups.setdefault(key, []).append(f)
    # a town named bare ("赋予杜桥镇…") is its government, when the text names it ("杜桥镇人民政府")
    for key in [k for k in groups if k[0] == "council" and groups[k][0].rule_id == "agency.township_named.v1"]:
        town = str(key[1])
        full = next(
            (
                k
                for k in groups
                if k != key
                and _TOWN_BODY.fullmatch(str(groups[k][0].get("name")), len(town))
                and str(groups[k][0].get("name")).startswith(town)
            ),
            None,
        )
        if full is not None:
            groups[full].extend(groups.pop(key))
    for key in [k for k in groups if k[0] != "council" and k[1] is None]:
        leveled = [k for k in groups if k[0] == key[0] and k[2] == key[2] and k[1] is not None]
        if len(leveled) == 1 and key[2] not in ("部门",):
            groups[leveled[0]].extend(groups.pop(key))
    # "市环保部门" in a city's text is its 市环保局 when the text names exactly one such bureau
    for key in [k for k in groups if k[0] != "council" and k[1] is not None and k[2] == "部门"]:
        specific = [k for k in groups if k[:2] == key[:2] and k[2] in ("局", "厅", "委员会")]
        if len(specific) == 1:
            groups[specific[0]].extend(groups.pop(key))
    out = []
    for key, group in groups.items():
        for same_place in _by_place(group):
            split = _by_session(same_place) if key[0] == "legislature" else _by_compatible_core(same_place, rules, text)
            for members in split:
                out.append(_merged(key, members))
    return out


# what follows a town's name in its government's: "杜桥镇" + "人民政府", "青山街道" + "办事处"
_TOWN_BODY = re.compile(r"人民政府|政府|办事处")


# a legislature's name: its session ordinal may stand between place and organ ("第十四届")
_LEGISLATURE = re.compile(
    r"(?:第(?P<session>[一二三四五六七八九十\d]{1,3})届)?(?P<organ>人民代表大会常务委员会|人大常委会)$"
)
_LEGISLATURE_ORGAN = {"人大常委会": "人民代表大会常务委员会"}


def _by_session(group: list[Fact]) -> list[list[Fact]]:
    """One legislature's names: those of different sessions are different bodies (the text that
    amends a regulation names the committees of two sessions); a name with no session joins the
    one session named, if there is exactly one."""
    sessions: dict[str, list[Fact]] = {}
    for f in group:
        sessions.setdefault(_LEGISLATURE.search(str(f.get("name"))).group("session") or "", []).append(f)
    plain = sessions.pop("", [])
    if len(sessions) == 1:
        next(iter(sessions.values())).extend(plain)
        plain = []
    return [members for members in (*sessions.values(), plain) if members]


def _by_place(group: list[Fact]) -> list[list[Fact]]:
    """Bodies whose names open with different places are different bodies (东胜区…局, 康巴什区…局);
    a name with no place of its own joins the one placed body, if there is exactly one."""
    placed: dict[str, list[Fact]] = {}
    placeless: list[Fact] = []
    for f in group:
        own = f.get("adcode")  # the place the name opens with (辽宁省沈阳市… → 沈阳市)
        (placed.setdefault(own, []) if own else placeless).append(f)
    if len(placed) == 1:
        next(iter(placed.values())).extend(placeless)
        placeless = []
    return [members for members in (*placed.values(), placeless) if members]


def _abbreviates(short: str, long: str) -> bool:
    """True when ``short`` is ``long`` abbreviated: its characters appear in ``long`` in order
    (住建 ↔ 住房和城乡建设, 城管执法 ↔ 城市管理行政执法, 食药监 ↔ 食品药品监督管理; not 建管 ↔ 建设)."""
    it = iter(long)
    return all(ch in it for ch in short)


# A name that opens with a bare level word (市政府, 州政府): different words are different bodies.
_LEVEL_HEAD = re.compile(r"^(?:乡镇|街道|[省市州盟县区旗乡镇])(?![级辖])")


def _level_head(name: str, core: str) -> str | None:
    """The bare level word a name opens with ("州政府" → 州), unless it begins the name's sector
    core (``core``: "市容局" opens with 市容).

    >>> _level_head("州政府", ""), _level_head("市容局", "市容"), _level_head("市辖区城管局", "城管")
    ('州', None, None)
    >>> _level_head("乡人民政府", ""), _level_head("镇人民政府", ""), _level_head("乡镇人民政府", "")
    ('乡', '镇', '乡镇')
    """
    m = _LEVEL_HEAD.match(name)
    if m is None or name.startswith(core or "\0"):
        return None
    return m.group()


def _by_compatible_core(members: list[Fact], rules: Rules, text: str = "") -> list[list[Fact]]:
    """Split a group of same sector, level and organ by core: "市建设部门" and "市建管部门" stay two."""
    if len(members) == 1:
        return [members]
    cores = {str(f.get("name")): rules.longest_core(str(f.get("name"))) for f in members}
    # (and of the names spelled out: "县编办" has 编办 as written, 机构编制 as its full name has)
    spelled = {name: rules.longest_core(rules.canonical_name(name)) for name in cores}
    clusters: list[tuple[str, list[Fact]]] = []
    for f in sorted(members, key=lambda f: -len(cores[str(f.get("name"))])):
        name = str(f.get("name"))
        core, head = cores[name], _level_head(name, cores[name])
        for rep, cluster in clusters:
            first = str(cluster[0].get("name"))
            other = _level_head(first, cores[first])
            if head and other and head != other:
                continue  # "市政府" and "州政府": two level words, two bodies
            # "公安" and "公安交警" (its traffic police: 公安 + the core of a unit) are two bodies;
            # "城市管理" and "城市管理综合执法" (the same department's enforcement named) are one
            rest = rep[len(core) :] if core and rep.startswith(core) else ""
            unit = rest in rules.agencies.core_sector and not _FUNCTION_WORDS.search(rest)
            # (a name that adds to the other's core, written apart from it in one sentence, is another body)
            apart = bool(rest) and any(_written_apart(f, g, text) for g in cluster)
            if (_abbreviates(core, rep) or _abbreviates(spelled[name], spelled[first])) and not unit and not apart:
                cluster.append(f)
                break
        else:
            clusters.append((core, [f]))
    # keep the document's order within each cluster (the first written name breaks ties)
    return [sorted(c, key=members.index) for _, c in clusters]


# what stands between a name and its other name: "A（B）", "A(挂B牌子)", "A（即B）"
_ALIAS_BETWEEN = re.compile(r"\s*[(（](?:挂|加挂|即|简称|下称|以下简称)?\s*")


def _written_apart(a: Fact, b: Fact, text: str) -> bool:
    """Whether two names are written apart in one sentence, so are two bodies ("组建市城市管理综合执法局，
    归口市城市管理局管理"), not one body's two names (a bracketed alias stands right after the name)."""
    if not text or not a.sentence_id or a.sentence_id != b.sentence_id or min(a.start, b.start) < 0:
        return False
    first, second = sorted((a, b), key=lambda f: f.start)
    return first.end <= second.start and not _ALIAS_BETWEEN.fullmatch(text[first.end : second.start])


def _merged(key: tuple, members: list[Fact]) -> Fact:
    """One agency record for the names of one body; the others become its aliases."""
    if key[0] != "council" and key[1] is None and key[2] == "部门":
        # a kind of body: its plainest name ("规划部门", not "城市规划行政管理部门")
        main = min(members, key=lambda f: (len(str(f.get("name"))), members.index(f)))
    else:
        main = max(members, key=lambda f: (_has_place(f), len(str(f.get("name"))), -members.index(f)))
    aliases = tuple(dict.fromkeys(str(f.get("name")) for f in members if f is not main))
    return replace(main, data=replace(main.data, aliases=aliases)) if aliases else main


def _has_place(f: Fact) -> bool:
    name = str(f.get("name"))
    return bool(f.get("adcode")) or bool(MASKED_PLACE.match(name)) or name.startswith("中共")
