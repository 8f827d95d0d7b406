"""spaCy carries the recognizer: the build's recognition runs as the registered components, and a
user's own spaCy pipeline gets the same places and bodies as spans with their rule ids."""

from __future__ import annotations

import spacy

import kg.nlp
from kg.nlp import fast_nlp
from kg.normalize import normalize
from kg.pipeline import extract_document
from kg.ruleset import load_rules
from kg.types import Article

RULES = load_rules()


def test_nlp_components_in_a_users_own_pipeline():
    nlp = spacy.blank("zh")  # spaCy's own character segmenter
    nlp.add_pipe("quanze_places")
    nlp.add_pipe("quanze_bodies")
    doc = nlp("在宿州市试点后，将亳州市、县环保局的噪声污染处罚权划转至亳州市城管执法局")
    bodies = [(s.text, s._.found.name, s._.rule_id) for s in doc.spans["bodies"]]
    # a coordination is one span and two bodies, each with its own record
    assert ("亳州市、县环保局", "亳州市环保局", "agency.compose.v1") in bodies
    assert ("亳州市、县环保局", "县环保局", "agency.compose.v1") in bodies
    assert ("亳州市城管执法局", "亳州市城管执法局", "agency.compose.v1") in bodies
    assert [s._.found.place.adcode for s in doc.spans["places"]][:2] == ["341300", "341600"]
    assert ("宿州市", "JURISDICTION") in [(e.text, e.label_) for e in doc.ents]  # places inside bodies are no ents


def test_nlp_components_align_tokens_of_another_segmenter(nlp):
    doc = nlp("由市住建局牵头,区城管执法局和县(区)环保局配合")  # jieba's words, cut at the mentions' edges
    assert [e.text for e in doc.ents] == ["市住建局", "区城管执法局", "县(区)环保局"]


def test_nlp_the_build_recognizes_through_the_spacy_components(monkeypatch):
    calls = []
    real = kg.nlp.find_agencies
    monkeypatch.setattr(
        kg.nlp, "find_agencies", lambda text, rules, places: calls.append(text) or real(text, rules, places)
    )
    text = "某区方案\n将区水务局河道采砂的行政处罚权划转至区综合执法局。"
    ex = extract_document(normalize(Article("t.txt", "t.txt", text, 0, len(text)), RULES), RULES)
    assert any("区水务局" in c for c in calls)
    assert {f.get("name") for f in ex.facts if f.kind == "agency"} >= {"区水务局", "区综合执法局"}


def test_nlp_fast_pipeline_keeps_the_vocabulary_to_characters():
    nlp = fast_nlp(RULES)
    before = len(nlp.vocab)
    for i in range(50):
        nlp(f"第{i}条 将县甲{i}局的职责划入县乙局。")
    assert len(nlp.vocab) - before < 40  # new characters only, never a new word per sentence


def test_nlp_the_resolve_component_reads_each_name_in_context():
    nlp = spacy.blank("zh")
    for name in ("quanze_places", "quanze_resolve", "quanze_bodies"):
        nlp.add_pipe(name)
    doc = nlp("长春市城管局指导朝阳区城管局")
    # 朝阳区 beside 长春 is Changchun's, not Beijing's (written alone, the gazetteer's first)
    assert [(s.text, s._.found.place.adcode) for s in doc.spans["places"]] == [
        ("长春市", "220100"),
        ("朝阳区", "220104"),
    ]


def test_nlp_the_build_reads_a_document_as_one_doc_of_its_sentences():
    from kg.nlp import recognize_text

    text = "长春市试点。\n将朝阳区城管局的职责划入区执法局。"
    found = recognize_text(text, [(0, 6), (7, len(text))], RULES)
    assert [[p.text for p in places] for places, _ in found] == [["长春市"], ["朝阳区"]]
    assert found[1][0][0].place.adcode == "220104"  # 朝阳区 read with 长春 in the other sentence
    assert [b.name for b in found[1][1]] == ["朝阳区城管局"] and found[1][1][
        0
    ].start == 1  # offsets within the sentence


def test_nlp_components_read_the_rules_folder_their_config_names(edit_rules):
    import yaml

    from kg.ruleset import default_rules_dir

    data = yaml.safe_load((default_rules_dir() / "agencies.yaml").read_text(encoding="utf-8"))
    data["sectors"]["星象"] = ["观星"]
    folder = edit_rules("agencies.yaml", yaml.safe_dump(data, allow_unicode=True))
    shipped, edited = spacy.blank("zh"), spacy.blank("zh")
    shipped.add_pipe("quanze_bodies")
    edited.add_pipe("quanze_bodies", config={"rules": str(folder)})
    text = "由县观星局和县公安局负责"
    assert [e.text for e in shipped(text).ents] == ["县公安局"]
    assert [(e.text, e._.found.sector) for e in edited(text).ents] == [("县观星局", "星象"), ("县公安局", "公安")]
