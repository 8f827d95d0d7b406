"""The main job: files → facts → RDF → validated, stored, drawn and reported in ``out/``.

Everything is written into a temporary folder beside ``out/`` and swapped in at the end, so a
failed or interrupted build leaves the previous ``out/`` intact.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

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
) -> BuildResult:
    """Build the knowledge graph of ``paths`` into ``out``.

    Writes ``graph.trig`` and ``graph.nq`` (plus ``graph.ttl``/``graph.jsonld`` when asked),
    ``facts.jsonl``, the embedded store ``store/``, ``graph.html``, ``validation.txt``,
    ``report.md`` and ``cache/``. Unreadable files are reported in ``errors``; the others are
    still built. Builds are incremental: an article whose text, and Quanze's rules and code, are
    unchanged since the build in ``out`` is not extracted again (``BuildResult.reused``). With
    ``jobs`` above 1 the articles to extract are spread over that many processes.

    Raises:
        InputError: no readable document at all.
    """
    from kg.errors import OutputError
    from kg.outdir import build_folder

    out = Path(out)
    paths = list(paths)
    errors: list[str] = []
    with build_folder(out, paths) as tmp:
        try:
            return _build_into(tmp, out, paths, errors, formats=formats, progress=progress, html=html, jobs=jobs)
        except OSError as e:
            raise OutputError(f"{e.filename or out}: cannot write the build ({e.strerror or e})") from None


def _build_into(
    tmp: Path, out: Path, paths: list, errors: list[str], *, formats, progress, html, jobs: int = 1
) -> BuildResult:
    from kg.cache import ExtractionCache
    from kg.errors import InputError
    from kg.graph import to_rdf, validate
    from kg.ns import PREFIXES
    from kg.outdir import swap_in
    from kg.pipeline import extract_document, extract_each, extract_parallel, no_input, read_documents
    from kg.store import dump_trig, fill_store

    documents = list(read_documents(paths, errors=errors))
    if not documents:
        raise InputError(f"no readable document among the inputs: {errors[0]}") if errors else no_input(paths)
    key = _build_key(documents, errors, formats, html)
    same = _unchanged_build(out, key)
    if same is not None:  # the same articles, code, rules, ontology and options: the same outputs
        for entry in out.iterdir():
            if not entry.name.startswith("."):
                copy = shutil.copytree if entry.is_dir() else shutil.copy2
                copy(entry, tmp / entry.name)
        result = BuildResult(
            out,
            same["articles"],
            Counter(same["facts"]),
            same["quads"],
            same["conforms"],
            same["violations"],
            errors,
            same["articles"],
        )
        swap_in(tmp, out)
        return result
    cache = ExtractionCache(out / "cache", tmp / "cache")
    cached = {d.id: cache.get(d) for d in documents}
    todo = [d for d in documents if cached[d.id] is None]
    if jobs > 1 and len(todo) >= 2 * jobs:  # the articles to extract spread over processes
        bar = progress(range(len(todo))) if progress else None
        ticks = iter(bar) if bar is not None else iter(())
        fresh = {ex.document.id: ex for ex in extract_parallel(todo, jobs, errors, lambda: next(ticks, None))}
        if hasattr(bar, "close"):
            bar.close()
        extractions = [cached[d.id] or fresh[d.id] for d in documents if cached[d.id] or d.id in fresh]
    else:

        def run(document):
            return cached[document.id] or extract_document(document)

        extractions = list(extract_each(progress(documents) if progress else documents, errors, run))
    for ex in extractions:
        cache.put(ex)
    if not extractions:
        raise InputError(f"no article could be extracted: {errors[0]}")
    ds = to_rdf(extractions)
    report = validate(ds)
    # N-Quads from rdflib (its fast writer) fill the store; TriG is written by the store (Oxigraph's
    # writer, about 10× faster than rdflib's on a 2 MB corpus); other formats come from rdflib
    nquads = ds.serialize(format="nquads", encoding="utf-8")
    (tmp / "graph.nq").write_bytes(nquads)
    quads = fill_store(nquads, tmp / "store")
    dump_trig(tmp / "store", tmp / "graph.trig", {p: str(ns) for p, ns in PREFIXES.items()})
    ext = {"turtle": "ttl", "json-ld": "jsonld"}
    for fmt in formats:
        if fmt in ext:
            ds.serialize(destination=str(tmp / f"graph.{ext[fmt]}"), format=fmt, encoding="utf-8")
    with open(tmp / "facts.jsonl", "w", encoding="utf-8") as handle:
        for ex in extractions:
            for f in ex.facts:
                handle.write(json.dumps(f.as_record(provenance=True), ensure_ascii=False) + "\n")
    (tmp / "validation.txt").write_text(report.text, encoding="utf-8")
    counts = Counter(f.kind for ex in extractions for f in ex.facts)
    if html:
        from kg.analyse import to_view_graph
        from kg.visualise import write_html

        G = to_view_graph(ds)
        if G.number_of_nodes():
            write_html(G, tmp / "graph.html")
    result = BuildResult(out, len(extractions), counts, quads, report.conforms, report.violations, errors, cache.reused)
    (tmp / "report.md").write_text(_report(result, extractions, ds), encoding="utf-8")
    summary = {"articles": result.articles, "facts": dict(counts), "quads": quads}
    summary |= {"conforms": report.conforms, "violations": report.violations}
    (tmp / _KEY_FILE).write_text(json.dumps({"key": key, "result": summary}), encoding="utf-8")
    swap_in(tmp, out)
    return result


_KEY_FILE = "build.json"


def _build_key(documents, errors: list[str], formats, html: bool) -> str:
    """What decides a build's outputs: each article's id and text, the unreadable files, Quanze's
    code and rules, the ontology, shapes and saved queries, and the options."""
    import hashlib

    from kg.cache import fingerprint
    from kg.resources import ontology_dir

    h = hashlib.sha1(fingerprint().encode())
    for path in sorted(ontology_dir().rglob("*")):
        if path.is_file():
            h.update(path.name.encode() + path.read_bytes())
    for d in documents:
        h.update(f"\x1e{d.id}\x1f{d.sha1}".encode())
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


def _report(result: BuildResult, extractions, ds) -> str:
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
    for ex in extractions:
        doc = next((dict(f.fields) for f in ex.facts if f.kind == "document"), {})
        n = sum(1 for f in ex.facts if f.kind == "transfer")
        cells = (ex.document.id, doc.get("title"), doc.get("jurisdiction"))
        lines.append("| " + " | ".join(map(_md, cells)) + f" | {n} |")
    try:
        from kg.analyse import powers_gained_lost, to_networkx

        df = powers_gained_lost(to_networkx(ds)).head(10)
        lines += [
            "",
            "## Bodies that gained the most powers",
            "",
            "| body | jurisdiction | gained | lost |",
            "| --- | --- | --- | --- |",
        ]
        lines += [
            f"| {_md(r.body)} | {_md(r.jurisdiction if isinstance(r.jurisdiction, str) else None)} "
            f"| {r.gained} | {r.lost} |"
            for r in df.itertuples()
        ]
    except Exception as e:  # noqa: BLE001 - the report is best effort; the build already succeeded
        lines += ["", f"(no power-flow summary: {_md(e)})"]
    return "\n".join(lines) + "\n"
