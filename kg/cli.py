"""The ``kg`` command line: a thin click layer over the library."""

from __future__ import annotations

import json
import sys

import click

from kg.errors import KgError

__all__ = ["cli"]


def _progress(label: str):
    def wrap(items):
        from tqdm import tqdm

        return tqdm(items, desc=label, unit="article", disable=None, file=sys.stderr)

    return wrap


@click.group()
@click.version_option(package_name="quanze")
def cli():
    """Quanze (权责图谱): who holds which power, where — from Chinese policy documents."""


_RULES_OPTION = click.option(
    "--rules",
    "rules_dir",
    default=None,
    type=click.Path(file_okay=False),
    help="A rules folder to read by, a copy of kg/rules edited [default: the shipped rules].",
)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option(
    "--provenance/--no-provenance", default=False, help="Add sentence id, offsets and rule id to each record."
)
@_RULES_OPTION
def extract(paths, fmt, provenance, rules_dir):
    """Print extracted facts as JSON Lines in the gold schema.

    Example: kg extract seeds/ --format jsonl > pred.jsonl
    """
    from kg.pipeline import extract_each, no_input, read_documents
    from kg.ruleset import load_rules

    errors: list[str] = []
    printed = 0
    try:
        rules = load_rules(rules_dir)
        # one article at a time, printed as it is read: memory stays that of the largest article
        for r in extract_each(read_documents(paths, rules, errors=errors), rules, errors):
            printed += 1
            for f in r.facts:
                click.echo(json.dumps(f.as_record(provenance=provenance), ensure_ascii=False))
        if not printed and not errors:
            raise no_input(paths)
    except KgError as e:
        raise click.ClickException(str(e)) from e
    for line in errors:
        click.echo(f"error: {line}", err=True)
    if errors:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", default="out", show_default=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(["trig", "nquads", "turtle", "json-ld"]),
    help="Extra serialisations (TriG and N-Quads are always written).",
)
@click.option("--no-html", is_flag=True, help="Skip the interactive HTML page.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 256),
    default=None,
    help="Processes extracting articles [default: all cores].",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Run each article's work on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786).",
)
@_RULES_OPTION
def build(paths, out, formats, no_html, jobs, scheduler, rules_dir):
    """Build the knowledge graph of PATHS into OUT (RDF, store, HTML, report).

    Example: kg build seeds/ --out out
    """
    from kg.build import build as run
    from kg.ruleset import load_rules

    fmts = tuple(dict.fromkeys(("trig", "nquads", *formats)))
    try:
        import os

        jobs = jobs or os.cpu_count() or 1
        rules = load_rules(rules_dir)
        result = run(
            paths,
            out,
            formats=fmts,
            progress=_progress("extract"),
            html=not no_html,
            jobs=jobs,
            scheduler=scheduler,
            rules=rules,
        )
    except KgError as e:
        raise click.ClickException(str(e)) from e
    for line in result.errors:
        click.echo(f"error: {line}", err=True)
    facts = ", ".join(f"{k} {v}" for k, v in sorted(result.facts.items()))
    reused = f"; {result.articles - result.reused} extracted, {result.reused} unchanged and reused from the cache"
    click.echo(f"built {result.articles} articles, {result.quads} quads into {result.out}/ ({facts}){reused}")
    click.echo(
        f"SHACL: {'conforms' if result.conforms else f'{result.violations} violations, see {out}/validation.txt'}"
    )
    if result.errors:
        sys.exit(1)


@cli.command()
@click.argument("query_text")
@click.option("--out", default="out", show_default=True, type=click.Path(file_okay=False), help="Built output folder.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json", "xlsx"]), default="table", show_default=True
)
@click.option("--to", "to", type=click.Path(dir_okay=False), help="File to write (needed for xlsx).")
@click.option("--allow-service", is_flag=True, help="Let SERVICE send requests to other endpoints (off by default).")
def query(query_text, out, params, fmt, to, allow_service):
    """Run SPARQL text, a .rq file or a saved query (ontology/queries) on the built store.

    Example: kg query holder_of_matter --param matter=露天烧烤
    """
    from pathlib import Path

    from kg.query import format_rows
    from kg.query import query as run
    from kg.store import open_store

    try:
        bindings = {}
        for p in params:
            if "=" not in p:
                raise click.ClickException(f"--param {p!r}: expected NAME=VALUE")
            k, v = p.split("=", 1)
            bindings[k] = v
        if fmt == "xlsx" and not to:
            raise click.ClickException("--format xlsx writes a file: give it with --to FILE.xlsx")
        store = open_store(Path(out) / "store", read_only=True)
        rows = run(store, query_text, bindings, allow_service=allow_service)
        if not rows and "matter" in bindings:
            from kg.query import similar_matters

            close = similar_matters(store, bindings["matter"])
            if close:
                click.echo(
                    f"no rows for matter {bindings['matter']!r}; matters named alike: {'、'.join(close)}", err=True
                )
        if fmt == "xlsx":
            import pandas as pd

            from kg.query import _csv_cell

            frame = pd.DataFrame([{k: _csv_cell(v) for k, v in r.items()} for r in rows])
            try:
                frame.to_excel(to, index=False)
            except OSError as e:
                raise click.ClickException(f"{to}: cannot write ({e.strerror or e})") from None
            click.echo(f"wrote {len(rows)} rows to {to}")
            return
    except KgError as e:
        raise click.ClickException(str(e)) from e
    text = format_rows(rows, fmt)
    if to:
        Path(to).write_text(text + "\n", encoding="utf-8")
        click.echo(f"wrote {len(rows)} rows to {to}")
    else:
        click.echo(text)


