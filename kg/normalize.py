"""Normalize stage: ``Article`` → ``Document`` (Simplified script, glosses and web chrome out, offsets kept).

Every character of the normalized text keeps the offset of the source character it came
from, so a fact's evidence can always be shown in the original file.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from array import array
from collections import Counter
from functools import cache

from kg.ruleset import Rules, derived
from kg.types import Article, Document

__all__ = ["DOC_TYPE", "ITEM_NUMBER", "NUMBER_COLUMN", "ROW_NUMBER", "normalize", "strip_glosses", "to_simplified"]

_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A pinyin gloss glued to a character or a word: "關(guān)", "發（fā）", "劃轉(huà zhuǎn)". Its
# syllables are lowercase Latin letters, one at least with a tone mark (a neutral syllable has
# none: "(de)" alone is no gloss); "(PPP)", "(以下简称…)" and "县(区)" do not match.
_SYLLABLE = rf"[a-zü{_TONE}]{{1,6}}"
_GLOSS = re.compile(
    rf"[(（]\s*(?:{_SYLLABLE}\s+){{0,3}}[a-zü{_TONE}]{{0,5}}[{_TONE}][a-zü{_TONE}]{{0,5}}(?:\s+{_SYLLABLE}){{0,3}}\s*[)）]"
)

# Lines that are web chrome rather than document text: ads, share banners, hotlines,
# copyright footers, "本文链接", "友情提示", tag clouds. Patterns describe the genre of
# page furniture, not any one site.
_CHROME_LINE = re.compile(
    r"本文链接|原文链接|文章链接|原文地址|友情提示|温馨提示|免责声明|版权(所有|声明)|copyright|©|"
    r"ICP备|公网安备|由会员分享|可在线阅读|请在.{0,12}上搜索|(本|该)(文档|资料)(由|来自)|"
    r"^\s*(来源|作者|责任编辑|编辑|发布时间|浏览次数|阅读次数|点击次数)\s*[:：]|"
    # a site's footer: who runs it and builds it ("主办：某区人民政府办公室　技术支持：…"), its code
    r"^\s*(主办|承办|协办)(单位)?\s*[:：]|技术支持\s*[:：]|网站标识码|网站地图|"
    # breadcrumbs: "当前位置：首页 > 政策法规 > …", "您的位置: 首页 » …"
    r"^\s*(当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[:：]|首页\s*[>»›]",
    re.I,
)
# a page's number on a line of its own ("— 2 —", "- 12 -", "·3·"), as a PDF's text keeps it
_PAGE_NUMBER = re.compile(r"[-—–·\s]*\d{1,3}[-—–·\s]*")
# Weaker signals that are page furniture only on a short line that is no sentence.
_CHROME_SHORT = re.compile(
    r"热线|热门TAG|热门标签|TAG标签|相关(文章|阅读|推荐|搜索)|上一篇|下一篇|返回(首页|顶部|列表)|扫一扫|"
    r"关注(我们|微信|公众号)|分享到|点击(下载|查看|进入)|(下载|收藏|打印|关闭)本(文|页)|更多相关",
    re.I,
)
_OPEN_TITLE_BREAK = re.compile(r"《[ \t\u3000]*\n[ \t\u3000]*")
_PHONE = re.compile(r"(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|400-?\d{3}-?\d{4})(?!\d)")


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")  # not tw2sp: it rewrites words such as 整合→集成


# Variants OpenCC t2s leaves as they are but that are Traditional/variant forms in practice.
_EXTRA = str.maketrans({"陜": "陕", "覈": "核", "麪": "面", "綫": "线", "嚮": "向"})


@cache
def _traditional_chars() -> re.Pattern:
    """Every character OpenCC t2s changes on its own (and our extra variants), as one class:
    a text with none of them is left as it is without a call into OpenCC."""
    blocks = [range(0x3400, 0x4DC0), range(0x4E00, 0xA000), range(0xF900, 0xFB00)]
    chars = "".join(chr(c) for block in blocks for c in block)
    out = _converter().convert(chars)
    if len(out) == len(chars):
        changed = {a for a, b in zip(chars, out) if a != b}
    else:  # pragma: no cover - OpenCC keeps single characters one for one
        changed = {c for c in chars if _converter().convert(c) != c}
    changed |= {chr(k) for k in _EXTRA}
    return re.compile("[" + "".join(sorted(changed)) + "]")


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC ``t2s``, keeping the length whenever possible.

    >>> to_simplified("城市執法體制改革")
    '城市执法体制改革'
    """
    if not _traditional_chars().search(text):
        return text  # nothing to convert: most of the genre is in Simplified already
    out = _converter().convert(text)
    if len(out) != len(text):  # a rare phrase mapping of another length: convert per character
        out = "".join(c if len(c) == 1 else ch for ch, c in ((ch, _converter().convert(ch)) for ch in text))
    return out.translate(_EXTRA)


