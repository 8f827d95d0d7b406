"""The small frozen values passed between stages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from kg.facts import FactData, as_dict

__all__ = ["Article", "Document", "Fact", "Label", "Mention", "Sentence", "Source"]

Label = Literal["AGENCY", "JURISDICTION", "POWER", "MATTER", "DATE", "DOC_NUMBER", "DOC_TITLE", "DOMAIN"]


@dataclass(frozen=True, slots=True)
class Source:
    """A file as read: its decoded text and how it was decoded."""

    path: str
    name: str  # file name, no folder: the prefix of every article id
    text: str  # decoded text (for HTML/DOCX: the extracted text)
    encoding: str


@dataclass(frozen=True, slots=True)
class Article:
    """One article of a source file; ``start``/``end`` index ``Source.text``."""

    id: str  # "FILE" or "FILE#N"
    source: str  # file name
    raw: str  # the article's slice of the source text
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """A normalized article: Simplified text and, per character, its offset in ``Source.text``."""

    id: str
    source: str
    title: str
    raw: str
    text: str
    # per character of ``text``, its offset in the source text: a sequence of ints (the build keeps an
    # ``array('I')``, four bytes a character, not a tuple of int objects)
    offsets: Sequence[int] = field(repr=False, compare=False)
    sha1: str = ""

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` back to offsets in the source file's decoded text.

        >>> d = Document("a", "a", "t", "發(fā)文", "发文", (0, 5), "")
        >>> d.source_span(0, 2)
        (0, 6)
        """
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else (self.offsets[-1] + 1 if self.offsets else 0)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence; ``start``/``end`` index ``Document.text``; ``headings`` are the enclosing headings."""

    id: str  # "doc#s12"
    doc_id: str
    text: str
    start: int
    end: int
    headings: tuple[str, ...] = ()
    line: int = 0  # 1-based line of the normalized text


@dataclass(frozen=True, slots=True)
class Mention:
    """A recognised span; ``start``/``end`` index the text of sentence ``sentence_id``."""

    text: str
    label: Label
    sentence_id: str
    start: int
    end: int
    rule_id: str
    attrs: tuple[tuple[str, str | None], ...] = ()

    def get(self, key: str, default: str | None = None) -> str | None:
        """An attribute such as ``sector``, ``level``, ``canonical`` or ``adcode``."""
        for k, v in self.attrs:
            if k == key:
                return v
        return default


@dataclass(frozen=True, slots=True)
class Fact:
    """An extracted statement with its evidence: ``data`` is the kind's own frozen type
    (:mod:`kg.facts`, the gold schema's kinds); ``as_record()`` gives the JSON object."""

    doc: str
    data: FactData
    evidence: str
    sentence_id: str = ""
    start: int = -1  # offsets in Document.text
    end: int = -1
    rule_id: str = ""

    @property
    def kind(self) -> str:
        return self.data.KIND

    def get(self, key: str, default: object = None) -> object:
        """The field ``key`` of the fact's data (``default`` when its kind has no such field)."""
        return getattr(self.data, key, default)

    def as_record(self, *, provenance: bool = False) -> dict:
        record: dict = {"doc": self.doc, "kind": self.kind}
        for k, v in as_dict(self.data).items():
            record[k] = _listed(v)
        record["evidence"] = self.evidence
        if provenance:
            record["sentence"] = self.sentence_id
            record["offsets"] = [self.start, self.end]
            record["rule"] = self.rule_id
        return record


def _listed(value: object) -> object:
    return [_listed(v) for v in value] if isinstance(value, tuple) else value
