"""Ingest stage: files on disk → decoded ``Source`` → ``Article`` slices (one file may hold several)."""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from lxml import etree

from kg.errors import InputError
from kg.types import Article, Source

__all__ = [
    "MAX_DOCX_XML_BYTES",
    "MAX_FILE_BYTES",
    "MAX_LINE_CHARS",
    "SUFFIXES",
    "decode",
    "iter_paths",
    "read_source",
    "shown",
    "split_articles",
]

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


# characters of a plausible Chinese text: ASCII printable and whitespace, CJK, CJK punctuation,
# full-width forms, general punctuation, Latin letters with tone marks (pinyin glosses)
_PLAUSIBLE = re.compile("[\x20-\x7e\r\n\t\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\u00c0-\u024f]+")


def _plausibility(text: str) -> float:
    """Share of characters that are CJK, ASCII printable, CJK punctuation, whitespace or Latin
    letters with tone marks (pinyin glosses such as 关(guān)); Big5 mojibake of GB18030 text turns
    the latter into CJK, so counting them keeps GB18030 ahead on such texts.

    >>> round(_plausibility("关于执法 ok" + chr(0) + chr(1)), 2)
    0.78
    """
    if not text:
        return 0.0
    return (len(text) - len(_PLAUSIBLE.sub("", text))) / len(text)


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


# Limits on what one input may hold; each is refused with a one-line error naming the file.
MAX_FILE_BYTES = 20 << 20  # any input file, as stored on disk
MAX_DOCX_XML_BYTES = 50 << 20  # word/document.xml once inflated (declared or actual size)
MAX_LINE_CHARS = 100_000  # one line of the decoded text (a paragraph; real ones are < 10,000)

_BLOCK_TAGS = frozenset(
    "p div br li tr h1 h2 h3 h4 h5 h6 section article table ul ol title pre blockquote dd dt hr".split()
)
_CELL_TAGS = frozenset(("td", "th"))  # a table row is one line, its cells tab-separated (as in .docx)
# Content of these elements is page chrome or code, never document text.
_SKIP_TAGS = frozenset("script style noscript iframe nav footer header template svg".split())


# A merged cell's text is repeated in the rows it spans (a 权责清单's kind or body cell spans many);
# a longer cell is no label and spans as empty, so output stays within a few times the input.
MAX_SPANNED_CELL_CHARS = 200
_MAX_SPAN = 1000


class _Spans:
    """Cells of one table that span rows (HTML rowspan, .docx vMerge): each row gets their text in
    the column they cover, so a row's cells stay in the header's columns."""

    def __init__(self) -> None:
        self.pending: dict[int, list] = {}  # column → [rows still to fill, text]
        self.col = 0

    def start_row(self) -> None:
        self.col = 0

    def fill(self) -> list[str]:
        """The spanned cells that stand before the next cell of this row (each text + tab)."""
        out = []
        while self.col in self.pending:
            out.append(self._take(self.col) + "\t")
            self.col += 1
        return out

    def end_cell(self, text: str, rows: int = 1, cols: int = 1) -> list[str]:
        """Note a cell just read (spanning ``rows`` rows and ``cols`` columns); the empty cells its
        extra columns stand for."""
        if rows > 1:
            self.pending[self.col] = [rows - 1, text if len(text) <= MAX_SPANNED_CELL_CHARS else ""]
        self.col += cols
        return ["\t"] * (cols - 1)

    def end_row(self) -> list[str]:
        """The spanned cells after the last cell of this row."""
        out = []
        for c in sorted(k for k in self.pending if k >= self.col):
            out.append("\t" * (c - self.col) + self._take(c) + "\t")
            self.col = c + 1
        return out

    def _take(self, col: int) -> str:
        left, text = self.pending[col]
        if left <= 1:
            del self.pending[col]
        else:
            self.pending[col][0] = left - 1
        return text


def _span_attr(attrs, name: str) -> int:
    value = dict(attrs).get(name) or "1"
    return min(int(value), _MAX_SPAN) if value.strip().isdigit() and int(value) > 0 else 1


