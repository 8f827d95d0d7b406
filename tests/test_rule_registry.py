"""Every rule id a fact can carry is declared in the rule files, and every declared rule's
examples give what they say (transfer rules are run by tests/test_rules.py and test_frames.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.errors import RuleError
from kg.lexicon import fact_rules
from kg.normalize import normalize
from kg.pipeline import extract_document
from kg.relate import declared_rule_ids
from kg.types import Article

ROOT = Path(__file__).resolve().parent.parent


def _examples():
    for rid, rule in fact_rules().items():
        for i, example in enumerate(rule["examples"]):
            yield pytest.param(rid, rule["kind"], example, id=f"{rid}[{i}]")


def _same(want, got) -> bool:
    return (list(want) if isinstance(want, list | tuple) else want) == (
        list(got) if isinstance(got, list | tuple) else got
    )


@pytest.mark.parametrize("rule_id,kind,example", list(_examples()))
def test_rule_registry_examples_give_their_records(rule_id, kind, example):
    text = example["text"]
    facts = extract_document(normalize(Article("t.txt", "t.txt", text, 0, len(text)))).facts
    mine = [f.as_record() for f in facts if f.rule_id == rule_id]
    want = example["expect"]
    if not mine and kind == "agency" and want.get("aliases"):
        # a rule that reads another name of a body: its mention joins that body's record as an alias
        mine = [
            f.as_record() for f in facts if f.kind == "agency" and set(want["aliases"]) <= set(f.get("aliases") or ())
        ]
    assert mine, f"{rule_id}: gives nothing for {text!r}"
    assert all(f.kind == kind for f in facts if f.rule_id == rule_id)
    assert any(all(_same(v, rec.get(k)) for k, v in want.items()) for rec in mine), (rule_id, want, mine)


def test_rule_registry_every_rule_id_in_the_code_is_declared():
    # rule ids are written whole in the code, or as agency.{government|party}.v1
    pattern = re.compile(r'"((?:agency|body|deadline|document|place|lead|pilot|target|transfer)\.[a-z_]+\.v\d+)"')
    written = {m for path in (ROOT / "kg").glob("*.py") for m in pattern.findall(path.read_text(encoding="utf-8"))}
    written |= {"agency.government.v1", "agency.party.v1"}
    assert written, "no rule id found in the code"
    assert written - declared_rule_ids() == set()


def test_rule_registry_an_undeclared_rule_cannot_give_a_fact(monkeypatch):
    import kg.relate

    monkeypatch.setattr(kg.relate, "declared_rule_ids", lambda: frozenset({"transfer.move_to.v1"}))
    text = "某市方案\n成立市城市管理委员会。"
    with pytest.raises(RuleError, match="no rules file declares it"):
        extract_document(normalize(Article("t.txt", "t.txt", text, 0, len(text))))


def test_rule_registry_a_rule_without_an_example_is_a_load_error(tmp_path):
    bad = tmp_path / "facts.yaml"
    bad.write_text("version: 1\nrules:\n  - {id: agency.x.v1, kind: agency, examples: []}\n", encoding="utf-8")
    with pytest.raises(RuleError, match="'agency.x.v1': every rule needs an id, a kind and at least one example"):
        fact_rules(str(bad))
    bad.write_text("version: 1\nrules:\n  - {id: agency.y.v1, kind: agency, example: [x]}\n", encoding="utf-8")
    with pytest.raises(RuleError, match="unknown key 'example'"):
        fact_rules(str(bad))
