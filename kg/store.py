"""The embedded persistent store (pyoxigraph), filled from the built dataset, and pushing the
graph to other SPARQL 1.1 Graph Store endpoints. The HTTP endpoint over the store is ``kg.serve``."""

from __future__ import annotations

import io
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path

from kg.errors import OutputError, StoreError

__all__ = ["StoreLoader", "open_store", "push", "store_dataset", "update_store"]


def open_store(path: str | Path, *, read_only: bool = False):
    """Open the on-disk store at ``path`` (a folder)."""
    import pyoxigraph as ox

    path = Path(path)
    if read_only and not path.is_dir():
        raise StoreError(f"{path}: no store here; run 'kg build' first")
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except (OSError, RuntimeError) as e:  # RuntimeError: RocksDB reports corruption so
        first = (str(e).splitlines() or [type(e).__name__])[0][:200]
        raise StoreError(f"{path}: cannot open the store ({first}); run 'kg build' again") from None


# N-Quads lines loaded at once: the bulk loader holds what it is given (about 0.8 kB a quad), so a
# graph of millions of quads is loaded in slices; the graph has no blank nodes, whose labels would
# not carry across slices (every node Quanze makes has an IRI)
LOAD_CHUNK_LINES = 100_000


def _load_in_chunks(store, nquads: Path | Iterable[Path]) -> None:
    """Bulk-load N-Quads files (one, or several read one after the other) in slices of at most
    ``LOAD_CHUNK_LINES`` lines: each call of the bulk loader writes table files of its own, so many
    small files are loaded as few slices, and a large one never whole."""
    import itertools

    import pyoxigraph as ox

    def lines():
        for path in [nquads] if isinstance(nquads, Path) else nquads:
            with open(path, "rb") as handle:
                yield from handle

    stream = lines()
    while chunk := b"".join(itertools.islice(stream, LOAD_CHUNK_LINES)):
        store.bulk_load(io.BytesIO(chunk), format=ox.RdfFormat.N_QUADS)


class StoreLoader:
    """A new store at ``path`` filled with N-Quads as they are written, by a thread of its own:
    the bulk loader runs (outside the GIL) while the build goes on making the rest of the graph.
    ``write`` takes whole lines; ``finish`` loads what is left, compacts the store, closes it and
    returns the number of quads; ``abort`` stops without finishing."""

    def __init__(self, path: str | Path) -> None:
        import queue
        import threading

        import pyoxigraph as ox

        path = Path(path)
        if path.exists():
            shutil.rmtree(path)
        self.path = path
        try:
            self.store = ox.Store(str(path))
        except (OSError, RuntimeError) as e:  # a full disk, no permission
            raise OutputError(f"{path}: cannot write the build ({_first_line(e)})") from None
        self.parts: list[bytes] = []
        self.lines = 0
        self.error: BaseException | None = None
        self.queue: queue.Queue = queue.Queue(maxsize=2)  # slices waiting: the rest waits for the loader
        self.thread = threading.Thread(target=self._run, name="store-loader", daemon=True)
        self.thread.start()

    def write(self, data: bytes) -> None:
        self.parts.append(data)
        self.lines += data.count(b"\n")
        if self.lines >= LOAD_CHUNK_LINES:
            self._send()

    def _send(self) -> None:
        if self.parts:
            self.queue.put(b"".join(self.parts))
        self.parts, self.lines = [], 0

    def _run(self) -> None:
        import pyoxigraph as ox

        while (chunk := self.queue.get()) is not None:
            if self.error is None:
                try:
                    self.store.bulk_load(io.BytesIO(chunk), format=ox.RdfFormat.N_QUADS)
                except BaseException as e:  # noqa: BLE001 - raised by finish() in the build's thread
                    self.error = e

    def finish(self) -> int:
        self._send()
        self.queue.put(None)
        self.thread.join()
        try:
            if self.error is not None:
                raise self.error
            self.store.flush()
            self.store.optimize()
        except (OSError, RuntimeError, ValueError) as e:
            raise OutputError(f"{self.path}: cannot write the build ({_first_line(e)})") from None
        quads = len(self.store)
        del self.store  # closed, so that it can be opened again
        return quads

    def abort(self) -> None:
        if self.thread.is_alive():
            self.error = self.error or RuntimeError("aborted")
            self.parts = []
            self.queue.put(None)
            self.thread.join()


def _first_line(e: BaseException) -> str:
    return (str(e).splitlines() or [type(e).__name__])[0][:200]


