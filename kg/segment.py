"""Segment stage: ``Document`` → ``list[Sentence]`` with the heading hierarchy and offsets."""

from __future__ import annotations

import re

from kg.types import Document, Sentence

__all__ = ["heading_level", "segment"]

_CN = "一二三四五六七八九十百零〇"
# (level, pattern) — the numbering conventions of Chinese official documents (GB/T 9704):
# 一、 > (一) > 1. > (1); 第一章/第一条 for regulations.
_HEADINGS = [
    (0, re.compile(rf"^第[{_CN}0-9]+[章节编]")),
    (1, re.compile(rf"^[{_CN}]+[、.．]")),
    (2, re.compile(rf"^[(（][{_CN}]+[)）]")),
    (3, re.compile(r"^[0-9]{1,2}(?:[、．]|\.(?!\d))")),
    (4, re.compile(r"^[(（][0-9]{1,2}[)）]")),
    (3, re.compile(rf"^第[{_CN}0-9]+条")),
]
_SENT_END = re.compile(r"[。！？!?]+[”」』)]?|\n")


def heading_level(line: str) -> int | None:
    """Numbering level of a heading line, or None for body text.

    >>> [heading_level(x) for x in ["一、总体要求", "(二)工作目标", "3.坚持依法治理。", "正文。"]]
    [1, 2, 3, None]
    """
    for level, pattern in _HEADINGS:
        if pattern.match(line):
            return level
    return None


def _heading_text(line: str) -> str:
    """The heading's own words: up to the first full stop, colon or comma, at most 40 characters."""
    head = re.split(r"[。:：;；,，]", line, maxsplit=1)[0]
    return head[:40]


def segment(document: Document) -> list[Sentence]:
    """Split a document into sentences, each with the headings that enclose it.

    Examples:
        >>> from kg.types import Document
        >>> t = "一、总体要求\\n(一)工作目标。到2020年完成改革。其他市跟进。"
        >>> d = Document("d", "d", "t", t, t, tuple(range(len(t))))
        >>> [(s.text, s.headings) for s in segment(d)][1:]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('(一)工作目标。', ('一、总体要求',)),
         ('到2020年完成改革。', ('一、总体要求', '(一)工作目标')),
         ('其他市跟进。', ('一、总体要求', '(一)工作目标'))]
    """
    text = document.text
    stack: list[tuple[int, str]] = []
    out: list[Sentence] = []
    pos = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        level = heading_level(line)
        first = True
        for m in _iter_sentences(line):
            s, e = m
            headings = tuple(h for _, h in stack)
            out.append(
                Sentence(
                    f"{document.id}#s{len(out) + 1}",
                    document.id,
                    line[s:e],
                    line_start + s,
                    line_start + e,
                    headings,
                    lineno,
                )
            )
            if first and level is not None:
                # The heading line's own first sentence opens a section for what follows.
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, _heading_text(line)))
            first = False
    return out


def _iter_sentences(line: str):
    if "\t" in line and line.strip():
        yield 0, len(line)  # a table row is one sentence: a cell's 。 ends no sentence of the row
        return
    start = 0
    for m in _SENT_END.finditer(line):
        end = m.end()
        if line[start:end].strip():
            yield start, end
        start = end
    if line[start:].strip():
        yield start, len(line)
