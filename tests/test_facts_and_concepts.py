"""Each policy package owns its facts and concepts; the core keeps the shared vocabulary."""

from __future__ import annotations

import dataclasses

import pytest

from xuequ_rules import FactsError, evaluate, load_policy
from xuequ_rules.errors import PolicyDefinitionError
from xuequ_rules.facts import (
    SHARED_COLLECTIONS,
    Collection,
    Facts,
    collections_of,
    facts_schema,
    parse_facts,
)
from xuequ_rules.facts.fields import field_spec
from xuequ_rules.facts.model import Record, School
from xuequ_rules.policy.concepts import SHARED_CONCEPTS, concept_label
from xuequ_rules.registry import packages

SHIPPED = ("caoxian", "changping", "guilin", "liujiang", "nantong", "national",
           "xuequ_office", "ziyang")


def _judged_by() -> dict[str, set[str]]:
    judged: dict[str, set[str]] = {}
    for name in SHIPPED:
        for rule in load_policy(name).rules:
            if rule.subject:
                judged.setdefault(rule.subject, set()).add(name)
    return judged


def test_the_shared_vocabulary_holds_only_records_two_documents_or_the_core_talk_about() -> None:
    judged = _judged_by()
    # milestones: the core's phase rules
    core = {"milestones"}
    for collection in SHARED_COLLECTIONS:
        assert collection in core or len(judged.get(collection, set())) >= 2, collection


def test_a_collection_one_package_judges_is_declared_by_that_package_only() -> None:
    for collection, owners in _judged_by().items():
        if collection in SHARED_COLLECTIONS:
            continue
        assert len(owners) == 1, (collection, owners)
        (owner,) = owners
        assert collection in collections_of(load_policy(owner).facts_model)
        others = [n for n in SHIPPED if n != owner]
        assert all(collection not in collections_of(load_policy(n).facts_model) for n in others)


def test_liujiang_extends_the_shared_district_indicators_with_its_group_targets() -> None:
    liujiang = load_policy("liujiang").facts_model
    assert field_spec(liujiang, "district_indicators", "pairing_coverage") is not None
    assert field_spec(Facts, "district_indicators", "pairing_coverage") is None


def test_a_ziyang_expenditure_is_refused_by_liujiang_naming_liujiang() -> None:
    with pytest.raises(FactsError) as info:
        parse_facts({"expenditures": [{"id": "e"}]}, policy=load_policy("liujiang"))
    assert "liujiang" in info.value.zh and "liujiang" in info.value.en
    assert "未知字段" in info.value.zh and "unknown field" in info.value.en


def test_a_shared_scenario_is_validated_anew_for_the_policy_that_evaluates_it() -> None:
    scenario = parse_facts({"teacher_exchanges": [{"id": "t", "eligible": 10, "rotated": 1}]})
    assert type(scenario) is Facts
    result = evaluate(load_policy("nantong"), scenario, what_if=True)
    assert result.for_rule("nantong.teacher_exchange.min_share")


def test_a_package_collection_may_not_reuse_a_shared_name() -> None:
    with pytest.raises(PolicyDefinitionError) as info:
        facts_schema("x", own={"schools": Collection(School, "学校", "schools")})
    assert info.value.field == "facts.schools"


def test_an_extension_must_subclass_the_shared_record() -> None:
    class Other(Record):
        pass

    with pytest.raises(PolicyDefinitionError):
        facts_schema("x", extends={"schools": Other})


def test_an_undeclared_concept_is_a_load_error_naming_the_concept_and_the_rule() -> None:
    liujiang = load_policy("liujiang")
    rule = liujiang.rule("liujiang.teacher_exchange.min_share")
    with pytest.raises(PolicyDefinitionError) as info:
        dataclasses.replace(liujiang, rules=(dataclasses.replace(rule, concept="no.such"),))
    assert "no.such" in info.value.en and rule.id in info.value.en
    assert info.value.field == f"{rule.id}.concept"


def test_a_package_may_not_redeclare_a_shared_concept() -> None:
    liujiang = load_policy("liujiang")
    with pytest.raises(PolicyDefinitionError):
        dataclasses.replace(liujiang, concepts=(*liujiang.concepts, SHARED_CONCEPTS[0]))


def test_every_concept_of_every_shipped_policy_has_labels_and_a_definition() -> None:
    for name, package in packages().items():
        if name not in SHIPPED:
            continue
        for version in package.versions():
            policy = package.load(version)
            used = {r.concept for r in policy.rules} | {p.concept for p in policy.parameters}
            for concept_id in used - {None}:
                assert concept_id is not None
                found = policy.concept(concept_id)
                assert found is not None, (policy.ref, concept_id)
                assert found.label.zh and found.label.en
                assert found.definition.zh and found.definition.en


def test_liujiang_and_ziyang_six_unifications_are_different_concepts() -> None:
    liujiang = load_policy("liujiang").parameter("liujiang.zone.six_unifications")
    ziyang = load_policy("ziyang").parameter("ziyang.zone.six_unifications")
    assert liujiang.concept == "zone.six_unifications"
    assert ziyang.concept == "community.six_unifications"
    assert concept_label(load_policy("ziyang"), "community.six_unifications").zh.startswith(
        "教共体")


def test_the_teacher_exchange_concept_is_labelled_in_chinese() -> None:
    assert concept_label(load_policy("nantong"), "teacher_exchange.min_share_per_year").zh == \
        "教师交流轮岗最低比例"
