from __future__ import annotations

import pytest

from kg.analyse import (
    adoption_timeline,
    coverage_matrix,
    deviation_from_template,
    org_graph,
    powers_gained_lost,
    receiver_centrality,
    to_networkx,
)
from kg.errors import AnalysisError
from kg.graph import to_rdf
from kg.normalize import normalize
from kg.pipeline import extract_document
from kg.ruleset import load_rules
from kg.types import Article

RULES = load_rules()


def _ds(*texts):
    exs = []
    for i, t in enumerate(texts):
        exs.append(extract_document(normalize(Article(f"{i}.txt", f"{i}.txt", t, 0, len(t)), RULES), RULES))
    return to_rdf(exs, RULES)


@pytest.fixture(scope="module")
def ds():
    return _ds(
        "河北省实施意见\n将省环保厅露天烧烤污染、燃放烟花爆竹污染的行政处罚权划转到省城市管理综合执法局。\n"
        "将省工商局违规设置户外广告的行政处罚权划入省城市管理综合执法局。\n省住房城乡建设厅牵头,省编办、省财政厅等省直有关部门配合。",
        "山西省实施意见\n将省环保厅露天烧烤污染的行政处罚权划转到省城市管理综合执法局。\n将省水利厅河道采砂的行政处罚权划入省城市管理综合执法局。",
    )


def test_analyse_power_flow_graph(ds):
    G = to_networkx(ds)
    assert G.number_of_edges() == 5
    labels = {d["label"] for _, d in G.nodes(data=True)}
    assert {"省环保厅", "省城市管理综合执法局", "省工商局", "省水利厅"} <= labels
    for *_, d in G.edges(data=True):
        assert (
            d["matter"] and d["power"] == "行政处罚权" and d["sentence"] and d["jurisdiction"] in ("河北省", "山西省")
        )


def test_analyse_gained_lost_and_centrality(ds):
    G = to_networkx(ds)
    df = powers_gained_lost(G)
    top = df.iloc[0]
    assert top["body"] == "省城市管理综合执法局" and top["lost"] == 0
    assert top["gained"] == 3  # Hebei's and Shanxi's bureaus are different bodies; the Hebei one got 3
    assert "露天烧烤污染" in top["matters_gained"]
    assert next(iter(receiver_centrality(G))) == "省城市管理综合执法局"


def test_analyse_coverage_and_deviation(ds):
    G = to_networkx(ds)
    cov = coverage_matrix(G)
    assert cov.loc["河北省", "露天烧烤污染"] == "城市管理" and cov.loc["山西省", "露天烧烤污染"] == "城市管理"
    assert cov.isna().loc["河北省", "河道采砂"]
    dev = deviation_from_template(G).set_index("jurisdiction")
    assert dev.loc["山西省", "added"] == ["河道采砂"]
    assert dev.loc["河北省", "covered"] == 3
    assert "违法停放车辆" in dev.loc["河北省", "left_out"]
    assert sum(len(v) for v in RULES.central.domains.values()) == 18


def test_analyse_org_graph_and_timeline(ds):
    org = org_graph(ds)
    assert [(org.nodes[u]["label"], org.nodes[v]["label"]) for u, v in org.edges()] == [
        ("省住房城乡建设厅", "省编办"),
        ("省住房城乡建设厅", "省财政厅"),
    ]
    tl = adoption_timeline(ds)
    assert list(tl["transfers"]) == [3, 2] or sorted(tl["transfers"]) == [2, 3]


def test_analyse_empty_graph_is_an_error():
    G = to_networkx(_ds("无关文本\n今天天气很好。"))
    with pytest.raises(AnalysisError, match="at least one transfer"):
        powers_gained_lost(G)


def test_analyse_deadlines_against_the_central_guidance():
    ds = _ds(
        "河北省实施意见\n将省环保厅露天烧烤污染的行政处罚权划转到省城市管理综合执法局。\n"
        "2017年6月底前,实现市、县政府城市管理领域机构综合设置。到2021年,标准体系基本完善。"
    )
    dev = deviation_from_template(to_networkx(ds), ds).iloc[0]
    assert dev["deadlines_vs_central"] == {"institutions": "earlier", "laws_and_standards": "later"}


def test_analyse_matters_map_to_the_central_list():
    from rdflib.namespace import SKOS

    from kg.ns import concept_iri

    ds = _ds("某市方案\n将市水务局向城区河道倾倒废弃物和垃圾的行政处罚权划入市城管执法局。")
    assert (
        concept_iri("matter", "向城区河道倾倒废弃物和垃圾"),
        SKOS.closeMatch,
        concept_iri("matter", "向城市河道倾倒废弃物和垃圾"),
    ) in ds


def test_analyse_view_graph_has_every_class(ds):
    from kg.analyse import to_view_graph

    V = to_view_graph(ds)
    kinds = {d["kind"] for _, d in V.nodes(data=True)}
    assert {"agency", "matter", "power", "document", "place"} <= kinds
    holds = [(V.nodes[u]["label"], V.nodes[v]["label"]) for u, v, d in V.edges(data=True) if d["relation"] == "holds"]
    assert ("省城市管理综合执法局", "露天烧烤污染") in holds
    assert all("jurisdiction" in d for *_, d in V.edges(data=True))


def test_analyse_every_view_counts_the_same_transfers(seeds_build):
    """The build, `kg stats`, report.md, the analysis functions and SPARQL count the same facts,
    transfers that name no giver included (issue: 111 built, 88 counted elsewhere)."""
    import re

    from click.testing import CliRunner
    from rdflib import Dataset

    from kg.analyse import powers_gained_lost, to_networkx
    from kg.cli import cli
    from kg.query import query
    from kg.store import open_store

    out = seeds_build.out
    built = seeds_build.facts["transfer"]
    ds = Dataset(default_union=True)
    ds.parse(out / "graph.trig", format="trig")
    G = to_networkx(ds)
    sparql = query(
        open_store(out / "store", read_only=True),
        "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a <https://w3id.org/quanze/ontology#PowerTransfer> }",
    )[0]["n"]
    stats = CliRunner().invoke(cli, ["stats", "--out", str(out)]).output
    shown = int(re.search(r"transfers: (\d+)", stats).group(1))
    gained = int(powers_gained_lost(G)["gained"].sum())
    assert built == G.number_of_edges() == sparql == shown == gained
    assert any(d.get("kind") == "unstated" for _, d in G.nodes(data=True))  # the seeds have giverless moves


def test_analyse_a_text_in_two_files_is_counted_once_everywhere(tmp_path):
    """The same text under two file names is one document, one graph: the build counts its
    facts once, as the graph and the saved queries hold them."""
    import shutil
    from pathlib import Path

    from kg.build import build
    from kg.query import query
    from kg.store import open_store

    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(seeds[1], src / "a.txt")
    shutil.copy(seeds[1], src / "b.txt")  # the same text again
    shutil.copy(seeds[3], src / "c.txt")
    result = build([src], tmp_path / "out", html=False)
    sparql = query(
        open_store(tmp_path / "out" / "store", read_only=True),
        "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a <https://w3id.org/quanze/ontology#PowerTransfer> }",
    )[0]["n"]
    assert result.articles == 3 and result.facts["transfer"] == sparql > 0
