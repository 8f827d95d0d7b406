"""Pathological inputs finish or are refused quickly: caps set here are limits, not benchmarks."""

from __future__ import annotations

import subprocess
import sys

from kg.load import split_articles
from kg.types import Source


def _run_capped(code: str, *, seconds: int = 60, mem_mb: int = 1500) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter under an address-space and a wall-clock cap."""
    prelude = f"import resource\nresource.setrlimit(resource.RLIMIT_AS, ({mem_mb} << 20, {mem_mb} << 20))\n"
    return subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True, timeout=seconds)


def test_pathological_blank_lines_split_in_linear_time():
    # 20,000 blank lines: the old article-marker regex was cubic here (4,000 lines took 72 s)
    r = _run_capped(
        "from kg.load import split_articles\nfrom kg.types import Source\n"
        "t = '标题\\n' + '\\n' * 20000 + '将市环保局的行政处罚权划转到市城管执法局。\\n' + '  \\n' * 20000\n"
        "print(len(split_articles(Source('x', 'x', t, 'utf-8'))))\n",
        seconds=30,
    )
    assert r.returncode == 0, r.stderr[-500:]
    assert r.stdout.strip() == "1"


def test_pathological_markers_still_split_with_blank_lines_between():
    text = "合集\n\n\n第一篇：甲方案\n正文。\n\n\n\n【第2篇】乙意见\n正文。\r\n篇三 丙通知\n正文。"
    arts = split_articles(Source("x.txt", "x.txt", text, "utf-8"))
    assert [a.id for a in arts] == ["x.txt#1", "x.txt#2", "x.txt#3"]
