"""`kg build --scheduler`: each article's work on a Dask cluster gives the graph a local build
gives. One cluster is a real `dask scheduler` and `dask worker` started here on 127.0.0.1 and
stopped after; the other a LocalCluster."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent
DASK = Path(sys.executable).parent / "dask"


def _quads(out: Path) -> set[str]:
    return {line for line in (out / "graph.nq").read_text(encoding="utf-8").splitlines() if line.strip()}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _corpus(tmp_path: Path) -> Path:
    """The seeds and the development documents: two genres, many articles."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests/gold/dev/docs").glob("*.txt"))]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def dask_cluster(tmp_path):
    """A scheduler and one worker (two processes) as separate programs on 127.0.0.1."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    logs = open(tmp_path / "dask.log", "wb")  # noqa: SIM115 - closed below
    scheduler = subprocess.Popen(
        [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        stdout=logs,
        stderr=subprocess.STDOUT,
        env=env,
    )
    worker = subprocess.Popen(
        [str(DASK), "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
        stdout=logs,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=tmp_path,
    )
    try:
        from distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for proc in (worker, scheduler):
            proc.terminate()
        for proc in (worker, scheduler):
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        logs.close()
    with socket.socket() as s:  # stopped: nothing answers on its port
        assert s.connect_ex(("127.0.0.1", port)) != 0


def test_cluster_build_on_a_real_scheduler_and_workers_gives_the_local_graph(dask_cluster, tmp_path):
    from kg.build import build

    corpus = _corpus(tmp_path)
    local = build([corpus], tmp_path / "local", html=False, jobs=1)
    remote = build([corpus], tmp_path / "remote", html=False, scheduler=dask_cluster)
    assert remote.facts == local.facts and remote.conforms
    assert _quads(tmp_path / "remote") == _quads(tmp_path / "local")


def test_cluster_build_on_a_local_cluster_through_the_cli(tmp_path):
    from click.testing import CliRunner
    from distributed import LocalCluster

    from kg.cli import cli

    corpus = _corpus(tmp_path)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        r = CliRunner().invoke(
            cli,
            [
                "build",
                str(corpus),
                "--out",
                str(tmp_path / "out"),
                "--no-html",
                "--scheduler",
                cluster.scheduler_address,
            ],
        )
    assert r.exit_code == 0, r.output
    local = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(tmp_path / "local"), "--no-html", "-j", "1"])
    assert local.exit_code == 0, local.output
    assert _quads(tmp_path / "out") == _quads(tmp_path / "local")


def test_cluster_unreachable_scheduler_is_one_line_and_leaves_out_intact(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    out, corpus = tmp_path / "out", tmp_path / "in"
    corpus.mkdir()
    shutil.copy(ROOT / "seeds" / "001_412e43ab7d67d126.txt", corpus)
    assert CliRunner().invoke(cli, ["build", str(corpus), "--out", str(out), "--no-html"]).exit_code == 0
    before = (out / "graph.nq").read_bytes()
    shutil.copy(ROOT / "seeds" / "003_d47f4bc55294ede5.txt", corpus)  # a new article: work for the cluster
    started = time.monotonic()
    r = CliRunner().invoke(
        cli, ["build", str(corpus), "--out", str(out), "--scheduler", f"tcp://127.0.0.1:{_free_port()}"]
    )
    assert r.exit_code != 0 and "cannot reach the Dask scheduler" in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert (out / "graph.nq").read_bytes() == before
    assert time.monotonic() - started < 120
