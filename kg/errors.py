"""Exceptions raised by kg; every message names what, where, and what is allowed."""

from __future__ import annotations

__all__ = [
    "AnalysisError",
    "ClusterError",
    "InputError",
    "KgError",
    "OntologyError",
    "OutputError",
    "QueryError",
    "RuleError",
    "StoreError",
]


class KgError(Exception):
    """Base class of every error Quanze raises on purpose."""


class InputError(KgError):
    """An input file cannot be read: missing, empty, binary or undecodable."""


class OutputError(KgError):
    """An output folder cannot or must not be written: not a Quanze build, locked, or read-only."""


class RuleError(KgError):
    """A rule or lexicon file is malformed."""


class OntologyError(KgError):
    """The ontology or SHACL shapes cannot be loaded."""


class QueryError(KgError):
    """A SPARQL query is invalid, unknown, or lacks a parameter."""


class StoreError(KgError):
    """The RDF store cannot be opened, written or reached."""


class AnalysisError(KgError):
    """An analysis precondition does not hold."""


class ClusterError(KgError):
    """The Dask cluster a build was sent to cannot be reached or used."""
