"""Incremental builds: an article whose normalized text (content hash) and whose rules and code
are unchanged is not extracted again; its facts are read back from the previous build, and its
part of the graph (a ``GraphUnit`` with its validation) is reused. A cache file is written whole
under a temporary name and renamed, so a build killed while writing never leaves a half-written
unit behind."""

from __future__ import annotations

import hashlib
import json
import os
from array import array
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from kg.facts import as_dict, make
from kg.ruleset import Rules
from kg.types import Document, Fact, Sentence

__all__ = [
    "ArticleSummary",
    "CachedExtraction",
    "ExtractionCache",
    "ExtractionPayload",
    "FileIndex",
    "UnitCache",
    "extraction_cached",
    "extraction_of",
    "fingerprint",
    "link_or_copy",
    "payload_of",
    "prune",
]


def fingerprint(rules: Rules) -> str:
    """Hash of everything that decides what extraction yields: the package's code and the rules."""
    return hashlib.sha1(f"{_code()}\x1f{rules.fingerprint}".encode()).hexdigest()[:12]


@cache
def _code() -> str:
    """Hash of the package's code (and the rules it ships)."""
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
    """``source`` at ``dest`` as well: a hard link where the file system allows it (no copy), else
    a copy."""
    import shutil

    try:
        os.link(source, dest)
    except OSError:
        shutil.copyfile(source, dest)


class _Cache:
    """A cache folder that a build reads and writes in place: the previous build's entries are
    there (``kg.outdir.borrowed`` moves it into the build being written) and this build's are
    added beside them, each written whole under a temporary name and renamed; ``prune`` then
    removes what this build no longer uses."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.reused = 0
        self._made: set[str] = set()  # names written by this build
        self._got: set[str] = set()  # names read from the cache

    def _load(self, name: str):
        try:
            return json.loads((self.folder / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None


class UnitCache(_Cache):
    """An article's part of the graph and its validation, under the name ``key`` gives: what
    the shared graph needs in ``NAME`` (JSON), its named graph's N-Quads beside it in ``NAME.nq``,
    copied into the build's graph.nq as bytes, never parsed."""

    @staticmethod
    def key(doc_id: str, sha1: str, rules: Rules) -> str:
        h = hashlib.sha1(f"{fingerprint(rules)}\x1f{doc_id}\x1f{sha1}".encode())
        return h.hexdigest()[:24] + ".unit.json"

    def has(self, name: str) -> bool:
        """Whether a unit is cached under ``name``."""
        return name in self._made or (self.folder / name).is_file()

    def get(self, name: str):
        """(GraphUnit without its quads and TriG, ValidationReport, path of its N-Quads) cached
        under ``name``, or None; its TriG block is beside, in ``NAME.trig``."""
        from kg.graph import GraphUnit, ValidationReport

        quads = self.folder / (name + ".nq")
        if not quads.is_file() or not quads.with_suffix(".trig").is_file():
            return None
        data = self._load(name)
        if data is None:
            return None
        try:
            unit, report = GraphUnit.from_json(data["unit"]), ValidationReport(*data["report"])
        except (KeyError, TypeError):
            return None
        self.reused += name not in self._made
        self._got.add(name)
        return unit, report, quads

    def put(self, name: str, unit, report) -> None:
        """Keep a fresh unit (with its quads); one read from the cache is there already."""
        if name in self._made or name in self._got:
            return
        _write(self.folder / (name + ".nq"), unit.quads)  # first: a unit is whole when its JSON is there
        _write(self.folder / (name + ".trig"), unit.trig)
        data = {
            "unit": unit.as_json() | {"quads": "", "trig": ""},
            "report": [report.conforms, report.violations, report.text],
        }
        _write(self.folder / name, json.dumps(data, ensure_ascii=False))
        self._made.add(name)

    def put_quads(self, name: str, quads: str) -> None:
        """Keep N-Quads named by their content's hash (``NAME.nq``): one there already is the same."""
        if not (self.folder / f"{name}.nq").exists():
            _write(self.folder / f"{name}.nq", quads)


