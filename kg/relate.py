"""Relate stage: sentences + recognized spans → ``Fact``s (transfers, deadlines, pilots,
bodies established, lead/cooperating units, agencies, places, the document record).

Every fact keeps its evidence: the sentence, character offsets in ``Document.text`` and the
id of the rule that made it. Trigger words and tables live in ``kg/rules/relations.yaml``.
"""

from __future__ import annotations

import calendar
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace

from kg.errors import RuleError
from kg.facts import make
from kg.frames import (
    ABLE_TO_RECEIVE,
    BARE_POWER,
    BUNDLED,
    COMMA,
    COUNT_OF_GIVERS,
    COUNT_OF_MATTERS,
    DECIDING_SECTORS,
    DETERMINER,
    EARLIER,
    EARLIER_AT,
    ENFORCEMENT_NAMES,
    ENTRY_LOOKAHEAD,
    GIVER_KIND,
    GIVER_KIND_TAIL,
    GOAL_VERB,
    GRANT_VERBS,
    GRANTED_ELSEWHERE,
    INVOLVES,
    KIND_OF_GIVER,
    LEVEL_ALONE,
    LIST_HEADER_OBJECT,
    NAMES_A_REFORM,
    NO_LONGER_HOLDS,
    RELEVANT_PART,
    SCATTERED,
    STEMS_BEFORE,
    TIED_TO_OWN,
    UNIT,
    FrameState,
    catalogue_grantees,
    catalogue_owner,
    collective_agencies,
    collective_matches,
    described,
    either_body,
    frame_transfers,
    given_by_the_stopping,
    glued_to_field,
    join_bare_verbs,
    outside_frame,
    power_labels_of,
    scope_sector,
    series_in,
    series_powers,
    stems_before,
    unconditional,
    without_other_names,
)
from kg.lexicon import alternation, checked
from kg.normalize import CN_DIGIT, DOC_TYPE, ITEM_NUMBER, small_number
from kg.recognize import (
    MASKED_PLACE,
    AgencySpan,
    NumberSpan,
    PlaceSpan,
    SentenceMentions,
    masked_level,
    town_of,
)
from kg.resolve import DEFINES_SHORT, merge_aliases, of_county_level_city
from kg.ruleset import Rules, derived
from kg.types import Document, Fact, Sentence

__all__ = ["RelationRules", "relate_document", "relation_rules_of", "transfers_in"]


@dataclass(frozen=True)
class RelationRules:
    powers: tuple[tuple[str, str], ...]
    domain_sectors: dict[str, str]
    triggers: dict[str, tuple[str, ...]]  # rule id → triggers
    examples: dict[str, tuple[dict, ...]]
    frames: dict[str, str]  # rule id → the clause frame (CLAUSE_FRAMES) that reads it, in the file's order
    not_after: dict[str, str]  # rule id → the characters that make its trigger another word (提交, 递交)
    # a duty named by its function alone ("…的维护管理由G移交R负责"): (the power noun it implies, the
    # function words that end such a name)
    implied_duty: tuple[str, tuple[str, ...]] | None = None


def relation_rules_of(data: dict, name: str = "relations.yaml") -> RelationRules:
    """The relation rules from the parsed ``relations.yaml``, every rule's keys and frame checked."""
    data = checked(
        name, data, {"version", "powers", "domain_sectors", "implied_duty", "rules"}, required={"powers", "rules"}
    )
    triggers, examples, frames, not_after = {}, {}, {}, {}
    allowed = {"id", "relation", "frame", "triggers", "examples", "not_after"}
    for rule in data["rules"]:
        unknown = set(rule) - allowed
        rid = rule.get("id", "?")
        if unknown:
            raise RuleError(
                f"{name}: rule {rid!r}: unknown key {sorted(unknown)[0]!r}; allowed: {', '.join(sorted(allowed))}"
            )
        if "id" not in rule or not rule.get("examples"):
            raise RuleError(f"{name}: rule {rid!r}: every rule needs an id and at least one example")
        if rule.get("frame") not in CLAUSE_FRAMES:
            known = ", ".join(sorted(CLAUSE_FRAMES))
            raise RuleError(f"{name}: rule {rid!r}: unknown frame {rule.get('frame')!r}; known: {known}")
        triggers[rid] = tuple(sorted(rule.get("triggers") or (), key=len, reverse=True))
        examples[rid] = tuple(rule["examples"])
        frames[rid] = rule["frame"]
        not_after[rid] = "".join(rule.get("not_after") or ())
    powers = tuple((x["text"], x["label"]) for x in data["powers"])
    implied = None
    if data.get("implied_duty") is not None:
        duty = checked(f"{name}: implied_duty", data["implied_duty"], {"power", "heads"}, required={"power", "heads"})
        if duty["power"] not in dict(powers):
            raise RuleError(f"{name}: implied_duty: power {duty['power']!r} is none of the power nouns")
        implied = (duty["power"], tuple(sorted(duty["heads"], key=len, reverse=True)))
    return RelationRules(powers, dict(data.get("domain_sectors") or {}), triggers, examples, frames, not_after, implied)


# ---------------------------------------------------------------- distances
# How far the rules look, in characters or lines: each a pattern of the genre, named here.

MOVE_RECEIVER_REACH = 3  # a move verb and its receiver: "划转至(市)城管局" (past the determiners of DETERMINER)
EXERCISER_REACH = 4  # a body and its 行使: "市城管局依法行使", "由县综合执法局统一行使"
ESTABLISHED_REACH = 30  # 成立/组建/设立 and the body it sets up: "成立以市长为组长的…领导小组"
HEADER_LINES = 6  # a document's header block (title, number, issuer, salutation) is in its first lines
ORDER_HEADER_LINES = 12  # a government order's number may stand under a longer header ("…人民政府令 / 第158号")
ISSUER_LINES = 3  # an issuer written on its own line sits within three lines of the title
EDGE_LINES = 20  # the header and the signature block: the first and the last lines of a text


# ---------------------------------------------------------------- helpers


def _evidence(text: str, limit: int = 80) -> str:
    return text.strip()[:limit]


def _fact(doc: Document, kind: str, fields: dict, sentence: Sentence | None, rule: str, span=None) -> Fact:
    try:
        data = make(kind, fields)
    except (TypeError, ValueError) as e:
        raise RuleError(f"rule {rule!r}: {e}") from e
    if sentence is not None:
        s, e = span if span else (0, len(sentence.text))
        if len(sentence.text[s:e]) < 6:  # a bare name is no evidence: quote its sentence
            s, e = 0, len(sentence.text)
        evidence = sentence.text[s:e]
        return Fact(doc.id, data, _evidence(evidence), sentence.id, sentence.start + s, sentence.start + e, rule)
    return Fact(doc.id, data, _evidence(doc.title), "", -1, -1, rule)


def _sector_of_text(rules: Rules, text: str) -> str | None:
    """Canonical sector named by a phrase ("环境保护管理" → 环境保护)."""
    if text in rules.relations.domain_sectors:
        return rules.relations.domain_sectors[text]
    core = rules.longest_core(text)
    return rules.agencies.core_sector[core] if core else None


# ---------------------------------------------------------------- matters

_MATTER_TRIM_HEAD = re.compile(
    r"^(?:[(（][\d一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]+是|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．](?!\d)|将|把|对|其|原|由|的|有关|相关|涉及到?|(?:仅)?限于|承担的|所承担的|负责的|(?:集中|统一|相对集中)?行使的|所有|全部|部分|各类|"
    rf"不再(?:承担|行使|履行)的?|{GOAL_VERB}|"
    # "城区范围内的M", "城区内的M": where, not what
    r"(?<![在于])(?!上述|前述|以上|下列)(?:[\u4e00-\u9fff]{2,8}?(?:范围|区域)|[\u4e00-\u9fff]{1,6}?区)内的|"
    r"(?:下放|划转|赋予|委托|移交|交由)的|"
    r"(?:划出|剥离|调出)(?!的)|"  # "从G划出M职责，划入R": the verb after its giver, not the matter
    r"(?:我|本|全)[省市州县区旗镇乡](?:范围内)?的?(?=[\u4e00-\u9fff]{2})|"  # "我区M": the writer's own place
    r"城市规划区域内|(?:市、)?县[(（](?:市、)?区[)）]|县[(（]市[)）]|各县[(（]区[)）]|各市、县|"
    # "G（以下简称X）的M": the short name the text gives the giver
    rf"[(（](?:{DEFINES_SHORT})[^()（）]{{1,12}}[)）])+"
)
_MATTER_TRIM_TAIL = re.compile(
    r"(?:等方面的|方面的|等方面|等的|方面|等|的|全部|部分|有关|相关|(?<=的)具体|(?<=的)日常|^具体|法律法规规章规定的|法律法规规定的|中|(?<=等)行为|"
    rf"(?<=等){COUNT_OF_MATTERS.pattern}|(?<=[\u4e00-\u9fff]{{3}})查处|"
    r"(?<=[\u4e00-\u9fff]{2})(?<!第)[两二三四五六七八九十\d]{1,2}(?:项|个方面)|"
    r"(?<=[\u4e00-\u9fff]{2})综合(?:行政)?)+$"  # "M查处方面的处罚权": M's; "M综合执法职责": the field M's
)  # "M1、M2两项职能": how many
# "法律、法规、规章规定的", "法律法规规定的": the legal basis of a power, never a matter
_LAW_SCOPE = re.compile(
    r"^(?:国家和省|国家|有关)?(?:的)?法律[、,和及]?(?:行政)?法规(?:[、,和及]?(?:地方性法规|规章))*(?:规定|设定)?的?"
)
# "(在)D领域…", "D方面：M的…" (a heading's colon after the field)
_DOMAIN = re.compile(r"^在?(?P<domain>[\u4e00-\u9fff]{2,12}?)(?P<kind>方面|领域)\s*[:：]?\s*(?P<rest>.*)$")
_FIELDS = re.compile(
    r"^在?(?P<fields>(?:[\u4e00-\u9fff]{2,12}、)+[\u4e00-\u9fff]{2,12}?)(?:等)?(?:[两二三四五六七八九十\d]{1,2}个)?(?:方面|领域)(?P<rest>.*)$"
)
_LISTED_DOMAIN = re.compile(r"^(?P<list>[^,，;；]+?)等(?P<domain>[\u4e00-\u9fff]{2,12}?)(?:方面|领域)(?:的)?$")


_EXAMPLES_OF = re.compile(r"^(?P<items>.+、[^、]{1,8})等(?P<head>[\u4e00-\u9fff]{4,12})$")


