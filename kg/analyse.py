"""Analysis stage: the RDF graph → networkx graphs → plain values and DataFrames."""

from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx
from rdflib import Graph
from rdflib.namespace import DCTERMS, RDF, SKOS

from kg.errors import AnalysisError
from kg.lexicon import CentralMatters
from kg.ns import QZ, SCHEMA

__all__ = [
    "adoption_timeline",
    "coverage_matrix",
    "deviation_from_template",
    "org_graph",
    "powers_gained_lost",
    "receiver_centrality",
    "to_networkx",
    "to_view_graph",
]


def _label(g: Graph, node) -> str:
    for lab in g.objects(node, SKOS.prefLabel):
        return str(lab)
    for lab in g.objects(node, SCHEMA.name):
        return str(lab)
    return str(node)  # no label: the IRI itself (never parsed for meaning)


def _doc_info(g: Graph, d) -> dict:
    place = next(iter(g.objects(d, QZ.governs)), None)
    masked = next(iter(g.objects(d, QZ.maskedJurisdiction)), None)
    return {
        "document": str(d),
        "title": str(next(iter(g.objects(d, DCTERMS.title)), "")),
        "article": str(next(iter(g.objects(d, QZ.articleId)), "")),
        "jurisdiction": _label(g, place) if place is not None else (str(masked) if masked else None),
        "issued": str(next(iter(g.objects(d, DCTERMS.issued)), "")) or None,
    }


UNSTATED_GIVER = "unstated:giver"
UNSTATED_RECEIVER = "unstated:receiver"


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """The power-flow graph: bodies (and, where no giver is named, giving sectors) as nodes,
    one edge per transfer from giver to receiver with matter, power, domain, document and evidence.

    Node attributes: ``label``, ``kind`` ("agency" | "generic" | "sector" | "unstated"), ``sector``.
    Every ``qz:PowerTransfer`` is one edge to each of its receivers (several when the text names them
    as one: "甲镇、乙镇人民政府"); a side the text leaves unnamed is an "unstated" node.
    """
    G = nx.MultiDiGraph()
    docs: dict = {}
    for t in g.subjects(RDF.type, QZ.PowerTransfer):
        receivers = sorted(g.objects(t, QZ.receiver))
        for receiver in receivers or [None]:  # several named as one: an edge to each
            _transfer_edge(G, g, t, receiver, str(t) if len(receivers) < 2 else f"{t}|{receiver}", docs)
    return G


def _transfer_edge(G: nx.MultiDiGraph, g: Graph, t, receiver, key: str, docs: dict) -> None:
    """The edge of transfer ``t`` to ``receiver`` (None: not stated), its nodes added as needed."""
    giver = next(iter(g.objects(t, QZ.giver)), None)
    giving_sector = next(iter(g.objects(t, QZ.givingSector)), None)
    source = giver if giver is not None else giving_sector
    # every transfer is an edge, so every view counts the same facts: a side the text does
    # not name is one node of its own ("giver not stated", "receiver not stated")
    if source is None:
        source = UNSTATED_GIVER
        G.add_node(source, label="(给出方未写明)", kind="unstated", sector=None, jurisdiction=None)
    if receiver is None:
        receiver = UNSTATED_RECEIVER
        G.add_node(receiver, label="(接收方未写明)", kind="unstated", sector=None, jurisdiction=None)
    for node in (source, receiver):
        if str(node) not in G:
            kind = (
                "generic"
                if (node, RDF.type, QZ.GenericBody) in g
                else "agency"
                if (node, RDF.type, QZ.Agency) in g
                else "sector"
            )
            sector = next(iter(g.objects(node, QZ.sector)), node if kind == "sector" else None)
            place = next(iter(g.objects(node, QZ.withinJurisdiction)), None)
            G.add_node(
                str(node),
                label=_label(g, node),
                kind=kind,
                sector=_label(g, sector) if sector else None,
                jurisdiction=_label(g, place) if place is not None else None,
            )
    d = next(iter(g.objects(t, QZ.statedIn)))
    if d not in docs:
        docs[d] = _doc_info(g, d)
    ev = next(iter(g.objects(t, __import__("rdflib").namespace.PROV.wasDerivedFrom)), None)
    matter = next(iter(g.objects(t, QZ.matter)), None)
    power = next(iter(g.objects(t, QZ.powerKind)), None)
    G.add_edge(
        str(source),
        str(receiver),
        key=key,
        matter=_label(g, matter) if matter is not None else None,
        power=_label(g, power) if power is not None else None,
        domain=str(next(iter(g.objects(t, QZ.domain)), "")) or None,
        giving_sector=_label(g, giving_sector) if giving_sector is not None else None,
        sentence=str(next(iter(g.objects(ev, QZ.sentence)), "")) if ev is not None else "",
        **{k: v for k, v in docs[d].items()},
    )


