"""Loads and checks the rule and lexicon files in ``kg/rules`` (data, never code)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from kg.errors import RuleError
from kg.resources import rules_file

__all__ = [
    "AgencyLexicon",
    "abbreviations",
    "agency_lexicon",
    "canonical_core",
    "canonical_name",
    "central_aliases",
    "central_match",
    "central_template",
    "cores_automaton",
    "fact_rules",
    "load_yaml",
    "longest_core",
    "place_rules",
]


def load_yaml(path: str | Path, allowed: set[str], *, required: set[str] = frozenset()) -> dict:
    """Read a rules file and check its top-level keys.

    Raises:
        RuleError: unreadable YAML, unknown or missing keys — naming the file and the key.
    """
    path = Path(path)
    try:
        # libyaml's safe loader where PyYAML was built with it (the pure-Python one is 5-10× slower)
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as e:
        raise RuleError(f"{path.name}: cannot read rules: {e}") from e
    if not isinstance(data, dict):
        raise RuleError(f"{path.name}: expected a mapping at the top level")
    unknown = set(data) - allowed
    if unknown:
        raise RuleError(f"{path.name}: unknown key {sorted(unknown)[0]!r}; allowed: {', '.join(sorted(allowed))}")
    missing = required - set(data)
    if missing:
        raise RuleError(f"{path.name}: missing key {sorted(missing)[0]!r}")
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


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first (so the longest word at a place wins);
    one that matches nothing when there are none.

    >>> print(alternation(["划入", "划入到", "a.b"]))
    a\\.b|划入到|划入
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) or r"(?!)"


@cache
def agency_lexicon(path: str | None = None) -> AgencyLexicon:
    """The agency lexicon (``kg/rules/agencies.yaml`` unless another path is given)."""
    p = Path(path) if path else rules_file("agencies.yaml")
    required = {"sectors", "suffixes", "standalone", "levels", "vague_heads", "qualifiers", "government", "party"}
    optional = {
        "version",
        "paired_levels",
        "bracketed_levels",
        "zones",
        "party_units",
        "township_name_stops",
        "township_receiving_verbs",
    }
    data = load_yaml(p, required | optional, required=required)
    core_sector: dict[str, str] = {}
    for sector, cores in data["sectors"].items():
        if not isinstance(cores, list) or not all(isinstance(c, str) and c for c in cores):
            raise RuleError(f"{p.name}: sector {sector!r}: expected a list of core terms")
        for core in cores:
            if core in core_sector and core_sector[core] != sector:
                raise RuleError(f"{p.name}: core {core!r} is listed under {core_sector[core]!r} and {sector!r}")
            core_sector[core] = sector
    standalone = {}
    for item in data["standalone"]:
        extra = set(item) - {"name", "sector", "level"}
        if extra or "name" not in item or "sector" not in item:
            raise RuleError(f"{p.name}: standalone entry {item!r}: needs name and sector (level optional)")
        standalone[item["name"]] = (item["sector"], item.get("level"))
    return AgencyLexicon(
        core_sector,
        tuple(sorted(data["suffixes"], key=len, reverse=True)),
        standalone,
        _bracketed_levels(p.name, data.get("bracketed_levels") or [], data["levels"]),
        tuple(data["vague_heads"]),
        tuple(data["qualifiers"]),
        tuple(data["government"]),
        tuple(data["party"]),
        _paired_levels(p.name, data.get("paired_levels") or {}, data["levels"]),
        tuple(sorted(data.get("zones") or (), key=len, reverse=True)),
        tuple(data.get("party_units") or ()),
        tuple(data.get("township_name_stops") or ()),
        tuple(data.get("township_receiving_verbs") or ()),
    )


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
        if not isinstance(parts, list) or "".join(parts) != word or not all(x in levels for x in parts):
            raise RuleError(f"{name}: paired level {word!r}: expected the level words it is made of, e.g. [市, 州]")
    return {word: tuple(parts) for word, parts in pairs.items()}


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviated sector words → full forms (``kg/rules/abbreviations.yaml``), longest first."""
    data = load_yaml(rules_file("abbreviations.yaml"), {"version", "expand"}, required={"expand"})
    return dict(sorted(data["expand"].items(), key=lambda kv: -len(kv[0])))


def canonical_name(name: str) -> str:
    """A body's name with its abbreviated sector word spelled out.

    >>> [canonical_name(n) for n in ("市住建局", "县(区)城管执法局", "省编办", "城市规划部门")]
    ['市住房和城乡建设局', '县(区)城市管理行政执法局', '省机构编制委员会办公室', '城市规划部门']
    """
    found = [(end - len(core) + 1, core) for end, core in cores_automaton().iter(name)]
    if not found:
        return name
    # the longest core the name holds decides: "城市规划部门" holds 城市规划, not the abbreviation 规划
    at, core = max(found, key=lambda x: (len(x[1]), -x[0]))
    full = abbreviations().get(core)
    return name[:at] + full + name[at + len(core) :] if full else name


