"""Recognize stage: text → ``Mention``s of agencies, places, dates and document numbers.

Recognition is character-level composition over lexicons kept as data (``kg/rules``):
a body is [place | level]* + sector core + [modifier] + organ suffix, so bodies never seen
before are found; places come from the GB/T 2260 gazetteer. The build runs these rules as
spaCy components (``kg.nlp``: ``quanze_places`` and ``quanze_bodies``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from kg.lexicon import Words, alternation
from kg.places import Place, gazetteer
from kg.ruleset import Rules, derived

__all__ = [
    "AgencySpan",
    "NumberSpan",
    "PlaceSpan",
    "SentenceMentions",
    "find_agencies",
    "find_dates",
    "find_doc_numbers",
    "find_places",
    "masked_level",
    "organ_of",
    "recognize",
]

_CJK = re.compile(r"[\u4e00-\u9fff]")
# A place left out on purpose: "XX市", "某县", "**区" (letters, 某 or asterisks before a level word)
MASKED_PLACE = re.compile(
    r"(?<![A-Za-z])(?:[XxＸｘ×]{1,3}|某{1,2}|[*＊]{1,3})(?:自治区|自治州|自治县|省|市|县|区|州|盟|旗)"
)


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    start: int
    end: int
    text: str
    place: Place | None  # None for a masked place such as "XX市"
    candidates: tuple[Place, ...] = ()


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """A document number (文号) as written: "黑发〔2017〕3号"."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SentenceMentions:
    """What the recognize and resolve stages found in one sentence (offsets within it): its places
    (as resolved), its bodies and its document numbers."""

    places: list
    bodies: list
    numbers: list


@dataclass(frozen=True, slots=True)
class AgencySpan:
    start: int
    end: int
    text: str  # as written (qualifiers such as 当地/本级 stripped)
    name: str  # the name of this one body (a coordination is expanded)
    sector: str
    level: str | None
    rule_id: str
    place: Place | None = None
    generic: bool = False  # "城市管理部门": a kind of body, not one organisation


# ---------------------------------------------------------------- places


@cache
def _place_automaton():
    return Words({name: name for name in gazetteer().names() if len(name) >= 2}, longest=True)


def find_places(text: str, rules: Rules) -> list[PlaceSpan]:
    """Places named in ``text``: full names anywhere, short names of provinces anywhere,
    short names of cities when three or more characters long or standing in a list of places.

    >>> [(p.text, p.place.standard_name) for p in find_places("在亳州、宿州和黄山市开展试点,崆峒区跟进", rules)]
    [('亳州', '亳州市'), ('宿州', '宿州市'), ('黄山市', '黄山市'), ('崆峒区', '平凉市崆峒区')]
    """
    # the longest name at the leftmost place, no overlaps
    return _places(text, _place_automaton().find(text), [m.span() for m in MASKED_PLACE.finditer(text)], rules)


def places_of_sentences(text: str, bounds: list[tuple[int, int]], rules: Rules) -> list[list[PlaceSpan]]:
    """``find_places`` of each sentence of ``text`` standing at ``bounds`` (offsets within the
    sentence), the gazetteer's names and the masked places found in one pass over the whole text:
    no name holds the line break between two sentences, and a sentence with none costs nothing.

    >>> text = "在亳州、宿州开展试点\\n由XX市负责\\n无地名"
    >>> [[p.text for p in ps] for ps in places_of_sentences(text, [(0, 10), (11, 17), (18, 21)], rules)]
    [['亳州', '宿州'], ['XX市'], []]
    """
    names = _place_automaton().find(text)
    masked = [m.span() for m in MASKED_PLACE.finditer(text)] if _MASK_CHARS.search(text) else []
    out: list[list[PlaceSpan]] = []
    i = j = 0
    for a, b in bounds:
        while i < len(names) and names[i][0] < a:
            i += 1
        while j < len(masked) and masked[j][0] < a:
            j += 1
        chosen, hidden = [], []
        while i < len(names) and names[i][1] <= b:
            s, e, name = names[i]
            chosen.append((s - a, e - a, name))
            i += 1
        while j < len(masked) and masked[j][1] <= b:
            hidden.append((masked[j][0] - a, masked[j][1] - a))
            j += 1
        out.append(_places(text[a:b], chosen, hidden, rules) if chosen or hidden else [])
    return out


# the characters a masked place opens with (MASKED_PLACE): most texts have none
_MASK_CHARS = re.compile(r"[XxＸｘ×某*＊]")


def _places(
    text: str, chosen: list[tuple[int, int, str]], masked: list[tuple[int, int]], rules: Rules
) -> list[PlaceSpan]:
    """The places of ``text`` among the gazetteer's names found in it (``chosen``: start, end, name)
    and its masked places (start, end)."""
    g, not_places = gazetteer(), rules.places.not_places
    spans: list[PlaceSpan] = []
    media = _MEDIA_WORDS.search(text) is not None  # (most texts name no newspaper nor station)
    for i, (s, e, name) in enumerate(chosen):
        cands = tuple(g.lookup(name))
        full = [c for c in cands if c.name == name]
        nxt = text[e : e + 1]
        if name.endswith("区") and nxt and nxt in "域划间":  # 江南区域, 城区划: not a place
            continue
        if media and _MEDIA.match(text, e):  # "江西日报", "南昌晚报记者": a newspaper or station, not the place
            continue
        if (
            name in not_places
            and not _in_place_list(text, s, e, chosen, i, real=not_places)
            and not _right_after_its_city(chosen, i, g)
        ):
            # "城区", "新城区": ordinary words, unless listed with other places ("新城区、回民区") or
            # written right after the city they are a district of ("西安市新城区", "西安新城区")
            continue
        # "建成区和县政府", "县交通运输局和县文化和旅游局": 和县 (a county) read across a conjunction
        # that joins two level words, or a body and a body of the next level
        placed_before = i > 0 and chosen[i - 1][1] == s and chosen[i - 1][2] not in not_places
        # "乡镇和县级相关部门": 和 joining a level word (县级, 市级), not the county 和县
        if name[:-1] in rules.places.joining_words and text.startswith("级", e) and not placed_before:
            continue
        if name[:-1] in rules.places.joining_words and _joins_bodies(text, s, e, rules) and not placed_before:
            continue
        if not full:
            # a short name: provinces always; cities when long or listed
            prov = [c for c in cands if c.rank == 1]
            if prov:
                cands = tuple(prov)
            elif (
                len(name) < 3 and not _in_place_list(text, s, e, chosen, i) and not _right_before_its_own(chosen, i, g)
            ):
                continue  # (a short name of two characters is a city when listed, or right before one of its
                # districts: "西安新城区")
            if nxt and nxt in "省市县区州盟":  # "宿州市" is matched whole elsewhere; "黄山区" is another place
                continue
        else:
            cands = tuple(full)
        spans.append(PlaceSpan(s, e, name, cands[0], cands))
    for s, e in masked:
        spans.append(PlaceSpan(s, e, text[s:e], None))
    spans.sort(key=lambda p: p.start)
    return spans


_POWER_ENDINGS = ("职责", "职能", "权", "权限", "事项")


# the media a place's name opens the name of: newspapers, stations, news sites
_MEDIA_WORDS = re.compile(r"报|台|新闻网|融媒体")
_MEDIA = re.compile(r"(?:[省市县区]?(?:日报|晚报|早报|商报|都市报|电视台|广播电视台|人民广播电台|新闻网|融媒体中心))")


def _within(g, inner: str, outer: str) -> bool:
    """Whether a division named ``inner`` lies within a city named (fully or shortly) ``outer``."""
    cities = {c.name for c in g.lookup(outer) if c.rank == 2}
    return any(c.rank == 3 and c.city in cities for c in g.lookup(inner))


def _right_after_its_city(chosen, i: int, g) -> bool:
    """Whether the name ``chosen[i]`` stands right after the name of a city it is a district of."""
    return i > 0 and chosen[i - 1][1] == chosen[i][0] and _within(g, chosen[i][2], chosen[i - 1][2])


def _right_before_its_own(chosen, i: int, g) -> bool:
    """Whether the name ``chosen[i]`` (a city's) stands right before one of its districts or counties."""
    return i + 1 < len(chosen) and chosen[i + 1][0] == chosen[i][1] and _within(g, chosen[i + 1][2], chosen[i][2])


def _joins_bodies(text: str, s: int, e: int, rules: Rules) -> bool:
    """Whether a division named like a joining word (和县, 会同县) at [s, e) is that word joining
    bodies: a body or level word ends just before it ("县交通运输局和县文化和旅游局", "市政府和县政府"),
    or a verb of two characters after a modal ("县司法局将会同县委编办…") whose level word opens a body."""
    if s > 0 and (text[s - 1] in "区市县镇乡省" or _endings_re(rules).match(text, s - 1) is not None):
        return True
    if text.endswith(_POWER_ENDINGS, 0, s):  # "G1的M1职责和县林业局的M2职责": 和 joins two owners' powers
        return True
    if e - s < 3 or s == 0 or text[s - 1] not in "将要应并须可另":
        return False
    return any(a.start == 0 for a in find_agencies(text[e - 1 : e + 15], rules, []))


