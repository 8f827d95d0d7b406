"""Every rule in kg/rules/relations.yaml carries examples; each must pass, and bad rule files fail loudly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.errors import RuleError
from kg.recognize import find_agencies, find_places, resolve_places
from kg.relate import transfers_in
from kg.ruleset import default_rules_dir, load_rules

RULES = load_rules()


def _bodies(text: str):
    """The bodies the recognize stage finds in a text of its own."""
    return find_agencies(text, RULES, resolve_places(find_places(text, RULES))) if text else []


def _examples():
    for rule_id, examples in RULES.relations.examples.items():
        for i, example in enumerate(examples):
            yield pytest.param(rule_id, example, id=f"{rule_id}[{i}]")


@pytest.mark.parametrize("rule_id,example", list(_examples()))
def test_rules_examples_pass(rule_id, example):
    sentences = [s for s in re.findall(r"[^。]+。?", example["text"]) if s.strip()]
    found = []
    for i, s in enumerate(sentences):
        nxt = sentences[i + 1] if i + 1 < len(sentences) else ""
        found.extend(transfers_in(s, _bodies(s), RULES, next_text=nxt, next_agencies=_bodies(nxt)))
    expect = example["expect"]
    assert found, f"{rule_id}: nothing found in {example['text']}"
    assert [t["matter"] for t in found] == expect["matters"]
    assert {t["rule"] for t in found} == {rule_id}
    first = found[0]
    assert first["source"] == expect["source"]
    assert first["power"] == expect["power"]
    assert first["target"] == expect["target"]


def test_rules_unknown_key_is_named(edit_rules):
    folder = edit_rules(
        "relations.yaml",
        "version: 1\npowers: []\nrules:\n  - id: x.v1\n    trigers: [划入]\n    examples: [{text: a}]\n",
    )
    with pytest.raises(
        RuleError,
        match="relations.yaml: rule 'x.v1': unknown key 'trigers'; allowed: examples, frame, id, not_after, relation, triggers",
    ):
        load_rules(folder)


def test_rules_every_rule_names_a_known_clause_frame(edit_rules):
    folder = edit_rules(
        "relations.yaml", "version: 1\npowers: []\nrules:\n  - id: z.v1\n    frame: moving\n    examples: [{text: a}]\n"
    )
    with pytest.raises(
        RuleError, match="rule 'z.v1': unknown frame 'moving'; known: concentrate, exercise, grant, move"
    ):
        load_rules(folder)


def test_rules_a_clause_frame_reads_the_triggers_its_rule_declares(edit_rules):
    # the grant frame reads relations.yaml's triggers: a new verb there is read without touching Python
    text = "授予县城市管理局城市道路管理方面的行政处罚权。"
    assert transfers_in(text, _bodies(text), RULES) == []
    shipped = (Path(default_rules_dir()) / "relations.yaml").read_text(encoding="utf-8")
    folder = edit_rules("relations.yaml", shipped.replace("triggers: [赋予]", "triggers: [赋予, 授予]"))
    rules = load_rules(folder)
    found = transfers_in(text, find_agencies(text, rules), rules)
    assert [(t["rule"], t["target"], t["matter"]) for t in found] == [
        ("transfer.grant.v1", "县城市管理局", "城市道路管理")
    ]


def test_rules_every_rule_needs_an_example(edit_rules):
    folder = edit_rules("relations.yaml", "version: 1\npowers: []\nrules:\n  - id: y.v1\n    triggers: [划入]\n")
    with pytest.raises(RuleError, match="'y.v1': every rule needs an id and at least one example"):
        load_rules(folder)


def test_rules_lexicon_checks(edit_rules):
    head = "version: 1\nsuffixes: []\nstandalone: []\nlevels: {}\nvague_heads: []\nqualifiers: []\n"
    folder = edit_rules("agencies.yaml", head + "sectors: {a: [x]}\ngovernment: []\n")
    with pytest.raises(RuleError, match="agencies.yaml: missing key 'party'"):
        load_rules(folder)
    folder = edit_rules("agencies.yaml", head + "sectors: {a: [x]}\ngovernment: []\nparty: []\ngovernments: []\n")
    with pytest.raises(RuleError, match="agencies.yaml: unknown key 'governments'; allowed: bracketed_levels"):
        load_rules(folder)
    folder = edit_rules("agencies.yaml", head + "sectors: {a: [x], b: [x]}\ngovernment: []\nparty: []\n")
    with pytest.raises(RuleError, match="core 'x' is listed under 'a' and 'b'"):
        load_rules(folder)


def test_rules_folder_errors_name_the_file(edit_rules, tmp_path):
    folder = edit_rules("places.yaml", "version: 1\nnot_places: [城区\n")
    with pytest.raises(RuleError, match="places.yaml: cannot read rules"):
        load_rules(folder)
    (folder / "places.yaml").unlink()
    with pytest.raises(RuleError, match=r"places.yaml: missing rules file \(a rules folder holds abbreviations"):
        load_rules(folder)
    with pytest.raises(RuleError, match="no such rules folder"):
        load_rules(tmp_path / "nowhere")


def test_rules_lexicon_has_no_seed_only_strings():
    """Lexicons name kinds of bodies, never a particular place's body."""
    lex = RULES.agencies
    for core in lex.core_sector:
        assert not re.search(r"[省市县区]$", core) or core in ("城市管理和综合执法",), core