def split_matters(text: str, fields: Collection[str], *, split_he: bool) -> list[str]:
    """Split an enumeration of matters faithfully.

    Items are split on 、 ; "以及" and "及" join separate acts; "和" splits only in duty lists
    (fields of work), never in penalty lists, where it joins the objects of one act. ``fields``:
    the scope table's fields of work, no bare verbs (see ``join_bare_verbs``).

    >>> split_matters("向城市河道倾倒废弃物和垃圾及违规取土、城市河道违法建筑物拆除等", (), split_he=False)
    ['向城市河道倾倒废弃物和垃圾', '违规取土', '城市河道违法建筑物拆除']
    >>> split_matters("市政公用设施运行、市容环境卫生和园林绿化管理等", (), split_he=True)
    ['市政公用设施运行', '市容环境卫生', '园林绿化管理']
    """
    text = _MATTER_TRIM_TAIL.sub("", text.strip(" ,,、"))
    examples = _EXAMPLES_OF.match(text)
    if examples:  # "道路、公园、广场等公共空间秩序管理": short examples of one head noun
        items = examples.group("items").split("、")
        if len(items) >= 3 and sorted(map(len, items))[len(items) // 2] <= 6:
            return [examples.group("head")]
    parts = join_bare_verbs(re.split(r"[、;；]|[,，]?以及|,(?=[\u4e00-\u9fff]{4})", text), fields)
    out: list[str] = []
    for part in parts:
        for piece in _split_on(part, "及"):
            out.extend(_split_on(piece, "和") if split_he else [piece])
    cleaned = []
    for m in out:
        m = _MATTER_TRIM_TAIL.sub("", _MATTER_TRIM_HEAD.sub("", m.strip(" ,,")))
        if len(m) >= 2:
            cleaned.append(m)
    return cleaned


# the character before 及 in a word of its own (涉及, 普及, 危及, 顾及, 触及, 提及, 波及)
_IN_WORD = re.compile(r"[涉普危顾触论提波]$")


def _split_on(text: str, word: str) -> list[str]:
    """Split at ``word`` only when both sides are substantial (four characters or more)."""
    pieces = text.split(word)
    if len(pieces) == 1:
        return [text]
    out = [pieces[0]]
    for p in pieces[1:]:
        if len(out[-1]) >= 4 and len(p) >= 4 and not p.startswith(("其", "时", "以")) and not _IN_WORD.search(out[-1]):
            out.append(p)
        else:
            out[-1] = out[-1] + word + p
    return out


# ---------------------------------------------------------------- transfers

_CLAUSE = re.compile(r"[^;；]+[;；]?")
# a comma that opens the next disposal: "…划转至R1，将…", and the rest of the same giver's powers
# moved elsewhere ("…划归R1，其余职责下放至R2")
_NEXT_DISPOSAL = re.compile(r"[,，](?=[将把]|其[他余它])")


def _opens_disposal(sentence: str, comma: re.Match, subjects: Collection[int]) -> bool:
    return comma.end() in subjects or _NEXT_DISPOSAL.match(sentence, comma.start()) is not None


_THE_REST = re.compile(r"其[他余它]")


def _clauses(sentence: str, move: re.Pattern, subjects: Collection[int] = ()):
    """(clause, start) of a sentence: up to each semicolon, and a disposal already complete before a
    comma that opens the next one ("将G1的P1划转至R，将G2的P2划转至R") or a clause of another subject
    (a body at ``subjects``, where bodies start: "…划入R，R承接G2的P2") is a clause of its own."""
    for cm in _CLAUSE.finditer(sentence):
        start = checked = cm.start()
        moved = False
        commas = [c for c in COMMA.finditer(sentence, cm.start(), cm.end()) if _opens_disposal(sentence, c, subjects)]
        for comma in commas:
            moved = moved or move.search(sentence, checked, comma.start()) is not None
            checked = comma.start()  # each stretch searched once
            if moved:
                yield sentence[start : comma.end()], start
                start, moved = comma.end(), False
        yield sentence[start : cm.end()], start


@derived
def _power_regex(rules: Rules) -> re.Pattern:
    # a power noun before 范围 names the scope of a body's work, not a power: "属于G职责范围内的M"
    return re.compile(f"(?:{alternation(t for t, _ in rules.relations.powers)})(?!范围)")


@derived
def _stemmed_power_regex(rules: Rules) -> re.Pattern:
    """A power noun with the kinds of power before it that share its head: "许可、处罚职责" (see
    frames.power_labels_of); matched only where ``stems_before`` says such kinds stand."""
    return re.compile(f"{STEMS_BEFORE}+(?:{alternation(t for t, _ in rules.relations.powers)})(?!范围)")


@dataclass(frozen=True)
class _ImpliedPower:
    """A power noun the text leaves out, read as if written at ``at``: "城市公厕的维护管理由G移交R负责"
    moves the duty (职责) of that function. Stands where the frames take a power's match."""

    at: int
    noun: str

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.at

    def group(self) -> str:
        return self.noun


_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")


@derived
def _implied_duty_regex(rules: Rules) -> re.Pattern | None:
    """A function's last word with a move right after it, past 由 and its giver if written: where a
    duty named by its function alone ends."""
    if rules.relations.implied_duty is None:
        return None
    relations = rules.relations
    moves = alternation(
        {t for rid, frame in relations.frames.items() if frame == "move" for t in relations.triggers[rid]}
    )
    heads = alternation(rules.relations.implied_duty[1])
    # (the function word first: a look-behind opening the pattern would be tried at every place)
    return re.compile(rf"(?:{heads})(?=(?:工作)?[,，]?(?:由[^,，。；;]{{2,30}}?)?(?:{moves}))")


def implied_duties(clause: str, rules: Rules) -> list[_ImpliedPower]:
    """The duties a clause with no power noun moves by naming their function alone.

    >>> from kg.ruleset import load_rules
    >>> [(p.end(), p.group()) for p in implied_duties("城市公厕的维护管理由县住建局移交县城管局负责", load_rules())]
    [(9, '职责')]
    """
    regex = _implied_duty_regex(rules)
    if regex is None:
        return []
    return [
        _ImpliedPower(m.end(), rules.relations.implied_duty[0])
        for m in regex.finditer(clause)
        if m.start() >= 2 and _HAN_PAIR.fullmatch(clause, m.start() - 2, m.start())  # what the function is of
    ]


def _powers_in(clause: str, rules: Rules) -> list[re.Match]:
    """The power nouns of a clause, each with the kinds of power written before it that share its head."""
    # "行政许可、行政处罚等县级权限": kinds listed before the head they share, the series one power
    out = series_in(clause, rules.frames)
    series = out[:]
    for m in _power_regex(rules).finditer(clause):
        if any(s.start() <= m.start() < s.end() for s in series) or NAMES_A_REFORM.match(clause, m.end()):
            continue  # (within a series; the name of a reform: "相对集中行政处罚权工作")
        stems = stems_before(clause, m.start())
        whole = stems and _stemmed_power_regex(rules).match(clause, stems.start())
        out.append(whole if whole and whole.end() == m.end() else m)
    if series:
        out.sort(key=lambda m: m.start())
    return out


@derived
def _power_label(rules: Rules) -> dict[str, str]:
    return dict(rules.relations.powers)


@dataclass
class _Context:
    """What carries across sentences: a receiver announced by a header ("X集中行使…:")."""

    receiver: AgencySpan | None = None
    # a lead-in of a scope with no receiver ("集中行使行政处罚权的范围："): its items wait for one
    scope_open: bool = False
    # the body the document's title grants powers to ("某县赋予乡镇部分县级行政执法权实施方案"), and
    # whether the sentence stands under a heading naming what is granted ("二、赋权范围")
    granted: AgencySpan | None = None
    granted_section: bool = False


class Recognized:
    """What the recognize stage found in a document, looked up by any part of its text (the title,
    a heading, a header line, the words before 关于): the relate stage reads mentions from here and
    never runs the recognizers itself. Offsets are within the part asked for."""

    def __init__(self, doc: Document, sentences: list[Sentence], mentions: list[SentenceMentions]) -> None:
        self._text = doc.text
        self._found = [
            (s.start + x.start, s.start + x.end, x, kind)
            for s, m in zip(sentences, mentions)
            for kind, xs in enumerate((m.places, m.bodies, m.numbers))
            for x in xs
        ]
        self._memo: dict[str, tuple[list, list, list]] = {}

    def within(self, part: str) -> tuple[list[PlaceSpan], list[AgencySpan], list[NumberSpan]]:
        """The places (as resolved), bodies and document numbers recognized inside the first
        occurrence of ``part`` in the document's text; nothing when the text does not hold it."""
        if part not in self._memo:
            at, end_at, breaks = self._find(part)
            found: tuple[list, list, list] = ([], [], [])
            if at >= 0:
                for start, end, x, kind in self._found:
                    if at <= start and end <= end_at:
                        shift = at + sum(1 for b in breaks if b < start)  # the line breaks the part leaves out
                        found[kind].append(replace(x, start=start - shift, end=end - shift))
            self._memo[part] = found
        return self._memo[part]

    def _find(self, part: str) -> tuple[int, int, list[int]]:
        """(start, end, line breaks inside) of the first occurrence of ``part`` in the text, which
        may break it over lines (a title joined from three header lines); (-1, -1, []) if none."""
        if not part:
            return -1, -1, []
        at = self._text.find(part)
        if at >= 0:
            return at, at + len(part), []
        if "\n" in part or len(part) > 200:
            return -1, -1, []
        m = re.search("\n?".join(map(re.escape, part)), self._text)
        if not m:
            return -1, -1, []
        return m.start(), m.end(), [i for i in range(m.start(), m.end()) if self._text[i] == "\n"]

    def bodies(self, part: str) -> list[AgencySpan]:
        return self.within(part)[1]

    def bodies_between(self, start: int, end: int) -> list[AgencySpan]:
        """The bodies recognized inside ``[start, end)`` of the document's text (offsets within their
        sentences): where a part stands is known, so not its first occurrence, which may lie inside a
        longer name ("市综合行政执法局" inside "沅江市综合行政执法局")."""
        return [x for s, e, x, kind in self._found if kind == 1 and start <= s and e <= end]

    def all_bodies(self) -> list[AgencySpan]:
        """Every body the document names, in order (offsets within their sentences)."""
        return [x for _start, _end, x, kind in self._found if kind == 1]

    def places(self, part: str) -> list[PlaceSpan]:
        return self.within(part)[0]

    def numbers(self, part: str) -> list[NumberSpan]:
        return self.within(part)[2]


@derived
def _trigger_res(rules: Rules) -> dict[tuple[str, ...], re.Pattern]:
    """Each relation rule's triggers (a tuple of words) → one regex of them."""
    return {words: re.compile(alternation(words)) for words in rules.relations.triggers.values()}


def _group(agencies: list[AgencySpan]) -> list[list[AgencySpan]]:
    """Agencies that share a written span (a coordination) grouped together."""
    groups: dict[tuple[int, int], list[AgencySpan]] = {}
    for a in agencies:
        groups.setdefault((a.start, a.end), []).append(a)
    return list(groups.values())


@dataclass
class _Clause:
    """One clause of a sentence as the clause frames read it."""

    text: str
    start: int  # in the sentence
    bodies: list[AgencySpan]  # those within the clause
    powers: list[re.Match]  # the power nouns of the clause
    sentence: str
    sentence_bodies: list[AgencySpan]
    context: _Context
    next_text: str
    next_bodies: list[AgencySpan]


# The clause frames of relations.yaml: each reads a clause with its rule's triggers and returns its
# records ([] none; None: the clause is a header, no frame after it reads it).
CLAUSE_FRAMES: dict[str, Callable] = {
    "move": lambda rules, c, words: _move_transfer(
        rules, c.text, c.start, c.bodies, c.powers, words, c.sentence_bodies
    ),
    "concentrate": lambda rules, c, words: _concentrate_transfer(
        rules, c.text, c.start, c.bodies, c.powers, words, c.context
    ),
    "grant": lambda rules, c, words: _grant_transfer(rules, c.text, c.start, c.bodies, c.powers, words),
    "exercise": lambda rules, c, words: _exercise_transfer(
        rules, c.text, c.start, c.bodies, c.powers, c.sentence_bodies
    ),
    "scope_list": lambda rules, c, words: _scope_item(
        rules, c.text, c.start, c.bodies, c.powers, c.context, c.next_text, c.next_bodies, c.sentence[: c.start]
    ),
    "staffing": lambda rules, c, words: _staffing_transfer(rules, c.text, c.start, c.sentence, c.sentence_bodies),
}


@derived
def _frame_order(rules: Rules) -> tuple[str, ...]:
    """The clause frames in the order relations.yaml names them first."""
    return tuple(dict.fromkeys(rules.relations.frames.values()))


def _frame_triggers(rules: Rules, frame: str) -> tuple[str, ...]:
    """The triggers of the first rule that names ``frame``."""
    return _triggers_by_frame(rules)[frame]


@derived
def _triggers_by_frame(rules: Rules) -> dict[str, tuple[str, ...]]:
    """Each clause frame → the triggers of the first rule that names it (looked up once, not per clause)."""
    out: dict[str, tuple[str, ...]] = {}
    for rid, frame in rules.relations.frames.items():
        out.setdefault(frame, rules.relations.triggers[rid])
    return out


def transfers_in(
    sentence_text: str,
    agencies: list[AgencySpan],
    rules: Rules,
    *,
    next_text: str = "",
    next_agencies: list[AgencySpan] = (),
    context: _Context | None = None,
    collectives: list[tuple[str, str, str | None, int, int]] | None = None,
) -> list[dict]:
    """Transfers stated in one sentence whose bodies the recognize stage found (``agencies``; the
    next sentence's, ``next_agencies``), as dicts (source, source_sector, power, matter, target,
    target_sector, domain, rule, span). ``collectives`` are the sentence's collective bodies
    (``collective_agencies``), when the caller has them already.

    >>> from kg.recognize import find_agencies
    >>> from kg.ruleset import load_rules
    >>> rules = load_rules()
    >>> text = "将市水务局河道采砂的行政处罚权划入市城管局。"
    >>> [(t["source"], t["matter"], t["target"]) for t in transfers_in(text, find_agencies(text, rules), rules)]
    [('市水务局', '河道采砂', '市城管局')]
    """
    # every frame here reads a clause that names a power, or (in a sentence that names none) a duty
    # by its function alone
    implied = not _power_regex(rules).search(sentence_text) and not series_in(sentence_text, rules.frames)
    if implied and not implied_duties(sentence_text, rules):
        return []
    # (a giver's short name, "G（以下简称X）的P", names no giver of its own)
    agencies = without_other_names(sentence_text, agencies, short_names=True)
    context = context or _Context()
    out: list[dict] = []
    if collectives is None:
        collectives = collective_agencies(sentence_text, rules.frames)
    agencies = list(agencies) + _collective_spans(sentence_text, agencies, collectives)
    move = _frame_triggers(rules, "move")
    for clause, cs in _clauses(sentence_text, _trigger_res(rules)[move], {a.start for a in agencies}):
        ce = cs + len(clause)
        powers = implied_duties(clause, rules) if implied else _powers_in(clause, rules)
        if not powers:
            continue
        c = _Clause(
            clause, cs, [a for a in agencies if a.start >= cs and a.end <= ce], powers, sentence_text, agencies,
            context, next_text, next_agencies,
        )  # fmt: skip
        found: list[dict] | None = []
        for frame in _frame_order(rules):  # the first frame that reads the clause wins (relations.yaml's order)
            found = CLAUSE_FRAMES[frame](rules, c, _frame_triggers(rules, frame))
            if found is None or found:
                break
        if found is None:  # a header announcing the receiver of the items that follow
            continue
        if out and _THE_REST.match(clause):  # "…划归R1，其余职责下放至R2": the rest of the same giver's
            for t in found:
                if t["source"] is None:
                    t["source"], t["source_sector"] = out[-1]["source"], out[-1]["source_sector"]
                    t["matter"] = t["matter"] or clause[: powers[0].end()]  # "其余职责": the catch-all as written
        for t in found:
            t["span"] = (cs + t["span"][0], cs + t["span"][1])  # clause-relative → sentence-relative
            out.append(t)
    return out


def _collective_spans(text: str, agencies: list[AgencySpan], collectives) -> list[AgencySpan]:
    """The governments a bare collective stands for ("下放至各区", "交由各县（市、区）行使"), where the
    recognizer found none, as spans the move rules read like any body's (the towns of "赋予乡镇(街道)"
    are the grant frames' to read)."""
    out = []
    for name, sector, level, start, end in collectives:
        if sector == "人民政府" and not any(a.start < end and start < a.end for a in agencies):
            out.append(AgencySpan(start, end, text[start:end], name, sector, level, "agency.collective.v1"))
    return out


def _receiver_after(clause: str, cs: int, at: int, agencies: list[AgencySpan]) -> AgencySpan | None:
    """The first body named within a few characters after offset ``at`` (clause-relative), past
    the words that say which bodies of a kind receive ("全县20个乡镇人民政府")."""
    past = DETERMINER.match(clause, at).end()
    able = ABLE_TO_RECEIVE.match(clause, past)  # "交由能够有效承接的乡镇人民政府": which of them, by what they can do
    past = DETERMINER.match(clause, able.end()).end() if able else past
    for a in sorted(agencies, key=lambda a: a.start):
        # a collective takes its determiner into its name ("各区"): it may start before ``past``
        if a.start >= cs + at and a.start - (cs + past) <= MOVE_RECEIVER_REACH:
            # "下放至各街道办事处综合执法队": a unit written right after its body is the one that receives
            return next((u for u in agencies if u.start == a.end), a)
    return None


# a duty's object opened by the verb that punishes ("查处M1、M2的职责", "依法查处M的职能")
_PENALIZED = re.compile(r"^(?:依法)?(?:查处|处罚|查纠)(?P<m>[\u4e00-\u9fff].+)$")


def _records(
    rules: Rules, givers, receiver, power_text, matter_text, domain, rule, span, *, giver_fallback=None
) -> list[dict]:
    kinds = series_powers(power_text, rules.frames)
    if kinds:  # "行政许可、行政处罚等县级权限": each kind, over the matters or else the level's powers
        return [
            r
            for one, own in kinds
            for r in _records(
                rules, givers, receiver, one, matter_text or own, domain, rule, span, giver_fallback=giver_fallback
            )
        ]
    each = power_labels_of(power_text, _power_label(rules))
    if len(each) > 1:  # "许可、处罚职责": one power of each kind, over the same matters
        return [
            r
            for one in each
            for r in _records(
                rules, givers, receiver, one, matter_text, domain, rule, span, giver_fallback=giver_fallback
            )
        ]
    label = each[0]
    penalized = _PENALIZED.match(matter_text or "") if label in ("管理职责", "执法职责") else None
    if penalized:  # "查处M1、M2的职责": the duty to investigate and punish them, a penalty power over each act
        label, matter_text = "行政处罚权", penalized.group("m")
    split_he = label not in ("行政处罚权", "行政强制权")
    matters: list[str | None]
    level = LEVEL_ALONE.fullmatch(matter_text or "")
    if level:  # "部分县级P": the level's powers, as a whole
        matter_text = level.group("level") + power_text
    if matter_text is None:
        matters = [None]
    elif re.fullmatch(r"(全部|部分)\S{1,6}", matter_text) and _power_regex(rules).fullmatch(matter_text, 2):
        # "A的全部职责": the whole remit is the matter (of the powers bundled with it too)
        matters = [matter_text]
    elif described(matter_text + "的", rules.frames):
        matters = [matter_text + "的" + power_text]  # "群众反映强烈、基层迫切需要的P": a description, whole
    else:
        matters = split_matters(matter_text, rules.frames.scope_sectors, split_he=split_he) or [None]
    domain_sector = (_sector_of_text(rules, domain) or scope_sector(domain, rules.frames)) if domain else None
    out = []
    giver_groups = givers or [None]
    for giver in giver_groups:
        for matter in matters:
            if giver is not None:
                source, source_sector = giver.text, giver.sector
            else:
                # with no field written, a matter that names one ("园林绿化") gives its sector
                matter_sector = scope_sector(matter, rules.frames) if matter and not domain else None
                source, source_sector = giver_fallback, domain_sector or matter_sector
            out.append(
                {
                    "source": source,
                    "source_sector": source_sector,
                    "power": label,
                    "matter": matter,
                    "target": receiver.text if receiver else None,
                    "target_sector": receiver.sector if receiver else None,
                    "domain": domain,
                    "rule": rule,
                    "span": span,
                }
            )
    return out


_COUNT_AT_END = re.compile(r"(?<=的)[\d一二三四五六七八九十百两]{1,5}项$")


_LEVEL_OF_POWER = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<![省市县区])[省市县区乡镇](?:级|一级)$")


def _matter_and_domain(text: str) -> tuple[str | None, str | None]:
    """Split "环境保护管理方面社会生活噪声污染、…" into (matters, domain)."""
    text = _ARTICLE.sub("", text.strip(" ,,:"))  # "第三条 前条规定的P…": the article's number is no part of it
    if not LEVEL_ALONE.fullmatch(text):  # ("部分县级(P)" alone: the level's powers, as a whole)
        text = _LEVEL_OF_POWER.sub("", text)  # "…方面的部分县级(P)": whose level, not what
    scattered = SCATTERED.search(text)  # "(整合原)分散在G的": the holders, not the matter
    if scattered:
        text = text[scattered.end() :]
    text = RELEVANT_PART.sub("", COUNT_OF_GIVERS.sub("", _MATTER_TRIM_HEAD.sub("", text)))
    text = _COUNT_AT_END.sub("", text)  # "D1、D2等领域的236项(P)": how many, no part of the fields
    listed = _LISTED_DOMAIN.match(text)
    if listed:  # "城市道路、桥梁等市政设施管理方面": the matters listed, then the field they belong to
        return listed.group("list"), listed.group("domain")
    fields = _FIELDS.match(text)
    if fields and len(_MATTER_TRIM_TAIL.sub("", _LAW_SCOPE.sub("", fields.group("rest")))) < 2:
        # "城市供水、城市节约用水、城市排水方面法律、法规、规章规定的": each field is a matter
        return fields.group("fields"), None
    m = _DOMAIN.match(text)
    if m:
        rest = _MATTER_TRIM_TAIL.sub("", _LAW_SCOPE.sub("", m.group("rest")))
        if len(rest) >= 2:  # (the legal basis is no part of the matter: "…方面法律、法规规定的对M的")
            rest = re.sub(r"^对", "", _LAW_SCOPE.sub("", m.group("rest")))
            # "对侵占城市道路行为的": the act, not the word for it ("违法行为" stays)
            return re.sub(r"(?<=[\u4e00-\u9fff]{2})(?<!违法)(?<!违规)行为(?=的?$)", "", rest), m.group("domain")
        # "住房城乡建设领域…的全部行政处罚权": the field itself is the matter
        return m.group("domain") + m.group("kind"), m.group("domain")
    text = _MATTER_TRIM_TAIL.sub("", text)
    return (text or None), None


def _move_transfer(rules: Rules, clause, cs, agencies, powers, triggers, sentence_agencies) -> list[dict]:
    """A move to the body after the verb; bodies named with it ("交由乡镇人民政府、街道办事处行使")
    each receive the same."""
    out = _move_to_first(rules, clause, cs, agencies, powers, triggers, sentence_agencies)
    if not out:
        return out
    first = next((a for a in sorted(agencies, key=lambda a: a.start) if a.text == out[0]["target"]), None)
    more = _named_with(clause, cs, first, agencies)[1:] if first is not None else []
    return out + [dict(t, target=a.text, target_sector=a.sector) for a in more for t in out]


def _named_with(clause: str, cs: int, first: AgencySpan, agencies, *, backward: bool = False) -> list[AgencySpan]:
    """``first`` and the bodies named together after it ("乡镇人民政府、街道办事处", "各街道办事处和各镇
    人民政府"), and a body in brackets that stands with it ("乡镇人民政府(街道办事处)"), not the same
    body's second nameplate ("市城市管理委员会(市城市管理综合执法局)"); ``backward``, those named
    together before it ("甲局、乙局" before 乙局), in the text's order."""
    run = [first]
    for a in sorted(agencies, key=lambda a: a.start, reverse=backward):
        left, right = (a, run[-1]) if backward else (run[-1], a)
        joined = right.start > left.end and _JOINED_BODY.fullmatch(clause, left.end - cs, right.start - cs)
        if joined and (joined.group()[0] not in "(（" or either_body(left, right)):
            run.append(a)
    return run[::-1] if backward else run


_SUBJECT_TO_JIANG = re.compile(r"(?:应当|应|要|须|需|依法|已|拟)?")


def _subject_giver(clause: str, cs: int, jiang: int, agencies: list[AgencySpan]) -> list[AgencySpan]:
    """The body written as the subject just before 将 ("G1、G2等部门将"), when it is a department (not a
    government, a party committee or an establishment office, which decide moves of others' powers)."""
    ordered = sorted(agencies, key=lambda a: a.start)
    for i, a in enumerate(ordered):
        between = clause[a.end - cs : jiang] if a.end - cs <= jiang else None
        if between is not None:  # "G1、G2等部门将": the count closing the givers is no part of the gap
            between = between[len(m.group()) :] if (m := COUNT_OF_GIVERS.match(between)) else between
        if between is not None and _SUBJECT_TO_JIANG.fullmatch(between) and a.sector not in DECIDING_SECTORS:
            if a.rule_id == "agency.council.v1":
                return []
            # "G1、G2将P划转至R": the departments named together as the subject each give
            departments = [b for b in ordered[: i + 1] if b.sector not in DECIDING_SECTORS]
            return _named_with(clause, cs, a, departments, backward=True)
    return []


# "将已下放至各街道的P收回至R": a move done before, in a relative clause naming the powers it moved
_MOVED_BEFORE = re.compile(rf"{EARLIER}$")
_RELATIVE_TAIL = re.compile(r"[^，,。；;]{0,20}?的")


def _move_trigger(rules: Rules, clause: str, triggers) -> re.Match | None:
    """The verb of the clause's move: the first trigger that is no part of a relative clause
    describing the powers by a move done before ("已下放至各街道的")."""
    for trig in _trigger_res(rules)[triggers].finditer(clause) if triggers else ():
        if not (_MOVED_BEFORE.search(clause, 0, trig.start()) and _RELATIVE_TAIL.match(clause, trig.end())):
            return trig
    return None


@derived
def _bare_move_res(rules: Rules) -> list[tuple[str, re.Pattern]]:
    """The move rules after the first (relations.yaml's order), each read only where its verb is
    followed at once by a body: (rule id, regex of its verbs)."""
    moves = [rid for rid, frame in rules.relations.frames.items() if frame == "move"]
    out = []
    for rid in moves[1:]:
        guard = rules.relations.not_after[rid]
        before = f"(?<![{re.escape(guard)}])" if guard else ""
        out.append((rid, re.compile(rf"{before}(?:{alternation(rules.relations.triggers[rid])})(?=[\u4e00-\u9fff])")))
    return out