class _HTMLText(HTMLParser):
    """Stream text out of HTML: no tree is built, so time is linear whatever the nesting depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: dict[str, int] = {}
        self.cells = 0  # depth of table cells we are inside: blocks there are no line breaks
        self.tables: list[_Spans] = []  # the tables we are inside, innermost last
        self.open_cells: list[tuple[int, int, int]] = []  # (start in parts, rowspan, colspan) of each open cell
        self.title_at: int | None = None  # where the page's <title> text starts in parts, while inside it

    def _break(self) -> None:
        self.parts.append(" " if self.cells else "\n")

    def _table(self) -> _Spans:
        if not self.tables:  # a row or cell outside any table (malformed): a table of its own
            self.tables.append(_Spans())
        return self.tables[-1]

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skipping[tag] = self.skipping.get(tag, 0) + 1
        elif tag in _CELL_TAGS:
            self.parts.extend(self._table().fill())
            self.cells += 1
            self.open_cells.append((len(self.parts), _span_attr(attrs, "rowspan"), _span_attr(attrs, "colspan")))
        elif tag == "table":
            self.tables.append(_Spans())
            self._break()
        elif tag == "tr":
            self._table().start_row()
            self._break()
        elif tag in _BLOCK_TAGS:
            self._break()
            if tag == "title":
                self.title_at = len(self.parts)

    def handle_endtag(self, tag):
        if tag == "title" and self.title_at is not None:
            # "关于…的通知_某市人民政府": the page's title names its site after a separator
            page_title = "".join(self.parts[self.title_at :])
            del self.parts[self.title_at :]
            self.parts.append(_SITE_SUFFIX.sub("", page_title))
            self.title_at = None
        if self.skipping.get(tag):
            self.skipping[tag] -= 1
        elif tag in _CELL_TAGS and self.cells:
            self.cells -= 1
            start, rows, cols = self.open_cells.pop() if self.open_cells else (len(self.parts), 1, 1)
            text = re.sub(r"\s+", " ", "".join(self.parts[start:])).strip()
            self.parts.append("\t")
            self.parts.extend(self._table().end_cell(text, rows, cols))
        elif tag == "tr":
            self.parts.extend(self._table().end_row())
            self._break()
        elif tag == "table":
            if self.tables:
                self.tables.pop()
            self._break()
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data):
        if not any(self.skipping.values()):
            self.parts.append(data)


# what a page's <title> adds after the document's own title: its site, after _ | - — ("…的通知_某市政府网")
_SITE_SUFFIX = re.compile(r"(?<=\S{4})\s*(?:[_|｜]|\s[-—–]\s?|——)[^_|｜]{2,40}$")


def _html_text(html: str, name: str) -> str:
    """Visible text of an HTML page, one block element a line (tolerant of malformed markup).

    >>> _html_text("<p>甲<b>乙</b></p><script>x()</script><div>丙&amp;丁", "a.html")
    '甲乙\\n丙&丁'
    >>> _html_text("<table><tr><td>1</td><td><p>占道</p><p>经营</p></td></tr><tr><td>2</td></tr></table>", "t.html")
    '1\\t占道 经营\\n2'
    >>> _html_text('<table><tr><td rowspan="2">处罚</td><td>甲</td></tr><tr><td>乙</td></tr></table>', "t.html")
    '处罚\\t甲\\n处罚\\t乙'
    >>> _html_text("<title>关于某事的通知_某市人民政府</title><h1>关于某事的通知</h1>", "t.html")
    '关于某事的通知\\n关于某事的通知'
    """
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    text = re.sub(r" {2,}", " ", "".join(parser.parts))  # as a browser shows it: runs of spaces are one
    text = re.sub(r" *\t *", "\t", text)
    text = re.sub(r"[ \t\u3000]*\n[ \t\u3000\n]*", "\n", text).strip()
    if not text:
        raise InputError(f"{name}: HTML holds no text")
    return text


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class _Capped(io.RawIOBase):
    """A read-only stream that raises once more than ``limit`` bytes have come out of ``raw``."""

    def __init__(self, raw, limit: int, name: str) -> None:
        self.raw, self.left, self.name = raw, limit, name

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(1 << 16 if size is None or size < 0 else min(size, 1 << 16))
        self.left -= len(chunk)
        if self.left < 0:
            raise InputError(f"{self.name}: word/document.xml inflates past {MAX_DOCX_XML_BYTES >> 20} MB")
        return chunk


def _docx_text(data: bytes, name: str) -> str:
    """Text of a .docx: only word/document.xml is read, streamed under a size cap; no entity is
    expanded and nothing is fetched. Paragraphs are lines; a table row is one line, cells tab-separated.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        info = archive.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError) as e:
        raise InputError(f"{name}: not a valid .docx file ({e})") from None
    if info.file_size > MAX_DOCX_XML_BYTES:
        raise InputError(
            f"{name}: word/document.xml declares {info.file_size >> 20} MB, "
            f"over the {MAX_DOCX_XML_BYTES >> 20} MB limit"
        )
    parts: list[str] = []
    cells = 0  # depth of table cells we are inside
    # vertically merged cells (w:vMerge): the text of the first is every continued cell's, column by column
    merged: list[dict[int, str]] = []  # per open table: column → text of the merge that covers it
    row: list[list] = []  # per open table: [column of the next cell, start of the cell in parts, merge, span]
    try:
        with archive.open(info) as member:
            stream = _Capped(member, MAX_DOCX_XML_BYTES, name)
            events = etree.iterparse(
                stream, events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False
            )
            for event, el in events:
                tag = el.tag
                if event == "start":
                    cells += tag == f"{_W}tc"
                    if tag == f"{_W}tbl":
                        merged.append({})
                        row.append([0, 0, None, 1])
                    elif row and tag == f"{_W}tr":
                        row[-1][0] = 0
                    elif row and tag == f"{_W}tc":
                        row[-1][1:] = [len(parts), None, 1]
                    elif row and tag == f"{_W}vMerge":
                        row[-1][2] = el.get(f"{_W}val") or "continue"
                    elif row and tag == f"{_W}gridSpan":
                        span = el.get(f"{_W}val") or "1"
                        row[-1][3] = min(int(span), _MAX_SPAN) if span.isdigit() and int(span) > 0 else 1
                    continue
                if tag == f"{_W}tc" and row:
                    col, start, merge, span = row[-1]
                    text = "".join(parts[start:]).strip()
                    if merge == "restart":
                        merged[-1][col] = text if len(text) <= MAX_SPANNED_CELL_CHARS else ""
                    elif merge == "continue" and not text and col in merged[-1]:
                        del parts[start:]  # the empty paragraphs of the continued cell
                        parts.append(merged[-1][col])
                    else:
                        merged[-1].pop(col, None)
                    row[-1][0] = col + span
                elif tag == f"{_W}tbl" and row:
                    merged.pop()
                    row.pop()
                if tag == f"{_W}t":
                    # an unexpanded entity is a child: keep the text around it, drop the reference
                    parts.append((el.text or "") + "".join(child.tail or "" for child in el))
                elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
                    parts.append("\t" if tag == f"{_W}tab" else "\n")
                elif tag == f"{_W}p":
                    parts.append(" " if cells else "\n")
                elif tag == f"{_W}tc":
                    cells -= 1
                    if parts and parts[-1] == " ":
                        parts.pop()
                    parts.append("\t")
                elif tag == f"{_W}tr":
                    parts.append("\n")
                if tag in (f"{_W}p", f"{_W}tbl"):
                    el.clear(keep_tail=True)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, EOFError, zlib.error) as e:
        raise InputError(f"{name}: not a valid .docx file ({str(e).splitlines()[0][:200]})") from None
    text = "\n".join(line.strip() for line in "".join(parts).splitlines()).strip()
    if not text:
        raise InputError(f"{name}: .docx holds no text")
    return text