def _in_place_list(text: str, s: int, e: int, chosen, i: int, real: frozenset[str] = frozenset()) -> bool:
    """True when the name at [s, e) is joined by 、/和/及 to another place name (one not in ``real``:
    a list of ordinary words, "城区、郊区", is no list of places)."""
    before = chosen[i - 1] if i > 0 and chosen[i - 1][2] not in real else None
    after = chosen[i + 1] if i + 1 < len(chosen) and chosen[i + 1][2] not in real else None
    if before and text[before[1] : s] in ("、", "和", "及", ",", "与"):
        return True
    if after and text[e : after[0]] in ("、", "和", "及", ",", "与"):
        return True
    return False


def resolve_places(spans: list[PlaceSpan]) -> list[PlaceSpan]:
    """Choose among same-named places (朝阳区 of Beijing or of Changchun) by the other places
    the same text names: one of the kind of the places it is named together with ("扬州、泰州市":
    the city, not the county-level 泰州市 of 扬州 before 1996), else the candidate whose province
    and city are named most wins."""
    votes: dict[str, int] = {}
    for sp in spans:
        if sp.place is None:
            continue
        for key in {c.province for c in sp.candidates} | {c.city for c in sp.candidates if c.city}:
            votes[key] = votes.get(key, 0) + (1 if len(sp.candidates) == 1 else 0)
        if len(sp.candidates) == 1:
            votes[sp.place.name] = votes.get(sp.place.name, 0) + 2
    # places named together under one head ("南通、扬州、泰州市": the bare names share the last one's
    # 市) are of one kind, as the neighbours that are not in doubt ("临沂市、泗水县" name their own kinds)
    shared = [sp for sp in spans if sp.place is not None and len(sp.candidates) == 1 and sp.text != sp.place.name]
    ends, starts = {sp.end: sp for sp in shared}, {sp.start: sp for sp in shared}
    out = []
    for sp in spans:
        if sp.place is not None and len(sp.candidates) > 1:
            near = [n.place.level for n in (ends.get(sp.start - 1), starts.get(sp.end + 1)) if n is not None]
            best = max(
                sp.candidates,
                key=lambda c: (
                    c.level in near,
                    votes.get(c.province, 0) + votes.get(c.city or "", 0),
                    c.last_year,
                    c.rank == 1,
                ),
            )
            sp = PlaceSpan(sp.start, sp.end, sp.text, best, sp.candidates)
        out.append(sp)
    return out


# ---------------------------------------------------------------- agencies


_MODIFIERS = [
    "综合",
    "行政",
    "执法",
    "监督",
    "监察",
    "督查",
    "管理",
    "指挥",
    "服务",
    "稽查",
    "协调",  # "综合行政执法协调机构", "城市管理协调办公室"
    "工作",
    "体制改革",
    "改革",
    "试点",
]
_WEAK_SUFFIX = {"中心", "所", "站", "处", "科", "部", "队伍", "分队", "中队"}
# a township's stations, named by their sector alone when listed together: "安监站、国土所、村建站等"
_STATIONS = ("所", "站")
_STATION_AFTER = re.compile(r"[、和及与][\u4e00-\u9fff]{2,4}[所站](?:[、和及与等的]|$)")
_STATION_BEFORE = re.compile(r"[\u4e00-\u9fff][所站][、和及与]$")


def _in_station_list(text: str, start: int, end: int) -> bool:
    """Whether the station at ``start:end`` is one of several listed together."""
    return bool(_STATION_AFTER.match(text, end) or _STATION_BEFORE.search(text, max(0, start - 3), start))


_STOP = set(",，。;；:：、()（）《》“”\"'的由在将为是和及与对向把从以并或等其")


@derived
def _agency_regex(rules: Rules) -> re.Pattern:
    lex = rules.agencies
    # a core that ends in 办 is not one before 公 ("法制办公室" is 法制 + 办公室); nor one before what
    # makes it part of another word (agencies.yaml core_not_before: 市政府)
    guards = lex.core_not_before
    cores = alternation(
        lex.core_sector,
        {
            c: "(?!公)" if c.endswith("办") else f"(?![{re.escape(guards[c])}])"
            for c in lex.core_sector
            if c.endswith("办") or c in guards
        },
    )
    # single characters that end a body name only when no word continues them: 办法, 处罚, 部署, 所有, 科学, 局面, 委托
    blocked = {
        "办": "法理公事",
        "处": "罚理置",
        "部": "署分门位",
        "所": "有在以属",
        "科": "学技",
        "局": "面势",
        "委": "托员",
        "站": "长在",
        "中心": "任工",
        # "城市管理机构综合设置", "机构改革": institutions as a topic, not a body
        "机构": "设综改编和队",
    }
    suffixes = alternation(lex.suffixes, {x: f"(?![{blocked[x]}])" for x in blocked})
    mods = alternation(_MODIFIERS)
    level_names = alternation(k for k, v in lex.levels.items() if k.endswith("级") or k in ("省", "市", "县", "区"))
    return re.compile(
        # (cores glued with no word between them name one merged bureau: "教育体育局", "文化旅游广电体育局";
        # not a modifier after a core: "市容监察大队")
        rf"(?P<gov>(?:人民)?政府)?(?P<urban>城镇)?(?P<cores>(?:{cores})(?:(?!{mods})(?:{cores})){{0,3}}(?:[、和及与](?:{cores}|(?![省市县区州乡镇街])[\u4e00-\u9fff]{{1,3}}?(?:{cores})))*)"
        # a merged bureau whose second portfolio is no sector of the lexicon: "水利和湖泊局", "商务和粮食局"
        rf"(?P<merged>和(?![省市县区州乡镇街])[\u4e00-\u9fff]{{2}}(?=(?:局|厅|委员会)(?![面势])))?"
        rf"(?:(?P<deng>等)?(?P<lvl>{level_names})?(?P<rel>相关|有关)?"
        rf"(?P<mods>(?:{mods}){{0,3}}?)(?P<suf>{suffixes}))?"
    )


def _agency_matches(text: str, rules: Rules):
    """``_agency_regex(rules).finditer(text)``, tried only where a core starts (or 政府/人民政府 before one):
    the same matches, leftmost first and not overlapping, without scanning every position.

    >>> [m.group() for m in _agency_matches("由市城管执法局和县政府环保局负责", rules)]
    ['城管执法局', '政府环保局']
    """
    starts: set[int] = set()
    for begin, _end, _core in rules.core_hits(text):
        if text.startswith("城镇", begin - 2):  # "城镇市容和环境卫生主管部门": the towns' portfolio, no level
            begin -= 2
        starts.add(begin)
        for gov in ("政府", "人民政府"):
            if text.startswith(gov, begin - len(gov)):
                starts.add(begin - len(gov))
    return _matches_at(_agency_regex(rules), text, sorted(starts))


def _matches_at(rx: re.Pattern, text: str, positions) -> list[re.Match]:
    """What ``rx.finditer(text)`` yields, when every match must start at one of ``positions``
    (ascending): leftmost first, none overlapping, empty matches dropped."""
    out: list[re.Match] = []
    last = 0
    for pos in positions:
        if pos < last:
            continue
        m = rx.match(text, pos)
        if m and m.end() > m.start():
            out.append(m)
            last = m.end()
    return out


@derived
def _standalone_regex(rules: Rules) -> re.Pattern:
    lex = rules.agencies
    gov = alternation(lex.government)
    return re.compile(
        rf"(?P<standalone>{alternation(lex.standalone)})|(?P<gov>{gov})"
        rf"|(?P<party>(?:党工委|党委|党组|(?<=[省市州县区盟旗])委(?![员会]))"
        rf"(?:{alternation(lex.party_units) or '(?!)'})?)"
    )


@derived
def _standalone_words(rules: Rules) -> Words:
    """The words a standalone, government or party name begins with (the whole name for the first two)."""
    lex = rules.agencies
    return Words({w: w for w in [*lex.standalone, *lex.government, "党工委", "党委", "党组", "委"]})


def _standalone_matches(text: str, rules: Rules):
    """``_standalone_regex(rules).finditer(text)``, tried only where such a name can begin.

    >>> [m.group() for m in _standalone_matches("由县人民法院和市政府、区委负责", rules)]
    ['人民法院', '政府', '委']
    """
    starts = sorted({start for start, _end, _word in _standalone_words(rules).find(text)})
    return _matches_at(_standalone_regex(rules), text, starts)


@derived
def _endings_re(rules: Rules) -> re.Pattern:
    return re.compile("[" + "".join(sorted(map(re.escape, _endings(rules)))) + "]")


