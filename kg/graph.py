"""Graph stage: ``Extraction``s → an RDF dataset (one named graph per article, a shared graph
for places and schemes), and its SHACL validation."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import OntologyError
from kg.lexicon import canonical_core, central_aliases, central_match, central_template
from kg.ns import (
    ELI,
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
from kg.types import Fact

__all__ = ["ValidationReport", "load_ontology", "to_rdf", "validate"]

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


def _body(fact_fields: dict, scope: _Scope) -> tuple[URIRef, bool, _Scope]:
    """IRI of a body: its own place if it names one, else the document's jurisdiction when the
    level matches, else a kind of body at that level within the jurisdiction."""
    from kg.recognize import find_places, organ_of

    name = fact_fields["name"]
    sector = fact_fields.get("sector") or "其他"
    # a body named after the 2018 reform (生态环境厅, 自然资源局) is another body than the one it
    # succeeded (环保厅, 国土资源局), though the gold schema files both under the older sector
    sector = next((new for new in _SUCCESSOR.values() if new in name), sector)
    level = fact_fields.get("level")
    # the body's kind of organ with its sector core spelled out: "住房和城乡建设厅" for 省住建厅 and
    # 省住房城乡建设厅 alike, while 区市容管理局 and 区城市管理局 stay two bodies
    organ_key = _join_overlap(canonical_core(name), organ_of(name))
    if organ_key.endswith(_COUNCIL_ORGANS):
        # councils and committees are told apart by their own names: two development zones'
        # 管委会 of one city are two bodies
        organ_key = re.sub(r"^[\u4e00-\u9fff]{0,4}?(省|市|县|区)", "", name) or name
    named = [p for p in find_places(name) if p.place is not None and name.startswith(p.text)]
    if level == "central":
        return body_iri("CN", f"{sector}/central/{organ_key}", generic=False), False, _Scope("CN", "central", None)
    if named:
        place = named[0].place
        return (
            body_iri(place.adcode, f"{sector}/{place.level}/{organ_key}", generic=False),
            False,
            _Scope(place.adcode, place.level, place),
        )
    generic = bool(fact_fields.get("generic"))
    if level and scope.level and _LEVEL_RANK.get(level, 9) > _LEVEL_RANK.get(scope.level, 9):
        generic = True  # "县(区)城管执法局" in a city's text: every such bureau of its counties
    if level is None:
        generic = True
    return body_iri(scope.key, f"{sector}/{level or 'any'}/{organ_key}", generic=generic), generic, scope


def _lit(text) -> Literal:
    return Literal(str(text), lang="zh")


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
    g.add((iri, RDF.type, SCHEMA.AdministrativeArea))
    g.add((iri, SCHEMA.name, _lit(place.standard_name)))
    g.add((iri, RDFS.label, _lit(place.standard_name)))
    g.add((iri, QZ.adcode, Literal(place.adcode)))
    g.add((iri, QZ.level, concept_iri("level", place.level)))
    if place.parent:
        parents = _lookup_standard(place.parent) or gazetteer().lookup(place.parent)
        if parents:
            g.add((iri, SCHEMA.containedInPlace, _place(g, parents[0])))
    return iri


def _evidence(g: Graph, subject: URIRef, fact: Fact, ex: Extraction) -> None:
    ev = URIRef(str(subject) + "/evidence")
    g.add((subject, PROV.wasDerivedFrom, ev))
    g.add((ev, RDF.type, QZ.Evidence))
    sentence = next((s for s in ex.sentences if s.id == fact.sentence_id), None)
    g.add((ev, QZ.sentence, Literal(sentence.text if sentence else fact.evidence)))
    g.add((ev, QZ.quote, Literal(fact.evidence)))
    start = max(fact.start, 0)
    end = max(fact.end, start)
    g.add((ev, QZ.startOffset, Literal(start, datatype=XSD.integer)))
    g.add((ev, QZ.endOffset, Literal(end, datatype=XSD.integer)))
    if fact.start >= 0 and ex.document.offsets:
        s0, s1 = ex.document.source_span(start, min(end, len(ex.document.offsets)))
        g.add((ev, QZ.sourceStart, Literal(s0, datatype=XSD.integer)))
        g.add((ev, QZ.sourceEnd, Literal(s1, datatype=XSD.integer)))
    g.add((ev, QZ.rule, Literal(fact.rule_id)))
    g.add((ev, PROV.wasQuotedFrom, doc_iri(ex.document.sha1)))


def _schemes(g: Graph) -> None:
    from kg.lexicon import agency_lexicon

    for scheme in (QZ.SectorScheme, QZ.PowerKindScheme, QZ.MatterScheme, QZ.LevelScheme):
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
    sectors = set(agency_lexicon().core_sector.values()) | {"群团", "人民政府", "党委", "街道乡镇", "社区", "其他"}
    for sector in sorted(sectors):
        _concept(g, QZ.SectorScheme, "sector", sector)
    for old, new in _SUCCESSOR.items():
        newer = _concept(g, QZ.SectorScheme, "sector", new)
        g.add((concept_iri("sector", old), QZ.succeededBy, newer))
    aliases = central_aliases()
    for sector, matters in central_template().items():
        for m in matters:  # the central 2015 guidance's matters: the template documents follow
            iri = _concept(g, QZ.MatterScheme, "matter", m)
            g.add((iri, DCTERMS.source, _lit("中发〔2015〕37号")))
            g.add((iri, QZ.sector, concept_iri("sector", sector)))
            for alias in aliases.get(m, ()):  # the everyday name: 占道经营 finds 户外公共场所无照经营
                g.add((iri, SKOS.altLabel, _lit(alias)))
    for level, zh in _LEVEL_ZH.items():
        iri = _concept(g, QZ.LevelScheme, "level", level)
        g.add((iri, SKOS.altLabel, _lit(zh)))


def to_rdf(extractions: Iterable[Extraction]) -> Dataset:
    """Build the dataset: a named graph per article (IRI from its content hash) and a shared
    graph for places, sectors, levels, power kinds and matters.

    Examples:
        >>> from kg.normalize import normalize
        >>> from kg.pipeline import extract_document
        >>> from kg.types import Article
        >>> t = "某省实施意见\\n将省环保厅露天烧烤污染的行政处罚权划转到省城管局。"
        >>> ds = to_rdf([extract_document(normalize(Article("a.txt", "a.txt", t, 0, len(t))))])
        >>> len(list(ds.graphs())) >= 3
        True
    """
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    shared = ds.graph(SHARED_GRAPH)
    _schemes(shared)
    extractions = list(extractions)
    acts = _Acts(extractions)
    for ex in extractions:
        _article(ds, shared, ex, acts)
    _link_bodies(ds, shared)
    return ds


def _link_bodies(ds: Dataset, shared: Graph) -> None:
    """Links across articles, in the shared graph: a specific agency is an instance of the kinds
    of body of its sector and level within its jurisdiction (qz:instanceOfKind), and a body whose
    sector the 2018 reform replaced is succeeded by the body of the successor sector at the same
    place and level (qz:succeededBy) — so a question about a body's powers spans its names."""
    info: dict[URIRef, tuple] = {}
    for cls in (QZ.Agency, QZ.GenericBody):
        for body in set(ds.subjects(RDF.type, cls)):
            # IRIs read …/{agency|kind}/{scope}/{sector or successor name}/{level}/{organ}
            lineage = str(body).split("/")[-3] if str(body).count("/") >= 8 else None
            level = next(iter(ds.objects(body, QZ.level)), None)
            place = next(iter(ds.objects(body, QZ.withinJurisdiction)), None)
            info[body] = (cls, lineage, level, place)
    by_key: dict[tuple, list[URIRef]] = {}
    for body, (cls, lineage, _level, _place) in info.items():
        by_key.setdefault((cls, lineage), []).append(body)
    covers = _kind_coverage(ds, {b for b, i in info.items() if i[0] == QZ.GenericBody})
    for body, (cls, lineage, level, place) in info.items():
        if cls != QZ.Agency or lineage is None or place is None:
            continue
        for kind in by_key.get((QZ.GenericBody, lineage), ()):
            kind_level, kind_place = info[kind][2], info[kind][3]
            if kind_level not in (None, level):
                continue
            # a kind covers bodies within its own place, else within the places of the documents
            # that name it (a national document's kinds cover every place)
            regions = [kind_place] if kind_place is not None else covers.get(kind, [])
            if any(r == _EVERYWHERE or _within(shared, place, r) for r in regions):
                shared.add((body, QZ.instanceOfKind, kind))
    for body, (cls, lineage, level, place) in info.items():
        newer = _SUCCESSOR.get(lineage or "")
        if newer is None or place is None:
            continue
        for other in by_key.get((cls, newer), ()):
            if info[other][3] == place and info[other][2] == level:
                shared.add((body, QZ.succeededBy, other))


