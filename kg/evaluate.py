"""Evaluate: predicted facts (``kg extract`` JSON Lines) against a gold file in the same schema.

Matching follows the shared gold standard's rules: lenient about wording, strict about meaning
(a transfer matches on its matter and receiving sector; "full" also on giving sector and power kind).
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from kg.errors import InputError

__all__ = ["format_scores", "score", "score_files"]

MAX_FACTS_BYTES = 512 << 20  # a gold or predicted JSON Lines file
KINDS = ["transfer", "agency", "jurisdiction", "pilot", "deadline", "body_established", "lead"]
DOC_FIELDS = ["title", "doc_number", "date", "jurisdiction", "level"]


def _norm(text) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).replace("〔", "[").replace("〕", "]")
    return "".join(ch for ch in text if not ch.isspace() and ch not in "“”\"'‘’《》<>")


def _similar(a, b, threshold: float = 0.8) -> bool:
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if short in long_ and len(short) / len(long_) >= 0.5:
        return True
    common = sum((Counter(a) & Counter(b)).values())
    return bool(common) and 2 * common / (len(a) + len(b)) >= threshold


def _power(label) -> str:
    label = _norm(label)
    for key in ("处罚", "强制", "编制", "经费", "执法", "职责", "职能", "权限"):
        if key in label:
            return {"职能": "职责", "权限": "职责"}.get(key, key)
    return label


def _place_equal(a, b) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a and b) and (a == b or a.endswith(b) or b.endswith(a))


def _transfer(g, p, full: bool) -> bool:
    if not _similar(g.get("matter"), p.get("matter"), 0.75) and (g.get("matter") or p.get("matter")):
        return False
    if g.get("target_sector") and _norm(g["target_sector"]) != _norm(p.get("target_sector")):
        return False
    if full:
        if g.get("source_sector") and _norm(g["source_sector"]) != _norm(p.get("source_sector")):
            return False
        if g.get("power") and _power(g["power"]) != _power(p.get("power")):
            return False
    return True


def _agency(g, p) -> bool:
    names = [g.get("name"), *(g.get("aliases") or [])]
    if any(_norm(n) == _norm(p.get("name")) for n in names if n):
        return True
    same = g.get("sector") and _norm(g["sector"]) == _norm(p.get("sector"))
    level_ok = not g.get("level") or not p.get("level") or g.get("level") == p.get("level")
    return bool(same and level_ok and any(_similar(n, p.get("name"), 0.75) for n in names if n))


MATCHERS = {
    "transfer": lambda g, p: _transfer(g, p, False),
    "transfer_full": lambda g, p: _transfer(g, p, True),
    "agency": _agency,
    "jurisdiction": lambda g, p: (
        _place_equal(g.get("standard_name"), p.get("standard_name"))
        or (
            bool(_norm(g.get("name"))) and _norm(g.get("name")) in (_norm(p.get("name")), _norm(p.get("standard_name")))
        )
    ),
    "pilot": lambda g, p: _place_equal(g.get("jurisdiction"), p.get("jurisdiction")),
    "deadline": lambda g, p: _norm(g.get("date")) == _norm(p.get("date")),
    "body_established": lambda g, p: _similar(g.get("name"), p.get("name"), 0.7),
    "lead": lambda g, p: any(_similar(a, b, 0.75) for a in g.get("lead") or [] for b in p.get("lead") or []),
}


def _align(golds, preds, matcher) -> tuple[int, int, int]:
    used, matched = set(), set()
    tp = fp = 0
    for p in preds:
        hit = None
        for i, g in enumerate(golds):
            if i in used or not matcher(g, p):
                continue
            hit = i
            if not g.get("uncertain"):
                break
        if hit is None:
            fp += 1
            continue
        used.add(hit)
        if not golds[hit].get("uncertain"):
            tp += 1
            matched.add(hit)
    fn = sum(1 for i, g in enumerate(golds) if not g.get("uncertain") and i not in matched)
    return tp, fp, fn


def _file(doc_id: str) -> str:
    return str(doc_id).split("#", 1)[0].rsplit("/", 1)[-1]


def score(gold: list[dict], pred: list[dict]) -> dict:
    """Precision, recall and F1 per kind, and the share of document fields right."""
    by: dict = defaultdict(lambda: defaultdict(list))
    for side, records in (("gold", gold), ("pred", pred)):
        for r in records:
            by[(r.get("kind"), _file(r.get("doc", "")))][side].append(r)
    result: dict = {}
    for kind in [*KINDS, "transfer_full"]:
        base = "transfer" if kind == "transfer_full" else kind
        tp = fp = fn = 0
        for (k, _), sides in by.items():
            if k == base:
                a, b, c = _align(sides["gold"], sides["pred"], MATCHERS[kind])
                tp, fp, fn = tp + a, fp + b, fn + c
        p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
        r = tp / (tp + fn) if tp + fn else 1.0
        result[kind] = {"tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    gold_docs = {r["doc"]: r for r in gold if r.get("kind") == "document"}
    pred_docs = {r.get("doc"): r for r in pred if r.get("kind") == "document"}
    fields = {}
    for name in DOC_FIELDS:
        right = total = 0
        for doc_id, g in gold_docs.items():
            if name in (g.get("uncertain_fields") or []):
                continue
            total += 1
            p = pred_docs.get(doc_id) or {}
            want, got = g.get(name), p.get(name)
            if name == "title":
                ok = (not want and not got) or _similar(want, got, 0.9)
            elif name == "jurisdiction":
                ok = (not want and not got) or _place_equal(want, got) or _place_equal(g.get("inferred_name"), got)
            elif name == "date":
                ok = _norm(want) == _norm(got) or (bool(want) and bool(got) and _norm(got).startswith(_norm(want)))
            else:
                ok = _norm(want) == _norm(got)
            right += bool(ok)
        fields[name] = right / total if total else 1.0
    result["document"] = fields
    return result


def _load(path: str | Path) -> list[dict]:
    """Records of a JSON Lines file in the gold schema: one object with a "kind" a line.

    Raises:
        InputError: the file cannot be read, is not UTF-8, or a line is not such an object.
    """
    out = []
    try:
        size = Path(path).stat().st_size
        if size > MAX_FACTS_BYTES:
            raise InputError(f"{path}: {size >> 20} MB, over the {MAX_FACTS_BYTES >> 20} MB limit for a facts file")
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError(f"{path}:{number}: not JSON: {e.msg}") from None
                if not isinstance(record, dict) or not isinstance(record.get("kind"), str):
                    raise InputError(f'{path}:{number}: not a fact (a JSON object with a "kind")')
                out.append(record)
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    return out


def score_files(gold: str | Path, pred: str | Path) -> dict:
    return score(_load(gold), _load(pred))


def format_scores(result: dict) -> str:
    lines = [f"{'kind':18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for kind in [*KINDS, "transfer_full"]:
        s = result[kind]
        lines.append(f"{kind:18} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {s['tp']:5d} {s['fp']:5d} {s['fn']:5d}")
    lines.append("document fields: " + "  ".join(f"{k}={v:.2f}" for k, v in result["document"].items()))
    return "\n".join(lines)
