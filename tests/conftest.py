from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    pytest.importorskip("jieba")
    from kg.recognize import get_nlp

    return get_nlp()


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