_EVERYWHERE = URIRef("urn:quanze:everywhere")


def _kind_coverage(ds: Dataset, kinds: set[URIRef]) -> dict[URIRef, list[URIRef]]:
    """For each kind of body, the places of the documents that name it (_EVERYWHERE for a
    national document); a document whose place is not known covers nothing."""
    national = concept_iri("level", "national")
    out: dict[URIRef, list[URIRef]] = {}
    for g in ds.graphs():
        if g.identifier == SHARED_GRAPH or not len(g):
            continue
        doc = next(iter(g.subjects(RDF.type, QZ.Document)), None)
        if doc is None:
            continue
        place = next(iter(g.objects(doc, QZ.governs)), None)
        region = _EVERYWHERE if (doc, QZ.level, national) in g else place
        if region is None:
            continue
        for kind in kinds.intersection(g.objects()):
            out.setdefault(kind, []).append(region)
    return out


def _within(g: Graph, place: URIRef, region: URIRef) -> bool:
    seen = set()
    while place is not None and place not in seen:
        if place == region:
            return True
        seen.add(place)
        place = next(iter(g.objects(place, SCHEMA.containedInPlace)), None)
    return False


class _Acts:
    """One node per cited act across all documents, however it is cited: a title and the 文号
    written with it anywhere ("《…指导意见》(中发〔2015〕37号)") are one act, so a document that
    cites only the number and one that cites only the title point at the same node."""

    def __init__(self, extractions: list[Extraction]) -> None:
        self.parent: dict[str, str] = {}
        self.titles: dict[str, set[str]] = {}
        for ex in extractions:
            record = next((dict(f.fields) for f in ex.facts if f.kind == "document"), {})
            for cited in record.get("cites") or ():
                self._find(self._key(cited))
            for title, number in record.get("cite_numbers") or ():
                a, b = self._find(self._key(title)), self._find(self._key(number))
                if a != b:
                    self.parent[max(a, b)] = min(a, b)
        for ex in extractions:
            record = next((dict(f.fields) for f in ex.facts if f.kind == "document"), {})
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