@derived
def _prefix_regex(rules: Rules) -> re.Pattern:
    """Prefixes read backwards: level words and masked places, possibly coordinated."""
    lex = rules.agencies
    levels = alternation([*lex.levels, *lex.paired_levels])
    return re.compile(rf"(?:{levels}|{MASKED_PLACE.pattern})$")


@derived
def _prefix_reach(rules: Rules) -> int:
    """How far back a prefix is looked for: the longest level word ("省、自治区、直辖市"), at least 8
    (a masked place, "XX自治州")."""
    lex = rules.agencies
    return max(8, *(len(w) for w in [*lex.levels, *lex.paired_levels]))


_SPECIAL_CORE_SECTOR = {"编制": "机构编制"}
_CN_NUM = "一二三四五六七八九十百零〇"
_SESSION = re.compile(rf"第?[{_CN_NUM}0-9]{{1,5}}届$")  # a legislature's or CPPCC's session ordinal
# 人大代表, 政协委员: members, not the body; 国务院机构改革: the reform of a body's organs, a topic
_WEBSITE = re.compile(r"(?:门户)?(?:网站|官网|微信公众号|公众号|政务微博)")
# (市委副书记, 县纪委书记: a party committee's secretary, a person)
_PERSON_AFTER = re.compile(r"(?:代表|委员(?!会)|常委(?!会)|机构改革|(?:第一|专职)?副?书记(?!处))")
# "发展改革、自然资源、人民防空等行政主管部门": sectors sharing one head, some of them beyond the lexicon
_SECTOR_LIST = re.compile(
    r"(?P<items>[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+)等(?:[\d一二三四五六七八九十]{1,3}个)?"
    # the level may follow the list: "经信、商务等区级有关部门"
    r"(?P<lvl>[省市州县区]级)?(?P<rel>有关|相关)?"
    r"(?P<suf>行政主管部门|主管部门|行政部门|管理部门|部门)"
)
_ORGAN_END = ("办", "委", "局", "厅", "所")  # a core that names its organ: 编办, 文明委, 司法局, 司法所


@derived
def _endings(rules: Rules) -> frozenset[str]:
    """The last characters a body's name can end with (organ suffixes, whole names, cores that are bodies)."""
    lex = rules.agencies
    words = [*lex.suffixes, *lex.standalone, *lex.government, *lex.party, "党工委", "党组", "委"]
    words += [c for c in lex.core_sector if c.endswith(_ORGAN_END)]
    words += _COUNCIL_WORDS
    return frozenset(w[-1] for w in words)


def _prefix_chain(
    text: str, start: int, place_ends: dict[int, PlaceSpan], rules: Rules
) -> list[tuple[int, str, str | None, Place | None]]:
    """Walk back from ``start`` over prefixes: places, level words, "中共", joined by 、.

    Returns the prefix items, nearest last: (start, text, level, place).
    """
    lex = rules.agencies
    items: list[tuple[int, str, str | None, Place | None]] = []
    pos = start
    while pos > 0:
        sp = place_ends.get(pos)
        zone = None if sp is not None else _zone_before(text, pos, place_ends, rules)
        if zone is not None:  # "红谷滩新区" + "城市管理局": an area the gazetteer does not hold
            items.append((zone, text[zone:pos], "district", None))
            pos = zone
        elif sp is not None:
            level = sp.place.level if sp.place else ("city" if sp.text.endswith("市") else masked_level(sp.text))
            items.append((sp.start, sp.text, level, sp.place))
            pos = sp.start
        else:
            m = _prefix_regex(rules).search(text[max(0, pos - _prefix_reach(rules)) : pos])
            if not m:
                break
            word = m.group()
            if word.endswith("委") and items:
                break  # a party committee prefixes its own organs only ("中共安徽省委 安徽省人民政府" are two)
            pos -= len(word)
            if word in lex.paired_levels:  # "市州" → 市、州
                at = pos
                for k, part in enumerate(lex.paired_levels[word]):
                    if k:
                        items.append((at, "、", None, None))
                    items.append((at, part, lex.levels[part], None))
                    at += len(part)
                items[-len(lex.paired_levels[word]) * 2 + 1 :] = reversed(
                    items[-len(lex.paired_levels[word]) * 2 + 1 :]
                )
            else:
                items.append((pos, word, lex.levels.get(word, masked_level(word)), None))
        before = (
            _prefix_regex(rules).search(text[max(0, pos - 1 - _prefix_reach(rules)) : pos - 1]) if pos > 0 else None
        )
        if (
            pos > 0
            and text[pos - 1] == "、"
            and (place_ends.get(pos - 1) or (before and not before.group().endswith("委")))
        ):  # "省委、省政府" are two bodies, not 省委政府 and 省政府
            items.append((pos - 1, "、", None, None))
            pos -= 1
            continue
        if text[max(0, pos - 2) : pos] == "中共":
            items.append((pos - 2, "中共", None, None))
            pos -= 2
        # a place may directly precede a level word ("黑龙江省" + "住建厅" is one chain)
        if not (
            place_ends.get(pos)
            or (pos > 0 and _prefix_regex(rules).search(text[max(0, pos - _prefix_reach(rules)) : pos]))
            or _zone_before(text, pos, place_ends, rules) is not None
        ):
            break
        # but two bare level words in a row ("市县") are a coordination only with 、
        prev = place_ends.get(pos)
        if prev is None and items and items[-1][3] is None and items[-1][1] in lex.levels:
            break
    items.reverse()
    return items


@derived
def _zone_regex(rules: Rules) -> re.Pattern:
    zones = rules.agencies.zones
    return re.compile(rf"(?:{alternation(zones)})$" if zones else r"(?!)")


# how far back a functional area's own name reaches ("红谷滩" of 红谷滩新区)
ZONE_NAME_MAX = 8


def _zone_before(text: str, pos: int, place_ends: dict, rules: Rules) -> int | None:
    """Where the name of a functional area that ends at ``pos`` starts: its suffix (新区, 开发区…)
    and the characters before it up to a place, a stop character or ``ZONE_NAME_MAX``; None
    when none ends there. A bare suffix with no name of its own before it is not an area
    unless it names one alone (高新区, 经济技术开发区).

    >>> t = "由南昌市红谷滩新区城市管理局"
    >>> t[_zone_before(t, 9, {4: "南昌市"}, rules) : 9], t[_zone_before(t, 9, {}, rules) : 9]
    ('红谷滩新区', '南昌市红谷滩新区')
    """
    m = _zone_regex(rules).search(text, max(0, pos - 10), pos)
    if not m:
        return None
    i = m.start()
    while i > 0 and m.start() - i < ZONE_NAME_MAX and i not in place_ends and _CJK.match(text[i - 1]):
        if text[i - 1] in _STOP:
            break
        i -= 1
    i = _after_verbs(text, i, m.start(), _zone_stops(rules))
    if i == m.start() and len(m.group()) < 3:
        return None  # "新区": a word, not an area's name
    return i


# verbs that stand before a name written with no stop character between ("成立…领导小组")
_NAME_VERBS = ("成立", "建立", "组建", "设立", "健全", "完善", "召开", "通过", "负责", "同意", "开展", "推进", "请")


@derived
def _zone_stops(rules: Rules) -> tuple[str, ...]:
    """Words no area's name holds: the verbs of naming, and those of the genre that stand before a
    body (``township_name_stops`` of two characters or more: 赋予, 交由, 下放…), and 关于 ("关于赋予
    X开发区管理委员会…的决定")."""
    words = [w for w in rules.agencies.township_name_stops if len(w) >= 2]
    # and the verbs after which a body receives ("下放至", "下沉到"; _after_verbs moves past the furthest end)
    return (*_NAME_VERBS, *words, *rules.agencies.township_receiving_verbs, "关于")


def _after_verbs(text: str, start: int, end: int, words: tuple[str, ...] = _NAME_VERBS) -> int:
    """``start`` moved past the last of ``words`` (the verbs of naming) in ``text[start:end]``, or one
    that runs into it ("下沉|至临港新区": a name opens with no part of a verb)."""
    for verb in words:
        k = text.rfind(verb, max(0, start - len(verb) + 1), end)
        if k >= 0:
            start = max(start, k + len(verb))
    return start


def _glued_cores(item: str, rules: Rules) -> list[str]:
    """The sector cores ``item`` is made of, two or more glued with no word between them, the longest
    first at each place ("文化旅游广电体育" → 文化旅游, 广电, 体育); [] for a core of its own or other words.

    >>> _glued_cores("教育体育", rules), _glued_cores("城市管理", rules), _glued_cores("工贸国资", rules)
    (['教育', '体育'], [], [])
    """
    lex = rules.agencies
    if item in lex.core_sector:
        return []
    out, at = [], 0
    while at < len(item):
        core = next((item[at:end] for end in range(len(item), at, -1) if item[at:end] in lex.core_sector), None)
        if core is None:
            return []
        out.append(core)
        at += len(core)
    return out if len(out) > 1 else []