def _bare_move(rules: Rules, clause: str, cs: int, agencies) -> tuple[re.Match | None, str]:
    for rid, verbs in _bare_move_res(rules):
        for trig in verbs.finditer(clause):
            at = cs + DETERMINER.match(clause, trig.end()).end()
            if any(a.start in (cs + trig.end(), at) for a in agencies):
                return trig, rid
    return None, ""


def _relative_move(rules: Rules, clause: str, start: int, triggers) -> int | None:
    """Where the object at ``start`` goes on past a relative clause naming a move done before
    ("已下放至各街道的"), or None when it opens with none."""
    if not triggers:
        return None
    before = EARLIER_AT.match(clause, start)
    trig = before and _trigger_res(rules)[triggers].match(clause, before.end())
    tail = trig and _RELATIVE_TAIL.match(clause, trig.end())
    return tail.end() if tail else None


def _move_to_first(rules: Rules, clause, cs, agencies, powers, triggers, sentence_agencies) -> list[dict]:
    trig = _move_trigger(rules, clause, triggers)
    rule = "transfer.move_to.v1"
    if not trig:
        # "职责划转城市管理部门", "P，交R实施": a verb with its receiver right after it, no preposition
        trig, rule = _bare_move(rules, clause, cs, agencies)
        if not trig:
            return []
    receiver = _receiver_after(clause, cs, trig.end(), agencies)
    if receiver is None:
        return []
    before = [p for p in powers if p.end() <= trig.start()]
    if not before:
        return []
    power = before[-1]
    if len(before) > 1 and "编制" in power.group() and _STAFF_FOLLOW.fullmatch(clause, before[-2].end(), power.start()):
        # "将G承担的M执法职责及相应编制划入R": the staff follow the duty; the duty is what moves
        power = before[-2]
    # "将G在D领域的P1，以及与之相关的P2、P3，划入R": the powers bundled with the first share its matter
    bundled = _bundled_after(clause, before) if power is before[-1] else []
    if bundled:
        power = before[-1 - len(bundled)]
    jiang = clause.rfind("将", 0, power.start())
    start = jiang + 1 if jiang >= 0 else 0
    if jiang < 0:
        # with no 将, the move starts after the last comma before its power ("各地应…,有关管理和执法
        # 职责划转…") unless that comma opens another item ("…全部职能,以及…部分职责")
        commas = [
            c
            for c in re.finditer(r"[,，](?!以及|及|和)", clause[: power.start()])
            if not re.search(r"[,，]\s*(?:以及|及)", clause[c.end() : power.start()])
        ]
        if commas:
            start = commas[-1].end()
        # "G1的P1，G2的M2P2，统一划转R": the parts before that each end in a power share the verb
        # (each such part a giver's: it opens with the body whose powers it names)
        ends = {p.end() for p in powers}
        opening = {a.start - cs for a in agencies}
        while commas and commas[-1].start() in ends:
            before = commas[-2].end() if len(commas) > 1 else 0
            if before + len(re.match(r"\s*(?:原)?", clause[before:]).group()) not in opening:
                break
            commas.pop()
            start = before
    givers = _with_units([a for a in agencies if cs + start <= a.start and a.end <= cs + power.start()])
    givers = _departments_by_kind(clause, cs, start, power.start(), givers) or givers
    relative = _relative_move(rules, clause, start, triggers)
    if relative is not None:  # "将已下放至各街道的P收回至R": the holders that move made give the powers back
        holders = [a for a in agencies if cs + start <= a.start and a.end <= cs + relative]
        givers = holders or [a for a in givers if a.start >= cs + relative]
        start = relative
    if not givers:
        # "将X职能由A调整至B", "P，从A剥离，移交B": the giver stands after the power, behind 由 or 从
        by = re.search(r"由|从", clause[power.end() : trig.start()])
        late = [a for a in agencies if by and cs + power.end() + by.end() <= a.start and a.end <= cs + trig.start()]
        if late:
            seg, p_text = _glued_power(clause[start : power.start()], power.group())
            matter_text, domain = _matter_and_domain(seg)
            joined = _named_with(clause, cs, late[0], late)  # "由G1、G2调整到R": each of the givers named together
            return _records(rules, joined, receiver, p_text, matter_text, domain, rule, (0, len(clause)))
    if clause.startswith("其", start) and not _THE_REST.match(clause, start):
        # "撤销X,将其承担的…": the giver is the body named earlier in the sentence
        givers = [a for a in sentence_agencies if a.end <= cs + start][-2:]
    if not givers and jiang >= 0:
        # "县交通运输局将…处罚权移交县综合执法局": a bureau that moves a power of no named owner gives it
        givers = _subject_giver(clause, cs, jiang, agencies)
    out = []
    if not givers:
        fallback = "原主管部门" if "原主管部门" in clause else None
        # several powers in one move: "A等方面的全部职能,以及B等方面的部分职责,整合到C"
        segment_start, matter_text, domain = start, None, None
        for p in [p for p in powers if start <= p.start() and p.end() <= trig.start()]:
            seg, p_text = _glued_power(clause[segment_start : p.start()], p.group())
            bundled = BUNDLED.fullmatch(seg.strip()) if matter_text else None
            if bundled:
                # "D领域的P及相关行政检查、P2": a power joined to the one before has its matter, and so
                # has each bare power named before it
                for name in re.findall(BARE_POWER, bundled.group("bare") or ""):
                    label = ENFORCEMENT_NAMES[name]
                    out.extend(
                        _records(
                            rules,
                            [],
                            receiver,
                            label,
                            matter_text,
                            domain,
                            rule,
                            (0, len(clause)),
                            giver_fallback=fallback,
                        )
                    )
            else:
                seg = re.sub(r"^[,，]?(?:以及|及|和)", "", seg)
                matter_text, domain = _matter_and_domain(seg)
            if not matter_text or len(matter_text) < 2:
                matter_text = None
            out.extend(
                _records(
                    rules, [], receiver, p_text, matter_text, domain, rule, (0, len(clause)), giver_fallback=fallback
                )
            )
            segment_start = p.end()
        return out
    # several givers, each followed by its own matters: "将A的全部职责和B…职责调整到C"
    givers.sort(key=lambda a: a.start)
    grouped = _group(givers)
    # "将甲局、乙局的部分P…": givers joined by 、/和 before one object share it
    joined = [False] * len(grouped)
    for i in range(len(grouped) - 1):
        joined[i] = (
            re.fullmatch(r"[、和及与]", clause[grouped[i][0].end - cs : grouped[i + 1][0].start - cs]) is not None
        )
    for i, group in enumerate(grouped):
        k = i
        while k < len(grouped) - 1 and joined[k]:
            k += 1
        g_end = grouped[k][0].end - cs  # the object after the last of the joined givers
        nxt = grouped[k + 1][0].start - cs if k + 1 < len(grouped) else power.start()
        seg = clause[max(g_end, start) : nxt]  # a giver written before 将 (its subject): the object after it
        seg = re.sub(r"(?:和|及|与|以及)$", "", seg)
        own_power = [p for p in powers if g_end <= p.start() < nxt]
        p_text = own_power[-1].group() if own_power else power.group()
        if own_power:
            seg = clause[g_end : own_power[-1].start()]
        seg, p_text = _glued_power(seg, p_text)
        seg = _HELD.sub("", seg, count=1)  # "原由G实施的M": what G held
        each = _RESPECTIVELY.match(seg)
        if each:  # "由G1、G2分别承担的M1、M2执法职责": the givers named together, each its own, in order
            seg = seg[each.end() :]
            first = max((j for j in range(i + 1) if j == 0 or not joined[j - 1]), default=0)
            items = split_matters(seg, (), split_he=False)
            if len(items) == k - first + 1:
                seg = items[i - first]
        matter_text, domain = _matter_and_domain(seg)
        if matter_text and _COUNTED.fullmatch(matter_text):
            # "…的52项行政执法权": a count names no matter; the power as written stands for it
            # (as "215项县级经济社会管理权限" is the matter 县级经济社会管理权限)
            matter_text = p_text
        if not matter_text or len(matter_text) < 2:
            # "将G承担的行政处罚职责划入R": all of G's power as written moves (as "全部职责" does)
            whole = re.search(r"全部|部分", seg)
            matter_text = whole.group() + p_text if whole else p_text
        labels = [p_text] + (bundled if k == len(grouped) - 1 else [])
        for label in labels:
            if len(group) > 1 and len({g.sector for g in group}) > 1:
                # "将规划、环保…执法队伍中部分编制划入X": bodies of several sectors give one each;
                # "市、县(区)环保局" (one sector at two levels) gives as one giver, as written
                for g in group:
                    for r in _records(rules, [g], receiver, label, matter_text, domain, rule, (0, len(clause))):
                        r["source"] = g.name
                        out.append(r)
            else:
                out.extend(_records(rules, [group[0]], receiver, label, matter_text, domain, rule, (0, len(clause))))
    return out


# what may stand between the last power of a move's object and its verb: "…P3，统一划入R"
_BEFORE_MOVE = re.compile(r"[,，\s]*(?:一并|统一|全部|依法|整体)*")


_JOINED = re.compile(r"[,，]?\s*(?:以及|及|和|、|并|与)")


def _bundled_after(clause: str, before: list[re.Match]) -> list[str]:
    """The powers bundled with an earlier one at the end of a move's object ("…的P1，以及与之相关的
    P2、P3，划入R" → [P2, P3]), when nothing but the bundle words stands between them; else none."""
    out: list[str] = []
    for i in range(len(before) - 1, 0, -1):
        gap = clause[before[i - 1].end() : before[i].start()]
        if not BUNDLED.fullmatch(gap.strip()) or not _JOINED.match(gap.strip()):
            break
        out.insert(0, before[i].group())
        if re.search(r"相关|有关|相应|与之|与其", gap):
            return out  # the bundle opens here: the powers before it carry the matter
    return []


# "G1、G2分别承担的M1、M2…": givers named together, each holding its own of the matters, in order
_RESPECTIVELY = re.compile(r"分别(?:承担|负责|行使|履行|实施|管理)?的?")
# a giver's own, written as a relative clause right after it: "原由G实施的M", "G承担的M"
_HELD = re.compile(r"^(?:原|目前|现)?(?:承担|负责|行使|履行|实施|管理)的")


# departments named by their kind before what they hold: "有关部门的", "县直部门的", and a
# government's departments ("县级人民政府有关部门的"): one giver as written, of no one sector
_GIVER_BY_KIND = re.compile(rf"(?P<kind>{GIVER_KIND})的")
_DEPARTMENTS_OF = re.compile(rf"(?P<kind>{GIVER_KIND_TAIL})的")  # after the government named: "人民政府(工作)部门的"


def _departments_by_kind(clause: str, cs: int, start: int, end: int, givers: list) -> list:
    """The giver of "将县级人民政府有关部门的部分P…" or "将有关部门的P…": the departments as
    written (generic, no sector); none when the object names no departments by kind."""
    government = givers[0] if len(givers) == 1 and givers[0].sector == "人民政府" else None
    if givers and government is None:
        return []
    kind = (_DEPARTMENTS_OF if government else _GIVER_BY_KIND).match(
        clause, government.end - cs if government else start
    )
    if kind is None or kind.end() > end:
        return []
    begin = government.start if government else cs + kind.start()
    written = clause[begin - cs : kind.end("kind")]
    level = government.level if government else None
    return [
        AgencySpan(begin, cs + kind.end("kind"), written, written, None, level, "transfer.move_to.v1", generic=True)
    ]


# what follows a duty that moves: its staff ("…执法职责及相应编制", "…职能和相关人员编制")
_STAFF_FOLLOW = re.compile(r"(?:及|和|以及|连同)(?:其|相应|相关)?(?:的)?(?:人员)?")


def _with_units(givers: list[AgencySpan]) -> list[AgencySpan]:
    """A unit written right after its body is one giver: "市环境保护局环境监察支队"."""
    out: list[AgencySpan] = []
    for a in sorted(givers, key=lambda a: a.start):
        if out and out[-1].end == a.start and UNIT.search(a.text) and not UNIT.search(out[-1].text):
            head = out.pop()
            out.append(replace(a, start=head.start, text=head.text + a.text, name=head.text + a.text, level=head.level))
        else:
            out.append(a)
    return out


_COUNTED = re.compile(r"(?:\d+|[一二三四五六七八九十百]+)项")
_STAFFING = re.compile(
    r"从(?P<giver>[^,,。;；]{2,20}?)划转"
    r"(?P<what>(?P<num>\d+名)?(?:[\u4e00-\u9fff]{0,6}?编制(?:\d+名)?|人员(?:\d+名)?)?)"
)
_NEW_BODY = re.compile(r"(?:设立|成立|组建|设置)")
# the body the posts go to, after them: "从A划转编制20名，从B划转编制15名至R"
_STAFF_TO = re.compile(r"(?:至|到|给|划入|充实到|充实至)$")


def _staffing_transfer(rules: Rules, clause, cs, sentence_text, agencies) -> list[dict]:
    """ "(在A设立B,)…所需编制…从C划转5名编制", "从C1划转编制20名，从C2划转编制15名至R": staff posts
    move from each C to the new, named or following body."""
    moves = list(_STAFFING.finditer(clause))
    if not moves or "编制" not in sentence_text[: cs + moves[0].end()]:
        return []
    after = [a for a in agencies if a.start >= cs + moves[-1].end() and _STAFF_TO.search(sentence_text, 0, a.start)]
    new = _NEW_BODY.search(sentence_text)
    candidates = [a for a in agencies if new and a.start >= new.end()] or [
        a for a in agencies if a.end <= cs + moves[0].start()
    ]
    if after:
        receiver = after[0]
    elif candidates:
        receiver = candidates[0] if new else candidates[-1]
    else:
        return []
    out = []
    for m in moves:
        giver_text = m.group("giver")
        sector = "街道乡镇" if re.search(r"乡镇|街道", giver_text) else _sector_of_text(rules, giver_text)
        what = m.group("what")
        matter = what if what and what != m.group("num") and "编制" in what else None
        matter = matter or (f"{m.group('num')}编制" if m.group("num") else "人员编制")
        out.append(
            {
                "source": giver_text,
                "source_sector": sector,
                "power": "编制",
                "matter": matter,
                "target": receiver.text,
                "target_sector": receiver.sector,
                "domain": None,
                "rule": "transfer.staffing.v1",
                "span": (0, len(clause)),
            }
        )
    return out


def _after_last_comma(clause: str, end: int) -> int:
    """Where a clause's last comma-separated part before ``end`` starts (a comma before 以及/及/和
    joins items of one list and does not count)."""
    start = 0
    for comma in re.finditer(r"[,，](?!以及|及|和)", clause[:end]):
        start = comma.end()
    return start


def _glued_power(seg: str, power_text: str) -> tuple[str, str]:
    """ "路灯养护管理职责": with no 的 between, 管理 belongs to the matter (路灯养护管理) and the
    power is the duty (职责); "…的管理职责" keeps 管理职责 whole."""
    if power_text == "管理职责" and glued_to_field(seg):
        return seg + "管理", "职责"
    return seg, power_text


# what names powers only by the move that gave them: "赋予的", "县直部门下放的", "依法划转的"
_MOVED_ELSEWHERE = re.compile(rf"[^,，;；。]{{0,10}}?(?:{GRANT_VERBS}|划转|移交)(?:的|其)?")


_ARTICLE = re.compile(r"^\s*第[一二三四五六七八九十百零\d]+条\s*")  # an article's number opens its text


# a power that modifies the body after it ("集中行使行政处罚权的行政机关"): a kind of body named
_POWER_AS_MODIFIER = re.compile(r"的(?:行政机关|机关|部门|单位|机构)")
_AFTER_THAT = re.compile(r"(?:以后|之后|后)")


_IN_NAME_OF = re.compile(r"的?名义")
_PART_OF = re.compile(r"的?(?:工作部门|组成部门|直属机构|直属特设机构|部门管理机构|派出机构|直属事业单位|所属)")
_BY_ANAPHOR = re.compile(r"由(?:其|该局|该部门|该机关)(?:依法|统一|集中|相对集中)*$")


