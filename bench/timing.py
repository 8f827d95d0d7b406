"""Shared by the bench scripts: the median wall time of repeated runs, and interleaved ratios."""

from __future__ import annotations

import statistics
import time


def median_seconds(fn, repeat: int) -> float:
    """Median wall-clock seconds of ``repeat`` calls of ``fn`` (noisy shared machines: medians)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def interleaved(fns: dict, repeat: int) -> tuple[dict, list[dict]]:
    """Run each of ``fns`` (name → callable) once per round, ``repeat`` rounds, interleaved so that a
    shared machine's load drifting over the run weighs on every stage alike. Returns the median
    seconds of each, and each round's seconds (for ratios taken within a round)."""
    rounds = []
    for _ in range(repeat):
        times = {}
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[name] = time.perf_counter() - t0
        rounds.append(times)
    return {name: statistics.median(r[name] for r in rounds) for name in fns}, rounds


def median_ratio(rounds: list[dict], base: str, name: str) -> float:
    """The median over rounds of ``base``'s time over ``name``'s (how many times faster ``name`` is)."""
    return statistics.median(r[base] / r[name] for r in rounds)
