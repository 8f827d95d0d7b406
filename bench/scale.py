"""How `kg build` grows with the corpus: synthetic corpora of the seeds and the development
documents, each copy varied (a line of its own, sentences of one article shuffled) so that no
cache helps, built from scratch in a child process; prints time, peak RSS and their ratios.

    .venv/bin/python bench/scale.py --sizes 1,10        # MB of text; 100 takes a long while

Also times a rebuild with 1% of the articles changed and one with nothing changed, and with
``--jobs-runs N`` the last corpus built with -j 1 and -j 2, N times each (medians), beside what
two CPU-bound processes get from the machine at the same time (the ceiling of that ratio).
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "gold" / "dev" / "docs").glob("*.txt"))


def make_corpus(folder: Path, megabytes: float, seed: int = 7) -> int:
    """Write copies of the source texts, each varied, until ``megabytes`` of text; returns files written."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    folder.mkdir(parents=True, exist_ok=True)
    written = n = 0
    while written < megabytes * 1_000_000:
        text = texts[n % len(texts)]
        head, _, body = text.partition("\n")
        lines = body.split("\n")
        if len(lines) > 4:  # shuffle a few body lines: other sentence order, other offsets
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        varied = f"{head}\n(第{n}份)\n" + "\n".join(lines)
        (folder / f"doc_{n:06d}.txt").write_text(varied, encoding="utf-8")
        written += len(varied.encode("utf-8"))
        n += 1
    return n


def build(corpus: Path, out: Path, jobs: int | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `kg build` in a child process (``jobs``: its -j;
    None: the default, all cores)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--no-html"]
        + ([] if jobs is None else ["-j", str(jobs)]),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


_SPIN = "s = 0\nfor i in range(20_000_000):\n    s += i * i\n"


def spin(processes: int) -> float:
    """Wall seconds for ``processes`` copies of one pure-Python loop run at once: how much two
    CPU-bound processes get from this machine at this moment (its ceiling for -j 2 over -j 1)."""
    t0 = time.perf_counter()
    running = [subprocess.Popen([sys.executable, "-c", _SPIN]) for _ in range(processes)]
    for p in running:
        p.wait()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10", help="corpus sizes in MB, comma-separated")
    parser.add_argument(
        "--jobs-runs",
        type=int,
        default=0,
        help="also build the last corpus from scratch with -j 1 and -j 2 this many times each, "
        "alternately, and print the ratio of the medians",
    )
    args = parser.parse_args()
    jobs_line = ""
    sizes = [float(x) for x in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            corpus = Path(tmp) / f"c{mb}"
            files = make_corpus(corpus, mb)
            out = Path(tmp) / f"out{mb}"
            seconds, rss = build(corpus, out)
            # 1% of the files changed, then nothing changed: the incremental rebuilds
            changed = sorted(corpus.iterdir())[:: max(1, files // max(1, files // 100))][: max(1, files // 100)]
            for p in changed:
                p.write_text(p.read_text(encoding="utf-8") + "\n(修订)", encoding="utf-8")
            again, _ = build(corpus, out)
            same, _ = build(corpus, out)
            rows.append((mb, files, seconds, rss, again, same))
            if args.jobs_runs and mb == sizes[-1]:
                times: dict[int, list[float]] = {1: [], 2: []}
                ceiling = []  # two loops at once against one, taken between the builds
                for _ in range(args.jobs_runs):
                    for jobs in (1, 2):
                        shutil.rmtree(out)
                        times[jobs].append(build(corpus, out, jobs)[0])
                    ceiling.append(2 * spin(1) / spin(2))
                one, two = statistics.median(times[1]), statistics.median(times[2])
                jobs_line = f"{mb:.0f} MB from scratch, median of {args.jobs_runs}: -j 1 {one:.1f} s, -j 2 {two:.1f} s"
                jobs_line += f" ({one / two:.2f}×); two CPU-bound loops at once do {statistics.median(ceiling):.2f}×"
                jobs_line += " the work of one on this machine (median)"
            shutil.rmtree(corpus)
    print(f"{'MB':>6} {'files':>7} {'build s':>8} {'peak MB':>8} {'1% changed':>11} {'unchanged':>10}")
    for mb, files, seconds, rss, again, same in rows:
        print(f"{mb:6.0f} {files:7d} {seconds:8.1f} {rss:8.0f} {again / seconds:10.0%} {same / seconds:10.0%}")
    for (mb1, _, s1, r1, *_), (mb2, _, s2, r2, *_) in zip(rows, rows[1:]):
        print(f"{mb1:.0f} → {mb2:.0f} MB: time ×{s2 / s1:.1f}, peak memory ×{r2 / r1:.1f} (text ×{mb2 / mb1:.0f})")
    if jobs_line:
        print(jobs_line)


if __name__ == "__main__":
    main()
