from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def test_cli_extract_prints_gold_schema_records(fixtures_dir):
    r = CliRunner().invoke(cli, ["extract", str(fixtures_dir / "jilin_plan.txt"), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    records = [json.loads(line) for line in r.output.splitlines()]
    kinds = {x["kind"] for x in records}
    assert {"document", "transfer", "agency", "jurisdiction", "pilot", "deadline", "lead", "body_established"} <= kinds
    assert all(x["doc"] == "jilin_plan.txt" and x["evidence"] for x in records)


def test_cli_bad_files_one_line_error_others_still_built(tmp_path, fixtures_dir):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "good.txt").write_text((fixtures_dir / "jilin_plan.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["build", str(tmp_path), "--out", str(out), "--no-html"])
    assert r.exit_code == 1
    errors = [line for line in r.output.splitlines() if line.startswith("error:")]
    assert (
        len(errors) == 2 and any("empty.txt: empty file" in e for e in errors) and any("bin.txt" in e for e in errors)
    )
    assert (out / "graph.trig").is_file() and (out / "store").is_dir()


def test_cli_failed_build_leaves_previous_out_intact(tmp_path, fixtures_dir):
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["build", str(fixtures_dir / "jilin_plan.txt"), "--out", str(out), "--no-html"])
    assert r.exit_code == 0, r.output
    before = (out / "graph.trig").read_bytes()
    (tmp_path / "only_bad.txt").write_bytes(b"")
    r = CliRunner().invoke(cli, ["build", str(tmp_path / "only_bad.txt"), "--out", str(out)])
    assert r.exit_code == 1 and "no readable document" in r.output
    assert (out / "graph.trig").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out-")]


def test_cli_query_and_errors(fixture_build):
    out = str(fixture_build.out)
    runner = CliRunner()
    r = runner.invoke(cli, ["query", "pilots", "--out", out, "--format", "csv"])
    assert r.exit_code == 0 and "长春市" in r.output
    r = runner.invoke(cli, ["query", "SELECT ?x WHERE {", "--out", out])
    assert r.exit_code == 1 and "invalid SPARQL" in r.output and len(r.output.strip().splitlines()) == 1
    r = runner.invoke(cli, ["query", "holder_of_matter", "--out", out])
    assert r.exit_code == 1 and "missing parameter 'matter'" in r.output
    r = runner.invoke(cli, ["query", "pilots", "--out", str(Path(out) / "nope")])
    assert r.exit_code == 1 and "run 'kg build' first" in r.output


def test_cli_stats_viz_validate(fixture_build, tmp_path):
    out = str(fixture_build.out)
    runner = CliRunner()
    r = runner.invoke(cli, ["stats", "--out", out])
    assert r.exit_code == 0 and "top receivers" in r.output
    r = runner.invoke(cli, ["viz", "--out", out, "--html", str(tmp_path / "v.html")])
    assert r.exit_code == 0 and (tmp_path / "v.html").is_file()
    r = runner.invoke(cli, ["validate", "--out", out])
    assert r.exit_code == 0 and "Conforms: True" in r.output


def test_cli_eval_scores(tmp_path, fixtures_dir):
    r = CliRunner().invoke(cli, ["extract", str(fixtures_dir / "lanshan_gbk.txt")])
    pred = tmp_path / "pred.jsonl"
    pred.write_text(r.output, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "doc": "lanshan_gbk.txt",
                "kind": "transfer",
                "matter": "建筑施工噪声污染",
                "target_sector": "城市管理",
                "source_sector": "环境保护",
                "power": "行政处罚权",
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    r = CliRunner().invoke(cli, ["eval", str(gold), str(pred)])
    assert r.exit_code == 0
    assert re.search(r"^transfer\s+1\.000\s+1\.000\s+1\.000", r.output, re.M)


def test_cli_every_command_has_help_with_example_and_is_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert "Example:" in (command.help or ""), name
        assert f"kg {name}" in readme, f"README does not show 'kg {name}'"


def test_cli_build_is_incremental(tmp_path, fixtures_dir):
    from kg.build import build

    src = tmp_path / "in"
    src.mkdir()
    for name in ("jilin_plan.txt", "regulation_articles.txt"):
        (src / name).write_text((fixtures_dir / name).read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    first = build([src], out, html=False)
    quads = sorted((out / "graph.nq").read_text(encoding="utf-8").splitlines())
    second = build([src], out, html=False)
    assert (first.reused, second.reused) == (0, 2)
    assert sorted((out / "graph.nq").read_text(encoding="utf-8").splitlines()) == quads
    (src / "jilin_plan.txt").write_text(
        (fixtures_dir / "jilin_plan.txt").read_text(encoding="utf-8") + "\n确定四平市为试点城市。", encoding="utf-8"
    )
    third = build([src], out, html=False)
    assert third.reused == 1 and third.facts["pilot"] == first.facts["pilot"] + 1


def test_cli_unchanged_rebuild_keeps_the_outputs_and_any_change_rebuilds(tmp_path, fixtures_dir, monkeypatch):
    """Same articles, code, rules, ontology and options: the previous outputs are kept as they are
    (nothing recomputed); a changed article or option builds again."""
    import kg.graph
    from kg.build import build

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text((fixtures_dir / "jilin_plan.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    first = build([src], out, html=False)
    trig = (out / "graph.trig").read_bytes()

    def must_not_run(*a, **k):
        raise AssertionError("an unchanged build recomputed the graph")

    monkeypatch.setattr(kg.graph.SharedGraph, "quads", must_not_run)  # every real build assembles the graph
    second = build([src], out, html=False)
    assert (second.facts, second.quads, second.conforms) == (first.facts, first.quads, first.conforms)
    assert (out / "graph.trig").read_bytes() == trig and (out / "store").is_dir()
    with pytest.raises(AssertionError, match="recomputed"):
        build([src], out, html=True)  # another option: a real build
    monkeypatch.undo()
    (src / "a.txt").write_text(
        (src / "a.txt").read_text(encoding="utf-8") + "\n确定四平市为试点城市。", encoding="utf-8"
    )
    third = build([src], out, html=False)
    assert third.facts["pilot"] == first.facts["pilot"] + 1


def test_cli_build_says_how_many_articles_it_extracted_and_reused(tmp_path, fixtures_dir):
    out = str(tmp_path / "out")
    args = ["build", str(fixtures_dir / "jilin_plan.txt"), "--out", out, "--no-html"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0 and "1 extracted, 0 unchanged and reused from the cache" in first.output
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0 and "0 extracted, 1 unchanged and reused from the cache" in again.output


def _with_sector(edit_rules, sector: str, core: str) -> Path:
    """A copy of the shipped rules whose agency lexicon has one more sector core."""
    import yaml

    from kg.ruleset import default_rules_dir

    data = yaml.safe_load((default_rules_dir() / "agencies.yaml").read_text(encoding="utf-8"))
    data["sectors"][sector] = [core]
    return edit_rules("agencies.yaml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def test_cli_rules_folder_is_what_extraction_and_the_build_read(tmp_path, edit_rules):
    # a domain expert adds a kind of body in a copy of kg/rules, no Python touched: --rules reads it
    folder = _with_sector(edit_rules, "星象", "观星")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("某县实施方案\n将县观星局夜间照明的行政处罚权划入县综合执法局。", encoding="utf-8")

    def agencies(args) -> set:
        r = CliRunner().invoke(cli, ["extract", str(src), *args])
        assert r.exit_code == 0, r.output
        return {x["name"] for x in map(json.loads, r.output.splitlines()) if x["kind"] == "agency"}

    assert "县观星局" not in agencies([])
    assert "县观星局" in agencies(["--rules", str(folder)])
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["build", str(src), "--out", str(out), "--no-html", "-j", "1"]).exit_code == 0
    # the same text under other rules is extracted again, not taken from the cache of the shipped ones
    r = CliRunner().invoke(cli, ["build", str(src), "--out", str(out), "--no-html", "-j", "1", "--rules", str(folder)])
    assert r.exit_code == 0, r.output
    assert "1 extracted, 0 unchanged" in r.output
    names = [json.loads(line).get("name") for line in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert "县观星局" in names


def test_cli_a_broken_rules_folder_is_one_line_naming_the_file(tmp_path, edit_rules):
    folder = edit_rules("frames.yaml", "version: 1\nrules: [\n")
    r = CliRunner().invoke(cli, ["extract", str(ROOT / "seeds"), "--rules", str(folder)])
    assert r.exit_code == 1
    assert (
        r.output.strip()
        == f"Error: {folder / 'frames.yaml'}: cannot read rules: did not find expected node content (line 3, column 1)"
    )
