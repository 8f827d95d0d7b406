"""Relate stage, clause frames: sentences + their bodies → transfer records, by the frames of
``kg/rules/frames.yaml`` (lists under a lead-in, verbal powers, definitions, hand-overs,
catalogues, accompanying powers, whole-unit moves, restatements).

Each frame is one registered function over a sentence and the document's running state (the
open list frame, the last transfers, the document's self body); what it is parameterised by
(triggers, power nouns and verbs, collective bodies, the domain → sector scope table) is data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace

from kg.errors import RuleError
from kg.lexicon import Words, alternation, checked, nominals, nouns, verbal_nouns
from kg.normalize import ITEM_NUMBER, NUMBER_COLUMN, ROW_NUMBER, small_number
from kg.recognize import SET_UP_BY, AgencySpan
from kg.resolve import DEFINES_SHORT

__all__ = [
    "DECIDING_SECTORS",
    "EARLIER",
    "ENTRY_LOOKAHEAD",
    "GIVER_KIND",
    "GIVER_KIND_TAIL",
    "ABLE_TO_RECEIVE",
    "TIED_TO_OWN",
    "without_other_names",
    "LEVEL_ALONE",
    "FRAMES",
    "FrameRules",
    "FrameState",
    "frame_rules_of",
    "frame_transfers",
    "join_bare_verbs",
    "scope_sector",
    "collective_agencies",
    "collective_matches",
    "split_acts",
    "power_labels_of",
    "NAMES_A_REFORM",
    "GOAL_VERB",
    "series_in",
    "series_powers",
    "STEMS_BEFORE",
    "stems_before",
    "UNIT",
    "with_units",
    "INVOLVES",
]


# ---------------------------------------------------------------- distances
# How far the frames look, in characters: each a pattern of the genre, named here.

SUBJECT_REACH = 2  # a clause's subject opens it ("（一）县城管局负责…"), past an item's number and a 由/经
RECEIVER_REACH = 14  # a grant's verb and its receiver: "交由全县各乡镇人民政府", "赋予城厢街道办事处"
TOWARD_REACH = 12  # 向 and the receiver it introduces: "向全县14个乡镇下放"
SELF_REFERENCE_REACH = 6  # "我局"/"本局" near a sentence's start speak for the text's author

# words that pick out which bodies of a kind receive, before the receiver: "下放至全县20个乡镇人民政府",
# "划转至所辖各街道办事处", "交由辖区内的乡镇"
DETERMINER = re.compile(
    r"(?:全(?:省|市|州|盟|县|区|旗)|本(?:省|市|县|区))?(?:所辖|辖区内的?)?"
    r"(?:[\d一二三四五六七八九十百]{1,3}个|各个?|相关|有关)?"
)


@dataclass(frozen=True, kw_only=True)
class FrameRules:
    power_nouns: tuple[tuple[str, str], ...]  # (text, label), longest first
    verbal: tuple[tuple[re.Pattern, str, str, tuple[str, ...]], ...]  # (pattern with M, label, verb kept, frames)
    collective: tuple[tuple[re.Pattern, str, str | None, tuple[str, ...]], ...]  # (pattern, sector, level, agencies)
    anaphora: tuple[str, ...]
    self_reference: tuple[str, ...]
    scope_sectors: dict[str, str]
    rules: dict[str, dict]  # rule id → {frame, triggers, examples}
    trigger_res: dict[str, re.Pattern] = field(default_factory=dict)  # frame → its triggers, compiled once
    power_re: re.Pattern | None = None  # the power nouns, longest first, compiled once
    power_labels: dict[str, str] = field(default_factory=dict)  # power noun → label
    back_reference: re.Pattern = re.compile(r"(?!)")  # a matter that only points back (上述, 前款规定的…)
    penalty_kinds: frozenset[str] = frozenset()  # kinds of penalty (警告, 罚款…): what a power does, not over what
    move_verbs: re.Pattern = re.compile(r"(?!)")  # verbs that move powers to the body after them (划入, 交由…)
    table_columns: dict[str, re.Pattern] = field(default_factory=dict)  # role → header names of a catalogue's column
    trigger_words: object = None  # one automaton of every frame's triggers: word → the frames it triggers
    approvals: tuple[str, ...] = ()  # "经X同意": words of assent after the body that approves
    any_collective: re.Pattern = re.compile(r"(?!)")  # every collective pattern at once: most sentences have none
    deciders: re.Pattern = re.compile(r"(?!)")  # "X决定/印发《…》，将…": X decides or issues, it does not give
    # "与居民生活密切相关、能够有效承接的P": words that make the object a description of which powers move
    descriptions: re.Pattern = re.compile(r"(?!)")
    # "行政许可、行政处罚等县级权限": kinds of power listed before the head they share (``power_series``)
    power_series: re.Pattern = re.compile(r"(?!)")
    series_kinds: dict[str, str] = field(default_factory=dict)  # kind → its power ("行政许可" → 行政许可权)
    frame_ids: dict[str, str] = field(init=False, default_factory=dict)  # frame → the id of its rule

    def triggered(self, text: str) -> set[str]:
        """The frames whose triggers occur in ``text`` (one pass of the automaton, overlaps included)."""
        return {frame for _start, _end, frames in self.trigger_words.find(text) for frame in frames} if text else set()

    def trigger_re(self, frame: str) -> re.Pattern:
        return self.trigger_res[frame]

    def rule_id(self, frame: str) -> str:
        return self.frame_ids[frame]

    def __post_init__(self) -> None:
        # one rule per frame (the first that names it), looked up per sentence
        object.__setattr__(self, "frame_ids", {r["frame"]: rid for rid, r in reversed(list(self.rules.items()))})


_RULE_KEYS = {"id", "frame", "triggers", "examples"}


def frame_rules_of(data: dict, relations, name: str = "frames.yaml") -> FrameRules:
    """The frame rules from the parsed ``frames.yaml`` and the relation rules (``relations``,
    whose power nouns and move verbs the frames read too): unknown keys and frames are load errors."""
    data = checked(
        name,
        data,
        {
            "version",
            "power_nouns",
            "verbal_powers",
            "collective_bodies",
            "anaphora",
            "self_reference",
            "approvals",
            "deciders",
            "back_references",
            "penalty_kinds",
            "descriptions",
            "power_series",
            "table_columns",
            "scope_sectors",
            "rules",
        },
        required={"rules", "scope_sectors"},
    )
    rules: dict[str, dict] = {}
    for rule in data["rules"]:
        rid = rule.get("id", "?")
        unknown = set(rule) - _RULE_KEYS
        if unknown:
            allowed = ", ".join(sorted(_RULE_KEYS))
            raise RuleError(f"{name}: rule {rid!r}: unknown key {sorted(unknown)[0]!r}; allowed: {allowed}")
        if rule.get("frame") not in FRAMES:
            raise RuleError(
                f"{name}: rule {rid!r}: unknown frame {rule.get('frame')!r}; known: {', '.join(sorted(FRAMES))}"
            )
        if "id" not in rule or not rule.get("examples"):
            raise RuleError(f"{name}: rule {rid!r}: every rule needs an id and at least one example")
        rules[rid] = {"frame": rule["frame"], "triggers": rule.get("triggers") or [], "examples": rule["examples"]}
    nouns = [(x["text"], x["label"]) for x in data.get("power_nouns") or []]
    nouns += list(relations.powers)
    nouns.sort(key=lambda x: len(x[0]), reverse=True)
    # a noun that is a power only right after some words ("事项" after a count: "等42项事项")
    after = {x["text"]: x["after"] for x in data.get("power_nouns") or [] if x.get("after")}
    # (the condition looked behind once the noun is read: a literal first keeps the search fast)
    noun_re = alternation(
        [t for t, _ in nouns], {t: "(?:" + "|".join(f"(?<={re.escape(a + t)})" for a in after[t]) + ")" for t in after}
    )
    verbal = []
    for v in data.get("verbal_powers") or []:
        if "{M}" not in v.get("pattern", ""):
            raise RuleError(f"{name}: verbal power {v!r}: the pattern needs {{M}} where the matter stands")
        # a matter that ends the pattern runs to the clause's end; elsewhere it is the shortest fit
        m_re = "(?P<M>[^;；。,，]{2,80})" if v["pattern"].endswith("{M}") else "(?P<M>[^;；。]{2,60}?)"
        body = v["pattern"].replace("{M}", m_re)
        verbal.append((re.compile(body), v["label"], v.get("keep_verb") or "", tuple(v.get("only_in") or ())))
    collective = [
        (re.compile(c["pattern"]), c["sector"], c.get("level"), tuple(c.get("agencies") or ()))
        for c in data.get("collective_bodies") or []
    ]
    trigger_res = {}
    for r in rules.values():
        trigger_res[r["frame"]] = re.compile(alternation(r["triggers"]))
    trigger_words = _trigger_automaton(rules)
    series, series_kinds = _power_series(data.get("power_series") or {}, dict(nouns), name)
    return FrameRules(
        power_nouns=tuple(nouns),
        verbal=tuple(verbal),
        collective=tuple(collective),
        anaphora=tuple(data.get("anaphora") or ()),
        self_reference=tuple(data.get("self_reference") or ()),
        scope_sectors=dict(data["scope_sectors"]),
        rules=rules,
        trigger_res=trigger_res,
        power_re=re.compile(noun_re),
        power_labels=dict(nouns),
        back_reference=_back_reference_re(data.get("back_references") or ()),
        penalty_kinds=frozenset(data.get("penalty_kinds") or ()),
        move_verbs=_move_verbs_re(
            relations.triggers["transfer.move_to.v1"]
            + tuple(rules_by_frame(rules, "hand_over"))
            + tuple(rules_by_frame(rules, "include"))
        ),
        table_columns=_table_columns(data.get("table_columns") or {}, name),
        trigger_words=trigger_words,
        approvals=tuple(sorted(data.get("approvals") or (), key=len, reverse=True)),
        deciders=re.compile(alternation(data.get("deciders") or ())),
        descriptions=re.compile(alternation(data.get("descriptions") or ())),
        any_collective=re.compile("|".join(f"(?:{c[0].pattern})" for c in collective) or r"(?!)"),
        power_series=series,
        series_kinds=series_kinds,
    )


def _power_series(data: dict, labels: dict[str, str], name: str) -> tuple[re.Pattern, dict[str, str]]:
    """The pattern of kinds listed before a shared head ("行政许可、行政处罚等县级权限": ``kinds`` joined,
    then 等, 相关 or a level if any, then one of ``heads``) and each kind's power, the noun it makes with 权."""
    unknown = set(data) - {"kinds", "heads"}
    if unknown:
        raise RuleError(f"{name}: power_series: unknown key {sorted(unknown)[0]!r}; allowed: heads, kinds")
    if not data:
        return re.compile(r"(?!)"), {}
    kinds = {}
    for kind in data.get("kinds") or ():
        if kind + "权" not in labels:
            raise RuleError(f"{name}: power_series: kind {kind!r} makes no power noun with 权 ({kind}权)")
        kinds[kind] = labels[kind + "权"]
    one = alternation(kinds)
    return (
        re.compile(
            # ("行政检查、行政强制措施等相关职权": the head tied to what moved with it)
            rf"(?P<kinds>(?:{one})(?:(?:、|和|及|与)(?:{one}))*)等(?:相关|有关|相应)?(?P<level>(?:省|市|县|区|乡镇|乡|镇)级)?"
            rf"(?:{alternation(data.get('heads') or ())})"
        ),
        kinds,
    )


_COLUMN_ROLES = ("matter", "kind", "receiver", "giver", "scope", "remark", "other")


def _table_columns(columns: dict, name: str) -> dict[str, re.Pattern]:
    unknown = set(columns) - set(_COLUMN_ROLES)
    if unknown:
        raise RuleError(
            f"{name}: table_columns: unknown role {sorted(unknown)[0]!r}; known: {', '.join(_COLUMN_ROLES)}"
        )
    return {role: re.compile(alternation(names)) for role, names in columns.items()}


def _trigger_automaton(rules: dict[str, dict]):
    by_word: dict[str, set[str]] = {}
    for r in rules.values():
        for word in r["triggers"]:
            by_word.setdefault(word, set()).add(r["frame"])
    return Words({word: frozenset(frames) for word, frames in by_word.items()})


def rules_by_frame(rules: dict[str, dict], frame: str) -> list[str]:
    """The triggers of the rule that runs ``frame``."""
    return next((r["triggers"] for r in rules.values() if r["frame"] == frame), [])


def _move_verbs_re(words) -> re.Pattern:
    return re.compile(alternation(w for w in words if "…" not in w))


# ---------------------------------------------------------------- bodies


@dataclass(frozen=True)
class Body:
    """A receiver or giver as written: its text, sector and where it stands in the sentence."""

    text: str
    sector: str | None
    start: int = -1
    end: int = -1
    parts: tuple[Body, ...] = ()  # the bodies a coordination names, each by its own name
    named: bool = True  # False: a kind of body the text leaves unnamed ("纳入综合行政执法范围")

    def shifted(self, offset: int) -> Body:
        """The same body with its offsets within a text that starts ``offset`` later."""
        return replace(self, start=self.start - offset, end=self.end - offset)

    def each_sector(self) -> list[Body]:
        """The bodies of several sectors a coordination names, one each ("自然资源、生态环境等部门");
        itself when it names one sector (at one or several levels: "市、县(区)环保局" gives as written)."""
        return list(self.parts) if len({p.sector for p in self.parts}) > 1 else [self]


def _groups(agencies: list[AgencySpan]) -> list[Body]:
    """One body per written span: a coordination ("市、县(区)…局") stays as written."""
    spans: dict[tuple[int, int], list[AgencySpan]] = {}
    for a in sorted(agencies, key=lambda a: a.start):
        spans.setdefault((a.start, a.end), []).append(a)
    return [
        Body(group[0].text, group[0].sector, s, e, tuple(Body(a.name, a.sector, s, e) for a in group))
        for (s, e), group in spans.items()
    ]


# a collective phrase's match in a sentence: (start, end, sector, level, the bodies it stands for)
CollectiveMatch = tuple[int, int, str, str | None, tuple[str, ...]]


def collective_matches(text: str, rules: FrameRules) -> list[CollectiveMatch]:
    """Every collective phrase of a sentence ("乡镇(街道)", "各区县政府", "有关部门"), pattern by pattern:
    found once and read both as bodies (``bodies_in``) and as what they stand for (``collective_agencies``)."""
    if not rules.any_collective.search(text):
        return []
    return [
        (m.start(), m.end(), sector, level, agencies)
        for pattern, sector, level, agencies in rules.collective
        for m in pattern.finditer(text)
    ]


def bodies_in(
    text: str, agencies: list[AgencySpan], rules: FrameRules, collectives: list[CollectiveMatch] | None = None
) -> list[Body]:
    """Bodies of a sentence: the recognizer's, and collective or descriptive ones from the rules
    (``collectives``: the sentence's ``collective_matches``, when the caller has them)."""
    out = _groups(agencies)
    for start, end, sector, _level, stands_for in (
        collective_matches(text, rules) if collectives is None else collectives
    ):
        if not any(b.start < end and start < b.end for b in out):
            out.append(Body(text[start:end], sector, start, end, named=bool(stands_for)))
    return sorted(out, key=lambda b: b.start) if len(out) > 1 else out


def collective_agencies(
    text: str, rules: FrameRules, collectives: list[CollectiveMatch] | None = None
) -> list[tuple[str, str, str | None, int, int]]:
    """Bodies a collective phrase stands for: "乡镇(街道)" is 乡镇 and 街道; ``{match}`` is the
    phrase itself. Returns (name, sector, level, start, end); ``collectives`` as for ``bodies_in``.

    >>> from kg.ruleset import load_rules
    >>> [a[:3] for a in collective_agencies("赋予乡镇和街道", load_rules().frames)]
    [('乡镇', '街道乡镇', 'street'), ('街道', '街道乡镇', 'street')]
    """
    return [
        (text[start:end] if name == "{match}" else name, sector, level, start, end)
        for start, end, sector, level, stands_for in (
            collective_matches(text, rules) if collectives is None else collectives
        )
        for name in stands_for
    ]


# ---------------------------------------------------------------- matters and sectors


def scope_sector(text: str | None, rules: FrameRules) -> str | None:
    """Sector of the bodies that held a domain's powers: the longest scope key in ``text``.

    >>> from kg.ruleset import load_rules
    >>> frames = load_rules().frames
    >>> scope_sector("殡葬管理", frames), scope_sector("县级人民政府部门的部分行政处罚权", frames)
    ('民政', None)
    """
    if not text:
        return None
    text = text.replace("人民政府", "〇")  # (民政 is no field inside 人民政府: "县级人民政府部门的P")
    best = None
    for key, sector in rules.scope_sectors.items():
        if key in text and (best is None or len(key) > len(best[0])):
            best = (key, sector)
    return best[1] if best else None


_BARE_VERB = re.compile(r"^(?:的|对)?(?:擅自|违法|非法|未经批准|私自|随意|随地)?[\u4e00-\u9fff]{1,2}$")
# "(一)", "（3）": a numbered item of a list, as GB/T 9704 numbers them
_PAREN_ITEM = r"[(（][一二三四五六七八九十\d]{1,3}[)）]"
_SHARED_OBJECT = re.compile(r"[\u4e00-\u9fff]{1,2}(?:行为)?")
_CLOSING_KIND = re.compile(r"等[\u4e00-\u9fff]{1,6}$")  # "…、烟蒂等废弃物": the kind that closes a list of objects
_OWN_MANNER = re.compile(r"擅自|违法|非法|违规|私自|随意|随地|未经")
_NAMED_OFFENCE = re.compile(r"(?:的|对)?(?:违法|非法|违规|违章)(?P<v>[\u4e00-\u9fff]{2})")  # "违法建设", "非法经营"
# a second predicate of the same subject ("未经批准…" opens an act of its own, with its own manner)
_SAME_SUBJECT = re.compile(r"^(?:不|未(?!经)|拒不|没有)")
# a part that ends in the condition an act lacks ("未经批准", "未经许可"): no act until the next part
_CONDITION_ONLY = re.compile(r"未经(?:批准|许可|同意|审批|核准|登记|备案)$")
# a clause that only states the condition the act after it breaks, before a comma: "农户未经批准或者以欺骗
# 手段取得批准，非法占地建房", "未取得施工许可证，擅自施工" — one offence
# ("违反城市道路管理规定，擅自占用城市道路": the rule broken, then the act)
_CONDITION_CLAUSE = re.compile(
    r"(?:未经|未取得|未依法取得|未办理)[^，,；;]{0,30}?(?:批准|许可|同意|审批|核准|登记|备案|许可证|手续)$"
    r"|^违反[^，,；;]{2,30}?(?:规定|条例|办法|法律|法规|规章)$"
)
# a place phrase may follow the act's manner: "擅自在树木、地面、建筑物上涂写"
_MANNER = r"(?:擅自|违法|非法|随意|私自|违规)?"
_OPEN_PLACE = re.compile(rf"^{_MANNER}在(?!.*(?:上|内|中|外|时|范围))")
# "在建筑物上悬挂、张贴宣传品": a verb after a place word with its object in the next part shares it
# ("在建筑物阳台外、窗外、屋顶吊挂或者堆放…": places listed, the last a noun, then the verb)
_PLACE_VERB = re.compile(
    rf"^{_MANNER}在.*(?:上|内|中|外|旁|边|前|后|下|里|侧)(?:、[\u4e00-\u9fff]{{1,4}})?(?:擅自|违法|非法|随意)?[\u4e00-\u9fff]{{2}}$"
)
# "在建筑物阳台外、窗外": a place that ends with its locative, whose verb is still to come
_PLACE_ONLY = re.compile(rf"^{_MANNER}在.*(?:上|内|中|外|旁|边|前|后|下|里|侧)$")


# 及 joining two acts, not inside a word (涉及, 普及, 危及, 顾及, 触及, 提及, 波及)
_AND = r"(?<![涉普危顾触论提波以])及"


# the last two acts of a list of acts joined by 和, each of four characters or more ("占道经营和乱贴乱画")
# (not a shared head after 的: "城市道路和公共场所的照明设施" is one object; nor after a list closed by
# 等, whose shared tail the 和 is in: "焚烧沥青、塑料等产生烟尘和恶臭气体")
_LAST_AND = re.compile(r"((?:(?![的等])[\u4e00-\u9fff]){4,})和((?:(?!的)[\u4e00-\u9fff]){4,})")


# "城市道路挖掘、占用审批后": a bare verb and the approval after which the whole list is watched
# over: the list is one matter (its items share the object before and the approval after)
_SHARED_APPROVAL = re.compile(r"^[\u4e00-\u9fff]{2}(?:审批|许可|批准|核准|备案)(?:后|以后|之后)")


_NOUNS_CLOSED = re.compile(r"([\u4e00-\u9fff]{2})等")  # "落叶等…": a noun, the list closed after it


def _ends_in_object(act: str) -> bool:
    """Whether ``act`` ends in a verb and its object: a two-character word that is no noun of any
    kind, then a common noun ("露天焚烧秸秆"; not "城市道路", two nouns)."""
    return len(act) >= 4 and act[-2:] in nouns() and act[-4:-2] not in nominals()


# what an act causes, closing it: "…影响通行", "…妨碍交通" (shared by a short act listed before it)
_CONSEQUENCE = re.compile(r"[\u4e00-\u9fff]{2,}(?:影响|妨碍|妨害|危害)[\u4e00-\u9fff]{2,6}$")
# a 的 inside the last part of a list, its head after it ("渣土的车辆沿途撒漏"; not "…道路的" at the end)
_HEAD_AFTER_DE = re.compile(r"^[^的]{1,8}的[\u4e00-\u9fff]{2,}")


# acts named by the laws they break: "违反市容环卫、园林绿化管理法律法规规章的行为", "违反城乡规划管理规定的行为"
_LAWS_BROKEN = re.compile(
    r"违反(?P<f>[\u4e00-\u9fff、]{2,40}?)(?:方面|领域)?的?(?:有关)?(?:法律|法规|规章|规定)"
    r"(?:[、和及与]?(?:法律|法规|规章|规定))*的?(?:违法)?(?:行为)?"
)


def split_acts(text: str, fields: Collection[str]) -> list[str]:
    """Split a list of acts on the strongest separator present (；, then ，/以及, then 、/及/或);
    a bare verb before 、 joins the act that follows ("擅自占用、挖掘城市道路" is one act), not a
    field of work (``fields``: 燃气, 供热… — the scope table's domains).

    >>> split_acts("擅自占用、挖掘城市道路，在城市桥梁上架设管线，以及损坏城市照明设施", ())
    ['擅自占用、挖掘城市道路', '在城市桥梁上架设管线', '损坏城市照明设施']
    >>> split_acts("临时性建筑物搭建、堆放物料、占道施工", ())
    ['临时性建筑物搭建', '堆放物料', '占道施工']
    >>> split_acts("城市道路挖掘、占用审批后", ())
    ['城市道路挖掘、占用审批后']
    >>> split_acts("运输砂石、渣土的车辆沿途撒漏", ())
    ['运输砂石、渣土的车辆沿途撒漏']
    >>> split_acts("乱扔果皮、纸屑、烟蒂等废弃物", ())
    ['乱扔果皮、纸屑、烟蒂等废弃物']
    >>> split_acts("在公园内乱丢垃圾、砂石", ())
    ['在公园内乱丢垃圾、砂石']
    >>> split_acts("城市道路、桥梁等市政设施", ())
    ['城市道路', '桥梁等市政设施']
    >>> split_acts("城市供水、燃气、供热行业管理", {"燃气"})
    ['城市供水', '燃气', '供热行业管理']
    >>> split_acts("露天焚烧秸秆、落叶等产生烟尘的物质", ())
    ['露天焚烧秸秆、落叶等产生烟尘的物质']
    >>> split_acts("露天烧烤、焚烧树叶等产生烟尘和恶臭气体", ())
    ['露天烧烤', '焚烧树叶等产生烟尘和恶臭气体']
    >>> split_acts("违法建设、占道经营等", ())
    ['违法建设', '占道经营']
    >>> split_acts("违法建设、建筑垃圾处置", ())  # an offence named by its verbal noun, whole
    ['违法建设', '建筑垃圾处置']
    >>> split_acts("非法占用、挖掘城市道路", ())  # (a plain verb takes the object after it)
    ['非法占用、挖掘城市道路']
    >>> split_acts("非法采砂、向河道倾倒垃圾", ())  # (a direction opens an act of its own)
    ['非法采砂', '向河道倾倒垃圾']
    >>> split_acts("建筑施工噪声污染和餐饮业油烟污染", ())
    ['建筑施工噪声污染', '餐饮业油烟污染']
    >>> split_acts("向城市河道倾倒废弃物和垃圾", ())
    ['向城市河道倾倒废弃物和垃圾']
    >>> split_acts("未取得施工许可证，擅自开工建设，在道路上堆放物料", ())
    ['未取得施工许可证，擅自开工建设', '在道路上堆放物料']
    >>> split_acts("违反市容环境卫生、城市绿化管理法律、法规、规章的行为", ())
    ['市容环境卫生', '城市绿化管理']
    """
    # "违法建设、占道经营等": the 等 that closes a list is no part of its last act (nor lengthens it)
    text = re.sub(r"(?<=[\u4e00-\u9fff]{2})等$", "", text.strip(" ,，、;；"))
    broken = _LAWS_BROKEN.fullmatch(text)
    if broken:  # "违反D1、D2法律法规规章的行为": acts against each field's laws, the field named
        return [f for f in re.split(rf"、|{_AND}", broken.group("f")) if len(f) >= 2]
    for sep, join in (
        (r"[;；]", False),
        (r"[,，]\s*(?:以及|及)?|以及", False),
        (rf"[、]|{_AND}|或者|或|和(?=部分)", True),
    ):
        pieces = re.split(f"({sep})", text)
        parts, seps = [p.strip() for p in pieces[0::2]], pieces[1::2]
        if not all(parts):
            parts, seps = [p for p in parts if p], []
        last_and = _LAST_AND.fullmatch(parts[-1]) if join and "、" in seps else None
        if join and not seps and last_and is None:
            # "建筑施工噪声污染和餐饮业油烟污染": two acts joined by 和, each closed by the same head
            pair = _LAST_AND.fullmatch(parts[0])
            last_and = pair if pair and pair.group(1)[-2:] == pair.group(2)[-2:] else None
        if last_and:  # "A、B和C": the list's last two acts joined by 和
            parts[-1:], seps = [last_and.group(1), last_and.group(2)], [*seps, "和"]
        if not join:  # a condition and the act that breaks it, across a comma: one offence
            for k in range(len(parts) - 2, -1, -1):
                if _CONDITION_CLAUSE.search(parts[k]):
                    parts[k : k + 2] = (
                        [parts[k] + seps[k].strip() + parts[k + 1]] if seps else [parts[k] + parts[k + 1]]
                    )
                    seps[k : k + 1] = []
                    if len(parts) == 1:
                        return parts  # (its act whole: "违反M规定，擅自占用或者挖掘城市道路")
        if len(parts) > 1:
            parts = join_bare_verbs(parts, fields, seps or "、") if join else parts
            return [re.sub(r"^(?:以及|及|或者|或|和)", "", p) for p in parts if len(p) >= 2]
    return [text] if text else []


def join_bare_verbs(parts: list[str], fields: Collection[str], joiner: str | list[str] = "、") -> list[str]:
    """Join a bare verb to the verb + object after it: ["擅自修剪", "砍伐行道树"] → one act;
    a short act stays ("违法建设", "占道经营"); so does an opening 在… with no closing word.
    ``joiner`` is what joins two parts, or the separators written between them, in order.

    >>> join_bare_verbs(["擅自占用", "挖掘城市道路", "乱搭乱建"], ())
    ['擅自占用、挖掘城市道路', '乱搭乱建']
    >>> join_bare_verbs(["在建筑物", "设施上悬挂", "张贴宣传品", "占道经营"], ())
    ['在建筑物、设施上悬挂、张贴宣传品', '占道经营']
    >>> join_bare_verbs(["在河道管理范围内倾倒垃圾", "渣土"], ())
    ['在河道管理范围内倾倒垃圾、渣土']
    >>> join_bare_verbs(["城市供水", "燃气", "供热行业管理"], {"燃气"})
    ['城市供水', '燃气', '供热行业管理']
    >>> join_bare_verbs(["农药", "兽药", "种子质量"], ())  # nouns (jieba's dictionary): fields, not verbs
    ['农药', '兽药', '种子质量']
    >>> join_bare_verbs(["随意倾倒", "抛撒", "堆放建筑垃圾"], (), ["、", "或者"])  # one act, its verbs joined
    ['随意倾倒、抛撒或者堆放建筑垃圾']
    >>> join_bare_verbs(["随地倾倒污水", "擅自占用绿地"], ())
    ['随地倾倒污水', '擅自占用绿地']
    >>> join_bare_verbs(["随地吐痰", "便溺"], ())  # the manner of the first act is the last verb's too
    ['随地吐痰、便溺']
    >>> join_bare_verbs(["违法占地", "河道违法采砂"], ())  # each part states its own manner
    ['违法占地', '河道违法采砂']
    >>> split_acts("破坏或者擅自改变界桩标志、违法建设", ())
    ['破坏或者擅自改变界桩标志', '违法建设']
    >>> split_acts("未经批准或者采取欺骗手段骗取批准占用林地", ())
    ['未经批准或者采取欺骗手段骗取批准占用林地']
    >>> split_acts("违法建设、占道经营和乱贴乱画", ())
    ['违法建设', '占道经营', '乱贴乱画']
    >>> split_acts("未经许可擅自设置户外广告、未经批准擅自占用城市道路", ())
    ['未经许可擅自设置户外广告', '未经批准擅自占用城市道路']
    """
    joiners = [joiner] * len(parts) if isinstance(joiner, str) else list(joiner)
    if (
        len(parts) > 1
        and (
            _SHARED_APPROVAL.match(parts[-1])  # "城市道路挖掘、占用审批后": one
            # "乱扔果皮、纸屑、烟蒂等废弃物": an act whose verb takes the nouns listed after it, to the end
            # (not a noun phrase, "城市道路、桥梁等": its object's modifier is a noun, not a verb)
            or len(parts[0]) >= 4
            and parts[0][-4:-2] not in nominals()
            and all(_CLOSING_KIND.sub("", p) in nouns() for p in parts[1:])
            # "擅自堆放物料、摆摊设点影响通行": two short acts whose one consequence closes the second
            or len(parts) == 2
            and len(parts[0]) <= 6
            and _CONSEQUENCE.search(parts[1])
            and not _CONSEQUENCE.search(parts[0])
            # "运输砂石、渣土的车辆沿途撒漏": short objects listed before the head that 的 gives them all
            or _HEAD_AFTER_DE.search(parts[-1])
            and all(len(p) <= 8 and "的" not in p for p in parts[:-1])
        )
    ):
        return ["".join(p + j for p, j in zip(parts[:-1], joiners)) + parts[-1]]
    out: list[str] = []
    carry = ""
    for i, p in enumerate(parts):
        joiner = joiners[i - 1] if i else ""
        if carry:
            p, carry = carry + joiner + p, ""
        nxt = parts[i + 1] if i + 1 < len(parts) else ""
        # (a field of work is a noun, not a bare verb: "燃气、供热行业管理" are two fields)
        # ("占用、挖掘河道": a verb alone; "违法建设、占道经营": two acts of four characters)
        after = parts[i + 2] if i + 2 < len(parts) else ""  # "随意倾倒、抛撒或者堆放建筑垃圾": verbs in a row
        chained = _BARE_VERB.match(nxt) and len(nxt) <= 2 and len(after) >= 5
        piece = parts[i]  # (the verb itself, not what it carries: "随意倾倒、抛撒" before "堆放建筑垃圾")
        bare = _BARE_VERB.match(piece) and (len(nxt) >= 5 or len(piece) <= 2 and len(nxt) >= 4 or chained)
        bare = bare and piece not in fields and piece.lstrip("的对") not in nouns()  # "药品、特种设备": two fields
        # "违法占地、河道违法采砂": a manner in both parts, each an act of its own
        bare = bare and not (_OWN_MANNER.match(piece.lstrip("的对")) and _OWN_MANNER.search(nxt))
        # "违法建设、在河道内倾倒垃圾", "非法采砂、向河道倾倒垃圾": a place or a direction opens an act of its own
        bare = bare and not nxt.startswith(("在", "向"))
        # "违法建设、建筑垃圾处置": an unlawful act named by its verbal noun (建设, 经营, 运输) is an offence whole
        # ("非法占用、挖掘河道": 占用 is a verb, it takes the object after it)
        offence = _NAMED_OFFENCE.fullmatch(piece)
        bare = bare and not (offence and offence.group("v") in verbal_nouns())
        # "未经批准或者采取欺骗手段骗取批准非法占地": a condition with no act of its own shares the act after it
        bare = bare or _CONDITION_ONLY.search(p)
        if bare or (_OPEN_PLACE.match(p) or _PLACE_VERB.search(p) or _PLACE_ONLY.match(p)) and nxt:
            carry = p
            continue
        if out and _SAME_SUBJECT.match(p):  # "用人单位不建立劳动关系、不依法订立劳动合同": one offence
            out[-1] = out[-1] + joiner + p
            continue
        noun_list = _NOUNS_CLOSED.match(p)
        if out and noun_list and noun_list.group(1) in nouns() and _ends_in_object(out[-1]):
            # "露天焚烧秸秆、落叶等产生烟尘的物质": nouns listed after a verb's object, closed by 等, are
            # more of that object (not "城市道路、桥梁等市政设施": a noun phrase, no verb before it)
            out[-1] = out[-1] + joiner + p
            continue
        if out and not nxt and _SHARED_OBJECT.fullmatch(p) and len(out[-1]) >= 6:
            out[-1] = out[-1] + joiner + p  # "倾倒垃圾、渣土": a last object of the verb before it
            continue
        if out and not nxt and len(p) <= 2 and _OWN_MANNER.match(out[-1]) and p not in nouns() and p not in fields:
            out[-1] = out[-1] + joiner + p  # "随地吐痰、便溺": the manner of the act before is the last verb's too
            continue
        out.append(p)
    if carry:
        out.append(carry)
    return out


