"""Graph stage: ``Extraction``s → an RDF dataset (one named graph per article, a shared graph
for places and schemes), and its SHACL validation."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

from kg import facts
from kg.errors import OntologyError
from kg.facts import as_dict
from kg.lexicon import CentralMatters
from kg.ns import (
    ELI,
    PREFIXES,
    QZ,
    SCHEMA,
    SHARED_GRAPH,
    act_iri,
    bind_prefixes,
    body_iri,
    concept_iri,
    doc_iri,
    fact_iri,
    graph_iri,
    place_iri,
)
from kg.pipeline import Extraction
from kg.places import Place, gazetteer
from kg.resources import ontology_dir
from kg.ruleset import Rules, derived
from kg.types import Fact

__all__ = [
    "Acts",
    "Citations",
    "GraphUnit",
    "ValidationReport",
    "article_unit",
    "checked_cached_unit",
    "checked_unit",
    "citations",
    "document_record",
    "load_ontology",
    "report_text",
    "to_rdf",
    "validate",
    "validate_quads",
    "validate_unit",
]

_LEVEL_RANK = {"central": 0, "province": 1, "city": 2, "district": 3, "county": 3, "street": 4, "community": 5}
_LEVEL_ZH = {
    "central": "中央",
    "province": "省级",
    "city": "市级",
    "district": "区级",
    "county": "县级",
    "street": "街道乡镇",
    "community": "社区",
    "national": "全国",
}
# The 2018 reform's successors of sectors (机构改革): asked about a body, a user can follow these.
_SUCCESSOR = {
    "环境保护": "生态环境",
    "工商行政管理": "市场监管",
    "食品药品监管": "市场监管",
    "国土资源": "自然资源",
    "规划": "自然资源",
    "卫生计生": "卫生健康",
    "安全生产监管": "应急管理",
    "法制": "司法行政",
}


@dataclass(frozen=True)
class _Scope:
    key: str  # adcode, "CN", or a per-document key for masked/unknown places
    level: str | None
    place: Place | None


def _doc_scope(record: dict, sha1: str) -> _Scope:
    # a masked name ("XX市") is the place inferred for it, if any; else the document keeps its own scope
    name = record.get("inferred_name") or record.get("jurisdiction")
    if name:
        found = _lookup_standard(name) or gazetteer().lookup(name)
        if found:
            return _Scope(found[0].adcode, found[0].level, found[0])
    return _Scope(f"doc-{sha1[:8]}", record.get("level"), None)


@cache
def _standard_index() -> dict[str, Place]:
    return {p.standard_name: p for p in sorted(gazetteer().places, key=lambda p: p.last_year)}


def _lookup_standard(name: str) -> list[Place]:
    p = _standard_index().get(name)
    return [p] if p else []


_COUNCIL_ORGANS = ("领导小组", "联席会议", "管委会", "指挥部", "工作小组", "顾问团")


def _join_overlap(core: str, organ: str) -> str:
    """Core and organ with the words they share written once: an abbreviation spelled out may
    end with the organ already (城管委 → 城市管理委员会).

    >>> _join_overlap("城市管理委员会", "委员会办公室"), _join_overlap("城市管理", "委员会")
    ('城市管理委员会办公室', '城市管理委员会')
    """
    for k in range(min(len(core), len(organ)), 0, -1):
        if core.endswith(organ[:k]):
            return core + organ[k:]
    return core + organ


def _body(fact_fields: dict, scope: _Scope, rules: Rules) -> tuple[URIRef, bool, _Scope, str]:
    """IRI of a body: its own place if it names one, else the document's jurisdiction when the
    level matches, else a kind of body at that level within the jurisdiction; with its scope and
    its lineage (the sector its IRI is filed under)."""
    from kg.recognize import find_places, organ_of, town_of

    name = fact_fields["name"]
    sector = fact_fields.get("sector") or "其他"
    # a body named after the 2018 reform (生态环境厅, 自然资源局) is another body than the one it
    # succeeded (环保厅, 国土资源局), though the gold schema files both under the older sector
    sector = next((new for new in _SUCCESSOR.values() if new in name), sector)
    level = fact_fields.get("level")
    # the body's kind of organ with its sector core spelled out: "住房和城乡建设厅" for 省住建厅 and
    # 省住房城乡建设厅 alike, while 区市容管理局 and 区城市管理局 stay two bodies
    organ_key = _join_overlap(rules.canonical_core(name), organ_of(name))
    if organ_key.endswith(_COUNCIL_ORGANS):
        # councils and committees are told apart by their own names: two development zones'
        # 管委会 of one city are two bodies
        organ_key = re.sub(r"^[\u4e00-\u9fff]{0,4}?(省|市|县|区)", "", name) or name
    town = town_of(name) if not fact_fields.get("generic") else None
    if town:  # "城川镇(人民政府)": each town's body its own, by the town's name (not the 民政 it spells)
        organ_key = town + ("办事处" if town.endswith("街道") else "人民政府")
    # (not a place that opens a town's own name: 上海庙镇 is no body of Shanghai)
    named = [
        p
        for p in find_places(name, rules)
        if p.place is not None and name.startswith(p.text) and not (town and p.end < len(town))
    ]
    if level == "central":
        return (
            body_iri("CN", f"{sector}/central/{organ_key}", generic=False),
            False,
            _Scope("CN", "central", None),
            sector,
        )
    if named:
        place = named[0].place
        return (
            body_iri(place.adcode, f"{sector}/{place.level}/{organ_key}", generic=False),
            False,
            _Scope(place.adcode, place.level, place),
            sector,
        )
    generic = bool(fact_fields.get("generic"))
    if level and scope.level and _LEVEL_RANK.get(level, 9) > _LEVEL_RANK.get(scope.level, 9) and not town:
        generic = True  # "县(区)城管执法局" in a city's text: every such bureau of its counties
    if level is None and not town:
        generic = True
    return body_iri(scope.key, f"{sector}/{level or 'any'}/{organ_key}", generic=generic), generic, scope, sector


def _lit(text) -> ox.Literal:
    """Chinese text as a literal. Terms are made as pyoxigraph terms (made and written in Rust);
    IRIs stay rdflib URIRefs (plain strings) until written."""
    return ox.Literal(str(text), language="zh")


def _plain(value) -> ox.Literal:
    """A literal of a Python value: xsd:boolean, xsd:integer or xsd:string."""
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_ox_iri(XSD.boolean))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_ox_iri(XSD.integer))
    return ox.Literal(str(value))


def _typed(value: str, datatype: URIRef) -> ox.Literal:
    return ox.Literal(value, datatype=_ox_iri(datatype))


def _concept(g: Graph, scheme: URIRef, kind: str, label: str) -> URIRef:
    iri = concept_iri(kind, label)
    g.add((iri, RDF.type, SKOS.Concept))
    g.add((iri, SKOS.inScheme, scheme))
    g.add((iri, SKOS.prefLabel, _lit(label)))
    return iri


def _place(g: Graph, place: Place) -> URIRef:
    iri = place_iri(place.adcode)
    if (iri, RDF.type, SCHEMA.AdministrativeArea) in g:
        return iri
    parents = (_lookup_standard(place.parent) or gazetteer().lookup(place.parent)) if place.parent else []
    _area(g, iri, place.standard_name, place.level, _place(g, parents[0]) if parents else None)
    g.add((iri, QZ.adcode, _plain(place.adcode)))
    return iri


def _town(g: Graph, name: str, county: Place) -> URIRef:
    """A town or street (乡镇/街道, below the gazetteer's counties) within its county's place."""
    return _area(g, URIRef(f"{place_iri(county.adcode)}/{name}"), name, "street", _place(g, county))


def _area(g: Graph, iri: URIRef, name: str, level: str, within: URIRef | None) -> URIRef:
    """A place by its name and level, within the place ``within`` when it is known."""
    g.add((iri, RDF.type, SCHEMA.AdministrativeArea))
    g.add((iri, SCHEMA.name, _lit(name)))
    g.add((iri, RDFS.label, _lit(name)))
    g.add((iri, QZ.level, concept_iri("level", level)))
    if within is not None:
        g.add((iri, SCHEMA.containedInPlace, within))
    return iri


def _evidence(g: Graph, subject: URIRef, fact: Fact, ex: Extraction) -> None:
    ev = URIRef(str(subject) + "/evidence")
    g.add((subject, PROV.wasDerivedFrom, ev))
    g.add((ev, RDF.type, QZ.Evidence))
    sentence = next((s for s in ex.sentences if s.id == fact.sentence_id), None)
    g.add((ev, QZ.sentence, _plain(sentence.text if sentence else fact.evidence)))
    g.add((ev, QZ.quote, _plain(fact.evidence)))
    start = max(fact.start, 0)
    end = max(fact.end, start)
    g.add((ev, QZ.startOffset, _plain(start)))
    g.add((ev, QZ.endOffset, _plain(end)))
    if fact.start >= 0 and ex.document.offsets:
        s0, s1 = ex.document.source_span(start, min(end, len(ex.document.offsets)))
        g.add((ev, QZ.sourceStart, _plain(s0)))
        g.add((ev, QZ.sourceEnd, _plain(s1)))
    g.add((ev, QZ.rule, _plain(fact.rule_id)))
    g.add((ev, PROV.wasQuotedFrom, doc_iri(ex.document.sha1)))


def _schemes(g: Graph, rules: Rules) -> None:
    for scheme in (QZ.SectorScheme, QZ.PowerKindScheme, QZ.MatterScheme, QZ.LevelScheme):
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
    sectors = set(rules.agencies.core_sector.values()) | {"群团", "人民政府", "党委", "街道乡镇", "社区", "其他"}
    for sector in sorted(sectors):
        _concept(g, QZ.SectorScheme, "sector", sector)
    for old, new in _SUCCESSOR.items():
        newer = _concept(g, QZ.SectorScheme, "sector", new)
        g.add((concept_iri("sector", old), QZ.succeededBy, newer))
    aliases = rules.central.aliases
    for sector, matters in rules.central.domains.items():
        for m in matters:  # the central 2015 guidance's matters: the template documents follow
            iri = _concept(g, QZ.MatterScheme, "matter", m)
            g.add((iri, DCTERMS.source, _lit("中发〔2015〕37号")))
            g.add((iri, QZ.sector, concept_iri("sector", sector)))
            for alias in aliases.get(m, ()):  # the everyday name: 占道经营 finds 户外公共场所无照经营
                g.add((iri, SKOS.altLabel, _lit(alias)))
    for level, zh in _LEVEL_ZH.items():
        iri = _concept(g, QZ.LevelScheme, "level", level)
        g.add((iri, SKOS.altLabel, _lit(zh)))


class _Triples:
    """Triples in the order they were added, each once (a plain ordered set: an rdflib Graph's
    three indexes cost more than the whole mapping and are never searched here)."""

    def __init__(self) -> None:
        self._seen: dict[tuple, None] = {}

    def add(self, triple: tuple) -> None:
        self._seen.setdefault(triple, None)

    def __contains__(self, triple: tuple) -> bool:
        return triple in self._seen

    def __iter__(self):
        return iter(self._seen)

    def __len__(self) -> int:
        return len(self._seen)


@dataclass(frozen=True)
class BodyNote:
    """What linking bodies across articles needs to know of a body an article names (IRIs as text)."""

    iri: str
    generic: bool
    lineage: str  # its sector, or the sector that succeeded it in 2018 when its name says so
    level: str | None
    place: str | None


@dataclass(frozen=True)
class GraphUnit:
    """One article's part of the graph, made from its facts alone, serialised: the N-Quads of its
    named graph, the N-Quads lines it adds to the shared graph, the names it gives bodies (first
    one first), and what linking bodies across articles needs (the bodies, the places' parents,
    the region its kinds of body cover). The acts it cites are added by ``citations``."""

    graph: str
    quads: str
    trig: str  # the same named graph as a TriG block (no prefix lines: the assembled file has them once)
    shared: tuple[str, ...]
    labels: tuple[tuple[str, str], ...]
    bodies: tuple[BodyNote, ...]
    parents: tuple[tuple[str, str], ...]
    region: str | None  # _EVERYWHERE for a national act, None where the place is unknown

    def as_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "bodies"} | {
            "bodies": [list(b.__dict__.values()) for b in self.bodies]
        }

    @classmethod
    def from_json(cls, data: dict) -> GraphUnit:
        return cls(
            data["graph"],
            data["quads"],
            data["trig"],
            tuple(data["shared"]),
            tuple(map(tuple, data["labels"])),
            tuple(BodyNote(*b) for b in data["bodies"]),
            tuple(map(tuple, data["parents"])),
            data["region"],
        )


def _ox(term):
    """A term as a pyoxigraph term (whose writers are many times faster than rdflib's)."""
    if isinstance(term, ox.Literal):
        return term
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=_ox_iri(term.datatype or XSD.string))
    return _ox_iri(term)


@lru_cache(maxsize=8192)  # predicates and classes recur; the many one-off IRIs fall out
def _ox_iri(iri: str) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _ox_quads(triples: Iterable[tuple], graph: str):
    """``triples`` as pyoxigraph quads in the named graph ``graph``."""
    g = ox.NamedNode(graph)
    return (ox.Quad(_ox(s), _ox(p), _ox(o), g) for s, p, o in triples)


def nquads(triples: Iterable[tuple], graph: str) -> str:
    """``triples`` in the named graph ``graph`` as N-Quads, one line each."""
    data = ox.serialize(_ox_quads(triples, graph), format=ox.RdfFormat.N_QUADS)
    return data.decode("utf-8") if data else ""


def trig_prefixes() -> str:
    """The prefix lines of an assembled TriG file (Quanze's namespaces)."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()) + "\n"


def trig_block(triples: Iterable[tuple], graph: str) -> str:
    """``triples`` as the TriG block of the named graph ``graph``, written with Quanze's prefixes
    but without their declarations (``trig_prefixes`` gives them once per file)."""
    return _trig_blocks(_ox_quads(triples, graph))


def _trig_blocks(quads) -> str:
    """pyoxigraph quads as TriG graph blocks written with Quanze's prefixes, the declarations left out."""
    data = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    text = data.decode("utf-8") if data else ""
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("@prefix"))


