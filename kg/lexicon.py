"""Loads and checks the rule and lexicon files in ``kg/rules`` (data, never code)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.errors import RuleError

__all__ = [
    "AgencyLexicon",
    "CentralMatters",
    "PlaceRules",
    "Words",
    "abbreviations_of",
    "agency_lexicon_of",
    "alternation",
    "central_matters_of",
    "checked",
    "fact_rules_of",
    "nominals",
    "nouns",
    "parse_yaml",
    "place_rules_of",
    "verbal_nouns",
]


@functools.cache
def _two_character_words() -> dict[str, str]:
    """jieba's dictionary (its ``dict.txt``, word, count and part of speech a line): the part of
    speech of each two-character word. Read once a process, on first use (about 0.2 s)."""
    import jieba

    text = (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8")
    return dict(re.findall(r"^(\w\w) \d+ (\w+)$", text, re.M))


@functools.cache
def nouns() -> frozenset[str]:
    """Two-character words that jieba's dictionary tags as common nouns (n): 药品, 燃气, 渔政 — never
    a bare verb."""
    return frozenset(w for w, tag in _two_character_words().items() if tag == "n")


@functools.cache
def verbal_nouns() -> frozenset[str]:
    """Two-character words that jieba's dictionary tags as verbal nouns (vn): 建设, 经营, 运输 — a verb
    that names an activity whole ("违法建设"), where a plain verb (v: 占用, 倾倒) takes an object."""
    return frozenset(w for w, tag in _two_character_words().items() if tag == "vn")


@functools.cache
def nominals() -> frozenset[str]:
    """Two-character words that jieba's dictionary tags as nouns of any kind — common (n), of place
    (ns, s), of organisations (nt), other proper (nz): 城市, 道路, 公园 — words that modify a noun
    rather than take it as an object."""
    return frozenset(w for w, tag in _two_character_words().items() if tag in ("n", "ns", "s", "nt", "nz"))


def parse_yaml(name: str, text: str) -> dict:
    """A rules file's YAML (``name`` is how errors name it), checked to be a mapping.

    Raises:
        RuleError: unreadable YAML — naming the file.
    """
    try:
        # libyaml's safe loader where PyYAML was built with it (the pure-Python one is 5-10× slower)
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise RuleError(f"{name}: cannot read rules: {problem}{where}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{name}: expected a mapping at the top level")
    return data


def checked(name: str, data: dict, allowed: set[str], *, required: set[str] = frozenset()) -> dict:
    """``data`` of the rules file ``name``, its top-level keys checked.

    Raises:
        RuleError: unknown or missing keys — naming the file and the key.
    """
    unknown = set(data) - allowed
    if unknown:
        raise RuleError(f"{name}: unknown key {sorted(unknown)[0]!r}; allowed: {', '.join(sorted(allowed))}")
    missing = required - set(data)
    if missing:
        raise RuleError(f"{name}: missing key {sorted(missing)[0]!r}")
    return data


@dataclass(frozen=True)
class AgencyLexicon:
    core_sector: dict[str, str]  # core term → canonical sector
    suffixes: tuple[str, ...]
    standalone: dict[str, tuple[str, str | None]]  # name → (sector, level)
    levels: dict[str, str | None]
    vague_heads: tuple[str, ...]
    qualifiers: tuple[str, ...]
    government: tuple[str, ...]
    party: tuple[str, ...]
    paired_levels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "市州" → ("市", "州")
    zones: tuple[str, ...] = ()  # what names of functional areas end with (新区, 开发区…), longest first
    party_units: tuple[str, ...] = ()  # a party committee's own offices (市委办公室, 县委组织部)
    township_name_stops: tuple[str, ...] = ()  # words before a township body that are not its name
    township_receiving_verbs: tuple[str, ...] = ()  # verbs after which a bare town name receives
    township_name_openers: tuple[str, ...] = ()  # stops that names open with too (新华镇): stops only alone
    # core → the characters before which it is no core but part of another word (市政 before 府: 市政府)
    core_not_before: dict[str, str] = field(default_factory=dict)


def alternation(words, tails: Mapping[str, str] | None = None) -> str:
    """A regex that matches any of ``words``, the longest first (so the longest word at a place wins);
    one that matches nothing when there are none. ``tails`` gives a word a pattern that must follow it
    (a lookahead guard: "办" but not "办法").

    The words are laid out as a trie ("划入(?:到)?", not "划入到|划入"): Python's ``re`` tries the
    branches of an alternation one by one, so a flat list of hundreds of words costs a comparison
    each at every place, a trie one per character. The matches are the same: the words that match at
    a place are prefixes of one another, and the trie tries them longest first, as the flat list does.

    >>> print(alternation(["划入", "划入到", "a.b"]))
    (?:a\\.b|划入(?:到)?)
    >>> print(alternation(["办", "办公室"], {"办": "(?!法)"}))
    办(?:公室|(?!法))
    >>> re.fullmatch(alternation(["城市管理", "城管", "城市"]), "城管").group()
    '城管'
    """
    tails = tails or {}
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = tails.get(w, "")
    if not trie:
        return r"(?!)"

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:  # a word ends here: tried after the longer words that go on from it
            if not node[""]:
                return f"(?:{'|'.join(branches)})?" if branches else ""
            branches.append(node[""])
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return emit(trie)


class Words:
    """The words of a lexicon found in a text in one pass of an Aho-Corasick automaton (Rust's
    ``aho-corasick`` through ``ahocorasick_rs``), each with the value it was added with: every
    occurrence, overlaps included, or (``longest``) the longest word at the leftmost place, none
    overlapping. Offsets are the text's characters; pickled by its words (workers rebuild it).

    >>> Words({"城市": 1, "城市管理": 2, "管理": 3}).find("市城市管理局")
    [(1, 3, 1), (1, 5, 2), (3, 5, 3)]
    >>> Words({"城市": 1, "城市管理": 2, "管理": 3}, longest=True).find("市城市管理局")
    [(1, 5, 2)]
    """

    def __init__(self, words: Mapping[str, object], *, longest: bool = False) -> None:
        import ahocorasick_rs as ac

        self._words = dict(words)
        self._longest = longest
        self._values = list(self._words.values())
        kind = ac.MatchKind.LeftmostLongest if longest else ac.MatchKind.Standard
        self._automaton = ac.AhoCorasick(list(self._words), matchkind=kind)

    def __reduce__(self):
        return (_words_of, (self._words, self._longest))

    def find(self, text: str) -> list[tuple[int, int, object]]:
        """(start, end, value) of each word found in ``text``: by end, the longer first where two end
        together (overlapping); by start (``longest``)."""
        values = self._values
        found = self._automaton.find_matches_as_indexes(text, overlapping=not self._longest)
        return [(s, e, values[i]) for i, s, e in found]


def _words_of(words: dict, longest: bool) -> Words:
    return Words(words, longest=longest)


_AGENCY_REQUIRED = {"sectors", "suffixes", "standalone", "levels", "vague_heads", "qualifiers", "government", "party"}
_AGENCY_OPTIONAL = {
    "version",
    "paired_levels",
    "bracketed_levels",
    "zones",
    "party_units",
    "township_name_stops",
    "township_receiving_verbs",
    "township_name_openers",
    "core_not_before",
}


def agency_lexicon_of(data: dict, name: str = "agencies.yaml") -> AgencyLexicon:
    """The agency lexicon from the parsed ``agencies.yaml``.

    Raises:
        RuleError: a key the file does not define, a missing one, a core under two sectors.
    """
    data = checked(name, data, _AGENCY_REQUIRED | _AGENCY_OPTIONAL, required=_AGENCY_REQUIRED)
    core_sector: dict[str, str] = {}
    for sector, cores in data["sectors"].items():
        if not isinstance(cores, list) or not all(isinstance(c, str) and c for c in cores):
            raise RuleError(f"{name}: sector {sector!r}: expected a list of core terms")
        for core in cores:
            if core in core_sector and core_sector[core] != sector:
                raise RuleError(f"{name}: core {core!r} is listed under {core_sector[core]!r} and {sector!r}")
            core_sector[core] = sector
    standalone = {}
    for item in data["standalone"]:
        extra = set(item) - {"name", "sector", "level"}
        if extra or "name" not in item or "sector" not in item:
            raise RuleError(f"{name}: standalone entry {item!r}: needs name and sector (level optional)")
        standalone[item["name"]] = (item["sector"], item.get("level"))
    return AgencyLexicon(
        core_sector,
        tuple(sorted(data["suffixes"], key=len, reverse=True)),
        standalone,
        _bracketed_levels(name, data.get("bracketed_levels") or [], data["levels"]),
        tuple(data["vague_heads"]),
        tuple(data["qualifiers"]),
        tuple(data["government"]),
        tuple(data["party"]),
        _paired_levels(name, data.get("paired_levels") or {}, data["levels"]),
        tuple(sorted(data.get("zones") or (), key=len, reverse=True)),
        tuple(data.get("party_units") or ()),
        tuple(data.get("township_name_stops") or ()),
        tuple(data.get("township_receiving_verbs") or ()),
        tuple(data.get("township_name_openers") or ()),
        _core_not_before(name, data.get("core_not_before") or {}, core_sector),
    )


def _core_not_before(name: str, guards: dict, cores: dict[str, str]) -> dict[str, str]:
    for core, chars in guards.items():
        if core not in cores or not isinstance(chars, str) or not chars:
            raise RuleError(
                f"{name}: core_not_before {core!r}: expected a core of sectors and the characters, e.g. 府务"
            )
    return dict(guards)


def _bracketed_levels(name: str, words: list, levels: dict) -> dict[str, str | None]:
    """The level words and, for each of ``words``, that word with the others it stands for in
    brackets ("区(县)", "区(市、县)"): a kind of body at the first word's level.

    >>> _bracketed_levels("t", ["县", "区"], {"县": "county", "区": "district"})["区(县)"]
    'district'
    """
    from itertools import permutations

    if not all(isinstance(w, str) and w in levels for w in words):
        raise RuleError(f"{name}: bracketed_levels: expected level words listed under levels, e.g. [市, 县, 区]")
    out = dict(levels)
    for first in words:
        others = [w for w in words if w != first]
        for k in (1, 2):
            for inner in permutations(others, k):
                out.setdefault(f"{first}({'、'.join(inner)})", levels[first])
    return out


def _paired_levels(name: str, pairs: dict, levels: dict) -> dict[str, tuple[str, ...]]:
    for word, parts in pairs.items():
        # ("街道(乡镇)": the second in brackets, a township or a street as the text names both; "镇街": each
        # by its first character)
        written = re.sub(r"[()]", "", word)
        made_of = isinstance(parts, list) and written in ("".join(parts), "".join(x[:1] for x in parts))
        if not made_of or not all(x in levels for x in parts):
            raise RuleError(f"{name}: paired level {word!r}: expected the level words it is made of, e.g. [市, 州]")
    return {word: tuple(parts) for word, parts in pairs.items()}


def abbreviations_of(data: dict, name: str = "abbreviations.yaml") -> dict[str, str]:
    """Abbreviated sector words → full forms, longest first."""
    data = checked(name, data, {"version", "expand"}, required={"expand"})
    return dict(sorted(data["expand"].items(), key=lambda kv: -len(kv[0])))


@dataclass(frozen=True)
class PlaceRules:
    not_places: frozenset[str]  # names of places that are ordinary words (城区, 新城区)
    ambiguous_short: frozenset[str]
    joining_words: frozenset[str]  # a conjunction a place's name starts with (和县 in "…局和县…局")


def place_rules_of(data: dict, name: str = "places.yaml") -> PlaceRules:
    data = checked(name, data, {"version", "not_places", "ambiguous_short", "joining_words"})
    return PlaceRules(*(frozenset(data.get(k) or ()) for k in ("not_places", "ambiguous_short", "joining_words")))


@dataclass(frozen=True)
class CentralMatters:
    """The central 2015 guidance's matters by giving sector (``domains``), their everyday names
    (``aliases``: 占道经营 → 户外公共场所无照经营) and its dated goals (``milestones``: [{id, date,
    keywords}])."""

    domains: dict[str, tuple[str, ...]]
    aliases: dict[str, tuple[str, ...]]
    milestones: tuple[dict, ...]
    _matched: dict = field(default_factory=dict, repr=False, compare=False)

    def match(self, matter: str) -> str | None:
        """The central-template matter an extracted matter stands for, if any.

        >>> from kg.ruleset import load_rules
        >>> central = load_rules().central
        >>> central.match("向城区河道倾倒废弃物和垃圾")
        '向城市河道倾倒废弃物和垃圾'
        >>> central.match("河道采砂") is None
        True
        """
        if matter not in self._matched:
            best, score = None, 0.0
            for matters in self.domains.values():
                for m in matters:
                    near = (m in matter or matter in m) and min(len(m), len(matter)) >= 4
                    s = 1.0 if near else _char_overlap(m, matter)
                    if s > score:
                        best, score = m, s
            self._matched[matter] = best if score >= 0.75 else None
        return self._matched[matter]


def central_matters_of(data: dict, name: str = "central_matters.yaml") -> CentralMatters:
    """
    Raises:
        RuleError: an alias names a matter the guidance's list does not hold.
    """
    data = checked(name, data, {"version", "domains", "aliases", "milestones"}, required={"domains"})
    domains = {k: tuple(v) for k, v in data["domains"].items()}
    matters = {m for ms in domains.values() for m in ms}
    aliases = data.get("aliases") or {}
    unknown = sorted(set(aliases) - matters)
    if unknown:
        raise RuleError(f"{name}: aliases of {unknown[0]!r}, which is not a matter of the list")
    return CentralMatters(domains, {k: tuple(v) for k, v in aliases.items()}, tuple(data.get("milestones") or ()))


def _char_overlap(a: str, b: str) -> float:
    from collections import Counter

    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b)) if a and b else 0.0


def fact_rules_of(data: dict, name: str = "facts.yaml") -> dict[str, dict]:
    """The rules that give facts other than transfers, by id.

    Raises:
        RuleError: a rule lacks an id, kind or example, or has a key the file does not define.
    """
    data = checked(name, data, {"version", "rules"}, required={"rules"})
    out: dict[str, dict] = {}
    for rule in data["rules"]:
        rid = rule.get("id", "?")
        unknown = set(rule) - {"id", "kind", "reads", "examples"}
        if unknown:
            raise RuleError(f"{name}: rule {rid!r}: unknown key {sorted(unknown)[0]!r}")
        examples = rule.get("examples") or []
        if "id" not in rule or "kind" not in rule or not examples:
            raise RuleError(f"{name}: rule {rid!r}: every rule needs an id, a kind and at least one example")
        if not all(isinstance(e, dict) and e.get("text") and isinstance(e.get("expect"), dict) for e in examples):
            raise RuleError(f"{name}: rule {rid!r}: each example needs a text and an expected record")
        out[rid] = rule
    return out
