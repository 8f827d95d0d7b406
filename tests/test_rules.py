"""Every rule in kg/rules/relations.yaml carries examples; each must pass, and bad rule files fail loudly."""

from __future__ import annotations

import re

import pytest

from kg.errors import RuleError
from kg.lexicon import agency_lexicon, load_yaml
from kg.recognize import find_agencies, find_places, resolve_places
from kg.relate import relation_rules, transfers_in


def _bodies(text: str):
    """The bodies the recognize stage finds in a text of its own."""
    return find_agencies(text, resolve_places(find_places(text))) if text else []


def _examples():
    rules = relation_rules()
    for rule_id, examples in rules.examples.items():
        for i, example in enumerate(examples):
            yield pytest.param(rule_id, example, id=f"{rule_id}[{i}]")


@pytest.mark.parametrize("rule_id,example", list(_examples()))
def test_rules_examples_pass(rule_id, example):
    sentences = [s for s in re.findall(r"[^。]+。?", example["text"]) if s.strip()]
    found = []
    for i, s in enumerate(sentences):
        nxt = sentences[i + 1] if i + 1 < len(sentences) else ""
        found.extend(transfers_in(s, _bodies(s), next_text=nxt, next_agencies=_bodies(nxt)))
    expect = example["expect"]
    assert found, f"{rule_id}: nothing found in {example['text']}"
    assert [t["matter"] for t in found] == expect["matters"]
    assert {t["rule"] for t in found} == {rule_id}
    first = found[0]
    assert first["source"] == expect["source"]
    assert first["power"] == expect["power"]
    assert first["target"] == expect["target"]


def test_rules_unknown_key_is_named(tmp_path):
    bad = tmp_path / "relations.yaml"
    bad.write_text(
        "version: 1\npowers: []\nrules:\n  - id: x.v1\n    trigers: [划入]\n    examples: [{text: a}]\n",
        encoding="utf-8",
    )
    relation_rules.cache_clear()
    try:
        with pytest.raises(
            RuleError, match="rule 'x.v1': unknown key 'trigers'; allowed: examples, id, relation, triggers"
        ):
            relation_rules(str(bad))
    finally:
        relation_rules.cache_clear()


def test_rules_every_rule_needs_an_example(tmp_path):
    bad = tmp_path / "relations.yaml"
    bad.write_text("version: 1\npowers: []\nrules:\n  - id: y.v1\n    triggers: [划入]\n", encoding="utf-8")
    with pytest.raises(RuleError, match="'y.v1': every rule needs an id and at least one example"):
        relation_rules(str(bad))
    relation_rules.cache_clear()


def test_rules_lexicon_checks(tmp_path):
    bad = tmp_path / "agencies.yaml"
    bad.write_text(
        "version: 1\nsectors: {a: [x]}\nsuffixes: []\nstandalone: []\nlevels: {}\n"
        "vague_heads: []\nqualifiers: []\ngovernment: []\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match="missing key 'party'"):
        agency_lexicon(str(bad))
    with pytest.raises(RuleError, match="agencies.yaml: unknown key 'government'; allowed: sectors, version"):
        load_yaml(bad, {"version", "sectors"})
    dup = tmp_path / "dup.yaml"
    dup.write_text(
        "version: 1\nsectors: {a: [x], b: [x]}\nsuffixes: []\nstandalone: []\nlevels: {}\n"
        "vague_heads: []\nqualifiers: []\ngovernment: []\nparty: []\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match="core 'x' is listed under 'a' and 'b'"):
        agency_lexicon(str(dup))


def test_rules_lexicon_has_no_seed_only_strings():
    """Lexicons name kinds of bodies, never a particular place's body."""
    lex = agency_lexicon()
    for core in lex.core_sector:
        assert not re.search(r"[省市县区]$", core) or core in ("城市管理和综合执法",), core
