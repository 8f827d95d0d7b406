"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the built store, on 127.0.0.1.

The HTTP side is the standard library's threading server; each query runs in one of a few
worker processes holding the store open read-only, so a runaway query is ended by killing its
worker when the timeout passes (pyoxigraph cannot cancel a query), and the server stays up.
Queries see the union of the named graphs as their default graph, as ``kg query`` does, unless
the request names ``default-graph-uri``. SERVICE (federation) is refused unless allowed.
"""

from __future__ import annotations

import html
import json
import multiprocessing as mp
import os
import queue
import signal
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import QueryError, StoreError
from kg.process import die_with_parent

__all__ = ["Endpoint", "serve_forever"]

MAX_QUERY_BYTES = 1 << 20
_RESULT_TYPES = {  # media type → pyoxigraph results format name
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
_GRAPH_TYPES = {"application/n-triples": "N_TRIPLES", "text/turtle": "TURTLE", "application/rdf+xml": "RDF_XML"}


def _worker(store_path: str, conn, server_pid: int) -> None:
    """Run queries sent over ``conn`` until it closes; answers ``(status, media type, bytes)``."""
    die_with_parent(server_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    import pyoxigraph as ox

    store = ox.Store.read_only(store_path)
    while True:
        try:
            text, accept, default_graphs = conn.recv()
        except (EOFError, OSError):
            return
        try:
            graphs = [ox.NamedNode(g) for g in default_graphs]
            options = {"default_graph": graphs} if graphs else {"use_default_graph_as_union": True}
            result = store.query(text, **options)
            if isinstance(result, ox.QueryTriples):
                media = next((m for m in accept if m in _GRAPH_TYPES), "application/n-triples")
                body = result.serialize(format=getattr(ox.RdfFormat, _GRAPH_TYPES[media]))
            else:
                media = next((m for m in accept if m in _RESULT_TYPES), "application/sparql-results+json")
                body = result.serialize(format=getattr(ox.QueryResultsFormat, _RESULT_TYPES[media]))
            answer = (200, media, body)
        except SyntaxError as e:
            answer = (400, "text/plain", f"invalid SPARQL: {str(e).splitlines()[0]}".encode())
        except (OSError, RuntimeError, ValueError) as e:
            answer = (500, "text/plain", f"query failed: {str(e).splitlines()[0] if str(e) else e}".encode())
        try:
            conn.send(answer)
        except (BrokenPipeError, OSError):
            return


class _Worker:
    def __init__(self, ctx, store_path: str) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(store_path, child, os.getpid()), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class Endpoint:
    """The query side of the server: a pool of worker processes over one read-only store.

    >>> Endpoint.check_service("SELECT * WHERE { ?s ?p 'SERVICE' } # SERVICE <x>", allow=False)
    >>> Endpoint.check_service("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", allow=False)
    Traceback (most recent call last):
    kg.errors.QueryError: SERVICE (federated query) is off; start with --allow-service to allow it
    """

    def __init__(self, store_path: str | Path, *, workers: int = 2, timeout: float = 30.0, allow_service=False):
        from kg.store import open_store

        store_path = Path(store_path)
        if not (store_path / "CURRENT").is_file():
            raise StoreError(f"{store_path}: no store here; run 'kg build' first")
        open_store(store_path, read_only=True)  # a corrupt store is one line here, not a dead worker later
        self.store_path, self.timeout, self.allow_service = str(store_path), timeout, allow_service
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        for _ in range(max(1, workers)):
            self._add()

    def _add(self) -> None:
        w = _Worker(self._ctx, self.store_path)
        with self._lock:
            self._all.add(w)
        self._idle.put(w)

    @staticmethod
    def check_service(text: str, *, allow: bool) -> None:
        """Refuse SERVICE unless allowed: looked for outside strings, IRIs and comments."""
        if allow:
            return
        from kg.query import uses_service

        if uses_service(text):
            raise QueryError("SERVICE (federated query) is off; start with --allow-service to allow it")

    def run(self, text: str, accept: list[str], default_graphs: list[str]) -> tuple[int, str, bytes]:
        try:
            self.check_service(text, allow=self.allow_service)
        except QueryError as e:
            return 403, "text/plain", str(e).encode()
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return 503, "text/plain", b"all query workers are busy; try again"
        try:
            worker.conn.send((text, accept, default_graphs))
            if worker.conn.poll(self.timeout):
                answer = worker.conn.recv()
                self._idle.put(worker)
                return answer
        except (EOFError, OSError):
            pass
        # timed out or the worker died: end it and put a fresh one in its place
        with self._lock:
            self._all.discard(worker)
        worker.stop()
        self._add()
        return 503, "text/plain", f"query stopped after the {self.timeout:g} s timeout".encode()

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), set()
        for w in workers:
            w.stop()


_PAGE = """<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>Quanze SPARQL</title>
<style>body{{font:14px sans-serif;margin:1em 2em}}textarea{{width:100%;height:14em;font:13px monospace}}
table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:2px 6px;vertical-align:top;max-width:40em}}</style>
</head><body><h1>Quanze 权责图谱 — SPARQL</h1>
<form action="/query" method="get"><textarea name="query">{query}</textarea>
<input type="hidden" name="format" value="html"><button>Run</button></form>
<p>Endpoint for tools: <code>/query</code> (SPARQL 1.1 Protocol, GET or POST; JSON, XML, CSV, TSV).
The default graph is the union of all documents' graphs.</p>
{results}<h2>Saved queries</h2><ul>{saved}</ul></body></html>"""

_DEFAULT_QUERY = """PREFIX qz: <https://w3id.org/quanze/ontology#>
SELECT ?class (COUNT(*) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) LIMIT 20"""


def _page(query: str = _DEFAULT_QUERY, results: str = "") -> bytes:
    from kg.query import saved_queries

    saved = "".join(
        f'<li><a href="/query?{urllib.parse.urlencode({"query": p.read_text(encoding="utf-8"), "format": "html"})}">'
        f"{html.escape(name)}</a></li>"
        for name, p in saved_queries().items()
    )
    return _PAGE.format(query=html.escape(query), results=results, saved=saved).encode("utf-8")


def _html_table(body: bytes) -> str:
    data = json.loads(body)
    if "boolean" in data:
        return f"<p>{data['boolean']}</p>"
    names = data["head"]["vars"]
    rows = data["results"]["bindings"]
    head = "".join(f"<th>{html.escape(n)}</th>" for n in names)
    cells = "".join(
        "<tr>" + "".join(f"<td>{html.escape(r.get(n, {}).get('value', ''))}</td>" for n in names) + "</tr>"
        for r in rows
    )
    return f"<p>{len(rows)} rows</p><table><tr>{head}</tr>{cells}</table>"


class _Handler(BaseHTTPRequestHandler):
    server_version = "Quanze"
    endpoint: Endpoint

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # one line per request on stderr would drown the console

    def _send(self, status: int, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media + ("; charset=utf-8" if media.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self):  # noqa: N802 - the base class's naming
        self.do_GET()

    def do_GET(self):  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query)
        if url.path in ("/", "/index.html") and "query" not in params:
            return self._send(200, "text/html", _page())
        if url.path not in ("/", "/query", "/sparql"):
            return self._send(404, "text/plain", b"not found; the endpoint is /query")
        self._answer(params)

    def do_POST(self):  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        if url.path not in ("/query", "/sparql"):
            return self._send(405, "text/plain", b"this endpoint is read-only; POST queries to /query")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return self._send(400, "text/plain", b"Content-Length is not a number")
        if not 0 <= length <= MAX_QUERY_BYTES:
            return self._send(413, "text/plain", b"request body over 1 MB")
        body = self.rfile.read(length).decode("utf-8", "replace")
        params = urllib.parse.parse_qs(url.query)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        if media == "application/sparql-query":
            params["query"] = [body]
        elif media == "application/x-www-form-urlencoded":
            params.update(urllib.parse.parse_qs(body))
            if "update" in params:
                return self._send(403, "text/plain", b"this endpoint is read-only: SPARQL Update is refused")
        else:
            return self._send(415, "text/plain", b"send application/sparql-query or a form with query=")
        self._answer(params)

    def do_PUT(self):  # noqa: N802
        self._send(405, "text/plain", b"this endpoint is read-only")

    do_DELETE = do_PATCH = do_PUT  # noqa: N815

    def _answer(self, params: dict[str, list[str]]) -> None:
        text = (params.get("query") or [""])[0]
        if not text.strip():
            return self._send(400, "text/plain", b"no query: give query=SPARQL")
        fmt = (params.get("format") or [""])[0]
        accept = [m.split(";")[0].strip() for m in (self.headers.get("Accept") or "").split(",")]
        if fmt in ("json", "xml", "csv", "tsv"):
            accept = [next(m for m, f in _RESULT_TYPES.items() if f == fmt.upper())]
        if fmt == "html":
            accept = ["application/sparql-results+json"]
        default_graphs = params.get("default-graph-uri") or []
        status, media, body = self.endpoint.run(text, accept, default_graphs)
        if fmt == "html":
            shown = (
                _html_table(body)
                if status == 200 and media.endswith("json")
                else (f"<pre>{html.escape(body.decode('utf-8', 'replace'))}</pre>")
            )
            return self._send(status, "text/html", _page(text, shown))
        self._send(status, media, body)


def serve_forever(
    store_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    workers: int = 2,
    timeout: float = 30.0,
    allow_service: bool = False,
    ready=None,
) -> None:
    """Serve until SIGINT, SIGTERM or SIGHUP; then stop the workers and return.

    Raises:
        StoreError: no store at ``store_path``, or the port cannot be bound (busy, not allowed).
    """
    endpoint = Endpoint(store_path, workers=workers, timeout=timeout, allow_service=allow_service)
    handler = type("Handler", (_Handler,), {"endpoint": endpoint})
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as e:
        endpoint.close()
        raise StoreError(f"{host}:{port}: cannot listen ({e.strerror or e})") from None
    server.daemon_threads = True

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
    try:
        if ready:
            ready(f"http://{host}:{server.server_address[1]}/query")
        server.serve_forever(poll_interval=0.2)
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
        server.server_close()
        endpoint.close()