def strip_glosses(text: str) -> str:
    """Remove pinyin glosses glued to characters.

    >>> strip_glosses("關(guān)于县(区)发(fā)展(PPP)")
    '關于县(区)发展(PPP)'
    >>> strip_glosses("劃轉(huà zhuǎn)至（chéng guǎn）局 (see note)")
    '劃轉至局 (see note)'
    """
    return _GLOSS.sub("", text)


class _Mapped:
    """Text with, per character, its offset in the source; edits keep the mapping."""

    __slots__ = ("text", "offs")

    def __init__(self, text: str, base: int):
        self.text = text
        self.offs = list(range(base, base + len(text)))

    def delete(self, spans: list[tuple[int, int]]) -> None:
        """Remove the characters of the sorted, non-overlapping ``spans`` (slices, not per character)."""
        if not spans:
            return
        keep_text, keep_offs, pos = [], [], 0
        for s, e in sorted(spans):
            if s > pos:
                keep_text.append(self.text[pos:s])
                keep_offs.extend(self.offs[pos:s])
            pos = max(pos, e)
        keep_text.append(self.text[pos:])
        keep_offs.extend(self.offs[pos:])
        self.text, self.offs = "".join(keep_text), keep_offs

    def map_chars(self, fn) -> None:
        chars, offs = [], []
        for c, o in zip(self.text, self.offs):
            for r in fn(c):
                chars.append(r)
                offs.append(o)
        self.text, self.offs = "".join(chars), offs

    def replace_same_length(self, new: str) -> None:
        if len(new) != len(self.text):
            raise ValueError("replace_same_length: lengths differ")
        self.text = new