_LAW = re.compile(
    r"(?:的)?(?:国家和省|有关)?(?:的)?法律[、,，和及]?(?:行政)?法规(?:[、,，和及]?(?:地方性法规|规章))*"
    r"(?:和[^，,。；;]{0,12}?)?(?:的)?(?:规定|设定)?的?"
)
# "市政公用、市容环卫、" before "园林绿化方面": the other fields of a list of fields
_FIELD_LIST = re.compile(r"(?:[\u4e00-\u9fff]{2,8}、)+")
# "…方面与城市管理相关的部分": which of a field's powers, not a matter of its own
RELEVANT_PART = re.compile(
    r"(?:方面|领域)?(?:中)?(?:(?:与|和)[\u4e00-\u9fff]{2,8}(?:相关|有关|密切相关)|涉及[\u4e00-\u9fff]{2,8})的?(?:全部|部分)?的?$"
)
# the givers just named, counted or not: "等7个部门的", "等有关部门的", "三个单位的"
# the kind of departments a count closes a list of givers with: "等9个县直部门", "等有关市级部门"
_GIVERS_KIND = r"(?:[省市州县区](?:直|级|直属)|直属|有关|相关)?(?:部门|单位|机关)"
_GIVERS_COUNTED = (
    rf"(?:等(?:有关)?(?:[一二三四五六七八九十两\d]{{1,2}}个)?|[一二三四五六七八九十两\d]{{1,2}}个){_GIVERS_KIND}(?:的)?"
)
COUNT_OF_GIVERS = re.compile(rf"^{_GIVERS_COUNTED}")
_GIVERS_COUNTED_AT = re.compile(_GIVERS_COUNTED)  # matched where the givers end (``pattern.match(text, at)``)
COMMA = re.compile(r"[,，]")
# "依照环境保护法律、法规、规章的规定，对…实施行政处罚": the field is the laws' own
_LAW_DOMAIN = re.compile(r"(?:依照|依据|根据|按照)(?P<d>[\u4e00-\u9fff]{2,12}?)(?:方面的?)?(?:法律|法规|规章)")
_DOMAIN_WORD = re.compile(r"(?P<d>[\u4e00-\u9fff]{2,14}?)(?P<k>方面|领域)")
# the area a power covers, before what it is over: "城市道路范围内", "园区内"
_AREA = r"(?:[\u4e00-\u9fff]{2,8}?(?:范围|区域)|[\u4e00-\u9fff]{1,6}?区)内"
_AREA_ONLY = re.compile(rf"{_AREA}的?")  # an object that names only where: "开发区范围内的"
# where a body acts, before its verb: "(授权R)在开发区范围内(行使…)", "(G不再)在园区内(行使)"
_WHERE_ACTING = r"在[^，,。；;在]{1,16}?(?:范围|区域|辖区)?内"
_TRIM_HEAD = re.compile(
    rf"^(?:{_PAREN_ITEM}|[一二三四五六七八九十]+[、.]|\d{{1,2}}[.、])?\s*"
    # ("撤销/取消G的M职责，由R履行": the duty taken from G, the verb no part of it; 了/过: the verb's aspect)
    r"(?:撤销|取消|剥离)?(?:依法|可以|负责|集中|相对|统一)*(?:行使|履行|实施)?(?:了|过)?(?:有关|涉及到?)?"
    # "城市道路范围内的M": the area a power covers, not what it is over ("上述范围内的" points back)
    rf"(?:(?!上述|前述|以上|下列){_AREA}的(?=[\u4e00-\u9fff]{{2}}))?"
    # "园区范围内D1、D2方面的P": the area, then the fields (with no 的; "在…范围内M" is an act's own place)
    rf"(?:(?!上述|前述|以上|下列|在){_AREA}(?=[^，,。；;的]{{2,40}}?(?:方面|领域)))?"
    # "我区M", "全市范围内的M": the writer's own place, where, not what
    r"(?:(?:(?:我|本|全)[省市州县区旗镇乡](?:范围内)?|(?:本)?辖区(?:范围)?内)的?(?=[\u4e00-\u9fff]{2}))?"
)
# "(原)分散在G1、G2等部门的P": where the powers lay before they are brought together, their holders, no
# part of what they are over ("分散在各部门的城市管理职能": the field's duties, their holders unnamed)
SCATTERED = re.compile(r"(?:原来?|过去)?(?:分散(?:在|于)|分布在|散落在|分属)(?P<g>[^，,。；;]{1,40}?)的")
# "86项", "等12项": how many powers a list names, not which (no matter of its own)
# how many matters: "86项", "5大类97项" (a count of classes, then of items)
COUNT_OF_MATTERS = re.compile(
    r"(?:[\d一二三四五六七八九十百两]{1,3}(?:大类|类|个方面|个领域))?[\d一二三四五六七八九十百两]{1,4}项"
)
_TRIM_TAIL = re.compile(
    rf"(?:等方面|方面|等|的|之|(?<!违法)(?<!违规)行为|(?<=等){COUNT_OF_MATTERS.pattern}|(?<=[\u4e00-\u9fff]{{3}})查处)+$"
)  # "M查处等4项": the acts M, not the verb that punishes them


@dataclass
class Phrase:
    """What stands before a power word: giver, domain, matters and scope."""

    domain: str | None = None
    domain_kind: str = ""
    matters: list[str] = field(default_factory=list)
    giver: Body | None = None
    scope: str | None = None
    fields: list[str] = field(default_factory=list)  # "市政公用、市容环卫、园林绿化方面": each field named
    giver_text: str | None = None  # "有关行政主管部门在D领域的": givers named by kind, not a body

    @property
    def field(self) -> str | None:
        """The domain as a matter, when nothing narrower is named: "住房城乡建设领域", "燃气管理"."""
        return self.domain + ("领域" if self.domain_kind == "领域" else "") if self.domain else None


# departments named by their kind ("有关行政主管部门", "相关部门", "县直部门", "市级有关部门", "各有关部门")
# bodies that decide or approve moves of others' powers without holding them ("市政府将…划转", "县编办将…")
DECIDING_SECTORS = frozenset({"人民政府", "党委", "机构编制"})
# a move done before, written before its verb: "已下放至", "原划转至", "2021年下放至"
EARLIER = r"(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|已经|已|原|曾|前期|此前)"
# the level a power belongs to: "省级", "县级", "自治区级", "乡镇级"
LEVEL_WORD = r"(?:自治区|自治州|乡镇|县区|市县|省|市|州|盟|县|区|旗|乡|镇)级"
# a level word alone (with its share) before a power: "部分县级行政执法权" names the level's powers
LEVEL_ALONE = re.compile(
    rf"(?:第[一二三四五六七八九十\d]{{1,3}}批|一批|首批|新一批)?(?:部分|全部|一些|若干|{COUNT_OF_MATTERS.pattern})?"
    rf"(?P<level>{LEVEL_WORD})"
)
# which bodies of a kind receive, by what they are able to do: "(交由)能够有效承接的(乡镇)", "具备条件的(街道)"
ABLE_TO_RECEIVE = re.compile(r"(?:能够|能|有能力|有条件|具备|符合)[^，,。；;的]{0,10}的")
# what names departments after their government or level, or alone: "(各)有关部门", "工作部门", "所属的行政机关"
GIVER_KIND_TAIL = r"各?(?:有关|相关|所属)?(?:的)?(?:工作|职能|行政|业务)?(?:主管)?(?:部门|机关)"
GIVER_KIND = (
    r"(?=[省市州县区各有相本所])(?:(?:本级|[省市州县区]级?)(?:人民政府|政府)|[省市州县区](?:级|直|直属))?"
    + GIVER_KIND_TAIL
)
# departments named by their kind, whose powers follow ("有关行政主管部门在D领域的P", "相关部门的P",
# "区直部门承担的P") (or how many of their items: "区级部门73项行政执法事项")
KIND_OF_GIVER = re.compile(rf"^(?P<g>{GIVER_KIND})(?:在|原?(?:承担|负责|行使|实施)?的|(?={COUNT_OF_MATTERS.pattern}))")


_QUOTED_ENTRY = re.compile(
    r"[“\"‘']对(?P<m>[^“”\"‘’']{2,40}?)的(?:行政)?(?:处罚|检查|强制措施|强制)[”\"’'](?:等.{0,6})?"
)


# "D1、D2等8个领域(共42项)": how many fields the list closes with, and how many items they hold in all
_FIELDS_COUNTED = re.compile(r"等[\d一二三四五六七八九十两]{1,3}个(?=方面|领域)")
# "M1、M2等15项(市级)": how many items the list's examples stand for, and their level, after its last
# (the literal first: a look-behind opening the pattern would be tried at every place)
_ITEMS_COUNTED = re.compile(rf"等{COUNT_OF_MATTERS.pattern}(?:的)?(?:{LEVEL_WORD})?$")
_FIELD_TOTAL = re.compile(rf"^(?:的)?(?:共|共计|合计|计)?{COUNT_OF_MATTERS.pattern}(?:的)?(?:{LEVEL_WORD})?$")


_STOPS_HOLDING = r"(?:不再|停止)(?:行使|承担|履行)"  # "G不再承担M": G stops holding what moves


def parse_object(seg: str, bodies: list[Body], fields: Collection[str]) -> Phrase:
    """Read the words between a predicate and its power noun: "A行使的全部", "D方面(法律…规定的)对M的"."""
    ph = Phrase()
    kind = KIND_OF_GIVER.match(seg.strip())
    if kind:
        ph.giver_text, seg = kind.group("g"), seg.strip()[kind.end() :]
    raw, seg = seg.strip(), _TRIM_HEAD.sub("", seg)
    own = None
    for written in (seg, raw):  # "有关行政主管部门的…": a body whose name opens with a word the trim takes
        own = next(
            (
                b
                for b in bodies
                if written.startswith(b.text)
                and not written.startswith(("行使", "承担", "负责", "原行使", "原承担", "原负责"), len(b.text))
            ),
            None,
        )
        if own is not None:  # "G(对)M的P": the body whose power it was, then the matter
            unit = next((b for b in bodies if b.start == own.end), None)
            if unit is not None and written.startswith(own.text + unit.text):  # "市公安局交通警察支队": a unit of it
                own = Body(own.text + unit.text, unit.sector, own.start, unit.end)
            own, read = _owners_together(written, own, bodies)
            ph.giver = own
            seg = re.sub(
                # "县级人民政府及其部门的P": a government with its departments gives as the government;
                # "G1、G2（以下统称业务主管部门）的P": the short name the text gives them, no matter
                rf"^(?:及其(?:所属|工作|有关)?部门)?(?:{_SHORT_NAME_GIVEN})?(?:的|[:：]|{_STOPS_HOLDING}|原?(?:划转|移交|下放|行使|承担|负责|实施)的|原有的|(?:依法)?委托的)?",
                "",
                written[read:],
            )
            break
    # "G承担的M", and "G不再承担M" (G stops holding what the receiver takes over)
    given = re.match(
        rf"^(?P<g>.+?)(?:原?(?:行使|承担|负责|实施|划转|移交|下放)的|(?:依法)?委托的|{_STOPS_HOLDING})(?P<rest>.*)$",
        seg,
    )
    if given:
        owner = next((b for b in bodies if b.text == given.group("g") or given.group("g").endswith(b.text)), None)
        if owner is not None:
            ph.giver = owner
            seg = given.group("rest")
    whole = re.match(r"^(?:的)?(全部或者部分|全部或部分|部分或者全部|全部|部分)$", seg.strip())
    if whole:
        ph.scope = whole.group(1)
        return ph
    seg = _FIELDS_COUNTED.sub("等", seg)  # "D1、D2等8个领域": the fields, their count aside
    counted = _ITEMS_COUNTED.search(seg) if "等" in seg else None
    if counted and counted.start() >= 2:  # "M1审批、M2审批等15项市级(P)": the items, their count and level aside
        seg = seg[: counted.start()]
    d = _DOMAIN_WORD.search(seg)
    if d and not re.search(r"[,，;；]", seg[: d.start()]):
        # "在甲、乙、丙等方面": the fields listed, the last without the 等 that closes the list
        ph.domain = re.sub(r"等$", "", re.sub(r"^(?:在|其|有关)", "", d.group("d")))
        ph.domain_kind = d.group("k")
        listed = _FIELD_LIST.fullmatch(re.sub(r"^(?:在|其|有关)", "", seg[: d.start()]))
        if listed:
            ph.fields = [*listed.group().rstrip("、").split("、"), ph.domain]
        seg = _FIELD_TOTAL.sub("", seg[d.end() :])
    seg = _LAW.sub("", RELEVANT_PART.sub("", seg))
    seg = re.sub(r"^(?:的|中|内|\s*[:：,，])", "", seg)  # "环境保护方面：M的P", "D方面，对M的P": after the field
    # "D方面有关M1、M2的全部P": what 有关 introduces is the matters; the share closes them
    seg = re.sub(r"^(?:有关|相关)(?=[\u4e00-\u9fff]{2})", "", seg)
    share = re.search(r"(?<=[\u4e00-\u9fff]{2})的(全部|部分)$", seg)
    if share:
        ph.scope, seg = share.group(1), seg[: share.start()]
    # "对M的违法行为的P", "对M行为的P": M's; "对M违法行为的P": the unlawful act is M itself; "对M的行为
    # 实施的P": the penalty done to the act, a relative clause
    obj = re.match(
        rf"^\s*(?:{_PAREN_ITEM})?\s*(?:的)?对(?P<m>.+?)(?:的违法行为|的违规行为|的行为|(?<!违法)(?<!违规)行为)?"
        r"(?:(?:依法)?(?:实施|作出|给予|予以|进行))?的?$",
        seg,
    )
    if obj:
        seg = obj.group("m")
    seg = _TRIM_TAIL.sub("", seg.strip(" ,，"))
    if COUNT_OF_MATTERS.fullmatch(seg) or seg in ("有关", "相关", "相应", "具体"):
        # "…等9个部门的132项P": how many; "相关执法事项", "具体行政处罚权": which, by what is said around
        seg = ""  # no matter named
    # "“对M的处罚”等12项": an item of a catalogue quoted as the example of those that move: its act
    quoted = _QUOTED_ENTRY.fullmatch(seg)
    if quoted:
        seg = quoted.group("m")
    whole = re.fullmatch(r"(全部或者部分|全部或部分|部分或者全部|全部|部分)", seg)
    if whole:
        ph.scope, seg = seg, ""
    if len(seg) >= 2:
        ph.matters = split_acts(seg, fields)
    return ph


def _owners_together(written: str, own: Body, bodies: list[Body]) -> tuple[Body, int]:
    """The body ``written`` opens with and those named together with it before what they own
    ("G1、G2和G3等3个部门的P"): one body whose parts they are (each gives by its sector,
    ``Body.each_sector``), and how much of ``written`` names them (a count of them included)."""
    parts, at = [own], len(own.text)
    while (joint := _JOINED.match(written, at)) is not None:
        nxt = next((b for b in bodies if b not in parts and written.startswith(b.text, joint.end())), None)
        if nxt is None:
            break
        parts.append(nxt)
        at = joint.end() + len(nxt.text)
    counted = _GIVERS_COUNTED_AT.match(written, at)
    if counted:  # "等3个部门(的)": how many gave, not what (的 is read with the object)
        at = counted.end() - counted.group().endswith("的")
    if len(parts) == 1:
        return own, at
    sectors = {b.sector for b in parts}
    members = tuple(q for b in parts for q in (b.parts or (b,)))
    whole = Body(written[:at], sectors.pop() if len(sectors) == 1 else None, own.start, parts[-1].end, members)
    return whole, at


# ---------------------------------------------------------------- document state


@dataclass
class FrameState:
    """What carries from sentence to sentence within one document."""

    receivers: list[Body] = field(default_factory=list)  # of the open list
    list_open: bool = False
    last: list[dict] = field(default_factory=list)  # the previous sentence's transfers
    given: dict[str, dict] = field(default_factory=dict)  # giver → the last transfer it gave
    # the receivers of the transfers read so far under the open top-level heading ("三、明确执法事项"),
    # and that heading: what "以上P划转后，G不再行使" closing the section restates
    section: tuple[str, ...] = ()
    section_receivers: list[Body] = field(default_factory=list)
    grantee: list[Body] = field(default_factory=list)  # receiver of the last grant (catalogues)
    # the receivers a catalogue's title grants to ("某区赋予街道办事处…事项目录"): a body in a row is its giver
    title_grantees: list[Body] = field(default_factory=list)
    topic: Body | None = None  # the last body set up or acting as subject (antecedent of 其)
    self_body: Body | None = None  # the body that writes 我局
    columns: dict[str, int] = field(default_factory=dict)  # role → column of the catalogue table's header row
    column_count: int = 0  # how many columns that header row has
    entrusting: Body | None = None  # the body a labelled line names as the one that entrusts ("委托机关：X")
    numbered: bool = False  # whether its first column numbers the rows (序号)
    item_numbers: dict[str, int | None] = field(default_factory=dict)  # the open list's last item number by style
    entry_kind: str | None = None  # the kind of power a catalogue heading names ("一、行政处罚")
    following: tuple[str, list[AgencySpan]] = ("", [])  # the next sentence and the bodies recognized in it
    upcoming: tuple[str, ...] = ()  # the sentences after it, a few (a labelled entry's lines still to come)
    top_items: bool | None = None  # the open list numbers its items 一、二、 (None: no item seen yet)
    list_power: str | None = None  # the power the open list's lead-in names ("行使下列行政处罚权：")
    list_giver: Body | None = None  # the body whose powers the lead-in moves ("将甲局的下列职责划入乙局：")
    list_moves: bool = False  # the lead-in moves its items to a body (its duties move too, not only powers)
    actor: Body | None = None  # the body whose catalogue the document is ("X局权责清单"): its entries' holder
    # a catalogue whose title names no holder ("某市综合行政执法事项统一目录"): its entries are read
    # with none, for a sentence after them to name ("以上事项由R以自己的名义行使")
    unheld_catalogue: bool = False
    entry: dict[str, str] = field(default_factory=dict)  # role → value of the labelled entry being read
    # "备注：原由区住建局实施" under an entry: the body that held the entry's power before (read by relate)
    former: Body | None = None
    entry_giver: Body | None = None  # "原实施部门：G" of the labelled entry being read, before its record
    entry_receiver: Body | None = None  # "受委托组织：R" of the labelled entry being read, before its matter
    written: str = ""  # the sentence as written, its cited titles unmasked (the frames read it masked)
    triggered: set[str] | None = None  # the frames whose triggers the sentence holds (None: not known)
    # the outline number (style, n) of the last numbered line outside a list, and of the open list's
    # lead-in: "（一）整合执法队伍。…行使下列P：1.…2.…（二）明确时限。" — （二） is the lead-in's sibling
    outline: tuple[str, int | None] | None = None
    lead_outline: tuple[str, int | None] | None = None
    # the field a heading over a list's or a catalogue's items names ("一、生态环境领域"): theirs
    heading_field: str | None = None
    # who holds what a sentence pointed back to ("上述事项由R实施"), in this sentence and in the one before:
    # the receivers of a restatement after it ("G不再行使上述职权")
    held_back: list[Body] = field(default_factory=list)
    held_back_before: list[Body] = field(default_factory=list)

    def open_list(
        self, receivers: list[Body], *, power: str | None = None, giver: Body | None = None, moves: bool = False
    ) -> None:
        """A lead-in opens a list: its items go to ``receivers``, name ``power`` when they name
        none, and come from ``giver`` when they name no giver; ``moves``: the lead-in's verb moves
        them ("划入乙局："), so duties listed move as powers do."""
        self.receivers, self.list_open, self.top_items, self.item_numbers = receivers, bool(receivers), None, {}
        # (departments of several sectors named together give, between them, each item: which one is
        # not written, so no item names one: "自然资源、生态环境部门的下列事项")
        several = giver is not None and len(giver.each_sector()) > 1
        self.list_power, self.list_giver, self.lead_outline = power, None if several else giver, self.outline
        self.list_moves, self.heading_field = moves, None

    def sibling_of_lead(self, style: str, n: int | None) -> bool:
        """Whether an item numbered ``n`` in ``style`` follows the open list's lead-in at its own level."""
        lead = self.lead_outline
        return lead is not None and lead[0] == style and n is not None and lead[1] is not None and n == lead[1] + 1


def _back_reference_re(words) -> re.Pattern:
    """A matter that is only a word pointing back ("上述", "前款规定的", "以上各项"): no transfer of
    its own — the one it points to was recorded where it was stated."""
    if not words:
        return re.compile(r"(?!)")
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    # (and the articles named by number: "前两条", "本条例第八条", "第十条第二款"; "与…" as the object's opening)
    ordinal = r"[一二两三四五六七八九十百\d]{1,4}"
    articles = rf"前{ordinal}[条款项]|(?:本[\u4e00-\u9fff]{{1,2}})?第{ordinal}条(?:第{ordinal}款)?(?:第{ordinal}项)?"
    return re.compile(
        rf"(?:与|和|同)?(?:{alternatives}|{articles})(?:规定|所列|列举)?的?(?:各项|有关|全部)?(?:{LEVEL_WORD})?(?:事项|职权|范围|内容)?(?:内|以内|之内)?"
    )


# a permit named by what it permits and its kind: "M审批", "M的核准", "M许可"
_PERMIT_NAMED = re.compile(r"(?P<m>[^，,。；;]{2,}?)(?:的)?(?:审批|核准|许可)")


def _record(power, matter, domain, giver, receiver, rule, rules, *, scope=None, source_text=None) -> dict:
    level = LEVEL_ALONE.fullmatch(matter or "")
    if level:  # "部分县级P": the level's powers, as a whole
        matter = level.group("level") + power
    permit = _PERMIT_NAMED.fullmatch(matter or "") if power == "行政许可权" else None
    if permit:  # "户外广告设置审批": the permit's matter is what is permitted
        matter = permit.group("m")
    sector = giver.sector if giver else scope_sector(domain, rules) or scope_sector(matter, rules)
    rec = {
        "source": giver.text if giver else source_text,
        "source_sector": sector,
        "power": power,
        "matter": matter,
        "target": receiver.text if receiver and receiver.named else None,
        "target_sector": receiver.sector if receiver else None,
        "domain": domain,
        "rule": rule,
    }
    if scope:
        rec["scope"] = scope
    return rec


# what counts a grant: "第一批42项", "部分", "全部"
# the place that opens a topic of counted powers: "某区首批46项…", "某县第二批12项…"
_PLACE_OF_BATCH = re.compile(
    r"[\u4e00-\u9fff]{1,8}?[省市县区州旗](?=首批|第[一二三四五六七八九十\d]{1,3}批|新一批|[\d一二三四五六七八九十百]{1,4}项)"
)
_GRANT_COUNT = re.compile(
    rf"^(?:第[一二三四五六七八九十\d]{{1,3}}批|一批|首批|新一批)?(?:{COUNT_OF_MATTERS.pattern}|部分|全部|一些|若干)?"
)


def glued_to_field(before: str) -> bool:
    """Whether a 管理职责 written after ``before`` has its 管理 glued to the field ("园林绿化管理职责":
    the matter is 园林绿化管理, the power the duty); "的管理职责", "等管理职责" keep it whole (监管职责,
    a duty of supervision, stays whole: "城市供水监管职责" moves 城市供水's)."""
    # (nor after a count: "城市供水、城市燃气3项管理职责" counts duties of management)
    return bool(before) and before[-1] not in "的等、，,项" and not before.endswith("方面")


# "审批、监管和执法职责", "许可、处罚职责": kinds of power listed before the head they share, each
# one of its own (its label is the power noun it makes with that head: 审批职责, 监管职责)
_STEM = r"(?:行政)?(?:审批|许可|处罚|检查|执法|强制)|监督管理|监管|查处"
STEMS_BEFORE = rf"(?:(?:{_STEM})(?:、|和|及|与|以及))"
_STEMS_END = re.compile(f"{STEMS_BEFORE}+$")
_STEM_AT = re.compile(rf"(?P<stem>{_STEM})(?:、|和|及|与|以及)")
STEMS_REACH = 24  # how far before a power noun its kinds of power are looked for (three or four of them)


def stems_before(text: str, at: int) -> re.Match | None:
    """The kinds of power written just before ``at`` ("审批、监管和" before 执法职责), or None."""
    return _STEMS_END.search(text, max(0, at - STEMS_REACH), at)


_HEAD_OF_STEMS = re.compile(r"(?:职责|职能|权)$")


def _stem_label(stem: str, head: str, labels: dict[str, str]) -> str | None:
    bare = stem.removeprefix("行政")
    return (
        labels.get(stem + head)
        or labels.get(bare + head)
        or labels.get(f"行政{bare}{head}")
        or ENFORCEMENT_NAMES.get(f"行政{bare}")
    )


def power_labels_of(written: str, labels: dict[str, str]) -> list[str]:
    """The labels of a power as written, one per kind of power its kinds before a shared head name
    ("许可、处罚职责" → 行政许可权, 行政处罚权); a power noun alone has its own.

    >>> from kg.ruleset import load_rules
    >>> power_labels_of("审批、监管和执法职责", load_rules().frames.power_labels)
    ['行政许可权', '管理职责', '执法职责']
    """
    if written in labels:
        return [labels[written]]
    out, at = [], 0
    while m := _STEM_AT.match(written, at):
        at = m.end()
        out.append(m.group("stem"))
    head = written[at:]
    tail = _HEAD_OF_STEMS.search(head)
    if tail:
        found = [_stem_label(stem, tail.group(), labels) for stem in out]
    elif head in ENFORCEMENT_NAMES:  # "行政检查、行政强制措施": kinds listed bare, each its own power
        found = [ENFORCEMENT_NAMES.get(f"行政{stem.removeprefix('行政')}") for stem in out]
    else:
        found = []
    return list(dict.fromkeys([*(f for f in found if f), labels.get(head, head)]))


def _stems_sharing(text: str, start: int, head: str, labels: dict[str, str]) -> list[tuple[int, int, str, str]]:
    """The kinds of power written before a power noun ending at its head (职责, 职能, 权) and sharing it."""
    run = stems_before(text, start)
    out = []
    for m in reversed(list(_STEM_AT.finditer(text, run.start(), start)) if run else []):
        label = _stem_label(m.group("stem"), head, labels)
        if label is None:
            break  # (the kinds nearest the head only, up to one that makes no power with it)
        out.append((m.start(), m.start() + len(m.group("stem")), m.group("stem"), label))
    return out[::-1]


# what makes a power noun the name of a reform, not a power that moves: "开展相对集中行政许可权改革试点",
# "相对集中行政处罚权工作"
NAMES_A_REFORM = re.compile(r"(?:相关)?(?:改革|工作|试点)")


def _power_at(text: str, rules: FrameRules) -> list[tuple[int, int, str, str]]:
    """Power nouns in ``text``: (start, end, written, label), longest match at each place; kinds of
    power that share the noun's head before it ("审批、监管和执法职责") are each one."""
    labels = rules.power_labels
    out = []
    series = series_in(text, rules)
    for m in series:  # "行政许可、行政处罚等县级权限": the series whole, as the first kind's power
        out.append((m.start(), m.end(), m.group(), series_powers(m.group(), rules)[0][0]))
    for m in rules.power_re.finditer(text):
        if any(s.start() <= m.start() < s.end() for s in series) or NAMES_A_REFORM.match(text, m.end()):
            continue
        start, written = m.start(), m.group()
        if written == "管理职责" and glued_to_field(text[:start]):
            start, written = start + 2, "职责"
        head = _HEAD_OF_STEMS.search(written)
        if head and start > 2:
            out.extend(_stems_sharing(text, start, head.group(), labels))
        out.append((start, m.end(), written, labels[written]))
    if series:
        out.sort()
    return out


def series_in(text: str, rules: FrameRules) -> list[re.Match]:
    """The series of kinds of power in ``text`` ("行政许可、行政处罚等县级权限"; none without 等)."""
    return list(rules.power_series.finditer(text)) if "等" in text else []


def series_powers(written: str, rules: FrameRules) -> list[tuple[str, str | None]]:
    """(power, matter) of each kind a series lists ("行政许可、行政处罚等县级权限" → (行政许可权, 县级行政许可权),
    (行政处罚权, 县级行政处罚权)): the level's powers of that kind, else none named; [] when ``written``
    is no series.

    >>> from kg.ruleset import load_rules
    >>> series_powers("行政处罚、行政检查等权力", load_rules().frames)
    [('行政处罚权', None), ('行政检查权', None)]
    """
    m = rules.power_series.fullmatch(written)
    if m is None:
        return []
    level = m.group("level")
    labels = dict.fromkeys(rules.series_kinds[k] for k in re.split(r"、|和|及|与", m.group("kinds")))
    return [(label, level + label if level else None) for label in labels]


# Powers of enforcement proper: what a list item or an accompanying clause must name to be a transfer
# (a list of a body's duties — 拟订…, 编制规划… — moves nothing).
_ENFORCEMENT = ("行政处罚权", "行政强制权", "行政检查权", "行政许可权", "行政执法权")

_CATCH_ALL = re.compile(r"其他(?:职责|事项|职权|行政处罚)|其余")
BARE_POWER = r"行政检查|行政强制措施|行政强制|行政许可|行政处罚"
# what joins a power bundled with the one before: "…P1及相关的P2", "，以及与之相关的行政检查、P2"
BUNDLED = re.compile(
    rf"[,，]?(?:及|和|以及|、|并)?(?P<verb>(?<=并)(?:实施|行使|履行))?(?:与之|与其)?(?:相关|有关|相应)?的?"
    rf"(?P<bare>(?:(?:{BARE_POWER})[、和及与])*)"
)  # "…的P，并实施与之相关的P2": the verb a bundled power may take after 并


def _items_phrase(text: str, bodies: list[Body], rules: FrameRules, frame: str) -> list[tuple]:
    """(power label, matter, domain, giver, scope) for each power stated in an item or clause."""
    out = []
    powers = [p for p in _power_at(text, rules) if p[3] not in ("职权",)]
    # group: the records of the last power not bundled, and that power as written
    prev, group, group_written = 0, (0, 0), ""
    for s, e, written, label in powers:
        seg = text[prev:s].lstrip(";；,，。 ")  # "…P；D2方面…P2": the next object after the separator
        prev = e
        if out and not BUNDLED.fullmatch(seg.strip()):
            # "…P1，以及D2方面…P2", "G1的M1的P、G2的M2的P": the next object, joined
            seg = re.sub(r"^(?:以及|及|并且|并|、)", "", seg)
        # "负责X工作，集中行使D1、D2等方面的P": the object of the verb in the power's own clause
        verb = _LAST_CLAUSE_VERB.search(seg)
        if verb:
            seg = seg[verb.end() :]
        # "…的行政处罚权及相关的行政检查权": a bundled power takes the matters of the first (each field
        # of "在D1、D2方面的P及相关的P2"), unless that matter is only the first power itself
        # ("G的全部行政处罚权及相关的行政强制权")
        bundled = BUNDLED.fullmatch(seg.strip())
        if out and bundled and bundled.group("verb"):
            # "…的P1，并实施与之相关的行政强制措施": a power of its own tied to all that went before,
            # one record, as written (conventions G3)
            out.append((label, written, None, out[-1][3], None))
            continue
        if out and bundled:
            first = out[group[0] : group[1]]
            # "以及与之相关的行政检查、行政强制措施权": the powers named before the last share its 权
            bare = [ENFORCEMENT_NAMES[n] for n in re.findall(BARE_POWER, bundled.group("bare") or "")]
            for each in (*bare, label):
                for _, matter, domain, giver, scope in first:
                    own = bool(matter) and matter.endswith(group_written)  # the first's matter was its power
                    mine = written if each == label else each
                    out.append((each, mine if own else matter, domain, giver, None if own else scope))
            continue
        group_written, start = written, len(out)
        ph = parse_object(seg, bodies, rules.scope_sectors)
        label = (
            "执法职责" if label in ("管理职责",) and written == "职责" and ph.domain is None and ph.matters else label
        )
        matters = ph.matters
        if (ph.giver is not None or ph.giver_text or ph.scope) and not matters and not ph.fields and not ph.domain:
            # "G的全部P", "有关行政主管部门的全部或者部分P": the power as written, with its share
            matters = [f"{ph.scope or ''}{written}"] if ph.scope else [written]
        elif not matters and ph.fields:  # several fields, each its own record (matter = domain = the field)
            out.extend((label, f, f, ph.giver, ph.scope) for f in ph.fields)  # "G承担的D1、D2方面的P"
            group = (start, len(out))
            continue
        elif not matters and ph.domain:
            matters = [ph.field]
        for m in matters:
            scope = ph.scope
            if m.startswith("部分") and len(m) > 2:
                m, scope = m[2:], "部分"
            out.append((label, m, ph.domain, ph.giver, scope))
        group = (start, len(out))
    base = prev if powers else 0
    for pattern, label, keep, only_in in rules.verbal:
        if only_in and frame not in only_in:
            continue
        for m in pattern.finditer(text, base):
            seg = text[base : m.start()]
            d = _DOMAIN_WORD.search(seg) or _LAW_DOMAIN.search(seg)
            domain = re.sub(r"^(?:依据|依照|根据|按照|在|行使)", "", d.group("d")) if d else None
            giver = _holder_before(text, base, m.start(), bodies)
            # ("M1、M2行为": the word for the acts closes the list, no part of its last act)
            acts = _ACTS_WORD.sub("", m.group("M"))
            for act in [m.group("M")] if keep else split_acts(acts, rules.scope_sectors):
                act = _ACTS_WORD.sub("", act)
                act = re.sub(r"(?<=[\u4e00-\u9fff]{2})等$", "", act)  # "乱搭乱建等违法行为": the list's close
                if len(act) >= 2 or keep:
                    out.append((label, keep + act, domain, giver, None))
        if out and not powers:
            break
    return [o for o in out if o[1] and not _CATCH_ALL.search(o[1])]


# the word for the acts closing what a verbal power is over, or the party it punishes for them ("对违法排放
# 油烟的单位予以处罚": the act, not who did it)
_ACTS_WORD = re.compile(
    r"(?:的违法行为|的行为|违法行为|(?<=[\u4e00-\u9fff]{2})行为"
    r"|的(?:单位|个人|单位和个人|单位或者个人|单位或个人|行为人|当事人|经营者))$"
)
# a clause of its own that opens with the verb whose object the power is: "…，集中行使M的P"
_LAST_CLAUSE_VERB = re.compile(r"[，,；;]\s*(?:依法)?(?:相对)?(?:集中|统一)?(?:行使|承担)(?=[^，,；;]*$)")

_HOLDS = re.compile(r"(?:负责|承担|行使|实施)?的")


def _holder_before(text: str, start: int, end: int, bodies: list[Body]) -> Body | None:
    """The body that held a verbal power, written just before it: "县级自然资源部门负责的对M的行政处罚"."""
    for b in bodies:
        if start <= b.start and b.end <= end and _HOLDS.fullmatch(text, b.end, end):
            return b
    return None


_JOINED = re.compile(r"(?:[、和及与]|以及)各?")  # "市城管局及各城区城管局": 各 picks out the bodies of a kind


def either_body(first, second) -> bool:
    """Whether ``second``, in brackets after ``first``, is another body that stands with it (a town's
    government and a street office: "乡镇人民政府(街道办事处)"), not the same body's second nameplate
    ("市城市管理委员会(市城市管理综合执法局)", one sector's)."""
    return first.sector != second.sector or first.sector == "街道乡镇"


# the last word of a unit inside a body: "市公安局交通警察支队", "区城市管理局执法大队"
UNIT = re.compile(r"(?:总队|支队|大队|中队|队|所|站|科|室|处)$")


