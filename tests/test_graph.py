from __future__ import annotations

import re

import pytest
from rdflib import Dataset
from rdflib.namespace import RDF, SKOS

from kg.graph import load_ontology, to_rdf, validate
from kg.normalize import normalize
from kg.ns import QZ
from kg.pipeline import extract_document
from kg.ruleset import load_rules
from kg.types import Article

RULES = load_rules()


def _ex(text: str, name: str):
    return extract_document(normalize(Article(name, name, text, 0, len(text)), RULES), RULES)


def test_graph_every_qz_term_is_declared_in_the_ontology():
    onto = load_ontology()
    declared = {str(s) for s in onto.subjects()}
    terms = [t for t in QZ.__annotations__ if not t.startswith("_")]
    missing = [t for t in terms if str(QZ._NS[t]) not in declared]
    assert not missing
    try:
        QZ.notATerm  # noqa: B018
    except AttributeError:
        pass
    else:
        raise AssertionError("QZ must reject unknown terms")


def test_graph_named_graph_per_article_and_shared_bodies():
    a = _ex("河北省实施意见\n将省环保厅露天烧烤污染的行政处罚权划转到省住房城乡建设厅。", "a.txt")
    b = _ex("河北省另一方案\n由省住建厅牵头,省编办配合。", "b.txt")
    ds = to_rdf([a, b], RULES)
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert len([g for g in graphs if "/graph/" in g and not g.endswith("shared")]) == 2
    bodies = {str(s) for s in ds.subjects(RDF.type, QZ.Agency)}
    housing = [s for s in bodies if "住房城乡建设" in s and "/130000/" in s]
    assert len(housing) == 1, bodies  # 省住房城乡建设厅 and 省住建厅 are one body of Hebei
    labels = {str(x) for x in ds.objects(None, SKOS.prefLabel)} | {str(x) for x in ds.objects(None, SKOS.altLabel)}
    assert {"省住房城乡建设厅", "省住建厅"} <= labels


def test_graph_transfer_event_with_evidence_validates():
    ex = _ex("某市方案\n将市水务局河道采砂的行政处罚权划入市城管执法局。", "c.txt")
    ds = to_rdf([ex], RULES)
    transfers = list(ds.subjects(RDF.type, QZ.PowerTransfer))
    assert len(transfers) == 1
    t = transfers[0]
    assert (t, QZ.giver, None) in ds and (t, QZ.receiver, None) in ds and (t, QZ.matter, None) in ds
    ev = next(ds.objects(t, __import__("rdflib").namespace.PROV.wasDerivedFrom))
    start = int(next(ds.objects(ev, QZ.startOffset)))
    end = int(next(ds.objects(ev, QZ.endOffset)))
    assert ex.document.text[start:end].startswith("将市水务局")
    s0, s1 = int(next(ds.objects(ev, QZ.sourceStart))), int(next(ds.objects(ev, QZ.sourceEnd)))
    assert re.sub(r"\s", "", ex.document.raw[s0:s1]).startswith("将市水务局")
    report = validate(ds)
    assert report.conforms, report.text


def test_graph_validation_reports_violations():
    ex = _ex("某市方案\n将市水务局河道采砂的行政处罚权划入市城管执法局。", "c.txt")
    ds = to_rdf([ex], RULES)
    t = next(ds.subjects(RDF.type, QZ.PowerTransfer))
    g = next(g for g in ds.graphs() if (t, RDF.type, QZ.PowerTransfer) in g)
    g.remove((t, QZ.powerKind, None))
    report = validate(ds)
    assert not report.conforms and report.violations >= 1
    assert "power kind" in report.text


def test_graph_validation_reads_classes_through_the_ontology():
    """A receiver must be a qz:Body: an Agency is one (by rdfs:subClassOf), a Document is not."""
    ex = _ex("某市方案\n将市水务局河道采砂的行政处罚权划入市城管执法局。", "c.txt")
    ds = to_rdf([ex], RULES)
    assert validate(ds).conforms  # the receiver is typed qz:Agency only
    t = next(ds.subjects(RDF.type, QZ.PowerTransfer))
    g = next(g for g in ds.graphs() if (t, RDF.type, QZ.PowerTransfer) in g)
    doc = next(ds.subjects(RDF.type, QZ.Document))
    g.remove((t, QZ.receiver, None))
    g.add((t, QZ.receiver, doc))
    assert not validate(ds).conforms


def test_graph_seeds_build_and_conform(fixture_build):
    assert fixture_build.conforms and fixture_build.quads > 100


