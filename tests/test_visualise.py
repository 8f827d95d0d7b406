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
from kg.ruleset import load_rules
from kg.types import Article
from kg.visualise import write_html

RULES = load_rules()

needs_chromium = pytest.mark.skipif(
    not (shutil.which("chromium") or shutil.which("chromium-browser")), reason="no headless Chromium installed"
)
EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _graph():
    text = f"河北省实施意见{EVIL}\n将省环保厅{EVIL}露天烧烤污染的行政处罚权划转到省城市管理综合执法局。"
    ex = extract_document(normalize(Article("e.txt", "e.txt", text, 0, len(text)), RULES), RULES)
    return to_networkx(to_rdf([ex], RULES))


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


@needs_chromium
def test_visualise_renders_in_headless_chromium_without_running_injected_script(tmp_path):
    path = write_html(_graph(), tmp_path / "g.html")
    dom = _chromium_dom(path, tmp_path)
    assert "<canvas" in dom  # vis.js drew the network
    assert "onerror=alert(1)>" not in dom.replace("&lt;", "<").split("<body>")[0]


def _chromium_dom(page, tmp_path, width: int = 1200) -> str:
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
            f"--window-size={width},900",
            "--virtual-time-budget=8000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return out.stdout


@needs_chromium
def test_visualise_sector_filter_keeps_edges_and_tooltips_fit_the_window(tmp_path):
    """What a user sees: picking a giving sector leaves its transfers drawn with the bodies they
    went to, and a long evidence tooltip wraps inside a 1,200-pixel window."""
    texts = [
        "河北省实施意见\n将省环保厅露天烧烤污染的行政处罚权划转到省城市管理综合执法局。",
        "云南省实施意见\n将省水利厅河道采砂的行政处罚权划转到省城市管理局。",
    ]
    exs = [
        extract_document(normalize(Article(f"{i}.txt", f"{i}.txt", t, 0, len(t)), RULES), RULES)
        for i, t in enumerate(texts)
    ]
    page = write_html(to_networkx(to_rdf(exs, RULES)), tmp_path / "g.html")
    probe = """<script>setTimeout(function(){
      var sel=document.getElementById('f-sector'); sel.value='环境保护'; sel.onchange();
      var e=edges.get().filter(function(x){return !x.hidden;}).length;
      var n=nodes.get().filter(function(x){return !x.hidden;}).length;
      var tip=document.createElement('div'); tip.className='vis-tooltip'; tip.style.position='absolute';
      tip.textContent='依据: '+'将省环保厅露天烧烤污染的行政处罚权划转到省城市管理综合执法局'.repeat(20);
      document.body.appendChild(tip);
      document.body.setAttribute('data-probe', e+','+n+','+tip.offsetWidth+','+window.innerWidth);
    }, 1000);</script>"""
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", probe + "</body>"), encoding="utf-8")
    dom = _chromium_dom(page, tmp_path)
    found = re.search(r'data-probe="(\d+),(\d+),(\d+),(\d+)"', dom)
    assert found, dom[-2000:]
    edges_shown, nodes_shown, tip_width, window = map(int, found.groups())
    assert edges_shown == 1 and nodes_shown == 2  # the 环境保护 transfer and both its ends
    assert 0 < tip_width <= window