def with_units(bodies: list[Body]) -> list[Body]:
    """``bodies`` in the text's order, a unit written right after its body joined to it as one:
    "市公安局交通警察支队" is the traffic police of that bureau, no second body.

    >>> [b.text for b in with_units([Body("市公安局", "公安", 0, 4), Body("交通警察支队", "公安", 4, 10)])]
    ['市公安局交通警察支队']
    """
    out: list[Body] = []
    for b in sorted(bodies, key=lambda b: b.start):
        if out and out[-1].end == b.start and UNIT.search(b.text) and not UNIT.search(out[-1].text):
            head = out.pop()
            out.append(replace(b, text=head.text + b.text, start=head.start))
        else:
            out.append(b)
    return out


def _together(text: str, bodies: list[Body], *, backward: bool = False) -> list[Body]:
    """The bodies named together with the first of ``bodies`` (with the last, ``backward``): the run
    of them joined by 、/和/及/与 ("甲局、乙局和丙局"), in the text's order."""
    seq = bodies[::-1] if backward else bodies
    run = seq[:1]
    for b in seq[1:]:
        left, right = (b, run[-1]) if backward else (run[-1], b)
        if not _JOINED.fullmatch(text, left.end, right.start):
            break
        run.append(b)
    return run[::-1] if backward else run


def _anaphor_before(text: str, at: int, bodies: list[Body], state: FrameState, rules: FrameRules) -> Body | None:
    """The body an anaphor ending at ``at`` points to ("…X局…，该局已…"): the last body before it
    of the anaphor's kind (该局: a 局), else the document's topic."""
    word = next((w for w in rules.anaphora if text.endswith(w, 0, at)), None)
    if word is None:
        return None
    kind = word.removeprefix("该").removeprefix("上述")
    before = [
        b for b in bodies if b.end <= at - len(word) and (kind in ("部门", "机关", "其") or b.text.endswith(kind))
    ]
    return before[-1] if before else state.topic


def _antecedent(text: str, state: FrameState, rules: FrameRules) -> Body | None:
    if any(text.lstrip().startswith(w) or w in text[:SELF_REFERENCE_REACH] for w in rules.self_reference):
        return state.self_body
    if any(text.lstrip().startswith(w) for w in rules.anaphora):
        return state.topic
    if _DUTIES_OPEN.match(text):  # "…。主要职责是：": the duties of the subject of the sentence before
        return state.topic
    return None


# a lead-in that opens with the duties it lists, its subject left to the sentence before
_DUTIES_OPEN = re.compile(r"\s*(?:其|该局|该部门)?(?:主要|具体)?(?:职责|职权|职能)(?:是|为|包括|如下)")


# ---------------------------------------------------------------- frames


Frame = Callable[[str, list[Body], FrameState, FrameRules], list[dict]]


def _list_frame(text, bodies, state, rules) -> list[dict]:
    """A lead-in ("X行使下列职权：", "其职责是：") opens a list; each item takes its receiver and
    power from it. Items may stand on the lead-in's own line."""
    rid = rules.rule_id("list")
    # (not the 以下 of a short name the text defines: "G（以下简称X）的下列P")
    cue = (
        next((m for m in rules.trigger_re("list").finditer(text) if not _DEFINED_AS.match(text, m.end())), None)
        if state.triggered is None or "list" in state.triggered
        else None
    )
    colon = _COLON.search(text)
    number = _ITEM_NUMBER.match(text)
    is_item = bool(number) and number.lastgroup != "top"
    # "县自然资源局（8项）：对M1的处罚；对M2的处罚。": a line of the open list opened by the body whose items it lists
    is_item = is_item or bool(state.list_open and not number and _owner_line(text, bodies))
    # "一、" numbers the items of a lead-in ending in a colon when the first item is "一、"
    top = state.list_open and number is not None and number.lastgroup == "top" and state.top_items is not False
    if state.list_open and state.top_items is None:
        state.top_items = bool(top and number.group("top") == "一")
    is_item = is_item or bool(top and state.top_items)
    if (
        number
        and state.list_open
        and state.sibling_of_lead(number.lastgroup, small_number(number.group(number.lastgroup)))
    ):
        state.list_open = is_item = False  # "（一）…：1.…2.…（二）…": the lead-in's sibling closes its list
    if is_item and state.list_open and not _next_item(number, state):
        state.list_open = False  # "(一)…(二)…(六)": a number out of turn belongs to another list
    if number and not state.list_open:
        state.outline = (number.lastgroup, small_number(number.group(number.lastgroup)))
    out: list[dict] = []
    includes = state.grantee and not is_item and not colon and _GRANTED_INCLUDE.search(text)
    if includes:
        # "下放事项主要包括对M1、M2等行为的处罚": what was just granted, described by what it includes
        return _granted_includes(text, includes.end(), bodies, state, rules)
    if not cue and colon and not is_item and state.grantee and _GRANTED_ITEMS.search(text, 0, colon.start()):
        # "首批赋予的事项为：占道经营、违法建设、露天焚烧。": the items just granted, listed inline
        rest = re.sub(r"等[^、]{0,8}$", "", _ITEM_END.sub("", text[colon.end() :]).strip())
        rid = rules.rule_id("list")
        out = []
        for item in split_acts(rest, rules.scope_sectors):
            # "G1的M1，G2的M2": each item held by the department that opens it
            giver = next((b for b in bodies if b.start > colon.start() and item.startswith(b.text + "的")), None)
            matter = item[len(giver.text) + 1 :] if giver else item
            if len(matter) <= _INLINE_ITEM_MAX:
                out.extend(_record("行政执法权", matter, None, giver, r, rid, rules) for r in state.grantee)
        return out
    if cue and colon and cue.start() < colon.start() and _NO_POWER_LIST.search(text, 0, colon.start()):
        # "市人大常委会作出如下决定：", "现将有关事项通知如下：": what the text says next, no list of powers
        state.open_list([])
        return out
    # an item that is a lead-in of its own ("一、R集中行使以下P：") opens the list under it
    nested = is_item and cue and colon and cue.start() < colon.start() and not text[colon.end() :].strip()
    if cue and colon and cue.start() < colon.start() and (not is_item or nested):
        head = text[: colon.start()]
        verbs = list(re.finditer(r"(?:可以)?(?:集中|相对集中)?(?:行使|负责|的(?:具体)?职责|职责|查处)", head))
        verb = verbs[-1] if verbs else None
        subj = [
            b for b in bodies if b.end <= (verb.start() if verb else colon.start()) and not _approver(head, b, rules)
        ]
        # "市、区人民政府确定的城市管理综合执法部门行使下列…": the body that sets up the subject modifies it
        set_up = {b.end: m for b in subj if (m := SET_UP_BY.match(head, b.end))}  # by where the setter ends
        setters = [b for b in subj if b.end in set_up and any(c.start == set_up[b.end].end() for c in subj)]
        lead = _MARKER.match(head).end()
        if setters and setters[0] is subj[0] and subj[0].start - lead <= SUBJECT_REACH:
            lead = set_up[subj[0].end].end()
        subj = [b for b in subj if b not in setters]
        receivers = _together(text, subj, backward=True)  # "乡镇人民政府、街道办事处行使下列…": the whole subject
        # the body opening the lead-in is its subject, unless a verb stands before it ("整合G的执法力量，
        # 组建R，以R名义集中行使下列P："): then it is an object, and the subject is the one before the verb
        opening = subj[0] if subj and _BEFORE_SUBJECT.fullmatch(head, lead, subj[0].start) else None
        if opening is not None and "由" not in head[opening.end :] and not rules.deciders.match(head, opening.end):
            # "市综合行政执法局贯彻落实党中央…部署，主要职责是：": the body that opens the lead-in, not the
            # bodies its own clauses name
            receivers = _together(text, subj)
        giver = None
        move = _last(rules.move_verbs.finditer(head))
        moved_to = [b for b in bodies if move and move.end() <= b.start and b.end <= colon.start()]
        if moved_to:  # "将(甲局的)以下职责划入乙局：": the body after the verb receives
            receivers = moved_to[:1]
            # the body that decides a move is no giver ("县政府决定将甲局的…划入乙局"), but one that
            # entrusts gives its own powers ("甲局决定委托乙…实施下列P")
            entrusts = move.group() == "委托"
            givers = [
                b
                for b in bodies
                if b.end <= move.start()
                and not _approver(head, b, rules)
                and (entrusts or not rules.deciders.search(head, b.end, move.start()))
            ]
            giver = givers[-1] if givers else None
            if giver is None and entrusts:  # "委托机关：甲局" heading an entrustment: its subject, unwritten
                giver = state.entrusting
        owner = _OWNER_OF_LISTED.search(head, max(0, cue.start() - 24), cue.end())
        if giver is None and owner:
            # "G的下列P，由R集中行使：": the body whose powers the lead-in lists gives each item, unless
            # it is one of a run of several ("G1、G2的下列P"): which one gives each is not written
            owned = [b for b in bodies if b.end == owner.start() and b not in receivers]
            run = _together(text, [b for b in bodies if b.end <= owner.start()], backward=True) if owned else []
            giver = owned[0] if len(run) == 1 else None
        lead_power = [p for p in _power_at(head[cue.start() :], rules) if p[3] in _ENFORCEMENT]
        # "将甲局的下列职责划入乙局：": the items are what moves (not "…划入乙局，其主要职责是：", its duties)
        moves = bool(moved_to) and move.start() > cue.start()
        if not lead_power and moves:  # what moves is what the lead-in names
            lead_power = _power_at(head[cue.start() : move.start()], rules)[:1]
        bare = _LISTED_BARE_POWER.search(head, cue.start())
        if not lead_power and bare:  # "委托R实施下列行政处罚：": the kind of power each item is
            lead_power = [(bare.start(1), bare.end(1), bare.group(1), ENFORCEMENT_NAMES[bare.group(1)])]
        acts = _LISTED_ACTS.search(head, cue.start() - 1)
        if not lead_power and acts:  # "R对下列行为实施行政处罚：", "R对下列事项依法予以处罚：": R penalizes each
            kind = acts.group("kind")
            lead_power = [(acts.start(), acts.end(), kind, ENFORCEMENT_NAMES.get(kind, "行政处罚权"))]
        if not lead_power and rules.trigger_re("penalty").search(head, cue.start()):
            # "有下列行为之一的，由R责令改正，处…罚款：": the acts listed are what R penalizes, the body
            # after 由; none when the lead-in disciplines officials ("…依法给予处分") or names no body there
            by = _PENALTY_BY.search(head, cue.start())
            penalizer = next((b for b in bodies if by and b.start == by.end()), None)
            if penalizer is None or penalizer.sector in ("人民政府", "纪检监察", None) or "处分" in head:
                state.open_list([])
                return out
            receivers = [penalizer]
            lead_power = [(0, 0, "罚款", "行政处罚权")]
        elif not lead_power and "执法范围" in head:  # "R的执法范围包括：": the fields R enforces in
            lead_power = [(0, 0, "执法范围", "行政执法权")]
        if not receivers:
            ante = _antecedent(head, state, rules)
            receivers = [ante] if ante else []
        if not receivers and state.grantee and _GRANTED_ITEMS.search(head):
            receivers = list(state.grantee)  # "(赋权)事项…具体如下：" after a grant: the items granted
        if not receivers and state.last:  # "…划入乙局。具体包括：": the items of the move just stated
            targets = {(r["target"], r.get("target_sector")) for r in state.last if r.get("target")}
            receivers = [Body(t, sector) for t, sector in sorted(targets)]
        state.open_list(receivers, power=lead_power[0][3] if lead_power else None, giver=giver, moves=moves)
        rest = text[colon.end() :]
        if not receivers or not rest.strip():
            return out
        # items on the lead-in's own line: "：（一）…；（二）…"
        for item in re.split(rf"[;；]\s*(?={_PAREN_ITEM})", rest):
            out.extend(_list_item(item, bodies, state, rules, rid, offset=colon.end()))
        return out
    if is_item and state.list_open:
        remark = _HOLDER_REMARK.search(text)  # "(原由甲局行使)": who held it, no receiver
        own = text[: remark.start()] if remark else text
        move = rules.move_verbs.search(own)
        if move and any(move.end() <= b.start < len(own) for b in bodies):
            return out  # "一、将甲局承担的P，划转至乙局。": an item that names its own receiver is a move
        if any(b.start == m.end() for m in _OWN_HOLDER.finditer(own) for b in bodies):
            return out  # "一、…的行政处罚权集中由市城管局行使": an item that names who holds it
        field = number and _field_heading(text, number, state, rules)
        if field:  # "一、生态环境领域（3项）" over "1.…2.…": the field its items come from
            state.heading_field = field
            return out
        return _list_item(text, bodies, state, rules, rid)
    if not is_item:
        state.list_open = False
    into = _MOVED_INTO.match(text, number.end() if number else 0) if not colon else None
    into_body = next((b for b in bodies if into and b.start == into.end()), None)
    if into_body is not None and _DUTIES_OF.fullmatch(text, into_body.end):
        # a heading "一、划入R的职责" (a mandate notice's): the items under it, each its giver's, move to R
        state.open_list([into_body], moves=True)
        return out
    heading = _ATTACHMENT.sub("", text)  # "附件：某区赋予街道办事处行政执法事项目录"
    if not is_item and state.grantee and len(heading) <= _HEADING_MAX and _GRANTED_ITEMS.search(heading):
        # a heading naming the items granted just before ("一、赋权事项"): its items are the grantee's
        state.open_list(list(state.grantee))
    return out


# a heading that names the duties moved into a body (an institutional mandate's "划入R的职责")
_MOVED_INTO = re.compile(r"\s*(?:划入|转入|并入|调入)")
_DUTIES_OF = re.compile(r"的(?:职责|职能|职权|事项)\s*")
# the short name a text gives the bodies before it, in brackets: "（以下简称X）", "（以下统称X）"
_SHORT_NAME_GIVEN = rf"[(（](?:{DEFINES_SHORT})[^()（）]{{1,12}}[)）]"
_DEFINED_AS = re.compile(r"简称|统称|称")  # after 以下: "（以下简称X）" defines a short name
# the owner's mark before a lead-in's 下列, past the short name the text gives it: "G（以下简称X）的下列"
_OWNER_OF_LISTED = re.compile(rf"(?:{_SHORT_NAME_GIVEN})?的(?:下列|以下)$")


# a lead-in of what the text says next, not of a list of powers: "作出如下决定", "提出以下意见",
# "决定如下", "现将有关事项通知如下", "现答复如下"
_NO_POWER_LIST = re.compile(
    r"(?:如下|以下|下列)(?:几点|几项)?(?:决定|意见|规定|要求|措施|建议)[:：]?$"
    r"|(?:决定|通知|答复|批复|报告|函复|公告|说明|规定|明确)如下[:：]?$"
)
# a lead-in whose subject acts on the acts it lists: "对下列行为实施行政处罚：", "对下列事项依法予以处罚："
_LISTED_ACTS = re.compile(
    rf"对(?:下列|以下|如下)(?:违法)?(?:事项|行为|情形)(?:之一)?的?[,，]?(?:依法|可以|应当)*(?:实施|予以|给予|进行)?"
    rf"(?P<kind>{BARE_POWER}|处罚|查处)$"
)
# a lead-in naming its items' kind of power bare, at its end: "实施下列行政处罚：", "以下行政检查事项："
# ("负责下列事项的行政处罚：", "实施以下行为的行政处罚：": the items are what the power is over)
# ("下列行政处罚，由R实施：": the kind first, its holder after 由)
_LISTED_BARE_POWER = re.compile(
    rf"(?:下列|以下|如下)(?:事项|行为|违法行为)?(?:的)?({BARE_POWER})(?:事项)?"
    r"(?:[,，]?(?:统一|集中|依法)*由[^，,。；;：:]{2,40}?(?:依法|统一|集中|负责)*(?:实施|行使))?$"
)


def _approver(text: str, body: Body, rules: FrameRules) -> bool:
    """Whether ``body`` approves what the sentence announces: "经市人民政府(研究)同意"."""
    return text[body.start - 1 : body.start] == "经" and text.startswith(rules.approvals, body.end)


_COLON = re.compile(r"[:：]")
_ITEM_NUMBER = re.compile(
    r"^\s*(?:[(（](?P<paren>[一二三四五六七八九十\d]{1,3})[)）]|(?P<digit>\d{1,2})[.、．](?!\d)|(?P<top>[一二三四五六七八九十]{1,3})、)"
)


def _next_item(m: re.Match | None, state: FrameState) -> bool:
    """Whether the item numbered ``m`` (``_ITEM_NUMBER``'s match) numbers next in its style (or
    starts a list of its own, at 1), noting its number."""
    if not m:
        return True
    style = m.lastgroup
    n = small_number(m.group(style))
    last = state.item_numbers.get(style)
    if n is None or n == 1 or last is None or n == last + 1:
        state.item_numbers[style] = n
        return True
    return False


# a lead-in announcing the items of the grant just made ("首批赋权事项共30项，具体如下：")
_GRANTED_ITEMS = re.compile(
    r"(?:赋权|授权|下放|委托|承接|赋予)[^，,。；;：:]{0,6}(?:事项|权限|职权)|(?:事项|权限)(?:清单|目录)"
)
# "下放事项主要包括…", "赋予街道的执法事项具体包括…": what the items granted include, after the verb
_GRANTED_INCLUDE = re.compile(rf"(?:{_GRANTED_ITEMS.pattern})(?:主要|具体|还|也)?(?:包括|涵盖|涉及)")


# "…下放至各乡镇，主要包括G1对M1的P、G2对M2的P": the clause after a grant saying what it includes
_INCLUDES_AFTER = re.compile(r"[，,]\s*(?:其中)?(?:主要|具体)?(?:包括|涵盖|涉及)(?:[:：])?")


def _included_after(text: str, bodies: list[Body], after: int, state: FrameState, rules: FrameRules) -> list[dict]:
    """The items a grant made earlier in the sentence (at ``after``) includes, each to its receivers."""
    includes = _INCLUDES_AFTER.search(text, after)
    if includes is None or not state.grantee or any(b.start >= after and b.end <= includes.start() for b in bodies):
        return []  # (a body between the grant and 包括 is the subject of a clause of its own)
    return _granted_includes(text, includes.end(), bodies, state, rules)


def _stopped_after(
    text: str, bodies: list[Body], after: int, power: str, state: FrameState, rules: FrameRules
) -> list[dict]:
    """The restatement closing a sentence whose move ends at ``after`` ("…划转至R，G不再行使"): one
    record per receiver of the move (conventions G2), from the bodies of the clause that stops."""
    trig = rules.trigger_re("restatement").search(text, after)
    start = max(text.rfind(c, after, trig.start()) for c in "，,；;") + 1 if trig else 0
    if trig is None or start <= 0:
        return []  # (a restatement with no comma between it and the move is read by the restatement frame)
    givers = [b for b in bodies if start <= b.start and b.end <= trig.start()]
    written = re.sub(r"(?:应当|应|要|均|一律|必须|须|也)+$", "", text[start : trig.start()].strip())
    if not givers and not written.endswith(("部门", "单位", "机关")):
        return []  # "，此前已立案的不再行使": no giver named
    givers = _together(text, givers, backward=True) if givers else [None]
    return [r for b in state.grantee for g in givers for r in _restated(power, g, b, written, rules)]


_INCLUDED_MAX = 20  # the longest matter of a bare list of what a grant includes ("涉及M1、M2等领域")


def _granted_includes(text: str, at: int, bodies: list[Body], state: FrameState, rules: FrameRules) -> list[dict]:
    """The records of what the grant just made includes, written from ``at``: each power it names
    over its matters ("对M1、M2的处罚"), else each matter or field it lists bare ("涉及M1、M2等领域"),
    with the power the grant moved; all to the grant's receivers."""
    rid, inside = rules.rule_id("list"), [b.shifted(at) for b in bodies if b.start >= at]
    rest = re.split(r"[。；;]", text[at:], maxsplit=1)[0]
    phrases = _items_phrase(rest, inside, rules, "list")
    if not phrases and rest.strip():
        ph = parse_object(re.split(r"[，,]", rest, maxsplit=1)[0].strip(), inside, rules.scope_sectors)
        granted = {r["power"] for r in state.last if r.get("power")}
        label = granted.pop() if len(granted) == 1 else "行政执法权"
        # ("…、M3等群众身边的“小事”": what the list is, said after its last item, no part of it)
        pairs = [(f, f) for f in ph.fields] or [(_LIST_SAID_TO_BE.sub("", m), ph.domain) for m in ph.matters]
        # (a list, or fields: "涉及群众切身利益", one phrase, says what the grant touches, not what it is)
        if len(pairs) >= 2 and all(len(m) <= _INCLUDED_MAX for m, _ in pairs):
            phrases = [(label, m, d, None, None) for m, d in pairs]
    return [
        _record(label, matter, domain, giver, r, rid, rules, scope=scope)
        for label, matter, domain, giver, scope in phrases
        for r in state.grantee
    ]


# what a list of what a grant includes is said to be, after its last item: "等群众身边的“小事”", "等高频事项"
_LIST_SAID_TO_BE = re.compile(r"(?<=[\u4e00-\u9fff]{2})等[^、，,；;]{2,16}$")


# the longest line read as a heading that opens a list of granted items
_INLINE_ITEM_MAX = 30  # an item listed inline after a colon is short: "占道经营、违法建设、露天焚烧"
TITLE_LINE_MAX = 60  # a line that may be a title (an attachment's: "某县赋予乡镇(街道)…事项目录")
_HEADING_MAX = 20  # a heading is short: "一、赋权事项", "附件：某区赋予街道办事处行政执法事项目录"
_ATTACHMENT = re.compile(r"^\s*附件\s*[\d一二三四五六七八九十]{0,2}\s*[：:.．、]?\s*")


# a heading inside a list that names a field only: "一、住房和城乡建设领域（5项）", "（二）水利类"
_FIELD_HEADING = re.compile(
    r"(?P<field>[\u4e00-\u9fff]{2,14}?)(?P<kind>领域|方面|类|系统)?"
    r"(?:[（(]?共?[\d一二三四五六七八九十]{1,3}项[)）]?)?[:：]?"
)


_OUTLINE_RANK = {"top": 0, "paren": 1, "digit": 2}  # GB/T 9704's levels: 一、 （一） 1.


def _field_heading(text: str, number: re.Match, state: FrameState, rules: FrameRules) -> str | None:
    """The field a numbered line names when it heads the items after it, numbered in another style
    ("一、生态环境领域" then "1.对…的处罚"); None for an item of the list (which ends in ；or 。)."""
    m = _FIELD_HEADING.fullmatch(text.strip(), number.end() - (len(text) - len(text.lstrip())))
    following = _ITEM_NUMBER.match(state.following[0])
    if m is None or following is None or _OUTLINE_RANK[following.lastgroup] <= _OUTLINE_RANK[number.lastgroup]:
        return None  # (the items under it are numbered a level below: 一、 over （一）, （一） over 1.)
    if "的" in m.group("field") or m.group("field").startswith("对"):
        return None  # "1.对M的处罚": an entry
    if m.group("field").startswith("行政") or not m.group("kind") and scope_sector(m.group("field"), rules) is None:
        return None  # ("一、行政处罚类": a kind of power, read by the catalogue frames)
    return m.group("field")


# after the body that opens a line of items: how many it gives, then a colon ("县林业局（8项）：")
_OWNER_COLON = re.compile(r"\s*(?:[(（]\s*(?:共\s*)?[\d一二三四五六七八九十]{1,3}\s*项\s*[)）])?\s*[:：]")


def _owner_line(text: str, bodies: list[Body], at: int = 0) -> Body | None:
    """The body that opens ``text`` (from ``at``) and whose items follow its colon ("县林业局：",
    "县林业局（8项）：")."""
    lead = at + len(text[at:]) - len(text[at:].lstrip())
    return next((b for b in bodies if b.start == lead and _OWNER_COLON.match(text, b.end)), None)


def _list_item(item, bodies, state, rules, rid, offset: int = 0) -> list[dict]:
    shifted = [b.shifted(offset) for b in bodies]
    out = []
    lead = _MARKER.match(item).end()
    # "（一）县林业局：对…的处罚；对…的处罚": the items of the body that opens the item
    owner = _owner_line(item, shifted, lead)
    remark = _HOLDER_REMARK.search(item)  # "1.对M的处罚(原实施部门：甲局)": who held it, after the item
    if remark:
        owner = owner or next((b for b in shifted if remark.start("g") <= b.start and b.end <= remark.end()), None)
        item = item[: remark.start()]
        shifted = [b for b in shifted if b.end <= remark.start()]
    else:
        # "1.对M的处罚（县自然资源局）": a body alone in brackets closing a granted item held it
        bare = _BRACKETED.search(item)
        held = bare and next((b for b in shifted if (b.start, b.end) == bare.span("g")), None)
        if held:
            owner = owner or held
            item = item[: bare.start()]
            shifted = [b for b in shifted if b.end <= bare.start()]
    if described(_ITEM_END.sub("", item[lead:]).strip(), rules) and not _power_at(item, rules):
        return out  # "（一）与群众生活密切相关的；": a criterion of which items qualify, not an item
    phrases = _items_phrase(item, shifted, rules, "list") or _lead_power_items(item, shifted, state, rules)
    for label, matter, domain, giver, scope in phrases:
        if label not in _ENFORCEMENT and not state.list_moves:
            continue  # a body's duties listed ("其主要职责是：…"): no move
        for receiver in state.receivers:
            giver = giver or owner or state.list_giver
            domain = domain or state.heading_field  # under a heading of its field ("一、生态环境领域")
            out.append(_record(label, matter, domain, giver, receiver, rid, rules, scope=scope))
    return out


_ITEM_END = re.compile(r"[;；。,，]+\s*$")
_BRACKETED = re.compile(r"[(（]\s*(?P<g>[^()（）]{2,30}?)\s*[)）]\s*[;；。,，]?\s*$")
# a bracketed remark closing an item that names the body which held it before
_HOLDER_REMARK = re.compile(
    r"[(（]\s*(?:原(?:实施|执法|责任|行使)?(?:部门|主体|单位|机关)|原由|原属)\s*[:：]?\s*(?P<g>[^()（）]{2,40}?)"
    r"(?:行使|实施|承担)?\s*[)）]\s*[;；。,，]?\s*$"
)


_FIELD_OF = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:领域|方面)")
_ENFORCED_FIELD = re.compile(r"(?P<field>[\u4e00-\u9fff、]{2,30}?)(?:方面|领域)?(?:的)?(?:行政)?执法(?:工作)?")
_EACH_FIELD = re.compile(rf"(?:{_FIELD_OF.pattern}(?:[、和及]|以及)?){{2,}}")


def _lead_power_items(item, bodies, state, rules) -> list[tuple]:
    """An item that names no power of its own takes the lead-in's ("行使下列行政处罚权：" then
    "（一）D方面对M的；"): the item is what stands before that power."""
    if state.list_power is None:
        return []
    seg = _ITEM_END.sub("", item[_MARKER.match(item).end() :])
    fields = _EACH_FIELD.fullmatch(seg.strip())
    if fields:  # "住房城乡建设领域、生态环境保护领域": fields listed, each a record (matter = domain = field)
        return [(state.list_power, f, f, None, None) for f in _FIELD_OF.findall(fields.group())]
    power = state.list_power
    enforced = _ENFORCED_FIELD.fullmatch(seg.strip())
    if enforced and state.list_moves:  # "（一）市容环境卫生管理执法；": enforcement in the field named
        power, seg = "执法职责", enforced.group("field")
    ph = parse_object(seg, bodies, rules.scope_sectors)
    matters = ph.matters or ([ph.domain] if ph.domain else [])
    return [
        (power, m, ph.domain, ph.giver, ph.scope)
        for m in matters
        if not _CATCH_ALL.search(m) and not rules.back_reference.fullmatch(m)
    ]


def _last(matches):
    """The last of an iterator of matches, or None."""
    out = None
    for out in matches:  # noqa: B007 - the loop keeps the last
        pass
    return out


# what may stand between a lead-in's item number and its subject ("（一）由R…", "二是R…"): no verb
_BEFORE_SUBJECT = re.compile(r"\s*(?:由|经|各|[一二三四五六七八九十]是)?\s*")
_MARKER = re.compile(
    rf"^\s*(?:第[一二三四五六七八九十百零\d]+条|{_PAREN_ITEM}|[一二三四五六七八九十]+、|\d{{1,2}}[.、])?\s*(?:答[:：])?\s*"
)


# a short adverbial clause before the subject: "划转后，", "今后，", "自2021年1月1日起，"
_OPENER = re.compile(r"[^，,。；;：:对由将把]{1,12}[，,]")
# words before 由 that charge the body after it: "明确由R负责查处M", "今后由R负责…", "改由R…"
_CHARGED_BY = re.compile(r"(?:明确|规定|确定|统一|改为|调整为|改|今后|此后|以后|届时)(?=由)")


_SUBJECT_PUNISHES = re.compile(r"(?:依法|统一|集中|具体|可以)+(?:负责)?查处")


# "区城市管理局相关负责人介绍，": a person of the body speaking, what they say after the comma
_SPEAKER = re.compile(
    r"(?:的)?(?:相关|有关|主要)?(?:负责人|负责同志|工作人员|[局处科股所]长|主任|书记|队长)"
    r"[^，,。；;:：]{0,8}?(?:介绍|表示|说|指出|称|谈到|解释)[，,:：]"
)


def _verbal_frame(text, bodies, state, rules) -> list[dict]:
    """A subject body and verbal powers in one sentence: "B依据D方面…规定，对M的违法行为实施行政处罚；…"."""
    lead = _MARKER.match(text).end()
    speaker = _SPEAKER.match(text, bodies[0].end) if bodies and bodies[0].start - lead <= SUBJECT_REACH else None
    if speaker:  # "区城管局相关负责人介绍，R…": who says it is not who acts; the subject follows
        lead, bodies = speaker.end(), [b for b in bodies if b.start >= speaker.end()]
    opener = _OPENER.match(text, lead)  # "划转后，", "今后，": the sentence's subject opens the next clause
    if opener and bodies and bodies[0].start >= opener.end():
        lead = opener.end()
    charged = _CHARGED_BY.match(text, lead)  # "明确由R负责查处M": who is charged, then the subject
    if charged:
        lead = charged.end()
    if state.list_open or not bodies or not 0 <= bodies[0].start - lead <= SUBJECT_REACH or "\t" in text:
        return []  # (a table row's first cell is no subject: the table_row frame reads rows)
    # the subject acts on an object named by 对 ("对M…实施行政处罚", "负责对M的行政处罚", "对M进行查处") or
    # is charged with it ("负责查处M"); a bare "查处…" is too often a noun ("在查处…过程中", "加大查处力度")
    # ("R依法查处M": a verb of the subject itself, right after it)
    if not (
        ("对" in text or "负责" in text)
        and any(
            p.pattern.startswith(("对", "负责")) and p.search(text) for p, _, _, only_in in rules.verbal if not only_in
        )
    ) and not _SUBJECT_PUNISHES.match(text, bodies[0].end):
        return []
    receiver, giver = bodies[0], None
    if NO_LONGER_HOLDS.match(text, receiver.end):
        # "G不再行使M职责后，由R负责查处…": G stops holding it and gave it; R acts in the clauses after it
        by = _THEN_BY.search(text, receiver.end)
        at = DETERMINER.match(text, by.end()).end() if by else -1
        acting = next((b for b in bodies if b.start == at), None)
        if acting is None:
            return []  # (who stops, and no one named who acts: a restatement, read by its frame)
        giver, receiver = receiver, acting
    entrusts = _ENTRUSTS.match(text, receiver.end)
    entrusted = next((b for b in bodies if entrusts and b.start == entrusts.end()), None)
    if entrusted is not None:  # "G依法委托R实施对M的处罚": G gives, R acts
        giver, receiver = receiver, entrusted
    out, at = [], receiver.end
    for n, clause in enumerate(re.split(r"[;；]", text[receiver.end :])):
        # a clause that opens with a body of its own is that body's: "R1负责查处M1；R2负责查处M2"
        own = next((b for b in bodies if n and at <= b.start <= at + 1 and b.end < at + len(clause)), None)
        if own is not None:
            giver, receiver = None, own
        for label, matter, domain, _giver, _scope in _items_phrase(clause, [], rules, "verbal"):
            if label == "行政处罚权" and matter:
                out.append(_record(label, matter, domain, giver, receiver, rules.rule_id("verbal"), rules))
        at += len(clause) + 1
    return out


# a body that stops holding a power or duty: "G不再行使…", "G也不再承担…"
NO_LONGER_HOLDS = re.compile(r"(?:依法|也|均|将|就)?不再(?:行使|承担|负责|履行|实施|办理)")
_THEN_BY = re.compile(r"[，,]\s*(?:改|统一|依法|明确|均|一律)*由")
_ENTRUSTS = re.compile(r"(?:依法|可以|决定)*(?:委托|授权)(?:各|其?所属的?|其下属的?|辖区内?的?)?")
_ENTRUSTS_BEFORE = re.compile(f"{_ENTRUSTS.pattern}$")  # ending where the body entrusted is named


def _domain_list_frame(text, bodies, state, rules) -> list[dict]:
    """ "B(在…内)行使A、C、D及…其他职责": areas of work listed after 行使, each a record."""
    m = re.search(
        r"(?:相对集中|集中)?行使(?P<list>[^;；。]{4,200}?)(?:等)?(?:有关)?(?:法律、法规、规章规定的)?"
        r"(?P<p>行政处罚权|职责)",
        text,
    )
    if not m or "、" not in m.group("list"):
        return []
    # "B在…区域内行使": bodies inside the locative phrase are not its subject
    loc = re.search(r"在[^，,。；;]{0,40}?(?:内|中|范围|区域)\s*$", text[: m.start()])
    cut = loc.start() if loc else m.start()
    subj = [b for b in bodies if b.end <= cut]
    receiver = subj[-1] if subj else None
    selves = [x.end() for x in re.finditer("|".join(map(re.escape, rules.self_reference)), text[:cut])]
    if selves and state.self_body and (receiver is None or selves[-1] > receiver.end):
        receiver = state.self_body  # "…我局在…行使…": the body that writes
    if receiver is None:
        return []
    areas = re.split(r"[、]|及|和(?=部分)", _LAW.sub("", m.group("list")))
    out = []
    label = "执法职责" if m.group("p") == "职责" else m.group("p")
    for a in areas:
        a = _TRIM_TAIL.sub("", a.strip())
        scope = None
        if a.startswith("部分"):
            a, scope = a[2:], "部分"
        if len(a) < 2 or len(a) > 12 or _CATCH_ALL.search(a) or re.search(r"人民政府|规定", a):
            continue
        out.append(_record(label, a, a, None, receiver, rules.rule_id("domain_list"), rules, scope=scope))
    return out if len(out) >= 2 else []


# "有关行政主管部门的…": a body named by its kind, whose powers follow
_OWNER_OF = re.compile(r"^(?P<g>[^,，;；的]{0,8}(?:部门|机关|单位|机构))的")


_SHORT_NAME_BEFORE = re.compile(rf"[(（](?:{DEFINES_SHORT})$")


