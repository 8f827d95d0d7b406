"""Throughput of Quanze's stages beside jieba on the same text, as ratios (medians of runs).

    .venv/bin/python bench/throughput.py [PATHS...] [--repeat 5] [--scale 4]

Machines here are shared and noisy: compare the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import interleaved, median_ratio  # noqa: E402

from kg.ruleset import load_rules  # noqa: E402

RULES = load_rules()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "seeds")])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scale", type=int, default=4, help="concatenate the corpus this many times")
    args = parser.parse_args(argv)

    import jieba

    from kg.load import iter_paths, read_source, split_articles
    from kg.normalize import normalize
    from kg.pipeline import extract_document
    from kg.segment import segment

    jieba.setLogLevel(60)
    jieba.initialize()
    # each copy differs by a character per line so no stage can reuse an earlier copy's work
    sources = []
    for k in range(args.scale):
        for p in iter_paths(args.paths):
            s = read_source(p)
            sources.append(
                type(s)(s.path, s.name, s.text.replace("\n", f"{'一二三四五六七八九十'[k % 10]}\n"), s.encoding)
            )
    raw = "".join(s.text for s in sources)
    mb = len(raw.encode("utf-8")) / 1e6
    docs = [normalize(a, RULES) for s in sources for a in split_articles(s)]
    extract_document(docs[0], RULES)  # warm caches: lexicons, gazetteer, automata

    def ingest():
        for s in sources:
            for a in split_articles(s):
                segment(normalize(a, RULES))

    def extraction():
        for d in docs:
            extract_document(d, RULES)

    def whole():
        # what a build does per file: split, normalize, segment, recognize, relate — once each
        for s in sources:
            for a in split_articles(s):
                extract_document(normalize(a, RULES), RULES)

    stages = {"jieba.lcut (pure Python)": lambda: jieba.lcut(raw)}
    try:
        import rjieba

        stages["rjieba.cut (Rust)"] = lambda: rjieba.cut(raw)
    except ImportError:
        pass
    stages["ingest→normalize→segment"] = ingest
    stages["extraction (segment+recognize+relate)"] = extraction
    stages["whole: split→normalize→…→relate, once each"] = whole
    # the stages run in turn each round: a ratio to jieba is taken within a round, then the median
    medians, rounds = interleaved(stages, args.repeat)
    base = "jieba.lcut (pure Python)"
    rows = [(name, medians[name], median_ratio(rounds, base, name)) for name in stages]
    tracemalloc.start()
    extraction()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"text: {mb:.2f} MB ({len(docs)} articles), median of {args.repeat} interleaved rounds")
    print(f"{'stage':46} {'MB/s':>8} {'× jieba':>9}")
    for name, t, ratio in rows:
        print(f"{name:46} {mb / t:8.2f} {ratio:9.2f}")
    print(f"peak Python memory during extraction: {peak / 1e6:.1f} MB")

    # the whole build (RDF, SHACL, store, HTML, report) of the same files
    import resource
    import tempfile

    from kg.build import build

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, s in enumerate(sources):
            (folder / f"{i:03d}_{s.name}").write_text(s.text, encoding="utf-8")
        t0 = time.perf_counter()
        result = build([folder], Path(tmp) / "out")
        elapsed = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"kg build of the same text: {elapsed:.1f}s for {result.articles} articles, {result.quads} quads; "
        f"peak RSS of this process {rss:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
