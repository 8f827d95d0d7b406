"""Every rule id a fact can carry is declared in the rule files, and every declared rule's
examples give what they say (transfer rules are run by tests/test_rules.py and test_frames.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.errors import RuleError
from kg.normalize import normalize
from kg.pipeline import extract_document
from kg.ruleset import default_rules_dir, load_rules
from kg.types import Article

RULES = load_rules()
RULES_DIR = default_rules_dir()

ROOT = Path(__file__).resolve().parent.parent


def _examples():
    for rid, rule in RULES.facts.items():
        for i, example in enumerate(rule["examples"]):
            yield pytest.param(rid, rule["kind"], example, id=f"{rid}[{i}]")


def _same(want, got) -> bool:
    return (list(want) if isinstance(want, list | tuple) else want) == (
        list(got) if isinstance(got, list | tuple) else got
    )


@pytest.mark.parametrize("rule_id,kind,example", list(_examples()))
def test_rule_registry_examples_give_their_records(rule_id, kind, example):
    text = example["text"]
    facts = extract_document(normalize(Article("t.txt", "t.txt", text, 0, len(text)), RULES), RULES).facts
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
    assert written - RULES.declared_ids == set()


def test_rule_registry_an_undeclared_rule_cannot_give_a_fact(edit_rules):
    import yaml

    facts = yaml.safe_load((RULES_DIR / "facts.yaml").read_text(encoding="utf-8"))
    facts["rules"] = [r for r in facts["rules"] if r["id"] != "body.establish.v1"]
    rules = load_rules(edit_rules("facts.yaml", yaml.safe_dump(facts, allow_unicode=True)))
    text = "某市方案\n成立市城市管理委员会。"
    with pytest.raises(RuleError, match="rule 'body.establish.v1' gives a body_established fact but no rules file"):
        extract_document(normalize(Article("t.txt", "t.txt", text, 0, len(text)), rules), rules)


def test_rule_registry_a_rule_without_an_example_is_a_load_error(edit_rules):
    folder = edit_rules("facts.yaml", "version: 1\nrules:\n  - {id: agency.x.v1, kind: agency, examples: []}\n")
    with pytest.raises(RuleError, match="'agency.x.v1': every rule needs an id, a kind and at least one example"):
        load_rules(folder)
    folder = edit_rules("facts.yaml", "version: 1\nrules:\n  - {id: agency.y.v1, kind: agency, example: [x]}\n")
    with pytest.raises(RuleError, match="unknown key 'example'"):
        load_rules(folder)


def test_rule_registry_no_module_keeps_rules_of_its_own():
    """Rules are loaded once (kg.ruleset.load_rules) and passed to each stage: no function of the
    package caches rules or what it compiles from them at module level (that lives on the Rules)."""
    import ast

    cached = []
    for path in sorted((ROOT / "kg").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            decorators = {ast.unparse(d).split("(")[0] for d in node.decorator_list}
            if not decorators & {"cache", "lru_cache", "functools.cache", "functools.lru_cache"}:
                continue
            names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
            names |= {n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)}
            if any(re.search(r"rules|lexicon|yaml|^agencies$|^frames$|^relations$", n, re.I) for n in names):
                cached.append(f"{path.name}:{node.name}")
    assert cached == []