def to_view_graph(g: Graph) -> nx.MultiDiGraph:
    """The power-flow graph widened for viewing: besides bodies and giving sectors, the matters
    each receiver now holds (and their power kinds), the documents that say so and the places
    they govern. Node ``kind`` is agency | generic | sector | matter | power | document | place;
    every edge carries the transfer's jurisdiction, power and document so the page can filter."""
    G = to_networkx(g)
    for _u, v, key, d in list(G.edges(keys=True, data=True)):
        d["relation"] = "transfer"
        shared = {k: d.get(k) for k in ("jurisdiction", "power", "title", "sentence", "domain")}
        if d.get("matter"):
            m = f"matter:{d['matter']}"
            G.add_node(m, label=d["matter"], kind="matter", sector=d.get("giving_sector"))
            G.add_edge(v, m, key=f"{key}#holds", relation="holds", matter=d["matter"], **shared)
            if d.get("power"):
                p = f"power:{d['power']}"
                G.add_node(p, label=d["power"], kind="power", sector=None)
                if not G.has_edge(m, p):
                    G.add_edge(m, p, key=f"{m}->{p}", relation="power", matter=d["matter"], **shared)
        doc = d.get("document")
        if doc:
            G.add_node(doc, label=d.get("title") or doc, kind="document", sector=None)
            if not G.has_edge(doc, v):
                G.add_edge(doc, v, key=f"{doc}->{v}", relation="assigns", matter=None, **shared)
            if d.get("jurisdiction"):
                place = f"place:{d['jurisdiction']}"
                G.add_node(place, label=d["jurisdiction"], kind="place", sector=None)
                if not G.has_edge(doc, place):
                    G.add_edge(doc, place, key=f"{doc}->{place}", relation="governs", matter=None, **shared)
    return G


def org_graph(g: Graph) -> nx.DiGraph:
    """Organisation graph: lead → cooperating units, new bodies → where their office sits."""
    G = nx.DiGraph()
    for a in g.subjects(RDF.type, QZ.Assignment):
        task = str(next(iter(g.objects(a, QZ.task)), ""))
        for lead in g.objects(a, QZ.leadUnit):
            G.add_node(str(lead), label=_label(g, lead))
            for coop in g.objects(a, QZ.cooperatingUnit):
                G.add_node(str(coop), label=_label(g, coop))
                G.add_edge(str(lead), str(coop), relation="leads", task=task)
    for e in g.subjects(RDF.type, QZ.Establishment):
        new = next(iter(g.objects(e, __import__("rdflib").namespace.ORG.resultingOrganization)), None)
        office = next(iter(g.objects(e, QZ.officeAt)), None)
        if new is not None and office is not None:
            G.add_node(str(new), label=_label(g, new))
            G.add_node(str(office), label=_label(g, office))
            G.add_edge(str(new), str(office), relation="office_at")
    return G


def powers_gained_lost(G: nx.MultiDiGraph, *, by: str = "matter"):
    """Per body: how many transfers it received and gave, and the distinct matters (or domains).

    Returns a DataFrame sorted by powers gained.
    """
    import pandas as pd

    if G.number_of_edges() == 0:
        raise AnalysisError("powers_gained_lost needs at least one transfer edge; got an empty graph")
    rows = []
    for node, data in G.nodes(data=True):
        ins = [d.get(by) for _, _, d in G.in_edges(node, data=True)]
        outs = [d.get(by) for _, _, d in G.out_edges(node, data=True)]
        rows.append(
            {
                "body": data.get("label"),
                "jurisdiction": data.get("jurisdiction"),
                "kind": data.get("kind"),
                "sector": data.get("sector"),
                "gained": len(ins),
                "lost": len(outs),
                f"{by}s_gained": sorted({x for x in ins if x}),
                f"{by}s_lost": sorted({x for x in outs if x}),
            }
        )
    return pd.DataFrame(rows).sort_values(["gained", "lost"], ascending=False).reset_index(drop=True)


