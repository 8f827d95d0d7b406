"""Incremental builds: an article whose normalized text (content hash) and whose rules and code
are unchanged is not extracted again; its facts are read back from the previous build."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from kg.types import Document, Fact, Sentence

__all__ = ["ExtractionCache", "fingerprint"]


@cache
def fingerprint() -> str:
    """Hash of everything that decides what extraction yields: the package's code and rules."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha1()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


def _tuples(value):
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


class ExtractionCache:
    """Reads cached extractions from ``read_dir`` (the previous build's) and writes every
    extraction of this build to ``write_dir``; ``reused`` counts the articles not re-extracted."""

    def __init__(self, read_dir: Path | None, write_dir: Path):
        self.read_dir = read_dir if read_dir and read_dir.is_dir() else None
        self.write_dir = write_dir
        self.write_dir.mkdir(parents=True, exist_ok=True)
        self.reused = 0

    def _name(self, document: Document) -> str:
        doc_key = hashlib.sha1(f"{document.id}\x1f{document.sha1}".encode()).hexdigest()[:16]
        return f"{fingerprint()}-{doc_key}.json"

    def get(self, document: Document):
        """The cached extraction of ``document``, or None."""
        from kg.pipeline import Extraction

        if self.read_dir is None:
            return None
        path = self.read_dir / self._name(document)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        sentences = tuple(
            Sentence(s["id"], s["doc_id"], s["text"], s["start"], s["end"], tuple(s["headings"]), s["line"])
            for s in data["sentences"]
        )
        facts = tuple(
            Fact(
                f["doc"],
                f["kind"],
                tuple((k, _tuples(v)) for k, v in f["fields"]),
                f["evidence"],
                f["sentence_id"],
                f["start"],
                f["end"],
                f["rule_id"],
            )
            for f in data["facts"]
        )
        self.reused += 1
        return Extraction(document, sentences, facts)

    def put(self, extraction) -> None:
        data = {
            "sentences": [
                {
                    "id": s.id,
                    "doc_id": s.doc_id,
                    "text": s.text,
                    "start": s.start,
                    "end": s.end,
                    "headings": list(s.headings),
                    "line": s.line,
                }
                for s in extraction.sentences
            ],
            "facts": [
                {
                    "doc": f.doc,
                    "kind": f.kind,
                    "fields": [[k, v] for k, v in f.fields],
                    "evidence": f.evidence,
                    "sentence_id": f.sentence_id,
                    "start": f.start,
                    "end": f.end,
                    "rule_id": f.rule_id,
                }
                for f in extraction.facts
            ],
        }
        path = self.write_dir / self._name(extraction.document)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