@cli.command()
@click.option("--out", default="out", show_default=True, type=click.Path(file_okay=False), help="Built output folder.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535))
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1), help="Seconds per query.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Queries run at once.")
@click.option("--allow-service", is_flag=True, help="Let SERVICE send requests to other endpoints (off by default).")
def serve(out, port, timeout, workers, allow_service):
    """Serve the built store as a read-only SPARQL endpoint on 127.0.0.1 (query page at /).

    Example: kg serve --out out --port 7878
    """
    from pathlib import Path

    from kg.serve import serve_forever

    def ready(url):
        click.echo(f"SPARQL endpoint: {url}  (query page: {url.rsplit('/', 1)[0]}/; Ctrl-C stops)")

    try:
        serve_forever(
            Path(out) / "store", port=port, workers=workers, timeout=timeout, allow_service=allow_service, ready=ready
        )
    except KgError as e:
        raise click.ClickException(str(e)) from e
    click.echo("stopped", err=True)


@cli.command()
@click.option("--out", default="out", show_default=True, type=click.Path(file_okay=False), help="Built output folder.")
@click.option("--endpoint", required=True, help="SPARQL 1.1 Graph Store endpoint URL.")
def push(out, endpoint):
    """Load the built graph into a SPARQL Graph Store endpoint, replacing each article's graph.

    Example: kg push --endpoint http://localhost:3030/ds/data
    """

    from kg.store import push as run

    ds = _load_dataset(out)
    try:
        n = run(ds, endpoint)
    except KgError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"pushed {n} named graphs to {endpoint}")


@cli.command()
@click.option("--out", default="out", show_default=True, type=click.Path(file_okay=False), help="Built output folder.")
@click.option(
    "--html",
    "html_path",
    default=None,
    type=click.Path(dir_okay=False),
    help="Where to write (default OUT/graph.html).",
)
def viz(out, html_path):
    """Write the interactive HTML view of the built graph (works offline).

    Example: kg viz --out out --html powers.html
    """
    from pathlib import Path

    from kg.analyse import to_view_graph
    from kg.visualise import write_html

    try:
        written = write_html(to_view_graph(_load_dataset(out)), html_path or Path(out) / "graph.html")
    except KgError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"wrote {written}")


@cli.command()
@click.option("--out", default="out", show_default=True, type=click.Path(file_okay=False), help="Built output folder.")
def stats(out):
    """Print headline figures: articles, transfers, bodies that gained and lost powers.

    Example: kg stats --out out
    """
    from kg.analyse import powers_gained_lost, receiver_centrality, to_networkx

    ds = _load_dataset(out)
    G = to_networkx(ds)
    try:
        df = powers_gained_lost(G)
    except KgError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"transfers: {G.number_of_edges()}  bodies and sectors: {G.number_of_nodes()}")
    click.echo("top receivers:")
    for name, value in list(receiver_centrality(G).items())[:8]:
        click.echo(f"  {value:.2f}  {name}")
    click.echo("top givers:")
    for r in df.sort_values("lost", ascending=False).head(8).itertuples():
        click.echo(f"  {r.lost:4d}  {r.body}")


@cli.command(name="validate")
@click.option("--out", default="out", show_default=True, type=click.Path(file_okay=False), help="Built output folder.")
def validate_cmd(out):
    """Validate the built graph against ontology/shapes.ttl (SHACL).

    Example: kg validate --out out
    """
    from pathlib import Path

    from kg.graph import report_text, validate_quads

    path = Path(out) / "graph.nq"
    if not path.is_file():
        raise click.ClickException(f"{path}: not found; run 'kg build' first")
    try:
        report = report_text([validate_quads(path.read_text(encoding="utf-8"))])
    except (KgError, UnicodeDecodeError) as e:
        raise click.ClickException(f"{path}: cannot be validated ({(str(e).splitlines() or [''])[0][:200]})") from None
    click.echo(report.text)
    if not report.conforms:
        sys.exit(1)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False))
def eval_cmd(gold, pred):
    """Score predicted facts (kg extract output) against a gold file.

    Example: kg eval ../shared/gold/seeds.gold.jsonl pred.jsonl
    """
    from kg.evaluate import format_scores, score_files

    try:
        click.echo(format_scores(score_files(gold, pred)))
    except KgError as e:
        raise click.ClickException(str(e)) from e


def _load_dataset(out):
    from pathlib import Path

    from rdflib import Dataset

    path = Path(out) / "graph.trig"
    if not path.is_file():
        raise click.ClickException(f"{path}: not found; run 'kg build' first")
    ds = Dataset(default_union=True)
    try:
        ds.parse(path, format="trig")
    except Exception as e:  # noqa: BLE001 - rdflib raises many kinds; the user needs one line
        first = (str(e).splitlines() or [type(e).__name__])[0][:200]
        raise click.ClickException(f"{path}: not a readable TriG graph ({first}); run 'kg build' again") from None
    return ds