def _core_of(item: str, rules: Rules) -> str | None:
    """The sector core a coordinated item ends with: "工贸国资" → "国资" (a few characters of its own)."""
    lex = rules.agencies
    if item in lex.core_sector:
        return item
    for k in range(1, 4):
        if item[k:] in lex.core_sector:
            return item[k:]
    return None


# the level of a masked place by its kind ("XX自治州": a prefecture, as the gazetteer ranks one)
_MASKED_LEVELS = (
    ("自治区", "province"),
    ("自治州", "city"),
    ("自治县", "county"),
    ("省", "province"),
    ("市", "city"),
    ("州", "city"),
    ("盟", "city"),
    ("县", "county"),
    ("旗", "county"),
    ("区", "district"),
)


def masked_level(word: str) -> str | None:
    """The level a masked place's kind says: "某某自治州" a prefecture (city level), "某区" a district.

    >>> [masked_level(w) for w in ("某自治区", "XX自治州", "某旗", "某区")]
    ['province', 'city', 'county', 'district']
    """
    return next((level for kind, level in _MASKED_LEVELS if word.endswith(kind)), None)


def _group_prefix(group: list, groups: list[list]) -> str:
    """A coordinated group's prefix as written; a place written bare that shares the last group's
    kind takes its full name ("南通、扬州、泰州市人民政府": 南通市人民政府, conventions G9)."""
    words = [it[1] for it in group]
    if not group or group is groups[-1]:
        return "".join(words)
    last, own = groups[-1][-1], group[-1]
    if own[3] is not None and last[3] is not None and last[1] == last[3].name and own[3].name == own[1] + last[1][-1]:
        words[-1] = own[3].name
    return "".join(words)


def _split_prefix_groups(items):
    """Split prefix items at 、 into coordinated alternatives ("市、县(区)" → ["市"], ["县(区)"])."""
    groups: list[list] = [[]]
    for it in items:
        if it[1] == "、":
            groups.append([])
        elif it[1] != "中共":
            groups[-1].append(it)
    return [g for g in groups if g]


def find_agencies(text: str, rules: Rules, places: list[PlaceSpan] | None = None) -> list[AgencySpan]:
    """Government bodies named in ``text``, coordinations expanded.

    Examples:
        >>> text = "将市、县(区)环保局的职责整合到县(区)城管执法局"
        >>> [(a.name, a.sector, a.level) for a in find_agencies(text, rules)]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('市环保局', '环境保护', 'city'), ('县(区)环保局', '环境保护', 'county'),
         ('县(区)城管执法局', '城市管理', 'county')]
        >>> [(a.name, a.sector) for a in find_agencies("由公安、民政等市级相关部门配合", rules)]
        [('市公安部门', '公安'), ('市民政部门', '民政')]
        >>> [a.name for a in find_agencies("县级以上人民政府自然资源、公安等有关部门按照各自职责", rules)]
        ['县级以上人民政府自然资源部门', '县级以上人民政府公安部门']
    """
    if not _endings_re(rules).search(text):
        # every body's name ends with one of these characters, but a town may receive by its name alone
        return _towns_received(text, [], rules) if _TOWN_KIND.search(text) else []
    lex = rules.agencies
    if places is None:
        places = resolve_places(find_places(text, rules))
    place_ends = {p.end: p for p in places}
    out: list[AgencySpan] = []
    taken = bytearray(len(text))
    out.extend(_sector_lists(text, place_ends, taken, rules))
    standalone = list(_standalone_matches(text, rules))
    online = "网" in text or "公众号" in text or "微博" in text  # (a body's website: most texts name none)
    # a standalone name that holds composed ones ("公安机关交通管理部门"): the longer name wins
    longer = [(s.start(), s.end()) for s in standalone if s.group("standalone")]
    for m in _agency_matches(text, rules):
        if taken[m.start()] or (online and _WEBSITE.match(text, m.end())):
            continue  # (a body's website, "某局门户网站", is page chrome, no actor)
        if longer and any(a <= m.start() and m.end() <= b and m.span() != (a, b) for a, b in longer):
            continue
        # split on 、 first, then on 和/及/与 inside a piece that is no core by itself
        # ("自然资源和规划、公安": 自然资源和规划 is one core, a merged bureau's)
        cores = [
            c
            for piece in m.group("cores").split("、")
            for c in ([piece] if piece in lex.core_sector else re.split(r"[和及与]", piece))
        ]
        # keep multi-character cores that were split wrongly (住房和城乡建设)
        if m.group("cores") in lex.core_sector:
            cores = [m.group("cores")]
        if m.group("merged") and len(cores) > 1:
            continue  # "甲、乙和丙局": a list, not one merged bureau
        if (
            len(cores) == 2
            and "、" not in m.group("cores")
            and len({lex.core_sector.get(c) for c in cores}) == 1
            and not any(c.endswith(_ORGAN_END) for c in cores)  # "精神文明委和宣传部门": a body and a kind
        ):
            cores = [m.group("cores")]  # "市容和环境卫生主管部门": one portfolio named in full, one body
        elif (
            len(cores) == 2
            and _MERGED_BUREAU.fullmatch(m.group("cores") + (m.group("suf") or ""))
            and not (m.group("deng") or m.group("lvl") or m.group("rel"))
            and (m.group("mods") or "") in ("", "管理")
        ):
            # "城市管理和综合行政执法局", "市政和园林管理局": one bureau of two portfolios, the first's sector
            cores = [m.group("cores")]
        elif len(cores) > 1 and not all(_core_of(c, rules) for c in cores):
            continue
        suf = m.group("suf") or ""
        mods = m.group("mods") or ""
        if not suf and not (len(cores) == 1 and cores[0].endswith(_ORGAN_END) and not mods):
            continue  # a sector word, not a body ("编办" and "城管委" are bodies by themselves)
        chain = _prefix_chain(text, m.start(), place_ends, rules)
        if (
            suf in _WEAK_SUFFIX
            and not chain
            and not mods
            and (len(cores[0]) < 4 or suf == "队伍")
            and not (suf in _STATIONS and _in_station_list(text, m.start(), m.end()))
        ):
            continue  # "文化中心", "规划处": too common as words; "城市管理执法中队" is a body
        if not chain and len(cores) == 1 and _glued_cores(cores[0], rules):
            continue  # "建设体育中心": portfolios glued make a merged bureau only under a place or level
        groups = _split_prefix_groups(chain) or [[]]
        lvl_word = m.group("lvl")
        start = chain[0][0] if chain else m.start()
        if any(taken[start : m.end()]):
            # a list of sectors read above without the words before it ("县级以上人民政府自然资源、
            # 公安等有关部门"): the longer reading, with its government, stands instead
            out = [a for a in out if not (start <= a.start and a.end <= m.end())]
        gov = m.group("gov") or ""
        for group in groups:
            prefix = _group_prefix(group, groups)
            level = next((it[2] for it in reversed(group) if it[2] is not None or it[3] is not None), None)
            place = next((it[3] for it in reversed(group) if it[3] is not None), None)
            if lvl_word:
                level = lex.levels.get(lvl_word, level)
                prefix = prefix or lvl_word.removesuffix("级")
            for core in cores:
                first = core.split("和")[0] if core not in lex.core_sector and "和" in core else core
                glued = _glued_cores(first, rules)  # "教育体育局": a merged bureau, its first portfolio's
                sector = (
                    lex.core_sector[glued[0]]
                    if glued
                    else lex.core_sector.get(_core_of(first, rules) or first) or _SPECIAL_CORE_SECTOR.get(first, "其他")
                )
                if level == "street" and core.startswith("综合") and sector == "城市管理":
                    sector = "街道乡镇"  # a township's comprehensive enforcement team is the township's own
                if len(cores) > 1:
                    # "精神文明委、宣传部门": a core that is a body by itself takes no suffix
                    own = core.endswith(_ORGAN_END) and not core.endswith(("管", "建"))
                    name = f"{prefix}{gov}{core}" if own else f"{prefix}{gov}{core}{mods}{suf}"
                else:
                    name = text[start : m.end()] if len(groups) == 1 else f"{prefix}{gov}{core}{mods}{suf}"
                    if lvl_word and not chain:
                        name = f"{prefix}{core}{mods}{suf}" if m.group("deng") else name
                if level is None and not group and not lvl_word and suf == "部" and sector not in ("党委", "宣传"):
                    level = "central"  # "住房和城乡建设部", "公安部": a ministry needs no place (a party's 部 does)
                generic = not group and suf in ("部门", "机关", "机构", "管理部门", "执法部门", "主管部门", "行政部门")
                out.append(_span(rules, text, start, m.end(), name, sector, level, "agency.compose.v1", place, generic))
        taken[start : m.end()] = b"\x01" * (m.end() - start)
    for m in standalone:
        if taken[m.start()] or (online and _WEBSITE.match(text, m.end())):
            continue
        if m.group("standalone"):
            if _PERSON_AFTER.match(text, m.end()):
                continue  # "人大代表", "政协委员": people, not bodies; "国务院机构改革": a topic
            sector, level = lex.standalone[m.group("standalone")]
            begin = m.start()
            session = _SESSION.search(text, max(0, begin - 8), begin)
            if session and m.group("standalone").startswith(("人民代表大会", "人大", "政协")):
                begin = session.start()  # "北京市第十五届人民代表大会常务委员会": the place precedes the session
            chain = [] if level else _prefix_chain(text, begin, place_ends, rules)
            start = chain[0][0] if chain else begin
            if chain and level is None:
                level = next((it[2] for it in reversed(chain) if it[2]), None)
            name = text[start : m.end()]
            out.append(
                _span(
                    rules,
                    text,
                    start,
                    m.end(),
                    name,
                    sector,
                    level,
                    "agency.standalone.v1",
                    None,
                    not chain and level != "central",
                )
            )
            taken[start : m.end()] = b"\x01" * (m.end() - start)
            continue
        chain = _prefix_chain(text, m.start(), place_ends, rules)
        if not chain:
            continue  # "政府" alone is every government: too vague
        if not m.group("gov") and _PERSON_AFTER.match(text, m.end()):
            continue  # "市委常委", "县委委员": a member, not the committee
        kind = "人民政府" if m.group("gov") else "党委"
        groups = _split_prefix_groups(chain)
        for group in groups:
            prefix = _group_prefix(group, groups)
            if kind == "党委" and text[chain[0][0] - 2 : chain[0][0]] == "中共":
                prefix = "中共" + prefix
            level = next((it[2] for it in reversed(group) if it[2] is not None), None)
            place = next((it[3] for it in reversed(group) if it[3] is not None), None)
            if level in ("street",):
                kind_sector = "街道乡镇"
            else:
                kind_sector = kind
            start = chain[0][0] - (2 if kind == "党委" and prefix.startswith("中共") else 0)
            name = prefix + m.group() if len(groups) > 1 else text[start : m.end()]
            if kind == "人民政府" and len(groups) > 1 and prefix.endswith("街道"):
                name = prefix + "办事处"  # "镇(街道)人民政府": a street's own body is its office, no government
            rule = f"agency.{'government' if kind == '人民政府' else 'party'}.v1"
            out.append(_span(rules, text, start, m.end(), name, kind_sector, level, rule, place, False))
        taken[chain[0][0] : m.end()] = b"\x01" * (m.end() - chain[0][0])
    out.extend(_find_councils(text, place_ends, taken, rules))
    out.sort(key=lambda a: (a.start, a.end))
    out = _units_of_bodies(_levels_of_one_head(text, out, rules) if "级" in text else out)
    out = _branches_of_bodies(text, out) if "分局" in text else out
    out = _departments_of_governments(text, out) if "部门" in text or "机关" in text else out
    out = _townships_named(text, out, place_ends, rules) if any(_UNNAMED_TOWNSHIP.match(a.text) for a in out) else out
    out = _bare_level_bureaus(text, out, rules) if out and _BARE_BUREAU.search(text) else out
    out = _set_up_by_a_government(text, out) if len(out) > 1 and "的" in text else out
    return _towns_received(text, out, rules) if _TOWN_KIND.search(text) else out