def _article(ds: Dataset, shared: Graph, ex: Extraction, acts: _Acts) -> None:
    document = ex.document
    g = ds.graph(graph_iri(document.sha1))
    d = doc_iri(document.sha1)
    record = next((dict(f.fields) for f in ex.facts if f.kind == "document"), {"title": document.title})
    scope = _doc_scope(record, document.sha1)
    g.add((d, RDF.type, QZ.Document))
    # an untitled text (a letter, a fragment) is named by its opening words: the same text in two
    # files is one document, so the name must come from the text, not the file
    untitled = "(无标题) " + document.text.split("\n", 1)[0][:30]
    g.add((d, DCTERMS.title, _lit(record.get("title") or document.title or untitled)))
    g.add((d, QZ.articleId, Literal(document.id)))
    g.add((d, QZ.sourceFile, Literal(document.source)))
    g.add((d, QZ.text, Literal(document.text)))
    if record.get("doc_number"):
        g.add((d, ELI.id_local, Literal(record["doc_number"])))
    if record.get("date"):
        date = record["date"]
        dtype = XSD.date if len(date) == 10 else (XSD.gYearMonth if len(date) == 7 else XSD.gYear)
        g.add((d, DCTERMS.issued, Literal(date, datatype=dtype)))
    if record.get("level"):
        g.add((d, QZ.level, concept_iri("level", record["level"])))
    if scope.place is not None:
        g.add((d, QZ.governs, _place(shared, scope.place)))
    if record.get("jurisdiction") and (scope.place is None or record.get("inferred_name")):
        g.add((d, QZ.maskedJurisdiction, Literal(record["jurisdiction"])))  # as written: "XX市"
    g.add((d, QZ.jurisdictionInferred, Literal(bool(record.get("jurisdiction_inferred")))))
    for cited in record.get("cites") or ():
        act = acts.iri(cited)
        shared.add((act, RDF.type, QZ.CitedAct))
        if _NUMBER_ONLY.search(cited):  # one spelling of a 文号: 中发[2015]37号 is 中发〔2015〕37号
            shared.add((act, ELI.id_local, Literal(re.sub(r"\s", "", cited.translate(_BRACKETS)))))
        else:
            shared.add((act, DCTERMS.title, _lit(cited)))
        g.add((d, DCTERMS.references, act))
        if acts.implemented_by(cited, record.get("title") or ""):
            g.add((d, ELI.implements, act))

    bodies: dict[str, URIRef] = {}

    def body(name: str | None, sector: str | None, level: str | None = None, generic: bool = False) -> URIRef | None:
        if not name:
            return None
        if name in bodies:
            return bodies[name]
        fields = {"name": name, "sector": sector, "level": level, "generic": generic}
        known = next((dict(f.fields) for f in ex.facts if f.kind == "agency" and f.get("name") == name), None)
        if known:
            fields.update(known)
        iri, is_generic, body_scope = _body(fields, scope)
        # a body is described once, in the shared graph: an article's graph holds what the article
        # says (its mentions and facts), so a body named by many articles is not counted many times
        shared.add((iri, RDF.type, QZ.GenericBody if is_generic else QZ.Agency))
        if not is_generic:
            shared.add((iri, RDF.type, ORG.Organization))
        labels = set(shared.objects(iri, SKOS.prefLabel))
        if not labels:
            shared.add((iri, SKOS.prefLabel, _lit(name)))
        elif _lit(name) not in labels:
            shared.add((iri, SKOS.altLabel, _lit(name)))
        if fields.get("canonical") and fields["canonical"] != name:
            shared.add((iri, SKOS.altLabel, _lit(fields["canonical"])))  # abbreviation spelled out
        if fields.get("sector"):
            shared.add((iri, QZ.sector, concept_iri("sector", fields["sector"])))
        if fields.get("level"):
            shared.add((iri, QZ.level, concept_iri("level", fields["level"])))
        if body_scope.place is not None:
            shared.add((iri, QZ.withinJurisdiction, _place(shared, body_scope.place)))
        bodies[name] = iri
        return iri

    power_scheme = QZ.PowerKindScheme
    for fact in ex.facts:
        f = dict(fact.fields)
        kind = fact.kind
        if kind == "document":
            continue
        parts = [fact.kind, fact.evidence, str(fact.start), repr(sorted(f.items(), key=lambda kv: kv[0]))]
        node = fact_iri(document.sha1, kind, *parts)
        if kind == "agency":
            iri = body(f["name"], f.get("sector"), f.get("level"), bool(f.get("generic")))
            g.add((node, RDF.type, QZ.Mention))
            g.add((node, QZ.mentions, iri))
            g.add((node, QZ.asWritten, _lit(f["name"])))
        elif kind == "jurisdiction":
            places = gazetteer().by_code.get(f.get("adcode") or "", [])
            if not places:
                continue
            place = next((p for p in places if p.standard_name == f.get("standard_name")), places[0])
            g.add((node, RDF.type, QZ.Mention))
            g.add((node, QZ.mentions, _place(shared, place)))
            g.add((node, QZ.asWritten, _lit(f["name"])))
        elif kind == "transfer":
            g.add((node, RDF.type, QZ.PowerTransfer))
            giver = body(f.get("source"), f.get("source_sector"))
            receiver = body(f.get("target"), f.get("target_sector"))
            if giver is not None:
                g.add((node, QZ.giver, giver))
                g.add((node, ORG.originalOrganization, giver))
            if receiver is not None:
                g.add((node, QZ.receiver, receiver))
                g.add((node, ORG.resultingOrganization, receiver))
            if f.get("source_sector"):
                g.add((node, QZ.givingSector, concept_iri("sector", f["source_sector"])))
            if f.get("target_sector"):
                g.add((node, QZ.receivingSector, concept_iri("sector", f["target_sector"])))
            g.add((node, QZ.powerKind, _concept(shared, power_scheme, "power", f.get("power") or "职责")))
            if f.get("matter"):
                matter = _concept(shared, QZ.MatterScheme, "matter", f["matter"])
                g.add((node, QZ.matter, matter))
                central = central_match(f["matter"])
                if central is not None and central != f["matter"]:
                    shared.add((matter, SKOS.closeMatch, concept_iri("matter", central)))
            if f.get("domain"):
                g.add((node, QZ.domain, _lit(f["domain"])))
            if f.get("deadline"):
                g.add((node, QZ.dueDate, Literal(f["deadline"], datatype=XSD.date)))
            giver_name = f.get("source") or f.get("source_sector") or "?"
            label = f"{giver_name} → {f.get('target') or '?'}: {f.get('matter') or ''}{f.get('power')}"
            g.add((node, RDFS.label, _lit(label)))
        elif kind == "deadline":
            start = f.get("date_type") == "start"  # "从2017年起…": when a task starts, not when it is due
            g.add((node, RDF.type, QZ.Start if start else QZ.Deadline))
            g.add((node, QZ.startsOn if start else QZ.dueDate, Literal(f["date"], datatype=XSD.date)))
            g.add((node, QZ.task, _lit(f.get("task") or "")))
        elif kind == "pilot":
            found = _lookup_standard(f["jurisdiction"]) or gazetteer().lookup(f["jurisdiction"])
            if not found:
                continue
            g.add((node, RDF.type, QZ.Pilot))
            g.add((node, QZ.pilotPlace, _place(shared, found[0])))
        elif kind == "body_established":
            g.add((node, RDF.type, QZ.Establishment))
            new = body(f["name"], None)
            g.add((node, ORG.resultingOrganization, new))
            if f.get("chair"):
                g.add((node, QZ.chair, _lit(f["chair"])))
            if f.get("office_at"):
                office = body(f["office_at"], None)
                g.add((node, QZ.officeAt, office))
        elif kind == "target":
            g.add((node, RDF.type, QZ.Target))
            g.add((node, QZ.value, Literal(f["value"])))
            g.add((node, QZ.task, _lit(f.get("object") or "")))
            if f.get("date"):
                g.add((node, QZ.dueDate, Literal(f["date"], datatype=XSD.date)))
        elif kind == "lead":
            g.add((node, RDF.type, QZ.Assignment))
            g.add((node, QZ.task, _lit(f.get("task") or "")))
            for name in f.get("lead") or ():
                g.add((node, QZ.leadUnit, body(name, None)))
            for name in f.get("cooperate") or ():
                g.add((node, QZ.cooperatingUnit, body(name, None)))
        else:
            continue
        g.add((node, QZ.statedIn, d))
        _evidence(g, node, fact, ex)


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


def validate(ds: Dataset | Graph) -> ValidationReport:
    """Validate a graph against ontology/shapes.ttl with pyshacl.

    The ontology's triples join the data graph instead of RDFS inference being run over it: SHACL
    reads class membership through rdfs:subClassOf in the data graph (an Agency is a Body), and
    materialising the inference made validation 15× slower on a 2 MB corpus for the same result.
    """
    import pyshacl

    onto, shapes = _ontology_graphs()
    data = Graph()
    for triple in ds.triples((None, None, None)):
        data.add(triple)
    for triple in onto:
        data.add(triple)
    conforms, report_graph, text = pyshacl.validate(
        data, shacl_graph=shapes, inference=None, abort_on_first=False, allow_warnings=True
    )
    sh = "http://www.w3.org/ns/shacl#"
    violations = len(list(report_graph.subjects(RDF.type, URIRef(sh + "ValidationResult"))))
    return ValidationReport(bool(conforms), violations, text)
