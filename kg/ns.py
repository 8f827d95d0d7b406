"""The only module that spells IRIs: namespaces, prefixes and IRI minting."""

from __future__ import annotations

import hashlib
import re

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = [
    "ELI",
    "ID",
    "PREFIXES",
    "QZ",
    "SCHEMA",
    "act_iri",
    "bind_prefixes",
    "body_iri",
    "concept_iri",
    "doc_iri",
    "fact_iri",
    "graph_iri",
    "place_iri",
]


class QZ(DefinedNamespace):
    """Terms of ontology/quanze.ttl. An unknown term raises AttributeError."""

    _fail = True
    Body: URIRef
    Agency: URIRef
    GenericBody: URIRef
    instanceOfKind: URIRef
    sector: URIRef
    level: URIRef
    withinJurisdiction: URIRef
    succeededBy: URIRef
    Document: URIRef
    CitedAct: URIRef
    governs: URIRef
    jurisdictionInferred: URIRef
    maskedJurisdiction: URIRef
    sourceFile: URIRef
    articleId: URIRef
    text: URIRef
    Statement: URIRef
    PowerTransfer: URIRef
    giver: URIRef
    receiver: URIRef
    givingSector: URIRef
    receivingSector: URIRef
    powerKind: URIRef
    matter: URIRef
    domain: URIRef
    statedIn: URIRef
    dueDate: URIRef
    Establishment: URIRef
    chair: URIRef
    officeAt: URIRef
    Pilot: URIRef
    pilotPlace: URIRef
    Deadline: URIRef
    MaskedDeadline: URIRef
    dateText: URIRef
    task: URIRef
    Start: URIRef
    startsOn: URIRef
    Target: URIRef
    value: URIRef
    Assignment: URIRef
    leadUnit: URIRef
    cooperatingUnit: URIRef
    Mention: URIRef
    mentions: URIRef
    asWritten: URIRef
    Evidence: URIRef
    sentence: URIRef
    quote: URIRef
    startOffset: URIRef
    endOffset: URIRef
    sourceStart: URIRef
    sourceEnd: URIRef
    rule: URIRef
    adcode: URIRef
    SectorScheme: URIRef
    PowerKindScheme: URIRef
    MatterScheme: URIRef
    LevelScheme: URIRef

    _NS = Namespace("https://w3id.org/quanze/ontology#")


ID = Namespace("https://w3id.org/quanze/id/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
SCHEMA = Namespace("https://schema.org/")

PREFIXES = {
    "qz": str(QZ._NS),
    "qzid": str(ID),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "eli": str(ELI),
    "schema": str(SCHEMA),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def bind_prefixes(g) -> None:
    """Bind Quanze's prefixes on an rdflib graph or dataset, once."""
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)


def _slug(text: str) -> str:
    """IRI-safe but readable: Chinese characters stay, separators become '-'."""
    text = re.sub(r"[\s<>\"{}|\\^`#?/%]+", "-", text.strip())
    return text.strip("-") or "_"


def _hash(*parts: str, n: int = 16) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


def doc_iri(sha1: str) -> URIRef:
    """A document (article) by its content hash: the same text is the same document.

    >>> doc_iri("0123456789abcdef0123")
    rdflib.term.URIRef('https://w3id.org/quanze/id/doc/0123456789abcdef')
    """
    return ID[f"doc/{sha1[:16]}"]


def graph_iri(sha1: str) -> URIRef:
    """The named graph holding one article's statements."""
    return ID[f"graph/{sha1[:16]}"]


SHARED_GRAPH = ID["graph/shared"]


def place_iri(adcode: str) -> URIRef:
    """A place by its GB/T 2260 code.

    >>> place_iri("230100")
    rdflib.term.URIRef('https://w3id.org/quanze/id/place/230100')
    """
    return ID[f"place/{adcode}"]


def concept_iri(scheme: str, label: str) -> URIRef:
    """A SKOS concept: ``concept_iri("sector", "城市管理")``."""
    return ID[f"{scheme}/{_slug(label)}"]


def body_iri(scope: str, key: str, *, generic: bool) -> URIRef:
    """A body by the jurisdiction it belongs to and its canonical key (sector/level/organ).

    The same body named differently ("省住建厅", "安徽省住房城乡建设厅") gets one IRI.

    >>> body_iri("340000", "住房城乡建设/province/厅", generic=False)
    rdflib.term.URIRef('https://w3id.org/quanze/id/agency/340000/住房城乡建设/province/厅')
    """
    return ID[f"{'kind' if generic else 'agency'}/{_slug(scope)}/{'/'.join(_slug(k) for k in key.split('/'))}"]


def fact_iri(doc_sha1: str, kind: str, *parts: str) -> URIRef:
    return ID[f"{kind}/{doc_sha1[:8]}-{_hash(*parts, n=12)}"]


def act_iri(title: str) -> URIRef:
    """An act cited by title or 文号 (whitespace and bracket styles folded)."""
    norm = re.sub(r"[\s《》〔〕\[\]【】()（）]", "", title)
    return ID[f"act/{_hash(norm)}"]