def _definition_frame(text, bodies, state, rules) -> list[dict]:
    """ "本条例所称X，是指R1以及R2…集中行使G在D领域的P1及相关的P2和P3": every receiver gets every power."""
    m = re.search(r"所称.{1,20}?[,，]?\s*是指(?P<body>.+)", text)
    if not m:
        return []
    body_start = m.start("body")
    verb = re.search(r"(?:相对)?集中行使|统一行使", text[body_start:])
    if not verb:
        return []
    # (not the body that sets the receiver up, "人民政府确定的R", nor the short name R is given after it)
    receivers = [
        b
        for b in bodies
        if body_start <= b.start
        and b.end <= body_start + verb.start()
        and not SET_UP_BY.match(text, b.end)
        and not _SHORT_NAME_BEFORE.search(text, 0, b.start)
    ]
    if not receivers:
        return []
    at = body_start + verb.end()
    rest = text[at:]
    giver, owners, each = None, [], []
    g = re.match(r"^(?P<g>[^,，;；在]{2,40}?)在", rest)
    owned = _OWNER_OF.match(rest)
    if g:
        giver = Body(g.group("g"), None)
        # "住房和城乡建设、生态环境等有关部门在D领域的P": the departments of each sector listed give
        named = [b for b in bodies if at <= b.start and b.end <= at + g.end("g")]
        each = [one for b in named for one in b.each_sector()] if len(named) == 1 else []
        rest = rest[g.end() :]
    elif owned:  # "…集中行使有关行政主管部门的全部或者部分行政处罚权": whose powers, and how much of them
        giver = Body(owned.group("g"), None, 0, owned.end("g"))
        owners = [giver]
    out = []
    for label, matter, domain, _giver, scope in _items_phrase(rest, owners, rules, "definition"):
        for r in receivers:
            for one in each or [None]:
                rec = _record(label, matter, domain, one, r, rules.rule_id("definition"), rules, scope=scope)
                rec["source"] = one.text if one else giver.text if giver else None
                out.append(rec)
    return out


_LISTED_IN = re.compile(r"^《〇*》(?:所列|所附|所载|中|规定)的?")
EARLIER_AT = re.compile(EARLIER)  # a move done before, read where it stands (``pattern.match(text, at)``)
_RELATIVE_RECEIVER_MAX = 12  # "下放至各乡镇人民政府的": the receiver of a move a relative clause names
# an object that is only what a catalogue lists: "《…》所列的", "目录所列", "清单中列明的"
_LISTED_HEAD = re.compile(r"(?:《〇*》|(?:本|该|上述|此)?(?:目录|清单|附件|附表))中?(?:所列|所附|所载|列明)的?")
_LATE_GIVERS = re.compile(
    r"[,，]?由(?P<g>[^,，;；]{2,60}?)(?:等(?:有关)?(?:[\d一二三四五六七八九十]{1,2}个)?(?:部门|单位))?$"
)


# the givers of a topic moved, between it and the verb: "M的P，由G1、G2等部门(统一)划转至R"
_BY_GIVERS = re.compile(rf"由(?P<g>[^,，;；。]{{2,60}}?)(?:{_GIVERS_COUNTED})?(?:统一|依法|一并|全部)*")
_SEPARATOR = re.compile(r"[;；。]")
INVOLVES = re.compile(r"[,，]\s*(?:共|主要)?涉及")  # "…，涉及G1、G2等部门": the bodies whose items moved
_SEMICOLON = re.compile(r"[;；]")


# a short quotation: a slogan or principle ("按照“依法下放、宜放则放”原则"), whose verbs are no predicate
_SLOGAN = re.compile(r"“[^“”：:。；;]{1,16}”")


