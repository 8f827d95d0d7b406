"""Shared by the bench scripts: the median wall time of repeated runs."""

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
