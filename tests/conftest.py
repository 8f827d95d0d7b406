from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    pytest.importorskip("jieba")
    from kg.nlp import get_nlp
    from kg.ruleset import load_rules

    return get_nlp(load_rules())


@pytest.fixture(scope="session")
def fixtures_dir():
    from pathlib import Path

    return Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory, fixtures_dir):
    """The fixtures folder built once into a temporary out/ folder."""
    from kg.build import build

    out = tmp_path_factory.mktemp("build") / "out"
    return build([fixtures_dir], out)


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The five seed files built once (no HTML): the graph the README's examples speak of."""
    from pathlib import Path

    from kg.build import build

    out = tmp_path_factory.mktemp("seeds") / "out"
    return build([Path(__file__).resolve().parent.parent / "seeds"], out, html=False)


@pytest.fixture
def edit_rules(tmp_path):
    """A copy of the shipped rules folder, one file of it rewritten: ``edit_rules(name, text)``
    writes ``text`` as ``name`` and gives the folder (to ``kg.ruleset.load_rules``)."""
    import shutil

    from kg.ruleset import default_rules_dir

    folder = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))

    def edit(name: str, text: str):
        (folder / name).write_text(text, encoding="utf-8")
        return folder

    return edit