def in_slogan(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a short quotation (a slogan, a principle's name).

    >>> text = "按照“依法下放、宜放则放”原则，区城管局将以下权限赋予街道"
    >>> in_slogan(text, 5, 7), in_slogan(text, text.index("赋予"), text.index("赋予") + 2)
    (True, False)
    """
    return any(q.start() < start and end < q.end() for q in _SLOGAN.finditer(text, max(0, start - 17), end + 17))


def _hand_over_frame(text, bodies, state, rules) -> list[dict]:
    """ "G将M等执法事项…交由R实施", "将N项…权限赋予R", "赋予R在D1、D2方面的P": the first of the
    verbs that reads as a grant ("按照“依法下放”原则，将…赋予R": not the word quoted before it)."""
    out, resume = [], 0
    for trig in rules.trigger_re("hand_over").finditer(text):
        if trig.start() < resume or in_slogan(text, trig.start(), trig.end()):
            continue  # one grant a clause: the first verb that reads as one, outside a slogan
        found = _hand_over_at(text, trig, bodies, state, rules)
        if found:
            out.extend(found)
            # "…；县农业农村局下放…": each clause after a semicolon may grant again, and one after a
            # comma whose own subject grants ("G1下放M1等4项，G2下放M2等3项")
            semicolon = _SEMICOLON.search(text, trig.end())
            resume = semicolon.end() if semicolon else len(text)
            comma = COMMA.search(text, trig.end(), resume)
            if comma and _subject_grants_at(text, comma.end(), bodies, rules):
                resume = comma.end()
    return out


# what a report counts after the receiver: "(下放至R)的行政执法事项共计128项"
_COUNTED_REPORT = re.compile(
    rf"的(?P<obj>[^，,。；;的]{{2,20}}?)(?:共计|共|合计|总计|累计)(?:达)?{COUNT_OF_MATTERS.pattern}"
)
# departments named by their level and kind: "市级部门", "县直有关部门", "区职能部门"
_LEVEL_DEPARTMENTS = r"[省市州县区][级直]?(?:有关|相关|各)?(?:职能|行政|业务)?部门"
# … before a verb: "市级部门(首批)下放…", "县直有关部门已下放…"
_KIND_BEFORE = re.compile(rf"(?P<g>{_LEVEL_DEPARTMENTS})(?:首批|第[一二三四五\d]批|分批|已经|已|依法|正式)*$")


# an object that is a list's lead-in: "在乡镇的下列执法事项", "以下行政处罚权" (the items follow)
LIST_HEADER_OBJECT = re.compile(r"(?:下列|以下|如下)[^，,。；;、]{0,8}[，,]?$")


def _hand_over_at(text, trig, bodies, state, rules) -> list[dict]:
    rid = rules.rule_id("hand_over")
    if text.startswith("的", trig.end()):
        return []  # "国务院授权的省人民政府", "县直部门下放的事项": the verb modifies what follows
    after = [b for b in bodies if b.start >= trig.end()]
    if after and (
        after[0].start - trig.end() > RECEIVER_REACH
        or _SEPARATOR.search(text, trig.end(), after[0].start)
        or _subject_grants_at(text, after[0].start, bodies, rules)  # "G1下放M1等4项，G2下放…": G2 gives too
        or INVOLVES.search(text, trig.end(), after[0].start)  # "下放M 36项，涉及G等4个部门": whose items
    ):
        after = []  # too far, or in another clause: no receiver of this verb
    toward = next((b for b in bodies if b.end == trig.start() and _toward(text, b)), None)
    end = _clause_end(text, trig.end())
    if toward is not None and (not after or _owned_powers(text, trig.end(), end, bodies)):
        # "向R下放M", and "向R下放G1、G2等部门的P": the bodies after the verb own what moves
        return _toward_frame(text, trig, toward, bodies, state, rules)
    subject = next((b for b in bodies if _GIVER_ADVERBS.fullmatch(text, b.end, trig.start())), None)
    if (
        not after
        and subject is not None
        and state.grantee
        and not text.startswith("的", trig.end())  # "G赋予的M": whose grant it was, a modifier
        and rules.deciders.search(text, subject.end, trig.start()) is None
    ):
        # "（决定向乡镇下放…。）县自然资源局下放M等8项P；县农业农村局下放…": each department gives
        # what it names to the bodies the text grants to
        return _given_by_subject(text, trig, subject, bodies, state, rules)
    if not after:
        return []
    receivers = _together(text, after)  # "赋予甲街道办事处、乙街道办事处、丙镇人民政府": each
    counted = _COUNTED_REPORT.match(text, receivers[-1].end)
    counted_powers = _power_at(counted.group("obj"), rules) if counted else []
    if counted_powers:
        # "市级部门首批下放至各乡镇的行政执法事项共计128项": a report of the move, by its count
        p = counted_powers[-1]
        by_kind = _KIND_BEFORE.search(text, 0, trig.start())
        giver = subject if subject is not None and subject.sector not in DECIDING_SECTORS else None
        state.grantee = receivers
        return [
            _record(p[3], counted.group("obj"), None, giver, r, rid, rules, source_text=by_kind and by_kind.group("g"))
            for r in receivers
        ]
    out = []
    jiang = text.rfind("将", 0, trig.start())
    opening = _clause_opening(text, trig.start())
    owned = _owned_powers(text, opening, trig.start(), bodies) if jiang < opening else None
    if owned:  # "G1、G2等7个部门的86项P下放至R": the powers moved, the topic before the verb (no 将)
        state.grantee = receivers
        return _owned_records(owned, receivers, rid, rules)
    start, choosers, topic_end = opening, [], trig.start()
    by = _BY_GIVERS.fullmatch(text, opening, trig.start()) if opening > 0 else None
    if by:  # "M的P，由G1、G2等部门划转至R": the givers between the topic and the verb, each gives
        choosers = [one for b in bodies if by.start("g") <= b.start and b.end <= by.end("g") for one in b.each_sector()]
        if choosers and any(b.start == by.start("g") for b in bodies):
            start, topic_end = _clause_opening(text, opening - 1), opening
        else:
            by, choosers = None, []
    elif opening > 0 and _TOPIC_TO_VERB.fullmatch(text, opening, trig.start()):
        start = _clause_opening(text, opening - 1)  # "M的P，已经赋予R": the topic before the comma
        chosen = _CHOOSES.match(text, start, opening)
        if chosen:  # "各部门要梳理M，以清单形式赋予R": what is chosen is granted, by the departments choosing
            choosers = [b for b in bodies if start <= b.start and b.end <= chosen.end() and b.sector != "人民政府"]
            start = chosen.end()
    named_place = _PLACE_OF_BATCH.match(text, start) if jiang < 0 else None
    if named_place:  # "某区首批46项区级行政执法事项下放至R": the place whose powers they are, no part of them
        start = named_place.end()
    topic = jiang < 0 and _object_before(text, start, topic_end, rules)
    if topic:
        jiang = start - 1  # "M的P已下放至R": the object is the clause's topic, before the verb (no 将)
    if jiang >= 0 or topic:  # "将M…交由R": the object before the verb
        # the subject of 将 gives, not a body that decides or issues the document ("省政府决定，将…")
        givers = (
            choosers
            if topic
            else [
                b
                for b in bodies
                if b.end <= jiang and not rules.deciders.search(text, b.end, jiang) and not _partner(text, b)
            ]
        )
        obj = text[jiang + 1 : trig.start()]
        late = _LATE_GIVERS.search(obj)  # "将M，由G1、G2等部门划转至R": the givers after the object
        late_givers = [
            one
            for b in bodies
            if late and jiang + 1 + late.start("g") <= b.start and b.end <= jiang + 1 + late.end("g")
            for one in b.each_sector()
        ]
        if late_givers:
            obj = obj[: late.start()]
            givers = late_givers[-1:]
        if LIST_HEADER_OBJECT.search(obj):
            # "G的下列执法事项，交由R实施：": a lead-in, whose items (a list, a table) are read as theirs
            state.grantee = receivers
            return []
        former, held = _former_holders(text, jiang + 1, bodies) if topic else (None, [])
        if held:
            # "原由G1、G2实施的部分行政执法事项，调整由R实施": each former holder gives its share
            state.grantee = receivers
            matter = (former.group("q") or "") + former.group("p")
            label = rules.power_labels[former.group("p")]
            return [
                _record(label, matter, None, one, r, rid, rules, scope=former.group("q"))
                for g in held
                for one in g.each_sector()
                for r in receivers
            ]
        listed = _LISTED_IN.match(obj)
        obj = obj[listed.end() :] if listed else obj  # "《…目录》所列的96项事项": the items the catalogue lists
        owned = _owned_powers(text, jiang + 1, jiang + 1 + len(obj), bodies)
        if owned:  # "将G1、G2等部门的部分P，以及与之相关的P2，赋予R": each giver's powers
            state.grantee = receivers
            return _owned_records(owned, receivers, rid, rules)
        powers = _power_at(obj, rules)
        label = powers[-1][3] if powers else "执法职责"
        if powers:
            p = powers[-1]
            obj_text = obj[: p[0]]
            # ("将行政许可、行政处罚等县级权限下放至R": a series, each kind read below by _kinds_granted)
            owners, level_of = _owners_of_grant(text, jiang + 1, jiang + 1 + p[0], bodies)
            if (
                (p[2].endswith("权限") and not series_powers(p[2], rules))
                or LEVEL_ALONE.fullmatch(obj_text)
                or (owners and LEVEL_ALONE.fullmatch(level_of))
            ):
                # "215项县级经济社会管理权限", "第一批42项县级行政执法权限", "32项市级行政执法事项": the grant
                # whole; "G1、G2实施的34项省级行政权力事项": each department its own
                owners, matter = _owners_of_grant(text, jiang + 1, jiang + 1 + p[1], bodies)
                matter = _GRANT_COUNT.sub("", matter)
                for giver in owners or [None]:
                    for r in receivers:
                        out.append(_record(label, matter, None, giver, r, rid, rules))
                state.grantee = receivers
                return out
        else:
            obj_text = obj
        # "将《…目录》所列的行政执法事项，交由R行使": the items a cited catalogue lists, as written; and each
        # power of a bundle ("所列的行政处罚权及与之相关的行政检查、行政强制措施权")
        kinds = [(label, powers[0][2])] if len(powers) == 1 else _bundled_after(obj, powers) if powers else []
        if listed and kinds and not obj[: powers[0][0]].strip("，, "):
            giver = givers[-1] if givers else None
            out.extend(_record(kind, written, None, giver, r, rid, rules) for r in receivers for kind, written in kinds)
            state.grantee = receivers
            return out
        obj_text = _past_description(obj_text, rules)  # "基层迫切需要的城市管理领域": the field, not why
        bundle = _bundled_after(obj, powers) if powers else []
        if bundle and described(obj[: powers[0][0]], rules):
            # "与群众生活密切相关的行政处罚权及相关的行政检查、行政强制措施权": each power the bundle
            # names, its matter the description and it (as the move rules write it); each department
            # of the subject gives them
            described_as = obj[: powers[0][0]].strip("，, ")
            run = _together(text, givers, backward=True) if givers else [None]
            out.extend(
                _record(kind, described_as + written, None, g, r, rid, rules)
                for kind, written in bundle
                for g in run
                for r in receivers
            )
            state.grantee = receivers
            return out
        if (obj_text.endswith("的") and label == "执法职责") or described(obj_text, rules):
            # "点多面广、…能有效承接的行政执法事项": a description of the items, not a list of them (each
            # department of the subject gives them)
            matter = obj[: powers[-1][1]].strip("，, ")
            run = _together(text, givers, backward=True) if givers else [None]
            out.extend(_record(label, matter, None, g, r, rid, rules) for g in run for r in receivers)
            state.grantee = receivers
            return out
        obj_text = re.sub(r"(?:等)?(?:执法)?事项[,，]?.*$|[,，].*$", "", obj_text)
        counted = re.search(rf"(?<=[\u4e00-\u9fff]{{2}})等{COUNT_OF_MATTERS.pattern}$", obj_text)
        obj_text = obj_text[: counted.start()] if counted else obj_text  # "M等3项": how many
        held = _each_holders_items(obj_text, jiang + 1, bodies, alone=counted is not None)
        if held and powers and topic:  # "G1负责的M1等42项P，G2负责的M2等27项P，统一下沉到R": each topic
            held = _held_before(text, start, bodies, rules) + held
        elif powers and re.search(r"[,，]\s*$", obj):  # "将G1负责的M1等5项P，G2负责的…，交由R": each clause
            held = _held_before(text, jiang + 1 + len(obj.rstrip()), bodies, rules) or held
        if held and powers:  # "将G1实施的M1、G2实施的M2等18项P，调整由R实施": each holder's items
            for g, item in held:
                kind, matter = _item_kind(item, label)
                out.extend(_record(kind, matter, None, g, r, rid, rules) for r in receivers)
            state.grantee = receivers
            return out
        # "G将开发区范围内的P委托R": where the powers are held, not what they are over
        area_only = _AREA_ONLY.fullmatch(obj_text.strip())
        obj_text = "" if area_only else obj_text
        ph = parse_object(obj_text, bodies, rules.scope_sectors)
        # "将G承担的M的P，调整由R承担"; "市政府将所属部门的P委托R": the departments the object names by
        # their kind give, not the subject
        giver = ph.giver or (givers[-1] if givers and not ph.giver_text else None)
        # (a count alone, "18项", names no matter: the power as written stands for it; so does the power of
        # an area the subject gives)
        written = (
            powers[-1][2]
            if powers
            and (ph.scope or ph.matters or COUNT_OF_MATTERS.search(obj_text) or (area_only and giver is not None))
            else None
        )
        # "G1、G2将M委托R": the departments of the subject each give
        subjects = _together(text, givers, backward=True) if giver is not None and giver is not ph.giver else [giver]
        for kind, matter, domain in _kinds_granted(powers[-1], ph, written, rules) if powers else []:
            for g in late_givers or subjects:
                for r in receivers:
                    rec = _record(kind, matter, domain, g, r, rid, rules, scope=ph.scope, source_text=ph.giver_text)
                    out.append(rec)
        state.grantee = receivers
        return out
    # "赋予R在D1、D2方面的P": the object after the receiver
    rest = text[receivers[-1].end :]
    powers = _power_at(rest, rules)
    if not powers:
        return []
    own = re.split(r"[,，;；。]", rest, maxsplit=1)[0]
    whole = [q for q in powers if q[1] <= len(own)]
    if whole and described(own[: whole[-1][0]], rules):
        # "赋予R与其职责相适应的行政执法权": a description of which powers, the matter whole with its power
        matter = _RECEIVER_ACTS.sub("", own[: whole[-1][1]])
        state.grantee = receivers
        return [_record(whole[-1][3], matter, None, None, r, rid, rules) for r in receivers]
    p = powers[0]
    # "授权R以自己的名义行使D方面的P": in whose name and by what verb R acts are no part of the object
    seg = re.sub(r"^(?:在|以)", "", _RECEIVER_ACTS.sub("", rest[: p[0]]))
    d = re.search(r"(?P<d>[\u4e00-\u9fff、]{2,60}?)(?:等)?(?:方面|领域)", seg)
    level = LEVEL_ALONE.fullmatch(seg.strip())
    if level:  # "赋予R部分县级行政权力事项": the level's powers, named as written
        out.extend(_record(p[3], level.group("level") + p[2], None, None, r, rid, rules) for r in receivers)
    elif d:
        for area in re.split(r"[、]|和|及", d.group("d")):
            for r in receivers:
                out.append(_record(p[3], area, area, None, r, rid, rules))
    elif seg.strip() and not COMMA.search(seg) and not _CATALOGUE_AFTER.match(rest, p[1]):
        # "委托R行使M的P": the matters before the power (not a catalogue's title: "…权限事项目录")
        for matter in parse_object(seg, [], rules.scope_sectors).matters:
            out.extend(_record(p[3], matter, None, None, r, rid, rules) for r in receivers)
    state.grantee = receivers
    return out


# a holder's items in an object, as a relative clause after it: "G实施的M"
_HOLDER_OF_ITEM = re.compile(r"(?:实施|承担|负责|行使)的")
# the kind of power an item names by its last words: "M查处", "M的处罚", "M监督检查"
# the penalty closing an item named by its act: "(对)M的处罚", "M处罚", "M查处"
_ITEM_PENALTY = re.compile(r"(?:的)?(?:行政处罚|处罚|查处)$")
_ITEM_KINDS = (
    (_ITEM_PENALTY, "行政处罚权"),
    (re.compile(r"(?:的)?(?:监督检查|执法检查|检查)$"), "行政检查权"),
)


def _each_holders_items(obj: str, at: int, bodies: list[Body], alone: bool = False) -> list[tuple[Body, str]]:
    """(holder, item) of an object that names two holders or more, each before its own items
    ("G1实施的M1、G2实施的M2"), or one holder when ``alone`` (the items counted: "G实施的M等42项");
    [] for any other object. ``at``: where ``obj`` stands in the text."""
    out: list[tuple[Body, str]] = []
    start = 0
    for part in obj.split("、"):
        lead = re.match(r"(?:将|原由|原|由)?", part).end()  # "原由G1实施的M1、原由G2实施的M2"
        holder = next((b for b in bodies if b.start == at + start + lead), None)
        tie = _HOLDER_OF_ITEM.match(obj, holder.end - at) if holder is not None else None
        if tie is not None:
            out.append((holder, obj[tie.end() : start + len(part)]))
        elif out:  # "G1实施的M1、M1b": more items of the holder before
            out.append((out[-1][0], part))
        else:
            return []
        start += len(part) + 1
    return out if len({id(g) for g, _ in out}) > (0 if alone else 1) else []


def _held_before(text: str, start: int, bodies: list[Body], rules: FrameRules) -> list[tuple[Body, str]]:
    """(holder, item) of the clauses before ``start`` that are topics of the same verb as the one
    from ``start``, each a holder's counted items ("G1负责的M1等42项P，G2负责的M2等27项P，统一下沉到R":
    G1's, for the clause of G2 at ``start``), in order."""
    out: list[tuple[Body, str]] = []
    while start > 0 and text[start - 1] in ",，":
        opening = _clause_opening(text, start - 1)
        clause = text[opening : start - 1]
        powers = _power_at(clause, rules)
        if not powers or powers[-1][1] != len(clause):
            break
        counted = re.search(rf"(?<=[\u4e00-\u9fff]{{2}})等{COUNT_OF_MATTERS.pattern}$", clause[: powers[-1][0]])
        held = counted and _each_holders_items(clause[: counted.start()], opening, bodies, alone=True)
        if not held:
            break
        out[:0] = [(g, item) for g, item in held]
        start = opening
    return out


def _item_kind(item: str, label: str) -> tuple[str, str]:
    """The power and matter of an item that may name its own kind ("M查处" → 行政处罚权 over M)."""
    for pattern, kind in _ITEM_KINDS:
        if pattern.search(item) and len(pattern.sub("", item)) >= 2:
            return kind, pattern.sub("", item)
    return label, item


def _bundled_after(obj: str, powers: list[tuple]) -> list[tuple[str, str]]:
    """(kind, as written) of each power of an object whose first power has the others bundled with it
    ("P及相关的行政检查、行政强制措施权"), in order; none when a power stands on its own."""
    kinds = [(powers[0][3], powers[0][2])]
    for before, p in zip(powers, powers[1:]):
        bundled = BUNDLED.fullmatch(obj[before[1] : p[0]].strip())
        if not bundled or not obj[before[1] : p[0]].strip():
            return []
        kinds += [(ENFORCEMENT_NAMES[n], n) for n in re.findall(BARE_POWER, bundled.group("bare") or "")]
        kinds.append((p[3], p[2]))
    return kinds if len(kinds) > 1 else []


_CATALOGUE_AFTER = re.compile(r"(?:事项)?(?:目录|清单)")
# what stands between a grant's receiver and its object: where and in whose name the receiver acts, and the
# verb ("授权R在开发区范围内以自己的名义行使…")
_RECEIVER_ACTS = re.compile(
    rf"^(?:{_WHERE_ACTING})?"
    r"(?:以(?:自己|自身|其|本级政府)?的?名义|以[^，,。；;]{2,16}?的?名义)?(?:依法)?(?:统一|集中|相对集中)?(?:行使|实施|承担)?"
)


def _owned_records(owned, receivers: list[Body], rid: str, rules: FrameRules) -> list[dict]:
    """Each owner's powers (``_owned_powers``) to each receiver."""
    owners, written = owned
    out = []
    for giver in (one for owner in owners for one in owner.each_sector()):
        for i, (label, matter) in enumerate(written):
            for r in receivers:
                rec = _record(label, matter, None, giver, r, rid, rules)
                if i == 0 and matter and matter[:2] in ("部分", "全部"):
                    rec["scope"] = matter[:2]
                out.append(rec)
    return out


# what may stand between a topic's power and the verb that moves it: "…的行政处罚权已下放至R"
_TOPIC_TO_VERB = re.compile(
    # (how many, after the powers: "县级行政执法事项56项下放R", "…P共计42项，已下放至R")
    rf"(?:(?:共计|共|合计)?{COUNT_OF_MATTERS.pattern})?"
    r"[，,]?\s*(?:已经|已|均已|都已|均|已全部|全部|统一|依法|可以|应当|陆续|逐步|一并|正式|首批|分批|以清单(?:的)?形式|以[^，,。；;]{1,6}?方式)*"
)


# the other party of an agreement the subject signs: "G与全县9个乡镇签订委托协议，将M委托乡镇实施"
_WITH = re.compile(rf"(?:与|同|和){DETERMINER.pattern}$")
_SIGNS = re.compile(r"(?:共同|分别)?(?:签订|签署|签约)")


def _partner(text: str, body: Body) -> bool:
    """Whether ``body`` is the other party of an agreement ("与乡镇签订协议书") or works with the subject
    ("会同G"): no giver of what the agreement or the joint work moves."""
    if _JOINTLY.search(text, max(0, body.start - 4), body.start):
        return True  # "R将会同G，推动将M下放至…": G works with the subject, it gives nothing
    return bool(_WITH.search(text, max(0, body.start - 12), body.start)) and bool(_SIGNS.match(text, body.end))


_JOINTLY = re.compile(r"(?:会同|协同|联合|配合)$")


# who chooses, and the verb that chooses, the powers a grant in the next clause moves: "各县政府要梳理M，
# 以清单形式赋予R" (M is granted)
_CHOOSES = re.compile(r"[^，,。；;]{0,16}?(?:梳理|筛选|选取|确定|列出)出?")


def _object_before(text: str, start: int, verb: int, rules: FrameRules) -> bool:
    """Whether the clause from ``start`` to the verb at ``verb`` is what the verb moves, a power its
    last words ("餐饮油烟排放的行政处罚权已下放至R"): a topic before the verb, with no 将."""
    powers = _power_at(text[start:verb], rules)
    return bool(powers) and _TOPIC_TO_VERB.fullmatch(text, start + powers[-1][1], verb) is not None


def _clause_opening(text: str, at: int) -> int:
    """Where the clause holding ``at`` begins: after the comma or semicolon before it, and after
    what opens a clause before its object (when, on what authority: ``_LEADING_ADVERBIALS``)."""
    start = max(text.rfind(c, 0, at) for c in ",，;；。") + 1
    lead = _LEADING_ADVERBIALS.match(text[start:at])
    return start + (lead.end() if lead else 0)


def _clause_end(text: str, at: int) -> int:
    """Where the clause holding ``at`` ends: at the comma, semicolon or full stop after it, else the end."""
    m = _CLAUSE_STOP.search(text, at)
    return m.start() if m else len(text)


_CLAUSE_STOP = re.compile(r"[,，;；。]")
_GIVER_ADVERBS = re.compile(r"(?:此次|本次|这次|依法|已|已经|将|共|首批|分批|拟|同步)*")


def _subject_grants_at(text: str, at: int, bodies: list[Body], rules: FrameRules) -> bool:
    """Whether a body at ``at`` is the subject of a grant verb right after it ("G2下放…")."""
    body = next((b for b in bodies if b.start == at), None)
    verb = body and _GIVER_ADVERBS.match(text, body.end)
    return bool(verb and rules.trigger_re("hand_over").match(text, verb.end()))


def _given_by_subject(text, trig, giver, bodies, state, rules) -> list[dict]:
    """ "G下放M等N项P": the department before the verb gives, to the bodies granted to before;
    "G下放M等N项" names no power: the grant's before it."""
    clause = text[trig.end() : _clause_end(text, trig.end())]
    powers = _power_at(clause, rules)
    count = re.search(rf"(?:等|^){COUNT_OF_MATTERS.pattern}$", clause)  # "G下放M等8项", "G下放22项"
    named = bool(powers)
    if not powers and count:  # "其中，县林业局下放M等4项": the kind of power the grant before named
        # (the giver's own move before, when it made one: what follows the grant may be a description
        # of what moved, "下放的事项主要涉及D1、D2等领域", not the grant the count is a share of)
        prev = state.given.get(giver.text) or next((r for r in state.last if r.get("power")), {})
        # ("G下放22项": no matter named, a share of what the grant before named)
        powers = [(count.end(), count.end(), prev.get("matter") or "", prev.get("power") or "执法职责")]
    if not powers:
        return []
    p = powers[-1]
    obj = re.sub(rf"等?{COUNT_OF_MATTERS.pattern}$", "", clause[: p[0]])  # "M等8项": how many, not which
    ph = parse_object(obj, bodies, rules.scope_sectors) if obj else Phrase()
    rid = rules.rule_id("hand_over")
    # "G下放M查处等8项", "G下放M监督检查等31项": the item names its own kind of power by its last words
    own_kind = None if named else next((kind for pattern, kind in _ITEM_KINDS if pattern.search(obj.strip())), None)
    out = []
    for label, m, domain in _kinds_granted(p, ph, p[2], rules):
        if own_kind and m:
            label, m = own_kind, _item_kind(m, own_kind)[1]
        elif label == "执法职责" and m:
            # "G下放M1处罚、M2查处等N项行政执法事项": of items of no one kind, each names its own by
            # its last words as written (the matter may have lost them: "违法建设查处" → 违法建设)
            label, m = _item_kind(_as_written_item(obj, m), label)
        out.extend(_record(label, m, domain, giver, r, rid, rules, scope=ph.scope) for r in state.grantee)
    return out


def _as_written_item(obj: str, matter: str) -> str:
    """The item of a list ``obj`` (items joined by 、) that ``matter`` was read from, as written
    ("违法建设查处" for 违法建设); ``matter`` when no one item holds it."""
    items = [i for i in re.split(r"[、，,]|等$", obj) if matter in i]
    return items[0].strip() if len(items) == 1 else matter


def _toward(text: str, body: Body) -> bool:
    """Whether ``body`` follows 向, past the words that pick out which bodies ("向全县14个乡镇下放"),
    or the towns named as examples of them ("向甲镇、乙乡等4个乡镇下放")."""
    at = text.rfind("向", max(0, body.start - TOWARD_REACH - _TOWNS_NAMED_REACH), body.start)
    if at < 0:
        return False
    named = _TOWNS_NAMED.match(text, at + 1, body.start)
    start = named.end() if named else at + 1
    return body.start - start <= TOWARD_REACH and DETERMINER.fullmatch(text, start, body.start) is not None


_TOWNS_NAMED_REACH = 24  # the towns a text names before the kind they stand for: "甲镇、乙乡、丙街道等"
# "甲镇、乙乡等": towns named as examples of the towns that receive, before their count and kind
_TOWNS_NAMED = re.compile(r"(?:[\u4e00-\u9fff]{1,5}?(?:镇|乡|街道)[、和]?){1,6}等")


def _toward_frame(text, trig, receiver, bodies, state, rules) -> list[dict]:
    """ "向R下放M", "向各乡镇赋予M": the receiver before the verb, the object after it."""
    clause = text[trig.end() : _clause_end(text, trig.end())]
    owned = _owned_powers(text, trig.end(), trig.end() + len(clause), bodies)
    if owned:  # "向R下放G1、G2等部门的行政执法事项": each giver's powers
        state.grantee = [receiver]
        rid = rules.rule_id("hand_over")
        return [
            _record(label, matter, None, giver, receiver, rid, rules)
            for giver in (one for owner in owned[0] for one in owner.each_sector())
            for label, matter in owned[1]
        ]
    powers = _power_at(clause, rules)
    if not powers:
        return []
    p = powers[-1]
    obj = re.sub(r"^(?:了|给)", "", clause[: p[0]])
    obj = re.sub(r"^第[一二三四五六七八九十\d]{1,3}批", "", obj)  # "下放第一批县级P36项": which batch, not what
    # "下放县级审批事项", "赋予部分县级行政执法权": the level is part of the power
    level = re.fullmatch(rf"(?P<scope>部分|全部)?(?P<level>{LEVEL_WORD})", obj.strip())
    ph = parse_object(obj, bodies, rules.scope_sectors) if obj and not level else Phrase()
    state.grantee = [receiver]
    rid = rules.rule_id("hand_over")
    scope = level.group("scope") if level else None
    return [
        _record(label, m, domain, ph.giver, receiver, rid, rules, scope=scope or ph.scope)
        for label, m, domain in _kinds_granted(p, ph, (level.group("level") if level else "") + p[2], rules)
    ]


def _kinds_granted(
    p: tuple, ph: Phrase, written: str | None, rules: FrameRules
) -> list[tuple[str, str | None, str | None]]:
    """(power, matter, domain) of a grant of the power ``p``: ``_granted``'s matters, and for a series of
    kinds ("行政许可、行政处罚等县级权限") each kind, over the object's matters or else its level's powers."""
    kinds = series_powers(p[2], rules)
    if not kinds:
        return [(p[3], m, domain) for m, domain in _granted(ph, written)]
    named = _granted(ph, None)
    return [(label, m, domain) for label, own in kinds for m, domain in named or [(own, ph.domain)]]


def _granted(ph: Phrase, written: str | None) -> list[tuple[str, str | None]]:
    """(matter, domain) of what a grant's object names: its matters (a count "86项" is none), else
    each field listed ("将D1、D2等领域的86项执法事项赋予R"), else the field ("D领域的12项执法事项"),
    else the power as ``written`` with its share ("部分执法事项"); none when ``written`` is None."""
    matters = [(m, ph.domain) for m in ph.matters if not COUNT_OF_MATTERS.fullmatch(m)]
    if matters:
        return matters
    if ph.fields:
        return [(f, f) for f in ph.fields]
    if ph.field:
        return [(ph.field, ph.domain)]
    return [((ph.scope or "") + written, ph.domain)] if written else []


_OWNED = re.compile(
    # (past the short name the text gives them: "G1、G2（以下统称业务主管部门）的P")
    rf"(?:{_SHORT_NAME_GIVEN})?(?:等(?:有关)?(?:[一二三四五六七八九十两\d]{{1,2}}个)?{_GIVERS_KIND})?(?:承担|负责|行使|实施)?的"
    r"(?:第[一二三四五六七八九十\d]{1,3}批|首批|新一批|一批)?(?P<q>部分|全部|(?:\d+|[一二三四五六七八九十百]+)项)?"
)


def _owners_of_grant(text: str, start: int, end: int, bodies: list[Body]) -> tuple[list[Body], str]:
    """The departments whose powers a grant names first ("G1、G2等部门的45项市级行政管理权限"), each
    of its sector, and what follows them; no owners and the text whole when it opens with none."""
    inside = [b for b in bodies if start <= b.start and b.end <= end]
    if inside and not text[start : inside[0].start].strip():
        owners = _together(text, inside)
        tail = _OWNED.match(text, owners[-1].end)
        if tail is not None and tail.end() > owners[-1].end:
            return [one for owner in owners for one in owner.each_sector()], text[
                tail.end() - len(tail.group("q") or "") : end
            ]
    return [], text[start:end]


def _owned_powers(text: str, start: int, end: int, bodies: list[Body]):
    """An object naming whose powers move: "G1、G2等部门的部分行政处罚权，以及与之相关的行政检查、
    行政强制措施" → ([G1, G2], [(行政处罚权, 部分行政处罚权), (行政检查权, None), (行政强制权, None)]);
    None when the object does not open with the bodies that own the powers."""
    inside = [b for b in bodies if start <= b.start and b.end <= end]
    if not inside or text[start : inside[0].start].strip():
        return None
    owners = _together(text, inside)
    tail = _OWNED.match(text, owners[-1].end)
    if tail is None:
        return None
    rest = text[tail.end() : end]
    names = _OWNED_KINDS.findall(rest)
    if not names or not rest.startswith(names[0]):
        return None
    quantity = tail.group("q")
    written = []
    for i, name in enumerate(dict.fromkeys(names)):
        label = ENFORCEMENT_NAMES[name]
        if i == 0 and quantity and quantity.endswith("项"):  # "86项行政处罚事项": a count names no matter
            noun = re.match(rf"{name}(?:权|事项|职权|职责|职能)?", rest)
            written.append((label, noun.group() if noun else label))
        elif i == 0 and not quantity and rest.startswith(name + "事项"):  # "…的行政执法事项": the items as written
            written.append((label, name + "事项"))
        elif i == 0 and not quantity:  # "…的执法事项", "G1、G2的行政处罚权": the power as written (G4)
            noun = re.match(rf"{name}(?:权|事项|职权|职责|职能)?", rest)
            written.append((label, noun.group()))
        else:
            written.append((label, f"{quantity}{label}" if i == 0 and quantity else None))
    return owners, written


# what opens a clause before its object: when ("自2020年1月1日起，") and on what authority
# ("根据《…》，", "按照省政府要求，"), in any order
# the verb that states a move as a goal, before what moves: "实现执法事项统一划转至R", "推动M下放至R"
GOAL_VERB = r"(?:实现|推动|推进|确保|力争)(?=[\u4e00-\u9fff]{2})"
_LEADING_ADVERBIALS = re.compile(
    r"^(?:(?:明确|规定|决定|要求)?(?:自|从)[^，,。；;]{2,20}?(?:起|开始)[，,]?|(?:根据|依据|依照|按照)[^，,。；;]{1,80}?[，,]"
    # a news item's opening, and the act it reports: "日前，某区印发《…》，明确…"
    r"|(?:日前|近日|近期|目前|此前|今年以来|同时|此外|另外)[，,]"
    # the answer of a question and answer ("问：…？答：…"): its label
    r"|答[:：]"
    # the year an act was done, and whose approval it had: "2018年，经省政府批准，…"
    r"|(?:[12]\d{3}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:以来)?|今年|去年)[，,]"
    r"|经[^，,。；;]{2,20}?(?:批准|同意|研究|决定)[，,]"
    # who may act, as their circumstances allow: "其他市州可结合实际，", "有条件的地方可因地制宜，"
    r"|[^，,。；;]{0,12}?(?:(?:结合|根据|立足|从)(?:本地|当地|各自|自身)?实际(?:情况)?(?:出发)?|因地制宜)[，,]"
    r"|[^，,。；;]{0,20}?(?:印发|出台|发布|召开|审议通过)[^，,。；;]{0,60}?[，,]"
    # the body set up first, then what it takes: "组建市城市管理局，将…整合，由其承担"
    r"|(?:新)?(?:组建|成立|设立)[^，,。；;]{2,30}?[，,]"
    # the goal a move is stated as: "实现执法事项统一划转至R", "推动M下放至R"
    rf"|{GOAL_VERB})+"
)
_OWN_HOLDER = re.compile(r"(?:统一|集中|相对集中|改|调整)?由")
_DISPOSAL = re.compile(r"^[^，,。；;将把]{0,10}?(?:已经|已|要|拟|先行)?[将把]")
_ACT_OBJECT = re.compile(r"对(?P<m>.+?)(?:的违法行为|的行为|违法行为|行为)")
# an act named as a sentence's topic, before 由 (not a condition "…的", nor a clause of its own)
_BARE_ACT_TOPIC = re.compile(r"\s*(?P<m>[\u4e00-\u9fff、]{4,30}?)(?:的?违法行为|的?行为)?(?<!的)")
# "(依法)予以处罚", "依照《某条例》予以处罚": the penalty as a verb after its holder
_PASSIVE_PENALTY = re.compile(
    r"(?:依法)?(?:(?:依照|依据|按照|根据)《[^《》]{1,40}》(?:的?(?:有关)?规定)?)?"
    r"(?:(?:予以|给予|实施|进行|作出)?(?:行政)?处罚|(?:予以|进行|负责)?查处)"
)
_ARTICLE_HEAD = re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+条\s*")


def _passive_frame(text, bodies, state, rules) -> list[dict]:
    """ "G对M的P，由R行使" (the object first, the holder after 由): R holds P over each M; groups
    "G1的P1，G2在D2方面的P2，由R集中行使" each read as one."""
    out = []
    for trig in rules.trigger_re("passive").finditer(text):
        at = DETERMINER.match(text, trig.end()).end()  # "由各镇人民政府行使": each of them
        receiver = next((b for b in bodies if b.start == at), None)
        if receiver is None and text.startswith("其", at):
            # "组建R，将…整合，由其行使": 其 is the body the sentence sets up
            receiver = next((b for b in bodies if b.end <= at and _set_up_or_renamed(text, b)), None)
            receiver = receiver and Body(receiver.text, receiver.sector, at, at + 1)
        if receiver is None:
            continue
        # "由R1(R2)实施": either body, the second in brackets
        either = next(
            (
                b
                for b in bodies
                if b.start == receiver.end + 1 and text[receiver.end] in "(（" and either_body(receiver, b)
            ),
            None,
        )
        after = either.end + 1 if either is not None and text[either.end : either.end + 1] in ")）" else receiver.end
        holders = [receiver, either] if after != receiver.end else [receiver]
        tail = re.match(
            r"(?:依法)?(?:以[^，,。；;]{1,20}?(?:的)?名义)?(?:依法)?(?:统一|集中|相对集中)?(?:行使|实施|承担|负责|履行|承接|接管|办理)(?!的)",
            text[after:],
        )  # "由R(以街道办事处名义)实施": in whose name R acts is no part of who acts; R承接/接管: takes it over
        verbal = _PASSIVE_PENALTY.match(text, receiver.end)
        if tail is None and verbal is None:
            continue
        if tail is not None and _CHANGED_TO.match(text, after + tail.end()):
            continue  # "由G负责调整为由R负责": G held it before (read at R's 由)
        clause_start = max(text.rfind(c, 0, trig.start()) for c in "。；;") + 1
        # "…职责，(自…起)(依法)(明确)(统一)由R承担": the words before 由 that say when and how, not what
        clause = re.sub(
            # "…职能，不再保留，由R承担": the giver stops holding it, between the object and 由
            r"(?:[，,]\s*(?:其|该局|原部门)?不再(?:保留|承担|行使|履行))?"
            # "…，划转后由R实施": once the move is done, R holds it
            r"[，,\s]*(?:同日起|即日起|自[^，,。；;]{2,14}?起|今后|此后|以后|现|(?:划转|调整|移交|下放|赋权|交接)后)?[，,\s]*"
            # ("将M职责整合，由R承担": the verb that gathers the object, then its holder)
            r"(?:已经?|均已?|都已?|也|一律|全部)?(?:依法)?(?:明确|调整为|改为|改|划|转|整合)?(?:统一|集中|相对集中)?[，,\s]*$",
            "",
            _WHERE.sub("", text[clause_start : trig.start()]),
        )
        lead = _LEADING_ADVERBIALS.match(clause)  # "2018年，经省政府批准，…": when and on whose approval
        if lead and lead.end() < len(clause):
            clause_start, clause = clause_start + lead.end(), clause[lead.end() :]
        pointed = clause[_MARKER.match(clause).end() :]  # (past an item's number: "四、上述事项由R实施")
        if rules.back_reference.fullmatch(pointed) or _GRANTED_ITEMS.fullmatch(pointed):
            # "上述事项由R实施", "授权事项由R以自己的名义实施": who holds what the text pointed back to (a
            # restatement after it restates to R), no record of its own
            state.held_back = holders
            continue
        held = _HELD_UNTIL_CHANGED.search(clause) if _CHANGED_TO.search(text, clause_start, trig.start()) else None
        former = held and next(
            (b for b in bodies if (b.start, b.end) == (clause_start + held.start("g"), clause_start + held.end("g"))),
            None,
        )
        if former is not None:  # "M职责，由G负责调整为由R负责": G gives; the object ends before its 由
            clause = clause[: held.start()]
        gave = _gave_first(clause, clause_start, bodies, rules)
        if gave is not None:  # "G下放M等N项P，由R承接": the subject gave what its verb names
            at, giver_by = gave
            clause, clause_start = _COUNT_AT_END.sub("", clause[at:]), clause_start + at
            former = former or giver_by
        powers = [p for p in _power_at(clause, rules) if p[1] == len(clause)] or _bare_power_at_end(clause)
        act = _ACT_OBJECT.fullmatch(_ARTICLE_HEAD.sub("", clause))
        topic_end = trig.start() - 1 if text[trig.start() - 1 : trig.start()] in ("，", ",") else trig.start()
        topic = max(clause_start, *(text.rfind(c, 0, topic_end) + 1 for c in "，,"))
        if act is None and verbal and not any(topic <= b.start < trig.start() for b in bodies):
            # "城市道路范围内的占道经营由R负责查处", "M，由R负责查处": the act as the topic of its clause
            act = _BARE_ACT_TOPIC.fullmatch(text, topic, topic_end)
        if not powers and verbal and act:  # "对M的行为，由R予以处罚": the power is the verb
            rid = rules.rule_id("passive")
            out.extend(
                _record("行政处罚权", m, None, None, holder, rid, rules)
                for holder in holders
                for m in split_acts(act.group("m"), rules.scope_sectors)
            )
            continue
        if not powers or LIST_HEADER_OBJECT.search(clause):
            continue  # ("G的下列P，由R行使：": a list's lead-in, whose items the list frame reads)
        last = powers[-1]
        if gave is not None and (not last[0] or LEVEL_ALONE.fullmatch(clause, 0, last[0])):
            # "G下放县级P 56项，由R实施": the powers of a level, counted, as written
            rid = rules.rule_id("passive")
            records = [_record(last[3], clause, None, None, holder, rid, rules) for holder in holders]
            out.extend(_given_by(r, former) for r in records)
            continue
        for part_start, part in _power_groups(clause, rules):
            for holder in holders:
                found = _passive_object(part, clause_start + part_start, bodies, holder, rules)
                if gave is not None:  # "G下放M监督检查等N项P": each item names its kind by its last words
                    found = [_of_own_kind(r) for r in found]
                out.extend(_given_by(r, former) for r in found)
    return out


def _of_own_kind(record: dict) -> dict:
    """``record`` of items of no one kind (执法职责) with the kind its item names by its last words."""
    if record["power"] != "执法职责" or not record["matter"]:
        return record
    kind, matter = _item_kind(record["matter"], record["power"])
    return dict(record, power=kind, matter=matter)


def _given_by(record: dict, giver: Body | str | None) -> dict:
    """``record`` with ``giver`` as its source where it names none (departments named by their kind,
    as written, of no sector)."""
    if not giver or record["source"] is not None:
        return record
    named = isinstance(giver, Body)
    return dict(record, source=giver.text if named else giver, source_sector=giver.sector if named else None)


# a count closing what a clause moves: "行政处罚事项86项", "…P共计42项"
_COUNT_AT_END = re.compile(rf"(?:共计|共|合计)?{COUNT_OF_MATTERS.pattern}$")
# departments named by their kind as a verb's subject: "区级部门共下放…"
_KIND_GAVE = re.compile(rf"(?P<g>{_LEVEL_DEPARTMENTS}){_GIVER_ADVERBS.pattern}")


def _gave_first(
    clause: str, offset: int, bodies: list[Body], rules: FrameRules
) -> tuple[int, Body | str | None] | None:
    """Where the object of a grant verb opening ``clause`` (at ``offset`` of the sentence) begins, and
    who gave it: "G(共)下放M…" (the body G), "区级部门下放M…" (the departments as written), "下放M…"
    (no one named); None when the clause opens with no such verb, or the verb names its receiver
    ("下放至R"). The holder is named after it: "…，由R承接".

    >>> from kg.ruleset import load_rules
    >>> _gave_first("县级部门共下放行政处罚事项86项", 0, [], load_rules().frames)
    (7, '县级部门')
    >>> _gave_first("将M下放", 0, [], load_rules().frames) is None
    True
    """
    verb = rules.trigger_re("hand_over").search(clause)
    if verb is None or any(b.start == offset + verb.end() for b in bodies):
        return None
    if _GIVER_ADVERBS.fullmatch(clause, 0, verb.start()):
        return verb.end(), None
    giver = next(
        (b for b in bodies if b.start == offset and _GIVER_ADVERBS.fullmatch(clause, b.end - offset, verb.start())),
        None,
    )
    if giver is not None:
        return verb.end(), giver
    kind = _KIND_GAVE.fullmatch(clause, 0, verb.start())
    return (verb.end(), kind.group("g")) if kind else None


# "由G负责调整为由R负责", "由G承担改为R承担": the holder before a change, then the one after it
_CHANGED_TO = re.compile(r"(?:调整为|改为|变更为)由?|(?:调整|改)由")  # (not 改造, 调整优化: the work itself)
_HELD_UNTIL_CHANGED = re.compile(r"[，,]?\s*由(?P<g>[^，,。；;由]{2,30}?)(?:负责|行使|承担|实施|履行)?$")


_BUNDLE_OPENER = re.compile(r"(?:以及|及|和|并)?(?:与之|与其|与此)?(?:相关|有关|相应)")


# "…，在实行相对集中行政处罚权的区域，由R实施": where the holder holds it, not what it holds
_WHERE = re.compile(r"[，,]\s*在[^，,。；;]{2,40}?(?:区域|地区|范围内|范围)[，,]?\s*$")
_BARE_AT_END = re.compile(rf"(?:{BARE_POWER})$|(?<=的)(?:查处|处罚)$")


def _bare_power_at_end(clause: str) -> list[tuple[int, int, str, str]]:
    """A power named bare at a clause's end ("…实施的行政处罚", "对M的查处"), as ``_power_at`` gives one."""
    m = _BARE_AT_END.search(clause)
    return [(m.start(), m.end(), m.group(), ENFORCEMENT_NAMES.get(m.group(), "行政处罚权"))] if m else []


# between two groups of powers (kept by split): "G1的P1，G2的P2", "G1的M1P1、G2的M2P2"
_GROUP_SEPARATOR = re.compile(r"([,，]\s*(?:以及)?|以及|、)")


def _power_groups(clause: str, rules: FrameRules) -> list[tuple[int, str]]:
    """The objects of one passive verb: "G1的P1，G2在D方面的P2" (or "G1的M1P1、G2的M2P2") → each part
    that ends in a power noun (offset, text), when every part does; else the clause whole."""
    parts, at = [], 0
    for piece in _GROUP_SEPARATOR.split(clause):
        # after 、 a group of its own only names its own matter before its power ("…P1、G2的M2P2"), after
        # a part that ends in its power; else the list is one group ("M1、M2的P", "M的P1、P2")
        listed = (
            bool(parts)
            and clause.endswith("、", 0, at)
            and not (
                any(p[1] == len(parts[-1][1]) for p in _power_at(parts[-1][1], rules))
                and any(p[0] > 0 for p in _power_at(piece, rules))
            )
        )
        if parts and (_BUNDLE_OPENER.match(piece) or listed):
            # "，以及与之相关的P2": bundled with the part before; "M1、M2的P", "M的P1、P2": one group
            parts[-1] = (parts[-1][0], clause[parts[-1][0] : at + len(piece)])
        elif not _GROUP_SEPARATOR.fullmatch(piece):
            parts.append((at, piece))
        at += len(piece)
    ends = [
        any(p[1] == len(piece) for p in _power_at(piece, rules)) or bool(_BARE_AT_END.search(piece))
        for _, piece in parts
    ]
    return parts if len(parts) > 1 and all(ends) else [(0, clause)]


def _passive_object(clause: str, clause_start: int, bodies, receiver: Body, rules: FrameRules) -> list[dict]:
    """The records of one object of "…，由R行使": ``clause`` ends in its power noun."""
    out = []
    powers = [p for p in _power_at(clause, rules) if p[1] == len(clause)] or _bare_power_at_end(clause)
    power, labels = _bundle(clause, powers[-1], rules)
    head = _LEADING_ADVERBIALS.sub("", _ARTICLE_HEAD.sub("", clause[: power[0]]))  # when and why, not what
    disposal = _DISPOSAL.match(head)  # "我市已将M的P，集中由R行使": the object is what 将 takes
    if disposal:
        head = head[disposal.end() :]
    offset = clause_start + (len(clause[: power[0]]) - len(head))
    local = [b.shifted(offset) for b in bodies if b.start >= offset]
    held = _HELD_BY.search(head)
    holders = [b for b in local if held and held.start("g") <= b.start and b.end <= held.end("g")]
    rid = rules.rule_id("passive")
    moved = EARLIER_AT.match(head)
    verb = rules.move_verbs.match(head, moved.end() if moved else 0)
    if verb and head.endswith("的") and len(head) - verb.end() <= _RELATIVE_RECEIVER_MAX:
        return []  # "下放至乡镇的行政执法事项，由乡镇人民政府…行使": the grant restated, recorded where made
    if _LISTED_HEAD.fullmatch(head):  # "目录所列行政执法事项由R实施": the items a catalogue lists, as written
        return [_record(label, power[2], None, None, receiver, rid, rules) for label in labels]
    if holders:  # "(…的地区，)本条例规定由G行使的P，由R行使": all G's powers of the act, no matter named
        return [_record(label, None, None, holders[0], receiver, rid, rules) for label in labels]
    back = _HELD_BEFORE.search(head)
    if back:
        # "已由其他行政机关行使的前条规定的P，由R行使": the powers just listed, restated with who held
        # them before (a body, or as written): one record, matter null (conventions G2)
        giver = next((b for b in local if back.start("g") <= b.start and b.end <= back.end("g")), None)
        records = [_record(label, None, None, giver, receiver, rid, rules) for label in labels]
        return [dict(r, source=r["source"] or back.group("g")) for r in records]
    ph = parse_object(re.sub(r"的$", "", head), local, rules.scope_sectors)
    if ph.giver is not None and not ph.matters and not ph.domain:
        # "甲、乙、丙等部门的行政处罚权…由R行使": each department gives its power, as written
        written = f"{ph.scope or ''}{power[2]}"
        return [_record(power[3], written, None, giver, receiver, rid, rules) for giver in ph.giver.each_sector()]
    # "G1、G2等部门在D领域的部分P": each department gives its share of the field's powers (but
    # "甲、乙部门承担的M1、M2": which gave which is not said; the givers stay as written)
    givers = ph.giver.each_sector() if ph.giver is not None and ph.domain and not ph.matters else [ph.giver]
    # "D1、D2方面的部分P": several fields, each its own record (matter = domain = the field)
    pairs = (
        [(m, ph.domain) for m in ph.matters] or [(f, f) for f in ph.fields] or [(ph.field, ph.domain)] * bool(ph.domain)
    )
    for label in labels:
        for matter, domain in pairs:
            for giver in givers:
                out.append(_record(label, matter, domain, giver, receiver, rid, rules, scope=ph.scope))
    return out


# "已由G行使的前条规定的(P)", "原由G实施的上述(P)": powers named by a back-reference, with who held them
_HELD_BEFORE = re.compile(
    r"(?:已经?|原来?)由(?P<g>[^,，的]{2,20}?)(?:行使|实施|承担)的(?:上述|前述|以上|前[款条项]规定的|本\w{1,3}规定的)$"
)
# "本条例规定由城市绿化主管部门行使的(P)": the powers an act gives a body, as the object of a move
_HELD_BY = re.compile(
    r"(?:^|[,，])(?:本\w{1,4}规定的?|依法|法律、?法规规定的?)?(?:原)?由(?P<g>[^,，]{2,30}?)(?:行使|实施|承担)的?$"
)


def _bundle(clause: str, last: tuple, rules: FrameRules) -> tuple[tuple, list[str]]:
    """The first power of a bundle that ends with ``last`` and the labels of all its powers
    ("M的行政处罚权，以及与之相关的行政检查、行政强制权": 行政处罚权, 行政检查权, 行政强制权);
    ``last`` alone when the powers before it are no bundle."""
    powers = _power_at(clause, rules)
    if not powers or powers[-1][1] != last[1]:  # a power named bare at the end ("…实施的行政处罚")
        return last, [last[3]]
    labels = [powers[0][3]]
    for a, b in zip(powers, powers[1:]):
        joined = BUNDLED.fullmatch(clause[a[1] : b[0]].strip())
        if joined is None:
            return last, [last[3]]
        labels += [ENFORCEMENT_NAMES[n] for n in re.findall(BARE_POWER, joined.group("bare") or "")]
        if b[2] not in _BARE_DUTIES:  # "M的执法职责，相关职责由R承担": the same duties again, no power of their own
            labels.append(b[3])
    return powers[0], list(dict.fromkeys(labels))


_BARE_DUTIES = ("职责", "职权", "职能")  # a power noun naming no kind of power


def _catalogue_frame(text, bodies, state, rules) -> list[dict]:
    """ "行政许可类包括A审批；B审批等": catalogue items granted to the last grant's receivers."""
    if not state.grantee:
        return []
    rid = rules.rule_id("catalogue")
    out = []
    for m in re.finditer(r"(?P<kind>行政许可|行政处罚|行政强制|行政检查)类(?:事项)?包括(?P<items>[^。]+)", text):
        items = re.split(r"[;；]", re.sub(r"等$", "", m.group("items").strip()))
        for item in items:
            item = re.sub(r"等$", "", item.strip())
            for label, matter, domain, _g, scope in _items_phrase(item, [], rules, "catalogue"):
                sector = scope_sector(matter, rules) or scope_sector(item, rules)
                for r in state.grantee:
                    rec = _record(label, matter, domain, None, r, rid, rules, scope=scope)
                    rec["source_sector"] = rec["source_sector"] or sector
                    out.append(rec)
    return out


# a subject that holds what its clause names: "R负责…", "R承担…", "R集中行使…"
_HOLDS_AHEAD = re.compile(r"(?:依法|统一|集中|相对集中)*(?:负责|承担|行使)")


def _accompany_frame(text, bodies, state, rules) -> list[dict]:
    """ "上述…划转后，与之相关的P2和P3一并划转": the previous transfers again, with each power named."""
    trig = rules.trigger_re("accompany").search(text)
    if not trig:
        return []
    head = text[: trig.start()]
    cut = max(head.rfind("，"), head.rfind(","))
    powers = _power_at(head[cut + 1 :], rules)
    subject = bodies[0] if bodies and bodies[0].end <= cut and _HOLDS_AHEAD.match(text, bodies[0].end) else None
    if powers and subject is not None and not any(b.start >= trig.end() for b in bodies):
        # "R负责…工作，原由G承担的M职责一并划入": what G held goes to the sentence's subject
        ph = parse_object(head[cut + 1 : cut + 1 + powers[-1][0]], bodies, rules.scope_sectors)
        rid = rules.rule_id("accompany")
        return [
            _record(powers[-1][3], m, ph.domain, ph.giver, subject, rid, rules, scope=ph.scope)
            for m, _domain in _granted(ph, powers[-1][2])
        ]
    if not state.last:
        return []
    out = []
    # "行政检查、行政强制措施等相关职权一并划转": each kind the series lists
    labels = [label for p in powers for label in [k for k, _ in series_powers(p[2], rules)] or [p[3]]]
    for label in dict.fromkeys(labels):
        if label not in _ENFORCEMENT:
            continue
        for prev in state.last:
            if prev["power"] == label:
                continue
            rec = dict(prev, power=label, rule=rules.rule_id("accompany"))
            out.append(rec)
    return out


# "将（2021年/已/原）下放至G的M收回，由R行使": the holder a move made before gives the powers back
# how the holder got what is taken back: a move before ("已下放至G的"), or its holding as of old ("原由G行使的")
_GIVEN_BEFORE = re.compile(rf"{EARLIER}?(?:下放|交由|委托|赋予|划转|移交)(?:至|到|给)?各?$|原由?$")
# the receiver after 收回: joined by a word, or at once ("收回R行使")
_BACK_TO = re.compile(r"(?:[，,]?\s*(?:统一)?(?:交由|改由|由|至|到|给))?")


_HELD_AS = re.compile(r"(?:实施|行使|承担)?的")


def _take_back_frame(text, bodies, state, rules) -> list[dict]:
    """ "将下放至G的M收回，由R行使", "将已委托G实施的M收回至R": G, which a move made before gave M,
    gives it back to R."""
    out = []
    for trig in rules.trigger_re("take_back").finditer(text):
        jiang = text.rfind("将", 0, trig.start())
        by = _BACK_TO.match(text, trig.end())
        if jiang < 0 or by is None:
            continue
        receiver = next((b for b in bodies if b.start == by.end()), None)
        holder = next((b for b in bodies if jiang < b.start and b.end < trig.start()), None)
        if receiver is None or holder is None or not _GIVEN_BEFORE.search(text, jiang + 1, holder.start):
            continue
        held = _HELD_AS.match(text, holder.end)
        if held is None:
            continue
        obj = text[held.end() : trig.start()]
        powers = _power_at(obj, rules)
        label = powers[-1][3] if powers else "执法职责"
        ph = parse_object(obj[: powers[-1][0]] if powers else re.sub(r"事项$", "", obj), [], rules.scope_sectors)
        for matter, domain in _granted(ph, powers[-1][2] if powers and (ph.scope or ph.matters) else None):
            out.append(
                _record(label, matter, domain, holder, receiver, rules.rule_id("take_back"), rules, scope=ph.scope)
            )
    return out


# "该项处罚权(已)调整由…", "上述职责划转至…": an object that is only a word pointing to what the
# sentence before gave, before the verb that moves it on
_MOVED_ON_OBJECT = re.compile(
    r"(?:该项|此项|这项|该|此|上述|前述|以上)(?:[\u4e00-\u9fff]{0,6}?(?:权|职责|职能|事项|工作|权力|权限))?"
    r"(?:已经?|均已?|也|现|随之|后来|依法|统一|一并|整体)*"
)


def _moved_on_frame(text, bodies, state, rules) -> list[dict]:
    """ "M的P由A负责。…该项P调整由B行使": what the sentence before gave A moves on from A to B (each
    record of it, its power, matter and field kept); nothing when that sentence was an item of a list
    (上述 then points to the whole list, which its lead-in moves) or gave B itself."""
    out = []
    rid = rules.rule_id("moved_on")
    for trig in rules.trigger_re("moved_on").finditer(text):
        opening = _clause_opening(text, trig.start())
        if not _MOVED_ON_OBJECT.fullmatch(text, opening, trig.start()):
            continue
        at = DETERMINER.match(text, trig.end()).end()
        receiver = next((b for b in bodies if b.start == at), None)
        if receiver is None:
            continue
        before = max(text.rfind(c, 0, opening) for c in "，,；;")
        if before > 0 and _power_at(text[:before], rules):
            # "G不再承担M的P，该项P交由R承担": the clause before, in the same sentence, names what moves
            out.extend(_stopped_before(text, before, bodies, receiver, rid, rules))
            continue
        if state.list_open:
            continue
        for prev in state.last:
            if prev.get("target") and prev["target"] != receiver.text:
                holder = Body(prev["target"], prev.get("target_sector"))
                out.append(_record(prev["power"], prev.get("matter"), prev.get("domain"), holder, receiver, rid, rules))
    return out


def _stopped_before(text, end, bodies, receiver, rid, rules) -> list[dict]:
    """The records of "G不再承担M的P" (the clause of ``text`` ending at ``end``) given on to ``receiver``."""
    start = _clause_opening(text, end)
    clause = text[start:end]
    powers = _power_at(clause, rules)
    if not powers or powers[-1][1] != len(clause) or not re.search(_STOPS_HOLDING, clause):
        return []
    inside = [b.shifted(start) for b in bodies if start <= b.start and b.end <= end]
    ph = parse_object(clause[: powers[-1][0]], inside, rules.scope_sectors)
    if ph.giver is None:
        return []
    return [_record(powers[-1][3], m, ph.domain, ph.giver, receiver, rid, rules) for m in ph.matters or [None]]


# "此次调整还包括…", "本次下放的事项同时包括…": what follows is more of the move just stated
_MORE_OF_THE_MOVE = re.compile(r"(?:此次|本次|这次|同时|另外|此外)[^，,。；;]{0,8}?$")


def _include_more_frame(text, bodies, state, rules) -> list[dict]:
    """ "此次移交还包括原由G行使的M的P": more powers of the move the sentence before stated, to its
    receivers; a giver named in the clause gives them, else the move's own giver."""
    trig = rules.trigger_re("include_more").search(text)
    if not trig or not state.last or not _MORE_OF_THE_MOVE.search(text, 0, trig.start()):
        return []
    receivers: dict[tuple, Body] = {}
    for prev in state.last:
        if prev.get("target"):
            receivers.setdefault(
                (prev["target"], prev.get("target_sector")), Body(prev["target"], prev.get("target_sector"))
            )
    if not receivers:
        return []
    rest = text[trig.end() :]
    givers = [b.shifted(trig.end()) for b in bodies if b.start >= trig.end()]
    rid = rules.rule_id("include_more")
    former = {prev.get("source") for prev in state.last}
    out = []
    for label, matter, domain, giver, scope in _items_phrase(rest, givers, rules, "include_more"):
        if giver is None and len(former) == 1 and None not in former:
            giver = next(Body(p["source"], p.get("source_sector")) for p in state.last)
        for r in receivers.values():
            out.append(_record(label, matter, domain, giver, r, rid, rules, scope=scope))
    return out


# "行政处罚以及与之相关的行政检查和行政强制措施": enforcement powers named without 权, coordinated
ENFORCEMENT_NAMES = {
    "行政执法": "行政执法权",
    "行政处罚": "行政处罚权",
    "行政检查": "行政检查权",
    "行政强制措施": "行政强制权",
    "行政强制": "行政强制权",
    "行政许可": "行政许可权",
    "行政审批": "行政许可权",
    "执法事项": "执法职责",  # "G1、G2等5个部门的63项执法事项": enforcement items of any kind
    "执法职责": "执法职责",  # "G承担的执法职责": the duty of enforcing, whole
}
# the kinds of power an owned object names first ("G的部分行政处罚权", "G等部门的行政审批事项")
_OWNED_KINDS = re.compile("|".join(sorted(ENFORCEMENT_NAMES, key=len, reverse=True)))
_POWER_SERIES = re.compile(
    r"(?P<first>行政处罚|行政检查|行政强制措施|行政强制)权?"
    # ("…行政处罚权，以及与之相关的行政检查、行政强制措施": a bundle after a comma too)
    r"(?P<rest>(?:(?:[，,]?(?:以及|及|并)|和|、|与)(?:与之|与此)?(?:相关|有关)?的?(?:行政处罚|行政检查|行政强制措施|行政强制)权?)*)"
    r"(?![\u4e00-\u9fff]*(?:法|决定|案件|程序))"
)


# "原由甲局行使的…", "由乙局负责的…": a relative clause naming the former holder
_OF_FORMER_HOLDER = re.compile(r"(?:原由|原来由|由)[^,，;；。]{2,40}$")


def _exercise_frame(text, bodies, state, rules) -> list[dict]:
    """ "由R行使M的行政处罚以及与之相关的行政检查和行政强制措施": R holds each enforcement power over M."""
    out = []
    if text.rstrip().endswith((":", "：")):
        return []  # a list's lead-in ("…集中行使城市管理领域6个方面的行政处罚权:"): the list frame reads it
    subject = None  # the receiver of the clause before: "R集中行使M1的P；集中行使M2的P" shares it
    for trig in rules.trigger_re("exercise").finditer(text):
        if text.startswith("的", trig.end()):
            continue  # "(原由)甲局行使的P…": whose the powers are or were, a modifier, not who now holds them
        if _CLAUSE_STOP.match(text, trig.end()):
            continue  # "将M交由R集中行使，…": the verb closes its clause, with no object after it
        before = [
            b
            for b in bodies
            if b.end <= trig.start()
            and _EXERCISER_GAP.fullmatch(text, b.end, trig.start())
            or (  # "组建R，集中行使…": the body set up is the subject of the clause after it
                re.fullmatch(r"[，,](?:依法|可以|统一|集中|相对集中)*", text[b.end : trig.start()])
                and _set_up_or_renamed(text, b)
            )
        ]
        if not before and subject is not None and _SUBJECT_LEFT_OUT.search(text, 0, trig.start()):
            before = [subject]
        if not before:
            continue
        receiver = subject = before[-1]
        if _GRANTS_TO.search(text, 0, receiver.start):
            continue  # "授权R以自己的名义行使…": the grant's receiver, read by the grant (hand_over)
        owned = _OWNED_ENFORCEMENT.match(text, trig.end())
        if owned:  # "乡镇人民政府、街道办事处可以行使县级人民政府有关部门的部分行政执法权": each exercises G's
            giver = next((b for b in bodies if b.start == owned.start("g") and b.end == owned.end("g")), None)
            matter = (owned.group("q") or "") + owned.group("p")
            rid = rules.rule_id("exercise")
            for r in _together(text, [b for b in bodies if b.end <= receiver.end], backward=True):
                rec = _record(rules.power_labels[owned.group("p")], matter, None, giver, r, rid, rules)
                rec["source"] = rec["source"] or owned.group("g")
                out.append(rec)
            continue
        end = _clause_end(text, trig.end())
        bundled = _BUNDLED_AFTER.match(text, end)  # "…的部分P，以及与之相关的P2、P3": one object, bundled
        end = _clause_end(text, bundled.end()) if bundled else end
        # "由乡镇人民政府、街道办事处(以自己的名义)行使…": each body named together holds what follows
        together = _together(text, [b for b in bodies if b.end <= receiver.end], backward=True)
        whose = _owned_powers(text, trig.end(), end, bodies)
        if whose:  # "R集中行使G1、G2等26个部门的行政许可事项": what each of them held
            out.extend(_owned_records(whose, together, rules.rule_id("exercise"), rules))
            continue
        former, givers = _former_holders(text, trig.end(), bodies)
        if givers:
            # "R集中行使原属G1、G2的(部分)P": what each of them held
            matter = (former.group("q") or "") + former.group("p")
            rid = rules.rule_id("exercise")
            label = rules.power_labels[former.group("p")]
            out.extend(
                _record(label, matter, None, one, r, rid, rules)
                for g in givers
                for one in g.each_sector()  # ("县水利、林业等部门": each sector's department gives)
                for r in together
            )
            continue
        if TIED_TO_OWN.match(text, trig.end()):
            continue  # "R可以行使与其行政处罚权相关的行政检查权…": powers tied to those it was given (G3), no move
        held = _held_parts(text, trig.end(), bodies, receiver, rules)
        if held:  # "R集中行使原由G1承担的M1P、原由G2承担的M2P": each former holder gives its own
            out.extend(held)
            continue
        gap = _EXERCISER_GAP.fullmatch(text, receiver.end, trig.start())
        if gap and gap.group("base") and _power_at(gap.group("base"), rules):
            # "R在D领域的全部P基础上，集中行使…": what R holds already is R's too, as the template states it
            out.extend(r for one in together for r in _exercised(gap.group("base"), one, text, bodies, rules))
        for clause in _shared_verb_groups(text[trig.end() :], bodies):
            for one in together:
                out.extend(_exercised(clause, one, text, bodies, rules))
    return out


# the powers bundled with an object, after a comma: "…的部分P，以及与之相关的行政检查、行政强制措施权"
_BUNDLED_AFTER = re.compile(r"[,，]\s*(?:以及|及|和)与之相关的")
# a clause of its own whose subject is left out: "…；(并)集中行使…" (the subject of the clause before)
_SUBJECT_LEFT_OUT = re.compile(r"[;；]\s*(?:并|同时|还|另)?(?:依法|可以|统一|集中|相对集中)*$")


# "R可以在D1、D2等领域开展综合行政执法": the kind of enforcement a body carries out in the fields named
_ENFORCE_IN_FIELDS = re.compile(
    r"(?:依法|可以|统一|逐步|全面)*在(?P<f>[^，,。；;在]{2,80}?)(?:等)?(?:\d+个|[一二三四五六七八九十]+个)?(?:领域|方面|行业)"
    r"(?:内)?(?:依法|统一|全面)*(?:开展|实行|推行|实施)(?:了)?(?P<kind>相对集中行政处罚(?:权)?|综合(?:行政)?执法|集中执法)"
)


def _fields_frame(text, bodies, state, rules) -> list[dict]:
    """ "R(可以)在D1、D2等领域开展综合行政执法": R enforces in each field named. A subject that is no
    body (我省, 各地) or a government (which organises the work) moves nothing."""
    out, rid = [], rules.rule_id("fields")
    for trig in rules.trigger_re("fields").finditer(text):
        clause_start = max(text.rfind(c, 0, trig.start()) for c in "，,；;。：:") + 1
        m = _ENFORCE_IN_FIELDS.search(text, clause_start, _clause_end(text, trig.end()))
        if m is None or m.start("kind") - trig.end() not in (0, 1):
            continue
        subject = [b for b in bodies if b.end <= m.start() and _EXERCISER_GAP.fullmatch(text, b.end, m.start())]
        if not subject or subject[-1].sector in DECIDING_SECTORS:
            continue  # (a government "在D领域开展相对集中行政处罚权工作" organises it, enforces nothing)
        ph = parse_object(m.group("f") + "等领域", bodies, rules.scope_sectors)
        fields = ph.fields or ([ph.domain] if ph.domain else [])
        # (相对集中行政处罚 concentrates penalties; 综合(行政)执法 and 集中执法 every kind of enforcement)
        label = "行政处罚权" if m.group("kind").startswith("相对集中") else "行政执法权"
        for receiver in _together(text, [b for b in bodies if b.end <= subject[-1].end], backward=True):
            out.extend(_record(label, f, f, None, receiver, rid, rules) for f in fields)
    return out


# an object that is only the powers tied to the holder's own: "与其(行政处罚权)相关的行政检查权、行政强制措施权"
# (a permissive grant tied to powers given elsewhere: conventions G3, no transfer of its own)
TIED_TO_OWN = re.compile(r"(?:依法)?与(?:其|之)(?:[^，,。；;]{0,12}?)?(?:相关|有关|相应|相配套)的(?:行政检查|行政强制)")


_GRANTS_TO = re.compile(r"(?:授权|赋予|授予)(?:各|全[省市县区])?$")
# one part of an object naming who held its power: "原由G承担的M" (before the power noun)
_HELD_PART = re.compile(
    r"(?:[、，,]?(?:以及|及|和|与)?)(?:原由?|由)(?P<g>[^，,。；;的]{2,30}?)(?:行使|承担|负责|实施)的(?P<m>[^，,。；;]{2,40})"
)


# "R负责M（原由G负责）": what the subject is charged with, then a remark in brackets naming the body that
# held it before ("(原由G承担)", "(原属G)", "(原G职责)")
_FORMER_REMARK = re.compile(
    r"(?:主要|具体|依法|统一|集中)*(?:负责|承担|履行|行使)(?P<m>[^()（）。；;]{2,60}?)"
    r"[(（]原(?:由|属|为)?(?P<g>[^()（）]{2,30}?)(?:负责|承担|行使|实施|履行|管理)?的?(?:职责|职能)?[)）]"
)


# a kind of power named bare closing what a body is charged with: "城市绿化的行政执法"
_KIND_CLOSING = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}})的?(?P<kind>{alternation(ENFORCEMENT_NAMES)})$")


