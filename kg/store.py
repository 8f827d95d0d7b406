"""The embedded persistent store (pyoxigraph), filled from the built dataset; the SPARQL
server over it and pushing to other SPARQL 1.1 Graph Store endpoints."""

from __future__ import annotations

import io
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from kg.errors import StoreError

__all__ = ["fill_store", "open_store", "push", "serve", "wait_for_server"]


def open_store(path: str | Path, *, read_only: bool = False):
    """Open the on-disk store at ``path`` (a folder)."""
    import pyoxigraph as ox

    path = Path(path)
    if read_only and not path.is_dir():
        raise StoreError(f"{path}: no store here; run 'kg build' first")
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as e:
        raise StoreError(f"{path}: cannot open the store: {e}") from e


def fill_store(nquads: bytes, path: str | Path) -> int:
    """Create a store at ``path`` from N-Quads bytes; returns the number of quads."""
    import pyoxigraph as ox

    path = Path(path)
    if path.exists():
        shutil.rmtree(path)
    store = open_store(path)
    store.bulk_load(io.BytesIO(nquads), format=ox.RdfFormat.N_QUADS)
    store.flush()
    store.optimize()
    return len(store)


def serve(
    store_path: str | Path, *, host: str = "127.0.0.1", port: int = 7878, read_only: bool = True
) -> subprocess.Popen:
    """Start the ``oxigraph`` SPARQL server over the store (query page at http://host:port/)."""
    exe = shutil.which("oxigraph")
    if exe is None:
        candidate = Path(__import__("sys").executable).with_name("oxigraph")
        exe = str(candidate) if candidate.exists() else None
    if exe is None:
        raise StoreError("the 'oxigraph' server is not installed; pip install oxigraph")
    if not Path(store_path).is_dir():
        raise StoreError(f"{store_path}: no store here; run 'kg build' first")
    command = "serve-read-only" if read_only else "serve"
    return subprocess.Popen(
        [exe, command, "--location", str(store_path), "--bind", f"{host}:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_for_server(url: str, *, timeout: float = 20.0) -> None:
    """Block until ``url`` answers HTTP, or raise StoreError."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except (urllib.error.URLError, OSError) as e:
            last = e
            time.sleep(0.2)
    raise StoreError(f"{url}: no answer within {timeout:.0f}s ({last})")


def push(dataset, endpoint: str, *, timeout: float = 60.0) -> int:
    """Load every named graph of ``dataset`` into a SPARQL 1.1 Graph Store endpoint with HTTP
    PUT (``?graph=IRI``), replacing each graph whole. Returns the number of graphs sent.

    Works with Fuseki (``/ds/data``), GraphDB (``/repositories/x/rdf-graphs/service``),
    Virtuoso (``/sparql-graph-crud``), QLever and Oxigraph (``/store``).
    """
    sent = 0
    for g in dataset.graphs():
        if len(g) == 0 or not str(g.identifier).startswith("http"):
            continue
        body = g.serialize(format="nt", encoding="utf-8")
        url = f"{endpoint}{'&' if '?' in endpoint else '?'}graph={urllib.parse.quote(str(g.identifier), safe='')}"
        request = urllib.request.Request(
            url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.status >= 300:
                    raise StoreError(f"{endpoint}: PUT {g.identifier} answered HTTP {response.status}")
        except urllib.error.HTTPError as e:
            raise StoreError(f"{endpoint}: PUT {g.identifier} answered HTTP {e.code}: {e.read()[:200]!r}") from None
        except (urllib.error.URLError, OSError) as e:
            raise StoreError(f"{endpoint}: cannot reach the endpoint ({e})") from None
        sent += 1
    return sent
