"""Pushing to a real SPARQL Graph Store server on 127.0.0.1 (Oxigraph's, started and stopped here)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef

from kg.errors import StoreError
from kg.store import open_store, push


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sparql(port: int, q: str) -> dict:
    url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": q})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


def wait_for(url: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url}: no answer within {timeout}s")


@pytest.fixture
def graph_store(tmp_path):
    """A writable Oxigraph server: the endpoint ``kg push`` writes to, as Fuseki or GraphDB would be."""
    exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(exe).exists():
        pytest.skip("the oxigraph server (test extra) is not installed")
    port = free_port()
    proc = subprocess.Popen(
        [exe, "serve", "--location", str(tmp_path / "srv"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _count(port: int, cls: str) -> int:
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?t a <https://w3id.org/quanze/ontology#{cls}> }} }}"
    return int(sparql(port, q)["results"]["bindings"][0]["n"]["value"])


def test_store_push_replaces_each_graph_and_drops_graphs_no_longer_built(fixture_build, graph_store):
    endpoint = f"http://127.0.0.1:{graph_store}/store"
    ds = Dataset()
    ds.parse(fixture_build.out / "graph.trig", format="trig")
    assert push(ds, endpoint) >= 4
    assert _count(graph_store, "PowerTransfer") == fixture_build.facts["transfer"]
    push(ds, endpoint)  # again: each graph replaced whole, nothing doubled
    assert _count(graph_store, "PowerTransfer") == fixture_build.facts["transfer"]
    # one article changed: its graph has a new IRI; the old one must not stay at the endpoint
    article = next(
        g for g in ds.graphs() if "/graph/" in str(g.identifier) and not str(g.identifier).endswith("shared")
    )
    old = article.identifier
    changed = Dataset()
    for g in ds.graphs():
        if len(g):
            target = changed.graph(URIRef(str(old) + "0") if g.identifier == old else g.identifier)
            target += g
    changed.graph(URIRef(str(old) + "0")).add((URIRef("https://e/s"), URIRef("https://e/p"), Literal("新")))
    push(changed, endpoint)
    q = f"ASK {{ GRAPH <{old}> {{ ?s ?p ?o }} }}"
    assert sparql(graph_store, q)["boolean"] is False
    assert _count(graph_store, "PowerTransfer") == fixture_build.facts["transfer"]


def test_store_errors(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "nothing", read_only=True)
    ds = Dataset()
    ds.graph(URIRef("https://example.org/g")).add((URIRef("https://e/s"), URIRef("https://e/p"), URIRef("https://e/o")))
    with pytest.raises(StoreError, match="cannot reach"):
        push(ds, f"http://127.0.0.1:{free_port()}/store", timeout=3)
    with pytest.raises(StoreError, match="not an http"):
        push(ds, "ftp://example.org/store")
    with pytest.raises(StoreError, match="not an http"):
        push(ds, "not a url")
