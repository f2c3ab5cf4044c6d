"""Malformed sources and policies fail loudly, in Chinese and English, naming what is wrong."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from xuequ_rules import (
    CitationError,
    RuleConflictError,
    SourceError,
    evaluate,
    load_policy,
)
from xuequ_rules.document.source import load_source
from xuequ_rules.policy.dsl import Case, Cite, Decision, Modality, Outcome, Rule, f, zh_en
from xuequ_rules.policy.policy import Policy

LIUJIANG = Path(__file__).resolve().parents[1] / "policies" / "liujiang" / "source" / "2018"


@pytest.fixture
def source_dir(tmp_path: Path) -> Path:
    target = tmp_path / "2018"
    shutil.copytree(LIUJIANG, target)
    return target


def test_missing_source_text_is_a_source_error(source_dir):
    (source_dir / "text.txt").unlink()
    with pytest.raises(SourceError) as info:
        load_source(source_dir, "2018")
    assert "缺少源文本" in info.value.zh and "missing source text" in info.value.en


def test_malformed_provenance_yaml_names_the_file(source_dir):
    (source_dir / "provenance.yaml").write_text("capture: [unclosed\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load_source(source_dir, "2018")
    assert "provenance.yaml" in info.value.message


def test_erratum_whose_captured_text_is_not_on_its_line_is_rejected(source_dir):
    errata = source_dir / "errata.yaml"
    errata.write_text(errata.read_text(encoding="utf-8").replace('captured: "2018125"',
                                                                 'captured: "2018126"'),
                      encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load_source(source_dir, "2018")
    assert info.value.field == "errata.E02.captured"


def test_erratum_with_unknown_field_is_rejected_naming_it(source_dir):
    errata = source_dir / "errata.yaml"
    errata.write_text(errata.read_text(encoding="utf-8") + "  colour: red\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load_source(source_dir, "2018")
    assert "colour" in (info.value.field or "")


def test_source_text_that_is_not_utf8_is_rejected(source_dir):
    (source_dir / "text.txt").write_bytes("学区".encode("gbk"))
    with pytest.raises(SourceError) as info:
        load_source(source_dir, "2018")
    assert "UTF-8" in info.value.en


PARTY = zh_en("区教育行政部门", "district education authority")
CITE = (Cite("三/(四)/3", "不低于符合交流条件教师总数的10%"),)


def _policy(*rules) -> Policy:
    base = load_policy("liujiang")   # Ziyang's fact schema, for its expenditures
    return Policy(name="t", version="t", document=base.document, parameters=(), rules=rules,
                  facts_model=load_policy("ziyang").facts_model)


def test_a_wrong_quote_stops_the_policy_from_loading_naming_rule_and_clause():
    rule = Rule(id="t.rule", title=zh_en("甲", "a"), kind=Modality.OBLIGATION, party=PARTY,
                subject="teacher_exchanges", requires=f.rotated >= 1,
                cites=(Cite("三/(四)/3", "不低于符合交流条件教师总数的20%"),))
    with pytest.raises(CitationError) as info:
        _policy(rule)
    assert "t.rule" in info.value.message and "三/(四)/3" in info.value.message


def test_a_citation_of_an_unknown_clause_stops_the_load():
    rule = Rule(id="t.rule", title=zh_en("甲", "a"), kind=Modality.OBLIGATION, party=PARTY,
                subject="teacher_exchanges", requires=f.rotated >= 1,
                cites=(Cite("九/(九)", "不低于"),))
    with pytest.raises(CitationError) as info:
        _policy(rule)
    assert "九/(九)" in info.value.message


def _approval(rule_id: str, threshold: int, low: str, high: str) -> Decision:
    return Decision(
        id=rule_id, title=zh_en("审批", "approval"), party=PARTY, subject="expenditures",
        question="expenditure.approval_route", cites=CITE,
        cases=(Case(f.amount < threshold, Outcome(low, zh_en(low, low))),
               Case(f.amount >= threshold, Outcome(high, zh_en(high, high)))))


def test_two_applicable_decisions_answering_differently_are_a_conflict_never_a_silent_pick():
    policy = _policy(_approval("t.a", 100000, "member_principal", "collective_core_principal"),
                     _approval("t.b", 50000, "member_principal", "collective_core_principal"))
    facts = {"expenditures": [{"id": "e", "amount": 70000}]}
    with pytest.raises(RuleConflictError) as info:
        evaluate(policy, facts, as_of=dt.date(2020, 1, 1))
    assert "t.a" in info.value.message and "t.b" in info.value.message
    agreeing = {"expenditures": [{"id": "e", "amount": 20000}]}
    result = evaluate(policy, agreeing, as_of=dt.date(2020, 1, 1))
    assert {f.decision.code for f in result.findings if f.decision} == {"member_principal"}


def test_overlapping_cases_of_one_decision_are_a_conflict():
    rule = Decision(
        id="t.overlap", title=zh_en("审批", "approval"), party=PARTY, subject="expenditures",
        question="q", cites=CITE,
        cases=(Case(f.amount <= 100000, Outcome("a", zh_en("甲", "a"))),
               Case(f.amount >= 100000, Outcome("b", zh_en("乙", "b")))))
    with pytest.raises(RuleConflictError):
        evaluate(_policy(rule), {"expenditures": [{"id": "e", "amount": 100000}]},
                 as_of=dt.date(2020, 1, 1))