def _concentrate_transfer(rules: Rules, clause, cs, agencies, powers, triggers, context: _Context) -> list[dict] | None:
    trig = _trigger_res(rules)[triggers].search(clause) if triggers else None
    if not trig or _BY_ANAPHOR.search(clause, 0, trig.start()):
        return []  # "…整合，由其统一行使": the holder is the body 其 points back to, read by the frames
    # (not the body in whose name it acts: "R以县人民政府名义集中行使…", nor the one it is part of:
    # "设立R，为县人民政府工作部门，集中行使…", nor where the powers lay: "R整合了原分散在G1、G2等部门的职能…")
    scattered = [m.span("g") for m in SCATTERED.finditer(clause)]
    before = [
        a
        for a in agencies
        if a.end <= cs + trig.start()
        and not _IN_NAME_OF.match(clause, a.end - cs)
        and not (clause.endswith(("为", "是"), 0, a.start - cs) and _PART_OF.match(clause, a.end - cs))
        and not any(s <= a.start - cs and a.end - cs <= e for s, e in scattered)
    ]
    receiver = before[-1] if before else None
    if receiver is None:
        return []
    after = [p for p in powers if p.start() >= trig.end()]
    if not after:
        # passive: "…方面…的行政处罚权,由B集中行使" — the power stands before its receiver
        ahead = [p for p in powers if p.end() <= receiver.start - cs]
        if not ahead:
            return []
        if _moved_before_holder(rules, clause, ahead[-1].end(), receiver.start - cs):
            return []
        # "D1方面的M1等P，D2方面的M2等P，均由B集中行使": each group before a comma is read
        groups = [p for p in ahead[:-1] if re.match(r"\s*[，,]", clause[p.end() :])] + [ahead[-1]]
        out = []
        rid = "transfer.concentrate.v1"
        prev = None  # the group before: where it ends, its givers, matter and field
        for power in groups:
            if prev is not None and prev[1] and BUNDLED.fullmatch(clause, prev[0], power.start()):
                # "G1、G2两个领域的P，以及与之相关的P2": the powers bundled with the group before are its givers'
                out.extend(_records(rules, prev[1], receiver, power.group(), *prev[2:], rid, (0, len(clause))))
                continue
            opening = _after_last_comma(clause, power.start())
            body = clause[opening : power.start()]
            body = re.sub(r"^(?:将|把|对)", "", _ARTICLE.sub("", body))
            if LIST_HEADER_OBJECT.search(body):
                continue  # "G的下列P，由R集中行使：": a list's lead-in, whose items the list frame reads
            matter_text, domain = _matter_and_domain(body)
            givers = _scattered_holders(clause, cs, opening, power.start(), agencies) or []
            named = _holders_of_fields(clause, cs, opening, power.start(), agencies)
            if named:  # "G1、G2、G3三个领域的P": each holder gives its field's powers, as written (G4)
                givers, matter_text, domain = named, power.group(), None
            prev = (power.end(), named, matter_text, domain)
            out.extend(_records(rules, givers, receiver, power.group(), matter_text, domain, rid, (0, len(clause))))
        return out
    power = after[0]
    bare = not clause[trig.end() : power.start()].strip("有关相的")
    if bare and (_POWER_AS_MODIFIER.match(clause, power.end()) or _AFTER_THAT.match(clause, power.end())):
        # "X是本市相对集中行使行政处罚权的行政机关": what kind of body X is; "R集中行使行政处罚权后，…":
        # when, before what the sentence says
        return []
    body = clause[trig.end() : power.start()]
    if clause.rstrip().endswith((":", "：")) or re.search(r"\d+个方面|[一二三四五六七八九十]+个方面|以下", body):
        context.receiver = receiver  # a header: the items follow
        return None
    if _MOVED_ELSEWHERE.fullmatch(body):
        return None  # "统一行使赋予的P", "行使县直部门下放的P": the powers a move stated elsewhere gave
    # "集中行使有关行政主管部门在D领域的P": the departments named by kind gave it
    generic = KIND_OF_GIVER.match(body)
    giver_text = generic.group("g") if generic else None
    matter_text, domain = _matter_and_domain(body[generic.end() :] if generic else body)
    if matter_text in ("领域", "方面"):
        # "整合D1、D2等领域执法队伍，集中行使相关领域的P": the fields named before in the clause
        named = list(_FIELDS_NAMED_BEFORE.finditer(clause, 0, trig.start()))
        matter_text = named[-1].group("fields") if named else None
    if matter_text is None and giver_text is None and clause.endswith("其", 0, trig.start()):
        return None  # "实施与其集中行使的行政处罚权相关的…": the receiver's own powers, stated elsewhere
    # "由A局、B局分别…集中行使": each receiver named together holds the powers
    receivers = [receiver]
    for a in reversed(before[:-1]):
        if not re.fullmatch(r"[、和及与]", clause[a.end - cs : receivers[0].start - cs]):
            break
        receivers.insert(0, a)
    return [
        r
        for rec in receivers
        for r in _records(
            rules,
            [],
            rec,
            power.group(),
            matter_text,
            domain,
            "transfer.concentrate.v1",
            (0, len(clause)),
            giver_fallback=giver_text,
        )
    ]


# fields listed in a clause before the powers over them are pointed back to ("相关领域"): "整合D1、D2等领域…"
_FIELDS_NAMED_BEFORE = re.compile(
    r"(?:整合|涉及|包括|覆盖|围绕)?(?P<fields>[^，,；;。、]{2,10}(?:、[^，,；;。、]{2,10})+)等(?:领域|方面)"
)


# what joins the holders named as fields and closes them: "、", "和", "五个领域的", "等部门的"
_FIELDS_OF_HOLDERS = re.compile(
    r"(?:(?:[、和及与]|以及)*)(?:等)?(?:[一二三四五六七八九十两\d]{1,2}个)?(?:领域|方面|部门|单位)?的"
)


def _holders_of_fields(clause: str, cs: int, start: int, end: int, agencies) -> list[AgencySpan]:
    """The bodies an object names in place of fields ("将G1、G2、G3三个领域的P"): every word before the
    power a body or what joins them; [] for any other object."""
    inside = [a for a in agencies if cs + start <= a.start and a.end <= cs + end]
    at = start + len(re.match(r"\s*(?:将|把)?", clause[start:end]).group())
    for a in inside:
        if a.start - cs != at:
            return []
        at = a.end - cs
        at += len(re.match(r"(?:[、和及与]|以及)*", clause[at:end]).group())
    return inside if inside and _FIELDS_OF_HOLDERS.fullmatch(clause, inside[-1].end - cs, end) else []


def _scattered_holders(clause: str, cs: int, start: int, end: int, agencies) -> list[AgencySpan] | None:
    """The bodies an object names as where its powers lay ("分散在G1、G2的P": G1 and G2, each giving its
    own; "分散在各部门的P": none named); None when the object names no such place."""
    m = SCATTERED.search(clause, start, end)
    if m is None:
        return None
    return [a for a in agencies if m.start("g") <= a.start - cs and a.end - cs <= m.end("g")]


_ENTRUST = re.compile(r"受(?P<giver>[^,,。;；]{2,20}?)委托")


# "原由G行使的", "G原行使的": the body that held a power, named in its object
_FORMER_HOLDER = re.compile(r"(?:原由|原|由)?(?P<g>[^，,。；;的]{2,30}?)(?:原)?(?:行使|承担|负责|实施)的")


def _moved_before_holder(rules: Rules, clause: str, power_end: int, holder_start: int) -> bool:
    """Whether a move verb stands between the powers and the body that exercises them ("G的P下放至
    街道，由街道综合行政执法队统一行使"): the move's rule reads them, and the holder exercises what
    the move's receiver got (no second receiver, with the givers read as matters)."""
    return _trigger_res(rules)[_frame_triggers(rules, "move")].search(clause, power_end, holder_start) is not None


# "不再行使", "不得再行使", "停止行使": a body stops exercising
_STOPS = re.compile(r"(?:不再|不得再|不得|停止|无权)$")
# "…继续由G行使", "仍由G负责": powers that stay with the body that has them
_STAYS = re.compile(r"(?:继续|仍然?|依然|照旧)(?:由|归)$")


def _exercise_transfer(rules: Rules, clause, cs, agencies, powers, sentence_agencies) -> list[dict]:
    """Who exercises a power over a matter: "…方面的行政处罚权,可由B行使" (passive),
    "B依法行使…方面的…行政处罚权" (active), with the giver of "受A委托" when the text names one."""
    rule = "transfer.exercise.v1"
    for m in re.finditer(r"行使", clause):
        if _STOPS.search(clause, max(0, m.start() - 3), m.start()):
            continue  # "G不再行使已划转的P": what G stops holding (the restatement frame reads it)
        before = [a for a in agencies if a.end <= cs + m.start() and cs + m.start() - a.end <= EXERCISER_REACH]
        if not before:
            continue
        receiver = before[-1]
        if _STAYS.search(clause, 0, receiver.start - cs):
            continue  # "…的P，继续由G行使": the powers stay where they were
        entrust = _ENTRUST.search(clause)
        givers = [a for a in sentence_agencies if entrust and entrust.start() <= a.start - cs < entrust.end()]
        giver_text = entrust.group("giver") if entrust and not givers else None
        after = [
            p for p in powers if p.start() >= m.end() and p.group() in ("行政处罚权", "行政强制权", "管理职责", "职责")
        ]
        ahead = [p for p in powers if p.end() <= receiver.start - cs]
        if after:  # active: B行使[matter]…权
            power = after[0]
            body = clause[m.end() : power.start()]
            held = _FORMER_HOLDER.match(body)  # "行使原由县水利局行使的M…权": the body that held it gives it
            holder = held and next(
                (
                    a
                    for a in sentence_agencies
                    if (a.start - cs, a.end - cs) == (m.end() + held.start("g"), m.end() + held.end("g"))
                ),
                None,
            )
            if holder is not None:
                givers, body = [holder], body[held.end() :]
        elif ahead and re.search(r"由\s*$", clause[: receiver.start - cs]):  # passive: …权,(可)由B行使
            if _moved_before_holder(rules, clause, ahead[-1].end(), receiver.start - cs):
                continue
            power = ahead[-1]
            opening = _after_last_comma(clause, power.start())
            body = clause[opening : power.start()]
            held_by = _scattered_holders(clause, cs, opening, power.start(), agencies)
            if held_by is not None:
                givers = held_by
        else:
            continue
        if after and body.startswith("的"):
            continue  # "赋予R行使的P": the powers R is to exercise, named as the object of another verb
        if GRANTED_ELSEWHERE.search(body) or TIED_TO_OWN.match(clause, m.end()):
            continue  # "行使省人民政府决定赋予的行政处罚权": a grant made elsewhere; "与其P相关的…": tied to it (G3)
        if rules.frames.back_reference.match(body.lstrip()) or LIST_HEADER_OBJECT.search(body):
            # "行使前款规定领域内的P": powers over what the text stated before (the frames read it);
            # "G的下列P，由R行使：": a list's lead-in, whose items the list frame reads
            continue
        matter_text, domain = _matter_and_domain(body)
        if (not matter_text or len(matter_text) < 2) and not SCATTERED.search(body):
            continue  # "B行使行政处罚权时…": no matter, no transfer ("分散在G的P" names whose)
        out = _records(
            rules,
            givers,
            receiver,
            power.group(),
            matter_text,
            domain,
            rule,
            (0, len(clause)),
            giver_fallback=giver_text,
        )
        return out
    return []


# what joins a body named with the one before ("乡镇人民政府(街道办事处)": either, in brackets)
_JOINED_BODY = re.compile(r"[、和及与(（](?:各|有关|相关)?")


_RECEIVER_VERB = re.compile(r"^[)）]?(?:依法)?(?:行使|实施|承担)?")  # "赋予R(依法)行使…": the receiver's verb


def _grant_transfer(rules: Rules, clause, cs, agencies, powers, words) -> list[dict]:
    m = _trigger_res(rules)[words].search(clause) if words else None
    if not m:
        return []
    receiver = _receiver_after(clause, cs, m.end(), agencies)
    if receiver is None:
        return []
    receivers = _named_with(clause, cs, receiver, agencies)  # "赋予乡镇人民政府、街道办事处(行使)…": each
    last = receivers[-1]
    after = [p for p in powers if p.start() >= last.end - cs]  # ("赋予R行政处罚权": right after R)
    if not after or clause.startswith("的", last.end - cs):
        return []  # "已赋予街道办事处的P": a grant made before, a relative clause naming the powers
    # "赋予R与其职责相适应的P": which powers, by a description (whole), a power word inside it
    whole = next((p for p in after if described(clause[last.end - cs : p.start()], rules.frames)), None)
    power = whole or after[0]
    body = _RECEIVER_VERB.sub("", clause[last.end - cs : power.start()])
    if whole is not None:
        matter_text, domain = body[:-1], None
    else:
        body = re.split(r"领域各类|领域|各类", body)[-1]
        matter_text, domain = _matter_and_domain(body)
    series = [power]  # "…的行政处罚权、行政强制权": each power of the series over the same matters
    for p in after[after.index(power) + 1 :]:
        if not _SERIES_JOINER.fullmatch(clause, series[-1].end(), p.start()):
            break
        series.append(p)
    span = (0, len(clause))
    return [
        t
        for r in receivers
        for p in series
        for t in _records(rules, [], r, p.group(), matter_text, None, "transfer.grant.v1", span)
    ]


_SERIES_JOINER = re.compile(r"、|和|及|以及|与")


_ITEM = re.compile(r"^(?:[一二三四五六七八九十]+是|[(（]?[一二三四五六七八九十0-9]+[)）、.])?")


def _scope_item(
    rules: Rules, clause, cs, agencies, powers, context: _Context, next_text: str, next_agencies=None, before: str = ""
) -> list[dict]:
    """An item of a list of powers with no verb: "环境保护管理方面…的行政处罚权;" The receiver
    is the header's ("X集中行使…:"), else a body named in the next sentence ("城市管理部门可以…"),
    else, under "具体范围是：" (``before``: the sentence up to the clause), none named (城市管理's)."""
    power = powers[-1]
    if power.group() not in ("行政处罚权", "行政强制权"):
        return []
    head = clause[: power.start()]
    if re.search(r"实现|完成|推进|推行|开展|到\d{4}|需要|确定|明确|严格|依法|加强|规范|划转|划入|移交|下放|整合", head):
        # a goal or a principle about powers, or a heading naming a move whose sentences follow
        # ("（一）划转D方面的部分P。将G的…划转R"), not a list item
        return []
    if any(a.end <= cs + power.start() for a in agencies) or _GRANT_AFTER.search(clause, power.end()):
        return []  # "甲局将D领域的部分P，委托乙行使": a clause with its subject or verb, no bare item
    head = re.sub(r"^.*?(?:(?:具体)?范围(?:是|包括|为)?[:：]|包括[:：]?)", "", head)
    head = _ITEM.sub("", head)
    if not re.search(r"方面|领域", head):
        return []
    receiver = context.receiver
    if receiver is None and context.granted_section:  # "二、赋权范围 / （二）D领域：M的P": the title's grantee
        receiver = context.granted
    if receiver is None:
        following = [a for a in next_agencies if a.sector == "城市管理"]
        receiver = following[0] if following else None
    scope_of_enforcement = receiver is None and (
        context.scope_open or _SCOPE_HEAD.search(before + clause[: power.start()]) is not None
    )
    if receiver is None and not scope_of_enforcement:
        return []
    matter_text, domain = _matter_and_domain(head)
    if scope_of_enforcement:
        # "推行综合执法。具体范围是：…" and no body named: the comprehensive enforcement departments'
        # (城市管理), not a body of the text's naming
        implied = AgencySpan(0, 0, "", "", "城市管理", None, "transfer.scope_list.v1")
        out = _records(
            rules, [], implied, power.group(), matter_text, domain, "transfer.scope_list.v1", (0, len(clause))
        )
        return [dict(t, target=None) for t in out]
    return _records(rules, [], receiver, power.group(), matter_text, domain, "transfer.scope_list.v1", (0, len(clause)))


_SCOPE_HEAD = re.compile(r"具体范围(?:是|包括|为)[:：]")
# a lead-in of a scope whose items follow on lines of their own, no receiver named: "集中行使行政
# 处罚权的范围：", "综合执法的具体范围如下："
_SCOPE_LEAD = re.compile(r"范围(?:是|包括|为|如下)?[:：]$")
# after the items, who holds them: "前款规定的行政处罚权，由R集中行使", "上述职权由R统一行使"
_LIST_HELD_BY = re.compile(r"(?:前款|上述|以上|前述|上列)[^。；;由]{0,30}?由$")
_GRANT_AFTER = re.compile(r"委托|赋予|交由|下放|划转|划入|移交")


# ---------------------------------------------------------------- deadlines

# a year as written, its 年 perhaps lost in copying before a month ("20196月底前": 2019, June); "20xx"
# is one the source masks (a deadline then has no date, conventions: skipped in gold)
# (or in Chinese numerals: "二〇二三年十二月三十一日前")
_Y = r"(?<!\d)(?P<y>(?:19|20)\d{2}|20[xX×ｘＸ]{2}|[一二][〇零○一二三四五六七八九]{3})\s*(?:年|(?=\d{1,2}\s*月))"
_CN_MONTH = r"十[一二]?|[一二三四五六七八九]"
_CN_DAY = r"[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_DEADLINE = re.compile(
    rf"(?P<to>到|(?<!截)至|(?<![关对由等属鉴基])于|在|力争|争取)?{_Y}(?:(?P<half>上半年|下半年|年底|年年底|底)|第?(?P<q>[一二三四1-4])季度(?:末|底)?|(?P<m>\d{{1,2}}|{_CN_MONTH})\s*月(?:(?P<d>\d{{1,2}}|{_CN_DAY})\s*日|(?P<mend>底|末))?)?"
    rf"(?P<before>前|以前|之前)?(?P<start>起|开始)?"
)
_STATE = re.compile(r"基本|明显|初步|显著|大幅|进一步|不断|逐步|更加|稳步")
_PROCESS = re.compile(r"^(?:加强|完善|规范|提高|提炼|推进|强化|深化|优化|改进|坚持|增强|加快|积极|努力|认真|切实)")


def _iso(y: int, m: int | None, d: int | None) -> str:
    if m is None:
        return f"{y}-12-31"
    if d is None:
        return f"{y}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"
    return f"{y}-{m:02d}-{d:02d}"


