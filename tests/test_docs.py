from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _quick_start() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```sh\n(.*?)```", text, re.S)
    assert block, "README has a Quick start sh block"
    return [line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]


def test_docs_quick_start_has_exactly_two_commands():
    first, second = _quick_start()
    assert ".venv" in first and "kg build seeds/" in first
    assert ".venv" in second and "pytest" in second


def test_docs_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "sed -n 2p" in ci and "README.md" in ci


def test_docs_every_saved_query_opens_with_its_question_and_params():
    for path in sorted((ROOT / "ontology" / "queries").glob("*.rq")):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("# ") and "?" in lines[0], path.name
        assert any(re.match(r"#\s*params?:", line) for line in lines[:5]), path.name
        assert f"`{path.stem}`" in (ROOT / "README.md").read_text(encoding="utf-8"), path.name
