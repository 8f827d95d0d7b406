"""Quanze's rules and lexicons as one object: ``load_rules()`` reads and checks every file of a
rules folder (``kg/rules`` unless another is given) once, and the pipeline passes the ``Rules``
it returns to each stage that reads them — as a spaCy pipeline carries its components' patterns.
No module keeps rules of its own: what a stage compiles from them (regexes, automata) is made
once per ``Rules`` and kept on it (``derived``).

A domain expert who adds a phrasing copies ``kg/rules`` to a folder, edits it, and runs
``kg extract --rules FOLDER`` (or ``kg build --rules FOLDER``); an unknown key or frame, or a
rule without an example, is a load error naming the file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, wraps
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kg.errors import RuleError
from kg.lexicon import (
    AgencyLexicon,
    CentralMatters,
    PlaceRules,
    Words,
    abbreviations_of,
    agency_lexicon_of,
    central_matters_of,
    fact_rules_of,
    parse_yaml,
    place_rules_of,
)

if TYPE_CHECKING:
    from kg.frames import FrameRules
    from kg.relate import RelationRules

__all__ = ["RULE_FILES", "Rules", "default_rules_dir", "derived", "load_rules"]

RULE_FILES = (
    "abbreviations.yaml",
    "agencies.yaml",
    "central_matters.yaml",
    "facts.yaml",
    "frames.yaml",
    "places.yaml",
    "relations.yaml",
)

T = TypeVar("T")
_NAMES_KEPT = 100_000  # bodies' names whose spelled-out form a Rules keeps (a build's corpus names far fewer)


def default_rules_dir() -> Path:
    """``kg/rules``: the rules shipped in the package."""
    from importlib.resources import files

    return Path(str(files("kg.rules")))


@dataclass(frozen=True, eq=False)
class Rules:
    """Every rule and lexicon of a rules folder, checked. ``texts`` are the files as read: a
    worker process rebuilds the same rules from them (a pickled ``Rules`` carries its texts, not
    its compiled matchers)."""

    origin: str  # the folder read
    texts: tuple[tuple[str, str], ...]  # (file name, its YAML)
    agencies: AgencyLexicon
    places: PlaceRules
    abbreviations: dict[str, str]
    relations: RelationRules
    frames: FrameRules
    facts: dict[str, dict]
    central: CentralMatters
    derived: dict = field(default_factory=dict, repr=False)  # what stages compile from the rules

    def __reduce__(self):
        return (_unpickled, (self.origin, self.texts))

    @cached_property
    def fingerprint(self) -> str:
        """Hash of the rule files' texts: a cache of what these rules extracted is theirs alone."""
        return _hash(self.texts)[:12]

    @cached_property
    def declared_ids(self) -> frozenset[str]:
        """Every rule id declared in the rule files: relations.yaml, frames.yaml and facts.yaml."""
        return frozenset(self.relations.examples) | frozenset(self.frames.rules) | frozenset(self.facts)

    @cached_property
    def cores(self):
        """One automaton of the lexicon's sector cores (住建, 城市管理…)."""
        return Words({core: core for core in self.agencies.core_sector})

    def core_hits(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, core) of each sector core in ``text``, but a core before a character that makes
        it part of another word (agencies.yaml ``core_not_before``: 市政 in 市政府).

        >>> [c for _s, _e, c in load_rules().core_hits("市政府和区市政局")]
        ['市政']
        """
        guards = self.agencies.core_not_before
        return [
            (start, end, core)
            for start, end, core in self.cores.find(text)
            if not (end < len(text) and text[end] in guards.get(core, ""))
        ]

    def longest_core(self, text: str) -> str:
        """The longest sector core ``text`` holds ("市住建局" → "住建"), or "".

        >>> rules = load_rules()
        >>> rules.longest_core("城市规划部门"), rules.longest_core("有关部门")
        ('城市规划', '')
        """
        return max((core for _start, _end, core in self.core_hits(text)), key=len, default="")

    def canonical_name(self, name: str) -> str:
        """A body's name with its abbreviated sector word spelled out.

        >>> rules = load_rules()
        >>> [rules.canonical_name(n) for n in ("市住建局", "县(区)城管执法局", "省编办", "城市规划部门")]
        ['市住房和城乡建设局', '县(区)城市管理行政执法局', '省机构编制委员会办公室', '城市规划部门']
        """
        known = self.derived.setdefault(Rules.canonical_name, {})  # names recur: each is spelled out once
        try:
            return known[name]
        except KeyError:
            pass
        found = [(start, core) for start, _end, core in self.core_hits(name)]
        spelled = name
        if found:
            # the longest core the name holds decides: "城市规划部门" holds 城市规划, not the abbreviation 规划
            at, core = max(found, key=lambda x: (len(x[1]), -x[0]))
            full = self.abbreviations.get(core)
            spelled = name[:at] + full + name[at + len(core) :] if full else name
        if len(known) >= _NAMES_KEPT:
            known.clear()
        known[name] = spelled
        return spelled

    def canonical_core(self, name: str) -> str:
        """The full form of the sector core a body's name holds ("市住建局" → "住房和城乡建设"), or "".

        >>> rules = load_rules()
        >>> [rules.canonical_core(n) for n in ("省住建厅", "省住房城乡建设厅", "区市容管理局", "区城市管理局")]
        ['住房和城乡建设', '住房和城乡建设', '市容管理', '城市管理']
        """
        core = self.longest_core(name)
        return self.abbreviations.get(core, core)


def derived(build: Callable[[Rules], T]) -> Callable[[Rules], T]:
    """``build(rules)`` made once per ``Rules`` and kept on it: a regex or automaton a stage
    compiles from the rules lives with them, not in a cache of the module."""

    @wraps(build)
    def get(rules: Rules) -> T:
        try:
            return rules.derived[get]
        except KeyError:
            value = rules.derived[get] = build(rules)
            return value

    return get


def load_rules(directory: str | Path | None = None) -> Rules:
    """Read and check every rules file of ``directory`` (``kg/rules`` unless given).

    Raises:
        RuleError: a file missing or unreadable, an unknown key or frame, a rule without an
            example — one line naming the file.
    """
    folder = Path(directory) if directory is not None else default_rules_dir()
    if not folder.is_dir():
        raise RuleError(f"{folder}: no such rules folder")
    texts = []
    for name in RULE_FILES:
        path = folder / name
        try:
            texts.append((name, path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise RuleError(f"{path}: missing rules file (a rules folder holds {', '.join(RULE_FILES)})") from None
        except (OSError, UnicodeDecodeError) as e:
            raise RuleError(f"{path}: cannot read rules: {e}") from None
    return rules_of(str(folder), tuple(texts))


def rules_of(origin: str, texts: tuple[tuple[str, str], ...]) -> Rules:
    """The rules of the files ``texts`` ((name, YAML) pairs) read from ``origin``."""
    from kg.frames import frame_rules_of
    from kg.relate import relation_rules_of

    path = {name: str(Path(origin) / name) for name, _ in texts}  # how errors name each file
    data = {name: parse_yaml(path[name], text) for name, text in texts}
    relations = relation_rules_of(data["relations.yaml"], path["relations.yaml"])
    return Rules(
        origin=origin,
        texts=texts,
        agencies=agency_lexicon_of(data["agencies.yaml"], path["agencies.yaml"]),
        places=place_rules_of(data["places.yaml"], path["places.yaml"]),
        abbreviations=abbreviations_of(data["abbreviations.yaml"], path["abbreviations.yaml"]),
        relations=relations,
        frames=frame_rules_of(data["frames.yaml"], relations, path["frames.yaml"]),
        facts=fact_rules_of(data["facts.yaml"], path["facts.yaml"]),
        central=central_matters_of(data["central_matters.yaml"], path["central_matters.yaml"]),
    )


# A worker process gets its rules with each task, pickled as their texts; the first task builds
# them and the others find them here (by the texts' hash), with what the stages compiled from them.
_IN_THIS_PROCESS: dict[str, Rules] = {}


def _hash(texts: tuple[tuple[str, str], ...]) -> str:
    h = hashlib.sha1()
    for name, text in texts:
        h.update(name.encode() + b"\0" + text.encode() + b"\0")
    return h.hexdigest()


def _unpickled(origin: str, texts: tuple[tuple[str, str], ...]) -> Rules:
    key = _hash(texts)
    if key not in _IN_THIS_PROCESS:
        if len(_IN_THIS_PROCESS) >= 4:  # rules of a few builds at most
            _IN_THIS_PROCESS.clear()
        _IN_THIS_PROCESS[key] = rules_of(origin, texts)
    return _IN_THIS_PROCESS[key]
