"""The code is formatted and linted as STYLE.md asks (ruff format, ruff check)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _ruff() -> list[str]:
    exe = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(exe).exists():
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    return [exe]


@pytest.mark.parametrize("args", [["check", "kg", "tests", "bench"], ["format", "--check", "kg", "tests", "bench"]])
def test_style_ruff(args):
    result = subprocess.run(_ruff() + args, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def _module_names(tree) -> list[str]:
    """The names a module binds at its top level, once per binding (assignments, functions, classes)."""
    import ast

    out = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            out += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            out.append(node.target.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            out.append(node.name)
    return out


def test_no_module_name_bound_twice():
    """A pattern or function defined again further down a module silently replaces the first for
    every use of it (one _SAME_SUBJECT did so): each top-level name is bound once."""
    import ast
    from collections import Counter

    twice = {}
    for path in sorted((ROOT / "kg").rglob("*.py")):
        counts = Counter(_module_names(ast.parse(path.read_text(encoding="utf-8"))))
        names = sorted(n for n, k in counts.items() if k > 1)
        if names:
            twice[str(path.relative_to(ROOT))] = names
    assert not twice, twice
    assert _module_names(ast.parse("A = 1\nA = 2\n")) == ["A", "A"]  # the check sees a name bound twice