def test_graph_every_kind_of_fact_has_its_type_its_mapper_and_a_shape(seeds_build):
    """One frozen type per kind of fact, one mapper per type, and every class a mapper gives a
    statement node is the target of a SHACL shape (the document header is the document node)."""
    from dataclasses import FrozenInstanceError

    from rdflib import Graph, URIRef
    from rdflib.namespace import SH

    from kg import facts
    from kg.graph import _MAPPERS
    from kg.resources import ontology_dir

    assert set(_MAPPERS) == set(facts.KINDS.values()) - {facts.DocumentHeader}
    with pytest.raises(FrozenInstanceError):
        facts.Pilot("平凉市").jurisdiction = "庆阳市"
    with pytest.raises(ValueError, match="no field 'place'"):
        facts.make("pilot", {"place": "平凉市"})
    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    targeted = set(shapes.objects(None, SH.targetClass))
    ds = Dataset()
    ds.parse(seeds_build.out / "graph.nq", format="nquads")
    stated = {s for s, _, _, _ in ds.quads((None, QZ.statedIn, None, None))}
    classes = {o for s, _, o, _ in ds.quads((None, RDF.type, None, None)) if s in stated}
    assert {QZ.PowerTransfer, QZ.Mention, QZ.Deadline, QZ.Pilot} <= classes
    assert classes - {QZ.Document} <= targeted, classes - targeted
    assert URIRef(str(QZ.Mention)) in targeted


def test_graph_a_rule_that_writes_a_field_its_kind_lacks_is_an_error():
    from kg.errors import RuleError
    from kg.relate import _fact

    doc = _ex("某市实施意见\n市政府印发。", "a.txt").document
    with pytest.raises(RuleError, match="pilot.named_place.v1.*no field 'city'"):
        _fact(doc, "pilot", {"city": "平凉市"}, None, "pilot.named_place.v1")


def test_graph_links_kinds_and_successors_across_articles():
    a = _ex("河北省实施意见\n将省环保厅露天烧烤污染的行政处罚权划转到省城市管理综合执法局。2018年底前完成。", "a.txt")
    b = _ex(
        "河北省机构改革方案\n组建省生态环境厅,将省环保厅的职责整合到省生态环境厅。\n城市管理部门负责指导。", "b.txt"
    )
    ds = to_rdf([a, b], RULES)
    old = next(s for s in ds.subjects(RDF.type, QZ.Agency) if "环境保护" in str(s))
    new = next(s for s in ds.subjects(RDF.type, QZ.Agency) if "生态环境" in str(s))
    assert (old, QZ.succeededBy, new) in ds  # 环保厅 → 生态环境厅 after the 2018 reform
    bureau = next(s for s in ds.subjects(RDF.type, QZ.Agency) if "城市管理" in str(s))
    kinds = list(ds.objects(bureau, QZ.instanceOfKind))
    assert kinds and all((k, RDF.type, QZ.GenericBody) in ds for k in kinds)


def test_graph_an_act_is_one_node_however_it_is_cited(seeds_build):
    """中发〔2015〕37号 cited by number, by its title, with [] or 〔〕: one node; citing_documents
    lists each implementing document once, as implementing it."""
    from kg.query import query
    from kg.store import open_store

    store = open_store(seeds_build.out / "store", read_only=True)
    acts = query(
        store,
        "SELECT DISTINCT ?a WHERE { ?a <http://data.europa.eu/eli/ontology#id_local> ?n "
        'FILTER(CONTAINS(STR(?n), "37号")) }',
    )
    assert len(acts) == 1
    rows = query(store, "citing_documents", {"act": "37号"})
    titles = [r["title"] for r in rows]
    assert len(titles) == len(set(titles)) >= 4
    assert all(r["implements"] for r in rows)
    by_title = query(store, "citing_documents", {"act": "指导意见"})
    assert sorted(r["title"] for r in by_title if r["implements"]) == sorted(titles)


def test_graph_a_start_is_no_deadline():
    ex = _ex("某县方案\n从2018年起,每年开展一次执法培训。2019年6月底前,完成队伍整合。", "s.txt")
    ds = to_rdf([ex], RULES)
    starts = list(ds.subjects(RDF.type, QZ.Start))
    deadlines = list(ds.subjects(RDF.type, QZ.Deadline))
    assert len(starts) == 1 and str(next(ds.objects(starts[0], QZ.startsOn))).startswith("2018")
    assert [str(next(ds.objects(d, QZ.dueDate))) for d in deadlines] == ["2019-06-30"]
    assert validate(ds).conforms


def test_graph_a_masked_year_is_kept_as_written_without_a_date():
    ex = _ex("某县方案\n到20xx年底,建成智慧城管平台。2019年6月底前,完成队伍整合。", "m.txt")
    ds = to_rdf([ex], RULES)
    masked = list(ds.subjects(RDF.type, QZ.MaskedDeadline))
    assert [str(next(ds.objects(m, QZ.dateText))) for m in masked] == ["20xx年底"]
    assert not list(ds.objects(masked[0], QZ.dueDate))
    assert [str(next(ds.objects(d, QZ.dueDate))) for d in ds.subjects(RDF.type, QZ.Deadline)] == ["2019-06-30"]
    assert validate(ds).conforms


