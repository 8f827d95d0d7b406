"""Time to first interactive frame of the HTML view, in headless Chromium, for graphs of
1,000 and 10,000 nodes (positions precomputed, physics off), beside pyvis's defaults.

    .venv/bin/python bench/html_view.py [--sizes 1000 10000] [--repeat 3]

Needs Debian's `chromium` (apt-get install chromium fonts-wqy-zenhei). The page logs the
first frame painted after vis.js built the network; each figure is the median of the repeats.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Once the network exists, two animation frames later a frame has been painted with it
# (vis.js draws in its constructor when physics is off, on a later frame otherwise).
HOOK = """<script>
(function wait(){ if (typeof network === 'undefined' || !network) { return setTimeout(wait, 5); }
  requestAnimationFrame(function(){ requestAnimationFrame(function(){
    console.log('QZ_READY ' + performance.now().toFixed(0)); }); }); })();
</script></body>"""


def _graph(n: int, seed: int = 1):
    import networkx as nx

    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    for i in range(n):
        G.add_node(str(i), label=f"机构{i}", kind="agency" if i % 3 else "generic", sector="城市管理")
    for i in range(1, n):
        G.add_edge(
            str(rng.randrange(i)),
            str(i),
            matter=f"事项{i % 50}",
            power="行政处罚权",
            title="某文件",
            jurisdiction=f"地区{i % 20}",
            sentence="依据句。",
        )
    return G


def _ready_ms(chromium: str, page: Path, timeout: float) -> float | None:
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        cmd = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            "--remote-debugging-port=0",
            page.as_uri(),
        ]
        proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True
        )
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                line = proc.stderr.readline()
                if not line:
                    if proc.poll() is not None:
                        return None
                    continue
                m = re.search(r"QZ_READY (\d+)", line)
                if m:
                    return float(m.group(1))
            return None
        finally:
            os.killpg(proc.pid, signal.SIGKILL)  # chromium's helpers too
            proc.wait()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("no chromium on this machine: apt-get install chromium fonts-wqy-zenhei", file=sys.stderr)
        return 2
    from kg.visualise import write_html

    print(f"{'nodes':>7} {'write_html s':>13} {'HTML MB':>8} {'first frame ms':>15}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            G = _graph(n)
            t0 = time.perf_counter()
            page = write_html(G, Path(tmp) / f"g{n}.html")
            t_write = time.perf_counter() - t0
            page.write_text(page.read_text(encoding="utf-8").replace("</body>", HOOK, 1), encoding="utf-8")
            times = [t for t in (_ready_ms(chromium, page, args.timeout) for _ in range(args.repeat)) if t is not None]
            ready = f"{statistics.median(times):15.0f}" if times else "      (timeout)"
            print(f"{n:7d} {t_write:13.1f} {page.stat().st_size / 1e6:8.1f} {ready}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