# "县人民政府确定的综合行政执法协调机构": a government's words setting up the body after them
SET_UP_BY = re.compile(r"(?:依法)?(?:确定|设立|指定|设置|组建|成立|批准设立|决定设立|授权)的")


def _set_up_by_a_government(text: str, found: list[AgencySpan]) -> list[AgencySpan]:
    """A body of no level that a government sets up is of that government's level.

    >>> [(a.name, a.level) for a in find_agencies("县人民政府确定的综合行政执法协调机构负责统筹", rules)]
    [('县人民政府', 'county'), ('综合行政执法协调机构', 'county')]
    """
    out = list(found)
    governments: dict[int, list[AgencySpan]] = {}  # by where they end: "市、区人民政府" is two, one span
    for a in found:
        if a.sector in ("人民政府", "街道乡镇") and a.level:
            governments.setdefault(a.end, []).append(a)
    for end, setters in governments.items():
        m = SET_UP_BY.match(text, end)
        if m is None or len({a.level for a in setters}) != 1:
            continue  # none set up, or governments of several levels: the body is each level's
        a = setters[0]
        for j, b in enumerate(found):
            if b.start == m.end() and b.level is None:
                out[j] = replace(b, level=a.level, place=b.place or a.place, generic=False)
    return out


# "人员下沉到新成立的区局", "报市局审批": a bureau named by its level alone, after a word that ends
# what came before it (not "城区局部", "市局长")
_BARE_BUREAU = re.compile(
    r"(?:(?<=[的到至由和、，,与及向给从在报经各])|^)(?P<lv>[省市州县区])(?P<organ>局|厅)(?![长部面势限域])"
)


def _bare_level_bureaus(text: str, found: list[AgencySpan], rules: Rules) -> list[AgencySpan]:
    """A bureau written as its level and organ alone ("区局", "省厅"): the bureau of that level of the
    sector of the bureau the sentence named before it; none when it named none.

    >>> [(a.name, a.sector, a.level) for a in find_agencies("撤销市综合行政执法局，人员下沉到新成立的区局", rules)]
    [('市综合行政执法局', '城市管理', 'city'), ('区局', '城市管理', 'district')]
    >>> find_agencies("城区局部地区", rules), find_agencies("报市局审批", rules)
    ([], [])
    """
    out = list(found)
    for m in _BARE_BUREAU.finditer(text):
        before = [
            a
            for a in found
            if a.end <= m.start() and organ_of(a.name) in ("局", "厅") and a.sector not in ("人民政府", "党委", "其他")
        ]
        if before:
            out.append(
                AgencySpan(
                    m.start(),
                    m.end(),
                    m.group(),
                    m.group(),
                    before[-1].sector,
                    rules.agencies.levels.get(m.group("lv")),
                    "agency.bare_level_bureau.v1",
                    None,
                    False,
                )
            )
    return sorted(out, key=lambda a: (a.start, a.end)) if len(out) > len(found) else found


def _towns_received(text: str, found: list[AgencySpan], rules: Rules) -> list[AgencySpan]:
    """Towns and streets named bare as what receives ("下放至蓝田镇、朝阳镇和步文街道", "赋予青山乡"):
    their governments, after a verb of ``township_receiving_verbs``, each name read as in
    ``_townships_named``; a name with its head (蓝田镇人民政府) is found there.

    >>> [a.name for a in find_agencies("将12项事项下放至青山镇、石门乡和东湖街道，由其统一行使", rules)]
    ['青山镇', '石门乡', '东湖街道']
    >>> [a.name for a in find_agencies("下放至城关镇、乌兰其镇和新华乡", rules)]
    ['城关镇', '乌兰其镇', '新华乡']
    """
    verbs = list(_receiving_verbs(rules).finditer(text))
    if not verbs:
        return found
    taken = {i for a in found for i in range(a.start, a.end)}
    out = list(found)
    for v in verbs:
        at = v.end()
        while True:
            kind = _TOWN_KIND.search(text, at + 2, at + _NAME_SPAN + 3)
            if kind is None or kind.start() in taken or _TOWN_HEAD.match(text, kind.end()):
                break
            name, slot = _township_name(text, kind.start(), rules), text[at : kind.start()]
            name = name or _listed_name(text, kind.start())  # "…、乌兰其镇和…": the slot a list leaves
            if not name or not (name == slot or name.endswith(slot) and len(slot) >= 2):
                break  # jieba may glue the joiner to the name after it ("和步文"): the slot after it decides
            out.append(
                _span(
                    rules, text, at, kind.end(), text[at : kind.end()], "街道乡镇", "street", "agency.township_named.v1"
                )
            )
            joiner = re.match(r"[、和及与]", text[kind.end() : kind.end() + 1])
            if not joiner:
                break
            at = kind.end() + 1
    return sorted(out, key=lambda a: (a.start, a.end)) if len(out) > len(found) else found


_TOWN_KINDS = ("街道", "镇", "乡")  # what a town's or street's name ends with
_TOWN_KIND = re.compile("|".join(_TOWN_KINDS))
_TOWN_HEAD = re.compile(r"(?:人民)?政府|街道|办事处|党委|党工委|综合|执法|[(（]")


@derived
def _receiving_verbs(rules: Rules) -> re.Pattern:
    return re.compile(alternation(rules.agencies.township_receiving_verbs))


