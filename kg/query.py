"""Query stage: SPARQL text, a ``.rq`` file or a saved query's name → rows, on the embedded
store (pyoxigraph); parameters are bound as values, never pasted into the query text."""

from __future__ import annotations

import re
from pathlib import Path

from kg.errors import QueryError
from kg.resources import ontology_dir

__all__ = ["format_rows", "query", "query_df", "saved_queries", "similar_matters", "strip_literals", "uses_service"]


MAX_QUERY_BYTES = 1 << 20  # a .rq file


def saved_queries() -> dict[str, Path]:
    """Saved queries in ``ontology/queries`` by name."""
    return {p.stem: p for p in sorted((ontology_dir() / "queries").glob("*.rq"))}


def _params(text: str) -> tuple[list[str], list[str]]:
    """(required, optional) parameter names declared in the leading ``# param:`` comments."""
    required, optional = [], []
    for m in re.finditer(r"^#\s*param:\s*(\w+)\s*(\(optional)?", text, re.M):
        (optional if m.group(2) else required).append(m.group(1))
    return required, optional


def _resolve(q: str) -> tuple[str, str]:
    """(label, SPARQL text) of a saved query name, a .rq path, or SPARQL text."""
    saved = saved_queries()
    if q in saved:
        return q, saved[q].read_text(encoding="utf-8")
    if q.endswith(".rq"):
        path = Path(q)
        if not path.is_file():
            raise QueryError(f"{q}: no such query file")
        if path.stat().st_size > MAX_QUERY_BYTES:
            raise QueryError(f"{q}: over the {MAX_QUERY_BYTES >> 20} MB limit for a query file")
        try:
            return q, path.read_text(encoding="utf-8")
        except UnicodeDecodeError as e:
            raise QueryError(f"{q}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", q, re.I):
        return "query", q
    raise QueryError(f"unknown saved query {q!r}; known: {', '.join(saved)}")


# Strings, IRIs and comments of a SPARQL text, so keywords are looked for outside them only.
_LITERALS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)


def strip_literals(text: str) -> str:
    """SPARQL text with its strings, IRIs and comments blanked (each regex branch is linear).

    >>> strip_literals('SELECT * { ?s <http://x/SERVICE> "SERVICE" } # SERVICE')
    'SELECT * { ?s     }  '
    """
    return _LITERALS.sub(" ", text)


def uses_service(text: str) -> bool:
    """Whether a query asks for a remote endpoint (SPARQL 1.1 federation, ``SERVICE``).

    >>> uses_service("SELECT * { SERVICE <http://e/sparql> { ?s ?p ?o } }"), uses_service("SELECT ('SERVICE' AS ?x) {}")
    (True, False)
    """
    return re.search(r"\bSERVICE\b", strip_literals(text), re.I) is not None


