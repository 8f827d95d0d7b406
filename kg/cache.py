"""Incremental builds: an article whose normalized text (content hash) and whose rules and code
are unchanged is not extracted again; its facts are read back from the previous build. Its part
of the graph (a ``GraphUnit`` with its validation) is reused too when, besides, the acts it cites
resolve as before. A cache file is written whole under a temporary name and renamed, so a build
killed while writing never leaves a half-written unit behind."""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path

from kg.facts import as_dict, make
from kg.types import Document, Fact, Sentence

__all__ = ["ExtractionCache", "UnitCache", "fingerprint", "link_or_copy"]


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


def _write(path: Path, text: str) -> None:
    part = path.with_name(path.name + ".part")
    part.write_text(text, encoding="utf-8")
    os.replace(part, path)


def link_or_copy(source: Path, dest: Path) -> None:
    """The previous build's cache file into this build's cache: a hard link where the file
    system allows it (no copy), else a copy."""
    import shutil

    try:
        os.link(source, dest)
    except OSError:
        shutil.copyfile(source, dest)


class _Cache:
    def __init__(self, read_dir: Path | None, write_dir: Path):
        self.read_dir = read_dir if read_dir and read_dir.is_dir() else None
        self.write_dir = write_dir
        self.write_dir.mkdir(parents=True, exist_ok=True)
        self.reused = 0
        self._read: dict[str, Path] = {}  # name → the previous build's file it was read from

    def _load(self, name: str):
        if self.read_dir is None:
            return None
        path = self.read_dir / name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self._read[name] = path
        return data

    def _store(self, name: str, make_text) -> None:
        dest = self.write_dir / name
        if name in self._read:
            link_or_copy(self._read[name], dest)
        else:
            _write(dest, make_text())


class UnitCache(_Cache):
    """An article's part of the graph and its validation, under the name ``key`` gives: what
    the shared graph needs in ``NAME`` (JSON), its named graph's N-Quads beside it in ``NAME.nq``,
    copied into the build's graph.nq as bytes, never parsed."""

    @staticmethod
    def key(document: Document, context: tuple) -> str:
        h = hashlib.sha1(f"{fingerprint()}\x1f{document.id}\x1f{document.sha1}\x1f{context!r}".encode())
        return h.hexdigest()[:24] + ".unit.json"

    def get(self, name: str):
        """(GraphUnit without its quads and TriG, ValidationReport, path of its N-Quads) cached
        under ``name``, or None; its TriG block is beside, in ``NAME.trig``."""
        from kg.graph import GraphUnit, ValidationReport

        quads = self.read_dir / (name + ".nq") if self.read_dir else None
        if quads is None or not quads.is_file() or not quads.with_suffix(".trig").is_file():
            return None
        data = self._load(name)
        if data is None:
            return None
        try:
            unit, report = GraphUnit.from_json(data["unit"]), ValidationReport(*data["report"])
        except (KeyError, TypeError):
            return None
        self.reused += 1
        return unit, report, quads

    def put(self, name: str, unit, report) -> None:
        """Keep a unit: a fresh one (with its quads) is written, a reused one linked."""
        if name in self._read:
            for suffix in ("", ".nq", ".trig"):
                link_or_copy(self._read[name].with_name(name + suffix), self.write_dir / (name + suffix))
            return
        _write(self.write_dir / (name + ".nq"), unit.quads)  # first: a unit is whole when its JSON is there
        _write(self.write_dir / (name + ".trig"), unit.trig)
        data = {
            "unit": unit.as_json() | {"quads": "", "trig": ""},
            "report": [report.conforms, report.violations, report.text],
        }
        _write(self.write_dir / name, json.dumps(data, ensure_ascii=False))


class ExtractionCache(_Cache):
    """Reads cached extractions from ``read_dir`` (the previous build's) and writes every
    extraction of this build to ``write_dir``; ``reused`` counts the articles not re-extracted."""

    def _name(self, document: Document) -> str:
        doc_key = hashlib.sha1(f"{document.id}\x1f{document.sha1}".encode()).hexdigest()[:16]
        return f"{fingerprint()}-{doc_key}.json"

    def get(self, document: Document):
        """The cached extraction of ``document``, or None."""
        from kg.pipeline import Extraction

        data = self._load(self._name(document))
        if data is None:
            return None
        sentences = tuple(
            Sentence(s["id"], s["doc_id"], s["text"], s["start"], s["end"], tuple(s["headings"]), s["line"])
            for s in data["sentences"]
        )
        facts = tuple(
            Fact(
                f["doc"],
                make(f["kind"], dict(f["fields"])),
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
        self._store(self._name(extraction.document), lambda: json.dumps(self._data(extraction), ensure_ascii=False))

    @staticmethod
    def _data(extraction) -> dict:
        return {
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
                    "fields": as_dict(f.data),
                    "evidence": f.evidence,
                    "sentence_id": f.sentence_id,
                    "start": f.start,
                    "end": f.end,
                    "rule_id": f.rule_id,
                }
                for f in extraction.facts
            ],
        }