def _former_remark_frame(text, bodies, state, rules) -> list[dict]:
    """ "R负责M（原由G负责）": G held M, now R's; M's power as written (a power noun, a verbal power),
    else the duty of the function M names."""
    out, rid = [], rules.rule_id("former_remark")
    for m in _FORMER_REMARK.finditer(text):
        receiver = next((b for b in with_units(bodies) if b.end == m.start()), None)
        givers = with_units([b for b in bodies if m.start("g") <= b.start and b.end <= m.end("g")])
        if receiver is None or not givers:
            continue  # (a remark naming no body, "(原名…)", moves nothing)
        obj = m.group("m")
        phrases = _items_phrase(obj, [], rules, "verbal")
        kind = None if phrases else _KIND_CLOSING.search(obj)
        if kind:  # "负责城市绿化的行政执法(原由G负责)": the kind of power named bare, over what precedes it
            phrases = [(ENFORCEMENT_NAMES[kind.group("kind")], obj[: kind.start()], None, None, None)]
        if not phrases:  # "负责城市绿化的监督管理(原由G负责)": the function, whole, is the duty
            phrases = [(rules.power_labels.get("职责", "管理职责"), obj, None, None, None)]
        for label, matter, domain, _giver, scope in phrases:
            out.append(_record(label, matter, domain, givers[0], receiver, rid, rules, scope=scope))
    return out


# "明确R为D1、D2领域行政处罚的执法主体", "由R作为M的实施主体": R is named the holder of the power over what is
# named; the object reads back from the role word (the trigger) to 为/作为/是, the holder stands before that
_DESIGNATED = re.compile(r"(?:作为|为|是)(?P<obj>[^，,；;。：:]*?)的?$")
_DESIGNATES = re.compile(r"(?:明确|确定|指定|确认|由|以)(?:各)?$")  # before the holder: who names it is not written


def _designate_frame(text, bodies, state, rules) -> list[dict]:
    """ "明确R为D1、D2领域P的执法主体": R holds P over each field or matter named, its giver unwritten; the
    kind of power may stand bare at the object's end ("…领域行政处罚"). An object naming no power moves
    nothing ("明确R为执法主体")."""
    out, rid = [], rules.rule_id("designate")
    for trig in rules.trigger_re("designate").finditer(text):
        clause_start = max(text.rfind(c, 0, trig.start()) for c in "，,；;。：:") + 1
        m = _DESIGNATED.search(text, clause_start, trig.start())
        holders = [b for b in bodies if clause_start <= b.start and m and b.end <= m.start()]
        if m is None or not holders or not _DESIGNATES.search(text, clause_start, holders[0].start):
            continue
        if text[holders[-1].end : m.start()].strip("依法 "):
            continue  # the body is no holder named by the verb ("明确R负责的M为…")
        obj = _SCOPE_OPENING.sub("", m.group("obj"))
        phrases = _items_phrase(obj, [], rules, "verbal")
        kind = None if phrases else _KIND_CLOSING.search(obj) or _ITEM_PENALTY.search(obj)
        if kind:  # "D1、D2领域行政处罚", "M的查处": the kind of power, over each field or matter before it
            ph = parse_object(obj[: kind.start()], [], rules.scope_sectors)
            label = ENFORCEMENT_NAMES[kind.group("kind")] if kind.re is _KIND_CLOSING else "行政处罚权"
            fields = ph.fields or ([ph.domain] if ph.domain else [])
            phrases = [(label, f, f, None, None) for f in fields] or [
                (label, mt, ph.domain, None, ph.scope) for mt in ph.matters or [obj[: kind.start()]]
            ]
        for receiver in _together(text, holders, backward=True):
            out.extend(_record(label, mt, d, None, receiver, rid, rules, scope=sc) for label, mt, d, _, sc in phrases)
    return out


# where the power is held, opening an object: "县域内", "全区", "本辖区内"
_SCOPE_OPENING = re.compile(rf"^(?:全[省市县区镇乡]|本?(?:辖区|行政区域|县域|市域)(?:范围)?内?|{_AREA})的?")


def _held_parts(text: str, start: int, bodies: list[Body], receiver: Body, rules: FrameRules) -> list[dict]:
    """The records of an object whose parts each name the body that held their power ("原由G承担的MP",
    "原由G1行使的M1P1和原由G2行使的M2P2"); none unless every part before a power does."""
    end = start + len(re.split(r"[;；。]", text[start:], maxsplit=1)[0])
    powers = [p for p in _power_at(text[start:end], rules)]
    if not powers:
        return []
    out, at = [], start
    for p in powers:
        held = _HELD_PART.fullmatch(text, at, start + p[0])
        giver = next((b for b in bodies if held and (b.start, b.end) == held.span("g")), None)
        if giver is None:
            return []
        ph = parse_object(held.group("m"), [], rules.scope_sectors)
        for matter in ph.matters or [held.group("m")]:
            out.append(_record(p[3], matter, ph.domain, giver, receiver, rules.rule_id("exercise"), rules))
        at = start + p[1]
    return out


# "行使原属G1、G2的(部分)P": the powers the bodies named held before
_FORMER_OWNERS = re.compile(
    r"(?:原属于?|原由|原来由)(?P<g>[^的，,。；;]{2,60}?)(?:行使|承担|实施|负责)?的(?P<q>部分|全部)?"
    r"(?P<p>行政处罚权|行政强制权|行政检查权|行政执法权|行政处罚事项|行政执法事项)(?=[，,。；;]|$)"
)
_JOINED_ONLY = re.compile(r"(?:[、和及与]|以及)*")


def _former_holders(text: str, at: int, bodies: list[Body]) -> tuple[re.Match | None, list[Body]]:
    """The powers that bodies held before, named at ``at`` ("原由G1、G2实施的部分P", "原属G1、G2的P"),
    and those bodies; no bodies when anything but bodies and what joins them stands between 原由 and 的."""
    former = _FORMER_OWNERS.match(text, at)
    held = [b for b in bodies if former and former.start("g") <= b.start and b.end <= former.end("g")]
    if held and _JOINED_ONLY.fullmatch(_strip_bodies(former.group("g"), held, former.start("g"))):
        return former, held
    return former, []


def _strip_bodies(text: str, bodies: list[Body], offset: int) -> str:
    """``text`` (at ``offset``) without the bodies in it: what joins them."""
    out, at = [], offset
    for b in sorted(bodies, key=lambda b: b.start):
        out.append(text[at - offset : b.start - offset])
        at = b.end
    out.append(text[at - offset :])
    return "".join(out)


# what stands between a subject and its 行使: adverbs, and the law it acts under ("依照本条例规定，")
# and the powers the subject already holds, on which it takes more ("在D领域的全部P基础上，集中行使…")
_EXERCISER_GAP = re.compile(
    r"[)）]?(?:依法|可以|统一|集中|相对集中)*(?:(?:依照|依据|根据|按照)[^，,。；;]{2,20}?规定[，,]?)?(?:依法|可以|统一|集中|相对集中)*"
    r"(?:在(?P<base>[^，,。；;在]{2,60}?)(?:的)?基础上[，,]?)?(?:依法|可以|统一|集中|相对集中)*"
    r"(?:以[^，,。；;]{0,12}?的?名义)?(?:依法|统一|集中)*"  # "R以自己的名义行使…": in whose name R acts
    r"(?:主要|具体|专门)?"  # "R主要负责M的执法工作": which part of its work
)
# "行使G(有关部门)的部分行政执法权": the whole enforcement powers of a named holder, or their share
_OWNED_ENFORCEMENT = re.compile(
    r"(?P<g>[^的，,。；;]{2,30}?(?:部门|机关|局|委|办|厅))的(?P<q>部分|全部)?(?P<p>行政执法权|行政执法事项)(?=[，,。；;]|$)"
)


def _shared_verb_groups(rest: str, bodies: list[Body]) -> list[str]:
    """The objects one verb governs: its own clause, then each clause after it that is only a domain's
    powers ("行使D1方面M1的P，D2方面M2的P"): no verb, no body of its own."""
    clauses = re.split(r"[,，;；。]", rest)
    out = clauses[:1]
    for c in clauses[1:]:
        if _BUNDLE_OPENER.match(c.strip()):  # "…的P，以及与之相关的P2、P3": the powers bundled with the group's
            out[-1] = f"{out[-1]}，{c}"
            continue
        if not (_POWER_SERIES.search(c) and _DOMAIN_WORD.search(c)) or re.search(r"行使|划|交由|负责|实施|赋予", c):
            break
        if any(b.text in c for b in bodies):
            break
        out.append(_JOINER.sub("", c))  # "…的P1，以及D2方面的P2": the group after its joiner
    return out


_JOINER = re.compile(r"^\s*(?:以及|及|和|并且|并)(?=[\u4e00-\u9fff]{2})")


def _past_description(obj: str, rules: FrameRules) -> str:
    """``obj`` past a description of which powers move that opens it, when it names them after the
    description's 的 ("点多面广、基层管理迫切需要的城市管理领域" → "城市管理领域"); else as it is."""
    found = list(rules.descriptions.finditer(obj))
    if not found:
        return obj
    last = found[-1]
    de = obj.find("的", last.end())
    if de >= 0 and LEVEL_ALONE.fullmatch(obj[de + 1 :]):
        return obj  # "…迫切需要的县级": the level's powers the description picks, one description
    return obj[de + 1 :] if de >= 0 and len(obj) - de - 1 >= 2 else obj


def described(obj: str, rules: FrameRules) -> bool:
    """Whether ``obj``, what stands before a power noun, describes which powers move ("与居民生活密切
    相关且能够有效承接的") rather than naming matters: then it is the matter whole, with its power."""
    # ("…能够有效承接的县级": of a level, described)
    ends = obj.endswith("的") or re.search(rf"的(?:{LEVEL_WORD})$", obj) is not None
    return ends and rules.descriptions.search(obj) is not None


# acts, then the penalty as a noun: "占道经营(行为)的查处(工作)" (not a case: "涉嫌犯罪案件的查处"; "对M的
# 处罚" is the verbal frame's)
_ACTS_PUNISHED = re.compile(
    r"(?:依法)?(?!对)(?P<m>[^，,。；;的]{2,40}?)(?<!案件)(?:的?违法行为|的?行为)?的(?:查处|处罚)(?:工作)?"
)


def _entrusting(text: str, receiver: Body, bodies: list[Body]) -> Body | None:
    """The body that entrusts ``receiver`` ("G(可以)委托R行使…"), or None; "G…，可以委托其所属的R": G,
    the subject."""
    entrusting = _ENTRUSTS_BEFORE.search(text, 0, receiver.start)
    if entrusting is None:
        return None
    giver = next((b for b in bodies if b.end == entrusting.start()), None)
    if giver is None and "其" in entrusting.group():
        giver = next((b for b in bodies if b.end <= entrusting.start()), None)
    return giver


def _exercised(clause, receiver, text, bodies, rules) -> list[dict]:
    """The records of "R行使[clause]": each enforcement power of the clause over its matters."""
    out = []
    powers = _power_at(clause, rules)
    if powers and described(clause[: powers[0][0]], rules):
        # "街道办事处行使与居民生活密切相关、能够有效承接的行政执法权": the description is the matter
        matter = re.sub(r"^(?:依法|相应的?)", "", clause[: powers[0][1]])
        return [_record(powers[0][3], matter, None, None, receiver, rules.rule_id("exercise"), rules)]
    m = _POWER_SERIES.search(clause)
    penalty = _ACTS_PUNISHED.fullmatch(re.split(r"[,，;；。]", clause, maxsplit=1)[0]) if m is None else None
    if penalty:  # "R负责占道经营的查处": the penalty named as a noun after the acts ("G委托R实施…": G gives)
        rid = rules.rule_id("exercise")
        giver = _entrusting(text, receiver, bodies)
        return [
            _record("行政处罚权", act, None, giver, receiver, rid, rules)
            for act in split_acts(penalty.group("m"), rules.scope_sectors)
        ]
    share = _SHARE.match(clause)
    bare = powers and powers[0][0] == share.end() and (m is None or m.start() == share.end())
    giver = _entrusting(text, receiver, bodies) if bare else None
    if giver is not None:  # "G委托R行使(部分)执法职责": what G entrusts of its own powers, as written (G4)
        matter = clause[share.start("q") if share.group("q") else share.end() : powers[0][1]]
        rec = _record(powers[0][3], matter, None, giver, receiver, rules.rule_id("exercise"), rules)
        return [dict(rec, scope=share.group("q"))]
    first = re.split(r"[,，;；。]", clause, maxsplit=1)[0]
    own = [p for p in _power_at(first, rules) if p[1] == len(first) and p[3] in (*_ENFORCEMENT, "执法职责")]
    if (
        m is None
        and own
        and own[-1][0] > 0
        and first[: own[-1][0]].endswith("的")
        and not rules.back_reference.search(first, 0, own[-1][0])
        and not GRANTED_ELSEWHERE.search(first[: own[-1][0]])  # "行使县人民政府赋予的P": granted elsewhere
    ):
        # "R负责M的行政执法工作": the work (or duty) of enforcing over M, named as a noun
        ph = parse_object(first[: own[-1][0]], bodies, rules.scope_sectors)
        rid = rules.rule_id("exercise")
        return [_record(own[-1][3], one, ph.domain, None, receiver, rid, rules) for one in ph.matters]
    if m is None or m.start() == 0:
        return []  # "R行使行政处罚权时…": no matter, no transfer
    if rules.back_reference.search(clause, 0, m.start()):
        return []  # "实施与上述范围内…行政处罚权有关的…": what is stated elsewhere
    if GRANTED_ELSEWHERE.search(clause[: m.start()]):
        return []  # "行使省人民政府决定赋予的行政处罚权": a grant made elsewhere, not by this clause
    ph = parse_object(re.sub(r"^(?:依法|相应的?)", "", clause[: m.start()]), bodies, rules.scope_sectors)
    # "G(可以)委托R行使…": the body that entrusts its power gives it
    ph.giver = ph.giver or _entrusting(text, receiver, bodies)
    # "乡镇(街道)…由综合行政执法大队行使": a team named after the townships it serves is theirs
    owners = [b for b in bodies if b.end <= receiver.start and b.sector == "街道乡镇"]
    if owners and receiver.sector == "城市管理" and re.match(r"^综合(?:行政)?执法", receiver.text):
        receiver = Body(receiver.text, "街道乡镇", receiver.start, receiver.end)
    names = re.findall(r"行政处罚|行政检查|行政强制措施|行政强制", m.group())
    for name in dict.fromkeys(names):
        # "原由甲局行使的部分P" (G4): the share as written; "D领域…的全部P": the field
        # "G1、G2等部门的P": each department's powers, as written
        whole = (
            [f"{ph.scope or ''}{m.group()}"]
            if (ph.scope or ph.giver is not None) and not ph.matters and not ph.domain and not ph.fields
            else []
        )
        field_only = [ph.field] if ph.field else []
        # a share of the powers of several sectors' departments: each department gives its share
        givers = ph.giver.each_sector() if ph.giver is not None and whole else [ph.giver]
        # several fields listed ("城市管理、市场监管等领域的P"): each field its own matter and domain
        pairs = [(f, f) for f in ph.fields] if not ph.matters and not whole and ph.fields else None
        for matter, domain in pairs or [(m, ph.domain) for m in ph.matters or whole or field_only or [None]]:
            label = ENFORCEMENT_NAMES[name]
            for giver in givers:
                rid = rules.rule_id("exercise")
                rec = _record(label, matter, domain, giver, receiver, rid, rules, source_text=ph.giver_text)
                out.append(dict(rec, scope=rec.get("scope") or ph.scope))  # "D方面的全部P": the share
    return out


_SHARE = re.compile(r"(?:依法)?(?P<q>部分|全部)?")
# "行使省人民政府决定赋予的行政处罚权": powers granted by another act, not by this clause
GRANT_VERBS = "赋予|委托|授予|下放|交由"  # the verbs that grant a power to another body
GRANTED_ELSEWHERE = re.compile(rf"(?:{GRANT_VERBS})的$")

# words between a body and the verb by which it takes over powers ("区综合执法局已全面承接…")
_BEFORE_ASSUME = re.compile(
    r"(?:已经|已|可以|应当|应|须|要|依法|将|正式|全面|统一|陆续|逐步|积极|主动|有序|平稳|顺利|全年|年内|今年|累计|共计|共|先后)*"
)
# "按照区委、区政府部署，", "根据《…》规定，": on whose instruction the subject acts, before its verb
_ON_INSTRUCTION = re.compile(
    rf"(?:按照|根据|依据|依照)[^，,。；;]{{1,40}}?(?:部署|要求|规定|安排|决定|精神)[，,]?{_BEFORE_ASSUME.pattern}"
)
# how a sentence opens before the body that is its subject: "日前，", "近日，", "2020年11月，"
# verbs whose subject must stand right before them (or hang its signboard there): "整合" after a body
# that opens the sentence is often what it directs others to do ("G会同G2指导各市、县整合…")
_OWN_SUBJECT_ONLY = frozenset({"整合"})
_OPENS_WITH = re.compile(r"(?:日前|近日|近期|目前|今年以来|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?)?[，,]?")
# "…，承接G2移交的P2": a verb after a comma whose subject is the verb's before it
_SHARED_SUBJECT = re.compile(rf"[，,](?:并|同时|还|又)?{_BEFORE_ASSUME.pattern}$")


_FORMERLY = re.compile(r"(?:了|过)?(?:原由|原来由|原)?")  # 了/过: the verb's aspect


# "R从G1、G2等6个部门(手中)接过…": the givers between 从 and the verb
_FROM_GIVERS = re.compile(rf"从(?P<g>[^，,。；;]+?)(?:{_GIVERS_COUNTED})?(?:手中|处)?{_BEFORE_ASSUME.pattern}$")


# "请县级相关部门及时做好赋权事项移交": departments charged with handing over the items granted
_HAND_OVER_ITEMS = re.compile(
    r"(?P<g>(?:[省市州县区]级|本级)?(?:相关|有关|各)(?:职能)?(?:部门|单位))?(?:要|应|应当|须|必须)?"
    r"(?:及时|认真|切实|全面|依法)*做好(?P<what>[^，,。；;]{0,8}?事项)(?:的)?(?:移交|交接)"
)


def _hand_over_items_frame(text, bodies, state, rules) -> list[dict]:
    """ "请县级相关部门及时做好赋权事项移交": the departments named (or the body just before) hand the
    items granted to the towns this sentence names (a catalogue's title: 《某县乡镇(街道)…事项清单》),
    else to the bodies the document granted to."""
    m = _HAND_OVER_ITEMS.search(text)
    if m is None:
        return []
    giver = next((b for b in bodies if b.end == m.start()), None)
    if giver is None and not m.group("g"):
        return []
    # the towns named before, a cited catalogue's title included ("《某县乡镇(街道)…事项清单》将于…实施")
    written = state.written or text
    towns = [
        Body(written[start:end], sector, start, end)
        for _name, sector, _level, start, end in collective_agencies(written, rules)
        if sector == "街道乡镇" and end <= m.start()
    ]
    receivers = towns[-1:] or state.grantee or state.title_grantees
    rid = rules.rule_id("hand_over_items")
    out = [
        _record("执法职责", m.group("what"), None, giver, r, rid, rules, source_text=m.group("g")) for r in receivers
    ]
    if towns and in_cited_title(written, towns[-1].start):
        for rec in out:
            rec["cited"] = True  # a receiver named only in a cited title: no agency of its own (G10)
    return out


def _assume_frame(text, bodies, state, rules) -> list[dict]:
    """ "R承接G的P", "R承担原G的全部职责", "R已承接G1、G2等7个部门的126项行政处罚事项": R takes over
    what G held (each giver of a counted list gives; a count names no matter); "R从G1、G2等部门接过P"."""
    out: list[dict] = []
    subject, resume = None, 0
    for trig in rules.trigger_re("assume").finditer(text):
        if trig.start() < resume:
            continue
        found, end = _assumed_at(text, trig, bodies, state, rules, subject)
        if found:
            out.extend(found)
            subject = Body(found[0]["target"], found[0]["target_sector"]) if found[0].get("target") else None
            resume = end
    return out


def _assumed_at(text, trig, bodies, state, rules, subject: Body | None) -> tuple[list[dict], int]:
    """The records of one assume verb and where they end; ``subject``: the receiver of the verb
    before, which a verb after a comma shares ("R承接G1移交的P1，承接G2移交的P2")."""
    source = _FROM_GIVERS.search(text, 0, trig.start())
    verb_at = source.start() if source else trig.start()
    receivers = [
        b
        for b in bodies
        if b.end <= verb_at
        and (
            _BEFORE_ASSUME.fullmatch(text, b.end, verb_at)
            # "R按照区委、区政府部署，积极承接…": on whose instruction, then the verb
            or _ON_INSTRUCTION.fullmatch(text, b.end, verb_at)
            # "R加挂X牌子，整合…": R's other name, then its verb
            or _SIGNBOARD_THEN.fullmatch(text, b.end, verb_at)
        )
    ]
    if receivers:  # "乡镇人民政府、街道办事处可以承接…": each body named together as the subject takes over
        receivers = _together(text, [b for b in bodies if b.end <= receivers[-1].end], backward=True)
    if not receivers:
        adverbs = re.search(rf"{_BEFORE_ASSUME.pattern}$", text[:verb_at])  # "该局已从…": the anaphor's end
        receivers = [b for b in [_anaphor_before(text, adverbs.start(), bodies, state, rules)] if b is not None]
    if not receivers and subject is not None and _SHARED_SUBJECT.search(text, 0, verb_at):
        receivers = [subject]
    if not receivers:  # "X更名为R，承担原X的全部职责": the body set up or renamed acts in the clause after
        receivers = [
            b for b in bodies if _SHARED_SUBJECT.fullmatch(text, b.end, verb_at) and _set_up_or_renamed(text, b)
        ][-1:]
    if not receivers and _SHARED_SUBJECT.search(text, 0, verb_at) and trig.group() not in _OWN_SUBJECT_ONLY:
        # "日前，R与G完成执法事项交接，正式接收了…": the body the sentence opens with acts in its clauses
        receivers = [b for b in bodies[:1] if _OPENS_WITH.fullmatch(text, 0, b.start) and b.end < verb_at]
        receivers = [b for b in receivers if not text.startswith("的", b.end) and b.sector not in DECIDING_SECTORS]
    if (
        not receivers
        and state.self_body is not None
        and _BEFORE_ASSUME.fullmatch(text, _MARKER.match(text).end(), verb_at)
    ):
        # "（我局…。）全年共承接G移交的P": a clause with no subject in the text its writer names 我局
        receivers = [state.self_body]
    out, end = [], trig.end()
    for receiver in receivers:
        found, end = _assumed(text, trig, source, receiver, bodies, rules)
        out.extend(found)
    return out, end


def _assumed(text, trig, source, receiver: Body, bodies, rules) -> tuple[list[dict], int]:
    if source:  # "R从G1、G2等6个部门接过了共计86项行政处罚权": each giver gives the powers as written
        givers = _together(
            text, [b for b in bodies if source.start("g") == b.start or source.start("g") < b.start < source.end("g")]
        )
        powers = [p for p in _power_at(text, rules) if p[0] >= trig.end()][:1]
        rid = rules.rule_id("assume")
        return [_record(p[3], p[2], None, g, receiver, rid, rules) for p in powers for g in givers], trig.end()
    out = []
    start = _FORMERLY.match(text, trig.end()).end()  # "承接原由G承担的P": the giver after 原(由)
    while True:
        clause_end = re.search(r"[,，;；。]|$", text[start:]).start() + start
        group, end = _assumed_from(text, start, clause_end, bodies, receiver, rules)
        out.extend(group)
        # "…G1移交的M1等12项P，以及G2移交的M2等5项P": the next giver's group, taken over too
        end = _COUNT_AFTER.match(text, end).end()  # "…行政处罚事项23项，G2…": the group's count closes it
        more = _NEXT_GROUP.match(text, end) if group else None
        if not more:
            return out, end
        start = more.end()


_COUNT_AFTER = re.compile(rf"(?:共计?)?(?:{COUNT_OF_MATTERS.pattern})?")
_NEXT_GROUP = re.compile(r"[,，]?(?:以及|及|和|并)|[,，]")  # (the next group read only if a giver opens it)
# what a giver moved, named by the verb that moved it: "G划转的…", "区有关部门下放的…"
_MOVED_BY_GIVER = re.compile(r"(?:下放|移交|划转|交由|委托|赋予)的")
# "区有关部门下放的", "县直部门移交的": departments named by their level and kind, not one by one
_DEPARTMENTS_BY_KIND = re.compile(
    rf"(?P<g>{_LEVEL_DEPARTMENTS}|(?:有关|相关)(?:职能|行政|业务)?部门){_MOVED_BY_GIVER.pattern}"
)


def _assumed_from(text, start, clause_end, bodies, receiver, rules) -> tuple[list[dict], int]:
    """One giver's group of an assume clause (the body at ``start`` and its powers, before
    ``clause_end``) and where the group ends."""
    givers = [b for b in bodies if b.start == start]
    rid = rules.rule_id("assume")
    if not givers:  # "R承接区有关部门下放的42项P": departments named by their kind hand the powers down
        kind = _DEPARTMENTS_BY_KIND.match(text, start, clause_end)
        opening = kind.end() if kind else start  # "R整合M1、M2等管理职责": no giver named, the matters
        powers = [p for p in _power_at(text[:clause_end], rules) if p[0] >= opening]
        if not powers or (kind is None and any(start <= b.start < powers[0][0] for b in bodies)):
            return [], start
        if kind is None and text.startswith("的", start):
            return [], start  # "R承接的县级P目录": the powers R took, named by a relative clause
        p = powers[0]
        obj = re.sub(rf"^(?:共计?)?{COUNT_OF_MATTERS.pattern}", "", text[opening : p[0]])
        ph = parse_object(obj, bodies, rules.scope_sectors) if obj else Phrase()
        if kind is None and not (ph.matters or ph.fields or ph.field):
            return [], start
        g = kind.group("g") if kind else None
        records = [
            _record(p[3], m, domain, None, receiver, rid, rules, scope=ph.scope, source_text=g)
            for m, domain in _granted(ph, p[2])
        ]
        return records, p[1]
    owned = _owned_powers(text, start, clause_end, bodies)
    if owned:  # "G1、G2等7个部门的126项行政处罚事项"
        owners, written = owned
        records = [
            _record(label, matter or label, None, giver, receiver, rid, rules)
            for giver in (one for owner in owners for one in owner.each_sector())
            for label, matter in written
        ]
        return records, clause_end
    powers = [p for p in _power_at(text[:clause_end], rules) if p[0] >= givers[0].end]
    if not powers:
        return [], start
    p = powers[0]
    moved = _MOVED_BY_GIVER.match(text, givers[0].end)  # "承接G划转的D1、D2方面P": what G moved, the fields
    ph = parse_object(text[moved.end() if moved else givers[0].start : p[0]], bodies, rules.scope_sectors)
    # "承接G移交的D方面P23项": the field (each of "D1、D2方面"); "承担原G的全部职责": all of G's remit as written
    pairs = [(m, ph.domain) for m in ph.matters] or [(f, f) for f in ph.fields]
    pairs = pairs or ([(ph.field, ph.domain)] if ph.domain else []) or [(f"{ph.scope or ''}{p[2]}", ph.domain)]
    # "承接县人民政府下放的P": a government decides the grant of others' powers, it gives none of its own
    giver = givers[0] if givers[0].sector not in DECIDING_SECTORS else None
    return [_record(p[3], m, domain, giver, receiver, rid, rules) for m, domain in pairs], p[1]


# what follows the receiver of 纳入 when the powers join its enforcement: "纳入R的(综合)执法范围"
_ENFORCEMENT_SCOPE = re.compile(r"(?:的)?(?:综合)?(?:行政)?执法(?:事项)?(?:范围|目录|清单)?")


_INCLUDE_ADVERBS = re.compile(r"(?:依法|可以|应当|逐步|统一|全部|一并|分步)+$")


def _include_frame(text, bodies, state, rules) -> list[dict]:
    """ "将D1、D2等领域的行政处罚事项纳入R的执法范围", "M纳入综合行政执法范围": the powers join what R
    (or, unnamed, the comprehensive enforcement body) enforces. A 纳入 into anything else (预算,
    考核) moves no power."""
    rid, out = rules.rule_id("include"), []
    for trig in rules.trigger_re("include").finditer(text):
        at = DETERMINER.match(text, trig.end()).end()
        receiver = next((b for b in bodies if trig.end() <= b.start <= at), None)
        # "纳入R的执法范围", or the unnamed body of "纳入综合行政执法(范围)" (collective_bodies)
        if receiver is None or not (_ENFORCEMENT_SCOPE.match(text, receiver.end) or not receiver.named):
            continue
        clause_start = max(text.rfind(c, 0, trig.start()) for c in "，,；;。：:") + 1
        jiang = max(text.rfind("将", clause_start, trig.start()), text.rfind("把", clause_start, trig.start()))
        obj = _INCLUDE_ADVERBS.sub("", text[(jiang + 1 if jiang >= 0 else clause_start) : trig.start()])
        if jiang < 0 and not obj.strip() and clause_start > 0:
            # "D领域的P事项，逐步纳入…": the object is the clause before the comma (with the heading that
            # names its field: "D方面：M的P，纳入…")
            before = max(text.rfind(c, 0, clause_start - 1) for c in "，,；;。") + 1
            obj = text[before : clause_start - 1]
        obj = _ARTICLE_HEAD.sub("", ITEM_NUMBER.sub("", obj))
        if rules.back_reference.match(obj):
            continue  # "下列行政执法事项可以纳入…：": a lead-in, read by the list frame
        if not receiver.named:  # "…纳入综合执法范围，由R统一行使": the body then named holds them
            by = _HELD_BY_AFTER.match(text, _SCOPE_WORD.match(text, receiver.end).end())
            receiver = next((b for b in bodies if by and b.start == by.end()), receiver)
        if not _power_at(obj, rules):
            # "将M1、M2纳入城市管理执法范围": what it enforces joins the body's enforcement, as its duties
            if jiang >= 0 and len(obj.strip()) >= 2 and not any(b.text in obj for b in bodies):
                matters = split_acts(obj.strip(), rules.scope_sectors)
                out.extend(_record("执法职责", m, None, None, receiver, rid, rules) for m in matters)
            continue
        for label, matter, domain, giver, scope in _items_phrase(obj, bodies, rules, "include"):
            for g in giver.each_sector() if giver is not None else [None]:  # "D1、D2等部门的P": each gives
                out.append(_record(label, matter, domain, g, receiver, rid, rules, scope=scope))
    return out