def shown(path: str | Path) -> str:
    """A path as it can be printed: bytes that are not UTF-8 in a file name become U+FFFD.

    >>> shown(Path(b"a\\xff.txt".decode("utf-8", "surrogateescape")))
    'a�.txt'
    """
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_source(path: str | Path, data: bytes | None = None) -> Source:
    """Read one file into a ``Source`` with its text decoded (``data``: the file's bytes, read
    elsewhere, e.g. by the build that sent them to a cluster's worker).

    Raises:
        InputError: the file is missing, empty, binary, undecodable, of an unknown type, or over
            one of the limits (``MAX_FILE_BYTES``, ``MAX_DOCX_XML_BYTES``, ``MAX_LINE_CHARS``).
    """
    path = Path(path)
    name = shown(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{name}: unsupported file type {suffix!r}; expected one of {', '.join(SUFFIXES)}")
    try:
        size = path.stat().st_size if data is None else len(data)
        if size > MAX_FILE_BYTES:
            raise InputError(f"{name}: {size >> 20} MB, over the {MAX_FILE_BYTES >> 20} MB limit for one input file")
        data = path.read_bytes() if data is None else data
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    if suffix == ".docx":
        if not data:
            raise InputError(f"{name}: empty file")
        text, enc = _docx_text(data, name), "docx"
    else:
        text, enc = decode(data, name)
        if suffix in (".html", ".htm") or (suffix != ".md" and re.match(r"\s*<(!doctype|html)", text, re.I)):
            text = _html_text(text, name)
    longest = max(map(len, text.splitlines()), default=0)
    if longest > MAX_LINE_CHARS:
        raise InputError(f"{name}: a line of {longest:,} characters, over the {MAX_LINE_CHARS:,} limit")
    return Source(name, shown(path.name), text, enc)


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