class _NfkcTable(dict):
    """str.translate table filled on demand: each character → its NFKC form (CJK punctuation kept);
    ``seen`` holds the characters looked up, ``changes_length`` those whose form is not one character."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()
        self.changes_length: set[str] = set()

    def __missing__(self, code: int) -> str:
        value = _nfkc(chr(code))
        self[code] = value
        self.seen.add(chr(code))
        if len(value) != 1:
            self.changes_length.add(chr(code))
        return value

    def keeps_length(self, text: str) -> bool:
        """Whether every character of ``text`` maps to one character (offsets stay as they are)."""
        chars = set(text)
        for ch in chars - self.seen:
            self[ord(ch)]
        return not (chars & self.changes_length)


_NFKC_TABLE = _NfkcTable()


def _nfkc(ch: str) -> str:
    if ch.isascii():
        return ch
    if ch in "〔〕【】《》〈〉「」『』、。“”‘’…—":  # keep CJK punctuation that carries meaning
        return ch
    out = unicodedata.normalize("NFKC", ch)
    return out if out.strip() or not ch.strip() else ch


def normalize(article: Article, rules: Rules) -> Document:
    """Normalize an article into a ``Document`` (``rules``: a catalogue's column names, which
    join the cells of a table copied one a line into rows).

    Steps: pinyin glosses out, NFKC (full-width → half-width; CJK punctuation kept),
    Traditional → Simplified, web-chrome lines out, whitespace inside lines collapsed.

    Examples:
        >>> from kg.types import Article
        >>> d = normalize(Article("a.txt", "a.txt", "關(guān)於執法\\n本文链接:http://x", 0, 21), rules)
        >>> d.text
        '关于执法'
        >>> d.raw[d.offsets[1]]
        '於'
    """
    m = _Mapped(article.raw, article.start)
    m.delete([x.span() for x in _GLOSS.finditer(m.text)])
    if _NFKC_TABLE.keeps_length(m.text):
        m.replace_same_length(m.text.translate(_NFKC_TABLE))  # the usual case: offsets unchanged
    else:
        m.map_chars(_nfkc)
    m.replace_same_length(to_simplified(m.text))
    m.replace_same_length(pipes_to_tabs(m.text))
    m.replace_same_length(spaces_to_tabs(m.text, rules))
    # "根据《\n国务院办公厅关于…》": a line broken inside a cited title is one line
    m.delete([(x.start() + 1, x.end()) for x in _OPEN_TITLE_BREAK.finditer(m.text)])
    text = m.text
    drop: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        short = len(stripped) <= 40 and "。" not in stripped
        if (
            not stripped
            or _TABLE_RULE.fullmatch(stripped)  # "| --- | :---: |": a Markdown table's rule under its header
            or (len(stripped) < 200 and _CHROME_LINE.search(line))
            or (_PAGE_NUMBER.fullmatch(stripped) and not stripped.isdigit())
            or (short and (_CHROME_SHORT.search(line) or _PHONE.search(line)))
        ):
            drop.append((pos, min(end + 1, len(text))))
        else:
            lead = len(line) - len(line.lstrip())
            trail = len(line) - len(line.rstrip())
            if lead:
                drop.append((pos, pos + lead))
            if trail:
                drop.append((end - trail, end))
            if "\t" in stripped:  # a cell's padding ("1 \t 对…的处罚"): the cell is its words
                drop.extend(
                    (pos + x.start(), pos + x.end()) for x in _CELL_PADDING.finditer(line, lead, end - pos - trail)
                )
        pos = end + 1
    m.delete(drop)
    m.delete(wrapped_breaks(m.text))  # a paragraph hard-wrapped at a fixed width (text copied from a PDF)
    m.replace_same_length(cells_to_rows(m.text, rules))
    text = m.text.rstrip("\n")
    offsets = array("I", m.offs[: len(text)])
    raw_text = article.raw
    title = _title_of(text)
    sha1 = hashlib.sha1(text.encode("utf-8")).hexdigest()
    return Document(article.id, article.source, title, raw_text, text, offsets, sha1)


# what ends a line that ends a sentence or a heading, not a line the wrap cut
_LINE_END = frozenset('。；;：:！!？?）)】」”"')
# a line that opens an item or an article: never the rest of the line before it
_OPENS_ITEM = re.compile(r"[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]|第[一二三四五六七八九十百\d]{1,4}[条章节款]")
_WRAP_MIN = 20  # the narrowest wrap read as one (a heading or an item is shorter, or ends in a mark)


def wrapped_breaks(text: str) -> list[tuple[int, int]]:
    r"""The line breaks of paragraphs hard-wrapped at one width (text copied from a PDF: "…餐饮油烟污\n
    染…"): each break after a line of the width most lines that end mid-sentence share, when at least
    two do, and before a line that opens no item.

    >>> t = ("一、总则\n为加强管理，市政府决定，将市生态环境局承担的餐饮油烟污\n"
    ...      "染、露天焚烧方面的处罚权调整由市城管局行使。市生态环境局不\n再行使。")
    >>> [t[s - 3 : s] for s, _ in wrapped_breaks(t)]
    ['油烟污', '境局不']
    """
    lines = text.split("\n")
    cut = Counter(len(x) for x in lines if len(x) >= _WRAP_MIN and x[-1] not in _LINE_END and "\t" not in x)
    # (a line of half-width digits or marks holds a character or two more than the rest)
    width = max((w for w in cut if cut[w] + cut[w - 1] + cut[w - 2] >= 2), default=0)
    if not width:
        return []
    out, pos = [], 0
    for line, nxt in zip(lines, lines[1:]):
        pos += len(line)
        if (
            len(line) >= width - 2
            and line[-1] not in _LINE_END
            and "\t" not in line + nxt
            and any(c in line + nxt for c in "，。,")  # prose (a title or a 文号 line has no comma nor stop)
            and nxt[:1] >= "\u4e00"
            and not _OPENS_ITEM.match(nxt)
        ):
            out.append((pos, pos + 1))
        pos += 1
    return out


# the longest line read as a table cell
CELL_MAX = 200

# "| 1 | 对…的处罚 | 行政处罚 |": a row of a Markdown (or plain-text) table, cells between pipes
_PIPE_ROW = re.compile(r"(?m)^[ \t]*\|[^\n]*\|[^\n]*\|[ \t]*$")
_CELL_PADDING = re.compile(r"(?<=\t) +| +(?=\t)")
_TABLE_RULE = re.compile(r"[-:|\s]*-{3,}[-:|\s]*")


def pipes_to_tabs(text: str) -> str:
    r"""Rows of a table written with pipes as rows with tab-separated cells (the text keeps its
    length: the pipes become tabs, and the spaces by them go with the line's other spaces).

    >>> pipes_to_tabs("清单\n| 序号 | 事项名称 |\n| 1 | 对甲的处罚 |\n说明|无")
    '清单\n\t 序号 \t 事项名称 \t\n\t 1 \t 对甲的处罚 \t\n说明|无'
    """
    if "|" not in text:
        return text
    return _PIPE_ROW.sub(lambda m: m.group().replace("|", "\t"), text)


_SPACES = re.compile(r" +")


def spaces_to_tabs(text: str, rules: Rules) -> str:
    r"""A table copied from a web page with spaces between its cells ("序号 事项名称 职权类别 实施主体"),
    as rows with tab-separated cells: a line of at least three words that are column names
    (frames.yaml ``table_columns``, at most one word of no known name) is the header, and the lines
    after it are rows while each splits into at least as many words (the surplus stays in the last
    cell, with its spaces; under a number column, a row of fewer words lacks its empty last cells)
    and looks like a row (a number under a number column, no cell over
    ``CELL_MAX``, no sentence-ending 。). The text keeps its length: the first space between two
    cells becomes a tab.

    >>> spaces_to_tabs("清单\n序号 事项名称 职权类别\n1 对甲的处罚 行政处罚\n说明 见 附件 一。", rules)
    '清单\n序号\t事项名称\t职权类别\n1\t对甲的处罚\t行政处罚\n说明 见 附件 一。'
    >>> spaces_to_tabs("序号 事项名称 职权类别 备注\n1 对甲的处罚 行政处罚 \n2 对乙的处罚 行政处罚 部分", rules)
    '序号\t事项名称\t职权类别\t备注\n1\t对甲的处罚\t行政处罚 \n2\t对乙的处罚\t行政处罚\t部分'
    """
    if " " not in text or "\n" not in text:
        return text
    names = _column_names(rules)
    out: list[str] = []
    width = 0  # the open table's number of columns; 0: none open
    numbered = False
    for line in text.split("\n"):
        words = line.split()
        if "\t" in line or len(words) < 2:  # a row already (tabs, pipes) or no cells
            width = 0
            out.append(line)
            continue
        # under a number column, a row of fewer words has lost its empty last cells ("备注" left blank)
        short = numbered and _ROW_MIN <= len(words) < width
        if width and (len(words) >= width or short):
            n = min(width, len(words))
            cells = words[: n - 1] + [" ".join(words[n - 1 :])]
            if not _row_like(cells, numbered) or line.rstrip().endswith("。"):
                width = 0
            else:
                line = _tab_first_spaces(line, n - 1)
                out.append(line)
                continue
        else:
            width = 0
        known = sum(names.fullmatch(w) is not None for w in words)
        if not width and known >= 3 and known >= len(words) - 1 and "。" not in line:
            width = len(words)
            numbered = NUMBER_COLUMN.fullmatch(words[0]) is not None
            line = _tab_first_spaces(line, width - 1)
        out.append(line)
    return "\n".join(out)


ROW_NUMBER = re.compile(r"[\dA-Za-z\-]{1,20}")  # what stands under a number column: "3", "A-01"
_ROW_MIN = 3  # the fewest cells of a row that has lost its empty last ones: a number, a matter, a kind


def _row_like(cells: list[str], numbered: bool) -> bool:
    """Whether cells read as a table's row: none empty or over ``CELL_MAX``, and a number under a
    number column (``numbered``)."""
    return (
        all(cells)
        and not any(len(c) > CELL_MAX for c in cells)
        and (not numbered or ROW_NUMBER.fullmatch(cells[0]) is not None)
    )


def _tab_first_spaces(line: str, count: int) -> str:
    """The line with the first space of each of its first ``count`` runs of spaces between words
    made a tab (a run before the first word is kept as it is)."""
    start = len(line) - len(line.lstrip(" "))
    head, rest = line[:start], line[start:]
    return head + _SPACES.sub(lambda m: "\t" + m.group()[1:], rest, count=count)


def cells_to_rows(text: str, rules: Rules) -> str:
    r"""A table copied from a web page one cell a line ("序号\n事项名称\n职权类型\n1\n对…的处罚\n行政处罚"),
    as rows with tab-separated cells: a run of at least three lines that are column names
    (frames.yaml ``table_columns``) is the header, and the lines after it, in groups of as many,
    are rows while each group looks like one (a number under a number column, no empty line or
    sentence-ending 。). The text keeps its length: only line ends become tabs.

    Under a number column a row runs from its number to the next row's: an empty line in it is an
    empty cell ("备注" left blank), and a row that ends before the next number has lost its last
    cells (a scrape that drops empty ones).

    >>> cells_to_rows("清单\n序号\n事项名称\n职权类型\n1\n对甲的处罚\n行政处罚\n说明。", rules)
    '清单\n序号\t事项名称\t职权类型\n1\t对甲的处罚\t行政处罚\n说明。'
    >>> text = "序号\n事项名称\n职权类型\n备注\n1\n对甲的处罚\n行政处罚\n\n2\n对乙的处罚\n行政处罚\n3\n丙审批"
    >>> cells_to_rows(text, rules)
    '序号\t事项名称\t职权类型\t备注\n1\t对甲的处罚\t行政处罚\t\n2\t对乙的处罚\t行政处罚\n3\t丙审批'
    """
    if "\n" not in text:
        return text
    names = _column_names(rules)
    lines = text.split("\n")
    is_name = [names.fullmatch(line.strip()) is not None for line in lines]
    joined = list(lines)
    glue = ["\n"] * (len(lines) - 1)  # what follows each line
    i = 0
    while i < len(lines):
        k = i
        while k < len(lines) and is_name[k]:
            k += 1
        width = k - i
        if width < 3:
            i = max(k, i + 1)
            continue
        numbered = NUMBER_COLUMN.fullmatch(lines[i].strip()) is not None
        rows = [(i, k)]
        j = k
        while j < len(lines):
            end = _numbered_row_end(lines, j, width) if numbered else j + width
            cells = [c.strip() for c in lines[j:end]]
            if end > len(lines) or not cells or any(c.endswith("。") for c in cells):
                break
            if not (_row_like(cells, numbered) or numbered and _row_like([c for c in cells if c], numbered)):
                break
            rows.append((j, end))
            j = end
        if len(rows) > 1:
            for a, b in rows:
                for x in range(a, b - 1):
                    glue[x] = "\t"
        i = j
    out = []
    for x, line in enumerate(joined):
        out.append(line)
        if x < len(glue):
            out.append(glue[x])
    return "".join(out)


def _numbered_row_end(lines: list[str], at: int, width: int) -> int:
    """Where the row of a one-cell-a-line table that opens with its number at ``at`` ends: at the
    next row's number ("2" after "1") within ``width`` lines, else ``width`` lines on; a last row that
    runs past the text ends with it (its empty last cells dropped), unless an empty line stands in
    what is left (then past the text: no row)."""
    number = lines[at].strip()
    if number.isdigit():
        following = str(int(number) + 1)
        for k in range(at + 1, min(at + width + 1, len(lines))):
            if lines[k].strip() == following:
                return k
    end = at + width
    if end >= len(lines):
        return len(lines) if not any(not line.strip() for line in lines[at:]) else end
    return end


@derived
def _column_names(rules: Rules) -> re.Pattern:
    """Every column name of frames.yaml ``table_columns``, whatever its role, as one pattern."""
    return re.compile("|".join(f"(?:{n.pattern})" for n in rules.frames.table_columns.values()) or r"(?!)")


NUMBER_COLUMN = re.compile(r"序号|编号|编码|[\u4e00-\u9fff]{0,4}编码")


# what a title ends with when it names a kind of document (意见, 条例, 清单…), perhaps with "(试行)"
DOC_TYPE = re.compile(
    r"(意见|方案|通知|决定|办法|规定|规划|条例|细则|纲要|报告|建议|要求|公告|通告|通报|批复|函|计划|"
    r"体会|讲话|总结|纪要|指南|措施|标准|制度|草案|修改稿|征求意见稿|清单|目录)"
    r"(\s*[(（][^)）]{1,12}[)）])?$"
)
_ARTICLE_MARK = re.compile(
    r"^([【\[]?\s*(?:第\s*[0-9一二三四五六七八九十]+\s*篇|篇\s*[0-9一二三四五六七八九十]+)\s*[】\]]?\s*[:：、.．]?\s*"
    r"|.{0,80}?\s*篇\s*[0-9一二三四五六七八九十]+\s*$)"
)


def _is_title_like(line: str) -> bool:
    line = line.strip()
    if not 4 <= len(line) <= 120 or "。" in line or line.endswith((":", "：", ";", "；", ",", "，")):
        return False
    if re.search(r"\.(docx?|pdf|html?)$|〔\d{4}〕|\[\d{4}\]|^[《<]", line):
        return False
    if _ADOPTION.match(line) or ITEM_NUMBER.match(line):
        return False  # a regulation's adoption or amendment line; an item of a list
    return bool(DOC_TYPE.search(line)) or "关于" in line


# "2020年7月31日 某市第十八届人民代表大会常务委员会第二十九次会议…修正": header metadata, not the title
_ADOPTION = re.compile(
    r"^[(（]?\s*(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*年[^。]{0,120}?(?:会议|常务委员会|令)[^。]{0,120}?"
    r"(?:通过|修正|修订|批准|公布|发布)"
)
# "(一)…", "一、…", "1.…": the number of an item or heading of the body (GB/T 9704 numbering)
ITEM_NUMBER = re.compile(
    r"^\s*(?:[(（][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十]+[、.．]|\d{1,2}[.、．](?!\d))\s*"
)
# "中共宜昌市委 宜昌市人民政府", "某县人民政府办公室": a line of issuing bodies above a "关于…" title
_ISSUER_LINE = re.compile(
    r"^(?:中共)?[\u4e00-\u9fff*＊]{2,24}?(?:委员会|委|人民政府|政府|办公厅|办公室|局|厅)"
    r"(?:\s+(?:中共)?[\u4e00-\u9fff*＊]{2,24}?(?:委员会|委|人民政府|政府|办公厅|办公室|局|厅))*$"
)


_DOC_NUMBER_ALONE = re.compile(
    r"[(（]?[\u4e00-\u9fff]{1,10}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号[)）]?"
)


def _joined_title_lines(lines: list[str]) -> list[str]:
    """Header lines with a title broken over lines joined: an issuer line before "关于…", and a line
    whose 《 is closed on a later line.

    >>> _joined_title_lines(["某县人民政府办公室", "关于印发《某县改革", "实施方案》的通知", "正文。"])
    ['某县人民政府办公室关于印发《某县改革实施方案》的通知', '正文。']
    >>> _joined_title_lines(["某区人民政府", "关于在街道开展综合执法的", "实施意见", "各街道办事处："])
    ['某区人民政府关于在街道开展综合执法的实施意见', '各街道办事处：']
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _ISSUER_LINE.match(line) and i + 1 < len(lines) and lines[i + 1].startswith("关于"):
            i += 1
            line += lines[i]
        while line.count("《") > line.count("》") and i + 1 < len(lines) and len(line) < 120 and "。" not in line:
            i += 1
            line += lines[i]
        joined = 0
        while (  # "关于在街道开展综合执法的" over "实施意见": a title broken before its kind of document
            "关于" in line
            and not DOC_TYPE.search(line)
            and joined < 2
            and i + 1 < len(lines)
            and len(lines[i + 1]) <= 40
            and not _is_body(lines[i + 1])
            and not ITEM_NUMBER.match(lines[i + 1])
        ):
            i, joined = i + 1, joined + 1
            line += lines[i]
        out.append(line)
        i += 1
    return out


_TOC_ENTRY = re.compile(r"[…\.·]{3,}|^(?:目录|目 录|序言|前言)$|^\d+$")


def _title_after_contents(lines: list[str]) -> str | None:
    """A document that opens with a table of contents (目录) states its title after it:
    the first title-like line that is no TOC entry, page numbers glued to it removed."""
    if not any(line.strip() in ("目录", "目 录") for line in lines[:4]):
        return None
    for line in lines[1:]:
        line = line.strip()
        if not line or _TOC_ENTRY.search(line):
            continue
        candidate = re.sub(r"^\d+\s*", "", line)
        if _is_title_like(candidate):
            return candidate
        if "。" in line:
            return None
    return None


def _is_body(line: str) -> bool:
    return "。" in line or len(line) > 90 or line.endswith((":", "："))


def _title_of(text: str) -> str:
    """The article's title.

    After an article marker ("…篇2", "第一篇:…") the title is the next line unless that line
    is already body text; otherwise it is the last title-like line before the body starts.

    >>> _title_of("第一篇:区方案\\n区2021年城市管理体制改革建议方案\\n为深化改革,现提出如下方案:")
    '区2021年城市管理体制改革建议方案'
    >>> _title_of("黑发〔2017〕3号《X》\\n中共某省委关于推进改革的实施意见\\n为贯彻落实精神,制定本意见。")
    '中共某省委关于推进改革的实施意见'
    >>> _title_of("某县执法局权责清单\\n序号\\t职权名称\\n1\\t行政处罚\\t对占道经营的处罚")
    '某县执法局权责清单'
    """
    lines = [line.strip() for line in text.split("\n")[:12]]
    if not lines:
        return ""
    heading = next((line for line in lines[:3] if re.match(r"#{1,3}\s", line)), None)
    if heading:
        return heading  # a Markdown heading is the title (its "#" is stripped with the record)
    lines = _joined_title_lines(lines)
    after_toc = _title_after_contents(text.split("\n")[:60])
    if after_toc:
        return after_toc
    marker = _ARTICLE_MARK.match(lines[0])
    if marker:
        rest = lines[0][marker.end() :].strip() if re.match(r"[【\[]?\s*(?:第|篇)", lines[0]) else ""
        following = lines[1] if len(lines) > 1 else ""
        if following and not _is_body(following) and len(following) >= 4:
            return following
        return rest or following[:90]
    candidates: list[str] = []
    for i, line in enumerate(lines):
        if "\t" in line:  # a table row (cells): the body has begun
            if candidates:
                break
            continue
        if _is_body(line) and (i > 0 or "。" in line):
            if candidates:
                break
            continue
        if _is_title_like(line):
            candidates.append(line)
    if candidates:
        return candidates[-1]
    for line in lines:  # no title-like line: the first short line of the header, if it has one
        if "。" in line or line.endswith((":", "：", ";", "；")) or ITEM_NUMBER.match(line):
            break  # the body, a salutation or a list has begun: a fragment or an untitled letter
        if 2 <= len(line) <= 90 and not _ADOPTION.match(line) and not _DOC_NUMBER_ALONE.fullmatch(line):
            return line
    return ""


CN_DIGIT = str.maketrans("〇零○O0一二三四五六七八九", "00000123456789")


def small_number(word: str) -> int | None:
    """A number below 100 in Arabic or Chinese numerals ("7", "九", "十", "十二", "二十一"); None
    for anything else.

    >>> [small_number(w) for w in ("7", "九", "十", "十二", "二十一", "百")]
    [7, 9, 10, 12, 21, None]
    """
    if word.isdigit():
        return int(word)
    tens, ten, ones = word.partition("十")
    digits = [tens, ones] if ten else [word]
    if not all(len(d) <= 1 and (not d or d in "一二三四五六七八九") for d in digits) or not word:
        return None
    if not ten:
        return int(word.translate(CN_DIGIT))
    return int((tens or "一").translate(CN_DIGIT)) * 10 + (int(ones.translate(CN_DIGIT)) if ones else 0)
