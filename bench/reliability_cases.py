"""List the reliability cases tried and whether each held: runs the reliability tests and
``tests/test_serve.py`` and writes ``bench/reliability_cases.md`` (one row a case).

    .venv/bin/python bench/reliability_cases.py
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "tests" / "reliability").glob("test_*.py")) + [ROOT / "tests" / "test_serve.py"]


def _docs(path: Path) -> dict[str, str]:
    """First docstring or comment line of each test function: what the case is."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            doc = ast.get_docstring(node) or ""
            out[node.name] = doc.splitlines()[0] if doc else ""
    return out


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        xml = Path(tmp) / "junit.xml"
        subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={xml}", *map(str, FILES)],
            cwd=ROOT,
            check=False,
        )
        cases = ET.parse(xml).getroot().iter("testcase")
        rows = []
        for case in cases:
            module = case.get("classname", "").rsplit(".", 1)[-1]
            name = case.get("name", "")
            base = name.split("[")[0]
            folder = ROOT / "tests" / ("reliability" if module != "test_serve" else "")
            what = _docs(folder / f"{module}.py").get(base, "")
            failed = case.find("failure") is not None or case.find("error") is not None
            skipped = case.find("skipped") is not None
            status = "FAILED" if failed else ("skipped" if skipped else "held")
            rows.append(f"| {module} | {name[5:].replace('_', ' ')} | {what} | {status} |")
    held = sum(r.endswith("| held |") for r in rows)
    text = "\n".join(
        [
            "# Reliability cases",
            "",
            f"{len(rows)} cases tried, {held} held. Written by `bench/reliability_cases.py`; each row is a test.",
            "",
            "| file | case | note | result |",
            "| --- | --- | --- | --- |",
            *rows,
            "",
        ]
    )
    (ROOT / "bench" / "reliability_cases.md").write_text(text, encoding="utf-8")
    print(f"{len(rows)} cases, {held} held → bench/reliability_cases.md")
    return 0 if held == len(rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
