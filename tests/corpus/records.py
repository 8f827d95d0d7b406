"""The records Quanze extracts from the invented corpus (``tests/corpus/docs``), kept in
``tests/corpus/records.jsonl``: every change to a rule shows which records it moves.

    .venv/bin/python tests/corpus/records.py            # print the records that moved (exit 1 if any)
    .venv/bin/python tests/corpus/records.py --approve  # keep the records as they are now

The documents are texts of our own in the genre (other places, bodies and matters than any
gold set's), one folder per batch; nothing in them is taken from a particular document.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
KEPT = HERE / "records.jsonl"


def current() -> list[str]:
    """One JSON line per record (its evidence left out), batch/file first, sorted."""
    from kg.pipeline import extract_each, read_documents
    from kg.ruleset import load_rules

    rules = load_rules()
    lines = []
    for batch in sorted(p for p in DOCS.iterdir() if p.is_dir()):
        for r in extract_each(read_documents([batch], rules), rules, []):
            for f in r.facts:
                record = f.as_record(provenance=False)
                record.pop("evidence", None)
                record["doc"] = f"{batch.name}/{record['doc']}"
                lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    return sorted(lines)


def moved(now: list[str]) -> list[str]:
    """The lines that differ from the kept records: "- kept" and "+ now"."""
    kept = KEPT.read_text(encoding="utf-8").splitlines() if KEPT.exists() else []
    return [d for d in difflib.unified_diff(kept, now, lineterm="", n=0) if d[:1] in "+-" and d[:3] not in "+++---"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--approve", action="store_true", help="keep the records as they are now")
    args = parser.parse_args(argv)
    now = current()
    if args.approve:
        KEPT.write_text("".join(line + "\n" for line in now), encoding="utf-8")
        print(f"kept {len(now)} records of {sum(1 for _ in DOCS.glob('*/*'))} documents")
        return 0
    diff = moved(now)
    print("\n".join(diff) if diff else f"no record moved ({len(now)} records)")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent))
    sys.exit(main())