def test_graph_a_kind_of_body_covers_only_its_documents_place():
    """城市管理部门 named in a Hebei text covers Hebei's bureaus, not Yunnan's; a national text's
    kind covers every place."""
    hebei = _ex("河北省实施意见\n将省环保厅露天烧烤污染的行政处罚权划转到城市管理部门。", "h.txt")
    yunnan = _ex("云南省实施意见\n将省环保厅露天烧烤污染的行政处罚权划转到省城市管理局。", "y.txt")
    ds = to_rdf([hebei, yunnan], RULES)
    bureau = next(s for s in ds.subjects(RDF.type, QZ.Agency) if "城市管理" in str(s) and "/530000/" in str(s))
    assert list(ds.objects(bureau, QZ.instanceOfKind)) == []
    central = _ex("中共中央 国务院关于推进改革的指导意见\n将环境保护部门的职责划转到城市管理部门。", "c.txt")
    ds = to_rdf([central, yunnan], RULES)
    bureau = next(s for s in ds.subjects(RDF.type, QZ.Agency) if "城市管理" in str(s) and "/530000/" in str(s))
    assert list(ds.objects(bureau, QZ.instanceOfKind))


def test_graph_one_body_one_node_on_the_seeds(seeds_build):
    """绍兴's 市城管委 and 市城市管理委员会 are one body; its two development zones' 管委会 are two."""
    from kg.query import query
    from kg.store import open_store

    store = open_store(seeds_build.out / "store", read_only=True)
    labels = "<http://www.w3.org/2004/02/skos/core#prefLabel>|<http://www.w3.org/2004/02/skos/core#altLabel>"

    def nodes(*names: str) -> set[str]:
        values = " ".join(f'"{n}"@zh' for n in names)
        rows = query(store, f"SELECT DISTINCT ?b WHERE {{ VALUES ?l {{ {values} }} ?b {labels} ?l }}")
        return {r["b"] for r in rows if "/330600/" in r["b"]}

    assert len(nodes("市城管委", "市城市管理委员会")) == 1
    assert len(nodes("绍兴高新技术开发区管委会", "袍江经济技术开发区管委会")) == 2


def test_graph_a_masked_city_is_inferred_and_marked(seeds_build):
    """XX市 (002) names 崆峒区 and 六县: it governs 平凉市, marked as inferred, "XX市" kept as written."""
    from kg.query import query
    from kg.store import open_store

    store = open_store(seeds_build.out / "store", read_only=True)
    rows = query(
        store,
        "PREFIX qz: <https://w3id.org/quanze/ontology#> PREFIX schema: <https://schema.org/> "
        "SELECT ?name ?inferred WHERE { ?d qz:maskedJurisdiction ?masked ; qz:governs ?p ; "
        'qz:jurisdictionInferred ?inferred . ?p schema:name ?name FILTER(STR(?masked) = "XX市") }',
    )
    assert rows == [{"name": "平凉市", "inferred": True}]


def test_graph_a_lead_or_cooperating_unit_is_the_body_named_elsewhere_in_its_text(seeds_build):
    from kg.query import query
    from kg.store import open_store

    rows = query(
        open_store(seeds_build.out / "store", read_only=True),
        "PREFIX qz: <https://w3id.org/quanze/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT DISTINCT ?l WHERE { GRAPH ?g { ?x qz:leadUnit|qz:cooperatingUnit ?u . ?m a qz:Mention ; "
        "qz:mentions ?a } ?u skos:prefLabel ?l . ?a skos:prefLabel|skos:altLabel ?l . FILTER(?u != ?a) }",
    )
    units = query(
        open_store(seeds_build.out / "store", read_only=True),
        "SELECT (COUNT(*) AS ?n) WHERE { ?x <https://w3id.org/quanze/ontology#leadUnit> ?u }",
    )
    assert units[0]["n"] > 0 and rows == []


def test_graph_named_towns_are_bodies_and_places_of_their_own_within_the_county():
    # towns below the gazetteer: each its own body (not one 民政府 for all, nor Shanghai's for 上海庙镇)
    # and its own place within the county whose text it is
    ex = _ex("桐庐县人民政府决定\n将县林业局的部分行政处罚权赋予分水镇、上海庙镇、凤川街道。", "t.txt")
    ds = to_rdf([ex], RULES)
    receivers = {r for t in ds.subjects(RDF.type, QZ.PowerTransfer) for r in ds.objects(t, QZ.receiver)}
    assert {str(ds.value(r, SKOS.prefLabel)) for r in receivers} == {"分水镇", "上海庙镇", "凤川街道"}
    assert len(receivers) == 3 and all("/330122/" in str(r) for r in receivers), receivers
    towns = {str(o) for o in ds.objects(None, QZ.mentions) if "/place/330122/" in str(o)}
    assert len(towns) == 3, towns
    assert validate(ds).conforms


def test_graph_a_receiver_written_as_a_list_of_towns_is_each_town():
    ex = _ex("桐庐县人民政府决定\n将县林业局的部分行政处罚权赋予分水镇、瑶琳镇人民政府。", "t.txt")
    ds = to_rdf([ex], RULES)
    receivers = {r for t in ds.subjects(RDF.type, QZ.PowerTransfer) for r in ds.objects(t, QZ.receiver)}
    assert {str(ds.value(r, SKOS.prefLabel)) for r in receivers} == {"分水镇人民政府", "瑶琳镇人民政府"}
    assert validate(ds).conforms
