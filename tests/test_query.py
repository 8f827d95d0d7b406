from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.query import format_rows, query, query_df, saved_queries
from kg.store import open_store


@pytest.fixture(scope="module")
def store(fixture_build):
    return open_store(fixture_build.out / "store", read_only=True)


def test_query_every_saved_query_runs(store):
    needs = {
        "holder_of_matter": {"matter": "污染"},
        "matter_moves": {"matter": "广告"},
        "citing_documents": {"act": "37号"},
        "evidence": {"fact": "https://w3id.org/quanze/id/none"},
    }
    for name in saved_queries():
        rows = query(store, name, needs.get(name, {}))
        assert isinstance(rows, list)


def test_query_holder_of_matter_answers_from_the_text(store):
    rows = query(store, "holder_of_matter", {"matter": "露天烧烤", "place": "吉林"})
    assert rows and all(r["receiverLabel"] == "城市管理部门" and r["jurisdiction"] == "吉林省" for r in rows)
    assert "露天烧烤" in rows[0]["sentence"]
    assert query(store, "holder_of_matter", {"matter": "露天烧烤", "place": "海南"}) == []


def test_query_pilots_deadlines_citations(store):
    assert {r["place"] for r in query(store, "pilots")} == {
        "长春市",
        "吉林市",
        "广州市越秀区",
        "广州市天河区",
        "长沙市",
        "浏阳市",
    }
    dates = [r["date"] for r in query(store, "deadlines")]
    assert dates == sorted(dates) and "2017-12-31" in dates
    assert [r["date"] for r in query(store, "deadlines", {"before": "2017-07-01"})] == ["2017-06-30"]
    cited = query(store, "citing_documents", {"act": "37号"})
    assert cited and cited[0]["cited"] == "中发〔2015〕37号"


def test_query_evidence_of_a_transfer(store):
    t = query(store, "transfers")[0]["t"]
    ev = query(store, "evidence", {"fact": t})
    assert len(ev) == 1 and ev[0]["end"] > ev[0]["start"] and ev[0]["rule"].startswith("transfer.")


def test_query_params_are_values_not_text(store):
    # a quote in a value cannot break out of the query
    assert query(store, "holder_of_matter", {"matter": '" } SELECT * WHERE { ?s ?p ?o } #'}) == []


@pytest.mark.parametrize(
    "q,params,message",
    [
        ("SELECT ?x WHERE { ?x ", {}, "invalid SPARQL"),
        ("no_such_query", {}, "unknown saved query"),
        ("holder_of_matter", {}, "missing parameter 'matter'"),
        ("pilots", {"x": "1"}, "unknown parameter 'x'; this query takes: no parameters"),
        ("holder_of_matter", {"matter": "a", "nope": "b"}, "unknown parameter 'nope'"),
    ],
)
def test_query_errors(store, q, params, message):
    with pytest.raises(QueryError, match=message):
        query(store, q, params)


def test_query_dataframe_and_formats(store):
    df = query_df(store, "pilots")
    assert list(df.columns) == ["place", "adcode", "title"]
    rows = query(store, "pilots")
    assert format_rows(rows, "csv").splitlines()[0] == "\ufeffplace,adcode,title"  # BOM: Excel reads UTF-8
    assert format_rows([], "table") == "(no rows)"
    long = [{"evidence": "将市环保局露天烧烤污染的行政处罚权划转到市城管执法局" * 3, "n": 1}]
    table = format_rows(long, "table")
    assert "…" in table and table.splitlines()[-1].startswith("(cells longer than 60 characters are cut")
    assert "cut" not in format_rows([{"evidence": "短", "n": 1}], "table")
    assert '"place"' in format_rows(rows, "json")


def test_query_saved_queries_give_no_duplicate_rows_on_a_corpus_of_copies(tmp_path):
    """The seeds and the development documents, each copied under other names: the graph
    conforms, a body named by many articles is described once, and no saved query repeats a row."""
    import shutil
    from pathlib import Path

    from kg.build import build
    from kg.query import _params, saved_queries

    root = Path(__file__).resolve().parent
    corpus = tmp_path / "corpus"
    for copy in ("a", "b"):
        folder = corpus / copy
        folder.mkdir(parents=True)
        for src in [*(root.parent / "seeds").glob("*.txt"), *(root / "gold" / "dev" / "docs").glob("*.txt")]:
            shutil.copy(src, folder / f"{copy}_{src.name}")
    result = build([corpus], tmp_path / "out", html=False)
    assert result.conforms, (tmp_path / "out" / "validation.txt").read_text(encoding="utf-8")[:2000]
    store = open_store(tmp_path / "out" / "store", read_only=True)
    described = query(
        store,
        "SELECT ?r (COUNT(?l) AS ?n) WHERE { ?r a <https://w3id.org/quanze/ontology#Agency> ; "
        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l } GROUP BY ?r HAVING (COUNT(?l) > 1)",
    )
    assert described == []
    values = {"matter": "烧烤", "act": "37号", "fact": "none"}
    for name, path in saved_queries().items():
        required, _optional = _params(path.read_text(encoding="utf-8"))
        rows = query(store, name, {k: values.get(k, "城") for k in required})
        keys = [tuple(sorted((k, str(v)) for k, v in r.items())) for r in rows]
        assert len(keys) == len(set(keys)), f"{name}: {len(keys) - len(set(keys))} repeated rows"


@pytest.mark.parametrize("asked,found", [("占道经营", "户外公共场所无照经营"), ("违法停车", "违法停放车辆")])
def test_query_a_matter_asked_in_other_words_is_found(seeds_build, asked, found):
    store = open_store(seeds_build.out / "store", read_only=True)
    rows = query(store, "holder_of_matter", {"matter": asked})
    assert rows and {r["matterLabel"] for r in rows} == {found}
    assert query(store, "matter_moves", {"matter": asked})


def test_query_xlsx_and_a_hint_when_a_matter_finds_nothing(seeds_build, tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    out = str(seeds_build.out)
    r = CliRunner().invoke(cli, ["query", "holder_of_matter", "--param", "matter=户外广告牌", "--out", out])
    assert r.exit_code == 0 and "(no rows)" in r.output and "matters named alike" in r.output
    assert "违规设置户外广告" in r.output
    r = CliRunner().invoke(
        cli, ["query", "transfers", "--out", out, "--format", "xlsx", "--to", str(tmp_path / "t.xlsx")]
    )
    assert r.exit_code == 0, r.output
    import pandas as pd

    assert len(pd.read_excel(tmp_path / "t.xlsx")) == seeds_build.facts["transfer"]
    r = CliRunner().invoke(cli, ["query", "transfers", "--out", out, "--format", "xlsx"])
    assert r.exit_code == 1 and "--to FILE.xlsx" in r.output