class ExtractionCache(_Cache):
    """An article's extraction under its name (the code's fingerprint, its id and content hash):
    ``NAME`` (JSON: the normalized document, its sentences and facts), ``NAME.facts.jsonl`` (its
    lines of facts.jsonl, copied into the build's as bytes) and ``NAME.sum.json`` (its
    ``ArticleSummary``: all the build keeps of an article once it is extracted); ``reused``
    counts the articles not extracted again."""

    @staticmethod
    def name(doc_id: str, sha1: str, rules: Rules) -> str:
        doc_key = hashlib.sha1(f"{doc_id}\x1f{sha1}".encode()).hexdigest()[:16]
        return f"{fingerprint(rules)}-{doc_key}.json"

    def has(self, name: str) -> bool:
        """Whether an extraction is cached under ``name``, all its files."""
        return extraction_cached(self.folder, name)

    def summary(self, name: str, known: dict | None = None) -> ArticleSummary | None:
        """The summary of the extraction cached under ``name`` (``known``: as the file index kept it,
        else read from the cache), or None (also when the extraction's JSON, written last, is not
        there: the entry is not whole); a summary found counts as reused."""
        data = known if known is not None else self._load(name + ".sum.json")
        if not isinstance(data, dict) or not (self.folder / name).is_file():
            return None
        try:
            summary = ArticleSummary(**data)
        except TypeError:
            return None
        self.reused += 1
        return summary

    def put(self, payload: ExtractionPayload) -> None:
        """Write a fresh extraction's files (the JSON last: the extraction is whole when it is there)."""
        _write(self.folder / (payload.name + ".facts.jsonl"), payload.facts)
        _write(self.folder / (payload.name + ".sum.json"), json.dumps(asdict(payload.summary), ensure_ascii=False))
        _write(self.folder / payload.name, payload.extraction)

    def text(self, name: str) -> str:
        """The JSON of the extraction cached under ``name``."""
        return (self.folder / name).read_text(encoding="utf-8")

    def facts_file(self, name: str) -> Path:
        return self.folder / (name + ".facts.jsonl")


def prune(folder: Path, keep: set[str]) -> int:
    """Remove from the cache ``folder`` every entry whose name is not in ``keep`` (the entries a
    build used; an entry's files are its name and the name with a suffix), and files left half
    written; the file that marks an entry whole goes first. Returns the number of files removed."""
    doomed = []
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            base = name if name in keep else _entry_of(name)
            if base not in keep:
                doomed.append(name)
    doomed.sort(key=lambda n: _entry_of(n) != n)  # the entries' own names (their markers) first
    for name in doomed:
        try:
            os.unlink(folder / name)
        except OSError:
            pass
    return len(doomed)