def _term(value: str):
    import pyoxigraph as ox

    if re.match(r"^https?://", value):
        return ox.NamedNode(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    return ox.Literal(value)


def _python(term):
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if dt.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value


def query(store, q: str, params: dict[str, str] | None = None, *, allow_service: bool = False) -> list[dict]:
    """Run a SELECT (rows as dicts) or ASK (``[{"result": bool}]``) on a pyoxigraph store.

    Args:
        store: an open ``pyoxigraph.Store`` (see ``kg.store.open_store``).
        q: a saved query's name (``ontology/queries/NAME.rq``), a ``.rq`` path, or SPARQL text.
        params: values bound to the query's variables (``# param:`` lines name them).
        allow_service: let ``SERVICE`` send requests to the endpoints a query names (off: refused).

    Raises:
        QueryError: unknown name, invalid SPARQL, missing or unknown parameter, a value that
            is no valid term, or SERVICE when not allowed.
    """
    import pyoxigraph as ox

    label, text = _resolve(q)
    params = dict(params or {})
    required, optional = _params(text)
    missing = [p for p in required if p not in params]
    if missing:
        raise QueryError(f"{label}: missing parameter {missing[0]!r} (give it as --param {missing[0]}=VALUE)")
    declared = set(required) | set(optional)
    # saved queries and .rq files declare their parameters; ad-hoc SPARQL text may bind any projected variable
    unknown = [p for p in params if label != "query" and p not in declared]
    if unknown:
        takes = ", ".join(sorted(declared)) or "no parameters"
        raise QueryError(f"{label}: unknown parameter {unknown[0]!r}; this query takes: {takes}")
    # pyoxigraph substitutes values (SEP-0007) for variables the SELECT projects; the saved
    # queries project their parameters for that reason.
    if not allow_service and uses_service(text):
        raise QueryError(f"{label}: SERVICE (federated query) is off; pass --allow-service to allow it")
    try:
        substitutions = {ox.Variable(k): _term(v) for k, v in params.items()}
    except ValueError as e:
        raise QueryError(f"{label}: bad parameter ({str(e).splitlines()[0]})") from None
    try:
        result = store.query(text, substitutions=substitutions, use_default_graph_as_union=True)
    except SyntaxError as e:
        first = str(e).splitlines()[0] if str(e) else "syntax error"
        raise QueryError(f"{label}: invalid SPARQL: {first}") from None
    except (RuntimeError, OSError, ValueError) as e:
        raise QueryError(f"{label}: {(str(e).splitlines() or [type(e).__name__])[0]}") from None
    if isinstance(result, ox.QueryBoolean):
        return [{"result": bool(result)}]
    if isinstance(result, ox.QuerySolutions):
        names = [
            v.value for v in result.variables if v.value not in declared
        ]  # parameters are projected only to be bound
        return [{n: _python(sol[n]) for n in names} for sol in result]
    return [{"subject": t.subject.value, "predicate": t.predicate.value, "object": _python(t.object)} for t in result]


def similar_matters(store, text: str, n: int = 5) -> list[str]:
    """The matter names (preferred and alternative labels) closest to ``text`` by shared characters,
    for a question that found nothing: "did you mean …".

    >>> import pyoxigraph as ox
    >>> s = ox.Store()
    >>> label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    >>> s.add(ox.Quad(ox.NamedNode("https://w3id.org/quanze/id/matter/a"), label, ox.Literal("违规设置户外广告")))
    >>> similar_matters(s, "户外广告牌")
    ['违规设置户外广告']
    """
    from collections import Counter

    rows = query(
        store,
        "SELECT DISTINCT ?l WHERE { ?m <http://www.w3.org/2004/02/skos/core#prefLabel>|"
        "<http://www.w3.org/2004/02/skos/core#altLabel> ?l FILTER(STRSTARTS(STR(?m), "
        '"https://w3id.org/quanze/id/matter/")) }',
    )
    want = Counter(text)
    scored = []
    for r in rows:
        label = str(r["l"])
        common = sum((want & Counter(label)).values())
        if common >= 2:
            scored.append((-common / max(len(text), 1), len(label), label))
    return [label for *_, label in sorted(scored)[:n]]


def query_df(store, q: str, params: dict[str, str] | None = None):
    """``query`` as a pandas DataFrame, for notebooks."""
    import pandas as pd

    return pd.DataFrame(query(store, q, params))


def _csv_cell(value):
    """A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
    leading apostrophe; document text is untrusted.

    >>> _csv_cell("=HYPERLINK(1)"), _csv_cell("市城管局"), _csv_cell(-3)
    ("'=HYPERLINK(1)", '市城管局', -3)
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


_CELL = 60  # characters of a cell in the aligned table


def format_rows(rows: list[dict], fmt: str = "table") -> str:
    """Rows as an aligned text table (long cells cut, and said so), CSV (with a UTF-8 byte-order
    mark, for spreadsheets) or JSON."""
    import csv
    import io
    import json

    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1)
    if not rows:
        return "(no rows)" if fmt == "table" else ""
    cols = list(rows[0])
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=cols)
        w.writeheader()
        w.writerows({c: _csv_cell(r.get(c)) for c in cols} for r in rows)
        # a byte-order mark first, so that spreadsheet programs read the text as UTF-8
        return "\ufeff" + buf.getvalue().rstrip("\n")
    texts = [[("" if r.get(c) is None else str(r.get(c))).replace("\n", " ") for c in cols] for r in rows]
    cut = any(len(t) > _CELL for row in texts for t in row)
    cells = [[t if len(t) <= _CELL else t[: _CELL - 1] + "…" for t in row] for row in texts]
    from unicodedata import east_asian_width

    def width(s: str) -> int:
        return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in s)

    widths = [max(width(c), *(width(row[i]) for row in cells)) for i, c in enumerate(cols)]
    pad = lambda s, w: s + " " * (w - width(s))  # noqa: E731
    lines = ["  ".join(pad(c, w) for c, w in zip(cols, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(pad(v, w) for v, w in zip(row, widths)) for row in cells]
    if cut:
        lines.append(f"(cells longer than {_CELL} characters are cut at …; --format csv or json gives them whole)")
    return "\n".join(lines)