# two portfolios joined by one 和 under one organ word name one merged bureau, not two bodies
_MERGED_BUREAU = re.compile(r"[^、和及与]+和[^、和及与]+(?:局|厅|委员会)")
# a township or street body named by its kind alone ("街道办事处", "镇人民政府"), not the collective 乡镇
_UNNAMED_TOWNSHIP = re.compile(rf"(?:{_TOWN_KIND.pattern})(?!镇|\()")
# what jieba tags a name: place and proper names, abbreviations; a noun only when it is rare in
# jieba's dictionary ("城厢", "工区"), for a common noun before a body is no name ("规范", "指导")
_NAME_TAGS = frozenset({"ns", "nr", "nz", "nt", "nrt", "nrfg", "j"})
_NOUN_TAGS = frozenset({"n", "ng"})
_COMMON_NOUN_FREQ = 1000
_NAME_SPAN = 4  # a township's own name is two to four characters ("城厢", "石桥铺", "小溪塔")


def _townships_named(text: str, found: list[AgencySpan], place_ends: dict, rules: Rules) -> list[AgencySpan]:
    """A township or street body written after its own name, which the gazetteer (counties and up)
    does not hold: "赋予城厢街道办事处", "下放至太平镇人民政府", "新成立的长安镇综合行政执法队".
    The name is the run of words jieba reads as nouns just before the kind, none of them a word of
    the genre (``township_name_stops``: 交由, 指导, 所在地…); one of two to four characters.

    >>> [a.name for a in find_agencies("赋予城厢街道办事处、朝阳街道办事处行使", rules)]
    ['城厢街道办事处', '朝阳街道办事处']
    >>> [a.name for a in find_agencies("由各街道办事处负责", rules)]
    ['街道办事处']
    """
    out = []
    for a in found:
        name = ""
        if (
            a.place is None
            and a.start not in place_ends  # "北京市街道办事处": the body of a place the gazetteer holds
            and _UNNAMED_TOWNSHIP.match(a.text)
            and a.start >= 2
            and _HAN.match(text, a.start - 1)
            and text[a.start - 1] not in _NO_NAME_END
        ):
            name = _township_name(text, a.start, rules) or _addressee_name(text, a)
        if not name:
            out.append(a)
            continue
        rule = "agency.township_named.v1"
        kind = _UNNAMED_TOWNSHIP.match(a.text).group()
        head = a.name[len(kind) :]  # what the bodies named together share: "太平镇、花桥乡人民政府"
        start, together = a.start - len(name), []
        while text.endswith("、", 0, start):
            written = next((k for k in _TOWN_KINDS if text.endswith(k, 0, start - 1)), None)
            at = start - 1 - len(written or "")
            other = (_township_name(text, at, rules) or _listed_name(text, at)) if written else ""
            if not other:
                break
            start = at - len(other)
            together.append(replace(a, name=other + written + head, rule_id=rule))
        bodies = [*together[::-1], replace(a, name=name + a.name, rule_id=rule)]
        text_of = text[start : a.end] if together else name + a.text
        out.extend(replace(b, start=start, text=text_of) for b in bodies)
    return out


def _addressee_name(text: str, body: AgencySpan) -> str:
    """The name before a township body that a letter is addressed to, its line's opening ("塘厦镇人民政府：",
    a name jieba may not read as one): the whole line before its kind, of two to four characters; or ""."""
    m = _ADDRESSEE_LINE.fullmatch(text[: body.start])
    return m.group(1) if m and _ADDRESS_MARK.match(text, body.end) else ""


_ADDRESSEE_LINE = re.compile(r"\s*([\u4e00-\u9fff]{2,4})")
_ADDRESS_MARK = re.compile(r"\s*[:：]\s*$")


def _listed_name(text: str, at: int) -> str:
    """The name of a town listed between two others, as written between the 、 before it and its kind
    at ``at`` ("城川镇、敖勒召其镇、上海庙镇": a name jieba cannot read is still the whole slot), or ""."""
    slot = _LISTED_SLOT.search(text, max(0, at - _NAME_SPAN - 1), at)
    return slot.group(1) if slot else ""


