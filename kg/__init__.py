"""Quanze (权责图谱): a knowledge graph of who holds which power, where, from Chinese policy documents.

Importing ``kg`` loads nothing heavy: the public functions are imported on first use.
"""

from __future__ import annotations

import importlib

__all__ = [
    "build",
    "extract",
    "query",
    "query_df",
    "to_networkx",
    "to_rdf",
    "validate",
    "write_html",
]

_WHERE = {
    "build": "kg.build",
    "extract": "kg.pipeline",
    "query": "kg.query",
    "query_df": "kg.query",
    "to_networkx": "kg.analyse",
    "to_rdf": "kg.graph",
    "validate": "kg.graph",
    "write_html": "kg.visualise",
}


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
