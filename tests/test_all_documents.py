"""Every installed policy version: loads, round-trips, cites verbatim, stays true to its capture."""

from __future__ import annotations

import pytest

from xuequ_rules import check_policy, load_policy
from xuequ_rules.document.source import verify_against_capture
from xuequ_rules.policy.policy import quote_in_clause
from xuequ_rules.registry import broken_packages, packages

REFS = [f"{name}@{version}" for name, package in packages().items()
        for version in package.versions()]


def test_every_policy_package_loads():
    assert broken_packages() == {}


@pytest.mark.parametrize("ref", REFS)
def test_policy_clause_texts_reproduce_the_cleaned_source(ref):
    document = load_policy(ref).document
    assert "".join(c.text for c in document.walk()) == document.source.text


@pytest.mark.parametrize("ref", REFS)
def test_policy_clause_ids_are_unique_and_resolvable(ref):
    document = load_policy(ref).document
    ids = [c.id for c in document.walk()]
    assert len(ids) == len(set(ids))
    for clause_id in ids:
        assert document.clause(clause_id).id == clause_id


@pytest.mark.parametrize("ref", REFS)
def test_policy_cleaned_text_comes_from_its_capture(ref, seeds):
    document = load_policy(ref).document
    provenance = document.source.provenance
    capture = (seeds.parent / provenance.collection / provenance.capture).read_text(
        encoding="utf-8")
    assert verify_against_capture(document.source, capture) == []


@pytest.mark.parametrize("ref", REFS)
def test_policy_every_citation_resolves_verbatim(ref):
    policy = load_policy(ref)
    for rule in policy.rules:
        for cite in rule.cites:
            assert quote_in_clause(policy.document, cite), (rule.id, cite)
    for parameter in policy.parameters:
        for cite in parameter.cites:
            assert quote_in_clause(policy.document, cite), (parameter.id, cite)


@pytest.mark.parametrize("ref", REFS)
def test_policy_has_no_library_defects_every_number_classified(ref):
    report = check_policy(load_policy(ref))
    assert report.defects == (), [d.text.en for d in report.defects]