def _entry_of(name: str) -> str:
    """The entry a cache file belongs to: its name without the suffix of a part of the entry."""
    for suffix in (".facts.jsonl", ".sum.json", ".nq", ".trig"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


@dataclass(frozen=True)
class CachedExtraction:
    """An extraction as its cached JSON, sent to where its part of the graph is made."""

    id: str
    text: str


class FileIndex:
    """The input files of a build by path: size, modification time and the cache names of their
    articles' extractions, so that the next build does not read a file again that has not
    changed since (as git's index does). A file modified within ``RACY_NS`` before the index was
    written could change again within the same clock tick unseen: it is read again."""

    RACY_NS = 2_000_000_000

    def __init__(self, rules: Rules, data: dict | None = None) -> None:
        self.stamp = fingerprint(rules)
        data = data if isinstance(data, dict) and data.get("fingerprint") == self.stamp else {}
        self.written_ns = int(data.get("written_ns") or 0)
        self.files: dict[str, list] = data.get("files") or {}
        self.summaries: dict[str, dict] = data.get("summaries") or {}  # cache name → ArticleSummary's fields

    @classmethod
    def read(cls, path: Path, rules: Rules) -> FileIndex:
        try:
            return cls(rules, json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return cls(rules)

    def unchanged(self, path: Path, stat: os.stat_result) -> list[str] | None:
        """The cache names of the articles of ``path`` when it is as the index saw it, else None."""
        entry = self.files.get(self._key(path))
        if not entry or entry[:2] != [stat.st_size, stat.st_mtime_ns]:
            return None
        return entry[2] if stat.st_mtime_ns < self.written_ns - self.RACY_NS else None

    def add(self, path: Path, stat: os.stat_result, names: list[str], summaries: list) -> None:
        """``path`` as this build saw it, the cache names of its articles and their summaries
        (``ArticleSummary``, None where there is none), so that the next build need not read them
        back from the cache one by one."""
        self.files[self._key(path)] = [stat.st_size, stat.st_mtime_ns, names]
        self.summaries.update((a.cache, asdict(a)) for a in summaries if a is not None)

    @staticmethod
    def _key(path: Path) -> str:
        # the path's bytes as text: a name that is not UTF-8 (a GBK file name) keeps its bytes escaped
        return os.fsencode(path.resolve()).decode("utf-8", "backslashreplace")

    def write(self, path: Path) -> None:
        import time

        data = {"fingerprint": self.stamp, "written_ns": time.time_ns(), "files": self.files}
        data["summaries"] = self.summaries
        _write(path, json.dumps(data, ensure_ascii=False))


def extraction_cached(folder: Path, name: str) -> bool:
    """Whether the cache ``folder`` has the extraction ``name``, all its files."""
    return all((folder / (name + s)).is_file() for s in _EXTRACTION_FILES)


# an extraction's files, the JSON last (written last, so a killed write leaves no whole-looking entry)
_EXTRACTION_FILES = (".facts.jsonl", ".sum.json", "")


@dataclass(frozen=True)
class ArticleSummary:
    """What a build keeps of an extracted article: its id, file, content hash, the fields of its
    document header (for the acts it cites and the report) and how many facts of each kind."""

    id: str
    source: str
    sha1: str
    record: dict
    counts: dict
    cache: str  # the name of its extraction in the cache
    chars: int  # the length of its normalized text


@dataclass(frozen=True)
class ExtractionPayload:
    """An extraction as the cache writes it, made where it was extracted (a worker); ``unit``:
    the article's part of the graph made there too, as (cache key, GraphUnit, ValidationReport)
    (None: making it failed)."""

    name: str
    extraction: str
    facts: str
    summary: ArticleSummary
    unit: tuple | None = None


def payload_of(extraction, rules: Rules, unit: tuple | None = None) -> ExtractionPayload:
    """The cache's files of an extraction, its summary, and its ``unit`` if made."""
    from collections import Counter

    document = extraction.document
    name = ExtractionCache.name(document.id, document.sha1, rules)
    header = next((as_dict(f.data) for f in extraction.facts if f.kind == "document"), {})
    summary = ArticleSummary(
        document.id,
        document.source,
        document.sha1,
        json.loads(json.dumps(header, ensure_ascii=False)),  # as JSON gives it back: lists, not tuples
        dict(Counter(f.kind for f in extraction.facts)),
        name,
        len(document.text),
    )
    facts = "".join(json.dumps(f.as_record(provenance=True), ensure_ascii=False) + "\n" for f in extraction.facts)
    return ExtractionPayload(name, json.dumps(_data(extraction), ensure_ascii=False), facts, summary, unit)


def extraction_of(text: str):
    """The extraction from its cached JSON (``payload_of``'s ``extraction``)."""
    from kg.pipeline import Extraction

    data = json.loads(text)
    d = data["document"]
    document = Document(d["id"], d["source"], d["title"], d["raw"], d["text"], _offsets(d["offsets"]), d["sha1"])
    sentences = tuple(
        Sentence(s["id"], s["doc_id"], s["text"], s["start"], s["end"], tuple(s["headings"]), s["line"])
        for s in data["sentences"]
    )
    facts = tuple(
        Fact(f["doc"], make(f["kind"], f["fields"]), f["evidence"], f["sentence_id"], f["start"], f["end"], f["rule"])
        for f in data["facts"]
    )
    return Extraction(document, sentences, facts)


def _runs(offsets) -> list[list[int]]:
    """Source offsets as the places they do not go on by one: [[index, offset], …] (the text of
    an article maps to its source mostly one to one, so this is short).

    >>> _runs([5, 6, 7, 10, 11]), _offsets(_runs([5, 6, 7, 10, 11])).tolist()
    ([[0, 5], [3, 10], [5, 0]], [5, 6, 7, 10, 11])
    """
    out, expect = [], None
    for i, o in enumerate(offsets):
        if o != expect:
            out.append([i, o])
        expect = o + 1
    out.append([len(offsets), 0])  # the length
    return out


def _offsets(runs: list[list[int]]) -> array:
    out = array("I")
    for (i, o), (j, _) in zip(runs, runs[1:]):
        out.extend(range(o, o + j - i))
    return out


def _data(extraction) -> dict:
    d = extraction.document
    return {
        "document": {
            "id": d.id,
            "source": d.source,
            "title": d.title,
            "raw": d.raw,
            "text": d.text,
            "offsets": _runs(d.offsets),
            "sha1": d.sha1,
        },
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
                "rule": f.rule_id,
            }
            for f in extraction.facts
        ],
    }
