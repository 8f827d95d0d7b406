"""Every failure the user can cause is one line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

import pytest
from helpers import TEXT, kg


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    (root / "docs").mkdir()
    (root / "docs" / "a.txt").write_text(TEXT, encoding="utf-8")
    r = kg("build", root / "docs", "--out", root / "out", "--no-html")
    assert r.returncode == 0, r.stderr
    return root


def _one_line_error(r, *needles: str) -> None:
    assert r.returncode != 0
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and len(lines[0]) < 500, r.stderr[-3000:]
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize(
    "args,needle",
    [
        (["query", "holder_of_matter", "--param", "matter=http://bad iri"], "bad parameter"),
        (["query", "SELECT ?x WHERE { ?x ?p ?o }", "--param", "bad-name=1"], "bad parameter"),
        (["query", "holder_of_matter", "--param", "nope"], "expected NAME=VALUE"),
        (["query", "SELECT * WHERE {", "--format", "csv"], "invalid SPARQL"),
        (["query", "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], "SERVICE"),
        (["query", "no_such_query"], "unknown saved query"),
        (["push", "--endpoint", "not a url"], "not an http"),
        (["query", "INSERT DATA { <http://a> <http://b> <http://c> }"], ""),
        (["query", "DELETE WHERE { ?s ?p ?o }"], ""),
        (["query", "SELECT * WHERE { ?s ?p ?o } ; DROP ALL"], "invalid SPARQL"),
    ],
)
def test_cli_errors_on_a_good_build(built, args, needle):
    _one_line_error(kg(*args, "--out", built / "out"), needle)


def test_cli_errors_truncated_graph_is_one_line_for_every_command_reading_it(built, tmp_path):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built / "out", out)
    trig = out / "graph.trig"
    trig.write_bytes(trig.read_bytes()[: trig.stat().st_size // 2])
    for command in ("stats", "viz"):
        _one_line_error(kg(command, "--out", out), "graph.trig: not a readable TriG graph")
    nq = out / "graph.nq"  # what `kg validate` reads
    nq.write_bytes(nq.read_bytes()[: nq.stat().st_size // 2 + 7])
    _one_line_error(kg("validate", "--out", out), "graph.nq: cannot be validated")


def test_cli_errors_corrupt_store_is_one_line(built, tmp_path):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built / "out", out)
    for f in (out / "store").iterdir():
        if f.is_file():
            f.write_bytes(b"\x00garbage")
    _one_line_error(kg("query", "transfers", "--out", out), "store")


def test_cli_errors_eval_inputs(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text('{"kind": "transfer", "doc": "a", "matter": "噪声"}\n', encoding="utf-8")
    for name, data, needle in [
        ("list.jsonl", b"[1, 2]\n", "not a fact"),
        ("bytes.jsonl", b"\xff\xfe\x00garbage", "not UTF-8"),
        ("half.jsonl", b'{"kind": "tran', "not JSON"),
    ]:
        (tmp_path / name).write_bytes(data)
        _one_line_error(kg("eval", good, tmp_path / name), name, needle)


def test_cli_errors_disk_full_during_a_build_keeps_the_previous_build(built, tmp_path):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built / "out", out)
    before = (out / "facts.jsonl").read_bytes()
    # RLIMIT_FSIZE makes every write past 64 KB fail with EFBIG, as a full disk fails with ENOSPC
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 16, 1 << 16))\n"
        "from kg.cli import cli\n"
        f"sys.argv = ['kg', 'build', {str(built / 'docs')!r}, '--out', {str(out)!r}, '--no-html']\n"
        "cli()\n"
    )
    import subprocess
    import sys

    (built / "docs" / "b.txt").write_text(TEXT.replace("某市", "乙市") * 50, encoding="utf-8")
    try:
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    finally:
        (built / "docs" / "b.txt").unlink()
    _one_line_error(r, "cannot write the build")
    assert (out / "facts.jsonl").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out-")]


def test_cli_errors_serve_on_a_corrupt_store_is_one_line(built, tmp_path):
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built / "out", out)
    (out / "store" / "CURRENT").write_bytes(b"\x00garbage")
    _one_line_error(kg("serve", "--out", out, seconds=60), "cannot open the store")


def test_cli_errors_update_refused_and_hostile_param_values_change_nothing(built):
    out = built / "out"
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = kg("query", count, "--out", out, "--format", "json").stdout
    hostile = '" } } ; DROP ALL ; SELECT * WHERE { { ?s ?p ?o #'
    r = kg("query", "holder_of_matter", "--param", f"matter={hostile}", "--out", out, "--format", "json")
    assert r.returncode == 0 and r.stdout.strip() == "[]", r.stderr
    assert kg("query", count, "--out", out, "--format", "json").stdout == before


def test_cli_errors_read_only_disk_is_one_line(built, tmp_path):
    # as root, permissions do not stop writes; the file system's EROFS is raised by hand instead
    import subprocess
    import sys

    code = (
        "import errno, os, sys\nfrom pathlib import Path\n"
        "def ro(path, *a, **k):\n    raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))\n"
        "os.mkdir = ro\nPath.mkdir = lambda self, *a, **k: ro(self)\n"
        "from kg.cli import cli\n"
        f"sys.argv = ['kg', 'build', {str(built / 'docs')!r}, '--out', {str(tmp_path / 'out')!r}]\n"
        "cli()\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    _one_line_error(r, "Read-only file system")
    assert not (tmp_path / "out").exists()