def deadlines_in(
    text: str, *, year_hint: int | None = None, this_year: int | None = None
) -> list[tuple[str, str, tuple[int, int], bool]]:
    """Dated obligations in a sentence: (ISO date, task, span, is_start_date); the date is None
    when the source masks the year ("到20xx年底") — ``masked_dates`` gives the date as written.

    >>> [(d, t) for d, t, _, _ in deadlines_in("2017年6月底前,各县完成网格划定,建成数字化平台。")]
    [('2017-06-30', '各县完成网格划定'), ('2017-06-30', '建成数字化平台')]
    >>> [(d, t) for d, t, _, _ in deadlines_in("2021年第三季度前完成人员转隶。")]
    [('2021-09-30', '完成人员转隶')]
    >>> [(d, t) for d, t, _, _ in deadlines_in("到20xx年底,完成执法人员轮训。")]
    [(None, '完成执法人员轮训')]
    >>> [(d, t) for d, t, _, _ in deadlines_in("县政府要于二〇二三年十二月三十一日前完成试点任务。")]
    [('2023-12-31', '完成试点任务')]
    >>> [(d, t) for d, t, _, _ in deadlines_in("20239月底前,各县完成队伍整合。")]  # 年 lost in copying
    [('2023-09-30', '各县完成队伍整合')]
    >>> [(d, t) for d, t, _, _ in deadlines_in("今年9月底前,出台配套制度。", this_year=2023)]  # the text's year
    [('2023-09-30', '出台配套制度')]
    >>> [(d, t) for d, t, _, _ in deadlines_in("省级2019年底前完成清单编制，市县2020年6月底前完成。")]
    [('2019-12-31', '完成清单编制'), ('2020-06-30', '完成清单编制')]
    """
    out = []
    if "年" not in text and "月" not in text:
        return out  # every dated clause names a year or a month
    matches = [m for m in _DEADLINE.finditer(text)]
    # a month without a year ("8月底前") takes the year of the section ("(2016年8月-12月)")
    if year_hint:
        for m in re.finditer(r"(?<![\d年])(?P<m>\d{1,2})月(?P<mend>底|末)(?:前|以前)", text):
            if not any(x.start() <= m.start() < x.end() for x in matches):
                matches.append(m)
    # "今年9月底前", "今年底前": the year of the text itself (its date)
    this = [m for m in _THIS_YEAR.finditer(text) if this_year] if "今年" in text or "本年" in text else []
    matches = [m for m in matches if not any(t.start() <= m.start() < t.end() for t in this)] + this
    matches.sort(key=lambda m: m.start())
    for i, m in enumerate(matches):
        g = m.groupdict()
        written = (g.get("y") or "").translate(CN_DIGIT)  # "二〇二三" is 2023
        masked = bool(written) and not written.isdigit()
        y = (2000 if masked else int(written)) if written else this_year if m in this else year_hint
        if y is None:
            continue
        is_start = bool(g.get("start"))
        marked = g.get("to") or g.get("before") or g.get("half") or g.get("mend") or is_start
        if not marked and g.get("y") and not g.get("m"):
            # "2020年实现…": a bare year followed by a verb of completion is a deadline too
            # ("2014年出台的《…》": a past act described, not a deadline)
            marked = re.match(
                r"\s*(?:各[^,,。;；]{0,8}?)?(?:完成|建成|实现|出台|形成|建立|达到)(?!的)", text[m.end() :]
            )
        if not marked or _AS_OF.search(text, max(0, m.start() - 2), m.start()):
            continue  # ("截至2017年底，已…": the state of things at a date, not a deadline)
        if g.get("y") and (re.match(r"\s*[-—~至到]\s*(?:\d{4}\s*年|\d{1,2}\s*月)", text[m.end() : m.end() + 8])):
            continue  # a period "(2016年8月-12月)", not a deadline
        month = small_number(g["m"]) if g.get("m") else None
        day = small_number(g["d"]) if g.get("d") else None
        if g.get("half") == "上半年":
            month = 6
        if g.get("q"):  # "第三季度前", "二季度末": the quarter's last month
            month = 3 * small_number(g["q"])
        if month is not None and not 1 <= month <= 12:
            continue
        # a start is its first day: "从2017年起" 2017-01-01, "2022年10月1日起" 2022-10-01
        iso = f"{y}-{month or 1:02d}-{day or 1:02d}" if is_start else _iso(y, month, day)
        iso = None if masked else iso
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        scope = text[m.end() : end].strip(" ,,;；。()（）")
        if is_start and re.fullmatch(r"(?:正式)?(?:施行|实施|执行|生效)", scope):
            continue  # "本条例自2018年1月1日起施行": the act's own entry into force, not an obligation
        if scope.startswith("止"):
            continue  # "委托期限自2023年1月1日起至2025年12月31日止": a period's end, not an obligation
        for task in _tasks(scope):
            if _BARE_DONE.fullmatch(task) and i == 0:
                # "以上调整于2019年3月底前完成": what is done is the subject written before the date
                subject = re.split(r"[,，;；。]", text[: m.start()])[-1].strip()
                subject = re.sub(r"(?:要|须|应|应当|将)?(?:于|在)?$", "", ITEM_NUMBER.sub("", subject, count=1))
                task = subject + task if len(subject) >= 2 else task
            elif _BARE_DONE.fullmatch(task) and out:
                # "甲市要在A前完成T，其他市州在B前完成": the same deliverable, by another date
                task = out[-1][1]
            out.append((iso, task[:30], (m.start(), end), is_start))
    return out


# a task that names no deliverable, only that it is done: what is done is written before the date
_BARE_DONE = re.compile(r"(?:全部|全面)?(?:完成|到位|结束|办结)")


_AS_OF = re.compile(r"截(?:至|止)$")
_THIS_YEAR = re.compile(r"(?:今年|本年度?)(?:(?P<m>[\d一二三四五六七八九十]{1,2})月)?(?P<mend>底|末)(?:前|以前)?")
# "(2016年8月-12月)": a section's period, whose year months without one take
_YEAR_SPAN = re.compile(r"[(（]((?:19|20)\d{2})年\d{1,2}月\s*[-—~至到]")
# a dated task that is the moving itself ("完成职责划转", "完成交接工作", "做好下放事项的承接")
_MOVES_DONE = re.compile(r"划转|移交|交接|下放|赋权|承接|整合到位")
# a task of moves still to come, not those the text states: "完成第二批事项下放工作", "启动下一批赋权"
_LATER_BATCH = re.compile(r"第[二三四五六七八九十2-9]批|下一批|新一批|后续|下一阶段")
_MOVES_BACK = re.compile(r"(?:以上|上述|前述)(?:职责|职能|事项|事权)?(?:调整|划转|移交|下放|赋权|整合)")
_DELIVER = re.compile(
    r"^(?:并(?!实现|加强|强化|做好|推进|落实|持续|不断|切实|进一步)|以及|(?:同时)?(?:全面)?(?:完成|建成|建立|出台|制定|公布|划定|配齐|整合形成|基本建成|全部完成))"
)


def _tasks(scope: str) -> list[str]:
    """The deliverables of a dated clause: its first clause, and each further comma clause that
    opens with a verb of completion (完成, 建成, 出台, 形成…, or "并"/"以及" adding one); clauses of
    manner or purpose ("加强…", "确保…", "统筹协调…") belong to the deliverable before them."""
    tasks: list[str] = []
    for i, part in enumerate(re.split(r"[;；]", scope)):
        clauses = [c.strip() for c in re.split(r"[,，]", part) if c.strip()]
        if not clauses:
            continue
        if i == 0 or re.search(r"完成|建成|建立|出台|制定|形成|公布|划定|配齐|实现", clauses[0]):
            tasks.append(clauses[0])
        tasks.extend(c for c in clauses[1:] if _DELIVER.match(c) and not _STATE.search(c))
    return tasks


# ---------------------------------------------------------------- the document

_ISSUER_HEAD = re.compile(r"^(?P<issuers>.+?)关于")


def document_record(doc: Document, sentences: list[Sentence], places: list[PlaceSpan], found: Recognized) -> dict:
    """The ``document`` record: title, issuers, 文号, date, jurisdiction, level, citations."""
    # "# 标题" (Markdown) is the title; a salutation ("某某代表:", "某市人民政府:") opens an untitled reply
    title = re.sub(r"^#+\s*", "", doc.title) or None
    if title and title.rstrip().endswith((":", "：")):
        title = None
    issuers: list[str] = []
    m = _ISSUER_HEAD.match(title or "")
    if m:
        issuers = [a.name for a in found.bodies(m.group("issuers"))]
    head_lines = doc.text.split("\n")[:HEADER_LINES]
    if not issuers:
        issuers = _issuer_lines(head_lines[1:], title, found)
    doc_number = None
    for line in head_lines:
        for s, _e, number in ((n.start, n.end, n.text) for n in found.numbers(line)):
            before = line[:s]
            alone = not line[:s].strip(" (（") and not line[_e:].strip(" )）")  # "(苏政办发[2001]14号)" on its own line
            if not alone and (before.rstrip().endswith(("(", "（")) or before.count("《") > before.count("》")):
                continue
            doc_number = number
            break
        if doc_number:
            break
    if doc_number is None:
        doc_number = _order_number(doc.text.split("\n")[:ORDER_HEADER_LINES])
    date = _header_date(doc)
    jurisdiction, inferred, level = _jurisdiction(doc, title or "", places, found)
    if not issuers and doc_number and "政府令" in doc_number:  # "宜春市人民政府令 / 第12号": the government
        issuers = [a.name for a in found.bodies(doc_number[: doc_number.index("令")])][:1]
    if not issuers:  # "（2022年9月28日某省第十三届人民代表大会常务委员会第三十六次会议通过）": who adopted it
        issuers = _adopting_bodies(head_lines, found)
    if not issuers:  # "…\n宜春市人民政府办公室\n2024年1月8日": the signature block names the issuer
        issuers = _signature_issuers(doc.text, found)
    if (jurisdiction is None or inferred) and issuers:
        # "关于…的决定" over a line "某县人民政府": the issuer's place, before a place the text's bodies
        # only suggest ("在甲县开展…试点" signed "乙市人民政府": 乙市's act); not a reply's (你县…: the
        # place it answers governs)
        signed = _jurisdiction(doc, issuers[0], places, found)
        if jurisdiction is None or (signed[0] is not None and not signed[1] and not _ADDRESSED.search(doc.text)):
            jurisdiction, inferred, level = signed
    if level is None and title and "关于" in title:
        # "中共中央 国务院关于…", "住房和城乡建设部关于…": an act of central bodies is national
        heads = found.bodies(title[: title.index("关于")])
        if heads and all(a.level == "central" for a in heads):
            level = "national"
    if jurisdiction is None and issuers:  # "关于…的通知" signed "生态环境部": national, whatever bodies it names
        heads = [a for issuer in issuers for a in found.bodies(issuer)]
        if heads and all(a.level == "central" for a in heads):
            level = "national"
    if level is None and jurisdiction is None:  # "…和市人民政府规定的其他职责": the text's own government
        level = _own_government_level(found)
    inferred_place = _infer_masked(jurisdiction, level, places) if jurisdiction else None
    cites, cite_numbers = _citations(doc.text, title or "")
    out = {
        "title": title,
        "issuer": issuers,
        "doc_number": doc_number,
        "date": date,
        "jurisdiction": jurisdiction,
        "jurisdiction_inferred": inferred,
        "level": level,
        "cites": cites,
        "cite_numbers": tuple((t, n) for t, n in cite_numbers.items()),
    }
    if inferred_place is not None:  # "XX市" whose districts and counties the text names: 平凉市
        out["inferred_name"] = inferred_place.standard_name
        out["inferred_parent"] = inferred_place.parent
    return out


def _issuer_lines(lines: list[str], title: str | None, found: Recognized) -> list[str]:
    """Bodies written alone on a header line next to the title ("关于…的决定" / "某县人民政府"),
    before the salutation or the text begins."""
    out: list[str] = []
    for line in lines[:ISSUER_LINES]:
        bare = re.sub(r"\s+", "", line)
        if not bare or bare.endswith((":", "：")) or len(bare) > _ISSUER_LINE_MAX or (title and bare == title):
            break
        bodies = found.bodies(line.strip())
        if bodies and sum(a.end - a.start for a in {(a.start, a.end): a for a in bodies}.values()) >= len(bare) - 1:
            out.extend(a.name for a in bodies)
    return out


# the longest line read as a line of issuers
_ISSUER_LINE_MAX = 40


_BARE_GOVERNMENT = re.compile(r"^[省市州县区](?:人民)?政府$")


def _own_government_level(found: Recognized) -> str | None:
    """The level of the government a text names by its level word alone (市人民政府, 县政府): the
    text's own, when all such names agree."""
    levels = {a.level for a in found.all_bodies() if a.place is None and _BARE_GOVERNMENT.match(a.name)}
    return levels.pop() if len(levels) == 1 else None


def _adopting_bodies(lines: list[str], found: Recognized) -> list[str]:
    """The bodies of the first adoption or promulgation line of a header (a regulation's legislature,
    a government order's government): the first act, not a higher body's later approval."""
    for line in lines:
        for part in _ACTS_SPLIT.split(_cn_date_digits(line.strip(" ()（）"))):
            if _ADOPTED.match(part.strip(" ()（）")):
                return list(dict.fromkeys(a.name for a in found.bodies(part.strip(" ()（）"))))[:1]
    return []


_SEAL = re.compile(r"\s*[(（](?:盖章|印章|公章|签章|章)[)）]")


def _signature_issuers(text: str, found: Recognized) -> list[str]:
    """Bodies written alone on a line just above the date that closes the text (the signature)."""
    lines = [
        part
        for line in text[-600:].split("\n")
        if line.strip()
        for part in _split_signed(_SEAL.sub("", line).strip())  # "某局（盖章）": the seal's mark
    ]
    for i in range(len(lines) - 1, 0, -1):
        if _DATE_LINE.fullmatch(_cn_date_digits(lines[i])):
            bare = re.sub(r"\s+", "", lines[i - 1])
            bodies = found.bodies(lines[i - 1])
            covered = sum(a.end - a.start for a in {(a.start, a.end): a for a in bodies}.values())
            if bodies and len(bare) <= _ISSUER_LINE_MAX and covered >= len(bare) - 1:
                return list(dict.fromkeys(a.name for a in bodies))
            return []
    return []


# "2019年11月27日 某市第十五届人民代表大会常务委员会第十六次会议通过" and later "…修正"/"…修订" lines:
# a regulation's header; the latest is the date of the text in force
# a legislature's adoption, approval or amendment, or a government order's (政府令) promulgation
_ADOPTED = re.compile(
    r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*"
    r"(?:\S*(?:会议|常务委员会)\S*(?:通过|批准|修正|修订|修改)|\S*令第\s*\d+\s*号\s*(?:公布|发布|修订|修正|修改))$"
)
# where one header line's acts part: "…通过　2020年…修正", "…会议通过，自2018年7月1日起施行", "…根据…修订"
_ACTS_SPLIT = re.compile(r"根据|[\s，,；;]+(?=自?\s*(?:19|20)\d{2}\s*年)")
# a date alone on its line; "2021年5月20日印发" (the imprint line of GB/T 9704) is the date of issue
_DATE_LINE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?(?:\s*印发)?")
# (a signature may date the text by its month alone: "二〇二一年十二月" gives "2021-12")
# "临夏市人民政府　2022年6月1日": a signature written on one line, the signer then the date
# ("（某县人民政府办公室　2017年3月2日）": a repost closes each article with its signature in brackets)
_SIGNED = re.compile(
    r"^\s*[(（]?\s*(?P<who>[\u4e00-\u9fff()（）]{2,40}?(?:政府|局|厅|委员会|委|办公室|办公厅|办|中心|队))\s+"
    r"(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*印发)?)\s*[)）]?\s*$"
)


def _split_signed(line: str) -> list[str]:
    """A signature line as the two lines it stands for (the signer, the date); any other line as is.

    >>> _split_signed("某县人民政府  2022年6月1日")
    ['某县人民政府', '2022年6月1日']
    >>> _split_signed("（某县人民政府办公室　2017年3月2日）")
    ['某县人民政府办公室', '2017年3月2日']
    """
    m = _SIGNED.match(line)
    return [m.group("who"), m.group("date")] if m else [line]


# "时间:2020-09-21", "发布时间：2019-03-12 来源：…": a web page's date, used only when the text states none
_PAGE_DATE = re.compile(r"(?:发布|發佈|发稿|更新)?(?:时间|時間|日期)\s*[:：]\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")


# "2022-04-18 09:30 来源：某某日报": a news item's byline, its date opening the line
_BYLINE_DATE = re.compile(
    r"^\s*((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*"
    r"(?:来源|來源|作者|稿源|编辑|編輯|浏览|瀏覽|$)",
    re.M,
)
# "来源：某某日报　2022-03-08", "来源：某县融媒体中心 2021年5月6日 10:20": the byline with its source first
_SOURCE_DATE = re.compile(
    r"^\s*(?:来源|來源|稿源)\s*[:：]\s*[^\s\d]{1,24}\s+((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$",
    re.M,
)


# a document number in a header line ("某政发〔2016〕12号"): its year is no date of the text
_DOC_NUMBER_IN_LINE = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［][^〕\]］]+[〕\]］]\s*\d+\s*号")


