"""Both notebooks run top to bottom on the seeds' graph."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory):
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds") / "out"
    build([ROOT / "seeds"], out, html=False)
    return out


@pytest.mark.parametrize("name", ["explore.ipynb", "compare.ipynb"])
def test_notebooks_execute(name, seeds_out, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    monkeypatch.setenv("QUANZE_OUT", str(seeds_out))
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
    )
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    figures = [o for o in outputs if "image/png" in (o.get("data") or {})]
    assert figures, f"{name} draws no figure"
    assert os.environ["QUANZE_OUT"] == str(seeds_out)