_SCOPE_WORD = re.compile(r"(?:的)?(?:事项)?(?:范围|目录|清单)?")
_HELD_BY_AFTER = re.compile(r"[，,]\s*(?:统一|并|依法)?(?:交由|改由|由)")


# "…M的，由R责令改正，处…罚款": a penalty article (the act, then who penalizes it)
# "M的，由R…", and "M行为(，)由R…": the act, then who punishes it
_PENALTY_BY = re.compile(
    r"(?:的[,，]\s*|(?<=行为)[,，]?\s*|(?<=事项)[,，]?\s*)(?:应当|统一|依法)?由"
)  # "下列事项由R负责查处"
_PENALTY_VERB = re.compile(
    r"(?:依法|依照[^,，;；。]{0,40}?规定)?[,，]?(?:责令|处(?:以)?[^,，;；。]{0,30}?罚款|予以(?:行政)?处罚|"
    r"给予[^,，;；。]{0,10}?处罚|没收|依法(?:予以)?处罚|(?:依法)?(?:予以|负责|进行)?查处|处罚)"
)
_DISCIPLINE = re.compile(r"工作人员|职责|职权|玩忽职守|徇私舞弊|滥用")


def _penalty_frame(text, bodies, state, rules) -> list[dict]:
    """ "违反…规定，M的，由R责令改正，处…罚款" or "对M的，由R予以处罚": R penalizes the act M. A
    government that orders its own departments to correct (a discipline article) penalizes no act."""
    out = []
    for m in _PENALTY_BY.finditer(text):
        receiver = next((b for b in bodies if b.start == m.end()), None)
        if (
            receiver is None
            or receiver.sector in ("人民政府", "纪检监察", None)
            or not _PENALTY_VERB.match(text, receiver.end)
        ):
            continue
        opening = max(text.rfind(c, 0, m.start()) for c in ",，;；。:：")
        act = re.sub(r"^(?:对|凡)", "", _ARTICLE_HEAD.sub("", text[opening + 1 : m.start()]).strip())
        act = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?<!违法)(?<!违规)行为$", "", act)  # "占道经营行为": the act
        if len(act) < 2 or _DISCIPLINE.search(act) or re.search(r"下列|以下|违反", act):
            continue
        for a in split_acts(act, rules.scope_sectors):
            out.append(_record("行政处罚权", a, None, None, receiver, rules.rule_id("penalty"), rules))
    return out


# the kind of power an entry's own words name, when no column does
_KIND_OF_ENTRY = (
    (re.compile(r"处罚$"), "行政处罚"),
    (re.compile(r"(?:审批|许可)$"), "行政许可"),
    (re.compile(r"(?:强制|强制拆除|查封|扣押)"), "行政强制"),
    (re.compile(r"检查$"), "行政检查"),
)
_MATTER_OF_ROW = re.compile(
    # (a sub-item numbered within its item: "1.对M的处罚")
    r"^(?:\d{1,3}[.、．]\s*|[(（][\d一二三四五六七八九十]{1,3}[)）]\s*)?(?:对)?(?P<m>.+?)(?:的(?:行政)?处罚|的查处|的(?:行政|监督)?检查|的行政强制|的强制措施|的强制拆除|的(?:查封|扣押)[\u4e00-\u9fff]{0,8}"
    r"|的?审批|的许可)?$"
)


# a catalogue's column naming the body that held the power before (原实施部门, 划出单位…)
def _table_row_frame(text, bodies, state, rules) -> list[dict]:
    """A row of a catalogue table (权责清单, 赋权事项目录): cells tab-separated, one a kind of power
    (行政处罚, 行政许可…), one the matter (对…的处罚, …审批), one perhaps the body that carries it out
    (实施主体) and one the body that held it before (原实施部门); with no body cell, the receiver
    of the catalogue's lead-in. A header row names the columns (frames.yaml ``table_columns``)."""
    cells = [c.strip() for c in text.split("\t")]
    if state.numbered and 2 <= len(cells) < state.column_count and not ROW_NUMBER.fullmatch(cells[0]):
        # under a number column, a row with no number goes on the one above (its first cells merged with
        # it: "\t\t\t2.对M的处罚\t…"), its empty cells at the front lost with the line's opening space
        cells = [""] * (state.column_count - len(cells)) + cells
    if len(cells) < 3:
        return []
    roles = _header_roles(cells, rules)
    if roles:  # a header row: "序号 事项名称 职权类型 实施主体 原实施部门"
        state.columns, state.column_count = roles, len(cells)
        state.numbered = NUMBER_COLUMN.fullmatch(cells[0]) is not None
        return []
    cols = dict(state.columns)
    sub = cols.pop("sub_matter", None)
    if sub is not None and sub < len(cells) and len(cells[sub]) >= 4:
        cols["matter"] = sub  # a row with a sub-item: it is the entry; with none, the main item is
    kinds = [i for i, c in enumerate(cells) if rules.trigger_re("table_row").fullmatch(re.sub(r"[类权]+$", "", c))]
    kind_written = None
    if not kinds and cols.get("matter") is not None and cols["matter"] < len(cells):
        # no column of kinds: the matter says it ("对…的处罚", "…审批")
        kind_written = next((k for pattern, k in _KIND_OF_ENTRY if pattern.search(cells[cols["matter"]])), None)
    if not kinds and kind_written is None:
        return []

    def body_in(role: str) -> Body | None:
        at = cols.get(role)
        # the cell is the body, or each of its kind ("各镇人民政府", "各街道办事处")
        cell = cells[at].removeprefix("各") if at is not None and at < len(cells) else None
        return next((b for b in bodies if b.text == cell), None)

    giver = body_in("giver") or _former_holder(cells, cols.get("remark"), text, bodies)
    own = body_in("receiver")
    if giver is None and state.title_grantees and own is None:
        # "某区赋予街道办事处…目录 / 序号 部门 事项名称": the department of a row gives it
        giver = next((b for b in bodies if b.text in cells), None)
    towns = state.actor is not None and state.actor.sector == "街道乡镇" and not state.title_grantees
    if giver is None and towns and own is not None and own.sector != "街道乡镇":
        # "某县乡镇综合行政执法事项清单 / 实施部门：县住建局": in the towns' catalogue, the department
        # named in the body column is the one whose entry the towns now carry out
        giver, own = own, None
    bodies = [b for b in bodies if b is not giver]
    kind = re.sub(r"[类权]+$", "", cells[kinds[0]]) if kinds else kind_written
    # a body that fills a cell; not one in a column of no role ("实施层级: 镇" names a level, not who acts)
    no_role = {i for role, i in cols.items() if role.startswith("other")}
    owners = [
        b
        for b in bodies
        if any(
            text.find(c) <= b.start and b.end <= text.find(c) + len(c) and len(b.text) >= len(c) - 2
            for i, c in enumerate(cells)
            if c and i not in no_role
        )
    ]
    receivers = (
        [own]
        if own
        else (owners[-1:] if "receiver" not in cols else [])
        or state.grantee
        or state.title_grantees
        or ([state.topic] if state.topic else [])
        or ([state.actor] if state.actor else [])  # the body whose catalogue it is ("乡镇…事项目录")
        # none named yet: a note after the table may name who carries the rows out ("以上事项由R实施"),
        # else the rows are dropped (kg.relate keeps them pending)
        or [None]
    )
    at = cols.get("matter")
    skip = {i for role, i in cols.items() if role != "matter"}
    named = (
        [cells[at]]
        if at is not None and at < len(cells) and cells[at]
        else [
            c
            for i, c in enumerate(cells)
            if i not in kinds
            and i not in skip
            and len(c) >= 4
            and not c.isdigit()
            and "《" not in c
            and not any(b.text == c for b in owners)
        ]
    )
    if not named:
        return []
    m = _MATTER_OF_ROW.match(named[0])
    matter = m.group("m") if m else named[0]
    scope = _share_of_row(cells, cols)
    rid = rules.rule_id("table_row")
    return [_record(_power_of_kind(kind), matter, None, giver, r, rid, rules, scope=scope) for r in receivers]


# how much of a power a row moves: "全部下放", "部分", "部分赋予"
_ROW_SHARE = re.compile(r"(?P<q>全部|部分)(?:下放|划转|赋予|赋权|移交|委托|交由[\u4e00-\u9fff]{0,8}行使)?")


def _share_of_row(cells: list[str], cols: dict[str, int]) -> str | None:
    """The share of its power a row moves (全部/部分): its scope column's cell ("下放方式：部分下放"),
    else a remark that says only that ("备注：部分")."""
    at = cols.get("scope")
    if at is not None and at < len(cells):
        m = _ROW_SHARE.match(cells[at].strip())
        return m.group("q") if m else None
    at = cols.get("remark")
    m = _ROW_SHARE.fullmatch(cells[at].strip()) if at is not None and at < len(cells) else None
    return m.group("q") if m else None


# "原由市生态环境局行使", and the holder named bare after 原: "原区住建局", "原属区水利局(职责)"
_FORMER = re.compile(
    r"^(?:原由|原为|原来由|由)(?P<g>.+?)(?:行使|实施|承担|负责|划入|划转|下放)"
    r"|^原属?(?P<bare>.+?)(?:的?(?:职责|事项|职权))?\s*$"
)


def _former_holder(cells: list[str], at: int | None, text: str, bodies: list[Body]) -> Body | None:
    """The body a remark cell names as the power's former holder: "原由市生态环境局行使"."""
    if at is None or at >= len(cells):
        return None
    m = _FORMER.match(cells[at])
    if not m:
        return None
    named = "g" if m.group("g") else "bare"
    start = text.find(cells[at]) + m.start(named)
    return next((b for b in bodies if b.start == start and b.text == m.group(named)), None)


_HEADER_NOTE = re.compile(r"[(（][^()（）]{1,12}[)）]")  # a header cell's note in brackets


def _header_roles(cells: list[str], rules: FrameRules) -> dict[str, int]:
    """The role of each column a header row names ({"matter": 1, "kind": 2, …}, each column of no
    role of its own as "other<i>": 序号, 实施依据, 实施层级); empty when the row is not a header (fewer
    than two cells are column names)."""
    roles: dict[str, int] = {}
    named = 0
    for i, c in enumerate(cells):
        c = _HEADER_NOTE.sub("", c).replace(" ", "")  # "事项名称（子项）", "实施 主体": the name alone
        for role, names in rules.table_columns.items():
            if names.fullmatch(c):
                named += 1
                if role == "matter" and "matter" in roles:
                    role = "sub_matter"  # "主项名称 … 子项": the second names the entry more narrowly
                roles.setdefault(f"other{i}" if role == "other" else role, i)
                break
    return roles if named >= 2 else {}


# "一、行政处罚", "(二)行政强制类": a catalogue's heading naming the kind of the entries under it
_KIND_HEADING = re.compile(
    rf"\s*(?:{_PAREN_ITEM}|[一二三四五六七八九十]+、|\d{{1,2}}[.、．])?\s*(?P<kind>行政[\u4e00-\u9fff]{{2}})(?:类|事项|权)?\s*"
    r"(?:[(（]共?\s*\d{1,4}\s*项[)）])?\s*"  # "一、行政处罚（共3项）": the count of its entries
)
# "实施主体：某区综合行政执法局": a labelled line of a catalogue entry
# ("1. 职权名称：对…的处罚": the entry's number before its first line's label)
_LABELLED = re.compile(
    r"\s*(?:\d{1,3}[.、．]\s*|[(（]\d{1,3}[)）]\s*)?(?P<label>[\u4e00-\u9fff]{2,9})\s*[:：]\s*(?P<value>.+?)\s*$"
)


def _entry_frame(text, bodies, state, rules) -> list[dict]:
    """A catalogue written entry by entry, not as a table: under a heading naming the kind of
    power ("一、行政处罚"), an entry ("1.对擅自占用城市道路的处罚") followed by a labelled line naming
    the body that carries it out ("实施主体：某区综合行政执法局")."""
    if len(text) <= _HEADING_MAX:
        heading = _KIND_HEADING.fullmatch(text)
        if heading and rules.trigger_re("table_row").fullmatch(heading.group("kind")):
            state.entry_kind = heading.group("kind")
            return []
    number = _ITEM_NUMBER.match(text)
    if number and (state.actor or state.title_grantees or state.unheld_catalogue) and not state.list_open:
        field = _field_heading(text, number, state, rules)
        if field:  # "一、住房和城乡建设" over "1.对…的处罚": the field its entries come from
            state.heading_field = field
            return []
    if _labelled_role(_LABELLED.match(text), rules) is not None:
        return []  # "1. 职权名称：…": an entry written one labelled line per field (labelled_entry)
    if state.entry_kind is None:
        return _kind_bracketed_entry(text, state, rules) or _granted_entry(text, bodies, state, rules)
    nxt, nxt_agencies = state.following
    label = _LABELLED.match(nxt)
    if label and rules.table_columns.get("receiver", _NEVER).fullmatch(label.group("label")):
        receivers = [b for b in _groups(nxt_agencies) if b.start >= label.start("value")][:1]
    else:  # "实施依据：…" first, or no labelled lines: the body whose catalogue this is
        receivers = [state.actor] if state.actor is not None else []
    if not receivers or not re.match(rf"\s*(?:{_PAREN_ITEM}|\d{{1,3}}[.、．])", text):
        return []
    item = _ITEM_END.sub("", text[_MARKER.match(text).end() :])
    m = _MATTER_OF_ROW.match(item)
    label_power = _power_of_kind(state.entry_kind)
    matter = m.group("m") if m else item
    return [_record(label_power, matter, state.heading_field, None, receivers[0], rules.rule_id("entry"), rules)]


_NEVER = re.compile(r"(?!)")


def _power_of_kind(kind: str) -> str:
    """The power a catalogue's kind of entry names: 行政处罚 → 行政处罚权, 行政强制 (its measures and
    enforcement alike) → 行政强制权."""
    return {"行政强制": "行政强制权"}.get(kind, kind + "权")


# "1. 对损坏城市照明设施的处罚（行政处罚）": a catalogue's numbered entry with its kind in brackets
_NUMBERED = re.compile(rf"\s*(?:{_PAREN_ITEM}|\d{{1,3}}[.、．])\s*")
_KIND_BRACKETED = re.compile(r"\s*[(（](?P<kind>行政[\u4e00-\u9fff]{2})(?:类|事项)?[)）]\s*[;；。,，]?\s*$")


def _granted_entry(text: str, bodies: list[Body], state: FrameState, rules: FrameRules) -> list[dict]:
    """An entry of a catalogue whose title grants its entries ("某县赋予乡镇(街道)行政执法事项目录") or
    names the body that holds them ("某局行政处罚事项目录"), numbered, its kind in its own words
    ("对M的处罚", "M审批"), perhaps with the body that held it alone in brackets after it
    ("（县住房和城乡建设局）"): the title's grantees (or the holder) receive it from that body."""
    # (the body whose catalogue the document is holds the entries of its own: "某局行政处罚事项目录")
    receivers = state.title_grantees or ([state.actor] if state.actor is not None else [])
    if not receivers and state.unheld_catalogue:
        receivers = [None]  # (named after the entries, or none)
    number = _NUMBERED.match(text) if receivers and not state.list_open else None
    if not number or not number.group().strip():
        return []
    item = _ITEM_END.sub("", text[number.end() :])
    giver, scope = None, None
    share = _SHARE_REMARK.search(item)
    if share:  # "1.对M的处罚（划转范围：部分）": how much of the power moves
        scope, item = share.group("scope"), item[: share.start()]
    bare = _BRACKETED.search(item)
    if bare:
        at = number.end() + bare.start("g")
        giver = next((b for b in bodies if (b.start, b.end) == (at, at + len(bare.group("g")))), None)
        if giver is None:
            return []  # "（3项）", "（暂停）": a bracket of no body
        item = item[: bare.start()]
    kind = next((k for pattern, k in _KIND_OF_ENTRY if pattern.search(item)), None)
    m = _MATTER_OF_ROW.match(item)
    if kind is None or m is None or len(m.group("m")) < 2:
        return []
    if not state.title_grantees and not _OWN_ENTRY.match(item):
        return []  # a holder's catalogue: "1.加强监督检查" in its preface is no entry
    rid = rules.rule_id("entry")
    field = state.heading_field
    return [_record(_power_of_kind(kind), m.group("m"), field, giver, r, rid, rules, scope=scope) for r in receivers]


# "（划转范围：全部）", "（下放范围：部分）": a remark closing an entry on how much of its power moves
_SHARE_REMARK = re.compile(r"[(（]\s*(?:划转|下放|赋权|调整|委托)?范围\s*[:：]\s*(?P<scope>全部|部分)\s*[)）]\s*$")


# an entry that names its kind of power in its own words: "对M的处罚", "M审批", "M许可"
_OWN_ENTRY = re.compile(r"^对.{2,}的[\u4e00-\u9fff]{2,6}$|.{2,}(?:审批|许可)$")


def _kind_bracketed_entry(text: str, state: FrameState, rules: FrameRules) -> list[dict]:
    """An entry of the body whose catalogue the document is, numbered, its kind of power in
    brackets after it ("1. 对违法建设的查封（行政强制）"): the body holds it."""
    kind = _KIND_BRACKETED.search(text) if state.actor is not None else None
    number = kind and _NUMBERED.match(text)
    if not number or not rules.trigger_re("table_row").fullmatch(kind.group("kind")):
        return []
    m = _MATTER_OF_ROW.match(text[number.end() : kind.start()])
    if m is None:
        return []
    return [
        _record(
            _power_of_kind(kind.group("kind")),
            m.group("m"),
            state.heading_field,
            None,
            state.actor,
            rules.rule_id("entry"),
            rules,
        )
    ]


def _labelled_entry_frame(text, bodies, state, rules) -> list[dict]:
    """A catalogue written one labelled line per field ("职权名称：对…的处罚", "职权类型：行政处罚",
    "实施主体：某局"): the entry's record once its matter, kind and holder are known (the holder:
    its own line, else the body whose catalogue the document is)."""
    label = _LABELLED.match(text)
    role = _labelled_role(label, rules)
    if role == "remark":
        m = _FORMER.match(label.group("value"))
        at = label.start("value") + (m.start("g") if m else 0)
        state.former = next((b for b in bodies if m and b.start == at and b.text == m.group("g")), None)
    if role is None or role in ("other", "remark", "scope"):
        return []
    value = label.group("value")
    if role in state.entry or (state.entry.get("done") and role != "giver"):
        # a new entry begins: a field seen again, or any field but the former holder's after a record
        # (the fields may come in any order: "职权类型：…" before "职权名称：…")
        state.entry, state.entry_giver, state.entry_receiver = {}, None, None
    state.entry[role] = value
    entry = state.entry
    if role == "receiver":  # (its line may come before the matter's: "受委托组织：R" then "委托事项：M")
        state.entry_receiver = _body_of_value(label, bodies)
    if role == "giver":  # "原实施部门：区城市管理局": the body that held the entry's power before
        giver = _body_of_value(label, bodies)
        if label.group("label").startswith("委托"):  # "委托机关：甲局": the body an entrustment's text is from
            state.entrusting = giver
        if entry.get("done"):
            state.former = giver  # the entry's record is out: relate gives it its giver
            return []
        state.entry_giver = giver
    kind = entry.get("kind") and re.sub(r"[类权]+$", "", entry["kind"])
    if not kind and entry.get("matter") and not _entry_line_to_come(entry, state.upcoming, rules, "kind"):
        # no line names the kind: the matter's own words do ("委托事项：对M1、M2的行政处罚")
        kind = next((k for pattern, k in _KIND_OF_ENTRY if pattern.search(entry["matter"])), None)
    if entry.get("done") or not entry.get("matter") or not kind or not rules.trigger_re("table_row").fullmatch(kind):
        return []
    receiver = state.entry_receiver if "receiver" in entry else None
    coming = _entry_line_to_come(entry, state.upcoming, rules)
    if receiver is None and (coming or "receiver" in entry or state.actor is None):
        return []  # the holder is still to come (or named by no body we know)
    receiver = receiver or state.actor
    entry["done"] = "1"
    m = _MATTER_OF_ROW.match(entry["matter"].rstrip("。；;"))
    power = _power_of_kind(kind)
    rid = rules.rule_id("labelled_entry")
    # "对擅自占用城市道路、擅自设置户外广告的行政处罚": each act listed
    acts = split_acts(m.group("m"), rules.scope_sectors) if m else [entry["matter"]]
    return [_record(power, act, None, state.entry_giver, receiver, rid, rules) for act in acts]


def _labelled_role(label: re.Match | None, rules: FrameRules) -> str | None:
    """The catalogue column a labelled line (its ``_LABELLED`` match) fills ("职权名称：…" → matter), None
    for any other line."""
    if label is None:
        return None
    return next((r for r, names in rules.table_columns.items() if names.fullmatch(label.group("label"))), None)


def _body_of_value(label: re.Match, bodies: list[Body]) -> Body | None:
    """The body a labelled line's value names: the one that ends it ("宁波市某区某镇人民政府": the
    town's government, its places before it)."""
    return next((b for b in bodies if b.start >= label.start("value") and b.end == label.end("value")), None)


ENTRY_LOOKAHEAD = 8  # the lines of a labelled entry read ahead for its holder's (relate passes as many)
_ENTRY_NUMBER = re.compile(r"序号|编号")  # the line that opens the next entry


def _entry_line_to_come(entry: dict, upcoming: tuple[str, ...], rules: FrameRules, wanted: str = "receiver") -> bool:
    """Whether the entry's holder line (or its former holder's; its ``wanted`` role's line) is among
    its lines still to come, after lines of no role ("实施依据：…", "承办机构：…"), before the next
    entry opens (its number, its matter or a second kind)."""
    columns = rules.table_columns
    for line in upcoming:
        nxt = _LABELLED.match(line)
        if nxt is None or _ENTRY_NUMBER.fullmatch(nxt.group("label")):
            return False
        role = next((r for r, names in columns.items() if names.fullmatch(nxt.group("label"))), None)
        if role == wanted or (wanted == "receiver" and role == "giver" and "giver" not in entry):
            return True
        if role in entry and role not in ("other", "remark"):
            return False
    return False


# a title naming one body's catalogue of powers: "X局权责清单", "X局行政执法事项目录"
_CATALOGUE_TITLE = re.compile(
    r"(?:行政)?(?:权责|权力|责任|职权|执法|处罚)(?:事项)?(?:清单|目录)|(?:事项|职权)(?:清单|目录)"
)


def catalogue_owner(title: str | None, bodies: list[AgencySpan]) -> Body | None:
    """The body whose catalogue of powers the document is, when its title says so ("宁远县城市管理局
    权责清单"): the holder of every entry that names no body of its own.

    >>> from kg.recognize import find_agencies
    >>> catalogue_owner("某县城市管理局权责清单", find_agencies("某县城市管理局权责清单", rules)).text
    '某县城市管理局'
    >>> titles = ("某县龙泉镇综合行政执法事项目录", "青山街道行政执法事项清单", "某县街道执法事项目录")
    >>> [catalogue_owner(t, []).text for t in titles]
    ['龙泉镇', '青山街道', '街道']
    """
    if not title or not _CATALOGUE_TITLE.search(title):
        return None
    owned = _groups(bodies)
    if owned:
        return owned[0] if _CATALOGUE_TITLE.match(title, _KIND_OF_CATALOGUE.match(title, owned[0].end).end()) else None
    towns = _TOWNS_CATALOGUE.search(title)  # "某县乡镇(街道)综合行政执法事项目录": the towns' catalogue
    if not towns:
        return None
    named = _NAMED_TOWN.search(title, 0, towns.end("t")) if towns.group("t") in ("镇", "街道") else None
    if named:  # "某县龙泉镇综合行政执法事项目录": that one town's
        g = "n" if named.group("n") else "m"
        return Body(named.group(g), "街道乡镇", named.start(g), named.end(g))
    return Body(towns.group("t"), "街道乡镇", towns.start("t"), towns.end("t"))


_GRANT_IN_TITLE = re.compile(r"(?:赋予|下放(?:至|到|给)?|交由|委托)")


# a sentence naming who carries out the entries of the catalogue it introduces: "目录所列事项由R以本部门
# 名义行使", "本清单所列行政处罚事项，统一由R实施" (the catalogue's title names no body)
_LISTED_HOLDERS = re.compile(
    r"(?:本|该|此|上述|以上)?(?:》|目录|清单|事项表)(?:中)?所(?:列|载|附)的?(?:各项|全部|有关|相关)?"
    r"[\u4e00-\u9fff]{0,8}?(?:事项|职权|权力)[，,]?(?:统一|依法|均|一律)*由"
)


def listed_holders(text: str, bodies: list[Body]) -> list[Body]:
    """The bodies a sentence says carry out the entries of the catalogue it goes with ("目录所列事项
    由市、县(区)城管执法部门以本部门名义行使"), each of them; none when it says no such thing."""
    said = _LISTED_HOLDERS.search(text) if "所" in text else None  # (所列, 所载: most sentences have none)
    at = DETERMINER.match(text, said.end()).end() if said else -1  # "由各镇人民政府"
    first = next((b for b in bodies if b.start == at), None)
    return _together(text, [b for b in bodies if b.start >= first.start]) if first is not None else []


def catalogue_grantees(
    title: str | None, agencies: list[AgencySpan], rules: FrameRules, any_title: bool = False
) -> list[Body]:
    """The bodies a catalogue's title grants its entries to ("某区赋予街道办事处行政执法事项目录"): the
    receivers of its rows, whose body column (部门) then names the giver; none for other titles (with
    ``any_title``, any title's: "某县赋予乡镇部分县级行政执法权实施方案").

    >>> from kg.recognize import find_agencies
    >>> t = "某县赋予乡镇(街道)行政执法事项目录"
    >>> [b.text for b in catalogue_grantees(t, find_agencies(t, rules), rules.frames)]
    ['乡镇(街道)']
    """
    if not title or not (any_title or _CATALOGUE_TITLE.search(title)):
        return []
    bodies = bodies_in(title, agencies, rules)
    for verb in _GRANT_IN_TITLE.finditer(title):
        at = DETERMINER.match(title, verb.end()).end()
        first = next((b for b in bodies if verb.end() <= b.start <= at), None)
        if first is not None:
            return _together(title, [b for b in bodies if b.start >= first.start])
        toward = next((b for b in bodies if b.end == verb.start() and _toward(title, b)), None)
        if toward is not None:  # "某旗向苏木乡镇下放…": the body after 向, before the verb
            return [toward]
    return []


# what may stand between a catalogue's owner and the catalogue: "综合行政执法事项目录", and a
# township's catalogue of what it takes over: "X镇承接县级赋权事项目录", "X街道承接的下放事项清单"
_KIND_OF_CATALOGUE = re.compile(r"(?:承接的?(?:[省市县区]级|上级)?(?:部门)?)?(?:赋权|下放)?(?:综合)?")
# a town named by its own name, after its county or opening the title ("某县龙泉镇", "龙泉街道"), not the
# towns of a county ("某县街道", "各镇")
# (after the last level word before it, so "某市某县龙泉镇" is 龙泉镇 and "某县新市镇" 新市镇)
_TOWN_NAME = r"(?:(?![县区旗各全])[\u4e00-\u9fff]){1,4}?(?<![市乡])(?:镇|街道)"
_NAMED_TOWN = re.compile(rf"^.*[县区市旗](?P<n>{_TOWN_NAME})$|^(?P<m>{_TOWN_NAME})$")
_TOWNS_CATALOGUE = re.compile(
    rf"(?P<t>乡镇(?:[(（]街道[)）]|和街道|、街道)?|街道(?:[(（]乡镇[)）])?|镇(?:[(（]街道[)）])?)"
    rf"{_KIND_OF_CATALOGUE.pattern}(?:{_CATALOGUE_TITLE.pattern})"
)


def _whole_unit_frame(text, bodies, state, rules) -> list[dict]:
    """ "将G的T成建制划入R": a team moves whole (power 编制, matter the team)."""
    trig = rules.trigger_re("whole_unit").search(text)
    if not trig:
        return []
    receivers = [b for b in bodies if b.start >= trig.end()]
    if not receivers:
        return []
    jiang = text.rfind("将", 0, trig.start())
    if jiang >= 0:
        start = jiang + 1
    else:  # "同时，原市城建监察支队整建制划归R": the team is the subject of its clause
        start = max(text.rfind(c, 0, trig.start()) for c in "，,；;：:") + 1
        start += 1 if text.startswith("原", start) else 0
    seg = re.sub(r"连同[^,，]*$", "", text[start : trig.start()])
    givers = [b for b in bodies if start <= b.start and b.end < start + len(seg)]
    owners = [g for g in givers if not _TEAM.search(g.text)]
    if len(owners) > 1:  # "将甲局的A队、乙局的B队成建制划入R": each body gives its own team
        out = []
        for g, nxt in zip(owners, [*owners[1:], None]):
            team = text[g.end : nxt.start if nxt else start + len(seg)]
            team = re.sub(r"(?:[、，,]|以及|和|及|与)$", "", _OWNED_TEAM.sub("", _TEAM_WHAT.sub("", team)))
            if re.search(r"(?:队|队伍|中心|站|所)$", team):
                out.append(_record("编制", team, None, g, receivers[0], rules.rule_id("whole_unit"), rules))
        if out:
            return out
    giver = givers[0] if givers else None
    team = seg[giver.end - start :] if giver else seg
    team = _OWNED_TEAM.sub("", _TEAM_WHAT.sub("", team))
    if (
        giver is not None
        and _TEAM.search(giver.text)
        and re.fullmatch(r"(?:(?:人员)?编制|(?:全部)?人员|人员和编制)?", team)
    ):
        team, giver = giver.text, None  # "甲大队的人员编制整体上划至乙": the team itself moves
    if not re.search(r"(?:队|队伍|中心|站|所)$", team):
        return []
    return [_record("编制", team, None, giver, receivers[0], rules.rule_id("whole_unit"), rules)]


_TEAM = re.compile(r"(?:大队|支队|中队|队|队伍|站|所)$")
# what of the teams moves with them, after them: "…大队的执法职责和人员编制(整建制划入R)"
_TEAM_WHAT = re.compile(r"的(?:[^、，,的]{0,8}(?:职责|职能|人员|编制|资产)[和、及与]?)+$")
# "G的T", "G所属(的)T", "G下属的T": what ties a team to the body that owns it
_OWNED_TEAM = re.compile(r"^(?:(?:所属|下属)的?|的)")


def _respective_frame(text, bodies, state, rules) -> list[dict]:
    """ "G1、G2、G3分别将D1、D2、D3领域的P下放至R": the departments named together give respectively,
    each the field in its place (or, when the counts differ, each all the fields named)."""
    out = []
    for trig in rules.trigger_re("respective").finditer(text):
        subjects = [b for b in bodies if b.end <= trig.start() and _GIVER_ADVERBS.fullmatch(text, b.end, trig.start())]
        if not subjects:
            continue
        givers = _together(text, [b for b in bodies if b.end <= subjects[-1].end], backward=True)
        end = trig.end() + len(re.split(r"[，,；;。]", text[trig.end() :], maxsplit=1)[0])
        verb = rules.move_verbs.search(text, trig.end(), end)
        receivers = [b for b in bodies if verb and verb.end() <= b.start < end]
        powers = _power_at(text[trig.end() : verb.start()], rules) if verb else []
        if not receivers or not powers:
            continue
        p = powers[-1]
        ph = parse_object(text[trig.end() : trig.end() + p[0]], bodies, rules.scope_sectors)
        fields = ph.fields or ([ph.domain] if ph.domain else []) or ph.matters
        if len(fields) == len(givers):
            pairs = [(g, [f]) for g, f in zip(givers, fields)]
        else:
            pairs = [(g, fields or [f"{ph.scope or ''}{p[2]}"]) for g in givers]
        rid = rules.rule_id("respective")
        for giver, matters in pairs:
            for matter in matters:
                domain = matter if ph.fields or ph.domain else None
                out.append(_record(p[3], matter, domain, giver, receivers[0], rid, rules, scope=ph.scope))
    return out


_MERGE_VERB_ONLY = re.compile(r"(?:整合|合并)[，,]?")  # what stands between 整合 and 组建 when 将 names the teams


def _merge_units_frame(text, bodies, state, rules) -> list[dict]:
    """ "整合A队、B队，组建C": teams that merge into a new one move whole (power 编制, matter each team)."""
    out = []
    for trig in rules.trigger_re("merge_units").finditer(text):
        opener = max(text.rfind(w, 0, trig.start()) for w in ("整合", "合并", "将"))
        if _MERGE_VERB_ONLY.fullmatch(text, opener, trig.start()):
            # "将A队、B队整合组建C", "将A队、B队进行整合，组建C": the teams stand between 将 and the verbs
            opener = text.rfind("将", 0, opener)
        if opener < 0:
            continue
        new = next((b for b in bodies if b.start >= trig.end() and b.start - trig.end() <= SUBJECT_REACH), None)
        teams = [b for b in bodies if opener < b.start and b.end <= trig.start() and _TEAM.search(b.text)]
        if new is not None and len(teams) < 2:  # "将甲局、乙局的…队伍整合，组建丙": from the 将
            jiang = text.rfind("将", 0, trig.start())
            start = jiang if jiang >= 0 else opener
            out.extend(
                _merged_departments(text, bodies, start, trig, new, rules)
                or _merged_duties(text, bodies, start, trig, new, rules)
                or _merged_fields(text[start : trig.start()], new, rules, [b.shifted(start) for b in bodies])
            )
            continue
        if new is None:
            continue
        for team in teams:
            rec = _record("编制", team.text, None, None, new, rules.rule_id("merge_units"), rules)
            rec["source_sector"] = team.sector
            out.append(rec)
    return out


# "将公路路政、道路运政等执法门类的行政处罚以及与之相关的行政检查、行政强制等执法职能进行整合": the
# fields whose enforcement is merged, and the powers named
_FIELDS_MERGED = re.compile(
    r"(?P<fields>[^、，,。；;等的]{2,10}(?:、[^、，,。；;等的]{2,10})+)等?(?:执法)?(?:门类|领域|方面)的(?P<powers>[^，,。；;]*?)"
    r"(?:等)?(?:执法)?(?:职能|职责)(?:进行)?(?:整合|合并)"
)
# "整合市交通运输局下属的公路路政、道路运政等执法队伍，组建丙": the fields' teams (of a body, or not)
_FIELD_UNITS_MERGED = re.compile(
    r"^(?:整合|合并)(?:(?P<g>[^、，,。；;]{2,20}?)(?:下属|所属)的)?(?P<fields>[^、，,。；;等的]{2,8}(?:、[^、，,。；;等的]{2,8})+)等?"
    r"(?:行政)?执法(?:队伍|力量|机构)[，,]?$"
)
# "整合市容环卫、园林绿化等执法职责和队伍，组建丙": the verb first, the fields' duties and their teams
_FIELD_TEAMS_MERGED = re.compile(
    r"^(?:整合|合并)(?P<fields>[^、，,。；;等的]{2,10}(?:、[^、，,。；;等的]{2,10})+)等?(?:方面|领域)?(?:的)?"
    r"(?:行政)?执法(?:职责|职能)(?P<teams>(?:和|及|以及|与)(?:执法)?队伍)?[，,]?$"
)


