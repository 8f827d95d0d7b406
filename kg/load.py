"""Ingest stage: files on disk → decoded ``Source`` → ``Article`` slices (one file may hold several)."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.types import Article, Source

__all__ = ["SUFFIXES", "decode", "iter_paths", "read_source", "split_articles"]

SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx")

# Encodings tried in order after a BOM check; the first that decodes strictly and yields
# mostly CJK/ASCII text wins. GB18030 is a superset of GBK/GB2312.
_CANDIDATES = ("utf-8", "gb18030", "big5")


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders into the supported files below them, sorted; files are kept as given.

    Below a folder, hidden files and folders (".name") and Quanze build folders are passed
    over, so that a build written inside an input folder is never read back as input.

    Raises:
        InputError: a path does not exist.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(_walk(path))
        elif path.is_file():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder")


def _walk(folder: Path) -> Iterator[Path]:
    from kg.outdir import is_build

    for entry in folder.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink() and not is_build(entry):
                yield from _walk(entry)
        elif entry.is_file() and entry.suffix.lower() in SUFFIXES:
            yield entry


def _plausibility(text: str) -> float:
    """Share of characters that are CJK, ASCII printable, CJK punctuation or whitespace."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        o = ord(ch)
        if o < 128 and (ch.isprintable() or ch in "\r\n\t"):
            good += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F:
            good += 1
    return good / len(text)


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes of a Chinese text file; returns ``(text, encoding)``.

    Handles UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK and Big5.

    Raises:
        InputError: the bytes are empty, binary, or no encoding fits.

    Examples:
        >>> decode("城管执法".encode("gbk"))[0]
        '城管执法'
        >>> decode("城管執法".encode("big5"))
        ('城管執法', 'big5')
    """
    if not data.strip():
        raise InputError(f"{name}: empty file")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(
                    f"{name}: starts with a {enc} byte-order mark but does not decode: {e.reason}"
                ) from None
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: binary file (NUL bytes); expected text, HTML or DOCX")
    best: tuple[float, str, str] | None = None
    for enc in _CANDIDATES:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if enc == "utf-8" and score > 0.9:
            return text, enc
        # Big5 and GB18030 can both decode some byte strings; prefer the more plausible.
        if best is None or score > best[0] + 0.02:
            best = (score, text, enc)
    if best is None:
        try:
            from charset_normalizer import from_bytes
        except ImportError:  # pragma: no cover - a declared dependency
            from_bytes = None
        guess = from_bytes(data).best() if from_bytes else None
        if guess is not None and guess.encoding:
            return str(guess), guess.encoding
        raise InputError(f"{name}: cannot decode as UTF-8, GB18030/GBK or Big5")
    score, text, enc = best
    if score < 0.6:
        raise InputError(f"{name}: decodes as {enc} but looks binary ({score:.0%} text characters)")
    return text, enc


_BLOCK_TAGS = re.compile(r"^(p|div|br|li|tr|h[1-6]|section|article|table|ul|ol|title|td|th|pre|blockquote)$")


def _html_text(html: str, name: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")  # tolerant of malformed markup
    for tag in soup(["script", "style", "noscript", "iframe", "nav", "footer", "header", "form"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = soup.get_text()
    text = re.sub(r"[ \t\u3000]*\n[ \t\u3000\n]*", "\n", text).strip()
    if not text:
        raise InputError(f"{name}: HTML holds no text")
    return text


def _docx_text(data: bytes, name: str) -> str:
    import io
    import zipfile

    try:
        import docx
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise InputError(f"{name}: python-docx is needed to read .docx") from e
    try:
        d = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise InputError(f"{name}: not a valid .docx file ({e})") from None
    lines = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            lines.append(" ".join(c.text for c in row.cells))
    text = "\n".join(lines).strip()
    if not text:
        raise InputError(f"{name}: .docx holds no text")
    return text


def read_source(path: str | Path) -> Source:
    """Read one file into a ``Source`` with its text decoded.

    Raises:
        InputError: the file is missing, empty, binary, undecodable or of an unknown type.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    suffix = path.suffix.lower()
    if suffix == ".docx":
        if not data:
            raise InputError(f"{path}: empty file")
        return Source(str(path), path.name, _docx_text(data, str(path)), "docx")
    if suffix not in SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix!r}; expected one of {', '.join(SUFFIXES)}")
    text, enc = decode(data, str(path))
    if suffix in (".html", ".htm") or (suffix != ".md" and re.match(r"\s*<(!doctype|html)", text, re.I)):
        text = _html_text(text, str(path))
    return Source(str(path), path.name, text, enc)


_NUM = "一二三四五六七八九十百零〇"
# "……意见 篇1" at a line end, or "第一篇:……" at a line start: the two ways web collections mark articles.
# Only horizontal white space (_H) inside a marker: a \s that can cross line ends made the search
# cubic over runs of blank lines (4,000 empty lines took 72 s).
_H = r"[ \t\r\u3000\xa0]"
_MARK_SUFFIX = re.compile(rf"^(?P<head>[^\n]{{0,80}}?){_H}*篇{_H}*(?P<n>[0-9０-９{_NUM}]+){_H}*$", re.M)
_MARK_PREFIX = re.compile(
    rf"^{_H}*[【\[]?{_H}*(?:第{_H}*(?P<n>[0-9０-９{_NUM}]+){_H}*篇|篇{_H}*(?P<n2>[0-9０-９{_NUM}]+)){_H}*[】\]]?"
    rf"{_H}*[:：、.．]?{_H}*(?P<head>[^\n]*)$",
    re.M,
)


def split_articles(source: Source) -> list[Article]:
    """Split a source into articles at "…篇N" / "第N篇:…" lines (two or more needed).

    Text before the first marker (a collection title) belongs to no article.

    >>> s = Source("x.txt", "x.txt", "合集\\n第一篇:甲方案\\n正文。\\n第二篇:乙意见\\n正文。", "utf-8")
    >>> [(a.id, a.raw.splitlines()[0]) for a in split_articles(s)]
    [('x.txt#1', '第一篇:甲方案'), ('x.txt#2', '第二篇:乙意见')]
    """
    text = source.text
    best: list[re.Match] = []
    for pattern in (_MARK_PREFIX, _MARK_SUFFIX):
        found = list(pattern.finditer(text))
        if len(found) >= 2 and len(found) > len(best):
            best = found
    if len(best) < 2:
        return [Article(source.name, source.name, text, 0, len(text))]
    starts = [m.start() for m in best]
    ends = starts[1:] + [len(text)]
    return [
        Article(f"{source.name}#{i}", source.name, text[s:e], s, e) for i, (s, e) in enumerate(zip(starts, ends), 1)
    ]