def longest_core(text: str) -> str:
    """The longest sector core ``text`` holds ("市住建局" → "住建"), or "".

    >>> longest_core("城市规划部门"), longest_core("有关部门")
    ('城市规划', '')
    """
    return max((core for _end, core in cores_automaton().iter(text)), key=len, default="")


@cache
def cores_automaton():
    import ahocorasick

    auto = ahocorasick.Automaton()
    for core in agency_lexicon().core_sector:
        auto.add_word(core, core)
    auto.make_automaton()
    return auto


def canonical_core(name: str) -> str:
    """The full form of the sector core a body's name holds ("市住建局" → "住房和城乡建设"), or "".

    >>> [canonical_core(n) for n in ("省住建厅", "省住房城乡建设厅", "区市容管理局", "区城市管理局")]
    ['住房和城乡建设', '住房和城乡建设', '市容管理', '城市管理']
    """
    core = longest_core(name)
    return abbreviations().get(core, core)


@cache
def place_rules() -> dict:
    return load_yaml(rules_file("places.yaml"), {"version", "not_places", "ambiguous_short", "joining_words"})


@cache
def central_template() -> dict[str, tuple[str, ...]]:
    """The central 2015 guidance's matters by giving sector, and its milestones (central_matters.yaml)."""
    data = load_yaml(rules_file("central_matters.yaml"), _CENTRAL_KEYS, required={"domains"})
    return {k: tuple(v) for k, v in data["domains"].items()}


_CENTRAL_KEYS = {"version", "domains", "aliases", "milestones"}


@cache
def central_aliases() -> dict[str, tuple[str, ...]]:
    """Everyday names of the central guidance's matters (占道经营 → 户外公共场所无照经营).

    Raises:
        RuleError: an alias names a matter the guidance's list does not hold.
    """
    data = load_yaml(rules_file("central_matters.yaml"), _CENTRAL_KEYS, required={"domains"})
    matters = {m for ms in data["domains"].values() for m in ms}
    aliases = data.get("aliases") or {}
    unknown = sorted(set(aliases) - matters)
    if unknown:
        raise RuleError(f"central_matters.yaml: aliases of {unknown[0]!r}, which is not a matter of the list")
    return {k: tuple(v) for k, v in aliases.items()}


@cache
def central_milestones() -> tuple[dict, ...]:
    """Dated goals of the central guidance: [{id, date, keywords}] (central_matters.yaml)."""
    data = load_yaml(rules_file("central_matters.yaml"), _CENTRAL_KEYS, required={"domains"})
    return tuple(data.get("milestones") or ())


def _char_overlap(a: str, b: str) -> float:
    from collections import Counter

    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b)) if a and b else 0.0


@cache
def central_match(matter: str) -> str | None:
    """The central-template matter an extracted matter stands for, if any.

    >>> central_match("向城区河道倾倒废弃物和垃圾")
    '向城市河道倾倒废弃物和垃圾'
    >>> central_match("河道采砂") is None
    True
    """
    best, score = None, 0.0
    for matters in central_template().values():
        for m in matters:
            s = 1.0 if (m in matter or matter in m) and min(len(m), len(matter)) >= 4 else _char_overlap(m, matter)
            if s > score:
                best, score = m, s
    return best if score >= 0.75 else None


@cache
def fact_rules(path: str | None = None) -> dict[str, dict]:
    """The rules that give facts other than transfers (``kg/rules/facts.yaml``), by id.

    Raises:
        RuleError: a rule lacks an id, kind or example, or has a key the file does not define.
    """
    p = Path(path) if path else rules_file("facts.yaml")
    data = load_yaml(p, {"version", "rules"}, required={"rules"})
    out: dict[str, dict] = {}
    for rule in data["rules"]:
        rid = rule.get("id", "?")
        unknown = set(rule) - {"id", "kind", "reads", "examples"}
        if unknown:
            raise RuleError(f"{p.name}: rule {rid!r}: unknown key {sorted(unknown)[0]!r}")
        examples = rule.get("examples") or []
        if "id" not in rule or "kind" not in rule or not examples:
            raise RuleError(f"{p.name}: rule {rid!r}: every rule needs an id, a kind and at least one example")
        if not all(isinstance(e, dict) and e.get("text") and isinstance(e.get("expect"), dict) for e in examples):
            raise RuleError(f"{p.name}: rule {rid!r}: each example needs a text and an expected record")
        out[rid] = rule
    return out
