"""The build's unit of work, one article: its part of the graph is made, validated and cached
on its own, and the graph assembled from the units is the graph of the whole corpus."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.graph import article_unit, to_rdf, validate_quads, validate_unit
from kg.pipeline import extract
from kg.ruleset import load_rules

RULES = load_rules()

ROOT = Path(__file__).resolve().parent.parent


def _quads(out: Path) -> set[str]:
    return {line for line in (out / "graph.nq").read_text(encoding="utf-8").splitlines() if line.strip()}


def test_units_same_graph_with_one_or_two_processes_and_incrementally(seeds_build, tmp_path, monkeypatch):
    import kg.pipeline

    monkeypatch.setattr(kg.pipeline, "PARALLEL_MIN_CHARS", 0)  # the seeds are few: make them go to processes
    whole = _quads(seeds_build.out)
    assert len(whole) == seeds_build.quads
    assert _quads(build([ROOT / "seeds"], tmp_path / "j2", html=False, jobs=2).out) == whole
    assert (tmp_path / "j2" / "facts.jsonl").read_bytes() == (seeds_build.out / "facts.jsonl").read_bytes()
    # incrementally: a build of some articles, then of all of them into the same folder
    part = tmp_path / "part"
    part.mkdir()
    for path in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        shutil.copy(path, part / path.name)
    build([part], tmp_path / "inc", html=False)
    again = build([ROOT / "seeds"], tmp_path / "inc", html=False)
    assert again.reused >= 2 and _quads(tmp_path / "inc") == whole
    for out in (seeds_build.out, tmp_path / "j2", tmp_path / "inc"):  # TriG assembled from blocks: the same graph
        trig = set(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG))
        assert trig == set(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS))


def test_units_the_graph_has_no_blank_nodes_and_loads_in_slices(seeds_build, tmp_path, monkeypatch):
    # the store is loaded in slices of N-Quads lines: that holds only if no blank node spans two slices
    import kg.store

    assert not any(term.startswith("_:") for q in _quads(seeds_build.out) for term in q.split(" "))
    monkeypatch.setattr(kg.store, "LOAD_CHUNK_LINES", 97)
    loader = kg.store.StoreLoader(tmp_path / "store")
    for line in (seeds_build.out / "graph.nq").read_bytes().splitlines(keepends=True):
        loader.write(line)
    assert loader.finish() == seeds_build.quads


def test_units_validated_one_by_one_agree_with_the_whole_graph(seeds_build):
    assert seeds_build.conforms
    assert validate_quads((seeds_build.out / "graph.nq").read_text(encoding="utf-8")).conforms


def test_units_a_broken_unit_is_reported_by_its_own_validation_and_by_the_whole_graphs():
    exs = extract([ROOT / "seeds" / "001_412e43ab7d67d126.txt"])
    unit = article_unit(exs[0], RULES)
    assert validate_unit(unit, RULES).conforms
    transfer = "<https://w3id.org/quanze/ontology#PowerTransfer>"
    line = next(q for q in unit.quads.splitlines() if q.split(" ")[2] == transfer)
    node, graph = line.split(" ")[0], line.split(" ")[-2]
    stray = f'{node} <https://w3id.org/quanze/ontology#receiver> "not a body" {graph} .\n'
    broken = type(unit)(**{**unit.__dict__, "quads": unit.quads + stray})
    assert validate_unit(broken, RULES).violations >= 1
    ds_quads = to_rdf(exs, RULES).serialize(format="nquads")
    assert not validate_quads(ds_quads + stray).conforms


def test_units_a_changed_article_remakes_only_its_own_unit(tmp_path, monkeypatch):
    import kg.graph

    src = tmp_path / "in"
    src.mkdir()
    for path in sorted((ROOT / "seeds").glob("*.txt"))[1:4]:
        shutil.copy(path, src / path.name)
    build([src], tmp_path / "out", html=False)
    made = []
    real = kg.graph.article_unit
    monkeypatch.setattr(kg.graph, "article_unit", lambda ex, rules: made.append(ex.document.id) or real(ex, rules))
    changed = sorted(src.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n确定某某县为试点县。", encoding="utf-8")
    build([src], tmp_path / "out", html=False, jobs=1)
    assert made == [changed.name]


def _store_quads(store_dir: Path) -> set:
    from kg.store import open_store

    return set(open_store(store_dir, read_only=True))


def test_units_a_rebuild_updates_the_previous_store_graph_by_graph(tmp_path, monkeypatch):
    import kg.store

    src = tmp_path / "in"
    shutil.copytree(ROOT / "seeds", src)
    out = tmp_path / "out"
    build([src], out, html=False)
    before = _store_quads(out / "store")
    files = sorted(src.glob("*.txt"))
    files[0].write_text(
        files[0].read_text(encoding="utf-8") + "\n补充一句:各区要在2030年底前完成整合。", encoding="utf-8"
    )
    files[1].unlink()
    loads = []
    monkeypatch.setattr(kg.store, "StoreLoader", lambda *a: loads.append(a) or 0)  # the whole load must not run
    failing = tmp_path / "failing"
    shutil.copytree(out, failing)
    import kg.build

    real = kg.build._report
    monkeypatch.setattr(kg.build, "_report", lambda *a: 1 / 0)  # fail after the store is made
    try:
        build([src], failing, html=False)
    except ZeroDivisionError:
        pass
    assert _store_quads(failing / "store") == before  # the previous store, its files linked, is untouched
    monkeypatch.setattr(kg.build, "_report", real)
    updated = build([src], out, html=False)
    assert not loads
    monkeypatch.undo()
    whole = build([src], tmp_path / "whole", html=False)
    assert _store_quads(out / "store") == _store_quads(tmp_path / "whole" / "store") != before
    assert updated.quads == whole.quads == len(_quads(out))


def _aged(folder: Path, seconds: float = 60) -> None:
    """Date the files ``seconds`` back, as files written well before a build are."""
    import os
    import time

    for path in folder.iterdir():
        os.utime(path, (time.time() - seconds, time.time() - seconds))


def test_units_a_file_unchanged_since_the_last_build_is_not_read_again(tmp_path, monkeypatch):
    import kg.pipeline

    src = tmp_path / "in"
    src.mkdir()
    for path in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        shutil.copy(path, src / path.name)
    _aged(src)
    first = build([src], tmp_path / "out", html=False)
    read = []
    real = kg.pipeline.read_source
    monkeypatch.setattr(kg.pipeline, "read_source", lambda p, data=None: read.append(p.name) or real(p, data))
    same = build([src], tmp_path / "out", html=False)
    assert read == [] and (same.articles, same.facts, same.quads) == (first.articles, first.facts, first.quads)
    changed = sorted(src.iterdir())[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n确定某某县为试点县。", encoding="utf-8")
    again = build([src], tmp_path / "out", html=False)
    assert read == [changed.name] and again.reused == again.articles - 1
    fresh = build([src], tmp_path / "fresh", html=False)
    assert _quads(tmp_path / "out") == _quads(tmp_path / "fresh")
    facts = (tmp_path / "out" / "facts.jsonl").read_bytes()
    assert facts == (tmp_path / "fresh" / "facts.jsonl").read_bytes() and fresh.facts == again.facts


def test_units_a_file_written_just_before_the_index_is_read_again(tmp_path, monkeypatch):
    """Size and time alone cannot tell a file rewritten within the same clock tick as the index
    (a racy entry, as git calls it): such a file is read again, the others are not."""
    import os

    import kg.pipeline

    src = tmp_path / "in"
    src.mkdir()
    for path in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        shutil.copy(path, src / path.name)
    _aged(src)
    fresh = sorted(src.iterdir())[0]
    os.utime(fresh)  # now: within the index's racy window
    build([src], tmp_path / "out", html=False)
    text = fresh.read_text(encoding="utf-8")
    stat = fresh.stat()
    fresh.write_text(text.replace("城市", "城邑", 1), encoding="utf-8")  # same size, same time
    os.utime(fresh, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    read = []
    real = kg.pipeline.read_source
    monkeypatch.setattr(kg.pipeline, "read_source", lambda p, data=None: read.append(p.name) or real(p, data))
    build([src], tmp_path / "out", html=False)
    assert read == [fresh.name]
    assert "城邑" in (tmp_path / "out" / "graph.nq").read_text(encoding="utf-8")


def test_units_an_article_added_that_links_a_cited_title_to_its_number_updates_the_citing_graph(tmp_path, monkeypatch):
    """An act cited by title in one article and by title and 文号 in a later one is one node: the
    first article's unit is reused, its citations follow the corpus, in graph.nq and in the store
    updated graph by graph."""
    import kg.build

    monkeypatch.setattr(kg.build, "_UPDATE_AT_MOST", 1.0)  # update the store even when all graphs changed
    title = "《关于深入推进城市执法体制改革改进城市管理工作的指导意见》"
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        f"某市实施方案\n根据{title}，将市环保局露天烧烤污染的行政处罚权划转到市城管执法局。", encoding="utf-8"
    )
    _aged(src)
    build([src], tmp_path / "out", html=False)
    (src / "b.txt").write_text(f"某省实施意见\n为贯彻{title}(中发〔2015〕37号)，制定本意见。", encoding="utf-8")
    again = build([src], tmp_path / "out", html=False)
    fresh = build([src], tmp_path / "fresh", html=False)
    assert again.reused == 1 and _quads(tmp_path / "out") == _quads(tmp_path / "fresh")
    assert _store_quads(tmp_path / "out" / "store") == _store_quads(tmp_path / "fresh" / "store")
    acts = {q.object for q in _store_quads(tmp_path / "out" / "store") if "references" in q.predicate.value}
    assert len(acts) == 1 and fresh.quads == again.quads


def test_units_a_rebuild_copies_the_unchanged_articles_parts_from_the_previous_outputs(tmp_path, monkeypatch):
    """graph.nq, graph.trig and facts.jsonl of a rebuild: the reused articles' chunks copied from the
    previous files by their spans (not one unit file each), the bytes those of a fresh build."""
    import kg.build

    src = tmp_path / "in"
    src.mkdir()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(path, src / path.name)
    build([src], tmp_path / "out", html=False, jobs=1)
    files = sorted(src.iterdir())
    files[2].write_text(files[2].read_text(encoding="utf-8") + "\n确定某某县为试点县。", encoding="utf-8")
    files[3].unlink()
    appended = []
    real = kg.build._append_file
    monkeypatch.setattr(kg.build, "_append_file", lambda path, out: appended.append(path) or real(path, out))
    again = build([src], tmp_path / "out", html=False, jobs=1)
    assert again.reused >= 2
    assert len(appended) <= 3  # the changed article's facts only: its unit is new, the rest spliced
    fresh = build([src], tmp_path / "fresh", html=False, jobs=1)
    for name in ("graph.nq", "graph.trig", "facts.jsonl"):
        assert (tmp_path / "out" / name).read_bytes() == (fresh.out / name).read_bytes(), name
    # a previous output that is not what its spans describe is not copied from
    with open(tmp_path / "out" / "graph.nq", "ab") as handle:
        handle.write(b"\n")
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\n确定某某市为试点市。", encoding="utf-8")
    build([src], tmp_path / "out", html=False, jobs=1)
    build([src], tmp_path / "fresh", html=False, jobs=1)
    assert (tmp_path / "out" / "graph.nq").read_bytes() == (tmp_path / "fresh" / "graph.nq").read_bytes()


def test_units_a_rebuild_reads_the_cache_in_place_and_keeps_only_what_it_uses(tmp_path):
    """The cache is moved into the new build, not linked entry by entry: after a change and a
    removal it holds exactly the entries a fresh build's cache holds; a build that fails gives it
    back whole."""
    from kg.errors import InputError

    src = tmp_path / "in"
    src.mkdir()
    for path in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        shutil.copy(path, src / path.name)
    out = tmp_path / "out"
    build([src], out, html=False, jobs=1)
    first = sorted(p.name for p in (out / "cache").iterdir())
    files = sorted(src.iterdir())
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\n确定某某区为试点区。", encoding="utf-8")
    files[1].unlink()
    (out / "cache" / "left.by.a.killed.build.nq.part").write_text("<a", encoding="utf-8")
    again = build([src], out, html=False, jobs=1)
    assert 0 < again.reused < again.articles
    fresh = build([src], tmp_path / "fresh", html=False, jobs=1)
    kept = sorted(p.name for p in (out / "cache").iterdir())
    assert kept == sorted(p.name for p in (fresh.out / "cache").iterdir())
    assert kept != first and any(name.endswith(".nq") for name in kept)
    # a failed build (nothing readable) leaves the previous build and its cache as they were
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "x.txt").write_bytes(b"")
    with pytest.raises(InputError):
        build([empty], out, html=False, jobs=1)
    assert sorted(p.name for p in (out / "cache").iterdir()) == kept
    assert build([src], out, html=False, jobs=1).reused == again.articles


def test_units_an_unchanged_files_summaries_come_from_the_file_index(tmp_path, monkeypatch):
    """A rebuild takes the summaries of the articles of files it does not read again from
    files.json, not from each article's summary file in the cache."""
    import json

    from kg.cache import ExtractionCache

    src = tmp_path / "in"
    src.mkdir()
    for path in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        shutil.copy(path, src / path.name)
        os.utime(src / path.name, (1_700_000_000, 1_700_000_000))  # not within the index's racy window
    out = tmp_path / "out"
    build([src], out, html=False, jobs=1)
    files = sorted(src.iterdir())
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\n确定某某旗为试点旗。", encoding="utf-8")
    index = json.loads((out / "files.json").read_text(encoding="utf-8"))
    unchanged = {n for key, (_, _, names) in index["files"].items() if not key.endswith(files[0].name) for n in names}
    assert unchanged and unchanged <= set(index["summaries"])
    loaded = []
    real = ExtractionCache._load
    monkeypatch.setattr(ExtractionCache, "_load", lambda self, name: loaded.append(name) or real(self, name))
    again = build([src], out, html=False, jobs=1)
    assert again.reused >= len(unchanged)
    assert not {name.removesuffix(".sum.json") for name in loaded} & unchanged
