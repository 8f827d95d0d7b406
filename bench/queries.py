"""Saved SPARQL queries on a graph: embedded store (pyoxigraph) versus rdflib in memory, as
ratios of medians in one run, each query's rows counted by both; plus load time and peak memory.

    .venv/bin/python bench/queries.py --build out10 --repeat 3      # a build's own graph.nq
    .venv/bin/python bench/queries.py --triples 1000000 --repeat 3  # the seeds' graph copied

With ``--build`` the graph is that build's (e.g. of ``scale.py``'s 10 MB corpus); else the seeds'
graph copied under fresh IRIs (each copy a new set of articles and bodies) up to ``--triples``.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_seconds  # noqa: E402

from kg.ruleset import load_rules  # noqa: E402

RULES = load_rules()

# every saved query (evidence: of the first transfer the store lists)
QUERIES = {
    "holder_of_matter": {"matter": "露天烧烤"},
    "matter_moves": {"matter": "户外广告"},
    "powers_by_body": {},
    "transfers": {},
    "pilots": {},
    "places": {},
    "deadlines": {"before": "2017-07-01"},
    "citing_documents": {"act": "37号"},
    "bodies_established": {},
    "lead_units": {},
    "targets": {},
    "successors": {},
    "facts_by_rule": {},
    "evidence": {"fact": None},
}


def _rdflib_term(value: str):
    """A parameter as rdflib term, as kg.query binds it for the store: IRI, xsd:date or text."""
    import re

    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    if re.match(r"^https?://", value):
        return URIRef(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    return Literal(value)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--build", type=Path, help="the out/ folder of a build: query its own graph.nq")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-rdflib", action="store_true", help="only the embedded store")
    parser.add_argument("--rdflib-timeout", type=float, default=300.0, help="seconds per rdflib query before giving up")
    args = parser.parse_args(argv)

    import io
    import tempfile

    import pyoxigraph as ox
    from rdflib import Dataset, Variable

    from kg.graph import to_rdf
    from kg.ns import PREFIXES
    from kg.pipeline import extract
    from kg.query import query, saved_queries

    if args.build:
        data = (args.build / "graph.nq").read_bytes()
        lines = data.count(b"\n")
        print(f"graph: {args.build / 'graph.nq'}: {lines:,} quads ({len(data) / 1e6:.0f} MB N-Quads)")
    else:
        base = to_rdf(extract([ROOT / "seeds"]), RULES).serialize(format="nquads", encoding="utf-8").decode("utf-8")
        per_copy = base.count("\n")
        copies = max(1, args.triples // per_copy)
        t0 = time.perf_counter()
        chunks = [
            base.replace("https://w3id.org/quanze/id/", f"https://w3id.org/quanze/id/c{i}/") for i in range(copies)
        ]
        data = "".join(chunks).encode("utf-8")
        print(
            f"graph: {copies} copies × {per_copy} quads = {copies * per_copy:,} quads "
            f"({len(data) / 1e6:.0f} MB N-Quads), generated in {time.perf_counter() - t0:.1f}s"
        )

    with tempfile.TemporaryDirectory() as tmp:
        store = ox.Store(str(Path(tmp) / "store"))
        t0 = time.perf_counter()
        store.bulk_load(io.BytesIO(data), format=ox.RdfFormat.N_QUADS)
        store.flush()
        load_ox = time.perf_counter() - t0
        first = next(
            iter(
                store.query(
                    "SELECT ?t WHERE { GRAPH ?g { ?t a <https://w3id.org/quanze/ontology#PowerTransfer> } } LIMIT 1"
                )
            )
        )
        QUERIES["evidence"]["fact"] = first["t"].value
        print(f"load: pyoxigraph {load_ox:.1f}s; peak RSS so far {_peak_mb():.0f} MB")
        ox_times = {
            name: median_seconds(lambda n=name, p=params: query(store, n, p), args.repeat)
            for name, params in QUERIES.items()
        }
        rows = {name: len(query(store, name, params)) for name, params in QUERIES.items()}

        rd_times, rd_rows, rd_failed = {}, {}, set()
        if not args.skip_rdflib:
            ds = Dataset(default_union=True)
            t0 = time.perf_counter()
            ds.parse(data=data, format="nquads")
            load_rd = time.perf_counter() - t0
            print(f"load: rdflib {load_rd:.1f}s ({load_rd / load_ox:.1f}× pyoxigraph); peak RSS {_peak_mb():.0f} MB")
            texts = {p.stem: p.read_text(encoding="utf-8") for p in saved_queries().values()}
            import multiprocessing as mp

            ctx = mp.get_context("fork")  # the child shares the loaded graph copy-on-write
            for name, params in QUERIES.items():
                bindings = {Variable(k): _rdflib_term(v) for k, v in params.items()}
                queue = ctx.Queue()

                def run(q=queue, t=texts[name], b=bindings):
                    seconds = median_seconds(
                        lambda: list(ds.query(t, initNs=PREFIXES, initBindings=b)), max(1, args.repeat // 2)
                    )
                    q.put((seconds, len(list(ds.query(t, initNs=PREFIXES, initBindings=b)))))

                child = ctx.Process(target=run)
                child.start()
                child.join(args.rdflib_timeout)
                if child.is_alive():
                    child.kill()
                    child.join()
                    rd_times[name] = None  # gave up: slower than the timeout
                elif child.exitcode != 0:  # rdflib failed on the query (e.g. GROUP_CONCAT of an unbound)
                    rd_failed.add(name)
                else:
                    rd_times[name], rd_rows[name] = queue.get()

    print(f"{'query':20} {'rows':>6} {'oxigraph s':>11} {'rdflib s':>10} {'ratio':>9}")
    ratios = []
    for name in QUERIES:
        if name in rd_failed:
            print(f"{name:20} {rows[name]:6d} {ox_times[name]:11.3f} {'fails':>10}")
            continue
        if name not in rd_times:
            print(f"{name:20} {rows[name]:6d} {ox_times[name]:11.3f}")
            continue
        rd = rd_times[name]
        if rd is None:  # timed out: the ratio is at least this
            ratio = args.rdflib_timeout / ox_times[name]
            ratios.append(ratio)
            print(
                f"{name:20} {rows[name]:6d} {ox_times[name]:11.3f} "
                f"{'>' + str(int(args.rdflib_timeout)):>10} {'>' + f'{ratio:.0f}':>9}"
            )
        else:
            ratios.append(rd / ox_times[name])
            same = "" if rd_rows[name] == rows[name] else f"  (rdflib: {rd_rows[name]} rows)"
            print(f"{name:20} {rows[name]:6d} {ox_times[name]:11.3f} {rd:10.3f} {rd / ox_times[name]:9.1f}{same}")
    if ratios:
        print(
            f"median speed-up of the embedded store: {statistics.median(ratios):.1f}× "
            "(at least, where rdflib timed out)"
        )
    print(f"peak RSS: {_peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
