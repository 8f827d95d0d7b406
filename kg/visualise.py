"""Visualise stage: a networkx power-flow graph → one self-contained, offline HTML page (pyvis)."""

from __future__ import annotations

import html
import os
import re
import tempfile
from collections import Counter
from pathlib import Path

import networkx as nx

from kg.errors import AnalysisError

__all__ = ["COLOURS", "write_html"]

COLOURS = {
    "agency": "#1f77b4",
    "generic": "#17becf",
    "sector": "#ff7f0e",
    "place": "#2ca02c",
    "document": "#9467bd",
    "matter": "#d62728",
    "power": "#8c564b",
    "unstated": "#bbbbbb",
}
_LEGEND = {
    "agency": "具体机构 agency",
    "generic": "泛指机构 kind of body",
    "sector": "部门领域 giving sector",
    "place": "地区 place",
    "document": "文件 document",
    "matter": "事项 matter",
    "power": "职权 power",
    "unstated": "未写明 not stated",
}


_EDGE_COLOURS = {
    "transfer": "#d62728",
    "holds": "#1f77b4",
    "power": "#8c564b",
    "assigns": "#9467bd",
    "governs": "#2ca02c",
}


def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def write_html(
    G: nx.MultiDiGraph, path: str | Path, *, title: str = "Quanze 权责图谱", physics: bool | None = None
) -> Path:
    """Write an interactive, self-contained HTML view of a power-flow graph.

    Positions are precomputed with networkx so large graphs open at once; physics is off
    above 300 nodes. Every label and tooltip is HTML-escaped (document text is untrusted).
    No request leaves the page: pyvis's JavaScript is inlined and its CDN links removed.

    Returns:
        The path written (atomically: a temporary file renamed into place).
    """
    from pyvis.network import Network

    if G.number_of_nodes() == 0:
        raise AnalysisError("write_html needs a graph with at least one node")
    path = Path(path)
    n = G.number_of_nodes()
    if physics is None:
        physics = n <= 300
    pos = _layout(G)
    net = Network(height="92vh", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    from pyvis.edge import Edge
    from pyvis.node import Node

    # Nodes and edges are appended as pyvis builds them, without add_node/add_edge, whose
    # membership checks scan lists and make a 10,000-node graph quadratic.
    # two bodies of one name in different places (城市管理部门 of two provinces): the place tells them apart
    names = Counter(data.get("label") for _, data in G.nodes(data=True))
    for node, data in G.nodes(data=True):
        kind = data.get("kind", "agency")
        x, y = pos[node]
        label = str(data.get("label", node))
        if names[data.get("label")] > 1 and data.get("jurisdiction") and kind in ("agency", "generic"):
            label = f"{label} ({data['jurisdiction']})"
        tooltip = "\n".join(
            f"{k}: {v}" for k, v in (("名称", data.get("label")), ("类别", kind), ("领域", data.get("sector"))) if v
        )
        n_id = _esc(node)
        options = Node(
            n_id,
            "dot",
            label=_esc(label)[:48],
            title=_esc(tooltip),
            font_color=net.font_color,
            color=COLOURS.get(kind, "#7f7f7f"),
            x=float(x),
            y=float(y),
            physics=physics,
            kind=_esc(kind),
            sector=_esc(data.get("sector") or ""),
        ).options
        net.nodes.append(options)
        net.node_ids.append(n_id)
        net.node_map[n_id] = options
    for u, v, _key, data in G.edges(keys=True, data=True):
        tooltip = "\n".join(
            f"{k}: {val}"
            for k, val in (
                (
                    "关系",
                    {
                        "transfer": "划转",
                        "holds": "行使",
                        "power": "职权类别",
                        "assigns": "文件规定",
                        "governs": "适用地区",
                    }.get(data.get("relation", "transfer")),
                ),
                ("事项", data.get("matter")),
                ("职权", data.get("power")),
                ("领域", data.get("domain")),
                ("文件", data.get("title")),
                ("地区", data.get("jurisdiction")),
                ("依据", data.get("sentence")),
            )
            if val
        )
        net.edges.append(
            Edge(
                _esc(u),
                _esc(v),
                True,
                title=_esc(tooltip),
                matter=_esc(data.get("matter") or ""),
                arrows="to",
                color=_EDGE_COLOURS.get(data.get("relation", "transfer"), "#999999"),
                dashes=data.get("relation", "transfer") != "transfer",
                relation=_esc(data.get("relation", "transfer")),
                jurisdiction=_esc(data.get("jurisdiction") or ""),
                power=_esc(data.get("power") or ""),
                document=_esc(data.get("title") or ""),
                # the sectors at both ends, so the sector filter keeps the bodies a sector's powers went to
                sectors=_esc(" ".join(x for x in (G.nodes[u].get("sector"), G.nodes[v].get("sector")) if x)),
            ).options
        )
    net.toggle_physics(physics)
    if not physics:
        # "dynamic" smoothing adds a hidden physics node per edge; straight edges keep big graphs fast
        net.options.edges.smooth.enabled = False
        net.options.edges.smooth.type = "continuous"
        net.options.interaction.hideEdgesOnDrag = True
    page = net.generate_html(notebook=False)
    page = _offline(page)
    page = _add_controls(page, title, G)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".viz-", suffix=".html")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(page)
    os.replace(tmp, path)
    return path


