"""The output folder: nothing the user keeps is deleted or overwritten; builds swap in atomically."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import OutputError
from kg.outdir import MARKER, borrowed, build_folder, is_build, swap_in

TEXT = "某市实施方案\n将市环保局露天烧烤污染的行政处罚权划转到市城管执法局。\n"


@pytest.fixture
def doc(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.txt").write_text(TEXT, encoding="utf-8")
    return d


def _build(*args):
    return CliRunner().invoke(cli, ["build", *map(str, args), "--no-html"])


def test_outdir_refuses_a_folder_that_is_not_a_build(tmp_path, doc):
    user = tmp_path / "u"
    user.mkdir()
    (user / "important.txt").write_text("thesis", encoding="utf-8")
    r = _build(doc, "--out", user)
    assert r.exit_code == 1
    assert "not a Quanze build" in r.output and len(r.output.strip().splitlines()) == 1
    assert (user / "important.txt").read_text(encoding="utf-8") == "thesis"
    assert sorted(p.name for p in user.iterdir()) == ["important.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".u-")]


def test_outdir_refuses_the_input_folder_and_the_current_folder(tmp_path, doc, monkeypatch):
    r = _build(doc, "--out", doc)
    assert r.exit_code == 1 and "holds the input" in r.output
    r = _build(doc / "a.txt", "--out", doc)
    assert r.exit_code == 1 and "holds the input" in r.output
    assert (doc / "a.txt").read_text(encoding="utf-8") == TEXT
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    for out in (".", str(tmp_path)):
        r = _build(doc, "--out", out)
        assert r.exit_code == 1 and "current folder" in r.output
    assert work.is_dir()


def test_outdir_builds_into_new_empty_or_previous_build(tmp_path, doc):
    out = tmp_path / "out"
    assert _build(doc, "--out", out).exit_code == 0
    assert is_build(out) and (out / MARKER).is_file()
    assert _build(doc, "--out", out).exit_code == 0  # a build replaces a build
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _build(doc, "--out", empty).exit_code == 0 and is_build(empty)


def test_outdir_a_build_inside_the_input_folder_is_not_read_back(tmp_path, doc):
    out = doc / "out"
    assert _build(doc, "--out", out).exit_code == 0
    r = CliRunner().invoke(cli, ["extract", str(doc)])
    docs = {line.split('"doc": "')[1].split('"')[0] for line in r.output.splitlines()}
    assert docs == {"a.txt"}


def test_outdir_second_build_into_a_locked_folder_is_refused(tmp_path, doc):
    # another process holds the lock, as a running build does
    code = (
        "import fcntl, sys, time\n"
        f"h = open({str(tmp_path / '.out.lock')!r}, 'a+')\n"
        "fcntl.lockf(h, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(60)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        out = tmp_path / "out"
        r = _build(doc, "--out", out)
    finally:
        holder.kill()
        holder.wait()
    assert r.exit_code == 1 and "another build" in r.output
    assert not out.exists()


def test_outdir_kill_between_the_two_renames_is_recovered(tmp_path, doc):
    out = tmp_path / "out"
    assert _build(doc, "--out", out).exit_code == 0
    before = (out / "graph.trig").read_bytes()
    # the state a kill leaves after the first rename of the swap: out/ aside, no out/
    os.replace(out, tmp_path / ".out-old-99999")
    (tmp_path / ".out-tmp-stale").mkdir()
    (tmp_path / ".out-tmp-stale" / MARKER).write_text("{}", encoding="utf-8")
    with build_folder(out, [doc]):
        assert (out / "graph.trig").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out-")) == []


def test_outdir_failed_build_removes_its_temporary_folder(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(RuntimeError), build_folder(out) as tmp:
        assert (tmp / MARKER).is_file()
        raise RuntimeError("boom")
    assert not tmp.exists() and not out.exists()


def test_outdir_swap_replaces_only_a_build(tmp_path):
    out = tmp_path / "out"
    with build_folder(out) as tmp:
        (tmp / "x").write_text("1")
        swap_in(tmp, out)
    assert (out / "x").read_text() == "1" and is_build(out)
    (tmp_path / "file").write_text("keep")
    with pytest.raises(OutputError, match="not a folder"), build_folder(tmp_path / "file"):
        pass
    assert (tmp_path / "file").read_text() == "keep"


def _marked(mark: str) -> list[str]:
    """Pids of the processes whose environment holds ``mark``."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if mark.encode() in environ.read_bytes().split(b"\0"):
                found.append(environ.parent.name)
        except OSError:
            continue
    return found


def test_outdir_kills_at_seeded_random_moments_never_leave_a_broken_build(tmp_path, doc):
    """SIGKILL at random moments of a build (seeded, bounded): out/ is always the previous build or
    the whole new one, and the build after it gives the facts a clean build gives (cache unpoisoned)."""
    import random
    import time

    out = tmp_path / "out"
    assert _build(doc, "--out", out).exit_code == 0
    before = (out / "facts.jsonl").read_bytes()
    big = tmp_path / "big"
    big.mkdir()
    for i in range(12):
        (big / f"{i}.txt").write_text(TEXT.replace("某市", f"第{i}市") * 20, encoding="utf-8")
    kg = Path(sys.executable).parent / "kg"
    started = time.monotonic()
    subprocess.run([str(kg), "build", str(big), "--out", str(tmp_path / "clean"), "--no-html"], check=True)
    full = time.monotonic() - started
    clean = (tmp_path / "clean" / "facts.jsonl").read_bytes()
    rng = random.Random(20261125)
    mark = f"QUANZE_KILL_TEST={os.getpid()}-{rng.random()}"  # marks the killed builds and their workers
    for _ in range(4):
        proc = subprocess.Popen(
            [str(kg), "build", str(big), "--out", str(out), "--no-html", "-j", "2"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, mark.split("=")[0]: mark.split("=")[1]},
        )
        time.sleep(rng.uniform(0.2, 1.0) * full)
        proc.kill()
        proc.wait()
        facts = (out / "facts.jsonl").read_bytes()
        assert facts in (before, clean)
        assert is_build(out)
    r = _build(big, "--out", out)
    assert r.exit_code == 0, r.output
    assert (out / "facts.jsonl").read_bytes() == clean
    deadline = time.monotonic() + 10  # no worker of a killed build lives on
    while _marked(mark) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _marked(mark)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out-")]


def test_outdir_a_killed_build_gives_back_the_cache_it_borrowed(tmp_path):
    """A build reads and rewrites the previous build's cache in place (moved into the new build);
    killed before its swap, the next build's recovery puts the cache back into out/."""
    out = tmp_path / "out"
    with build_folder(out) as tmp:
        (tmp / "cache").mkdir()
        (tmp / "cache" / "entry.json").write_text("{}", encoding="utf-8")
        swap_in(tmp, out)
    with build_folder(out) as tmp, borrowed(out, tmp, "cache") as cache:
        assert not (out / "cache").exists() and (cache / "entry.json").is_file()
        os.replace(tmp, tmp_path / ".out-tmp-killed")  # as a SIGKILL leaves it: not removed, not given back
        tmp.mkdir()
    with build_folder(out):
        assert (out / "cache" / "entry.json").read_text(encoding="utf-8") == "{}"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out-")]
    with pytest.raises(RuntimeError), build_folder(out) as tmp, borrowed(out, tmp, "cache"):
        raise RuntimeError("boom")
    assert (out / "cache" / "entry.json").is_file()
