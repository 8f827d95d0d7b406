"""The start of each of the build's worker processes.

Workers are started fresh (spawned), not forked from the build: a process that has run Rust or
RocksDB threads (SHACL validation, the store) cannot be forked safely — the child can hang on a
lock that a vanished thread held. Each worker dies with the build and loads the rules once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.ruleset import Rules

__all__ = ["start"]


def start(build_pid: int, rules: Rules | None) -> None:
    """Tie this worker's life to the build's (process ``build_pid``) and make ready the build's
    ``rules`` (their matchers compiled once: the tasks' rules, sent pickled, are these)."""
    from kg.normalize import normalize
    from kg.pipeline import extract_document
    from kg.process import die_with_parent
    from kg.types import Article

    die_with_parent(build_pid)
    if rules is None:
        return
    text = "某市实施方案\n将市环保局露天烧烤污染的行政处罚权划转到市城管执法局。"
    extract_document(normalize(Article("warm.txt", "warm.txt", text, 0, len(text)), rules), rules)
