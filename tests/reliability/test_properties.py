"""Property tests (hypothesis) over load, normalize, segment and extract: on any input only the
project's own errors are raised, offsets map back into the source, and extraction is deterministic."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.load import _docx_text, _html_text, decode, split_articles
from kg.normalize import normalize
from kg.pipeline import extract_document
from kg.ruleset import load_rules
from kg.segment import segment
from kg.types import Source

RULES = load_rules()

# Pieces of the genre, with the characters that trip parsers: glosses, markers, brackets, numbering.
FRAGMENTS = [
    "将市环保局露天烧烤污染的行政处罚权划转到市城管执法局。",
    "關(guān)於",
    "县(区)城管执法局",
    "(一)",
    "一、",
    "第三条",
    "篇2",
    "第一篇:",
    "《中华人民共和国行政处罚法》",
    "〔2016〕12号",
    "2017年底前",
    "：",
    "；",
    "\n",
    "\n\n\n",
    "  ",
    "\u3000",
    "<div>",
    "</p>",
    "&amp;",
    "（",
    "）",
    "XX市",
    "本文链接:http://x",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=30).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.binary(max_size=400))
def test_properties_decode_any_bytes_raises_only_input_errors(data):
    try:
        text, encoding = decode(data, "x.txt")
    except KgError:
        return
    assert isinstance(text, str) and encoding


@SETTINGS
@given(texts)
def test_properties_html_any_markup_raises_only_input_errors(text):
    try:
        assert "<script" not in _html_text("<p>" + text + "<script>alert(1)</script>", "x.html")
    except KgError:
        pass


@SETTINGS
@given(st.binary(max_size=300))
def test_properties_docx_any_bytes_raises_only_input_errors(data):
    with pytest.raises(KgError):
        _docx_text(b"PK\x03\x04" + data, "x.docx")


@SETTINGS
@given(texts)
def test_properties_normalize_and_segment_map_back_into_the_source(text):
    source = Source("x.txt", "x.txt", text, "utf-8")
    for article in split_articles(source):
        assert source.text[article.start : article.end] == article.raw
        doc = normalize(article, RULES)
        assert len(doc.offsets) == len(doc.text)
        assert all(article.start <= o < article.end for o in doc.offsets)
        assert all(a <= b for a, b in zip(doc.offsets, doc.offsets[1:]))  # NFKC may make one char two
        for s in segment(doc):
            assert doc.text[s.start : s.end] == s.text
            a, b = doc.source_span(s.start, s.end)
            assert article.start <= a <= b <= article.end


@SETTINGS
@given(texts)
def test_properties_extraction_is_deterministic_and_offsets_are_in_range(text):
    source = Source("x.txt", "x.txt", "某市实施方案\n" + text, "utf-8")
    for article in split_articles(source):
        doc = normalize(article, RULES)
        first = extract_document(doc, RULES)
        again = extract_document(doc, RULES)
        assert first.facts == again.facts
        for fact in first.facts:
            if fact.start >= 0:
                assert 0 <= fact.start <= fact.end <= len(doc.text)