_LISTED_SLOT = re.compile(rf"、((?:(?![的和及与或等])[\u4e00-\u9fff]){{2,{_NAME_SPAN}}})$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# characters that end the words before a body but no name of a town: "各街道办事处", "的镇人民政府"
_NO_NAME_END = frozenset("各的和及与或在由向对将把被该本其等为是至到给从")


def _township_name(text: str, at: int, rules: Rules) -> str:
    """The name written just before offset ``at`` (where a township body's kind starts), or ""."""
    # the kind's first character is in the window: "太平镇" is one word; a kind of two characters
    # whole, lest jieba read a word across the boundary ("城东街道": 城/东街 in "城东街")
    kind = 2 if text.startswith("街道", at) else 1
    window = text[max(0, at - _NAME_SPAN - 4) : at + kind]
    read = _names_read(rules)
    if window not in read:
        if len(read) >= _NAMES_KEPT:
            read.clear()
        read[window] = _name_before(
            window, _name_stops(rules), rules.agencies.levels, rules.agencies.township_name_openers, kind
        )
    return read[window]


_NAMES_KEPT = 4096  # windows whose name jieba has read, kept with the rules (a document repeats its towns)


@derived
def _names_read(rules: Rules) -> dict[str, str]:
    return {}


@derived
def _name_stops(rules: Rules) -> frozenset[str]:
    lex = rules.agencies
    return frozenset(lex.township_name_stops) | frozenset(lex.qualifiers) | frozenset(lex.vague_heads)


def _name_before(window: str, stops: frozenset[str], levels: dict, openers: tuple[str, ...] = (), kind: int = 1) -> str:
    """The name that ends before the last ``kind`` characters of ``window`` (see ``_township_name``)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    name, pos = "", len(window) - kind  # offset in window of the kind's first character
    words = [(w.word, w.flag) for w in jieba.posseg.lcut(window, HMM=True)]
    end = len(window)
    for word, flag in reversed(words):
        start = end - len(word)
        end = start
        if start >= pos:
            continue  # the kind itself
        part = word[: pos - start]  # a word running into the kind ("太平镇"): its part before it
        known = jieba.dt.FREQ.get(word) or 0
        named = flag in _NAME_TAGS or (flag in _NOUN_TAGS or word not in jieba.dt.FREQ) and known < _COMMON_NOUN_FREQ
        if not named or part in stops or not all(_HAN.match(c) for c in part):
            break
        # a word of the genre glued to the name ("交由城厢", "各乡", "健全"); names open with some of them
        # too (township_name_openers: 新华镇, 原平镇)
        glued = any((w not in openers and part.startswith(w)) or part.endswith(w) for w in stops)
        if glued or len(name) + len(part) > _NAME_SPAN:
            break
        name = part + name
        pos = start
    return name if len(name) >= 2 and name not in levels else ""


# "州、县两级人民政府", "市、县两级城市管理部门": one head for the bodies of each level listed
_LEVEL_LIST = re.compile(r"(?P<levels>[省市州县区乡镇](?:、?[省市州县区乡镇])+)[两二三四五]级(?P<gov>(?:人民)?政府)?")


def _levels_of_one_head(text: str, found: list[AgencySpan], rules: Rules) -> list[AgencySpan]:
    """Bodies of several levels sharing one head: each level's body, over the whole phrase.

    >>> [(a.name, a.level) for a in find_agencies("省、市两级人民政府负责督导", rules)]
    [('省人民政府', 'province'), ('市人民政府', 'city')]
    >>> [(a.name, a.level) for a in find_agencies("区、镇两级综合执法机构", rules)]
    [('区综合执法机构', 'district'), ('镇综合执法机构', 'street')]
    >>> [(a.name, a.level) for a in find_agencies("市县两级城管部门", rules)]
    [('市城管部门', 'city'), ('县城管部门', 'county')]
    """
    lex = rules.agencies
    out = list(found)
    for m in _LEVEL_LIST.finditer(text):
        levels = m.group("levels").replace("、", "")  # "市、县两级", "市县两级": a level a character
        if m.group("gov"):
            head, sector, end, rule = m.group("gov"), "人民政府", m.end(), "agency.government.v1"  # as written
        else:
            body = next((a for a in out if a.start == m.end() and a.level is None), None)
            if body is None:
                continue
            out.remove(body)
            head, sector, end, rule = body.name, body.sector, body.end, body.rule_id
        for lv in levels:
            level = lex.levels.get(lv)
            sector_here = "街道乡镇" if level == "street" and sector == "人民政府" else sector
            out.append(_span(rules, text, m.start(), end, lv + head, sector_here, level, rule))
    out.sort(key=lambda a: (a.start, a.end))
    return out


# a unit written right after the body it belongs to: "市公安局交通管理局", "县住房和城乡建设局城建监察大队"
_UNIT_ORGAN = re.compile(r"(?:局|总队|支队|大队|中队|队|处|科|所|站|中心|室|办)$")
_PARENT_ORGAN = re.compile(r"(?:局|厅|委|委员会|办事处|人民政府)$")


# "…局岳阳楼分局", "…局高新分局": a bureau's branch named by the area it serves, or by that area's
# level ("市生态环境局县分局", "市公安局各区分局", "市生态环境局各县(市、区)分局")
_BRANCH = re.compile(r"(?:(?![和及与、或各])[\u4e00-\u9fff]{2,5}?|各?[县区市旗](?:[(（][县区市旗、]{1,6}[)）])?)分局")


def _branches_of_bodies(text: str, found: list[AgencySpan]) -> list[AgencySpan]:
    """A bureau's branch named right after it ("市生态环境局岳阳楼分局") is one body: the branch, of
    the bureau's sector and level.

    >>> [(a.name, a.level) for a in find_agencies("由市生态环境局开福分局、区城管局负责", rules)]
    [('市生态环境局开福分局', 'city'), ('区城管局', 'district')]
    >>> [a.name for a in find_agencies("市生态环境局县分局、市公安局各县(区)分局", rules)]
    ['市生态环境局县分局', '市公安局各县(区)分局']
    """
    out: list[AgencySpan] = []
    for a in found:
        m = _BRANCH.match(text, a.end) if a.text.endswith("局") else None
        if m and not any(b is not a and a.end <= b.start < m.end() and not b.text.endswith("分局") for b in found):
            branch = text[a.start : m.end()]
            a = replace(a, end=m.end(), text=branch, name=a.name + m.group())
        if out and out[-1].end > a.start and out[-1].start <= a.start:
            continue  # the branch's own name, found before as a body of its own
        out.append(a)
    return out


# "县级人民政府有关部门", "区人民政府工作部门", "市人民政府各行政主管部门": the departments of a
# government, named by their kind right after it
_DEPARTMENTS_AFTER = re.compile(r"(?:各|所属|有关|相关)*(?:的)?(?:工作|职能|行政|业务)?(?:主管)?(?:部门|机关)(?!管理)")


_IS_PART_OF = re.compile(r"(?:为|是|系|属|属于)$")


def _departments_of_governments(text: str, found: list[AgencySpan]) -> list[AgencySpan]:
    """A government with the kind of its departments right after it names those departments: one
    body, generic, of the government's level and of no one sector, not the government itself (a vague
    collective: relate keeps it a party of transfers, no agency of its own). A body said to be one of
    them ("R，为县人民政府工作部门") is no such mention.

    >>> [(a.name, a.sector, a.level) for a in find_agencies("由县级人民政府有关部门交由乡镇行使", rules)]
    [('县级人民政府有关部门', None, 'county')]
    >>> [a.name for a in find_agencies("区人民政府工作部门和区人民政府", rules)]
    ['区人民政府工作部门', '区人民政府']
    """
    out: list[AgencySpan] = []
    for a in found:
        m = _DEPARTMENTS_AFTER.match(text, a.end) if a.rule_id == "agency.government.v1" else None
        if (
            m
            and a.text.endswith("政府")
            and not _IS_PART_OF.search(text, max(0, a.start - 2), a.start)  # "R，为县人民政府工作部门": what R is
            and not any(b is not a and a.end <= b.start < m.end() for b in found)
        ):
            a = replace(a, end=m.end(), text=a.text + m.group(), name=a.name + m.group(), sector=None, generic=True)
        out.append(a)
    return out


def _units_of_bodies(found: list[AgencySpan]) -> list[AgencySpan]:
    """A body with no place of its own written right after a body with one is a unit of it: a body
    of its own, of the parent's sector and level ("市公安局交通管理局": 交通管理局 is 公安's, city; a town's
    or street's team, "街道办事处综合执法队", is the street's).

    >>> [(a.name, a.sector, a.level) for a in find_agencies("由市公安局交通管理局负责", rules)]
    [('市公安局', '公安', 'city'), ('交通管理局', '公安', 'city')]
    >>> [(a.name, a.sector, a.level) for a in find_agencies("交由各街道办事处综合执法队行使", rules)][-1]
    ('综合执法队', '街道乡镇', 'street')

    A department of a functional area's committee is named with it, at its level:

    >>> [(a.name, a.sector, a.level) for a in find_agencies("交由高新区管委会城市管理局承担", rules)]
    [('高新区管委会城市管理局', '城市管理', 'district')]
    """
    out: list[AgencySpan] = []
    for a in found:
        prev = out[-1] if out else None
        if prev is not None and prev.end == a.start and a.level is None and prev.text.endswith(_ZONE_COMMITTEE):
            # "开发区管委会综合执法局": a department of the area's committee, named with it as a government's is
            out[-1] = replace(a, start=prev.start, text=prev.text + a.text, name=prev.name + a.name, level=prev.level)
            continue
        if (
            prev is not None
            and prev.end == a.start
            and a.level is None
            and prev.level is not None
            and prev.sector not in ("人民政府", "党委", "其他")
            and _PARENT_ORGAN.search(prev.text)
            and _UNIT_ORGAN.search(a.text)
        ):
            a = replace(a, sector=prev.sector, level=prev.level)
        out.append(a)
    return out


def _sector_lists(text: str, place_ends, taken: bytearray, rules: Rules) -> list[AgencySpan]:
    """Bodies of a list of sectors closed by 等 and one head, most of whose items are known cores.

    >>> [(a.name, a.sector) for a in _sector_lists("市发展改革、财政、人民防空等部门", {}, bytearray(20), rules)]
    [('市发展改革部门', '发展改革'), ('市财政部门', '财政'), ('市人民防空部门', '其他')]
    >>> [a.name for a in _sector_lists("将市级自然资源、住房和城乡建设等2个部门的职权", {}, bytearray(30), rules)]
    ['市级自然资源部门', '市级住房和城乡建设部门']
    """
    lex = rules.agencies
    out: list[AgencySpan] = []
    if "等" not in text or "、" not in text or "部门" not in text:
        return out  # the list needs all three
    for m in _SECTOR_LIST.finditer(text):
        items = m.group("items").split("、")
        first = items[0]
        # the first item may carry the words before it ("县级以上人民政府发展改革"): keep its core
        core0 = next((first[k:] for k in range(len(first) - 1) if first[k:] in lex.core_sector), None)
        if core0:
            items[0] = core0
        known = sum(1 for it in items if _core_of(it, rules))
        if known * 2 < len(items) or not _core_of(items[0], rules):
            continue
        start = m.start("items") + len(first) - len(items[0])
        chain = _prefix_chain(text, start, place_ends, rules)
        prefix = "".join(it[1] for it in chain if it[1] not in ("、", "中共"))
        level = next((it[2] for it in reversed(chain) if it[2] is not None), None)
        if level is None and m.group("lvl"):  # the level written after the list: the bodies of that level
            prefix, level = m.group("lvl")[0], lex.levels.get(m.group("lvl")[0])
        place = next((it[3] for it in reversed(chain) if it[3] is not None), None)
        begin = chain[0][0] if chain else start
        for item in items:
            core = _core_of(item, rules)
            sector = lex.core_sector.get(core, "其他") if core else "其他"
            name = f"{prefix}{item}{m.group('suf')}"
            out.append(
                _span(rules, text, begin, m.end(), name, sector, level, "agency.sector_list.v1", place, not chain)
            )
        taken[begin : m.end()] = b"\x01" * (m.end() - begin)
    return out


# a meeting held, not a body: "召开(一次)联席会议", "定期举行联席会议"
_HELD_COUNT = re.compile(r"(?:[一二两三四五六七八九十\d]+次|定期|不定期)")
_MEETING_VERBS = ("召开", "举行", "主持召开", "组织召开")
_COUNCIL_WORDS = ("领导小组", "联席会议", "工作小组", "指挥部", "管委会", "管理委员会", "顾问团", "专家委员会")
# a functional area's administrative committee, short or in full: it acts as the area's government
_ZONE_COMMITTEE = ("管委会", "管理委员会")
# verbs that grant to the body after them, written with no stop character between ("委托X管委会实施")
_GRANTING_VERBS = ("委托", "交由", "改由", "划由", "授权", "赋予", "授予")
_COUNCIL = re.compile(rf"({'|'.join(_COUNCIL_WORDS)})(?!办公室)")


def _find_councils(text: str, place_ends, taken, rules: Rules) -> list[AgencySpan]:
    """Leading groups and joint conferences, named by a free description: walk back from the
    suffix to the nearest stop character ("成立由…组成的XX市城市执法体制改革试点工作领导小组")."""
    out = []
    for m in _COUNCIL.finditer(text):
        if taken[m.start()]:
            continue
        i = m.start()
        while (
            i > 0
            and m.start() - i < 28
            and text[i - 1] not in _STOP
            and _CJK.match(text[i - 1] or "")
            or (i > 0 and text[i - 1] in "XxＸ()（）" and m.start() - i < 28)
        ):
            i -= 1
        # (past a verb of naming, or one that grants to the body: "委托园区管委会实施")
        i = _after_verbs(text, i, m.start(), (*_NAME_VERBS, *_GRANTING_VERBS))
        lex = rules.agencies
        zone = _zone_before(text, m.start(), place_ends, rules)
        if zone is None and m.group() in _ZONE_COMMITTEE:
            # "园区管委会", "开发区管理委员会": an area named by its kind alone, its committee still its government
            bare = _zone_regex(rules).search(text, i, m.start())
            zone = bare.start() if bare is not None and bare.end() == m.start() else None
        if m.group() == "管理委员会" and zone is None:
            continue  # "业主管理委员会": a committee of no area is no government's
        if zone is not None and zone >= i:  # "开发区管委会": the area's name, level words in it
            city = place_ends.get(zone)  # "乌兰察布(市)经济技术开发区管委会": the place its name opens with
            i = city.start if city is not None and city.start >= i else zone
        # the name starts at its level word or place: "报省…联席会议" → "省…联席会议"
        elif not place_ends_start(place_ends, i):
            for k in range(i + 1, min(i + 3, m.start())):
                if place_ends_start(place_ends, k) or any(text.startswith(w, k) for w in lex.levels):
                    i = k
                    break
        count = _HELD_COUNT.match(text, i, m.start())
        if count or text.endswith(_MEETING_VERBS, 0, i):
            continue  # "召开联席会议", "每季度召开一次联席会议": a meeting held, not a body
        name = _strip_qualifiers(text[i : m.end()], lex)
        # "(" opens an aside unless it is a level's "(区)": "属地政府(开发区管委会" → "开发区管委会"
        name = re.split(r"[(（](?![区县市乡镇街道、]{1,5}[)）])", name)[-1]
        if len(name) <= len(m.group()) + 1:
            continue
        level = None
        for word, lv in lex.levels.items():
            if name.startswith(word):
                level = lv
                break
        masked = MASKED_PLACE.match(name)
        if masked:
            level = masked_level(masked.group())
        core = rules.longest_core(name)
        sector = lex.core_sector[core] if core else None
        if m.group() in _ZONE_COMMITTEE:  # a development zone's administrative committee acts as its government
            sector, level = "人民政府", "district"
        if sector is None:
            sector = "城市管理" if "城市" in name or "城管" in name else "其他"
        out.append(AgencySpan(i, m.end(), name, name, sector, level, "agency.council.v1", None, False))
        if m.group() in _ZONE_COMMITTEE:
            # "苏州工业园区、苏州高新区管委会": the areas named before share the committee word, each its own
            end = i
            while end > 1 and text[end - 1] == "、":
                start = _zone_before(text, end - 1, place_ends, rules)
                city = place_ends.get(start) if start is not None else None
                start = city.start if city is not None else start
                if start is None or start >= end - 1 or any(taken[start : end - 1]):
                    break
                other = text[start : end - 1] + m.group()
                out.append(AgencySpan(start, end - 1, other, other, sector, level, "agency.council.v1", None, False))
                end = start
    return out


def place_ends_start(place_ends, k: int) -> bool:
    return any(p.start == k for p in place_ends.values())


_ORGAN_WORD = re.compile(
    r"(委员会办公室|委办公室|领导小组|联席会议|管委会|委员会|办公室|执法局|分局|部门|机关|机构|队伍|支队|大队|中队|分队|"
    r"中心|监督科|政府|党委|党工委|委|局|厅|办|科|处|所|站|部)$"
)
_ORGAN_CANON = {"委": "委员会", "办": "办公室", "执法局": "局", "委办公室": "委员会办公室", "党工委": "党委"}


def organ_of(name: str) -> str:
    """The kind of organ a body's name ends with, abbreviations spelled out ("市城管委" → "委员会").

    >>> [organ_of(n) for n in ("市城管委", "县(区)城管执法局", "省编办", "公安机关")]
    ['委员会', '局', '办公室', '机关']
    """
    m = _ORGAN_WORD.search(name)
    organ = m.group() if m else name
    return _ORGAN_CANON.get(organ, organ)


# a township body named after its town or street: "城川镇人民政府", "桃源街道办事处", "柳河乡"
_COUNTY_BEFORE_TOWN = re.compile(r"[\u4e00-\u9fff]{1,4}?[县区旗](?=[\u4e00-\u9fff]{2,4}(?:镇|乡|街道|苏木)$)")
_TOWN_OF_BODY = re.compile(r"(?P<town>[\u4e00-\u9fff]{2,5}?(?:街道|苏木|镇|乡))(?:人民政府|政府|办事处)?")


def town_of(name: str) -> str | None:
    """The town or street a township body is named after, or None (a body of another kind, or a
    collective: 乡镇人民政府, 镇(街道)).

    >>> [town_of(n) for n in ("城川镇人民政府", "桃源街道办事处", "柳河乡", "乡镇人民政府", "苏木镇人民政府")]
    ['城川镇', '桃源街道', '柳河乡', None, None]
    >>> [town_of(n) for n in ("漳县武阳镇人民政府", "新市镇人民政府")]
    ['武阳镇', '新市镇']
    """
    m = _TOWN_OF_BODY.fullmatch(name)
    town = m.group("town") if m else None
    collective = town is None or town[:2] in ("乡镇", "镇街", "街道") or town in ("苏木镇", "苏木乡")
    if collective or town.startswith(("各", "全")):
        return None
    county = _COUNTY_BEFORE_TOWN.match(town)
    if county and any(p.rank == 3 and p.name == county.group() for p in gazetteer().lookup(county.group())):
        return town[county.end() :]  # "岷县梅川镇": the town of 岷县, named after its county
    return town


def _span(rules, text, start, end, name, sector, level, rule, place=None, generic=False) -> AgencySpan:
    """An AgencySpan over ``text[start:end]`` named ``name`` less its place-relative qualifiers."""
    return AgencySpan(
        start, end, text[start:end], _strip_qualifiers(name, rules.agencies), sector, level, rule, place, generic
    )


def _strip_qualifiers(name: str, lex) -> str:
    for q in sorted(lex.qualifiers, key=len, reverse=True):
        if name.startswith(q) and len(name) > len(q) + 2:
            return name[len(q) :]
    return name


# ---------------------------------------------------------------- dates and numbers

_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号")
_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?")


def find_doc_numbers(text: str) -> list[tuple[int, int, str]]:
    """Document numbers (文号) such as 黑发〔2017〕3号 or 中发[2015]37号.

    >>> [x[2] for x in find_doc_numbers("依据中发〔2015〕37号和黑发[2017]3号文件")]
    ['中发〔2015〕37号', '黑发[2017]3号']
    """
    out = []
    for m in _DOC_NUMBER.finditer(text):
        s = m.start()
        head = m.group()
        # keep only the issuer abbreviation: the shortest run of up to 6 characters before 〔
        bracket = re.search(r"[〔\[［【(（]", head).start()
        issuer = head[:bracket]
        for cut in ("依据", "根据", "按照", "和", "及", "与", "、", "印发", "文件"):
            if cut in issuer:
                issuer = issuer[issuer.rindex(cut) + len(cut) :]
        issuer = issuer[-6:]
        s = m.start() + bracket - len(issuer)
        out.append((s, m.end(), text[s : m.end()]))
    return out


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Dates written in full or in part, as ISO strings ("2017年2月28日" → "2017-02-28").

    >>> [x[2] for x in find_dates("2017年2月28日印发, 2014年7月施行")]
    ['2017-02-28', '2014-07']
    """
    out = []
    for m in _DATE.finditer(text):
        y, mo, d = m.group(1), m.group(2), m.group(3)
        if mo and not 1 <= int(mo) <= 12:
            continue
        iso = y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if d else "")
        out.append((m.start(), m.end(), iso))
    return out