def _merged_fields(seg: str, new: Body, rules: FrameRules, bodies: list[Body] = ()) -> list[dict]:
    """Fields whose enforcement powers merge into a new body: each power named over each field;
    fields' teams that merge into it, each a team (G6)."""
    units = _FIELD_UNITS_MERGED.match(seg)
    if units:  # "整合G下属的A、B等执法队伍，组建R": each field's team moves whole
        giver = next((b for b in bodies if (b.start, b.end) == units.span("g")), None)
        rid = rules.rule_id("merge_units")
        return [
            _record("编制", f"{field}执法队伍", None, giver, new, rid, rules)
            for field in units.group("fields").split("、")
        ]
    m = _FIELDS_MERGED.search(seg)
    if m is None:
        teams = _FIELD_TEAMS_MERGED.match(seg)
        if teams is None:
            return []
        rid = rules.rule_id("merge_units")
        fields = teams.group("fields").split("、")
        out = [_record("执法职责", field, field, None, new, rid, rules) for field in fields]
        if teams.group("teams"):  # the fields' teams move with their duties, as one
            out.append(_record("编制", "执法队伍", None, None, new, rid, rules))
        return out
    labels = list(dict.fromkeys(ENFORCEMENT_NAMES[n] for n in re.findall(BARE_POWER, m.group("powers"))))
    rid = rules.rule_id("merge_units")
    return [
        _record(label, field, field, None, new, rid, rules)
        for label in labels or ["执法职责"]
        for field in re.sub(r"^(?:将|整合)", "", m.group("fields")).split("、")
    ]


# "将甲局、乙局的执法职责和执法队伍整合，组建丙": what the departments give, after the last of them
_DEPARTMENTS_GIVE = re.compile(
    r"的(?P<what>(?:[^，,。；;]{0,8}?(?:职责|职能)(?:和|及|以及|、))?(?:执法)?队伍)(?:整合|合并)?[，,]?"
)


# one department's duties in an institutional reform's merge: "G的M职责", "G承担的M1、M2等执法职责"
# (the groups joined by ，、; a group ends where the next department is named)
_DEPARTMENT_DUTIES = re.compile(r"(?:承担|负责|行使|履行)?的[^，,；;。]*?(?:职责|职能)")
# a department's duties written before the next department's, their word for duties left to the last group
_DUTIES_SHARED = re.compile(r"(?:承担|负责|行使|履行)?的[^，,；;。、]{2,30}(?=、)")
# that word, closing the last group: "…等执法职责" → 执法职责
_DUTIES_TAIL = re.compile(r"(?:等|方面的?)?(?P<duties>[^，,；;。、等的]{0,6}?(?:职责|职能))$")


def _merged_duties(text, bodies, opener, trig, new, rules) -> list[dict]:
    """ "将G1的M1职责，G2的M2执法职责…整合，组建R" (an institutional reform): each department gives
    its duties as written to the body set up. Every group must be a department's duties."""
    if text.startswith("将", opener):
        at, seg_end = opener + 1, text.rfind("整合", opener, trig.start())
        if seg_end < 0 or text[seg_end : trig.start()].strip("整合，, "):
            return []
    elif text.startswith("整合", opener):  # "整合G承担的M1、M2等执法职责，组建R": the verb first
        at, seg_end = opener + 2, len(text[: trig.start()].rstrip("，, "))
    else:
        return []
    groups: list[tuple[list[AgencySpan], int]] = []  # (departments written together, where their duties end)
    while True:
        giver = next((b for b in bodies if b.start == at), None)
        # departments written together share the duties after the last of them: "G1、G2的执法职责"
        owners = _together(text, [b for b in bodies if b.start >= at]) if giver else []
        last = owners[-1] if owners else None
        # a group ends where the next department is named: "G1的M1、M2职责、G2的M3职责"
        ends = next((b.start for b in bodies if last and b.start >= last.end), len(text))
        duties = _DEPARTMENT_DUTIES.match(text, last.end, ends) if last else None
        # "G1承担的M1、G2承担的M2等执法职责": the groups before the last share its word for duties
        shared = _DUTIES_SHARED.match(text, last.end, ends) if last and duties is None and ends < seg_end else None
        if shared is not None:
            groups.append((owners, shared.end()))
            at = shared.end() + 1
            continue
        if duties is None or duties.end() > seg_end:
            return []
        groups.append((owners, duties.end()))
        rest = text[duties.end() : seg_end]
        if not rest.strip("，,、 "):
            break
        if rest[0] not in "，,、":  # something else than the next department's duties
            return []
        at = duties.end() + 1
    tail = _DUTIES_TAIL.search(text, 0, groups[-1][1])
    out, rid = [], rules.rule_id("merge_units")
    for owners, end in groups:
        last = owners[-1]
        written = text[last.start : end]
        if end != groups[-1][1] and not _DEPARTMENT_DUTIES.match(text, last.end, end):
            written += tail.group("duties") if tail else ""  # the shared word read with the group
        group = [b.shifted(last.start) for b in bodies if last.start <= b.start and b.end <= end]
        phrases = _items_phrase(written, group, rules, "merge_units")
        out.extend(
            _record(label, m, d, owner, new, rid, rules, scope=sc) for owner in owners for label, m, d, _, sc in phrases
        )
    return out


def _merged_departments(text, bodies, opener, trig, new, rules) -> list[dict]:
    """Departments whose duties and teams merge into a new body: each gives its team (编制,
    matter 执法队伍) and, when named, its duties (执法职责) to the body set up."""
    departments = [b for b in bodies if opener < b.start and b.end <= trig.start()]
    owners = _together(text, departments)
    tail = _DEPARTMENTS_GIVE.match(text, owners[-1].end) if owners else None
    if tail is None or text[tail.end() : trig.start()].strip("，, "):
        return []
    rid = rules.rule_id("merge_units")
    out = []
    for giver in (each for owner in owners for each in owner.each_sector()):  # "市场监管、生态环境部门": two
        out.append(_record("编制", "执法队伍", None, giver, new, rid, rules))
        if re.search(r"职责|职能", tail.group("what")):
            out.append(_record("执法职责", None, None, giver, new, rid, rules))
    return out


_AFTER_EXERCISE = re.compile(
    r"(?:集中|统一|相对集中)?(?:行使|实施)(?:上述|前述|以上|有关|前[款条项]规定的|本\w{1,3}规定的)?(?P<p>[^,，;；]{0,16}?)(?:以?后|的)?[,，;；]"
    r"(?P<g>[^,，;；]{2,24}?)$"
)


# "上述行政处罚权集中行使后，G…": powers named by a back-reference, their receiver left unsaid
_BACK_EXERCISED = re.compile(
    r"^[^,，;；]{0,6}?(?:上述|前述|以上|前[款条项]规定的|本\w{1,3}规定的)(?P<p>[^,，;；]{0,16}?)"
    # ("上述行政处罚权实施后，有关部门不得再行使": the powers the text just gave, put in force)
    r"(?:依法)?(?:(?:集中|统一|相对集中)行使(?:以?后|的)?|(?:集中|统一|相对集中)?实施以?后)[,，](?P<g>[^,，;；]{2,24}?)$"
    # "集中行使的行政处罚权，原有关部门不得再行使": the powers just listed, named by the verb that moved them
    # ("集中行使后，业务主管部门不再行使": the powers just given, by the verb alone)
    r"|^[^,，;；]{0,6}?(?:依法)?(?:集中|统一|相对集中)行使(?:的(?P<p2>[^,，;；]{0,16}?)|以?后)[,，](?P<g2>[^,，;；]{2,24}?)$"
    # "已划转的执法事项，原主管部门不再行使": what the text just moved, named by the verb that moved it
    r"|^[^,，;；]{0,6}?已(?:经)?(?:划转|调整|下放|移交|交由[^,，;；]{2,16}?(?:行使|实施))的(?P<p3>[^,，;；]{2,16}?)[,，](?P<g3>[^,，;；]{2,24}?)$"
    # "以上行政处罚权划转后，原主管部门不再行使": all the moves the section has read, restated
    r"|^[^,，;；]{0,6}?(?P<all>以上|上述)(?P<p4>[^,，;；]{2,16}?)(?:划转|移交|下放|调整|划入)(?:以?后|完成后)[,，](?P<g4>[^,，;；]{2,24}?)$"
    # "事项下放后，原实施部门不再行使": the items just moved, named by their kind alone, no 上述 before them
    # ("划转以后，原主管部门不再行使相应的P": or by the verb alone)
    r"|^(?P<p5>(?:(?:相关|有关|各项|这些)?(?:执法)?(?:事项|权限|职责|职能))?)(?:划转|移交|下放|调整|划入|赋予)(?:以?后|完成后)"
    r"[,，](?P<g5>[^,，;；]{2,24}?)$"
)
# "上述职责划转城市管理部门后，原主管部门…": a move restated, its receiver named
_BACK_MOVED = re.compile(
    r"^[^,，;；]{0,6}?(?:上述|前述|以上|前[款条项]规定的|本\w{1,3}规定的)(?P<p>[^,，;；]{0,16}?)(?:依法)?(?:统一|全部)?"
    r"(?:划转|划入|划归|整合|移交|交由|调整|下放|赋予)(?:到|至|给)?(?P<r>[^,，;；]{2,24}?)(?:集中|统一)?(?:行使)?以?后"
    r"[,，](?P<g>[^,，;；]{2,24}?)$"
)
# ("以街道办事处名义": in the name of the body it serves, a body's name of four to twelve characters)
# ("依照本办法", "根据本条例规定，": the law it acts under)
_ADVERBS = re.compile(
    r"[，, ]*(?:依法|可以|应当|已经|已|以(?:自己|自身|本级政府|其|[\u4e00-\u9fff]{4,12}?)的?名义|统一|集中|相对集中"
    r"|(?:依照|依据|根据|按照)[^，,。；;]{1,20}?(?:的?规定)?[，,]?)*"
)


def _restatement_frame(text, bodies, state, rules) -> list[dict]:
    """ "由R集中行使的P，有关部门不得再行使" or "R集中行使上述P后，有关部门不再行使": one generic
    transfer, matter null."""
    trig = rules.trigger_re("restatement").search(text)
    if trig and trig.group() == "不再在":  # "G不再在开发区范围内行使上述P": where, between the words of the verb
        trig = _STOPS_WHERE.match(text, trig.start())
    if not trig:
        return []
    after = _AFTER_EXERCISE.search(text[: trig.start()])
    receivers = [
        b for b in bodies if after and b.end <= after.start() and _ADVERBS.fullmatch(text[b.end : after.start()])
    ]
    if after and receivers:
        givers = [b for b in bodies if after.start("g") <= b.start and b.end <= trig.start()]
        written = re.sub(r"(?:应当|应|要|均|一律|必须|须)+$", "", after.group("g").strip())  # "…部门应当停止行使"
        # "由乡镇人民政府、街道办事处以自己的名义行使，…": each body named together
        together = _together(text, [*(b for b in bodies if b.end <= receivers[-1].start), receivers[-1]], backward=True)
        state.grantee = together  # a catalogue that follows lists what they hold
        # "G1、G2等部门不再行使": each body named together stops
        stopping = _together(text, givers) if givers else [None]
        # "M的P由R实施，G不再行使": the clause before the comma states a grant of its own
        stated = [
            r
            for r in _passive_frame(text[: after.start("g")], bodies, state, rules)
            if r.get("matter") and _names_a_matter(r["matter"], rules)
        ]
        named = after.group("p") if _power_at(after.group("p"), rules) or not stated else stated[0]["power"]
        restated = [r for b in together for g in stopping for r in _restated(named, g, b, written, rules)]
        return given_by_the_stopping(stated, restated) + restated
    moved_to = _BACK_MOVED.search(text[: trig.start()])
    named = [b for b in bodies if moved_to and moved_to.start("r") <= b.start and b.end <= moved_to.end("r")]
    if named:
        # "上述职责划转城市管理部门后，原主管部门不再行使": the body the restated move names receives
        givers = [b for b in bodies if moved_to.start("g") <= b.start and b.end <= trig.start()]
        written = re.sub(r"(?:应当|应|要|均|一律|必须|须)+$", "", moved_to.group("g").strip())
        giver = givers[0] if givers else None
        return [r for b in _together(text, named) for r in _restated(moved_to.group("p"), giver, b, written, rules)]
    lead = _MARKER.match(text).end()  # (past an item's number or a reply's 答：)
    back = _BACK_EXERCISED.search(text[lead : trig.start()])
    if back and back.group("p5") is not None and _MOVED_ALREADY.match(text, trig.end()):
        back = None  # "调整后，G1、G2不再行使已调整出的P": what the move gave, named after the verb: read below
    earlier = (
        state.receivers
        or [
            Body(t, sector)
            for t, sector in sorted({(r["target"], r.get("target_sector")) for r in state.last if r.get("target")})
        ]
        or state.title_grantees  # "目录所列事项由R行使。…": the catalogue's holders
        # "…划转至R。其中，D1领域23项…。划转后，G不再行使上述事项": the moves read before in the section
        or state.section_receivers
        or state.held_back_before  # "授权事项由R以自己的名义实施。G不再行使上述职权。"
    )
    if (back and back.group("all")) or state.columns:
        # "以上P划转后": all the section's moves, not the last sentence's; so are a table's rows ("调整后，原实施
        # 主体不再行使上述事项" under a table of adjustments: each row's receiver, not the last row's)
        earlier = state.section_receivers or earlier
    if back and earlier:
        # "上述行政处罚权集中行使后，有关部门不得再行使": the receivers of the list (or move) just read
        g, p = next((f"g{i}", f"p{i}") for i in ("", "2", "3", "4", "5") if back.group(f"g{i}") is not None)
        if back.group("p5") == "":  # "划转后，G1、G2不再行使": the move by its verb alone; each giver stops
            givers, written = _stopping(text, bodies, trig.start())
        else:
            givers = [b for b in bodies if lead + back.start(g) <= b.start and b.end <= trig.start()][:1] or [None]
            written = re.sub(r"(?:应当|应|要|均|一律|必须|须)+$", "", back.group(g).strip())
        named = back.group(p) or ""
        if p == "p5" and not _power_at(named, rules):
            # "划转后，G不再行使相应的P": the power named after the verb; "事项下放后": the enforcement items
            # ("划转后，G不再行使": the one power the moves just read gave, when they gave one)
            after_verb = text[trig.end() : _clause_end(text, trig.end())]
            moved = {r["power"] for r in state.last if r.get("target") and r.get("power")}
            if _power_at(after_verb, rules):
                named = after_verb
            elif not named and len(moved) == 1:
                named = moved.pop()
            else:
                named = "执法事项"
        return [r for b in earlier for g in givers for r in _restated(named, g, b, written, rules)]
    moved = _MOVED_ALREADY.match(text, trig.end())
    named = [b for b in bodies if moved and trig.end() <= b.start and b.end <= moved.start("p")]
    # "G不再行使已调整由R实施的P": R, and each body named with it; "划转后，原审批部门不再行使已划转的
    # 行政许可权": what the move just read gave its receivers ("调整后，G1、G2不再行使上述第一条所列的P":
    # each giver named together, what the text just gave)
    restated_to = _together(text, named) if named else earlier
    if moved and restated_to:
        givers, written = _stopping(text, bodies, trig.start())
        return [r for b in restated_to for g in givers for r in _restated(moved.group("p"), g, b, written, rules)]
    m = re.search(
        r"由?(?P<r>[^,，;；]{2,24}?)(?:集中|统一|相对集中)?行使的(?P<p>[^,，;；]{0,12}?)$",
        text[: trig.start()].split("，")[0],
    ) or re.search(r"由?(?P<r>[^,，;；]{2,24}?)(?:集中|统一|相对集中)?行使的(?P<p>[^,，;；]{2,16})[,，]", text)
    if not m:
        # "有关部门不得再行使(已经统一)由一个行政机关行使的P": the receiver is the body the text is about
        late = re.match(r"(?:已经|已)?(?:统一)?由[^,，;；]{2,30}?行使的(?P<p>[^,，;；。]{2,16})", text[trig.end() :])
        named = [b for b in bodies if late and trig.end() <= b.start and b.end <= trig.end() + late.start("p")]
        receiver = named[0] if named else (state.receivers or [state.topic])[0]
        if not late or receiver is None:
            return []
        givers, giver_text = _stopping(text, bodies, trig.start())
        return [r for g in givers for r in _restated(late.group("p"), g, receiver, giver_text, rules)]
    named = [b for b in bodies if m.start("r") <= b.start < m.end("r")]
    if not named:
        return []
    receivers = _together(text, named)  # "由乡镇人民政府、街道办事处以自己的名义行使": each body named together
    # "…，原由其他行政部门行使的，其他行政部门不得再行使": the giver is the clause before the verb
    giver_text = re.split(r"[,，]", text[m.end() : trig.start()])[-1].strip()
    givers = [b for b in bodies if b.start >= m.end() and b.end <= trig.start()]
    state.grantee = receivers  # a catalogue that follows lists what they hold
    return [r for b in receivers for r in _restated(m.group("p"), givers[0] if givers else None, b, giver_text, rules)]


# "不再行使已划转的P": the powers a move just stated gave away
_MOVED_ALREADY = re.compile(
    r"(?:(?:已经|已)(?:划转|划出|移交|下放|调整)(?:出去|出)?的"
    # "不再行使已调整由R实施的P": the receiver named in the clause
    r"|(?:已经|已)(?:调整|划转|交由|改由)?由[^,，;；。]{1,30}?(?:实施|行使|承担)的"
    # "不再行使上述(第一条所列的)P", "不再行使前款规定的P": the powers the text just gave, pointed back to
    r"|(?:上述|前述|以上)(?:第[一二三四五六七八九十\d]{1,3}[条项款])?(?:所列|规定)?的?|前[款条项](?:所列|规定)的)"
    r"(?P<p>[^,，;；。]{2,16})"
)


_STOPS_WHERE = re.compile(rf"不再{_WHERE_ACTING}(?:行使|实施|承担|履行)")


def _stopping(text: str, bodies: list[Body], at: int) -> tuple[list[Body | None], str]:
    """Who stops holding a power, before its verb at ``at`` ("G1、G2等部门不得再行使…"): each body
    named together with the last one before it (``[None]`` when none is), and the clause before the
    verb as written ("有关部门"); a unit written right after its body is one giver with it
    ("市公安局交通警察支队不再行使")."""
    # (the body a speaker is of, "R相关负责人介绍，G不再行使…", is who tells it)
    givers = with_units([b for b in bodies if b.end <= at and not _SPEAKER.match(text, b.end)])
    written = re.split(r"[,，;；]", text[:at])[-1].strip()
    return (_together(text, givers, backward=True) if givers else [None]), written


def _restated(power_text: str, giver: Body | None, receiver: Body, written: str, rules: FrameRules) -> list[dict]:
    """The one record of a restatement: the power it names (行政处罚权 when none), matter null, the
    giver as written ("有关部门") when no body is named."""
    powers = _power_at(power_text, rules)
    label = powers[0][3] if powers else "行政处罚权"
    written = _MARKER.sub("", written, count=1)  # "三、有关部门不再行使…": the item's number is no part of it
    rec = _record(label, None, None, giver, receiver, rules.rule_id("restatement"), rules)
    rec["source"] = rec["source"] or written or None
    if written.startswith("原") and written.endswith(rec["source"] or "\0"):
        rec["source"] = written  # "原审批部门": the former holders as written (G2), not the kind of body
    return [rec]


FRAMES: dict[str, Frame] = {
    "list": _list_frame,
    "passive": _passive_frame,
    "merge_units": _merge_units_frame,
    "respective": _respective_frame,
    "verbal": _verbal_frame,
    "domain_list": _domain_list_frame,
    "definition": _definition_frame,
    "hand_over": _hand_over_frame,
    "catalogue": _catalogue_frame,
    "accompany": _accompany_frame,
    "include_more": _include_more_frame,
    "moved_on": _moved_on_frame,
    "take_back": _take_back_frame,
    "whole_unit": _whole_unit_frame,
    "restatement": _restatement_frame,
    "former_remark": _former_remark_frame,
    "exercise": _exercise_frame,
    "fields": _fields_frame,
    "penalty": _penalty_frame,
    "assume": _assume_frame,
    "hand_over_items": _hand_over_items_frame,
    "include": _include_frame,
    "table_row": _table_row_frame,
    "labelled_entry": _labelled_entry_frame,
    "entry": _entry_frame,
    "designate": _designate_frame,
}
# Frames that give nothing in a sentence without one of their rule's triggers: tried only where
# the trigger automaton found one (tests/test_frames.py checks each returns nothing without).
_GATED = frozenset(
    {
        "hand_over_items",
        "exercise",
        "fields",
        "penalty",
        "assume",
        "merge_units",
        "respective",
        "restatement",
        "former_remark",
        "whole_unit",
        "accompany",
        "include_more",
        "moved_on",
        "take_back",
        "passive",
        "hand_over",
        "definition",
        "domain_list",
        "include",
        "designate",
    }
)
# frames read without trigger words (a list, a table row): one overrides every record the move rules
# found in its sentence (outside_frame), as a clause of its own is not marked by a trigger
_READ_WITHOUT_TRIGGERS = frozenset(FRAMES) - _GATED
_CITED = re.compile(r"《[^《》]*》")


def in_cited_title(text: str, at: int) -> bool:
    """Whether offset ``at`` of ``text`` falls inside a cited title (《…》)."""
    return any(m.start() < at < m.end() for m in _CITED.finditer(text)) if "《" in text else False


_SET_UP = re.compile(r"设立|成立|组建")
# "组建R", "X更名为R": the words before a body that set it up or give it its new name
_SETS_UP_OR_RENAMES = re.compile(rf"(?:{_SET_UP.pattern}|更名为|改名为|改称为?|更名)$")


def _set_up_or_renamed(text: str, body: Body) -> bool:
    """Whether ``body`` is named as it is set up or renamed ("组建R", "X更名为R")."""
    return _SETS_UP_OR_RENAMES.search(text, max(0, body.start - 3), body.start) is not None


# Frames tried in order, the first that yields records wins for a sentence. The specific frames
# (_OVERRIDE) replace what relations.yaml's move/concentrate rules read in the same sentence;
# the others only read sentences those rules left alone.
_OVERRIDE = (
    "table_row",
    "labelled_entry",
    "entry",
    "list",
    "definition",
    "restatement",
    "former_remark",
    "whole_unit",
    "merge_units",
    "respective",
    "accompany",
    "include_more",
    "moved_on",
    "take_back",
    "exercise",
    "passive",
    "penalty",
    "assume",
)
_ORDER = ("catalogue", "hand_over", "include", "hand_over_items", "verbal", "domain_list", "fields", "designate")
# "…交由B行使的，该部门应当…": a condition, not a transfer (nothing in the sentence is one)
_CONDITION = re.compile(r"(?:交由|划转|下放|委托|赋予)[^,，;；。]{0,30}?(?:行使|实施)?的[,，]")


def unconditional(text: str) -> str:
    """``text`` with each conditional clause of a sentence that has others masked ("〇", the same
    length): "P交由R行使后，G不再行使；已经交由R行使的，G应当加强指导" — the condition and what it
    requires state no move, the clause before the semicolon does. A sentence that is one conditional
    clause is left whole (``frame_transfers`` reads it as no transfer at all).

    >>> unconditional("P交由R行使后，G不再行使；已经交由R行使的，G应当指导。")
    'P交由R行使后，G不再行使；〇〇〇〇〇〇〇〇〇〇〇〇〇〇。'
    """
    if "的" not in text or not _SEMICOLON.search(text):
        return text
    for cond in _CONDITION.finditer(text):
        start = max(text.rfind("；", 0, cond.start()), text.rfind(";", 0, cond.start())) + 1
        end = _SEMICOLON.search(text, cond.end())
        end = end.start() if end else len(text.rstrip("。"))
        if start > 0 or end < len(text.rstrip("。")):
            text = text[:start] + "〇" * (end - start) + text[end:]
    return text


def _names_a_matter(matter: str, rules: FrameRules) -> bool:
    """Whether a record's matter says over what a power moves: not a word pointing back (上述) nor
    a kind of penalty ("可以实施下列行政处罚：（一）警告；（二）罚款"); an empty matter is kept."""
    return not rules.back_reference.fullmatch(matter) and matter not in rules.penalty_kinds


OVERRIDE_ALL = "*"  # frame_transfers' override of every record the move rules found in a sentence


def outside_frame(legacy: list[dict], text: str, frame: str, rules: FrameRules, framed: list[dict]) -> list[dict]:
    """The records the move rules found in clauses of ``text`` (their ``span``) that hold no trigger
    of ``frame``, the frame that read the sentence ("将G1的P1划入R，R承接G2的P2": the move's clause
    stays beside the assume frame's); ``framed`` are the frame's own records. A frame read without
    triggers (a list, a table row) or a condition overrides them all."""
    if frame in _READ_WITHOUT_TRIGGERS or frame == OVERRIDE_ALL:
        return []
    # (a verb of holding in a relative clause, "G负责的M职责，调整由R承担", names whose the powers were:
    # the exercise frame reads no clause by it)
    at = [
        m.start()
        for m in rules.trigger_re(frame).finditer(text)
        if not (frame == "exercise" and text.startswith("的", m.end()))
    ]
    # a restatement ("…，G不再行使") gives no matter: the move it restates, in its clause, stands beside
    # it, unless that clause only supposes the move ("G的P交由R行使后，该部门不得再行使")
    restated = frame == "restatement" and not any(re.search(r"后\s*[，,][^，,]*$", text[:p]) for p in at)
    read = {(t["power"], t.get("matter"), t.get("target")) for t in framed}  # (what the frame read itself)
    kept = [
        t
        for t in legacy
        if (restated and t.get("matter") and (t["power"], t["matter"], t.get("target")) not in read)
        or not any(t["span"][0] <= p < t["span"][1] for p in at)
    ]
    return given_by_the_stopping(kept, framed) if restated else kept


def given_by_the_stopping(moves: list[dict], restatements: list[dict]) -> list[dict]:
    """``moves`` stated beside their restatement ("将M的P划转至R，G不再行使"), each with no giver of its
    own given by the one body that stops holding the power (G); as they are when no body, or several,
    stop."""
    stopping = {(r["source"], r["source_sector"]) for r in restatements if r.get("source_sector")}
    if len(stopping) != 1 or any(not r.get("source_sector") for r in restatements):
        return moves
    ((source, sector),) = stopping
    targets = {r.get("target") for r in restatements}
    return [
        dict(t, source=source, source_sector=sector) if t.get("source") is None and t.get("target") in targets else t
        for t in moves
    ]


# "R(加)挂X牌子": X is another name of R, no party to what the sentence moves
_SIGNBOARD = re.compile(r"(?:加挂|挂)(?P<b>[^，,。；;]{2,30}?)(?:的)?牌子")
_SIGNBOARD_THEN = re.compile(rf"{_SIGNBOARD.pattern}[，,]{_BEFORE_ASSUME.pattern}")


_SHORT_NAME_AT = re.compile(_SHORT_NAME_GIVEN)


def without_other_names(text: str, agencies: list[AgencySpan], short_names: bool = False) -> list[AgencySpan]:
    """``agencies`` but those that are another name of a body named beside them, no party of their own to
    what the sentence moves: a signboard another body hangs ("区城市管理局挂区综合行政执法局牌子"), and
    with ``short_names`` the short name the text gives bodies ("市水务局（以下简称水务部门）"; the frames
    read it where it stands for its body before a verb: "R（以下简称X）集中行使…")."""
    if "牌子" not in text and not (short_names and "称" in text):
        return agencies
    other = [m.span("b") for m in _SIGNBOARD.finditer(text)]
    other += [m.span() for m in _SHORT_NAME_AT.finditer(text)] if short_names else []
    return [a for a in agencies if not any(s <= a.start and a.end <= e for s, e in other)]


def frame_transfers(
    text: str,
    agencies: list[AgencySpan],
    state: FrameState,
    rules: FrameRules,
    *,
    headings: tuple[str, ...] = (),
    legacy: list[dict] | None = None,
    following: tuple[str, list[AgencySpan]] = ("", []),
    upcoming: tuple[str, ...] = (),
    bodies_of: Callable[[str], list[AgencySpan]] | None = None,
    triggered: set[str] | None = None,
    collectives: list[CollectiveMatch] | None = None,
) -> tuple[list[dict], str]:
    """Transfer records of one sentence by the clause frames, updating ``state``. ``following``
    is the next sentence with its bodies, ``upcoming`` the texts of a few sentences after it
    (``ENTRY_LOOKAHEAD``); ``bodies_of`` gives the bodies recognized in a part of
    the document (a heading); ``triggered`` the frames whose triggers ``text`` holds and ``collectives``
    its ``collective_matches``, when the caller has them already.

    ``legacy`` are the records the move/concentrate rules of relations.yaml found in this
    sentence. A frame that overrides them (a list's lead-in and items, a passive, an assume…)
    replaces those of its own clauses: the second value names it (``outside_frame`` keeps the
    others; OVERRIDE_ALL none), "" when none did; no other frame adds to a sentence those rules
    already read.
    """
    state.following, state.upcoming, state.written = following, upcoming, text
    state.held_back_before, state.held_back = state.held_back, []
    agencies = without_other_names(text, agencies)
    # words inside a cited title (《…赋予乡镇…目录》) are no part of the sentence's clauses
    written = text
    if "《" in text:
        triggered = None  # found again in the text without its titles
        text = _CITED.sub(lambda m: "《" + "〇" * (len(m.group()) - 2) + "》", text)
        bodies = [b for b in bodies_in(text, agencies, rules) if "〇" not in text[b.start : b.end]]
    else:
        bodies = bodies_in(text, agencies, rules, collectives)
    if state.self_body is None:  # "我局…" standing for the body that signs or whose report this is
        own = next((a for a in agencies if a.rule_id == "agency.self_reference.v1"), None)
        state.self_body = Body(own.name, own.sector) if own is not None else None
    if state.self_body is None and bodies_of is not None and any(w in text for w in rules.self_reference):
        for h in headings:  # "一、某局的职责来源" over "我局…": the body that writes names itself in a heading
            hb = _groups(bodies_of(h))
            if hb:
                state.self_body = hb[0]
                break
    if len(text) <= TITLE_LINE_MAX and "。" not in text:
        # "附件 某县赋予乡镇(街道)行政执法事项目录": a catalogue begins whose entries its grantees receive
        state.title_grantees = catalogue_grantees(text, agencies, rules) or state.title_grantees
        # "某局权责清单(2023年版)" opening the attachment a notice forwards: the body whose catalogue it is
        state.actor = catalogue_owner(text.strip(), agencies) or state.actor
    if _CONDITION.search(text):
        state.last = []
        return [], OVERRIDE_ALL
    holders = listed_holders(text, bodies)
    if holders:  # "目录所列事项由R行使": the catalogue is R's to carry out, its entries each a record
        state.title_grantees = holders
    out: list[dict] = []

    triggered = state.triggered = rules.triggered(text) if triggered is None else triggered

    def run(name: str) -> list[dict]:
        if name in _GATED and name not in triggered:
            return []  # a frame that reads nothing without its trigger words
        found = FRAMES[name](text, bodies, state, rules)
        return [r for r in found if _names_a_matter(r.get("matter") or "", rules)] if found else found

    override = ""
    # (a frame that reads nothing without its trigger words is not run without them)
    for name in [n for n in _OVERRIDE if n in triggered or n not in _GATED]:
        out = run(name)
        if out:
            override = name
            break
    if not out and not legacy:
        for name in [n for n in _ORDER if n in triggered or n not in _GATED]:
            out = run(name)
            if out:
                break
    set_up = _SET_UP.search(text)
    if set_up:
        after = [b for b in bodies if b.start >= set_up.end()]
        if after:
            state.topic = after[0]
    elif bodies and bodies[0].start - _MARKER.match(text).end() <= SUBJECT_REACH and "\t" not in text:
        state.topic = bodies[0]  # (the subject, past the article's or item's number; a table row has none)
    state.last = out if (override or not legacy) else legacy  # (the legacy kept beside an override: relate's)
    state.given.update((r["source"], r) for r in state.last if r.get("source") and r.get("power"))
    if headings[:1] != state.section:
        state.section, state.section_receivers = headings[:1], []
    for r in state.last:
        if r.get("target") and all(b.text != r["target"] for b in state.section_receivers):
            state.section_receivers.append(Body(r["target"], r.get("target_sector")))
    if legacy and not override and not out:  # "将甲局的部分P下放至乙": a catalogue after it lists what 乙 got
        granted = {(r["target"], r.get("target_sector")) for r in legacy if r.get("target")}
        state.grantee = [next((b for b in bodies if b.text == t), Body(t, sector)) for t, sector in sorted(granted)]
        named = [b.end for b in bodies if any(b is g for g in state.grantee)]
        out = _included_after(text, bodies, max(named), state, rules) if named else []
        if named and not out:  # "将M的P划转至R，G不再行使": the giver that stops holding what moved
            powers = {r["power"] for r in legacy if r.get("target")}
            out = _stopped_after(text, bodies, max(named), powers.pop() if len(powers) == 1 else "", state, rules)
    if (legacy or override) and NO_LONGER_HOLDS.search(text) and _THEN_BY.search(text):
        # "G不再承担M职责，改由R负责查处M1、M2等违法行为": the duty moved as read, and the acts R now penalizes
        # in its place (the verbal frame: G gave them)
        moved = {(r.get("matter"), r.get("target")) for r in (out if override else legacy)}
        out += [r for r in run("verbal") if (r.get("matter"), r.get("target")) not in moved]
    out = [_unmasked(r, text, written) for r in out]
    return [r for r in out if r.get("target") or r.get("matter")], override


def _unmasked(record: dict, masked: str, written: str) -> dict:
    """``record`` with a matter that takes in a masked cited title ("《〇〇〇》中") as the text writes it;
    a matter that is only the title ("《某市镇街综合行政执法事项目录》中的P") is the catalogue's name."""
    matter = record.get("matter") or ""
    at = masked.find(matter) if "〇" in matter else -1
    if at < 0:
        return record
    matter = written[at : at + len(matter)]
    listed = re.fullmatch(r"《(?P<t>[^《》]+)》(?:中|所列|所附|所载|规定)?的?", matter)  # the catalogue itself
    return dict(record, matter=listed.group("t") if listed else matter)
