"""A real oxigraph server on 127.0.0.1: start it, push to it, query it over HTTP, stop it."""

from __future__ import annotations

import json
import socket
import urllib.parse
import urllib.request

import pytest
from rdflib import Dataset

from kg.errors import StoreError
from kg.store import open_store, push, serve, wait_for_server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sparql(port: int, q: str) -> dict:
    url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": q})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


def test_store_server_push_and_query(fixture_build, tmp_path):
    port = _free_port()
    (tmp_path / "srv").mkdir()
    proc = serve(tmp_path / "srv", port=port, read_only=False)
    try:
        wait_for_server(f"http://127.0.0.1:{port}/")
        ds = Dataset()
        ds.parse(fixture_build.out / "graph.trig", format="trig")
        sent = push(ds, f"http://127.0.0.1:{port}/store")
        assert sent >= 4
        q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?t a <https://w3id.org/quanze/ontology#PowerTransfer> } }"
        n = int(_sparql(port, q)["results"]["bindings"][0]["n"]["value"])
        assert n == fixture_build.facts["transfer"]
        # pushing again replaces each article's graph whole: no duplicates
        push(ds, f"http://127.0.0.1:{port}/store")
        assert int(_sparql(port, q)["results"]["bindings"][0]["n"]["value"]) == n
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_store_serves_the_built_store(fixture_build):
    port = _free_port()
    proc = serve(fixture_build.out / "store", port=port)
    try:
        wait_for_server(f"http://127.0.0.1:{port}/")
        q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d a <https://w3id.org/quanze/ontology#Document> } }"
        assert int(_sparql(port, q)["results"]["bindings"][0]["n"]["value"]) == fixture_build.articles
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_store_errors(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "nothing", read_only=True)
    from rdflib import URIRef

    ds = Dataset()
    ds.graph(URIRef("https://example.org/g")).add((URIRef("https://e/s"), URIRef("https://e/p"), URIRef("https://e/o")))
    with pytest.raises(StoreError, match="cannot reach"):
        push(ds, f"http://127.0.0.1:{_free_port()}/store", timeout=3)
