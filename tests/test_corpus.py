"""The invented corpus (tests/corpus/docs) extracts to the records kept beside it: a change to a rule
that moves any of them must say so, by approving the new records (tests/corpus/records.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("corpus_records", Path(__file__).parent / "corpus" / "records.py")
records = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(records)


def test_corpus_records_are_the_ones_kept():
    diff = records.moved(records.current())
    assert not diff, (
        "records moved on the invented corpus; if every move is intended, keep them with "
        "`.venv/bin/python tests/corpus/records.py --approve`:\n" + "\n".join(diff[:40])
    )


def test_corpus_a_moved_record_is_reported(tmp_path, monkeypatch):
    now = records.current()
    kept = tmp_path / "records.jsonl"
    kept.write_text("\n".join(now[1:]) + "\n", encoding="utf-8")  # one record less kept than found
    monkeypatch.setattr(records, "KEPT", kept)
    assert records.moved(now) == ["+" + now[0]]