def _layout(G: nx.MultiDiGraph) -> dict:
    """Positions computed once in Python so the browser need not simulate: a spring layout up
    to 2,000 nodes; above that a spectral layout (sparse eigenvectors, seconds for 10,000 nodes)
    spread by a little jitter so nodes of the same position stay apart."""
    import numpy as np

    n = G.number_of_nodes()
    scale = 120 * max(1.0, n**0.5)
    U = nx.Graph(G)
    if n <= 2000:
        return nx.spring_layout(U, seed=7, iterations=50, scale=scale)
    pos = nx.spectral_layout(U, scale=scale)
    rng = np.random.default_rng(7)
    return {k: v + rng.normal(0, scale / 50, 2) for k, v in pos.items()}


def _offline(page: str) -> str:
    """Drop every remote stylesheet or script (pyvis's template still links Bootstrap)."""
    page = re.sub(r"<link[^>]+href=\"https?://[^\"]+\"[^>]*>", "", page)
    page = re.sub(r"<script[^>]+src=\"https?://[^\"]+\"[^>]*>\s*</script>", "", page)
    if "<meta charset" not in page:
        page = page.replace("<head>", '<head>\n<meta charset="utf-8">', 1)
    return page


def _add_controls(page: str, title: str, G: nx.MultiDiGraph) -> str:
    """A legend and filters (jurisdiction, sector, power kind, document) and a focus box."""
    jurisdictions = sorted({d.get("jurisdiction") or "" for *_, d in G.edges(data=True)} - {""})
    sectors = sorted({d.get("sector") or "" for _, d in G.nodes(data=True)} - {""})
    powers = sorted({d.get("power") or "" for *_, d in G.edges(data=True)} - {""})
    documents = sorted({d.get("title") or "" for *_, d in G.edges(data=True)} - {""})

    def select(name: str, label: str, values: list[str]) -> str:
        options = "".join(f'<option value="{_esc(v)}">{_esc(v)}</option>' for v in values)
        return f'<label>{label} <select id="f-{name}"><option value="">(全部)</option>{options}</select></label>'

    present = {d.get("kind") for _, d in G.nodes(data=True)}
    legend = "".join(
        f'<span style="color:{COLOURS[k]}">●</span> {_esc(v)} &nbsp;' for k, v in _LEGEND.items() if k in present
    )
    controls = (
        f'<div id="qz-controls" style="font:13px sans-serif;padding:4px"><b>{_esc(title)}</b> &nbsp; {legend}<br>'
        + select("jurisdiction", "地区", jurisdictions)
        + " "
        + select("sector", "领域", sectors)
        + " "
        + select("power", "职权", powers)
        + " "
        + select("document", "文件", documents)
        + ' <label>聚焦 focus <input id="f-focus" placeholder="机构或事项"></label></div>'
    )
    script = """
<script>
(function(){
  function val(id){return document.getElementById(id).value;}
  function apply(){
    var j=val('f-jurisdiction'), s=val('f-sector'), p=val('f-power'), d=val('f-document'), f=val('f-focus');
    var keep=new Set();
    var any=j||s||p||d||f;
    edges.get().forEach(function(e){
      var ok=(!j||e.jurisdiction===j)&&(!p||e.power===p)&&(!d||e.document===d)&&
             (!s||(' '+(e.sectors||'')+' ').indexOf(' '+s+' ')>=0)&&
             (!f||(e.matter||'').indexOf(f)>=0||(nodes.get(e.from).label||'').indexOf(f)>=0||(nodes.get(e.to).label||'').indexOf(f)>=0);
      edges.update({id:e.id,hidden:!ok});
      if(ok){keep.add(e.from);keep.add(e.to);}
    });
    // a node stays when an edge that stays touches it: a sector's powers keep the bodies they went to
    nodes.get().forEach(function(n){ nodes.update({id:n.id,hidden:any?!keep.has(n.id):false}); });
    if(typeof network!=='undefined'){ network.fit({animation:false}); }
  }
  ['f-jurisdiction','f-sector','f-power','f-document'].forEach(function(id){document.getElementById(id).onchange=apply;});
  document.getElementById('f-focus').oninput=apply;
})();
</script>"""
    # tooltips wrap inside the window instead of running off it
    style = (
        "<style>div.vis-tooltip{white-space:pre-wrap !important;max-width:min(40em,90vw);"
        "overflow-wrap:anywhere;}</style>"
    )
    page = page.replace("</head>", style + "\n</head>", 1)
    page = page.replace("<body>", "<body>\n" + controls, 1)
    return page.replace("</body>", script + "\n</body>", 1)