def _header_date(doc: Document) -> str | None:
    """The document's date: the latest adoption or amendment line of a regulation's header (not the
    higher legislature's approval); else the
    first line that is a date alone (a dated header or a signature block); else the web page's date."""
    adopted: list[tuple[bool, str]] = []  # (approved by a higher body, date): an approval is no later text
    first_alone = None
    lines = doc.text.split("\n")
    # the header and the signature block: the first and the last lines
    edge = lines if len(lines) <= 2 * EDGE_LINES else lines[:EDGE_LINES] + lines[-EDGE_LINES:]
    edge = [part for line in edge for part in _split_signed(line)]
    for i, line in enumerate(edge):
        stripped = (_DOC_NUMBER_IN_LINE.sub("", line) if "号" in line else line).strip(" ()（）")
        stripped = _cn_date_digits(stripped)
        # one header line may hold several acts: "…令第3号发布　根据…令第9号修订"
        parts = _ACTS_SPLIT.split(stripped) if i < 15 and len(stripped) <= 300 else []
        found = [(part, m) for part in parts if (m := _ADOPTED.match(part.strip(" ()（）")))]
        for part, m in found:
            approval = part.strip(" ()（）").endswith("批准")
            adopted.append((not approval, f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"))
        if found:
            continue
        m = _DATE_LINE.fullmatch(stripped)
        if m and first_alone is None and 1 <= int(m.group(2)) <= 12:
            day = f"-{int(m.group(3)):02d}" if m.group(3) else ""
            first_alone = f"{m.group(1)}-{int(m.group(2)):02d}{day}"
    if adopted:
        return max(adopted)[1]  # the latest adoption or amendment; an approval only if there is nothing else
    if first_alone:
        return first_alone
    if DOC_TYPE.search(doc.title or ""):
        return None  # an act or a list whose own date is not in the text: page chrome is no date (G7)
    # a news item (its title a headline): the page's publication date is its date
    head = "\n".join(doc.raw.split("\n")[:8])
    m = _PAGE_DATE.search(head) or _BYLINE_DATE.search(head) or _SOURCE_DATE.search(head)
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def _order_number(lines: list[str]) -> str | None:
    """A government order's number written under its name: "某市人民政府令" / "(第48号)" → 某市人民政府令第48号;
    or in its promulgation line: "(2019年12月20日市人民政府令第45号公布)" → 市人民政府令第45号."""
    for line, following in zip(lines, lines[1:]):
        name = re.fullmatch(r"\s*(\S{2,24}令)\s*", line)
        number = re.fullmatch(r"\s*[(（]?\s*(第\s*\d{1,5}\s*号)\s*[)）]?\s*", following)
        if name and number:
            return name.group(1) + number.group(1).replace(" ", "")
    for line in lines:
        inline = _PROMULGATED_BY_ORDER.search(line)
        if inline:
            return re.sub(r"\s+", "", inline.group("n"))
    return None


# "（2019年12月20日某市人民政府令第45号公布）": an order's number in the line that promulgates it
_PROMULGATED_BY_ORDER = re.compile(
    # (the line's first act or a later one: "…常务会议审议通过，2019年12月20日某市人民政府令第148号公布")
    r"(?:^|[，,；;\s])\s*[(（]?\s*(?:\d{4}年\d{1,2}月\d{1,2}日)?\s*(?P<n>[\u4e00-\u9fffXx某]{0,20}?政府令\s*第\s*\d{1,5}\s*号)"
    r"\s*(?:公布|发布)"
)


def _cn_date_digits(line: str) -> str:
    """A date line in Chinese numerals ("二000年三月三十日") in Arabic digits; other lines unchanged.

    >>> _cn_date_digits("二〇一九年十一月二十七日"), _cn_date_digits("二〇二一年十二月")
    ('2019年11月27日', '2021年12月')
    """
    m = re.fullmatch(
        r"([〇零○O0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?", line
    )
    if not m:
        return line
    day = f"{small_number(m.group(3))}日" if m.group(3) else ""  # "二〇二一年十二月": a month alone
    return f"{m.group(1).translate(CN_DIGIT)}年{small_number(m.group(2))}月{day}"


_SELF = {
    "我省": "province",
    "全省": "province",
    "本省": "province",
    "我市": "city",
    "全市": "city",
    "本市": "city",
    "我区": "district",
    "全区": "district",
    "本区": "district",
    "我县": "county",
    "全县": "county",
    "本县": "county",
}


def _jurisdiction(
    doc: Document, title: str, places: list[PlaceSpan], found: Recognized
) -> tuple[str | None, bool, str | None]:
    """(jurisdiction, inferred, level): the place in the title or issuer; else the place
    the text calls 我省/我市/我区 — the most named division of that level."""
    title_places = found.places(title)
    if title_places:
        chain = _place_chain(title_places, 0)
        # "江西省人民政府关于九江市修水县开展…的批复": an act about a place within the issuer's is that place's
        about = title.find("关于")
        if about > 0 and chain[-1].end <= about:
            later = [p for p in title_places if p.start > about]
            subject = _place_chain(title_places, title_places.index(later[0])) if later else []
            # one place only: "关于在景德镇、鹰潭、上饶市开展…" concerns the province
            if subject and len(subject) == len(later) and _contains(chain[-1], subject[-1]):
                chain = subject
        p = chain[-1]
        masked = MASKED_PLACE.match(title, p.end)  # "贵州省**县…": a masked place within the named one
        if masked and masked.group()[-1] in "市县区":
            return masked.group(), True, masked_level(masked.group())
        if p.place is None:
            return p.text, True, masked_level(p.text)
        return p.place.standard_name, False, p.place.level
    masked = MASKED_PLACE.match(title)
    if masked and masked.group()[-1] in "省市县区":
        return masked.group(), True, masked_level(masked.group())  # "**市城乡建设监察工作总结"
    short = _short_name_in_title(title, places)
    if short is not None:
        return short.standard_name, False, short.level
    addressed = _addressee_place(doc, found)
    if addressed:
        return addressed
    own = _self_referred_place(doc, found)
    if own:
        return own
    self_level = None
    # only the document speaking of itself ("我省", "本市") says whose it is; "全省" occurs in news about a province
    counts = Counter(k for k in _SELF if k in doc.text and k[0] in "我本")
    if counts:
        self_level = _SELF[max(counts, key=lambda k: (doc.text.count(k), k))]
    addressed = _ADDRESSED.search(doc.text)
    if self_level is None and addressed:  # a reply to 你县: the county it names governs
        self_level = _SELF.get("我" + addressed.group()[1])
    if self_level is None:
        lead = re.match(r"^(省|市|区|县)", title)
        if lead:
            return None, False, _SELF["我" + lead.group(1)]
        self_level = _level_of_own_bodies(found.all_bodies())
        if self_level is None:
            return None, False, None
    want_rank = {"province": 1, "city": 2, "district": 3, "county": 3}[self_level]
    votes: Counter = Counter()
    for p in places:
        if p.place is None:
            continue
        if want_rank == 1:
            votes[p.place.province] += 1
        elif p.place.rank == want_rank:
            votes[p.place.standard_name] += 1
        elif want_rank == 2 and p.place.rank == 3 and p.place.city:
            votes[p.place.city] += 1
    if masked:
        return masked.group(), True, self_level
    if votes:
        return votes.most_common(1)[0][0], True, self_level
    return None, False, self_level


def _level_of_own_bodies(bodies: list[AgencySpan]) -> str | None:
    """The level of the bodies a text names by a level word alone ("市委编办", "报市政府备案"), when
    they are of one level only: a text with no place of its own speaks of its own government's."""
    levels = {_SELF["我" + b.text[0]] for b in bodies if b.place is None and b.text[:1] in "省市区县" and not b.generic}
    return levels.pop() if len(levels) == 1 else None


def _short_name_in_title(title: str, places: list[PlaceSpan]):
    """A headline's short name of a place the text names in full ("晋江…赋予镇街" over "晋江市人民政府…"):
    the place whose short name the title writes first."""
    best = None
    for p in places:
        if p.place is None or len(p.place.short) < 2 or p.place.short == p.place.name:
            continue
        at = title.find(p.place.short)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, p.place)
    return best[1] if best else None


def _place_chain(spans: list[PlaceSpan], i: int) -> list[PlaceSpan]:
    """The places written one after another from ``spans[i]`` ("九江市修水县"); the last is the most specific."""
    chain = [spans[i]]
    for p in spans[i + 1 :]:
        if p.start != chain[-1].end:
            break
        chain.append(p)
    return chain


def _contains(outer: PlaceSpan, inner: PlaceSpan) -> bool:
    """Whether ``inner`` is a division within ``outer`` (by their GB/T 2260 codes)."""
    if outer.place is None or inner.place is None or outer.place.adcode == inner.place.adcode:
        return False
    prefix = outer.place.adcode[: {1: 2, 2: 4}.get(outer.place.rank, 6)]
    return inner.place.adcode.startswith(prefix)


# "南通市人民政府:" above "…在你市开展…": a letter to a government is about the addressee's place
_SALUTATION = re.compile(r"^(?P<body>[^\n,，。:：]{2,30}?(?:人民政府|政府|办公厅|办公室|委员会|局|厅))[:：]\s*$", re.M)


_ADDRESSED = re.compile(r"你(?:省|市|州|县|区|旗)")  # a reply speaking to the place it answers


def _salutation(doc: Document) -> str | None:
    """The body a letter's header addresses ("南通市人民政府："), as written, or None."""
    m = _SALUTATION.search("\n".join(doc.text.split("\n")[:HEADER_LINES]))
    return m.group("body") if m else None


def _addressee_place(doc: Document, found: Recognized) -> tuple[str, bool, str] | None:
    addressee = _salutation(doc)
    if addressee is None:
        return None
    places = [p for p in found.places(addressee) if p.place is not None]
    if not places or not _ADDRESSED.search(doc.text):
        return None
    p = _place_chain(places, 0)[-1]
    return p.place.standard_name, False, p.place.level


def _self_referred_place(doc: Document, found: Recognized) -> tuple[str, bool, str] | None:
    """A document that speaks as 我局/本局 (an untitled reply): the place of the body of that organ it names."""
    m = re.search(r"[我本](局|委|厅|办)(?![面势员])", doc.text)
    if m is None:
        return None
    for line in doc.text.split("\n")[: 2 * EDGE_LINES]:
        for a in found.bodies(line):
            if a.place is not None and a.name.endswith(m.group(1)):
                return a.place.standard_name, False, a.place.level
    return None


def _infer_masked(jurisdiction: str, level: str | None, places: list[PlaceSpan]):
    """The city a masked "XX市" stands for: the one whose districts and counties (or itself) the
    text names most, when no other city comes close, and when named by a district or county of
    its own or at least twice by name (a city named once may be an example from elsewhere).

    Returns a ``Place`` or None."""
    if level != "city" or not MASKED_PLACE.fullmatch(jurisdiction):
        return None
    from kg.places import gazetteer

    votes: Counter = Counter()
    inner: Counter = Counter()  # votes from the city's own districts and counties
    for p in places:
        if p.place is None:
            continue
        if p.place.rank == 2:
            votes[p.place.name] += 1
        elif p.place.rank == 3 and p.place.city:
            votes[p.place.city] += 1
            inner[p.place.city] += 1
    if not votes:
        return None
    (best, n), *rest = votes.most_common(2) + [(None, 0)]
    if rest[0][1] * 2 > n or (n < 2 and not inner[best]):
        return None
    return next((c for c in gazetteer().lookup(best) if c.rank == 2), None)


_CITE = re.compile(r"《([^《》]{4,80})》(?:\s*[(（]([^()（）]{4,20}号)[)）])?")
_CITE_KIND = re.compile(r"(意见|方案|通知|决定|办法|规定|规划|条例|细则|纲要|法|指南|标准|规则|决议|公告|通告|批复)$")


def _citations(text: str, title: str) -> tuple[list[str], dict[str, str]]:
    """Acts a text cites: their titles (or 文号), and the 文号 written with each title
    ("《…指导意见》(中发〔2015〕37号)"), which tells that the two name one act."""
    out: list[str] = []
    numbers: dict[str, str] = {}
    for m in _CITE.finditer(text):
        name = m.group(1).strip()
        if not _CITE_KIND.search(name) or name in title or title in name:
            continue
        if len(name) <= 6:  # 《意见》《实施意见》: an abbreviated repeat
            continue
        if name not in out:
            out.append(name)
        if m.group(2) and "XX" not in m.group(2).upper():
            numbers.setdefault(name, m.group(2))
            if m.group(2) not in out:
                out.append(m.group(2))
    return out, numbers


# ---------------------------------------------------------------- all facts of a document

_PILOT = re.compile(r"试点|先行先试|先行开展")
# "借鉴学习甲、乙两市的经验", "参照丙市的做法": places whose experience is borrowed
_LESSON = re.compile(r"(?:借鉴|学习|参照|参考|吸取)[^,，。;；]{0,30}?(?:经验|做法|模式)")
# Quantitative targets of a dated obligation: "40%以上的主次干路达到深度保洁作业标准" (share first)
# or "生活垃圾无害化处理率达到95%" (measure first).
_VALUE = r"\d+(?:\.\d+)?%(?:以上|以下|左右)?"
_TARGET = re.compile(
    rf"(?P<value>{_VALUE})的(?P<object>[\u4e00-\u9fff]{{2,24}}?(?:达到|实现|完成)[\u4e00-\u9fff]{{0,16}})"
    rf"|(?P<object2>[\u4e00-\u9fff]{{2,16}}?)(?:达到|提高到|提升到|不低于|不少于|控制在)(?P<value2>{_VALUE})"
)
# "牵头单位：X；配合单位：Y" (牵头部门; 责任单位, 参与单位, 协办单位 or 配合部门 beside the lead: who helps)
_LEAD = re.compile(
    r"牵头(?:单位|部门)\s*[:：]\s*(?P<lead>[^;；)）]*?)\s*[,，;；]?\s*"
    r"(?:配合|责任|参与|协办|协同)(?:单位|部门)\s*[:：]\s*(?P<coop>[^)）\n]*)[)）]?"
)
_LEAD_INLINE = re.compile(
    r"(?P<lead>[^,，。;；]{2,30}?)牵头\s*[,，]\s*(?P<coop>[^,，。;；]{2,60}?)(?:等[^,，。;；]{0,10}?)?配合"
)
_ESTABLISH = re.compile(r"(成立|组建|设立|新设|建立)")


_CATCH_ALL_MATTER = re.compile(r"(?:其他|其余|以外)$")


def _town_place(name: str, record: dict) -> dict:
    """A town's jurisdiction record: of the county or district the document is its own, when it is one."""
    parent = record.get("jurisdiction") if record.get("level") in ("county", "district") else None
    return {"name": name, "standard_name": f"{parent or ''}{name}", "parent": parent, "adcode": None}


# the title of a body's staffing rules (三定规定): "某局职能配置、内设机构和人员编制规定",
# "某局主要职责内设机构和人员编制规定", "某局机构职能编制规定"
_STAFFING_TITLE = re.compile(r"(?:(?:职能配置|主要职责)、?内设机构和人员编制|机构职能编制)(?:规定|方案)")
# the section of the duties a body hands on ("（二）划出的职责", "职责划出")
_MOVED_OUT_HEADING = re.compile(r"划出的?职[责能]|职[责能]划出")
# "将G承担的M职责划入。": a duty moved in with no receiver written (the staffing rules' own body)
_MOVED_IN_BARE = re.compile(r"^[^。；;]*?将[^。；;，,]{4,80}?(?P<verb>划入|并入|转入)[。；;]?$")


def staffing_subject(title: str | None, bodies: list[AgencySpan]) -> AgencySpan | None:
    """The body whose staffing rules (三定规定) the document is: the body its title opens with.

    >>> from kg.recognize import find_agencies
    >>> from kg.ruleset import load_rules
    >>> title = "某市生态环境局职能配置、内设机构和人员编制规定"
    >>> staffing_subject(title, find_agencies(title, load_rules())).name
    '某市生态环境局'
    >>> staffing_subject("某市生态环境局权责清单", find_agencies("某市生态环境局权责清单", load_rules())) is None
    True
    """
    kind = _STAFFING_TITLE.search(title or "")
    return next((b for b in bodies if b.end == kind.start()), None) if kind else None


def _moved_out_by(found: list[dict], staffed: AgencySpan) -> list[dict]:
    """The moves of a staffing rule's section of duties handed on, each with no giver written given by
    the body the rules are of ("划出的职责：将M职责划给R")."""
    return [
        dict(t, source=staffed.name, source_sector=staffed.sector)
        if t.get("source") is None and t.get("target") not in (None, staffed.name)
        else t
        for t in found
    ]


# a heading naming what a grant gives: "二、赋权范围", "三、下放事项", "（一）委托内容"
_GRANTED_HEADING = re.compile(r"(?:赋权|下放|赋予|委托|划转)的?(?:范围|事项|清单|内容)")
# "赋予街道(乡镇)…", "交由乡镇和街道…": a collective right after a grant verb receives powers
_GRANTED = re.compile(r"(?:赋予|交由|下放给|下放到|下放至|委托)$")


_DIGITS = re.compile(r"[一二三四五六七八九十\d]+")
_ITEM_NO = r"[(（]?\s*[一二三四五六七八九十\d]{1,3}\s*[)）]?"
# "上述第（一）项由G1赋予R，第（二）项、第（三）项由G2、G3分别赋予R": items of the list just read, by
# their numbers, given back the bodies that give them (分别: in order)
_ITEMS_GIVEN = re.compile(
    rf"第\s*(?P<items>{_ITEM_NO}\s*项?(?:\s*(?:、|和|及|至|到)\s*第?\s*{_ITEM_NO}\s*项?)*)"
    r"(?:所列)?(?:的?(?:事项|职权|权力|行政处罚权))?[,，]?\s*(?:分别)?由(?P<g>[^,，。；;]{2,80}?)(?P<each>分别)?"
    r"(?:依法)?(?:赋予|下放|交由|委托|移交|划转|授权)"
)


# "前条规定的行政处罚权，由G依法交由R行使": the whole list just read, given back the body that gives it
_LIST_GIVEN = re.compile(
    r"(?:前条|前款|上述|以上|前述)(?:规定|所列)?的?[^，,。；;由第]{0,12}?[，,]?\s*由(?P<g>[^，,。；;]{2,30}?)"
    r"(?:依法|统一)*(?:交由|下放|赋予|委托|移交|划转)"
)


@dataclass
class _NumberedItems:
    """The transfers each numbered item of the open list gave (indices into a document's facts), by
    the item's number, so that a later sentence that names items by number can give them their givers."""

    by_number: dict[int, list[int]] = field(default_factory=dict)
    _open: tuple[int, int] | None = None  # (the item being read, its first fact)

    def read(self, text: str, at: int) -> None:
        """A sentence begins whose facts will start at ``at``: an item, when it opens with a number."""
        marker = ITEM_NUMBER.match(text)
        digits = marker and _DIGITS.search(marker.group())
        n = small_number(digits.group()) if digits else None
        if n == 1:
            self.by_number = {}  # a list begins anew
        self._open = (n, at) if n is not None else None

    def close(self, end: int) -> None:
        """The sentence's facts end at ``end``: an item's transfers are noted under its number."""
        if self._open is not None and end > self._open[1]:
            self.by_number[self._open[0]] = list(range(self._open[1], end))
        self._open = None

    def give_back(self, facts: list[Fact], text: str, agencies: list[AgencySpan]) -> None:
        """Give the transfers of the items ``text`` names by number ("第（二）项、第（三）项由G1、G2分别
        赋予R") their givers, where they name none: one giver gives all; givers named with 分别 go
        with the items in order."""
        if not self.by_number:
            return
        article = _ARTICLE.match(text)  # ("第三条 前条规定的P…": read past the article's number)
        whole = _LIST_GIVEN.match(text, article.end() if article else 0)
        if whole:  # "前条规定的P，由G依法交由R行使": the items of the list just read were G's
            givers = _with_units([a for a in agencies if whole.start("g") <= a.start and a.end <= whole.end("g")])
            if len(givers) == 1:
                _give_entry(facts, [k for ks in self.by_number.values() for k in ks], givers[0])
            return
        if "项" not in text:
            return
        for m in _ITEMS_GIVEN.finditer(text):
            numbers = _item_numbers(m.group("items"))
            givers = _with_units([a for a in agencies if m.start("g") <= a.start and a.end <= m.end("g")])
            if len(givers) == 1:
                pairs = [(n, givers[0]) for n in numbers]
            elif m.group("each") and len(givers) == len(numbers):
                pairs = list(zip(numbers, givers))
            else:
                continue  # several givers of the same items, with no order: which gave what is not written
            for n, giver in pairs:
                _give_entry(facts, self.by_number.get(n, ()), giver)


# "其中，市自然资源局15项、市农业农村局10项": a body, then how many of the items just moved were its
_COUNT_OF_GIVER = re.compile(
    r"\s*(?:下放|划转|移交|赋予|交由|涉及)?的?(?:事项)?\s*[\d一二三四五六七八九十百]{1,4}\s*项"
)


def _broken_down(facts: list[Fact], moved: list[int], text: str, agencies: list[AgencySpan]) -> list[tuple[int, Fact]]:
    """The transfers at ``moved`` (stated with no giver of a sector) broken down by the bodies ``text`` counts
    ("其中，G1 15项、G2 10项"): a copy of each for every body, with the index of the transfer it
    copies; the whole stays beside each one's share, as the frames read "其中，G1下放15项"."""
    givers = _with_units([a for a in agencies if _COUNT_OF_GIVER.match(text, a.end)])
    # (stated with no giver, or with departments named by their kind: "将区级部门73项P赋予R")
    moved = [k for k in moved if facts[k].data.source is None or facts[k].data.source_sector is None]
    if not givers or not moved:
        return []
    return [
        (k, replace(facts[k], data=replace(facts[k].data, source=giver.text, source_sector=giver.sector)))
        for giver in givers
        for k in moved
    ]


def _item_numbers(written: str) -> list[int]:
    """The item numbers a reference lists, ranges spelled out.

    >>> _item_numbers("（二）项、第（三）项"), _item_numbers("2至4项")
    ([2, 3], [2, 3, 4])
    """
    out: list[int] = []
    for part in re.split(r"、|和|及", written):
        ends = [small_number(d) for d in _DIGITS.findall(part)]
        ends = [n for n in ends if n is not None]
        if len(ends) == 2 and ends[0] < ends[1]:  # "第二至第四项"
            out.extend(range(ends[0], ends[1] + 1))
        else:
            out.extend(ends)
    return out


def relate_document(
    doc: Document, sentences: list[Sentence], mentions: list[SentenceMentions], rules: Rules
) -> list[Fact]:
    """Every fact of one document, the ``document`` record first.

    ``mentions`` holds each sentence's places, bodies and document numbers as the recognize and resolve stages found
    them (``kg.pipeline.recognize_sentences``): this stage reads them and never runs the
    recognizers itself.

    Raises:
        RuleError: a fact carries a rule id that ``rules`` do not declare.
    """
    facts: list[Fact] = []
    per_sentence_places = [m.places for m in mentions]
    resolved = [p for places in per_sentence_places for p in places]
    found_in = Recognized(doc, sentences, mentions)
    record = document_record(doc, sentences, resolved, found_in)
    facts.append(_fact(doc, "document", record, None, "document.header.v1"))

    seen_agency: dict[str, Fact] = {}
    seen_place: dict[str, Fact] = {}
    context = _Context()
    entry_facts: list[int] = []  # the transfers of the catalogue entry read last (a remark may name their giver)
    entry_sentence = -1
    items = _NumberedItems()  # the transfers of each numbered item of the list being read
    last_moves: list[int] = []  # the transfers of the last sentence that stated any (indices into facts)
    pending_scope: list[int] = []  # the scope items or table rows just read that name no receiver (indices into facts)
    unheld: set[int] = set()  # table rows that no note named a receiver of
    title_bodies = found_in.bodies(record.get("title") or "")
    granted = catalogue_grantees(record.get("title"), title_bodies, rules.frames, any_title=True)
    if len(granted) == 1:
        b = granted[0]
        context.granted = AgencySpan(0, 0, b.text, b.text, b.sector, None, "transfer.scope_list.v1")
    staffed = staffing_subject(record.get("title"), title_bodies)
    frame_state = FrameState(
        actor=catalogue_owner(record.get("title"), title_bodies),
        title_grantees=catalogue_grantees(record.get("title"), title_bodies, rules.frames),
    )
    frame_state.unheld_catalogue = (
        frame_state.actor is None
        and not frame_state.title_grantees
        and bool(_CATALOGUE_TITLE.search(record.get("title") or ""))
    )
    triggers = _triggers_by_sentence(doc.text, sentences, rules)
    year_hint = None
    this_year = int(record["date"][:4]) if record.get("date") else None  # "今年9月底前": the text's own year
    undated: list[int] = []  # transfers with no deadline of their own (indices into facts)
    move_deadlines: list[tuple[int, str]] = []  # (index into facts where stated, date) of deadlines for the moves
    k = 0
    for i, s in enumerate(sentences):
        context.granted_section = context.granted is not None and any(_GRANTED_HEADING.search(h) for h in s.headings)
        ps = resolved[k : k + len(per_sentence_places[i])]
        k += len(per_sentence_places[i])
        carried = context.receiver
        for p in ps:
            if p.place is None:
                continue
            key = p.place.adcode
            if key not in seen_place and not _inside_citation(s.text, p.start):
                seen_place[key] = _fact(
                    doc,
                    "jurisdiction",
                    {
                        "name": p.text,
                        "standard_name": p.place.standard_name,
                        "parent": p.place.parent,
                        "adcode": p.place.adcode,
                    },
                    s,
                    "place.gazetteer.v1",
                    (p.start, p.end),
                )
        agencies = mentions[i].bodies
        for a in agencies:
            if a.rule_id == "agency.government.v1" and a.generic:
                continue  # "县级人民政府有关部门": a vague collective (conventions §4), a party of transfers only
            if a.name not in seen_agency and not _inside_citation(s.text, a.start):
                seen_agency[a.name] = _fact(
                    doc,
                    "agency",
                    {
                        "name": a.name,
                        "canonical": rules.canonical_name(a.name),
                        "sector": a.sector,
                        "level": a.level,
                        "generic": a.generic,
                        # the place the name opens with (辽宁省沈阳市…局: 沈阳市), as the recognizer resolved it
                        "adcode": a.place.adcode if a.place is not None else None,
                    },
                    s,
                    a.rule_id,
                    (a.start, a.end),
                )
        for a in agencies:  # a named town or street is a place too (the gazetteer holds counties and up)
            town = town_of(a.name) if a.rule_id == "agency.township_named.v1" else None
            if town and town not in seen_place and not _inside_citation(s.text, a.start):
                seen_place[town] = _fact(
                    doc, "jurisdiction", _town_place(town, record), s, "place.town_named.v1", (a.start, a.end)
                )
        for unit in _internal_units(rules, s, agencies, found_in):
            if unit.name not in seen_agency:
                seen_agency[unit.name] = _fact(
                    doc,
                    "agency",
                    {"name": unit.name, "sector": unit.sector, "level": unit.level, "generic": False},
                    s,
                    unit.rule_id,
                    (unit.start, unit.end),
                )
        next_text = sentences[i + 1].text if i + 1 < len(sentences) else ""
        next_agencies = mentions[i + 1].bodies if i + 1 < len(sentences) else []
        phrases = collective_matches(s.text, rules.frames)
        collectives = collective_agencies(s.text, rules.frames, phrases)
        triggered = triggers[i]
        field_before = frame_state.heading_field
        if _states_no_transfer(rules, s.text, agencies, frame_state, context, triggered) or _ASKS.search(s.text):
            found = []  # (a question, "问：哪些事项下放到乡镇？", states nothing: its answer does)
            frame_state.last = []  # what the frames would note of a sentence that moves nothing
        else:
            # ("…行使后，G不再行使；已经交由R行使的，G应当…": a conditional clause beside others moves nothing)
            said = unconditional(s.text)
            masked = said != s.text
            said_agencies = [a for a in agencies if "〇" not in said[a.start : a.end]] if masked else agencies
            found = transfers_in(
                said,
                said_agencies,
                rules,
                next_text=next_text,
                next_agencies=next_agencies,
                context=context,
                collectives=[c for c in collectives if "〇" not in said[c[3] : c[4]]] if masked else collectives,
            )
            bare = _MOVED_IN_BARE.search(s.text) if staffed is not None and not found else None
            if bare:  # "将G承担的M职责划入。" in a body's 三定: the body the rules are of receives
                at = bare.end("verb")
                own = AgencySpan(at, at + len(staffed.text), staffed.text, staffed.name, staffed.sector,
                                 staffed.level, staffed.rule_id)  # fmt: skip
                found = transfers_in(s.text[:at] + staffed.text + "。", [*agencies, own], rules, context=context)
            framed, override = frame_transfers(
                said,
                said_agencies,
                frame_state,
                rules.frames,
                headings=s.headings,
                legacy=found,
                following=(next_text, next_agencies),
                upcoming=tuple(t.text for t in sentences[i + 1 : i + 1 + ENTRY_LOOKAHEAD]),
                bodies_of=found_in.bodies,
                triggered=None if masked else triggered,
                collectives=None if masked else phrases,
            )
            if override:
                found = outside_frame(found, s.text, override, rules.frames, framed)
            elif framed and all(t.get("rule") == rules.frames.rule_id("restatement") for t in framed):
                found = given_by_the_stopping(found, framed)  # "将M的P划转至R，G不再行使": G gave it
            found.extend(dict(t, span=(0, len(s.text))) for t in framed)
            if "分别" in s.text:
                found = respectively(found, s.text)
            if "涉及" in s.text and found:
                found = _involving(found, s.text, agencies)
            if "不再" in s.text and found:
                found = _no_longer_held(found, s.text, agencies)
            if staffed is not None and found and any(_MOVED_OUT_HEADING.search(h) for h in s.headings):
                found = _moved_out_by(found, staffed)  # "（二）划出的职责。将M职责划给R": the body the 三定 is of gives
            if frame_state.former is not None:  # "备注：原由X实施": the entry just read was X's
                _give_entry(facts, entry_facts, frame_state.former)
                frame_state.former, entry_facts = None, []
        # a collective phrase that gives or receives a power, or opens its sentence as the subject,
        # stands for bodies of its own (乡镇(街道) → 乡镇, 街道)
        parties = {t.get(k) for t in found for k in ("target", "source") if not (k == "target" and t.get("cited"))}
        parties.discard(None)
        for name, sector, level, start, end in collectives:
            if sector == "人民政府":
                continue  # "各区", "各县（市、区）": a vague collective (conventions §4), a party of transfers only
            subject = not ITEM_NUMBER.sub("", s.text[:start]).strip() or bool(_GRANTED.search(s.text, 0, start))
            if name not in seen_agency and (subject or any(s.text[start:end] in party for party in parties)):
                body = {"name": name, "sector": sector, "level": level, "generic": name == s.text[start:end]}
                seen_agency[name] = _fact(doc, "agency", body, s, "agency.collective.v1", (start, end))
        if carried is not None and not any(t["rule"] == "transfer.scope_list.v1" for t in found):
            context.receiver = None  # the list of items a header announced has ended
        heading = frame_state.heading_field != field_before  # "二、水利（共2项）": the entries go on under it
        if pending_scope and not heading and not any(t["rule"] == facts[pending_scope[0]].rule_id for t in found):
            # the items of a scope or the rows of a table with no receiver, then "前款规定的P，由R集中行使",
            # "以上事项由R以自己的名义实施": R holds them
            holder = next((a for a in agencies if _LIST_HELD_BY.search(s.text, 0, a.start)), None)
            for k in pending_scope:
                data = facts[k].data
                if holder is not None:
                    facts[k] = replace(facts[k], data=replace(data, target=holder.text, target_sector=holder.sector))
                elif facts[k].rule_id in _DROPPED_UNHELD:
                    unheld.add(k)  # a table whose rows no body carries out: no transfer
            pending_scope = []
        context.scope_open = bool(_SCOPE_LEAD.search(s.text.strip())) or (
            context.scope_open and any(t["rule"] == "transfer.scope_list.v1" for t in found)
        )
        hint = (_YEAR_SPAN.search(" ".join(s.headings)) if s.headings else None) or _YEAR_SPAN.search(s.text)
        if hint:
            year_hint = int(hint.group(1))
        dated = deadlines_in(s.text, year_hint=year_hint, this_year=this_year)
        for iso, task, span, is_start in dated:
            if iso is None:  # "到20xx年底…": kept with the date as written, no date (gold skips these)
                m = _DEADLINE.match(s.text, span[0])
                written = s.text[m.start("y") : m.end()]
                written = re.sub(r"(?:前|以前|之前|起|开始)$", "", written)
                fields = {"written": written, "task": task, "date_type": "start" if is_start else "due"}
                facts.append(_fact(doc, "masked_deadline", fields, s, "deadline.masked_year.v1", span))
                continue
            fields = {"date": iso, "task": task}
            if is_start:
                fields["date_type"] = "start"
            facts.append(_fact(doc, "deadline", fields, s, "deadline.dated_clause.v1", span))
        dated = [d for d in dated if d[0] is not None]
        back = False
        if dated:  # (or the moves read before, as the sentence's subject: "以上调整于2019年3月底前完成")
            marker = ITEM_NUMBER.match(s.text)
            back = _MOVES_BACK.match(s.text, marker.end() if marker else 0) is not None
        due_moves = next(
            (
                iso
                for iso, task, _, start in dated
                if not start and (back or (_MOVES_DONE.search(task) and not _LATER_BATCH.search(task)))
            ),
            None,
        )
        if due_moves:  # "各部门要在2021年6月30日前完成交接工作", "6月底前完成职责划转": when the moves are due
            move_deadlines.append((len(facts), due_moves))
        # "我局" in a letter its signer wrote: the transfers name the signer, as its agency record does
        signer = {a.text: a.name for a in agencies if a.rule_id == "agency.self_reference.v1"}
        items.give_back(facts, s.text, agencies)  # "上述第(一)项由G赋予R": the givers of items read before
        if s.text.startswith("其中") and last_moves and not found:
            # "其中，G1 15项、G2 10项": who gave what was just moved (the frames read "其中，G1下放15项")
            for k, copy in _broken_down(facts, last_moves, s.text, agencies):
                if k in undated:
                    undated.append(len(facts))  # (dated as the move it copies, when the text dates it)
                facts.append(copy)
        items.read(s.text, len(facts))
        moves_from = len(facts)
        for t in found:
            for end in ("source", "target") if signer else ():
                t[end] = signer.get(t.get(end), t.get(end))
            if t.get("source") and t["source"] == t.get("target"):
                continue  # a body that keeps its own powers moves nothing
            if t.get("matter") and ITEM_NUMBER.match(t["matter"]):
                # "一、M，由R负责查处": the item's number opens the sentence, no part of the matter
                t["matter"] = ITEM_NUMBER.sub("", t["matter"], count=1) or None
            if t.get("matter") and _CATCH_ALL_MATTER.search(t["matter"]):
                continue  # "…下达的其他(职责)", "…清单以外": a catch-all names no matter (conventions G16)
            if t.get("matter") and rules.frames.back_reference.fullmatch(t["matter"]):
                continue  # "行使上述行政处罚权": said again of transfers recorded where they were stated
            span = t.pop("span")
            rule = t.pop("rule")
            t.pop("cited", None)
            # "2017年6月底前,…将其…处罚权整合到…": the move's own deadline (a date that opens the sentence)
            due = next((iso for iso, _, (ds, _), start in dated if not start and ds <= span[0] + 2), None)
            if due:
                t["deadline"] = due
            else:
                undated.append(len(facts))
            if rule in _ENTRY_RULES:
                entry_facts = (entry_facts if entry_sentence == i else []) + [len(facts)]
                entry_sentence = i
            if (
                rule in _PENDING_RULES
                and t.get("target") is None
                and not (rule in _DROPPED_UNHELD and t.get("target_sector"))
            ):
                pending_scope.append(len(facts))
            facts.append(_fact(doc, "transfer", t, s, rule, span))
        items.close(len(facts))
        if found:
            last_moves = [k for k in range(moves_from, len(facts)) if facts[k].kind == "transfer"]
        for target in _TARGET.finditer(s.text) if dated else ():
            date = next((iso for iso, _, (ds, de), _ in dated if ds <= target.start() < de), None)
            if date is None:
                continue
            facts.append(
                _fact(
                    doc,
                    "target",
                    {
                        "value": target.group("value") or target.group("value2"),
                        "object": target.group("object") or target.group("object2"),
                        "date": date,
                    },
                    s,
                    "target.percentage.v1",
                    target.span(),
                )
            )
        if _PILOT.search(s.text):
            facts.extend(_pilots(doc, s, ps, record, found_in))
        if _ESTABLISH.search(s.text):
            facts.extend(_established(doc, s, agencies, "\n".join(x.text for x in sentences[i + 1 : i + 4])))
        m = _LEAD_INLINE.search(s.text) if "牵头" in s.text else None
        if m:
            facts.extend(_lead(doc, s, m, s.headings, found_in))
    for m in _LEAD.finditer(doc.text):
        facts.extend(_lead_block(doc, sentences, m, found_in))
    if "\t" in doc.text and ("牵头" in doc.text or "责任" in doc.text):
        facts.extend(_task_table(doc, sentences, found_in, this_year))
    _date_the_moves(facts, undated, move_deadlines)
    unheld.update(k for k in pending_scope if facts[k].rule_id in _DROPPED_UNHELD)  # the document ends
    facts = [f for k, f in enumerate(facts) if k not in unheld]
    facts.extend(merge_aliases(of_county_level_city(list(seen_agency.values()), record), rules, doc.text))
    facts.extend(seen_place.values())
    undeclared = next((f for f in facts if f.rule_id not in rules.declared_ids), None)
    if undeclared is not None:
        raise RuleError(f"rule {undeclared.rule_id!r} gives a {undeclared.kind} fact but no rules file declares it")
    title = record.get("title") or ""
    title_end = doc.text.find(title) + len(title) if title and title in doc.text else 0
    announcing = [(s.start, s.end) for s in sentences if "如下" in s.text and _ANNOUNCES.search(s.text)]
    return _dedupe(_title_said_again(_set_up_once(facts, title_end), title_end, announcing))


def _triggers_by_sentence(text: str, sentences: list[Sentence], rules: Rules) -> list[set[str]]:
    """The frames whose triggers each sentence holds, found in one pass over the document's text
    (no trigger word holds a sentence's end)."""
    out: list[set[str]] = [set() for _ in sentences]
    if not sentences:
        return out
    starts = [s.start for s in sentences]
    for start, end, frames in rules.frames.trigger_words.find(text):
        i = bisect_right(starts, start) - 1
        if i >= 0 and end <= sentences[i].end:
            out[i].update(frames)
    return out


# the rules whose records may name their receiver in a sentence after them (kg.relate: pending_scope)
_PENDING_RULES = frozenset({"transfer.scope_list.v1", "transfer.table_row.v1", "transfer.catalogue_entry.v1"})
# of those, the ones no record is kept of without a receiver
_DROPPED_UNHELD = frozenset({"transfer.table_row.v1", "transfer.catalogue_entry.v1"})
# the title of a catalogue of powers or enforcement items: "某市综合行政执法事项统一目录", "某县权责清单"
_CATALOGUE_TITLE = re.compile(r"(?:事项|职权|权力|权责)(?:统一|指导|基本)?(?:目录|清单)")
_ENTRY_RULES = frozenset({"transfer.catalogue_entry.v1", "transfer.labelled_entry.v1"})


# "…下放…42项，涉及G1、G2等6个部门": the departments whose items moved, named after the move
_INVOLVED = re.compile(
    rf"{INVOLVES.pattern}(?P<g>[^，,。；;]{{2,80}}?)(?:等[\d一二三四五六七八九十]{{0,3}}个?(?:部门|单位)|(?=[，,。；;]|$))"
)


def _involving(found: list[dict], text: str, agencies: list[AgencySpan]) -> list[dict]:
    """The transfers of a sentence that names the departments its items came from after the move
    ("…下放行政执法事项42项，涉及G1、G2等6个部门"): those with no giver, one for each of them."""
    m = _INVOLVED.search(text)
    givers = _with_units([a for a in agencies if m and m.start("g") <= a.start and a.end <= m.end("g")])
    if not givers:
        return found
    out = []
    for t in found:
        if t.get("source") is None:
            out.extend(dict(t, source=g.text, source_sector=g.sector) for g in givers)
        else:
            out.append(t)
    return out


# "…交由R集中行使，相应P不再由G行使": the body that stops holding what moved
_NO_LONGER_BY = re.compile(r"不再由(?P<g>[^，,。；;]{2,30}?)(?:依法)?(?:集中|统一)?(?:行使|实施|承担|负责|履行|办理)")


def _no_longer_held(found: list[dict], text: str, agencies: list[AgencySpan]) -> list[dict]:
    """The transfers of a sentence that says who no longer holds what moved ("将M的P交由R行使，相应P不再由
    G行使"): G gave those with no giver of their own (when G is one body, named as such)."""
    m = _NO_LONGER_BY.search(text)
    giver = next((a for a in agencies if m and (a.start, a.end) == m.span("g")), None)
    if giver is None:  # "…由R负责；G不再承担M职责": the subject of 不再
        stops = NO_LONGER_HOLDS.search(text)
        giver = next((a for a in agencies if stops and a.end == stops.start()), None)
        if giver is not None and text[giver.start - 1 : giver.start] in ("、", "和", "及", "与"):
            giver = None  # "G1、G2不再行使": several stop, which gave which is not written
    if giver is None:
        return found
    return [
        dict(t, source=giver.text, source_sector=giver.sector)
        if t.get("source") is None and t.get("target") != giver.text
        else t
        for t in found
    ]


# the parts of a transfer a sentence may list, each in the order the sentence writes them
_PAIRED_ROLES = ("source", "matter", "target")


def respectively(found: list[dict], text: str) -> list[dict]:
    """The transfers of a sentence that says its lists pair off (分别): when every giver, matter and
    receiver was read with every other, and the lists of two or more are of one length, the first of
    each goes with the first of the others, and so on ("将G1、G2的M1、M2职责分别划入R1和R2": G1's
    M1 to R1, G2's M2 to R2). Receivers named before 分别 as its subject each do all ("R1、R2分别
    集中行使…"). Any other records as they are.

    >>> rs = [{"source": g, "matter": m, "target": "R", "power": "P"} for g in ("甲局", "乙局") for m in ("丙", "丁")]
    >>> [(r["source"], r["matter"]) for r in respectively(rs, "甲局、乙局的丙、丁职责分别划入R")]
    [('甲局', '丙'), ('乙局', '丁')]
    """
    groups: dict[str | None, list[dict]] = {}
    out = []
    for r in found:
        if r.get("matter"):
            groups.setdefault(r.get("power"), []).append(r)
        else:
            out.append(r)  # (a restatement, of no matter, pairs nothing)
    for records in groups.values():
        values = {
            role: sorted({r.get(role) for r in records}, key=lambda v: _first_at(text, v)) for role in _PAIRED_ROLES
        }
        listed = {role: vs for role, vs in values.items() if len(vs) > 1}
        crossed = len(records) == math.prod(len(vs) for vs in values.values())
        # (receivers listed before 分别 are its subject, each doing all: "R1、R2分别集中行使M1、M2方面的P")
        paired = "source" in listed or _first_at(text, values["target"][0]) > text.find("分别")
        if len(listed) < 2 or not crossed or not paired or len({len(vs) for vs in listed.values()}) != 1:
            out.extend(records)
            continue
        out.extend(r for r in records if len({values[role].index(r.get(role)) for role in listed}) == 1)
    return out


def _first_at(text: str, value: str | None) -> int:
    at = text.find(value) if value else -1
    return at if at >= 0 else len(text)


def _give_entry(facts: list[Fact], at, giver) -> None:
    """The transfers at ``at`` (a catalogue entry's, a list's items) with ``giver`` as their source,
    where they name none; a giver named by its kind, of no one sector, leaves the sector they had
    (the item's field)."""
    for k in at:
        data = facts[k].data
        if data.source is None:
            sector = giver.sector or data.source_sector
            facts[k] = replace(facts[k], data=replace(data, source=giver.text, source_sector=sector))


# a sentence that asks: "问：哪些执法事项下放到乡镇？", "二、划转后由谁负责？" (its mark after a word, not a
# stray one after a full stop: "…。?(记者…)")
_ASKS = re.compile(r"[\u4e00-\u9fff][？?][”」』)）]?\s*$")


def _states_no_transfer(
    rules: Rules,
    text: str,
    agencies: list[AgencySpan],
    state: FrameState,
    context: _Context,
    triggered: set[str] | None = None,
) -> bool:
    """Whether a sentence can state no transfer, so the transfer rules need not read it: it names no
    body, no power and no trigger of a frame, is no table row, labelled line, list item or lead-in,
    and no open list, catalogue or header waits for its items (most sentences of a document).
    ``triggered``: the frames whose triggers the sentence holds, when the caller has them."""
    frames = rules.frames
    return not (
        agencies
        or state.list_open
        or state.entry_kind is not None
        or context.receiver is not None
        or "\t" in text
        or ":" in text
        or "：" in text
        or ITEM_NUMBER.match(text)
        or frames.power_re.search(text)
        or (frames.triggered(text) if triggered is None else triggered)
        or any(w in text for w in frames.self_reference)
    )


def _date_the_moves(facts: list[Fact], undated: list[int], move_deadlines: list[tuple[int, str]]) -> None:
    """Give each transfer with no deadline of its own the date the text sets for completing the
    moves: the first such date stated after it, else the last stated before it (a schedule that
    opens the document)."""
    if not move_deadlines:
        return
    for j in undated:
        due = next((iso for at, iso in move_deadlines if at > j), move_deadlines[-1][1])
        if facts[j].get("deadline") is None:
            facts[j] = replace(facts[j], data=replace(facts[j].data, deadline=due))


_UNITS = re.compile(
    r"(?:内设|下设|设立|设置)(?:[一二三四五六七八九十\d]+个)?(?:内设)?(?:机构|科室|处室|部门)?[:：](?P<list>[^。;；]+)"
)
_UNIT_END = re.compile(r"(?:处|科|室|中心|办|大队|中队|支队|分队|站|所|股)$")


def _internal_units(rules: Rules, s: Sentence, agencies: list[AgencySpan], found: Recognized) -> list[AgencySpan]:
    """Internal units listed after "内设五个机构:" / "下设:" — each item ending in an organ word is a
    body, of its own sector if it names one, else of the body it belongs to (named before the list
    or in the section heading)."""
    m = _UNITS.search(s.text)
    if not m:
        return []
    parents = [a for a in agencies if a.end <= m.start()] or [a for h in s.headings for a in found.bodies(h)]
    parent = parents[-1] if parents else None
    out = []
    pos = m.start("list")
    for item in m.group("list").split("、"):
        name = item.strip(" ,,等")
        start = s.text.find(name, pos)
        pos = start + len(name) if start >= 0 else pos
        if start < 0 or not 2 < len(name) <= 12 or not _UNIT_END.search(name):
            continue
        sector = _sector_of_text(rules, name) or (parent.sector if parent else "其他")
        level = parent.level if parent else None
        out.append(AgencySpan(start, start + len(name), name, name, sector, level, "agency.internal_unit.v1"))
    return out


def _inside_citation(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count("《") > before.count("》")


def _pilots(doc: Document, s: Sentence, places: list[PlaceSpan], record: dict, found: Recognized) -> list[Fact]:
    out = []
    # the issuer's own place is no pilot; the place an act is about may be ("省政府关于在南通市开展…试点")
    issuer_places = [p for p in found.places(record.get("title") or "") if p.place is not None]
    own = _place_chain(issuer_places, 0)[-1].place.standard_name if issuer_places else record.get("jurisdiction")
    lessons = [x.span() for x in _LESSON.finditer(s.text)]
    for p in places:
        if p.place is None:
            continue
        if p.place.rank == 1 or p.place.standard_name == own:
            continue
        if any(a <= p.start < b for a, b in lessons):
            continue  # "借鉴遵义、安顺两市的经验": places learnt from, not pilots
        if any(q.start == p.end and q.place is not None and q.place.rank > p.place.rank for q in places):
            continue  # "遵义市红花岗区开展试点": the city only names where the district is
        if _inside_citation(s.text, p.start):
            continue
        out.append(_fact(doc, "pilot", {"jurisdiction": p.place.standard_name}, s, "pilot.named_place.v1"))
    here = _IN_YOUR_PLACE.search(s.text)
    addressee = _addressed_place_or_town(doc, found) if here and not _inside_citation(s.text, here.start()) else None
    if addressee is not None and addressee != own:  # "同意在你镇开展…试点": the place the reply is addressed to
        out.append(_fact(doc, "pilot", {"jurisdiction": addressee}, s, "pilot.named_place.v1"))
    return out


# "在你市(开展…试点)", "在你镇…": the place a reply is addressed to, as where the act happens
_IN_YOUR_PLACE = re.compile(r"在你(?:省|市|州|县|区|旗|镇|乡|街道)")


def _addressed_place_or_town(doc: Document, found: Recognized) -> str | None:
    """The place (its standard name) or town a letter is addressed to: "南通市人民政府：", "沙溪镇人民政府："."""
    addressed = _addressee_place(doc, found)
    if addressed is not None:
        return addressed[0]
    addressee = _salutation(doc)
    towns = [a for a in found.bodies(addressee) if a.rule_id == "agency.township_named.v1"] if addressee else []
    return town_of(towns[0].name) if towns else None


_CHAIR = re.compile(
    r"由(?P<chair>[^,,。;；]{2,16}?)(?:(?:任|担任)(?:主任|组长|召集人|总召集人|第一组长)|主持|召集)"
    # the role first: "委员会主任由市长担任"
    r"|(?<!副)(?:主任|组长|召集人|总召集人|第一组长)由(?P<chair2>[^,,。;；]{2,16}?)(?:担任|兼任)"
)
_OFFICE = re.compile(r"办公室设在(?P<office>[^,,。;；]{2,24})")


def _chair_of(m: re.Match | None) -> str | None:
    return (m.group("chair") or m.group("chair2")) if m else None


def _established(doc: Document, s: Sentence, agencies: list[AgencySpan], next_text: str = "") -> list[Fact]:
    """Bodies set up in ``s``; their chair and office may be written in the sentences after
    (``next_text``), up to where another body is set up."""
    other = _ESTABLISH.search(next_text)
    next_text = next_text[: other.start()] if other else next_text
    out = []
    for m in _ESTABLISH.finditer(s.text):
        if _inside_citation(s.text, m.start()):
            continue  # "《关于成立…局的通知》": a cited title, not this text setting up a body
        after = [
            a
            for a in agencies
            if 0 <= a.start - m.end() <= ESTABLISHED_REACH
            and a.rule_id in ("agency.council.v1", "agency.compose.v1", "agency.bare_level_bureau.v1")
        ]
        councils = [
            a for a in after if re.search(r"委员会|领导小组|联席会议|小组|指挥部|办公室|科|中心|顾问团|队$", a.name)
        ]
        # "组建朝阳区城市综合管理部门", "成立了“某局”": a body right after 组建/成立/设立 is new whatever its organ
        # "划入新组建的县综合行政执法局": a body that a new setting-up names is new too
        fresh = s.text[m.start() - 1 : m.start()] == "新"
        direct = [
            a
            for a in after
            if (re.fullmatch(r"了?[“\"「]?", s.text[m.end() : a.start]) or fresh and s.text[m.end() : a.start] == "的")
            and m.group() != "建立"
        ]
        after = direct or councils  # the body right after the verb; else the council it names further on
        if not after:
            continue
        body = after[0]
        chair = _CHAIR.search(s.text[m.start() :]) or _CHAIR.search(next_text)
        # the office is often placed in a sentence after ("联席会议办公室设在…")
        office = _OFFICE.search(s.text[m.start() :]) or _OFFICE.search(next_text)
        if m.group() == "建立" and s.text.startswith("制度", body.end) and not (chair or office):
            continue  # "建立…联席会议制度" with no office or chair is a mechanism, not a body
        out.append(
            _fact(
                doc,
                "body_established",
                {
                    "name": body.name,
                    "chair": _chair_of(chair),
                    "office_at": office.group("office") if office else None,
                },
                s,
                "body.establish.v1",
                (m.start(), min(len(s.text), body.end + 40)),
            )
        )
    return out


def _names_at(found: Recognized, m: re.Match, group: str, offset: int = 0) -> list[str]:
    """The names of the bodies a match's group holds, where the group stands (``offset``: where the
    matched text starts in the document's)."""
    return [a.name for a in found.bodies_between(offset + m.start(group), offset + m.end(group))]


def _lead(doc, s, m, headings, found: Recognized) -> list[Fact]:
    lead, coop = _names_at(found, m, "lead", s.start), _names_at(found, m, "coop", s.start)
    if not lead:
        return []
    task = _task_of(headings)
    return [_fact(doc, "lead", {"task": task, "lead": lead, "cooperate": coop}, s, "lead.inline.v1", m.span())]


def _lead_block(doc, sentences, m, found: Recognized) -> list[Fact]:
    lead, coop = _names_at(found, m, "lead"), _names_at(found, m, "coop")
    if not lead:
        return []
    holder = next((s for s in sentences if s.start <= m.start() < s.end + 1), None)
    # the section the block stands in: its own sentence's (a line of its own under an item, or the
    # item's own line after the item's first sentence)
    prior = [s for s in sentences if s.end <= m.start()]
    headings = holder.headings if holder is not None else prior[-1].headings if prior else ()
    task = _task_of(headings)
    fact = _fact(doc, "lead", {"task": task, "lead": lead, "cooperate": coop}, holder, "lead.block.v1")
    return [
        Fact(
            fact.doc,
            fact.data,
            _evidence(doc.text[m.start() : m.end()].replace("\n", "")),
            fact.sentence_id,
            m.start(),
            m.end(),
            fact.rule_id,
        )
    ]


# the columns of a table dividing tasks among bodies (任务分工表): each header cell's role
_TASK_COLUMNS = (
    ("task", re.compile(r"(?:重点|主要|具体|改革)?(?:工作)?(?:任务|事项|措施)(?:内容|名称)?|工作内容")),
    ("lead", re.compile(r"牵头(?:单位|部门)|责任(?:单位|部门)|主责(?:单位|部门)")),
    ("coop", re.compile(r"(?:配合|参与|协办|协同)(?:单位|部门)")),
    ("due", re.compile(r"(?:完成)?(?:时限|时间)(?:要求|安排|节点)?|进度安排")),
)


def _task_columns(cells: list[str]) -> dict[str, int] | None:
    """The roles of a task table's header row by column, when it has a task and a lead column."""
    roles: dict[str, int] = {}
    led = any("牵头" in cell for cell in cells)  # beside a 牵头 column, the 责任单位 are the helpers
    for i, cell in enumerate(cells):
        role = next((r for r, pattern in _TASK_COLUMNS if pattern.fullmatch(cell.strip())), None)
        if role == "lead" and led and "牵头" not in cell:
            role = "coop"
        if role is not None and role not in roles:
            roles[role] = i
    return roles if {"task", "lead"} <= set(roles) else None


def _task_table(doc, sentences, found: Recognized, this_year: int | None) -> list[Fact]:
    """The rows of a task-division table (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限): each row's
    lead and helpers, and its task's deadline ("2020年6月底前"), as a sentence would state them."""
    out: list[Fact] = []
    columns, width = None, 0
    for s in sentences:
        cells = s.text.split("\t")
        if len(cells) < 2:
            columns = None  # the table has ended
            continue
        header = _task_columns(cells)
        if header is not None:
            columns, width = header, len(cells)
            continue
        if columns is None or len(cells) != width:
            continue
        at = [s.start + sum(len(c) + 1 for c in cells[:i]) for i in range(len(cells))]
        # the bodies recognized in each role's cell, where it stands
        named = {
            role: [a.name for a in found.bodies_between(at[i], at[i] + len(cells[i]))] for role, i in columns.items()
        }
        task = cells[columns["task"]].strip()
        lead = named["lead"]
        if task and lead:
            fields = {"task": task[:30], "lead": lead, "cooperate": named.get("coop", [])}
            out.append(_fact(doc, "lead", fields, s, "lead.task_table.v1", (0, len(s.text))))
        due = cells[columns["due"]].strip() if "due" in columns else ""
        for iso, _task, _span, is_start in deadlines_in(f"{due}，{task}", this_year=this_year) if due else ():
            if iso is not None and not is_start:
                out.append(_fact(doc, "deadline", {"date": iso, "task": task[:30]}, s, "deadline.task_table.v1"))
                break
    return out


def _task_of(headings: tuple[str, ...]) -> str:
    if not headings:
        return ""
    h = re.sub(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、．])", "", headings[-1])
    return h[:30]


def _set_up_once(facts: list[Fact], title_end: int) -> list[Fact]:
    """One record a body set up: the title's "关于成立城市管理委员会的通知" and the text's "成立某市城市
    管理委员会" are one body (the fuller name; the chair and office either names). Two bodies the
    text itself sets up stay two, however alike ("成立XX市城市管理委员会…各县(区)成立城市管理委员会")."""
    kept: list[Fact] = []
    for f in facts:
        if f.kind != "body_established":
            kept.append(f)
            continue
        name = f.get("name") or ""
        at = next(
            (
                i
                for i, k in enumerate(kept)
                if k.kind == "body_established"
                and 0 <= k.start < title_end <= f.start
                and name
                and (name.endswith(k.get("name") or "\0") or (k.get("name") or "").endswith(name))
            ),
            None,
        )
        if at is None:
            kept.append(f)
            continue
        first = kept[at]
        fuller = max((first.get("name"), name), key=len)
        data = replace(
            first.data,
            name=fuller,
            chair=first.get("chair") or f.get("chair"),
            office_at=first.get("office_at") or f.get("office_at"),
        )
        kept[at] = replace(first if first.get("name") == fuller else f, data=data)
    return kept


# "现就赋予乡镇(街道)部分县级行政执法权有关事项通知如下": the sentence that announces what the text is
# about, as its title does
_ANNOUNCES = re.compile(
    r"就[^。；;]{2,80}?(?:的)?(?:有关|相关)?(?:事项|问题|工作)?(?:通知|决定|批复|答复|报告|说明|公告|通告)如下"
)


def _title_said_again(facts: list[Fact], title_end: int, announcing: list[tuple[int, int]] = ()) -> list[Fact]:
    """The title's transfers ("关于向乡镇(街道)下放部分县级行政执法权的决定", a headline "…执法权划归某局"),
    and those of a sentence that announces the text's subject again (``announcing``, offsets), are
    dropped when the text states transfers of its own: they name what the text says, and the text
    names the powers, matters and receivers as they are."""

    def announced(f: Fact) -> bool:
        return 0 <= f.start < title_end or any(s <= f.start < e for s, e in announcing)

    if not any(f.kind == "transfer" and not announced(f) for f in facts):
        return facts
    return [f for f in facts if not (f.kind == "transfer" and announced(f))]


def _dedupe(facts: list[Fact]) -> list[Fact]:
    seen = set()
    out = []
    for f in facts:
        key = f.data if f.kind != "deadline" else (f.data, f.start)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out
