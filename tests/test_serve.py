"""``kg serve`` as users meet it: a process on 127.0.0.1, answered over HTTP, stopped by signals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from test_store import free_port

from kg.query import query
from kg.store import open_store


class Server:
    def __init__(self, out: Path, *args: str) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--out", str(out), "--port", str(self.port), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.proc.stdout.readline()
        assert line.startswith(f"SPARQL endpoint: http://127.0.0.1:{self.port}/query"), line + self.proc.stderr.read()

    def get(self, path: str, accept: str = "application/sparql-results+json", **params) -> tuple[int, str, bytes]:
        url = f"http://127.0.0.1:{self.port}{path}" + ("?" + urllib.parse.urlencode(params) if params else "")
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=30) as r:
                return r.status, r.headers["Content-Type"], r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers["Content-Type"], e.read()

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(p) for p in children.read_text().split()] if children.exists() else []

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)


@pytest.fixture
def server(fixture_build):
    s = Server(fixture_build.out)
    yield s
    s.stop()


def test_serve_answers_saved_queries_as_kg_query_does(server, fixture_build):
    from kg.query import saved_queries

    text = saved_queries()["transfers"].read_text(encoding="utf-8")
    status, media, body = server.get("/query", query=text)
    assert status == 200 and media.startswith("application/sparql-results+json")
    over_http = json.loads(body)["results"]["bindings"]
    local = query(open_store(fixture_build.out / "store", read_only=True), "transfers")
    assert len(over_http) == len(local) > 0  # the default graph is the union of the article graphs


def test_serve_page_formats_and_refusals(server):
    status, media, body = server.get("/")
    assert status == 200 and media.startswith("text/html") and b"<textarea" in body
    status, _, body = server.get("/query", query="SELECT ?s WHERE { ?s a ?c } LIMIT 2", format="csv")
    assert status == 200 and body.decode().splitlines()[0] == "s"
    status, media, body = server.get("/query", query="SELECT ('<b>x</b>' AS ?v) {}", format="html")
    assert status == 200 and b"&lt;b&gt;x&lt;/b&gt;" in body and b"<b>x</b>" not in body
    status, _, body = server.get("/query", query="SELEC nonsense")
    assert status == 400 and body.startswith(b"invalid SPARQL")
    status, _, body = server.get("/query", query="SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE" in body
    status, _, _ = server.get("/query", query="INSERT DATA { <http://a> <http://b> <http://c> }")
    assert status == 400
    request = urllib.request.Request(f"http://127.0.0.1:{server.port}/store", data=b"", method="PUT")
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(request, timeout=10)
    assert e.value.code == 405


def test_serve_runaway_query_is_stopped_and_the_server_goes_on(fixture_build):
    s = Server(fixture_build.out, "--timeout", "1", "--workers", "1")
    try:
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        started = time.monotonic()
        status, _, body = s.get("/query", query=slow)
        assert status == 503 and b"timeout" in body
        assert time.monotonic() - started < 15
        status, _, _ = s.get("/query", query="ASK { ?s ?p ?o }")
        assert status == 200
    finally:
        s.stop()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGKILL])
def test_serve_stops_with_its_workers_on_signals(fixture_build, sig):
    s = Server(fixture_build.out)
    assert s.get("/query", query="ASK { ?s ?p ?o }")[0] == 200
    workers = s.workers()
    assert workers
    os.kill(s.proc.pid, sig)
    s.proc.wait(10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() and _alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "a query worker outlived the server"
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{s.port}/", timeout=3)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_serve_busy_or_bad_port_and_missing_store_are_one_line_errors(server, tmp_path):
    for args in (
        ["--port", str(server.port)],
        ["--port", "70000"],
        ["--out", str(tmp_path / "none")],
    ):
        r = subprocess.run([sys.executable, "-m", "kg", "serve", *args], capture_output=True, text=True, timeout=60)
        assert r.returncode != 0 and "Traceback" not in r.stderr, r.stderr
        assert "SPARQL endpoint" not in r.stdout
        assert len([line for line in r.stderr.splitlines() if line.strip()]) <= 3, r.stderr