def shared_trig(shared: str) -> str:
    """The shared graph (N-Quads, as ``SharedGraph.quads`` gives it) as a TriG block."""
    return _trig_blocks(ox.parse(shared.encode("utf-8"), format=ox.RdfFormat.N_QUADS))


@dataclass(frozen=True)
class Citations:
    """What an article's graph says of the acts it cites, as the whole corpus resolves them (one
    node per act, however it is cited): lines of its named graph (N-Quads and a TriG block) and
    of the shared graph."""

    quads: str
    trig: str
    shared: tuple[str, ...]


def citations(sha1: str, record: dict, acts: Acts) -> Citations:
    """The ``Citations`` of the article with content hash ``sha1`` and document header ``record``."""
    g, shared = _Triples(), _Triples()
    d = doc_iri(sha1)
    for cited, iri, implements in acts.context(record):
        act = URIRef(iri)
        shared.add((act, RDF.type, QZ.CitedAct))
        if _NUMBER_ONLY.search(cited):  # one spelling of a 文号: 中发[2015]37号 is 中发〔2015〕37号
            shared.add((act, ELI.id_local, _plain(re.sub(r"\s", "", cited.translate(_BRACKETS)))))
        else:
            shared.add((act, DCTERMS.title, _lit(cited)))
        g.add((d, DCTERMS.references, act))
        if implements:
            g.add((d, ELI.implements, act))
    if not g:
        return Citations("", "", ())
    graph = str(graph_iri(sha1))
    return Citations(
        nquads(g, graph), trig_block(g, graph), tuple(nquads(shared, str(SHARED_GRAPH)).splitlines(keepends=True))
    )


