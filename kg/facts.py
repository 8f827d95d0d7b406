"""One small frozen type per kind of fact (the gold schema's kinds, shared/gold/SCHEMA.md).

A :class:`kg.types.Fact` carries one of these as its ``data`` with its evidence and provenance.
Each type names its kind (``KIND``); :func:`make` builds the type of a kind from the fields a rule
found and refuses a field the kind does not have, so a misspelt field is an error where it is
written, not a silent gap in the graph. The graph maps each type with one function
(``kg.graph._MAPPERS``), next to the SHACL shape that checks it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import ClassVar

__all__ = [
    "KINDS",
    "Agency",
    "BodyEstablished",
    "Deadline",
    "DocumentHeader",
    "FactData",
    "Jurisdiction",
    "Lead",
    "MaskedDeadline",
    "Pilot",
    "Target",
    "Transfer",
    "make",
]


@dataclass(frozen=True, slots=True)
class DocumentHeader:
    """The article itself: title, issuers, 文号, date, jurisdiction and level, what it cites."""

    KIND: ClassVar[str] = "document"
    title: str | None = None
    issuer: tuple[str, ...] = ()
    doc_number: str | None = None
    date: str | None = None
    jurisdiction: str | None = None
    jurisdiction_inferred: bool = False
    level: str | None = None
    cites: tuple[str, ...] = ()
    cite_numbers: tuple[tuple[str, str], ...] = ()  # (cited title, its 文号 written beside it)
    inferred_name: str | None = None  # the place a masked jurisdiction ("XX市") stands for, inferred
    inferred_parent: str | None = None


@dataclass(frozen=True, slots=True)
class Agency:
    """A body the article names as an actor, one per body (aliases the article uses for it)."""

    KIND: ClassVar[str] = "agency"
    name: str
    sector: str | None = None
    level: str | None = None
    generic: bool = False  # a kind of body ("城市管理部门"), not one body
    canonical: str | None = None
    adcode: str | None = None  # the place its name opens with, as the recognizer resolved it
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """A place named, with its standard name, parent and administrative code."""

    KIND: ClassVar[str] = "jurisdiction"
    name: str
    standard_name: str
    parent: str | None = None
    adcode: str | None = None


@dataclass(frozen=True, slots=True)
class Transfer:
    """A power that moves (or is concentrated) from a giver to a receiver, over one matter."""

    KIND: ClassVar[str] = "transfer"
    power: str
    target: str | None = None
    target_sector: str | None = None
    source: str | None = None
    source_sector: str | None = None
    matter: str | None = None
    domain: str | None = None
    scope: str | None = None  # the range the move is limited to ("在城市建成区内")
    deadline: str | None = None  # ISO date by which the move is due


@dataclass(frozen=True, slots=True)
class Deadline:
    """A dated task ("2017年6月底前…"), or the day something starts (``date_type`` "start")."""

    KIND: ClassVar[str] = "deadline"
    date: str
    task: str = ""
    date_type: str | None = None


@dataclass(frozen=True, slots=True)
class MaskedDeadline:
    """A deadline whose year the source masks ("到20xx年底"): kept as written, with no date."""

    KIND: ClassVar[str] = "masked_deadline"
    written: str
    task: str = ""
    date_type: str | None = None


@dataclass(frozen=True, slots=True)
class Pilot:
    """A place named a reform pilot (standard name)."""

    KIND: ClassVar[str] = "pilot"
    jurisdiction: str


@dataclass(frozen=True, slots=True)
class BodyEstablished:
    """A body set up (成立…委员会/领导小组), its chair and where its office sits."""

    KIND: ClassVar[str] = "body_established"
    name: str
    chair: str | None = None
    office_at: str | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """A quantitative target of a dated task ("…覆盖率达到90%")."""

    KIND: ClassVar[str] = "target"
    value: str
    object: str = ""
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Lead:
    """A task's lead and cooperating units (牵头单位/配合单位)."""

    KIND: ClassVar[str] = "lead"
    task: str = ""
    lead: tuple[str, ...] = ()
    cooperate: tuple[str, ...] = ()


FactData = (
    DocumentHeader
    | Agency
    | Jurisdiction
    | Transfer
    | Deadline
    | MaskedDeadline
    | Pilot
    | BodyEstablished
    | Target
    | Lead
)

KINDS: dict[str, type] = {
    t.KIND: t
    for t in (
        DocumentHeader,
        Agency,
        Jurisdiction,
        Transfer,
        Deadline,
        MaskedDeadline,
        Pilot,
        BodyEstablished,
        Target,
        Lead,
    )
}


_FIELD_NAMES = {cls: frozenset(f.name for f in fields(cls)) for cls in KINDS.values()}


def _frozen(value):
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    return value


def make(kind: str, values: dict) -> FactData:
    """The fact of ``kind`` with ``values`` (lists become tuples).

    >>> make("pilot", {"jurisdiction": "平凉市"})
    Pilot(jurisdiction='平凉市')
    >>> make("pilot", {"place": "平凉市"})
    Traceback (most recent call last):
    ...
    ValueError: a pilot fact has no field 'place' (fields: jurisdiction)
    """
    cls = KINDS.get(kind)
    if cls is None:
        raise ValueError(f"no kind of fact {kind!r} (kinds: {', '.join(KINDS)})")
    names = _FIELD_NAMES[cls]
    for key in values:
        if key not in names:
            raise ValueError(f"a {kind} fact has no field {key!r} (fields: {', '.join(sorted(names))})")
    return cls(**{k: _frozen(v) for k, v in values.items()})


def as_dict(data: FactData) -> dict:
    """The fields of ``data`` by name (tuples kept)."""
    return {f.name: getattr(data, f.name) for f in fields(data)}
