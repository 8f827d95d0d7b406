from __future__ import annotations

import json
import re
import shutil
import subprocess

import networkx as nx
import pytest

from kg.analyse import to_networkx
from kg.errors import AnalysisError
from kg.graph import to_rdf
from kg.normalize import normalize
from kg.pipeline import extract_document
from kg.types import Article
from kg.visualise import write_html

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _graph():
    text = f"河北省实施意见{EVIL}\n将省环保厅{EVIL}露天烧烤污染的行政处罚权划转到省城市管理综合执法局。"
    ex = extract_document(normalize(Article("e.txt", "e.txt", text, 0, len(text))))
    return to_networkx(to_rdf([ex]))


def test_visualise_html_is_offline_utf8_and_escaped(tmp_path):
    path = write_html(_graph(), tmp_path / "g.html")
    page = path.read_text(encoding="utf-8")
    label = "省城市管理综合执法局"
    assert (label in page or json.dumps(label)[1:-1] in page) and '<meta charset="utf-8">' in page
    assert not re.search(r"(src|href)=\"https?://", page), "no request may leave the page"
    assert "<img src=x" not in page and 'alert("x")</script>' not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page or "&amp;lt;img" in page
    for control in ("f-jurisdiction", "f-sector", "f-power", "f-document", "f-focus"):
        assert control in page


def test_visualise_large_graph_has_fixed_positions_and_no_physics(tmp_path):
    G = nx.MultiDiGraph()
    for i in range(400):
        G.add_node(str(i), label=f"机构{i}", kind="agency", sector="城市管理")
        if i:
            G.add_edge(str(i - 1), str(i), matter="事项", power="行政处罚权", title="文件", jurisdiction="某地")
    page = write_html(G, tmp_path / "big.html").read_text(encoding="utf-8")
    assert '"physics": false' in page or '"enabled": false' in page
    assert '"x":' in page and '"y":' in page


def test_visualise_empty_graph_is_an_error(tmp_path):
    with pytest.raises(AnalysisError):
        write_html(nx.MultiDiGraph(), tmp_path / "x.html")


@pytest.mark.skipif(
    not (shutil.which("chromium") or shutil.which("chromium-browser")), reason="no headless Chromium installed"
)
def test_visualise_renders_in_headless_chromium_without_running_injected_script(tmp_path):
    path = write_html(_graph(), tmp_path / "g.html")
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    out = subprocess.run(
        [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=5000",
            "--dump-dom",
            path.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    dom = out.stdout
    assert "<canvas" in dom  # vis.js drew the network
    assert "onerror=alert(1)>" not in dom.replace("&lt;", "<").split("<body>")[0]