# ---------------------------------------------------------------- spaCy


def recognize(text: str, rules: Rules, sentence_id: str = "") -> list:
    """All mentions in a sentence as ``Mention``s (AGENCY, JURISDICTION, DATE, DOC_NUMBER).

    >>> [(m.text, m.label) for m in recognize("黑龙江省住建厅2017年负责", rules)]
    [('黑龙江省住建厅', 'AGENCY'), ('黑龙江省', 'JURISDICTION'), ('2017年', 'DATE')]
    """
    from kg.types import Mention

    places = resolve_places(find_places(text, rules))
    out = []
    for p in places:
        if p.place is not None:
            attrs = (("adcode", p.place.adcode), ("standard_name", p.place.standard_name), ("parent", p.place.parent))
            out.append(Mention(p.text, "JURISDICTION", sentence_id, p.start, p.end, "place.gazetteer.v1", attrs))
    for a in find_agencies(text, rules, places):
        attrs = (("name", a.name), ("sector", a.sector), ("level", a.level), ("generic", "1" if a.generic else ""))
        out.append(Mention(a.text, "AGENCY", sentence_id, a.start, a.end, a.rule_id, attrs))
    for s, e, iso in find_dates(text):
        out.append(Mention(text[s:e], "DATE", sentence_id, s, e, "date.ymd.v1", (("iso", iso),)))
    for s, e, number in find_doc_numbers(text):
        out.append(Mention(number, "DOC_NUMBER", sentence_id, s, e, "docnumber.bracket.v1", ()))
    return sorted(set(out), key=lambda m: (m.start, -m.end, m.label))
