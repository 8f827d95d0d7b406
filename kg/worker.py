"""Preloaded by the fork server that the build's worker processes are forked from: importing it
loads Quanze's rules and lexicons once, so every worker starts warm.

Workers are not forked from the build process itself: a process that has run Rust or RocksDB
threads (SHACL validation, the store) cannot be forked safely (the child can hang on a lock a
vanished thread held); the fork server is a fresh process that runs none.
"""

from __future__ import annotations

from kg.normalize import normalize
from kg.pipeline import extract_document
from kg.types import Article

__all__: list[str] = []

_WARM = "某市实施方案\n将市环保局露天烧烤污染的行政处罚权划转到市城管执法局。"
extract_document(normalize(Article("warm.txt", "warm.txt", _WARM, 0, len(_WARM))))