def receiver_centrality(G: nx.MultiDiGraph) -> dict[str, float]:
    """In-degree centrality of receiving bodies (label → value), highest first."""
    if G.number_of_edges() == 0:
        raise AnalysisError("receiver_centrality needs at least one transfer edge; got an empty graph")
    c = nx.in_degree_centrality(G)
    labels = nx.get_node_attributes(G, "label")
    out: dict[str, float] = {}
    for node, v in sorted(c.items(), key=lambda kv: -kv[1]):
        if v > 0:
            out[labels.get(node, node)] = max(v, out.get(labels.get(node, node), 0.0))
    return out


def coverage_matrix(G: nx.MultiDiGraph, *, value: str = "receiver_sector"):
    """Jurisdiction × matter: which places moved which matters, to which sector.

    Cells hold the receiving sector (or the count of transfers with ``value="count"``).
    """
    import pandas as pd

    cells: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for _u, v, d in G.edges(data=True):
        if not d.get("matter"):
            continue
        place = d.get("jurisdiction") or "(未知)"
        cells[(place, d["matter"])][G.nodes[v].get("sector") or "?"] += 1
    if not cells:
        return pd.DataFrame()
    data: dict[str, dict[str, object]] = defaultdict(dict)
    for (place, matter), counter in cells.items():
        data[matter][place] = sum(counter.values()) if value == "count" else counter.most_common(1)[0][0]
    return pd.DataFrame(data).sort_index()


def deviation_from_template(G: nx.MultiDiGraph, g: Graph | None = None, central: CentralMatters | None = None):
    """Per document: central-template matters it moved, left out, and matters it added; with the
    RDF graph ``g``, also its deadlines for the guidance's dated goals, earlier or later.
    ``central``: the guidance's matters and goals (``Rules.central``; the shipped rules' by default).
    """
    import pandas as pd

    if central is None:
        from kg.ruleset import load_rules

        central = load_rules().central
    template = [m for ms in central.domains.values() for m in ms]
    by_doc: dict[str, set] = defaultdict(set)
    info: dict[str, dict] = {}
    for _, _, d in G.edges(data=True):
        if d.get("matter") and d.get("power") == "行政处罚权":
            by_doc[d["article"]].add(d["matter"])
            info[d["article"]] = d
    rows = []
    for article, matters in sorted(by_doc.items()):
        covered = {central.match(m) for m in matters} - {None}
        added = sorted(m for m in matters if central.match(m) is None)
        row = {
            "article": article,
            "title": info[article]["title"],
            "jurisdiction": info[article]["jurisdiction"],
            "covered": len(covered),
            "left_out": [t for t in template if t not in covered],
            "added": added,
        }
        if g is not None:
            row["deadlines_vs_central"] = _deadline_deviation(g, info[article]["document"], central)
        rows.append(row)
    return pd.DataFrame(rows)


def _deadline_deviation(g: Graph, document: str, central: CentralMatters) -> dict[str, str]:
    """For each dated goal of the guidance the document also dates: "earlier", "same" or "later"."""
    from rdflib import URIRef

    out: dict[str, str] = {}
    for x in g.subjects(QZ.statedIn, URIRef(document)):
        if (x, RDF.type, QZ.Deadline) not in g:
            continue
        task = str(next(iter(g.objects(x, QZ.task)), ""))
        date = str(next(iter(g.objects(x, QZ.dueDate)), ""))
        for goal in central.milestones:
            if any(k in task for k in goal["keywords"]) and goal["id"] not in out:
                out[goal["id"]] = "earlier" if date < goal["date"] else ("same" if date == goal["date"] else "later")
    return out


def adoption_timeline(g: Graph):
    """Documents with their issue date, jurisdiction and number of transfers, by date."""
    import pandas as pd

    rows = []
    for d in g.subjects(RDF.type, QZ.Document):
        info = _doc_info(g, d)
        info["transfers"] = sum(1 for _ in g.subjects(QZ.statedIn, d) if (_, RDF.type, QZ.PowerTransfer) in g)
        rows.append(info)
    df = pd.DataFrame(rows)
    return df.sort_values(["issued", "article"], na_position="last").reset_index(drop=True) if len(df) else df
