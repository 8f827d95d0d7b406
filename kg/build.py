"""The main job: files → facts → RDF → validated, stored, drawn and reported in ``out/``.

Everything is written into a temporary folder beside ``out/`` and swapped in at the end, so a
failed or interrupted build leaves the previous ``out/`` intact.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from kg.ruleset import Rules, load_rules

__all__ = ["BuildResult", "build"]


@dataclass
class BuildResult:
    out: Path
    articles: int
    facts: Counter
    quads: int
    conforms: bool
    violations: int
    errors: list[str] = field(default_factory=list)
    reused: int = 0  # articles whose facts came from the previous build (content and rules unchanged)


def build(
    paths: Iterable[str | Path],
    out: str | Path = "out",
    *,
    formats: tuple[str, ...] = ("trig", "nquads"),
    progress: Callable[[Iterable], Iterable] | None = None,
    html: bool = True,
    jobs: int = 1,
    scheduler: str | None = None,
    rules: Rules | None = None,
) -> BuildResult:
    """Build the knowledge graph of ``paths`` into ``out`` by ``rules`` (``kg.ruleset.load_rules``;
    the shipped ones by default).

    Writes ``graph.trig`` and ``graph.nq`` (plus ``graph.ttl``/``graph.jsonld`` when asked),
    ``facts.jsonl``, the embedded store ``store/``, ``graph.html``, ``validation.txt``,
    ``report.md`` and ``cache/``. Unreadable files are reported in ``errors``; the others are
    still built. Builds are incremental: an article whose text, and Quanze's rules and code, are
    unchanged since the build in ``out`` is not extracted again (``BuildResult.reused``). With
    ``jobs`` above 1 each article's work (extraction, then its part of the graph) is spread over
    that many processes; with ``scheduler`` (a Dask scheduler's address) over that cluster.

    Raises:
        InputError: no readable document at all.
    """
    from kg.errors import OutputError
    from kg.outdir import borrowed, build_folder

    out = Path(out)
    paths = list(paths)
    errors: list[str] = []
    rules = rules if rules is not None else load_rules()
    with build_folder(out, paths) as tmp, borrowed(out, tmp, "cache"):
        try:
            return _build_into(
                tmp,
                out,
                paths,
                errors,
                formats=formats,
                progress=progress,
                html=html,
                jobs=jobs,
                scheduler=scheduler,
                rules=rules,
            )
        except OSError as e:
            raise OutputError(f"{e.filename or out}: cannot write the build ({e.strerror or e})") from None


def _build_into(
    tmp: Path, out: Path, paths: list, errors: list[str], *, formats, progress, html, jobs, scheduler, rules: Rules
) -> BuildResult:
    from kg.cache import ExtractionCache, FileIndex, UnitCache, prune
    from kg.errors import InputError
    from kg.graph import report_text, shared_trig, validate_quads
    from kg.outdir import swap_in
    from kg.pipeline import Workers
    from kg.store import StoreLoader, open_store, store_dataset

    cache = ExtractionCache(tmp / "cache")  # the previous build's, moved in (``borrowed``)
    units = UnitCache(tmp / "cache")
    index = FileIndex(rules)
    # no store to update: the new one is loaded as the articles' units come, beside the extraction
    loaded = _Loaded(None if _previous_graphs(out) is not None else StoreLoader(tmp / "store"))
    with Workers(jobs, scheduler, rules) as workers, loaded:
        previous = FileIndex.read(out / _INDEX_FILE, rules)
        articles = _articles(paths, previous, index, (cache, units, loaded), workers, errors, progress)
        if not articles:
            raise InputError(f"no article could be extracted: {errors[0]}")
        key = _build_key(articles, errors, formats, html, rules)
        same = _unchanged_build(out, key)
        if same is not None:  # the same articles, code, rules, ontology and options: the same outputs
            return _keep_previous(out, tmp, same, errors, index)
        old_spans = _previous_spans(out)
        reports, shared_graph, graphs, loader, spans = _graph_units(
            articles, (cache, units), loaded, old_spans, out, tmp, workers, errors, progress
        )
    shared = shared_graph.quads()
    with open(tmp / "graph.nq", "ab") as handle:
        handle.write(shared.encode("utf-8"))
    with open(tmp / "graph.trig", "a", encoding="utf-8") as handle:
        handle.write(shared_trig(shared))
    report = report_text([*reports, validate_quads(shared)])
    quads = _store(out, tmp, graphs, shared, loader)
    del shared, shared_graph
    store = open_store(tmp / "store", read_only=True)
    ds = store_dataset(store)
    ext = {"turtle": "ttl", "json-ld": "jsonld"}
    for fmt in formats:
        if fmt in ext:
            ds.serialize(destination=str(tmp / f"graph.{ext[fmt]}"), format=fmt, encoding="utf-8")
    # each article's lines, as the cache keeps them (a reused article's from the previous facts.jsonl)
    with _Spliced(tmp / "facts.jsonl", out / "facts.jsonl", old_spans.get("facts")) as handle:
        for a in articles:
            if not handle.reuse(a.cache):
                handle.append_file(cache.facts_file(a.cache), a.cache)
    spans["facts"] = handle.saved()
    for name, file in (("nq", "graph.nq"), ("trig", "graph.trig")):  # the shared graph is after the chunks
        spans[name]["size"] = (tmp / file).stat().st_size
    (tmp / "validation.txt").write_text(report.text, encoding="utf-8")
    # the same text in two files is one document, one graph: its facts are counted once, as the
    # graph (and so `kg stats`, the report and the saved queries) holds them once
    distinct = {a.sha1: a for a in articles}.values()
    counts = sum((Counter(a.counts) for a in distinct), Counter())
    if html:
        from kg.analyse import to_view_graph
        from kg.visualise import write_html

        G = to_view_graph(ds)
        if G.number_of_nodes():
            write_html(G, tmp / "graph.html")
    result = BuildResult(out, len(articles), counts, quads, report.conforms, report.violations, errors, cache.reused)
    (tmp / "report.md").write_text(_report(result, articles, store), encoding="utf-8")
    del ds, store
    summary = {"articles": result.articles, "facts": dict(counts), "quads": quads}
    summary |= {"conforms": report.conforms, "violations": report.violations}
    build_json = {"key": key, "result": summary, "graphs": graphs, "spans": spans}
    (tmp / _KEY_FILE).write_text(json.dumps(build_json), encoding="utf-8")
    index.write(tmp / _INDEX_FILE)
    prune(cache.folder, _cache_entries(articles, graphs))
    swap_in(tmp, out)
    return result


def _cache_entries(articles, graphs: dict[str, list[str]]) -> set[str]:
    """The names of the cache entries a build uses: its articles' extractions, their units and
    citations."""
    return {a.cache for a in articles} | {key for keys in graphs.values() for key in keys}


def _articles(paths, previous, index, caches, workers, errors: list[str], progress) -> list:
    """Every article under ``paths``, in order, as an ``ArticleSummary``: a file the ``previous``
    index saw as it is now is not read again (its articles' summaries come from the cache); the
    other files are read, normalized and their articles extracted by ``workers`` (an article whose
    extraction is cached is not extracted again), each result written to the cache and dropped.
    ``index`` is filled for the next build. Only the summaries are held, never the extractions;
    a part of the graph made with an extraction goes to the unit cache."""
    from kg.errors import InputError
    from kg.load import iter_paths
    from kg.pipeline import FileJob, no_input, read_and_extract

    cache, units, loaded = caches
    known = previous.summaries  # the previous build's summaries of the articles of the files it read
    slots: list = []  # per file: its articles' summaries, or the job that reads it
    jobs: list[tuple[int, FileJob, os.stat_result]] = []
    for path in iter_paths(paths):
        try:
            stat = path.stat()
        except OSError as e:
            errors.append(f"{path}: cannot read ({e.strerror or e})")
            continue
        names = previous.unchanged(path, stat)
        summaries = [cache.summary(n, known.get(n)) for n in names] if names is not None else [None]
        if all(summary is not None for summary in summaries):
            slots.append(summaries)
            index.add(path, stat, names, summaries)
            continue
        jobs.append((len(slots), FileJob(path, cache.folder), stat))
        slots.append([])
    size = (len(jobs), sum(stat.st_size for _, _, stat in jobs) // 3)  # about three bytes a character
    with _bar(progress, len(jobs)) as tick:  # the files to read
        # a cluster's workers may not see the files: they get their bytes, read as the work goes
        sent = (job.with_data() if workers.scheduler else job for _, job, _ in jobs)
        done = workers.map(partial(read_and_extract, rules=workers.rules), sent, errors, tick, size=size)
        for (at, job, stat), result in zip(jobs, done):
            if result is None:  # a defect, reported in ``errors``
                continue
            errors.extend(result.errors)
            if result.unreadable:
                continue
            for got in result.articles:
                if isinstance(got, str):  # extracted before: the previous build's cache has it
                    summary = cache.summary(got, known.get(got))
                    summary = summary or _extract_again(job, got, cache, errors, workers.rules)
                else:
                    cache.put(got)
                    if got.unit is not None:
                        units.put(*got.unit)
                        loaded.add(got.unit[0], got.unit[1].quads)
                    summary = got.summary
                slots[at].append(summary)
            index.add(job.path, stat, [a if isinstance(a, str) else a.name for a in result.articles], slots[at])
    articles = [a for found in slots for a in found if a is not None]
    if not articles and not any(r for r in slots):
        raise InputError(f"no readable document among the inputs: {errors[0]}") if errors else no_input(paths)
    return articles


def _extract_again(job, name: str, cache, errors: list[str], rules: Rules):
    """The article cached as ``name`` that the cache could not give back after all: its file read
    and extracted here."""
    from dataclasses import replace

    from kg.pipeline import read_and_extract

    result = read_and_extract(replace(job, cached=None), rules)
    got = next((a for a in result.articles if not isinstance(a, str) and a.name == name), None)
    if got is None:
        errors.extend(result.errors)
        return None
    cache.put(got)
    return got.summary


def _keep_previous(out: Path, tmp: Path, same: dict, errors: list[str], index) -> BuildResult:
    """The previous build's outputs, kept as they are (hard links: its files are never written again)."""
    from kg.cache import link_or_copy
    from kg.outdir import swap_in

    for entry in out.iterdir():
        if entry.name.startswith(".") or entry.name == _INDEX_FILE or (tmp / entry.name).exists():
            continue  # (the cache is in the new build already: ``borrowed``)
        if entry.is_dir():
            shutil.copytree(entry, tmp / entry.name, copy_function=link_or_copy)
        else:
            link_or_copy(entry, tmp / entry.name)
    index.write(tmp / _INDEX_FILE)
    facts = Counter(same["facts"])
    result = BuildResult(
        out, same["articles"], facts, same["quads"], same["conforms"], same["violations"], errors, same["articles"]
    )
    swap_in(tmp, out)
    return result


_KEY_FILE = "build.json"
_INDEX_FILE = "files.json"  # the input files as this build read them (kg.cache.FileIndex)


def _previous_graphs(out: Path) -> dict | None:
    """The previous build's named graphs and their units' keys, when its store is there to update."""
    try:
        previous = json.loads((out / _KEY_FILE).read_text(encoding="utf-8")).get("graphs")
    except (OSError, ValueError):
        return None
    return previous if isinstance(previous, dict) and (out / "store").is_dir() else None


def _changed(previous: dict, graphs: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """The named graphs whose units differ from the previous build's, and those gone."""
    changed = [g for g, keys in graphs.items() if sorted(previous.get(g) or []) != sorted(keys)]
    return changed, [g for g in previous if g not in graphs]


def _store(out: Path, tmp: Path, graphs: dict[str, list[str]], shared: str, loader) -> int:
    """The build's store: loaded whole as the graph was written (``loader``, a ``StoreLoader``),
    or the previous build's with the named graphs whose units changed (and the shared graph)
    replaced and those of articles gone dropped. Returns the number of quads."""
    from kg.store import update_store

    if loader is not None:
        loader.write(shared.encode("utf-8"))
        return loader.finish()
    changed, gone = _changed(_previous_graphs(out) or {}, graphs)
    add = [tmp / "cache" / f"{k}.nq" for g in changed for k in graphs[g]]
    return update_store(out / "store", tmp / "store", [*changed, *gone], add, shared)


# the share of named graphs changed above which loading the store whole is quicker than updating it
_UPDATE_AT_MOST = 0.3


class _Loaded:
    """The store loader (a ``StoreLoader``, or None: the previous store is updated instead) and
    the units it has been given, so that none is loaded twice; a build that fails stops it."""

    def __init__(self, loader) -> None:
        self.loader = loader
        self.keys: set[str] = set()

    def add(self, key: str | None, quads: str | bytes) -> None:
        """Load a unit's (or, with no key, other) N-Quads, once."""
        if self.loader is None or key in self.keys:
            return
        if key is not None:
            self.keys.add(key)
        self.loader.write(quads.encode("utf-8") if isinstance(quads, str) else quads)

    def __enter__(self) -> _Loaded:
        return self

    def __exit__(self, kind, *exc) -> None:
        if kind is not None and self.loader is not None:
            self.loader.abort()


class _bar:
    """A progress bar (``progress`` wraps an iterable, e.g. tqdm) over ``items`` things, ticked
    by calling it; none without ``progress``."""

    def __init__(self, progress, items) -> None:
        self.progress, self.items = progress, items
        self._bar = None
        self._ticks = iter(())

    def __enter__(self):
        if self.progress is not None:
            self._bar = self.progress(range(self.items))
            self._ticks = iter(self._bar)
        return self

    def __exit__(self, *exc) -> None:
        if hasattr(self._bar, "close"):
            self._bar.close()

    def __call__(self) -> None:
        next(self._ticks, None)


def _graph_units(articles, caches, loaded, old_spans: dict, out: Path, tmp: Path, workers, errors: list[str], progress):
    """Each article's part of the graph, reused from the previous build where its text, the code
    and the acts it cites are unchanged, else made by ``workers`` from its cached extraction
    (read one by one as the work goes); their named graphs are written to ``tmp/graph.nq`` as
    they come, so the graph is never held whole in memory.

    When more than ``_UPDATE_AT_MOST`` of the named graphs changed since the previous build (or
    there is none), the store is loaded whole as the graph is written, by a ``StoreLoader``
    (``loaded``'s, started with the extraction when there was no previous build).

    Returns each unit's validation, the shared graph gathered from the units (which are not kept),
    each named graph's units by cache key (their N-Quads are in ``tmp/cache/KEY.nq``), the
    loader (None: the previous store is to be updated graph by graph) and where graph.nq and
    graph.trig hold each article's part (``_Spliced``).
    """
    from kg.graph import Acts, citations
    from kg.ns import graph_iri
    from kg.store import StoreLoader

    cache = caches[1]
    acts = Acts([a.record for a in articles])
    keys = [cache.key(a.id, a.sha1, workers.rules) for a in articles]
    cited = [citations(a.sha1, a.record, acts) for a in articles]
    expected: dict[str, list[str]] = {}
    for a, key, c in zip(articles, keys, cited):
        expected.setdefault(str(graph_iri(a.sha1)), []).extend([key, *_cite_key(c)])
    previous = _previous_graphs(out)
    if loaded.loader is None and previous is not None:
        if sum(map(len, _changed(previous, expected))) > len(expected) * _UPDATE_AT_MOST:
            loaded = _Loaded(StoreLoader(tmp / "store"))
    with loaded:
        reports, shared, graphs, spans = _write_units(
            articles, keys, cited, caches, (out, old_spans), tmp, workers, errors, progress, loaded
        )
    return reports, shared, graphs, loaded.loader, spans


def _append_file(path: Path, out) -> int:
    """Append the file at ``path`` to the open binary file ``out``; returns its size."""
    with open(path, "rb") as chunk:
        size = os.fstat(chunk.fileno()).st_size
        _copy_range(chunk, out, 0, size)
    return size


def _copy_range(source, out, at: int, size: int) -> None:
    """Append ``size`` bytes of the open binary file ``source`` from offset ``at`` to the open binary
    file ``out``: in the kernel where the system can (copy_file_range, no bytes through Python), the
    rest through a buffer."""
    out.flush()  # the kernel writes at the file's offset: what is buffered goes first
    done = 0
    if hasattr(os, "copy_file_range"):
        try:
            while done < size:
                n = os.copy_file_range(source.fileno(), out.fileno(), size - done, at + done)
                if n == 0:
                    break
                done += n
        except OSError:  # a file system or kernel without it
            pass
    source.seek(at + done)
    left = size - done
    while left:
        block = source.read(min(left, 1 << 20))
        if not block:
            raise OSError(f"{source.name}: shorter than expected ({size} bytes from {at})")
        out.write(block)
        left -= len(block)


class _Spliced:
    """An output assembled from per-article chunks (graph.nq, graph.trig, facts.jsonl) that copies
    the chunks of reused articles from the previous build's same file by their spans there, a run of
    neighbouring chunks in one kernel copy, instead of from each unit's file: a rebuild after a
    few changes copies a few long ranges, not one file an article. ``spans`` (chunk key → offset,
    length) are the new file's, kept in build.json for the next build."""

    def __init__(self, path: Path, previous: Path, spans: dict | None, head: bytes = b"") -> None:
        self.file = open(path, "wb")  # noqa: SIM115 (closed by __exit__)
        old = spans or {}
        try:  # the previous file must be the one its spans describe
            same = previous.stat().st_size == old.get("size")
            self.previous = open(previous, "rb") if same else None  # noqa: SIM115
        except OSError:
            self.previous = None
        self.old: dict = old.get("chunks", {}) if self.previous else {}
        self.spans: dict[str, list[int]] = {}
        self.run: list[int] | None = None  # a range of the previous file still to copy: [offset, length]
        self.pos = 0
        self.write(head)

    def __enter__(self) -> _Spliced:
        return self

    def __exit__(self, *exc) -> None:
        self._flush()
        self.file.close()
        if self.previous:
            self.previous.close()

    def reuse(self, key: str) -> bool:
        """Copy the chunk ``key`` from the previous file, if it held it; False if not."""
        span = self.old.get(key)
        if span is None:
            return False
        at, size = span
        if self.run and self.run[0] + self.run[1] == at:
            self.run[1] += size
        else:
            self._flush()
            self.run = [at, size]
        self.spans[key] = [self.pos, size]
        self.pos += size
        return True

    def write(self, data: bytes, key: str | None = None, start: int | None = None) -> None:
        """Append ``data``; with ``key``, the chunk ``key`` ends here (it began at ``start``, else here)."""
        self._flush()
        begin = self.pos if start is None else start
        self.file.write(data)
        self.pos += len(data)
        if key is not None:
            self.spans[key] = [begin, self.pos - begin]

    def append_file(self, path: Path, key: str | None = None) -> None:
        """Append the file at ``path``; with ``key``, it is the whole chunk ``key``."""
        self._flush()
        begin = self.pos
        self.pos += _append_file(path, self.file)
        if key is not None:
            self.spans[key] = [begin, self.pos - begin]

    def saved(self) -> dict:
        """The spans for build.json."""
        return {"size": self.pos, "chunks": self.spans}

    def _flush(self) -> None:
        if self.run:
            at, size = self.run
            self.run = None
            _copy_range(self.previous, self.file, at, size)


def _cite_key(c) -> list[str]:
    """The name under which an article's ``Citations`` are kept beside its unit (none if it cites nothing)."""
    import hashlib

    return ["cite-" + hashlib.sha1(c.quads.encode("utf-8")).hexdigest()[:24]] if c.quads else []


def _write_units(
    articles, keys, cited, caches, previous: tuple[Path, dict], tmp: Path, workers, errors, progress, loaded
):
    """The units of ``_graph_units``, reused or made, and each article's citations (``cited``),
    written to graph.nq and graph.trig in the articles' order (reused chunks copied from the
    ``previous`` build's folder by its outputs' spans), and to the store loader (``loaded``)."""
    from kg.cache import CachedExtraction
    from kg.graph import SharedGraph, checked_cached_unit, trig_prefixes
    from kg.pipeline import Workers

    extractions, cache = caches
    todo = [a for a, k in zip(articles, keys) if not cache.has(k)]
    run = partial(checked_cached_unit, rules=workers.rules)

    def cached(a) -> CachedExtraction:
        return CachedExtraction(a.id, extractions.text(a.cache))

    size = (len(todo), sum(a.chars for a in todo))
    repeated = {g for g, n in Counter(a.sha1 for a in articles).items() if n > 1}
    seen: dict[str, set[str]] = {}  # lines written of a graph that two files share (the same text)
    reports, shared, graphs = [], SharedGraph(workers.rules), {}
    out, old = previous  # the previous build's folder and its outputs' spans
    with (
        _bar(progress, len(todo)) as tick,
        _Spliced(tmp / "graph.nq", out / "graph.nq", old.get("nq")) as nq,
        _Spliced(tmp / "graph.trig", out / "graph.trig", old.get("trig"), trig_prefixes().encode("utf-8")) as trig,
    ):
        made = workers.map(run, map(cached, todo), errors, tick, size=size)
        for a, key, c in zip(articles, keys, cited):
            quads_file = None
            if cache.has(key):  # made with the extraction, or reused; made here if its files are unreadable
                got = cache.get(key)
                if got is not None:
                    unit, report, quads_file = got
                else:
                    got = next(Workers().map(run, [cached(a)], errors))
            else:
                got = next(made)
            if got is None:  # the unit failed: its error is in ``errors``
                continue
            if quads_file is None:
                unit, report = got
            cache.put(key, unit, report)
            loaded.add(None, c.quads)
            chunk = "|".join([key, *_cite_key(c)])  # what the article's part of graph.nq and graph.trig is made of
            begin_nq, begin_trig = nq.pos, trig.pos
            if quads_file is not None and loaded.loader is None and a.sha1 not in repeated:
                # a reused unit's N-Quads as they are, copied by the kernel: from the previous graph.nq
                # where it held them, else from the unit's file
                if not nq.reuse(chunk):
                    nq.append_file(quads_file)
                    nq.write(c.quads.encode("utf-8"), chunk, begin_nq)
            else:
                data = quads_file.read_bytes() if quads_file else unit.quads.encode("utf-8")
                loaded.add(key, data)
                if a.sha1 in repeated:  # the same text in two files: one graph, its lines once
                    lines = seen.setdefault(unit.graph, set())
                    new = [q for q in (data.decode("utf-8") + c.quads).splitlines(keepends=True) if q not in lines]
                    nq.write("".join(new).encode("utf-8"))
                    lines.update(new)
                else:
                    nq.write(data + c.quads.encode("utf-8"), chunk)
            # a graph's TriG block and its citations' (written twice for a text two files hold: one union)
            if quads_file is None:
                trig.write(unit.trig.encode("utf-8") + c.trig.encode("utf-8"), chunk)
            elif not trig.reuse(chunk):
                trig.append_file(quads_file.with_suffix(".trig"))
                trig.write(c.trig.encode("utf-8"), chunk, begin_trig)
            for name in _cite_key(c):  # kept for a later build that updates the store graph by graph
                cache.put_quads(name, c.quads)
            reports.append(report)
            shared.add(unit)
            shared.add_lines(c.shared)
            graphs.setdefault(unit.graph, []).extend([key, *_cite_key(c)])
    return reports, shared, graphs, {"nq": nq.saved(), "trig": trig.saved()}


def _previous_spans(out: Path) -> dict:
    """Where the previous build's graph.nq, graph.trig and facts.jsonl hold each chunk (``_Spliced``)."""
    try:
        spans = json.loads((out / _KEY_FILE).read_text(encoding="utf-8")).get("spans")
    except (OSError, ValueError):
        return {}
    return spans if isinstance(spans, dict) else {}


def _build_key(articles, errors: list[str], formats, html: bool, rules: Rules) -> str:
    """What decides a build's outputs: each article's id and text, the unreadable files, Quanze's
    code and rules, the ontology, shapes and saved queries, and the options."""
    import hashlib

    from kg.cache import fingerprint
    from kg.resources import ontology_dir

    h = hashlib.sha1(fingerprint(rules).encode())
    for path in sorted(ontology_dir().rglob("*")):
        if path.is_file():
            h.update(path.name.encode() + path.read_bytes())
    for a in articles:
        h.update(f"\x1e{a.id}\x1f{a.sha1}".encode())
    h.update(json.dumps([sorted(errors), sorted(formats), html]).encode())
    return h.hexdigest()


def _unchanged_build(out: Path, key: str) -> dict | None:
    """The previous build's summary when it was made from exactly this input (same key)."""
    try:
        data = json.loads((out / _KEY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    complete = all((out / name).exists() for name in ("graph.trig", "graph.nq", "store", "facts.jsonl", "report.md"))
    return data.get("result") if data.get("key") == key and complete else None


def _md(value) -> str:
    r"""Text from a document made inert in a Markdown table cell: HTML, Markdown and link syntax
    are escaped, line ends and pipes cannot break the table.

    >>> print(_md("<script>x</script> | [a](b) *c*"))
    &lt;script&gt;x&lt;/script&gt; \| \[a\](b) \*c\*
    """
    text = html.escape("" if value is None else str(value), quote=False)
    text = re.sub(r"[\\`*_\[\]|~]", lambda m: "\\" + m.group(), text)
    return re.sub(r"\s+", " ", text).strip()


def _report(result: BuildResult, articles, store) -> str:
    lines = [
        "# Quanze build report",
        "",
        f"- articles: {result.articles}",
        f"- quads: {result.quads}",
        f"- SHACL: {'conforms' if result.conforms else f'{result.violations} violations (see validation.txt)'}",
        "- facts: " + ", ".join(f"{k} {v}" for k, v in sorted(result.facts.items())),
    ]
    if result.errors:
        lines += ["", "## Files not read or not extracted", ""] + [f"- {_md(e)}" for e in result.errors]
    lines += ["", "## Articles", "", "| article | title | jurisdiction | transfers |", "| --- | --- | --- | --- |"]
    for a in articles:
        cells = (a.id, a.record.get("title"), a.record.get("jurisdiction"))
        lines.append("| " + " | ".join(map(_md, cells)) + f" | {a.counts.get('transfer', 0)} |")
    try:  # the saved query's answer, so the report counts what `kg query powers_by_body` counts
        from kg.query import query

        rows = query(store, "powers_by_body")[:10]
        lines += [
            "",
            "## Bodies that gained the most powers",
            "",
            "| body | jurisdiction | gained | lost |",
            "| --- | --- | --- | --- |",
        ]
        lines += [f"| {_md(r['name'])} | {_md(r['jurisdiction'])} | {r['gained']} | {r['lost']} |" for r in rows]
    except Exception as e:  # noqa: BLE001 - the report is best effort; the build already succeeded
        lines += ["", f"(no power-flow summary: {_md(e)})"]
    return "\n".join(lines) + "\n"