def update_store(previous: Path, path: Path, drop: Iterable[str], add: Iterable[Path], shared: str) -> int:
    """Make the store at ``path`` from the ``previous`` build's store: its files linked (a store
    never rewrites a table file; the files it appends to are copied), the named graphs in ``drop``
    and the shared graph removed, the N-Quads files ``add`` and the ``shared`` graph's N-Quads
    loaded. The previous store is left as it was. Returns the number of quads."""
    import pyoxigraph as ox

    from kg.cache import link_or_copy
    from kg.ns import SHARED_GRAPH

    def copy(source: str, dest: str) -> None:
        (link_or_copy if source.endswith(".sst") else shutil.copyfile)(Path(source), Path(dest))

    shutil.copytree(previous, path, copy_function=copy)
    store = open_store(path)
    for graph in [*drop, str(SHARED_GRAPH)]:
        store.remove_graph(ox.NamedNode(graph))
    _load_in_chunks(store, list(add))
    store.bulk_load(io.BytesIO(shared.encode("utf-8")), format=ox.RdfFormat.N_QUADS)
    store.flush()  # not compacted: the previous build's tables stay as they were (a full build compacts)
    return len(store)


def store_dataset(store):
    """An open store (or the store at a path, opened read-only) as an rdflib Dataset through
    oxrdflib, its default graph the union of the named graphs: analysis and views read the built
    graph without loading it into memory."""
    from oxrdflib import OxigraphStore
    from rdflib import Dataset

    from kg.ns import bind_prefixes

    if isinstance(store, (str, Path)):
        store = open_store(store, read_only=True)
    ds = Dataset(store=OxigraphStore(store=store), default_union=True)
    bind_prefixes(ds)
    return ds


_SD = "http://www.w3.org/ns/sparql-service-description#"


def _http(method: str, url: str, *, body: bytes | None = None, timeout: float, endpoint: str) -> bytes | None:
    """One Graph Store request; the body of a 2xx answer, None for 404, else StoreError."""
    headers = {"Content-Type": "application/n-triples"} if body is not None else {"Accept": "application/n-triples"}
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise StoreError(f"{endpoint}: {method} answered HTTP {e.code}: {e.read()[:200]!r}") from None
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise StoreError(f"{endpoint}: cannot reach the endpoint ({e})") from None


def push(dataset, endpoint: str, *, timeout: float = 60.0) -> int:
    """Make the named graphs at a SPARQL 1.1 Graph Store endpoint those of ``dataset``: each graph
    is replaced whole (HTTP PUT ``?graph=IRI``), and article graphs an earlier push sent that the
    build no longer has (an article changed or removed) are deleted. The shared graph lists the
    article graphs (``sd:NamedGraph``), so the next push knows what it sent. Returns the number of
    graphs sent.

    Works with Fuseki (``/ds/data``), GraphDB (``/repositories/x/rdf-graphs/service``),
    Virtuoso (``/sparql-graph-crud``), QLever and Oxigraph (``/store``).

    Raises:
        StoreError: the URL is not http(s), the endpoint cannot be reached or refuses a request.
    """
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    from kg.ns import SHARED_GRAPH

    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise StoreError(f"{endpoint}: not an http(s) URL of a SPARQL Graph Store endpoint")
    sep = "&" if "?" in endpoint else "?"

    def url(iri) -> str:
        return f"{endpoint}{sep}graph={urllib.parse.quote(str(iri), safe='')}"

    graphs = [g for g in dataset.graphs() if len(g) and str(g.identifier).startswith("http")]
    articles = {str(g.identifier) for g in graphs if g.identifier != SHARED_GRAPH}
    before = _http("GET", url(SHARED_GRAPH), timeout=timeout, endpoint=endpoint)
    sent_before: set[str] = set()
    if before:
        listed = Graph().parse(data=before.decode("utf-8"), format="nt")
        sent_before = {str(s) for s in listed.subjects(RDF.type, URIRef(_SD + "NamedGraph"))}
    sent = 0
    for g in sorted(graphs, key=lambda g: g.identifier == SHARED_GRAPH):  # the shared graph, with its list, last
        data = Graph()
        data += g
        if g.identifier == SHARED_GRAPH:
            for iri in articles:
                data.add((URIRef(iri), RDF.type, URIRef(_SD + "NamedGraph")))
        _http(
            "PUT",
            url(g.identifier),
            body=data.serialize(format="nt", encoding="utf-8"),
            timeout=timeout,
            endpoint=endpoint,
        )
        sent += 1
    for iri in sorted(sent_before - articles):
        _http("DELETE", url(iri), timeout=timeout, endpoint=endpoint)
    return sent