def to_rdf(extractions: Iterable[Extraction], rules: Rules) -> Dataset:
    """Build the dataset: a named graph per article (IRI from its content hash) and a shared
    graph for places, sectors, levels, power kinds and matters.

    Examples:
        >>> from kg.normalize import normalize
        >>> from kg.pipeline import extract_document
        >>> from kg.types import Article
        >>> t = "某省实施意见\\n将省环保厅露天烧烤污染的行政处罚权划转到省城管局。"
        >>> ds = to_rdf([extract_document(normalize(Article("a.txt", "a.txt", t, 0, len(t)), rules), rules)], rules)
        >>> len(list(ds.graphs())) >= 3
        True
    """
    extractions = list(extractions)
    acts = Acts.of(extractions)
    units = [article_unit(ex, rules) for ex in extractions]
    cited = [citations(ex.document.sha1, document_record(ex), acts) for ex in extractions]
    shared = SharedGraph(rules)
    for unit, c in zip(units, cited):
        shared.add(unit)
        shared.add_lines(c.shared)
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    ds.parse(data="".join(u.quads + c.quads for u, c in zip(units, cited)) + shared.quads(), format="nquads")
    return ds


class SharedGraph:
    """The shared graph gathered unit by unit: what each article's unit adds (its lines, the names
    and notes of its bodies, its places' parents) is merged as it comes, so the units themselves
    need not be kept; ``quads()`` writes it, with the links across articles."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.lines: dict[str, None] = {}
        self.labels: dict[str, list[str]] = {}
        self.bodies: dict[str, BodyNote] = {}
        self.coverage: dict[str, list[str]] = {}
        self.parents: dict[str, str] = {}

    def add_lines(self, lines: Iterable[str]) -> None:
        """N-Quads lines of the shared graph (a ``Citations``' acts)."""
        self.lines.update(dict.fromkeys(lines))

    def add(self, unit: GraphUnit) -> None:
        self.lines.update(dict.fromkeys(unit.shared))
        self.parents.update(unit.parents)
        for iri, name in unit.labels:
            names = self.labels.setdefault(iri, [])
            if name not in names:
                names.append(name)
        for note in unit.bodies:
            self.bodies.setdefault(note.iri, note)
            if note.generic and unit.region is not None:
                regions = self.coverage.setdefault(note.iri, [])
                if unit.region not in regions:
                    regions.append(unit.region)

    def quads(self) -> str:
        lines = dict(self.lines)
        lines.update(dict.fromkeys(_scheme_quads(self.rules).splitlines(keepends=True)))
        extra = _Triples()
        for iri, names in self.labels.items():
            extra.add((URIRef(iri), SKOS.prefLabel, _lit(names[0])))
            for name in names[1:]:
                extra.add((URIRef(iri), SKOS.altLabel, _lit(name)))
        _link_bodies(extra, list(self.bodies.values()), self.coverage, self.parents)
        lines.update(dict.fromkeys(nquads(extra, str(SHARED_GRAPH)).splitlines(keepends=True)))
        return "".join(lines)


def _link_bodies(
    shared: _Triples, bodies: list[BodyNote], coverage: dict[str, list[str]], parents: dict[str, str]
) -> None:
    """Links across articles, in the shared graph: a specific agency is an instance of the kinds
    of body of its sector and level within its jurisdiction (qz:instanceOfKind), and a body whose
    sector the 2018 reform replaced is succeeded by the body of the successor sector at the same
    place and level (qz:succeededBy) — so a question about a body's powers spans its names."""
    by_key: dict[tuple, list[BodyNote]] = {}
    for note in bodies:
        by_key.setdefault((note.generic, note.lineage), []).append(note)
    for note in bodies:
        if note.generic or note.place is None:
            continue
        for kind in by_key.get((True, note.lineage), ()):
            if kind.level not in (None, note.level):
                continue
            # a kind covers bodies within its own place, else within the places of the documents
            # that name it (a national document's kinds cover every place)
            regions = [kind.place] if kind.place is not None else coverage.get(kind.iri, [])
            if any(r == _EVERYWHERE or _within(parents, note.place, r) for r in regions):
                shared.add((URIRef(note.iri), QZ.instanceOfKind, URIRef(kind.iri)))
    for note in bodies:
        newer = _SUCCESSOR.get(note.lineage)
        if newer is None or note.place is None:
            continue
        for other in by_key.get((note.generic, newer), ()):
            if other.place == note.place and other.level == note.level:
                shared.add((URIRef(note.iri), QZ.succeededBy, URIRef(other.iri)))


_EVERYWHERE = "urn:quanze:everywhere"


def _within(parents: dict[str, str], place: str | None, region: str) -> bool:
    seen = set()
    while place is not None and place not in seen:
        if place == region:
            return True
        seen.add(place)
        place = parents.get(place)
    return False


def document_record(ex: Extraction) -> dict:
    """The fields of an article's ``document`` fact (title, date, jurisdiction, citations …)."""
    return next((as_dict(f.data) for f in ex.facts if f.kind == "document"), {})


class Acts:
    """One node per cited act across all documents, however it is cited: a title and the 文号
    written with it anywhere ("《…指导意见》(中发〔2015〕37号)") are one act, so a document that
    cites only the number and one that cites only the title point at the same node."""

    @classmethod
    def of(cls, extractions: Iterable[Extraction]) -> Acts:
        return cls([document_record(ex) for ex in extractions])

    def __init__(self, records: list[dict]) -> None:
        self.parent: dict[str, str] = {}
        self.titles: dict[str, set[str]] = {}
        for record in records:
            for cited in record.get("cites") or ():
                self._find(self._key(cited))
            for title, number in record.get("cite_numbers") or ():
                a, b = self._find(self._key(title)), self._find(self._key(number))
                if a != b:
                    self.parent[max(a, b)] = min(a, b)
        for record in records:
            for cited in record.get("cites") or ():
                if not _NUMBER_ONLY.search(cited):
                    self.titles.setdefault(self._find(self._key(cited)), set()).add(cited)

    @staticmethod
    def _key(cited: str) -> str:
        return re.sub(r"[\s《》〔〕\[\]【】()（）]", "", cited)

    def _find(self, k: str) -> str:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def iri(self, cited: str) -> URIRef:
        return act_iri(self._find(self._key(cited)))

    def implemented_by(self, cited: str, document_title: str) -> bool:
        """A document titled "…关于S的实施意见/实施方案" implements the act "…关于S的指导意见" it cites."""
        if "实施" not in document_title:
            return False
        mine = _subject(document_title)
        theirs = self.titles.get(self._find(self._key(cited)), set())
        return bool(mine) and any(_same_subject(mine, _subject(t)) for t in theirs)

    def context(self, record: dict) -> tuple:
        """What an article's graph takes from the other articles: the node of each act it cites
        and whether it implements it (part of its unit's cache key)."""
        title = record.get("title") or ""
        return tuple((c, str(self.iri(c)), self.implemented_by(c, title)) for c in record.get("cites") or ())


_BRACKETS = str.maketrans("[]【】［］", "〔〕〔〕〔〕")
_NUMBER_ONLY = re.compile(r"(?:〔|\[|【)\s*\d{4}\s*(?:〕|\]|】)\s*\d+\s*号$")
_KIND_TAIL = re.compile(r"的?(?:实施意见|实施方案|实施细则|实施办法|指导意见|意见|方案|通知|决定|办法)$")


def _subject(title: str) -> str:
    """What an act is about: the words between 关于 and its kind ("…关于S的指导意见" → S).

    >>> _subject("中共某省委 某省人民政府关于深入推进城市执法体制改革的实施意见")
    '深入推进城市执法体制改革'
    """
    about = title.rfind("关于")
    return _KIND_TAIL.sub("", title[about + 2 :] if about >= 0 else title).strip()


def _same_subject(a: str, b: str) -> bool:
    """Two subjects that share nearly all the characters of the shorter one
    ("推进城市执法体制改革改进城市管理工作" in "XX市推进城市执法体制改革改进城市管理工作")."""
    from collections import Counter

    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return sum((Counter(short) & Counter(long_)).values()) >= 0.8 * len(short) and len(short) >= 6


def article_unit(ex: Extraction, rules: Rules) -> GraphUnit:
    """One article's part of the graph, from its facts alone: what it says of the acts it cites,
    which depends on the other articles, is ``citations``."""
    document = ex.document
    g, shared = _Triples(), _Triples()
    d = doc_iri(document.sha1)
    record = document_record(ex) or {"title": document.title}
    scope = _doc_scope(record, document.sha1)
    g.add((d, RDF.type, QZ.Document))
    # an untitled text (a letter, a fragment) is named by its opening words: the same text in two
    # files is one document, so the name must come from the text, not the file
    untitled = "(无标题) " + document.text.split("\n", 1)[0][:30]
    g.add((d, DCTERMS.title, _lit(record.get("title") or document.title or untitled)))
    g.add((d, QZ.articleId, _plain(document.id)))
    g.add((d, QZ.sourceFile, _plain(document.source)))
    g.add((d, QZ.text, _plain(document.text)))
    if record.get("doc_number"):
        g.add((d, ELI.id_local, _plain(record["doc_number"])))
    if record.get("date"):
        date = record["date"]
        dtype = XSD.date if len(date) == 10 else (XSD.gYearMonth if len(date) == 7 else XSD.gYear)
        g.add((d, DCTERMS.issued, _typed(date, dtype)))
    if record.get("level"):
        g.add((d, QZ.level, concept_iri("level", record["level"])))
    if scope.place is not None:
        g.add((d, QZ.governs, _place(shared, scope.place)))
    if record.get("jurisdiction") and (scope.place is None or record.get("inferred_name")):
        g.add((d, QZ.maskedJurisdiction, _plain(record["jurisdiction"])))  # as written: "XX市"
    g.add((d, QZ.jurisdictionInferred, _plain(bool(record.get("jurisdiction_inferred")))))
    national = record.get("level") == "national"
    region = _EVERYWHERE if national else (str(place_iri(scope.place.adcode)) if scope.place is not None else None)

    bodies: dict[str, URIRef] = {}
    notes: dict[URIRef, BodyNote] = {}
    labels: list[tuple[str, str]] = []
    agencies = {}
    for f in ex.facts:
        if f.kind == "agency":
            agencies.setdefault(f.get("name"), as_dict(f.data))

    def body(name: str | None, sector: str | None, level: str | None = None, generic: bool = False) -> URIRef | None:
        if not name:
            return None
        if name in bodies:
            return bodies[name]
        fields = {"name": name, "sector": sector, "level": level, "generic": generic}
        fields.update(agencies.get(name, {}))
        iri, is_generic, body_scope, lineage = _body(fields, scope, rules)
        # a body is described once, in the shared graph: an article's graph holds what the article
        # says (its mentions and facts), so a body named by many articles is not counted many times
        shared.add((iri, RDF.type, QZ.GenericBody if is_generic else QZ.Agency))
        if not is_generic:
            shared.add((iri, RDF.type, ORG.Organization))
        labels.append((str(iri), name))
        if fields.get("canonical") and fields["canonical"] != name:
            labels.append((str(iri), fields["canonical"]))  # abbreviation spelled out
        if fields.get("sector"):
            shared.add((iri, QZ.sector, concept_iri("sector", fields["sector"])))
        level_iri = concept_iri("level", fields["level"]) if fields.get("level") else None
        if level_iri is not None:
            shared.add((iri, QZ.level, level_iri))
        place = None
        if body_scope.place is not None:
            place = _place(shared, body_scope.place)
            shared.add((iri, QZ.withinJurisdiction, place))
        note = BodyNote(str(iri), is_generic, lineage, level_iri and str(level_iri), place and str(place))
        notes.setdefault(iri, note)
        bodies[name] = iri
        return iri

    unit = _Unit(g, shared, body, rules.central)
    for fact in ex.facts:
        mapper = _MAPPERS.get(type(fact.data))
        if mapper is None:  # the document record is the document node itself
            continue
        node = fact_iri(document.sha1, fact.kind, fact.kind, fact.evidence, str(fact.start), repr(fact.data))
        if mapper(unit, node, fact.data) is False:
            continue
        g.add((node, QZ.statedIn, d))
        _evidence(g, node, fact, ex)
    graph = str(graph_iri(document.sha1))
    parents = tuple((str(s), str(o)) for s, p, o in shared if p == SCHEMA.containedInPlace)
    return GraphUnit(
        graph,
        nquads(g, graph),
        trig_block(g, graph),
        tuple(nquads(shared, str(SHARED_GRAPH)).splitlines(keepends=True)),
        tuple(labels),
        tuple(notes.values()),
        parents,
        region,
    )


# ---------------------------------------------------------------- one mapper per kind of fact


@dataclass(frozen=True)
class _Unit:
    """What a fact's mapper writes to: the article's graph, the shared graph, and the IRI of a
    body by name (described once, in the shared graph)."""

    g: _Triples
    shared: _Triples
    body: Callable[..., URIRef | None]
    central: CentralMatters  # the central guidance's matters, which a matter is linked to


def _map_agency(u: _Unit, node, f: facts.Agency):
    """A body named (QZ.Mention of a qz:Body; shape qz:BodyShape for the body)."""
    iri = u.body(f.name, f.sector, f.level, bool(f.generic))
    u.g.add((node, RDF.type, QZ.Mention))
    u.g.add((node, QZ.mentions, iri))
    u.g.add((node, QZ.asWritten, _lit(f.name)))


def _map_jurisdiction(u: _Unit, node, f: facts.Jurisdiction):
    """A place named (QZ.Mention of a schema:AdministrativeArea); a town (no code of its own) within
    its county or district; none when neither is known."""
    places = gazetteer().by_code.get(f.adcode or "", [])
    counties = _lookup_standard(f.parent) if not places and f.adcode is None and f.parent else []
    if places:
        area = _place(u.shared, next((p for p in places if p.standard_name == f.standard_name), places[0]))
    elif counties:
        area = _town(u.shared, f.name, counties[0])
    else:
        return False
    u.g.add((node, RDF.type, QZ.Mention))
    u.g.add((node, QZ.mentions, area))
    u.g.add((node, QZ.asWritten, _lit(f.name)))


def _towns_written(target: str | None) -> list[str]:
    """The town bodies a receiver written as a list of towns names, the last one's head shared
    ("甲镇、乙乡人民政府" → 甲镇人民政府, 乙乡人民政府); [] for any other receiver.

    >>> _towns_written("城川镇、昂素镇人民政府"), _towns_written("市城管局、区城管局")
    (['城川镇人民政府', '昂素镇人民政府'], [])
    """
    from kg.recognize import town_of

    parts = re.split(r"、|和|及", target or "")
    last_town = town_of(parts[-1]) if len(parts) > 1 else None
    if last_town is None:
        return []
    head = parts[-1][len(last_town) :]
    names = [p if p.endswith(head) else p + head for p in parts]
    return names if all(town_of(n) for n in names) else []


def _map_transfer(u: _Unit, node, f: facts.Transfer):
    """A power that moves (QZ.PowerTransfer; shape qz:TransferShape): giver, receiver, sectors,
    kind of power, matter (linked to the central list's wording), field, deadline."""
    g = u.g
    g.add((node, RDF.type, QZ.PowerTransfer))
    giver = u.body(f.source, f.source_sector)
    # "甲镇、乙镇、丙镇人民政府" written as one receiver: each town's body receives
    receivers = [u.body(t, f.target_sector, "street") for t in _towns_written(f.target)] or [
        u.body(f.target, f.target_sector)
    ]
    if giver is not None:
        g.add((node, QZ.giver, giver))
        g.add((node, ORG.originalOrganization, giver))
    for receiver in receivers:
        if receiver is not None:
            g.add((node, QZ.receiver, receiver))
            g.add((node, ORG.resultingOrganization, receiver))
    if f.source_sector:
        g.add((node, QZ.givingSector, concept_iri("sector", f.source_sector)))
    if f.target_sector:
        g.add((node, QZ.receivingSector, concept_iri("sector", f.target_sector)))
    g.add((node, QZ.powerKind, _concept(u.shared, QZ.PowerKindScheme, "power", f.power or "职责")))
    if f.matter:
        matter = _concept(u.shared, QZ.MatterScheme, "matter", f.matter)
        g.add((node, QZ.matter, matter))
        central = u.central.match(f.matter)
        if central is not None and central != f.matter:
            u.shared.add((matter, SKOS.closeMatch, concept_iri("matter", central)))
    if f.domain:
        g.add((node, QZ.domain, _lit(f.domain)))
    if f.deadline:
        g.add((node, QZ.dueDate, _typed(f.deadline, XSD.date)))
    giver_name = f.source or f.source_sector or "?"
    label = f"{giver_name} → {f.target or '?'}: {f.matter or ''}{f.power}"
    g.add((node, RDFS.label, _lit(label)))


def _map_deadline(u: _Unit, node, f: facts.Deadline):
    """A dated task: QZ.Deadline with its due date, or QZ.Start ("从2017年起…") with the day it starts
    (shapes qz:DeadlineShape, qz:StartShape)."""
    start = f.date_type == "start"
    u.g.add((node, RDF.type, QZ.Start if start else QZ.Deadline))
    u.g.add((node, QZ.startsOn if start else QZ.dueDate, _typed(f.date, XSD.date)))
    u.g.add((node, QZ.task, _lit(f.task or "")))


def _map_masked_deadline(u: _Unit, node, f: facts.MaskedDeadline):
    """A deadline whose year the source masks ("到20xx年底…"): the date as written, no date
    (shape qz:MaskedDeadlineShape)."""
    u.g.add((node, RDF.type, QZ.MaskedDeadline))
    u.g.add((node, QZ.dateText, _plain(f.written)))
    u.g.add((node, QZ.task, _lit(f.task or "")))


def _map_pilot(u: _Unit, node, f: facts.Pilot):
    """A place named a pilot (QZ.Pilot); none when the gazetteer does not know it."""
    found = _lookup_standard(f.jurisdiction) or gazetteer().lookup(f.jurisdiction)
    if not found:
        return False
    u.g.add((node, RDF.type, QZ.Pilot))
    u.g.add((node, QZ.pilotPlace, _place(u.shared, found[0])))


def _map_body_established(u: _Unit, node, f: facts.BodyEstablished):
    """A body set up (QZ.Establishment), with its chair and the body its office is placed in."""
    u.g.add((node, RDF.type, QZ.Establishment))
    u.g.add((node, ORG.resultingOrganization, u.body(f.name, None)))
    if f.chair:
        u.g.add((node, QZ.chair, _lit(f.chair)))
    if f.office_at:
        u.g.add((node, QZ.officeAt, u.body(f.office_at, None)))


def _map_target(u: _Unit, node, f: facts.Target):
    """A quantitative target of a dated task (QZ.Target)."""
    u.g.add((node, RDF.type, QZ.Target))
    u.g.add((node, QZ.value, _plain(f.value)))
    u.g.add((node, QZ.task, _lit(f.object or "")))
    if f.date:
        u.g.add((node, QZ.dueDate, _typed(f.date, XSD.date)))


def _map_lead(u: _Unit, node, f: facts.Lead):
    """A task's lead and cooperating units (QZ.Assignment)."""
    u.g.add((node, RDF.type, QZ.Assignment))
    u.g.add((node, QZ.task, _lit(f.task or "")))
    for name in f.lead or ():
        u.g.add((node, QZ.leadUnit, u.body(name, None)))
    for name in f.cooperate or ():
        u.g.add((node, QZ.cooperatingUnit, u.body(name, None)))


# type of fact → its mapper; a type with none (the document header) is not a statement node
_MAPPERS: dict[type, Callable[[_Unit, URIRef, Any], bool | None]] = {
    facts.Agency: _map_agency,
    facts.Jurisdiction: _map_jurisdiction,
    facts.Transfer: _map_transfer,
    facts.Deadline: _map_deadline,
    facts.MaskedDeadline: _map_masked_deadline,
    facts.Pilot: _map_pilot,
    facts.BodyEstablished: _map_body_established,
    facts.Target: _map_target,
    facts.Lead: _map_lead,
}


# ---------------------------------------------------------------- ontology and validation


@cache
def _ontology_graphs() -> tuple[Graph, Graph]:
    folder = ontology_dir()
    onto, shapes = Graph(), Graph()
    for g, name in ((onto, "quanze.ttl"), (shapes, "shapes.ttl")):
        path = folder / name
        try:
            g.parse(path, format="turtle")
        except (OSError, SyntaxError, ValueError) as e:
            raise OntologyError(f"{path}: cannot load: {e}") from e
    return onto, shapes


def load_ontology() -> Graph:
    """The OWL ontology (ontology/quanze.ttl) as an rdflib graph."""
    return _ontology_graphs()[0]


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: int
    text: str


@cache
def _validation_inputs() -> tuple[str, str]:
    """The ontology as N-Quads (it joins every data graph) and the shapes as Turtle."""
    onto, shapes = _ontology_graphs()
    return onto.serialize(format="nt"), shapes.serialize(format="turtle")


def validate_quads(data: str) -> ValidationReport:
    """Validate N-Quads (the union of their graphs) against ontology/shapes.ttl.

    The engine is shacl-rust: on the seeds' graph it gives pyshacl's results 8× faster. The
    ontology's triples join the data instead of RDFS inference being run over it: SHACL reads class
    membership through rdfs:subClassOf in the data graph (an Agency is a Body).
    """
    import shacl_rust

    onto, shapes = _validation_inputs()
    try:
        result = shacl_rust.validate(data + onto, shapes, data_format="nq", shapes_format="turtle")
    except (ValueError, RuntimeError) as e:
        raise OntologyError(f"SHACL validation could not run: {(str(e).splitlines() or [''])[0][:200]}") from None
    found = [r for r in result.get("results", []) if str(r.get("severity", "")).endswith("Violation>")]
    lines = [
        f"{r.get('focusNode')} {r.get('resultPath', '')}: {'; '.join(r.get('messages') or [])}"
        + (f" (value {r['value']})" if r.get("value") else "")
        for r in found
    ]
    return ValidationReport(not found, len(found), "\n".join(lines))


def validate_unit(unit: GraphUnit, rules: Rules) -> ValidationReport:
    """Validate one article's part of the graph: its named graph with what it adds to the shared
    graph (the bodies it names carry their first name as prefLabel, as in the assembled graph)."""
    named = {}
    for iri, name in unit.labels:
        named.setdefault(iri, name)
    labels = nquads([(URIRef(i), SKOS.prefLabel, _lit(n)) for i, n in named.items()], str(SHARED_GRAPH))
    return validate_quads(unit.quads + "".join(unit.shared) + labels + _scheme_quads(rules))


@derived
def _scheme_quads(rules: Rules) -> str:
    schemes = _Triples()
    _schemes(schemes, rules)
    return nquads(schemes, str(SHARED_GRAPH))


def checked_unit(ex: Extraction, rules: Rules) -> tuple[GraphUnit, ValidationReport]:
    """An article's part of the graph and its validation: the build's unit of work after extraction."""
    unit = article_unit(ex, rules)
    return unit, validate_unit(unit, rules)


def checked_cached_unit(cached, rules: Rules) -> tuple[GraphUnit, ValidationReport]:
    """``checked_unit`` of an extraction sent as its cached JSON (a ``kg.cache.CachedExtraction``)."""
    from kg.cache import extraction_of

    return checked_unit(extraction_of(cached.text), rules)


def report_text(reports: Iterable[ValidationReport]) -> ValidationReport:
    """Reports of the parts of one graph as the report of the whole."""
    reports = list(reports)
    violations = sum(r.violations for r in reports)
    body = "\n".join(r.text for r in reports if r.text)
    head = f"Validation Report\nConforms: {not violations}\nResults ({violations}):"
    return ValidationReport(not violations, violations, head + ("\n" + body if body else ""))


def validate(ds: Dataset | Graph) -> ValidationReport:
    """Validate a graph or dataset (all its graphs together) against ontology/shapes.ttl."""
    data = ds.serialize(format="nquads" if isinstance(ds, Dataset) else "nt")
    return report_text([validate_quads(data if isinstance(data, str) else data.decode("utf-8"))])
